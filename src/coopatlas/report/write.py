"""`coopatlas report`: one folder with a self-contained HTML report, every chart as PNG and SVG, the
tables as one XLSX workbook, and the partner network for Gephi.

    from coopatlas import Atlas
    from coopatlas.report import ReportOptions, write_report
    files = write_report(Atlas("atlas.db"), ReportOptions(out=Path("report"), selection=Selection(("central",))))
    files.index   # report/index.html: open it in a browser, no network needed
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from coopatlas.analysis.frames import Selection, load_frames
from coopatlas.analysis.profiles import profile_index, profiles as region_lines
from coopatlas.report import render
from coopatlas.report.html import write_html
from coopatlas.report.page import Figure, Page
from coopatlas.report.sections import coverage, districts, maps, network, profiles, trade
from coopatlas.report.sections.part import ChartSpec, Context, Part
from coopatlas.report.words import words
from coopatlas.report.workbook import write_workbook

__all__ = ["ReportOptions", "ReportFiles", "write_report", "SECTIONS"]

SECTIONS = (districts, profiles, coverage, network, maps, trade)
LOCALES = {"ru": "ru-RU"}  # number format of the charts (decimal comma); English keeps the default


@dataclass(frozen=True)
class ReportOptions:
    out: Path = Path("report")
    selection: Selection = Selection()
    trade: Path | None = None          # an inter-regional trade table (CSV or XLSX)
    boundaries: Path | None = None     # a boundary GeoJSON for a true choropleth
    lang: str = "en"
    images: bool = True                # every chart also as PNG and SVG
    title: str | None = None


@dataclass(frozen=True)
class ReportFiles:
    index: Path
    tables: Path
    written: tuple[Path, ...] = field(default_factory=tuple)


def write_report(atlas, options: ReportOptions = ReportOptions(), progress=lambda step: None) -> ReportFiles:
    """Analyse the atlas for `options.selection` and write the report folder; `progress(step)` is told
    each step's name as it starts."""
    out = Path(options.out)
    progress("reading the atlas")
    frames = load_frames(atlas, options.selection)
    index = profile_index(frames)
    ctx = Context(frames, options.lang, words(options.lang), out, region_lines(frames, options.lang, index), index,
                  options.trade, options.boundaries)
    parts, written = [], []
    for module in SECTIONS:
        progress(module.__name__.rsplit(".", 1)[-1])
        part = module.build(ctx)
        progress(f"charts of {part.section.key}")
        parts.append(_with_figures(part, out, options.images, written, LOCALES.get(options.lang)))
        written += part.files
    progress("writing HTML and XLSX")
    sheets = {name: frame for part in parts for name, frame in part.sheets.items()}
    tables = write_workbook(sheets, out / "tables.xlsx")
    index = write_html(_page(parts, ctx, options), out / "index.html", render.javascript_bundle())
    return ReportFiles(index, tables, tuple([index, tables, *written]))


def _with_figures(part: Part, out: Path, images: bool, written: list, locale: str | None) -> Part:
    figures = tuple(_figure(spec, out, images, written, locale) for spec in part.charts)
    return replace(part, section=replace(part.section, figures=figures))


def _figure(spec: ChartSpec, out: Path, images: bool, written: list, locale: str | None) -> Figure:
    html = render.to_html_fragment(spec.chart, f"chart-{spec.key}", locale)
    if not images:
        return Figure(spec.key, html, spec.caption)
    png = render.to_png(spec.chart, out / "figures" / f"{spec.key}.png", locale=locale)
    svg = render.to_svg(spec.chart, out / "figures" / f"{spec.key}.svg", locale=locale)
    written += [png, svg]
    return Figure(spec.key, html, spec.caption, f"figures/{png.name}", f"figures/{svg.name}")


def _page(parts, ctx: Context, options: ReportOptions) -> Page:
    from coopatlas.version import extractor_version

    frames, w = ctx.frames, ctx.words
    partners = {p for ps in frames.facts["partners_list"] for p in ps}
    headline = ((w["documents"], str(len(frames.documents))),
                (w["regions"], str(frames.documents["author"].nunique())),
                (w["facts"], str(len(frames.facts))), (w["partners"], str(len(partners))))
    notes = (w["frame_iso" if frames.selection.frame == "iso" else "frame_ru"],)
    subtitle = f"{frames.selection.describe()} · {date.today().isoformat()}"
    return Page(options.title or w["title"], subtitle, ctx.lang, extractor_version(), w, headline, notes,
                tuple(p.section for p in parts), tuple(g for p in parts for g in p.evidence))
