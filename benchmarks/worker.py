"""One engine over a prefix of the corpus, in its own process: prints one JSON line.

    python benchmarks/worker.py ENGINE --corpus DIR --mb N [--patterns FILE]

ENGINE is ``coopatlas``, ``natasha`` or ``ac``. Only the standard library is imported at the top,
so the same file runs under the main venv and under ``benchmarks/.venv-natasha``. Documents are
read one at a time (streamed); only the engine call is inside the timed region. Peak memory is
this process's RSS high-water mark (``getrusage(RUSAGE_SELF).ru_maxrss``), so every engine is
measured in a fresh process and the peaks never mix.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
import traceback
from pathlib import Path

MB = 1_000_000


def rss_now_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def select_documents(corpus: Path, mb: float) -> list[dict]:
    docs = json.loads((corpus / "manifest.json").read_text())["documents"]
    out, total = [], 0
    for doc in docs:
        if total >= mb * MB:
            break
        out.append(doc)
        total += doc["bytes"]
    return out


# ---------------------------------------------------------------- engines: load() -> run(text) -> count

def load_coopatlas(args):
    from coopatlas import extract_text  # AttributeError / ImportError when not written yet

    def run(text):
        result = extract_text(text, author=None)
        facts = getattr(result, "facts", result)
        return len(facts) if facts is not None else 0

    return run, {"version": _version("coopatlas")}


def load_natasha(args):
    import yargy.morph  # noqa: F401  (patches pymorphy2 for Python 3.11 before natasha touches it)
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    segmenter, embedding = Segmenter(), NewsEmbedding()
    morph_tagger, ner_tagger = NewsMorphTagger(embedding), NewsNERTagger(embedding)

    def run(text):
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        return len(doc.spans)

    info = {"version": _version("natasha"), "yargy": _version("yargy"), "pymorphy2": _version("pymorphy2")}
    info["blas"] = _blas_info()
    return run, info


def load_ac(args):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    patterns = [p for p in Path(args.patterns).read_text(encoding="utf-8").splitlines() if p]
    for index, pattern in enumerate(patterns):
        automaton.add_word(pattern, index)
    automaton.make_automaton()

    def run(text):
        found = 0
        for _ in automaton.iter(text.lower()):
            found += 1
        return found

    return run, {"version": _version("pyahocorasick"), "patterns": len(patterns)}


ENGINES = {"coopatlas": load_coopatlas, "natasha": load_natasha, "ac": load_ac}


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def _blas_info():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return [{k: pool.get(k) for k in ("internal_api", "version", "architecture", "num_threads")}
            for pool in threadpool_info()]


# ---------------------------------------------------------------- measuring

WARMUP = ("Правительство Тульской области подписало соглашение о сотрудничестве с Республикой Беларусь "
          "в сфере промышленности. Объём инвестиций в 2023 году составил 12,5 млрд рублей.")


def measure(engine: str, args) -> dict:
    record = {"engine": engine, "python": platform.python_version(), "executable": sys.executable,
              "rss_start_mb": round(rss_now_mb(), 1)}
    started = time.perf_counter()
    try:
        run, info = ENGINES[engine](args)
        run(WARMUP)  # lazy resources load here, outside the timed region
    except Exception as error:  # noqa: BLE001  (report, never crash the benchmark)
        record.update(available=False, reason=f"{type(error).__name__}: {error}",
                      traceback=traceback.format_exc(limit=3))
        return record
    record.update(available=True, info=info, load_s=round(time.perf_counter() - started, 3),
                  rss_after_load_mb=round(rss_now_mb(), 1))
    docs = select_documents(Path(args.corpus), args.mb)
    record.update(_process(run, Path(args.corpus), docs))
    record["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return record


def _process(run, corpus: Path, docs: list[dict]) -> dict:
    wall = cpu = 0.0
    found = errors = 0
    first_error = None
    per_doc = []
    for doc in docs:
        text = (corpus / doc["name"]).read_text(encoding="utf-8")
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            found += run(text)
        except Exception as error:  # noqa: BLE001
            errors += 1
            first_error = first_error or f"{doc['name']}: {type(error).__name__}: {error}"
        elapsed = time.perf_counter() - t0
        wall += elapsed
        cpu += time.process_time() - c0
        per_doc.append([doc["bytes"], doc["tokens"], round(elapsed, 5)])
        del text
    return {"documents": len(docs), "bytes": sum(d["bytes"] for d in docs),
            "chars": sum(d["chars"] for d in docs), "tokens": sum(d["tokens"] for d in docs),
            "wall_s": round(wall, 4), "cpu_s": round(cpu, 4), "found": found,
            "errors": errors, "first_error": first_error, "per_doc": per_doc}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("engine", choices=sorted(ENGINES))
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--mb", type=float, required=True)
    parser.add_argument("--patterns")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.engine, args), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
