"""`coopatlas build`: folders and .zip archives in, a persistent atlas out.

    walk → load (bytes, sha256; duplicates by content) → skip what this extractor already coded
         → read + infer metadata + manifest + extract   (in worker processes with --jobs)
         → store, one transaction per document          (in this process)

A run killed at any moment leaves only whole documents in the store (each is written in one
transaction), and the next run skips them by their content hash: it completes the rest. Files that
cannot be read are recorded with their reason and never stop the batch.
"""
from __future__ import annotations

import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from coopatlas.sources import (
    DUPLICATE, Loaded, Manifest, Settings, SourceProblem, apply_manifest, infer_metadata, load,
    read_loaded, read_manifest, walk,
)
from coopatlas.store import DocumentMeta, open_store
from coopatlas.version import extractor_version


@dataclass(frozen=True)
class Job:
    """What a worker needs to code one file (plain data, so it crosses process boundaries)."""

    path: str
    relative: str
    sha256: str
    data: bytes


@dataclass(frozen=True)
class Coded:
    path: str
    sha256: str
    meta: DocumentMeta | None = None
    text: str | None = None
    result: object = None
    problem: str | None = None


@dataclass
class BuildReport:
    db: str
    run_id: int
    extractor_version: str
    found: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    facts: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def build_atlas(sources: Sequence[str | Path], db: str | Path, *, manifest: str | Path | None = None,
                jobs: int = 1, settings: Settings | None = None,
                on_progress: Callable[[BuildReport, str], None] | None = None) -> BuildReport:
    settings = settings or Settings()
    started = time.perf_counter()
    entries = read_manifest(manifest) if manifest else None
    version = extractor_version()
    store = open_store(db)
    try:
        run_id = store.start_run(version, {"sources": [str(s) for s in sources], "jobs": jobs,
                                            "manifest": str(manifest) if manifest else None})
        report = BuildReport(str(db), run_id, version)
        known = store.known_hashes(version)
        todo = _jobs(load(walk([str(s) for s in sources], settings), settings), known, store, report)
        for coded in _code_all(todo, jobs, settings, entries):
            _save(store, coded, run_id, report)
            if on_progress:
                on_progress(report, coded.path)
        store.finish_run(run_id)
    except BaseException:
        if "run_id" in locals():
            store.finish_run(run_id, "failed")
        raise
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def _jobs(found: Iterable[Loaded | SourceProblem], known: frozenset[str], store, report: BuildReport) -> Iterator[Job]:
    for entry in found:
        report.found += 1
        if isinstance(entry, SourceProblem):
            if entry.kind == DUPLICATE:
                report.duplicates += 1
            else:
                _problem(store, report, entry.path, None, entry.reason)
            continue
        if entry.sha256 in known:
            report.unchanged += 1
            continue
        yield Job(entry.item.path, entry.item.relative, entry.sha256, entry.data)


def _code_all(jobs: Iterator[Job], workers: int, settings: Settings, entries: Manifest | None) -> Iterator[Coded]:
    if workers <= 1:
        for job in jobs:
            yield code_job(job, settings, entries)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        pending: set[Future] = set()
        for job in jobs:
            pending.add(pool.submit(code_job, job, settings, entries))
            if len(pending) >= workers * 4:  # bounded: memory stays flat however big the corpus
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        for future in pending:
            yield future.result()


def _warm_up() -> None:
    from coopatlas.extract import default_pipeline

    default_pipeline()


def code_job(job: Job, settings: Settings, entries: Manifest | None) -> Coded:
    """Read, describe and code one file; every failure becomes a problem with a one-line reason."""
    from coopatlas.errors import CoopatlasError, internal_error_reason
    from coopatlas.extract import extract_text

    loaded = Loaded(_Item(job.path, job.relative), job.data, job.sha256)
    raw = read_loaded(loaded, settings)
    if isinstance(raw, SourceProblem):
        return Coded(job.path, job.sha256, problem=raw.reason)
    try:
        described = apply_manifest(infer_metadata(raw.text, raw.title),
                                   entries.lookup(job.sha256, job.relative, job.path) if entries else None)
        result = extract_text(raw.text, described.author, title=raw.title or described.title,
                              document=job.path)
    except CoopatlasError as error:
        return Coded(job.path, job.sha256, problem=str(error))
    except Exception as error:  # noqa: BLE001 - a bug on one document must not stop the build
        return Coded(job.path, job.sha256, problem=internal_error_reason(error))
    meta = DocumentMeta(
        path=job.path, sha256=job.sha256, source=job.relative, format=raw.format, size_bytes=len(job.data),
        language=result.language, author=result.author, doc_type=described.doc_type.value,
        year_adopted=described.year_adopted, year_horizon=described.year_horizon,
        title=described.title or raw.title, url=described.url, pages=tuple(raw.pages),
    )
    return Coded(job.path, job.sha256, meta, raw.text, result)


@dataclass(frozen=True)
class _Item:
    """The part of a SourceItem that reading needs (its open_bytes callable cannot be pickled)."""

    path: str
    relative: str


def _save(store, coded: Coded, run_id: int, report: BuildReport) -> None:
    if coded.problem is not None:
        _problem(store, report, coded.path, coded.sha256, coded.problem)
        return
    store.save_document(coded.meta, coded.text, coded.result, run_id)
    report.stored += 1
    report.facts += len(coded.result.facts)


def _problem(store, report: BuildReport, path: str, sha256: str | None, reason: str) -> None:
    store.record_error(report.run_id, path, sha256, reason)
    report.failed += 1
    report.problems.append((path, reason))
