"""The extraction benchmark: coopatlas end to end, natasha and a bare Aho-Corasick scan, side by side.

    python benchmarks/run.py              # 20 MB corpus, full run, writes benchmarks/results.json
    python benchmarks/run.py --quick      # 2 MB smoke run (< 60 s once the natasha venv exists)

Every engine runs in a fresh single-threaded subprocess (benchmarks/worker.py) so that its peak
RSS is its own. natasha runs under its own venv, benchmarks/.venv-natasha, created here on first use,
so that pymorphy2 never enters the project's venv. See benchmarks/README.md for the columns.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import corpus as corpus_mod

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORKER = HERE / "worker.py"
NATASHA_VENV = HERE / ".venv-natasha"
NATASHA_REQUIREMENTS = ["natasha==1.6.0", "yargy==0.16.0", "threadpoolctl"]
MB = corpus_mod.MB

TARGET_TOKENS_PER_S = 250_000
TARGET_TIMES_NATASHA = 20
TARGET_PEAK_MB = 300


# ---------------------------------------------------------------- environment

def single_thread_env(for_natasha: bool = False) -> dict:
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[name] = "1"
    if for_natasha:
        # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pin an old kernel on this machine and slow a current
        # numpy (~15 % for natasha): unset both, for this subprocess only; the kernel is recorded.
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
    return env


def natasha_python() -> tuple[Path | None, str | None]:
    """The natasha venv's interpreter, creating the venv on first use; (None, reason) on failure."""
    python = NATASHA_VENV / "bin" / "python"
    stamp = NATASHA_VENV / ".installed"
    wanted = " ".join(NATASHA_REQUIREMENTS)
    if stamp.exists() and stamp.read_text() == wanted:
        return python, None
    print(f"setting up {NATASHA_VENV} ({wanted}) ...", file=sys.stderr)
    steps = [[sys.executable, "-m", "venv", str(NATASHA_VENV)],
             [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *NATASHA_REQUIREMENTS]]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True)
        except OSError as error:
            return None, f"{' '.join(step[:4])} failed: {error}"
        if done.returncode != 0:
            return None, f"{' '.join(step[:4])} failed: {done.stderr.strip()[-800:]}"
    stamp.write_text(wanted)
    return python, None


# ---------------------------------------------------------------- running one engine

def run_worker(python, engine: str, corpus_dir: Path, mb: float, *, patterns=None, env=None,
               repeat: int = 1, timeout: float = 3600) -> dict:
    """Run the worker ``repeat`` times; keep the median wall time and the largest peak."""
    runs = [_run_once(python, engine, corpus_dir, mb, patterns, env, timeout) for _ in range(repeat)]
    good = [r for r in runs if r.get("available") and not r.get("crashed")]
    if not good:
        return runs[0]
    best = sorted(good, key=lambda r: r["wall_s"])[len(good) // 2]
    best = dict(best, runs=len(good), wall_s_all=[r["wall_s"] for r in good])
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in good)
    return best


def _run_once(python, engine, corpus_dir, mb, patterns, env, timeout) -> dict:
    command = [str(python), str(WORKER), engine, "--corpus", str(corpus_dir), "--mb", str(mb)]
    if patterns:
        command += ["--patterns", str(patterns)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"engine": engine, "available": False, "crashed": True, "reason": f"timed out after {timeout:.0f} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"engine": engine, "available": False, "crashed": True,
                "reason": f"worker exited {done.returncode}: {done.stderr.strip()[-600:]}"}
    record = json.loads(lines[-1])
    record["process_wall_s"] = round(time.perf_counter() - started, 2)
    return record


# ---------------------------------------------------------------- numbers

def rates(record: dict) -> dict:
    if not record.get("available") or not record.get("wall_s"):
        return record
    wall = record["wall_s"]
    return dict(record, tokens_per_s=round(record["tokens"] / wall), mb_per_s=round(record["bytes"] / MB / wall, 3),
                cpu_per_wall=round(record["cpu_s"] / wall, 2), by_document_size=by_document_size(record))


SIZE_BUCKETS = ((0, 20_000, "< 20 KB"), (20_000, 60_000, "20-60 KB"), (60_000, 10**9, "≥ 60 KB"))


def by_document_size(record: dict) -> dict:
    """tokens/s per bucket of document size: a rate that falls with size means superlinear work."""
    out = {}
    for low, high, label in SIZE_BUCKETS:
        docs = [d for d in record.get("per_doc", []) if low <= d[0] < high]
        wall = sum(d[2] for d in docs)
        if docs and wall > 0:
            out[label] = {"documents": len(docs), "tokens_per_s": round(sum(d[1] for d in docs) / wall)}
    return out


def add_ratios(results: dict) -> None:
    natasha, ceiling = results.get("natasha", {}), results.get("ac", {})
    for record in results.values():
        if "tokens_per_s" not in record:
            continue
        if natasha.get("tokens_per_s"):
            record["times_natasha"] = round(record["tokens_per_s"] / natasha["tokens_per_s"], 2)
        if ceiling.get("tokens_per_s"):
            record["share_of_ac"] = round(record["tokens_per_s"] / ceiling["tokens_per_s"], 4)


def razdel_ratio(corpus: corpus_mod.Corpus, docs: list[dict], sample_bytes: int = MB) -> dict:
    """razdel tokens per regex token on a ~1 MB sample: how the token counts compare."""
    from razdel import tokenize
    sample = corpus_mod.prefix(docs, sample_bytes)
    texts = [corpus.path(d).read_text(encoding="utf-8") for d in sample]
    razdel = sum(sum(1 for _ in tokenize(t)) for t in texts)
    regex = sum(d["tokens"] for d in sample)
    return {"sample_bytes": sum(d["bytes"] for d in sample), "regex_tokens": regex,
            "razdel_tokens": razdel, "razdel_per_regex": round(razdel / regex, 4)}


def machine() -> dict:
    model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=REPO).stdout.strip() or None
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "src"], capture_output=True,
                                    text=True, cwd=REPO).stdout.strip())
    except OSError:
        commit = dirty = None
    return {"processor": platform.processor(), "cpu_model": model, "cores": os.cpu_count(),
            "usable_cores": len(os.sched_getaffinity(0)), "python": platform.python_version(),
            "implementation": platform.python_implementation(), "platform": platform.platform(),
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "git_commit": commit,
            "src_uncommitted_changes": dirty,
            "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
            "openblas_env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}}


# ---------------------------------------------------------------- the report

def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


def fmt(value, spec: str = ",.0f") -> str:
    return "—" if value is None else format(value, spec)


def table(results: dict) -> str:
    header = ("engine", "MB", "tokens", "load s", "wall s", "cpu/wall", "tokens/s", "MB/s", "peak MB",
              "× natasha", "% of AC")
    rows = [header]
    for name, r in results.items():
        if not r.get("available"):
            rows.append((name, "—", "—", "—", "—", "—", "—", "—", "—", "—", "not available"))
            continue
        rows.append((name, fmt(r["bytes"] / MB, ".1f"), fmt(r["tokens"]), fmt(r["load_s"], ".2f"),
                     fmt(r["wall_s"], ".2f"), fmt(r["cpu_per_wall"], ".2f"), fmt(r["tokens_per_s"]),
                     fmt(r["mb_per_s"], ".2f"), fmt(r["peak_rss_mb"], ".0f"),
                     fmt(r.get("times_natasha"), ".1f"), fmt(100 * r["share_of_ac"] if "share_of_ac" in r else None, ".2f")))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def size_table(results: dict) -> str:
    labels = [label for _, _, label in SIZE_BUCKETS]
    lines = [f"{'tokens/s by document size (documents)':<40}" + "".join(f"{label:>18}" for label in labels)]
    for name, r in results.items():
        buckets = r.get("by_document_size")
        if buckets:
            cells = [fmt(buckets[l]["tokens_per_s"]) + f" ({buckets[l]['documents']})" if l in buckets else "—"
                     for l in labels]
            lines.append(f"  {name:<38}" + "".join(f"{c:>18}" for c in cells))
    return "\n".join(lines)


def targets(results: dict, flat_key: str, full_key: str) -> dict:
    full, flat = results.get(full_key, {}), results.get(flat_key, {})
    if not full.get("available"):
        return {"available": False, "reason": full.get("reason", "coopatlas did not run")}
    peaks = {flat_key: flat.get("peak_rss_mb"), full_key: full.get("peak_rss_mb")}
    growth = None if None in peaks.values() else round(peaks[full_key] - peaks[flat_key], 1)
    return {
        "tokens_per_s": {"value": full.get("tokens_per_s"), "target": TARGET_TOKENS_PER_S,
                         "ok": full.get("tokens_per_s", 0) >= TARGET_TOKENS_PER_S},
        "times_natasha": {"value": full.get("times_natasha"), "target": TARGET_TIMES_NATASHA,
                          "ok": None if full.get("times_natasha") is None else full["times_natasha"] >= TARGET_TIMES_NATASHA},
        "peak_rss_mb": {"value": full.get("peak_rss_mb"), "target": TARGET_PEAK_MB,
                        "ok": max(p for p in peaks.values() if p is not None) < TARGET_PEAK_MB},
        "memory_flat": {"peaks_mb": peaks, "growth_mb": growth,
                        "ok": None if growth is None else growth <= max(10.0, 0.1 * peaks[flat_key])},
        "errors": full.get("errors", 0),
    }


def print_targets(t: dict, out) -> None:
    if not t.get("available", True):
        print(f"targets: {t['reason']}", file=out)
        return
    print("targets (coopatlas, end to end):", file=out)
    print(f"  tokens/s per core  {fmt(t['tokens_per_s']['value']):>12}   target ≥ {TARGET_TOKENS_PER_S:,}   "
          f"{verdict(t['tokens_per_s']['ok'])}", file=out)
    print(f"  × natasha          {fmt(t['times_natasha']['value'], '.1f'):>12}   target ≥ {TARGET_TIMES_NATASHA}         "
          f"{verdict(t['times_natasha']['ok'])}", file=out)
    print(f"  peak RSS MB        {fmt(t['peak_rss_mb']['value'], '.0f'):>12}   target < {TARGET_PEAK_MB}        "
          f"{verdict(t['peak_rss_mb']['ok'])}", file=out)
    peaks = "  ".join(f"{k}: {fmt(v, '.0f')} MB" for k, v in t["memory_flat"]["peaks_mb"].items())
    print(f"  memory flat        {peaks}  (growth {fmt(t['memory_flat']['growth_mb'], '+.1f')} MB)   "
          f"{verdict(t['memory_flat']['ok'])}", file=out)
    if t["errors"]:
        print(f"  documents that raised: {t['errors']}", file=out)


# ---------------------------------------------------------------- main

def parse_args(argv):
    parser = argparse.ArgumentParser(description="coopatlas extraction benchmark")
    parser.add_argument("--size-mb", type=float, default=20, help="corpus size (decimal MB of UTF-8), default 20")
    parser.add_argument("--quick", action="store_true", help="2 MB smoke run; writes results-quick.json")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flat-mb", type=float, help="smaller coopatlas run for the memory check (default 5; quick 0.5)")
    parser.add_argument("--natasha-mb", type=float, help="natasha on this prefix (default min(size, 20); quick 0.5)")
    parser.add_argument("--no-natasha", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per engine; the median wall time is kept")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mb = 2
        args.flat_mb = args.flat_mb or 0.5
        args.natasha_mb = args.natasha_mb or 0.5
    args.flat_mb = args.flat_mb or min(5.0, args.size_mb / 4)
    args.natasha_mb = min(args.natasha_mb or 20.0, args.size_mb)
    args.out = args.out or HERE / ("results-quick.json" if args.quick else "results.json")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    host = machine()  # before the run, so the load average is the machine's, not ours
    corpus = corpus_mod.Corpus(args.seed)
    docs = corpus.ensure(int(args.size_mb * MB))
    patterns = corpus_mod.patterns_file()
    summary = corpus_mod.summarize(docs)
    print(f"corpus: {summary['documents']} documents, {summary['bytes'] / MB:.1f} MB, "
          f"{summary['tokens_regex']:,} tokens (regex \\w+|[^\\w\\s]), cooperation sentences "
          f"{100 * summary['coop_sentence_share']:.1f} %, sha256 {summary['sha256'][:12]}", file=sys.stderr)

    env = single_thread_env()
    results: dict[str, dict] = {}
    flat_key, full_key = f"coopatlas@{args.flat_mb:g}MB", f"coopatlas@{args.size_mb:g}MB"

    def step(name, job):
        print(f"running {name} ...", file=sys.stderr)
        results[name] = rates(job())
        if not results[name].get("available"):
            print(f"  {name} not available: {results[name].get('reason')}", file=sys.stderr)

    step("ac", lambda: run_worker(sys.executable, "ac", corpus.dir, args.size_mb, patterns=patterns, env=env,
                                  repeat=max(3, args.repeat)))
    step(full_key, lambda: run_worker(sys.executable, "coopatlas", corpus.dir, args.size_mb, env=env, repeat=args.repeat))
    if results[full_key].get("available"):
        step(flat_key, lambda: run_worker(sys.executable, "coopatlas", corpus.dir, args.flat_mb, env=env))
    else:
        results[full_key]["reason"] = "coopatlas.extract_text not available: " + results[full_key].get("reason", "")
        results[flat_key] = {"engine": "coopatlas", "available": False, "reason": "skipped"}
    if not args.no_natasha:
        step("natasha", lambda: _natasha(corpus, args))
    add_ratios(results)
    checks = targets(results, flat_key, full_key)

    report = {"machine": host, "corpus": dict(summary, seed=args.seed, generator_version=corpus_mod.GEN_VERSION,
                                               generator_fingerprint=corpus.fingerprint,
                                               pymorphy3_dicts_ru=corpus_mod.dictionary_version(),
                                                    patterns=len(patterns.read_text().splitlines())),
              "tokens": {"counted_with": r"regex \w+|[^\w\s] over every document",
                         "razdel_sample": razdel_ratio(corpus, docs)},
              "options": {"size_mb": args.size_mb, "flat_mb": args.flat_mb, "natasha_mb": args.natasha_mb,
                          "repeat": args.repeat, "quick": args.quick},
              "engines": {k: {f: v for f, v in r.items() if f != "per_doc"} for k, r in results.items()},
              "targets": checks, "total_s": round(time.perf_counter() - started, 1)}
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")

    out = sys.stdout
    m = report["machine"]
    print(f"\nmachine: {m['cpu_model']} ({m['processor'] or platform.machine()}), {m['cores']} cores, Python {m['python']}, {m['date']}", file=out)
    print(table(results), file=out)
    print("\n" + size_table(results), file=out)
    print(f"\ntokens: regex \\w+|[^\\w\\s]; razdel counts {report['tokens']['razdel_sample']['razdel_per_regex']:.3f} "
          f"tokens per regex token on a 1 MB sample. One process, one thread per engine; wall s excludes loading.",
          file=out)
    if results.get("natasha", {}).get("available") and args.natasha_mb < args.size_mb:
        print(f"natasha ran on the first {args.natasha_mb:g} MB of the corpus (a prefix; rates are per token).", file=out)
    print_targets(checks, out)
    print(f"\nwrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out} "
          f"in {report['total_s']:.0f} s", file=out)
    return 0


def _natasha(corpus, args) -> dict:
    python, reason = natasha_python()
    if python is None:
        return {"engine": "natasha", "available": False, "reason": reason}
    return run_worker(python, "natasha", corpus.dir, args.natasha_mb, env=single_thread_env(for_natasha=True),
                      repeat=args.repeat)


if __name__ == "__main__":
    sys.exit(main())
