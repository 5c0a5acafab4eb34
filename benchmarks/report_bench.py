"""The report benchmark: `coopatlas report` on a generated atlas of 10,000 documents, on one core.

    python benchmarks/report_bench.py               # 10,000 documents, writes benchmarks/report-results.json
    python benchmarks/report_bench.py --documents 2000 --out /tmp/r.json

The atlas is written straight through the Store (no extraction: this measures the report, not the
extractor) from a seeded generator: authors over all 89 subjects, years 2010-2024, 0-6 facts per
document with partners drawn mostly among land neighbours, spheres, levels and statuses at rates
like the demo corpus's. It is cached under benchmarks/.corpus/.

Runs, each in a fresh single-threaded subprocess: the baseline (open the atlas and read the tables the
report reads: documents, facts, evidence), then the whole report (analysis, charts as HTML, PNG and
SVG, XLSX). The ratio report / baseline says what the report costs beyond reading the data.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LAYOUT_VERSION = 1
SPHERES = ["science_innovation", "industry", "trade_investment", "agriculture", "energy", "transport_logistics",
           "tourism", "culture", "education", "youth_sport", "health_social", "environment", "migration_labour",
           "governance_security"]
FOREIGN = ["BY", "KZ", "CN", "FI", "EE", "MN", "UZ", "AM", "RS", "TR", "IN", "VN", "DE", "org:sco", "org:cbss"]
LEVELS = ["shallow", "formal", "detailed"]
STATUSES = ["intended", "agreed", "implemented", "terminated"]
SENTENCE = ("{a} и {b} договорились о сотрудничестве в сфере {s}: план совместных мероприятий на {y}–{z} годы "
            "(синтетический текст для замера скорости отчёта).")


def generate(path: Path, documents: int, seed: int) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from coopatlas.model import Arity, Direction, DocumentResult, Evidence, Fact, Specificity, Sphere, Status
    from coopatlas.reference import load_reference
    from coopatlas.store import DocumentMeta, open_store, sha256_of

    ref = load_reference()
    subjects = sorted(p for p, party in ref.parties.items() if party.kind == "subject")
    rng = random.Random(seed)
    store = open_store(path)
    run = store.start_run("report-bench", {"documents": documents, "seed": seed})
    for i in range(documents):
        author = rng.choice(subjects)
        year = rng.randint(2010, 2024)
        sentences, facts = [], []
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4, 6])):
            near = ref.neighbours(author, {"land"})
            partner = rng.choice(near) if near and rng.random() < 0.6 else rng.choice(subjects + FOREIGN)
            if partner == author:
                continue
            spheres = tuple(sorted(set(rng.sample(SPHERES, rng.choice([1, 1, 2, 3])))))
            text = SENTENCE.format(a=author, b=partner, s=", ".join(spheres), y=year, z=year + 2)
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(text)
            domestic = partner.startswith("RU-")
            facts.append(Fact(
                parties=(author, partner), implied=(), spheres=tuple(Sphere(s) for s in spheres),
                specificity=Specificity(rng.choice(LEVELS)), status=Status(rng.choice(STATUSES)),
                direction=Direction.INTERREGIONAL if domestic else Direction.CROSS_BORDER,
                arity=Arity.MULTILATERAL if partner.startswith("org:") else Arity.BILATERAL,
                years=(year, year + 2), evidence=(Evidence(start, start + len(text), text),),
                why={"bench": ["generated"]}))
        body = " ".join(sentences) or f"Документ {i} не упоминает сотрудничества (синтетический текст)."
        meta = DocumentMeta(path=f"bench/{i:05d}.txt", sha256=sha256_of(f"{i}:{body}"), format="txt",
                            size_bytes=len(body.encode()), author=author, year_adopted=year,
                            doc_type=rng.choice(["strategy", "news", "agreement", "action_plan"]), language="ru")
        store.save_document(meta, body, DocumentResult(meta.path, author, "ru", tuple(facts)), run)
    store.finish_run(run)
    store.close()


def atlas_path(documents: int, seed: int) -> Path:
    path = HERE / ".corpus" / f"report-atlas-{documents}-s{seed}-v{LAYOUT_VERSION}.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        for leftover in path.parent.glob(partial.name + "*"):
            leftover.unlink()
        generate(partial, documents, seed)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
        print(f"generated {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {src!r})
started = time.perf_counter()
from coopatlas.store import Atlas
atlas = Atlas({db!r})
if {mode!r} == "baseline":
    atlas.documents(); atlas.facts(); atlas.evidence()
    detail = {{}}
else:
    from coopatlas.report import ReportOptions, write_report
    files = write_report(atlas, ReportOptions(out={out!r}))
    detail = {{"files": len(files.written), "html_mb": round(os.path.getsize(files.index) / 1e6, 2)}}
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(dict(seconds=seconds, peak_rss_mb=rss, **detail)))
"""


def measure(mode: str, db: Path, out: Path) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    code = CHILD.format(src=str(REPO / "src"), db=str(db), mode=mode, out=str(out))
    cmd = ["taskset", "-c", "0", sys.executable, "-c", code] if _has_taskset() else [sys.executable, "-c", code]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _has_taskset() -> bool:
    return subprocess.run(["sh", "-c", "command -v taskset"], capture_output=True).returncode == 0


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=HERE / "report-results.json")
    args = parser.parse_args(argv)
    db = atlas_path(args.documents, args.seed)
    report_dir = HERE / ".corpus" / f"report-{args.documents}"
    baseline = measure("baseline", db, report_dir)
    report = measure("report", db, report_dir)
    result = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
                   f"{platform.python_version()}, {platform.platform()}",
        "documents": args.documents, "db_mb": round(db.stat().st_size / 1e6, 1),
        "baseline": baseline, "report": report,
        "ratio_report_to_baseline": round(report["seconds"] / baseline["seconds"], 1),
        "target_seconds": 30, "meets_target": report["seconds"] < 30,
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{args.documents} documents ({result['db_mb']} MB atlas) on one core")
    print(f"  baseline (read the tables): {baseline['seconds']:6.1f} s  peak {baseline['peak_rss_mb']:.0f} MB")
    print(f"  report (everything):        {report['seconds']:6.1f} s  peak {report['peak_rss_mb']:.0f} MB"
          f"  = {result['ratio_report_to_baseline']}× the baseline; target < 30 s: "
          f"{'met' if result['meets_target'] else 'NOT met'}")


if __name__ == "__main__":
    main()
