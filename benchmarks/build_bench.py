"""The build benchmark: `build_atlas` on a generated corpus of N MB, end to end (walk, read, extract, store).

    python benchmarks/build_bench.py                 # 200 MB, writes benchmarks/build-results.json
    python benchmarks/build_bench.py --quick         # 20 MB smoke run; writes .corpus/build-results-quick.json
    python benchmarks/build_bench.py --size-mb 400

Runs, each in a fresh subprocess (so its peak RSS is its own, and that of its workers is measured
apart): jobs=1 on the full corpus into a new database, a no-op rebuild of that same database, jobs=2
on the full corpus into another new database, and jobs=1 on the first half of the corpus (twice the
corpus should take about twice the time, with the same peak memory). See benchmarks/README.md,
"Build benchmark", for the columns.

The corpus is benchmarks/corpus.py's (document i of seed s depends only on (s, i)), laid out as a
source folder under benchmarks/.corpus/: most documents as .txt, every 5th as .html (paragraphs in
<p>), and every 10th packed into .zip archives of up to 40 members.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MB = 1_000_000
LAYOUT_VERSION = 2
ZIP_MEMBERS = 40
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- the source folder

def kind_of(index: int) -> str:
    """Where document ``index`` goes: 'zip' (every 10th), 'html' (every 5th of the rest) or 'txt'."""
    if index % 10 == 3:
        return "zip"
    if index % 5 == 1:
        return "html"
    return "txt"


def to_html(text: str, title: str) -> str:
    """Every line becomes a <p> (tables and list items too); the first line is also the <title>."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return (f"<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title></head>\n<body>\n{body}\n</body></html>\n")


def source_folder(size_mb: float, seed: int, log) -> tuple[Path, dict]:
    """The source folder for the first ``size_mb`` MB of the corpus (made once, then reused)."""
    sys.path.insert(0, str(HERE))
    import corpus as corpus_mod

    corpus = corpus_mod.Corpus(seed)
    started = time.perf_counter()
    docs = corpus.ensure(int(size_mb * MB), lambda done, want: log(f"\r  generating {done / MB:6.1f} / {want / MB:.1f} MB", end=""))
    generated_s = time.perf_counter() - started
    folder = corpus_mod.CORPUS_ROOT / f"build-l{LAYOUT_VERSION}-{corpus.fingerprint}-seed{seed}-{len(docs)}docs"
    stamp = folder / ".layout.json"
    if stamp.exists():
        layout = json.loads(stamp.read_text())
        layout["reused"] = True
        return folder / "src", layout
    log(f"\n  laying out {len(docs)} documents in {folder} ...")
    if folder.exists():
        shutil.rmtree(folder)
    src = folder / "src"
    src.mkdir(parents=True)
    counts = {"txt": 0, "html": 0, "zip_members": 0, "zip_archives": 0}
    doc_bytes = 0
    sizes: dict[str, int] = {}  # document stem → bytes the build reads, for the child's timeline
    pack: list[tuple[str, bytes]] = []

    def flush_pack():
        if not pack:
            return
        name = src / f"pack{counts['zip_archives']:04d}.zip"
        with zipfile.ZipFile(name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for member, data in pack:
                archive.writestr(zipfile.ZipInfo(member, ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
        counts["zip_archives"] += 1
        pack.clear()

    for index, doc in enumerate(docs):
        path = corpus.path(doc)
        kind = kind_of(index)
        stem = Path(doc["name"]).stem
        if kind == "txt":
            target = src / doc["name"]
            try:
                os.link(path, target)
            except OSError:
                shutil.copyfile(path, target)
            doc_bytes += doc["bytes"]
            sizes[stem] = doc["bytes"]
        else:
            text = path.read_text(encoding="utf-8")
            data = (to_html(text, text.split("\n", 1)[0]) if kind == "html" else text).encode("utf-8")
            doc_bytes += len(data)
            sizes[stem] = len(data)
            if kind == "html":
                (src / f"{stem}.html").write_bytes(data)
            else:
                pack.append((f"{stem}.txt", data))
                if len(pack) >= ZIP_MEMBERS:
                    flush_pack()
        counts[kind if kind != "zip" else "zip_members"] += 1
    flush_pack()
    (folder / "sizes.json").write_text(json.dumps(sizes))
    on_disk = sum(p.stat().st_size for p in src.iterdir())
    summary = corpus_mod.summarize(docs)
    layout = {"documents": len(docs), "document_bytes": doc_bytes, "text_bytes": summary["bytes"],
              "bytes_on_disk": on_disk, "files_on_disk": sum(1 for _ in src.iterdir()), **counts,
              "tokens_regex": summary["tokens_regex"], "coop_sentence_share": summary["coop_sentence_share"],
              "corpus_sha256": summary["sha256"], "seed": seed, "generated_s": round(generated_s, 1)}
    stamp.write_text(json.dumps(layout, indent=1))
    layout["reused"] = False
    return src, layout


# ---------------------------------------------------------------- one measured run (in a child process)

CHILD = r"""
import json, re, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from coopatlas.build import build_atlas
sources, db, jobs = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sizes = json.loads(Path(sys.argv[4]).read_text())
imported = time.perf_counter()
self_before = resource.getrusage(resource.RUSAGE_SELF)
timeline, done_bytes, stem = [], 0, re.compile(r"doc\d+")
def progress(report, path):  # (seconds since the build started, document bytes stored so far)
    global done_bytes
    found = stem.findall(path)
    done_bytes += sizes.get(found[-1], 0) if found else 0
    timeline.append((round(time.perf_counter() - imported, 3), done_bytes))
report = build_atlas(sources, db, jobs=jobs, on_progress=progress)
ended = time.perf_counter()
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "found": report.found, "stored": report.stored, "unchanged": report.unchanged,
    "duplicates": report.duplicates, "failed": report.failed, "facts": report.facts,
    "problems": report.problems[:5], "extractor_version": report.extractor_version,
    "import_s": round(imported - started, 3), "build_s": round(ended - imported, 3),
    "report_seconds": round(report.seconds, 3),
    "main_cpu_s": round(me.ru_utime + me.ru_stime - self_before.ru_utime - self_before.ru_stime, 2),
    "workers_cpu_s": round(kids.ru_utime + kids.ru_stime, 2),
    "main_peak_rss_mb": round(me.ru_maxrss / 1024, 1),
    "workers_peak_rss_mb": round(kids.ru_maxrss / 1024, 1) if jobs > 1 else None,
    "timeline": timeline,
}))
"""


def child_env() -> dict:
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[name] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    return env


def db_files(db: Path) -> dict:
    sizes = {}
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(db) + suffix)
        sizes["db" + suffix.replace("-", "_")] = path.stat().st_size if path.exists() else 0
    return sizes


def remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def measure(name: str, source: Path, layout: dict, db: Path, jobs: int, log, fresh: bool = True) -> dict:
    if fresh:
        remove_db(db)
    log(f"  {name}: jobs={jobs}, {layout['documents']} documents, {layout['document_bytes'] / MB:.1f} MB"
        f"{'' if fresh else ' (same database)'} ...", end="")
    started = time.perf_counter()
    sizes = source.parent / "sizes.json"
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps([str(source)]), str(db), str(jobs), str(sizes)],
                          capture_output=True, text=True, env=child_env(), cwd=REPO)
    process_s = time.perf_counter() - started
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(f"\n{name} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    record = json.loads(lines[-1])
    seconds = record["build_s"]
    record.update(name=name, jobs=jobs, documents=layout["documents"], mb=round(layout["document_bytes"] / MB, 2),
                  process_s=round(process_s, 2), seconds=seconds,
                  docs_per_s=round(layout["documents"] / seconds, 1), mb_per_s=round(layout["document_bytes"] / MB / seconds, 2),
                  cpu_per_wall=round((record["main_cpu_s"] + record["workers_cpu_s"]) / seconds, 2),
                  **db_files(db))
    record["db_mb"] = round((record["db"] + record["db_wal"]) / MB, 1)
    record.update(halves(record.pop("timeline"), seconds))
    log(f" {seconds:.1f} s")
    return record


def halves(timeline: list, seconds: float) -> dict:
    """Seconds for the first and the second half of the bytes stored in one run, and a coarse
    timeline (every 10 %): a second half slower than the first means a cost that grows as the
    database fills. The first half carries the one-off start (opening the store, loading tables)."""
    if not timeline or timeline[-1][1] == 0:
        return {"first_half_s": None, "second_half_s": None, "tenths": []}
    total = timeline[-1][1]
    tenths, mark = [], 1
    for at, done in timeline:
        while mark <= 10 and done >= total * mark / 10:
            tenths.append(round(at, 2))
            mark += 1
    middle = tenths[4]
    return {"first_half_s": round(middle, 2), "second_half_s": round(seconds - middle, 2), "tenths": tenths}


# ---------------------------------------------------------------- machine and report

def machine() -> dict:
    model = None
    try:
        model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), None)
    except OSError:
        pass
    memory_gib = None
    try:
        kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:"))
        memory_gib = round(kb / 1024 ** 2, 1)
    except (OSError, StopIteration, ValueError):
        pass

    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return None

    return {"cpu_model": model, "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
            "memory_gib": memory_gib, "python": platform.python_version(),
            "implementation": platform.python_implementation(), "platform": platform.platform(),
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "git_commit": git("rev-parse", "--short", "HEAD") or None,
            "src_uncommitted": [line[3:] for line in (git("status", "--porcelain", "--", "src") or "").splitlines()],
            "sqlite": __import__("sqlite3").sqlite_version,
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()]}


def fmt(value, spec):
    return "—" if value is None else format(value, spec)


def table(runs: list[dict]) -> str:
    header = ("run", "jobs", "docs", "MB", "process s", "seconds", "docs/s", "MB/s", "cpu/wall", "main RSS", "workers RSS", "DB MB", "facts")
    rows = [header]
    for r in runs:
        rows.append((r["name"], str(r["jobs"]), f"{r['documents']:,}", f"{r['mb']:.1f}", f"{r['process_s']:.1f}", f"{r['seconds']:.1f}",
                     f"{r['docs_per_s']:,.1f}", f"{r['mb_per_s']:.2f}", f"{r['cpu_per_wall']:.2f}",
                     f"{r['main_peak_rss_mb']:.0f}", fmt(r["workers_peak_rss_mb"], ".0f"), f"{r['db_mb']:.1f}",
                     f"{r['facts']:,}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ratios(by: dict) -> dict:
    full, half, two, noop = by["full-j1"], by["half-j1"], by["full-j2"], by["noop-j1"]
    return {
        "full_over_half_mb": round(full["mb"] / half["mb"], 3),
        "full_over_half_seconds": round(full["seconds"] / half["seconds"], 3),
        "seconds_per_mb_full_over_half": round((full["seconds"] / full["mb"]) / (half["seconds"] / half["mb"]), 3),
        "main_peak_rss_full_minus_half_mb": round(full["main_peak_rss_mb"] - half["main_peak_rss_mb"], 1),
        "full_j1_second_over_first_half": round(full["second_half_s"] / full["first_half_s"], 3)
        if full.get("first_half_s") else None,
        "jobs2_speedup": round(full["seconds"] / two["seconds"], 3),
        "noop_share_of_full_build": round(noop["seconds"] / full["seconds"], 4),
        "noop_mb_per_s": noop["mb_per_s"],
        "db_mb_per_input_mb": round(full["db_mb"] / full["mb"], 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=200, help="corpus size, decimal MB of text (default 200)")
    parser.add_argument("--quick", action="store_true", help="20 MB smoke run; writes .corpus/build-results-quick.json")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/coopatlas-build-bench"),
                        help="where the databases go (default /tmp/coopatlas-build-bench)")
    parser.add_argument("--keep", action="store_true", help="keep the databases after the run")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    size = 20.0 if args.quick else args.size_mb
    out = args.out or (HERE / ".corpus" / "build-results-quick.json" if args.quick else HERE / "build-results.json")

    def log(message, end="\n"):
        print(message, end=end, file=sys.stderr, flush=True)

    wall = time.perf_counter()
    info = machine()
    log(f"build benchmark: {size:g} MB, seed {args.seed}, on {info['cpu_model']} × {info['cores']}")
    full_src, full_layout = source_folder(size, args.seed, log)
    half_src, half_layout = source_folder(size / 2, args.seed, log)
    args.workdir.mkdir(parents=True, exist_ok=True)
    db1, db2, dbh = (args.workdir / name for name in ("full-j1.db", "full-j2.db", "half-j1.db"))
    runs = [
        measure("full-j1", full_src, full_layout, db1, 1, log),
        measure("noop-j1", full_src, full_layout, db1, 1, log, fresh=False),
        measure("full-j2", full_src, full_layout, db2, 2, log),
        measure("half-j1", half_src, half_layout, dbh, 1, log),
    ]
    by = {r["name"]: r for r in runs}
    checks = ratios(by)
    problems = [f"{r['name']}: {r['failed']} failed" for r in runs if r["failed"]]
    problems += [f"{r['name']}: walked {r['found']} documents, expected {r['documents']}"
                 for r in runs if r["found"] != r["documents"]]
    if by["noop-j1"]["stored"]:
        problems.append(f"noop-j1 stored {by['noop-j1']['stored']} documents")
    results = {"machine": info, "size_mb": size, "corpus": {"full": full_layout, "half": half_layout},
               "runs": runs, "ratios": checks, "problems": problems,
               "total_s": round(time.perf_counter() - wall, 1)}
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    if not args.keep:
        for db in (db1, db2, dbh):
            remove_db(db)

    print(f"\ncorpus: {full_layout['documents']:,} documents, {full_layout['document_bytes'] / MB:.1f} MB "
          f"({full_layout['txt']} .txt, {full_layout['html']} .html, {full_layout['zip_members']} in "
          f"{full_layout['zip_archives']} .zip), {full_layout['bytes_on_disk'] / MB:.1f} MB on disk; half: "
          f"{half_layout['documents']:,} documents, {half_layout['document_bytes'] / MB:.1f} MB")
    print(f"machine: {info['cpu_model']}, {info['cores']} cores, {info['memory_gib']} GiB, Python {info['python']}, "
          f"SQLite {info['sqlite']}, commit {info['git_commit']}"
          f"{' + uncommitted ' + ', '.join(info['src_uncommitted']) if info['src_uncommitted'] else ''}\n")
    print(table(runs))
    print(f"\ntwice the corpus   {checks['full_over_half_mb']:.2f}× the MB took {checks['full_over_half_seconds']:.2f}× "
          f"the time (s/MB ratio {checks['seconds_per_mb_full_over_half']:.2f}); main peak RSS "
          f"{by['half-j1']['main_peak_rss_mb']:.0f} → {by['full-j1']['main_peak_rss_mb']:.0f} MB "
          f"({checks['main_peak_rss_full_minus_half_mb']:+.0f} MB)")
    print(f"within full-j1     first half of the bytes {by['full-j1']['first_half_s']} s, second half "
          f"{by['full-j1']['second_half_s']} s (ratio {checks['full_j1_second_over_first_half']}); "
          f"half-j1: {by['half-j1']['first_half_s']} s + {by['half-j1']['second_half_s']} s")
    print(f"jobs 2 vs 1        {checks['jobs2_speedup']:.2f}× faster")
    print(f"no-op rebuild      {by['noop-j1']['seconds']:.1f} s = {checks['noop_share_of_full_build']:.1%} of the "
          f"full build ({by['noop-j1']['unchanged']:,} unchanged, {by['noop-j1']['stored']} stored)")
    print(f"database           {checks['db_mb_per_input_mb']:.2f} MB per input MB")
    if problems:
        print("problems:", "; ".join(problems))
    print(f"\nwrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out}; {results['total_s']:.0f} s in all")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
