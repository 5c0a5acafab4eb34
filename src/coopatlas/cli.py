"""Thin commands: each parses options, calls one library function, prints.

Exit status: 0 all went well; 1 some input file failed (each is reported and the rest processed);
2 the command was used wrongly (unknown option, unknown identifier, unreadable gold file).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from coopatlas.errors import CoopatlasError, internal_error_reason

SUPPORTED = (".txt", ".text", ".html", ".htm", ".pdf", ".docx", ".doc", ".odt", ".rtf")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coopatlas")
def main():
    """coopatlas: an evidence-linked atlas of inter-regional and cross-border cooperation."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--author", help="Codebook identifier of the issuing territory, e.g. RU-KLU (else inferred).")
@click.option("--authors", "authors_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON Lines with document and author keys (a gold file) giving each document's author.")
@click.option("--lang", type=click.Choice(["ru", "en", "auto"]), default="auto", show_default=True)
@click.option("--relative-to", type=click.Path(file_okay=False, path_type=Path),
              help="Print document paths relative to this folder.")
@click.option("--summary", is_flag=True, help="Print a readable table instead of JSON Lines.")
@click.option("--ocr", is_flag=True, help="Run PDFs without a text layer through Tesseract (rus+eng).")
def extract(paths, author, authors_file, lang, relative_to, summary, ocr):
    """Extract cooperation facts: one JSON line per document (codebook section 7).

    \b
    Examples:
      coopatlas extract strategy.pdf --author RU-KLU
      coopatlas extract examples/ --summary
      coopatlas extract news.html --lang ru > facts.jsonl
    """
    from coopatlas import extract as ex
    from coopatlas.reference import load_reference

    ref = load_reference()
    if author and author not in ref.parties:
        raise click.UsageError(f"--author {author!r} is not a codebook identifier (try RU-KLU, BY, …)")
    authors = _read_authors(authors_file) if authors_file else {}
    failed = 0
    rows = []
    for path in paths:
        if path.is_dir() and not any(True for _ in _expand([path])):
            failed += 1
            click.echo(f"coopatlas: {path}: no supported files ({', '.join(SUPPORTED)}) in this folder", err=True)
    for path in _expand(paths):
        name = _display(path, relative_to)
        try:
            listed = name in authors
            result = ex.extract_file(path, authors[name] if listed else author, lang=lang, infer=not listed, ocr=ocr)
            result = _renamed(result, name)
        except CoopatlasError as err:
            failed += 1
            click.echo(f"coopatlas: {name}: {err}", err=True)
            result = _failed(name, str(err))
        except Exception as err:  # noqa: BLE001 - a bug on one document: the batch goes on
            failed += 1
            click.echo(f"coopatlas: {name}: {internal_error_reason(err)}", err=True)
            result = _failed(name, internal_error_reason(err))
        rows.append(result)
        if not summary:
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    if summary:
        from coopatlas.summary import render_summary

        click.echo(render_summary(rows))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores and errors as JSON.")
@click.option("--only", "prefix", help="Score only documents whose key starts with this prefix, e.g. heldout/.")
def evaluate(gold, pred, as_json, prefix):
    """Score predictions against a gold file (codebook section 8) and list the errors per document.

    \b
    Examples:
      coopatlas evaluate tests/data/gold/tune.jsonl pred.jsonl
      coopatlas evaluate gold.jsonl pred.jsonl --json > scores.json
    """
    from coopatlas import evaluation

    try:
        from coopatlas.reference import load_reference

        resolve = load_reference().resolve_id
        gold_records = evaluation.canonicalise(evaluation.read_jsonl(gold), resolve)
        pred_records = evaluation.canonicalise(evaluation.read_jsonl(pred), resolve)
        keys = None
        if prefix:
            keys = {r.document for r in gold_records if r.document.startswith(prefix)}
        report = evaluation.evaluate(gold_records, pred_records, documents=keys)
    except CoopatlasError as err:
        raise click.UsageError(str(err)) from None
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(evaluation.render_table(report))


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default="atlas.db", show_default=True,
              help="SQLite file, or a database URL (postgresql://user@host/name).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV or YAML giving author, type, year, URL, title per path or hash (docs/manifest.md).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--ocr", is_flag=True, help="Run PDFs without a text layer through Tesseract (rus+eng).")
@click.option("--set", "assignments", multiple=True, metavar="NAME=VALUE",
              help="A limit or option from `coopatlas settings` (repeatable).")
def build(sources, db, manifest, jobs, ocr, assignments):
    """Build or update an atlas from folders and .zip archives of documents.

    Unchanged files are skipped; changed and new ones are coded; a new extractor version re-codes
    everything and keeps the earlier facts as history. Files that cannot be read are recorded (see
    `coopatlas status`) and the rest goes on. Exit status 1 when some file failed.

    \b
    Examples:
      coopatlas build demo/corpus --db demo-atlas.db --manifest demo/manifest.csv
      coopatlas build strategies/ portal-export.zip --db atlas.db --jobs 2
      coopatlas build scans/ --db atlas.db --ocr --set max_pdf_pages=300
    """
    from coopatlas.build import build_atlas
    from coopatlas.progress import build_progress
    from coopatlas.sources import parse_assignments

    try:
        settings = parse_assignments(list(assignments) + (["ocr=yes"] if ocr else []))
        with build_progress() as on_progress:
            report = build_atlas(sources, db, manifest=manifest, jobs=jobs, settings=settings,
                                 on_progress=on_progress)
    except CoopatlasError as err:
        raise click.UsageError(str(err)) from None
    for path, reason in report.problems:
        click.echo(f"coopatlas: {path}: {reason}", err=True)
    click.echo(f"atlas: {report.db} (run {report.run_id}, extractor {report.extractor_version})")
    click.echo(f"{report.found} files: {report.stored} coded ({report.facts} facts), {report.unchanged} unchanged, "
               f"{report.duplicates} duplicates, {report.failed} failed; {report.seconds:.1f} s")
    sys.exit(1 if report.failed else 0)


@main.command()
@click.option("--db", default="atlas.db", show_default=True, help="The atlas (SQLite file or database URL).")
@click.option("--all-regions", is_flag=True, help="List every federal subject, also those with no document.")
def status(db, all_regions):
    """Coverage of the atlas: each region's documents, types and latest year; runs; files that failed.

    \b
    Examples:
      coopatlas status --db demo-atlas.db
      coopatlas status --db atlas.db --all-regions
    """
    from coopatlas.coverage import coverage, unknown_author
    from coopatlas.reference import load_reference

    atlas = _open_atlas(db)
    ref = load_reference()
    subjects = {p.id: p.name_ru for p in ref.parties.values() if p.kind == "subject"}
    documents, facts = atlas.documents(), atlas.facts()
    table = coverage(documents, facts, subjects)
    covered = table[table["documents"] > 0]
    shown = table if all_regions else covered
    click.echo(shown.to_string(index=False, na_rep="-"))
    runs = atlas.runs()
    errors = atlas.file_errors()
    click.echo(f"\n{len(documents)} documents ({unknown_author(documents)} without a known author), {len(facts)} facts; "
               f"{len(covered)} of {len(subjects)} subjects covered; {len(runs)} runs, "
               f"latest extractor {runs['extractor_version'].iloc[-1] if len(runs) else '-'}")
    if len(errors):
        click.echo(f"\nfiles that failed in the latest run ({len(errors)}):")
        for row in errors.itertuples(index=False):
            click.echo(f"  {row.path}: {row.reason}")


@main.command()
@click.argument("query")
@click.option("--db", default="atlas.db", show_default=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
def search(query, db, limit):
    """Full-text search over the cooperation passages of the atlas.

    \b
    Examples:
      coopatlas search "дорожная карта" --db demo-atlas.db
      coopatlas search "Беларусь туризм" --db atlas.db --limit 5
    """
    hits = _open_atlas(db).search(query, limit=limit)
    if hits.empty:
        click.echo("no passage matches")
    for hit in hits.itertuples(index=False):
        click.echo(f"[{hit.document_id}] {hit.path} ({hit.author or '-'}), {hit.start}-{hit.end}\n    {hit.snippet}")


@main.command()
@click.argument("document")
@click.option("--db", default="atlas.db", show_default=True)
def show(document, db):
    """A document of the atlas (by id or path): its metadata and every fact with its evidence.

    \b
    Examples:
      coopatlas show 1 --db demo-atlas.db
      coopatlas show demo/corpus/central/kaluga-strategy-2024.pdf --db demo-atlas.db
    """
    atlas = _open_atlas(db)
    documents = atlas.documents()
    chosen = documents[(documents["path"] == document) | (documents["id"].astype(str) == document)]
    if chosen.empty:
        raise click.UsageError(f"no document {document!r} in {db} (give its id or its path as stored)")
    doc = chosen.iloc[0]
    for key in ("id", "path", "title", "author", "district", "doc_type", "year_adopted", "year_horizon",
                "language", "format", "url", "sha256"):
        value = doc.get(key)
        if value is not None and not (isinstance(value, float) and value != value):
            click.echo(f"{key:13} {value}")
    facts = atlas.facts()
    evidence = atlas.evidence()
    for fact in facts[facts["document_id"] == doc["id"]].itertuples(index=False):
        click.echo(f"\nfact {fact.fact_id}: {_v(fact.parties)}  [{fact.specificity}, {fact.status}, "
                   f"{_v(fact.direction)}, {_v(fact.arity)}]  spheres: {_v(fact.spheres)}")
        if _v(fact.implied) != "-":
            click.echo(f"  implied: {fact.implied}")
        for ev in evidence[evidence["fact_id"] == fact.fact_id].itertuples(index=False):
            click.echo(f"  {ev.start}-{ev.end}: {ev.quote}")


@main.command()
@click.option("--db", default="atlas.db", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet", "jsonl", "qdpx", "stata", "spss", "gexf",
                                                    "graphml", "geojson"]), default="csv", show_default=True,
              help="Tables (csv, xlsx, parquet, jsonl) or a file for another tool: qdpx (QualCoder, NVivo, "
                   "ATLAS.ti, MAXQDA), stata (.dta), spss (.sav), gexf / graphml (Gephi), geojson (regions).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("atlas-export"),
              show_default=True, help="Folder to write into.")
@click.option("--boundaries", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="geojson only: region boundaries to join the indicators to (else points at capitals).")
def export(db, fmt, out, boundaries):
    """Export documents, facts, parties and spheres (long form), facts with one column per sphere
    (wide form) and a data dictionary; or the atlas for QDA software, Stata, SPSS, Gephi or a GIS.

    \b
    Examples:
      coopatlas export --db demo-atlas.db --format xlsx --out export/
      coopatlas export --db atlas.db --format parquet --out for-r/
      coopatlas export --db demo-atlas.db --format qdpx --out for-nvivo/
      coopatlas export --db demo-atlas.db --format stata --out for-stata/
    """
    from coopatlas.export import FORMATS, tables, write_tables

    atlas = _open_atlas(db)
    try:
        if fmt in FORMATS:
            written = write_tables(tables(atlas), out, fmt)
        else:
            from coopatlas.report.exports import write_for_tool
            written = write_for_tool(atlas, out, fmt, boundaries=boundaries)
    except CoopatlasError as error:
        click.echo(f"coopatlas: {error}", err=True)
        sys.exit(2)
    finally:
        atlas.close()
    for path in written:
        click.echo(path)


@main.command()
@click.option("--db", default="atlas.db", show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("report"), show_default=True,
              help="Folder to write the report into.")
@click.option("--districts", help="Federal districts to show, comma-separated ids: central,north-west,volga,…")
@click.option("--from", "year_from", type=int, help="First year of the period (documents adopted from then).")
@click.option("--to", "year_to", type=int, help="Last year of the period.")
@click.option("--frame", type=click.Choice(["ru", "iso"]), default="ru", show_default=True,
              help="Legal frame of direction: ru counts subjects admitted under Russian law as domestic; iso only RU-*.")
@click.option("--trade", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Inter-regional trade table (CSV or XLSX: year, from, to, commodity group, value, unit).")
@click.option("--boundaries", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Region boundaries (GeoJSON with ISO 3166-2 codes, e.g. geoBoundaries RUS ADM1) for a choropleth.")
@click.option("--lang", type=click.Choice(["en", "ru"]), default="en", show_default=True)
@click.option("--no-images", is_flag=True, help="Skip the PNG and SVG files (the HTML still has every chart).")
def report(db, out, districts, year_from, year_to, frame, trade, boundaries, lang, no_images):
    """Write an HTML report (offline, self-contained) with district figures, region profiles, coverage,
    the partner network, maps and trade flows; every chart also as PNG and SVG, the tables as XLSX.

    \b
    Examples:
      coopatlas report --db demo-atlas.db --out demo-report
      coopatlas report --db atlas.db --districts central,north-west --from 2010 --to 2020 --lang ru
      coopatlas report --db atlas.db --trade trade.csv --boundaries geoBoundaries-RUS-ADM1.geojson
    """
    from coopatlas.analysis import Selection
    from coopatlas.progress import step_progress
    from coopatlas.report import ReportOptions, write_report
    from coopatlas.report.write import SECTIONS

    chosen = _districts(districts)
    if year_from is not None and year_to is not None and year_from > year_to:
        raise click.UsageError(f"--from {year_from} is after --to {year_to}")
    atlas = _open_atlas(db)
    options = ReportOptions(out=out, selection=Selection(chosen, year_from, year_to, frame), trade=trade,
                            boundaries=boundaries, lang=lang, images=not no_images)
    try:
        with step_progress(2 * len(SECTIONS) + 2) as on_step:
            files = write_report(atlas, options, progress=on_step)
    except CoopatlasError as error:
        click.echo(f"coopatlas: {error}", err=True)
        sys.exit(2)
    finally:
        atlas.close()
    click.echo(f"report: {files.index}")
    click.echo(f"tables: {files.tables}")
    click.echo(f"{len(files.written)} files in {out}")


def _districts(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    from coopatlas.reference import load_reference

    known = load_reference().districts
    chosen = tuple(d.strip() for d in value.split(",") if d.strip())
    unknown = [d for d in chosen if d not in known]
    if unknown:
        raise click.UsageError(f"unknown district {', '.join(unknown)}; use {', '.join(known)}")
    return chosen


@main.command()
def settings():
    """List the limits and options `build --set NAME=VALUE` accepts, with their defaults."""
    from coopatlas.sources import settings_help

    click.echo(settings_help())


def _v(value) -> str:
    """A cell for people: "-" for empty, None or NaN."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return "-"
    return str(value)


def _open_atlas(db: str):
    from coopatlas.store import Atlas

    if "://" not in db and not Path(db).exists():
        raise click.UsageError(f"no atlas at {db} (build one with `coopatlas build SOURCE --db {db}`)")
    try:
        return Atlas(db)
    except CoopatlasError as err:
        raise click.UsageError(str(err)) from None


def _expand(paths):
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        else:
            yield path


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def _read_authors(path: Path) -> dict[str, str | None]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["document"]] = record.get("author")
    return out


def _renamed(result, name):
    from dataclasses import replace

    return replace(result, document=name)


def _failed(name: str, reason: str):
    from coopatlas.model import DocumentResult

    return DocumentResult(name, None, None, (), error=reason)


if __name__ == "__main__":
    main()
