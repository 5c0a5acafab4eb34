"""From walked items to documents: read the bytes, hash them, skip exact duplicates, read the text.

    for found in load(walk(["corpus/"]), settings):
        if isinstance(found, Loaded):
            document = read_loaded(found, settings)   # RawDocument or SourceProblem

``load`` keeps the SHA-256 of every content it has passed on; an item whose bytes were seen
already becomes a ``SourceProblem`` of kind ``duplicate`` naming the first path. Reading happens
one item at a time, so memory holds one file (bounded by ``max_file_bytes``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from coopatlas.errors import ReadError
from coopatlas.ingest import read_bytes
from coopatlas.model import RawDocument
from coopatlas.sources.records import DUPLICATE, SourceGone, SourceItem, SourceProblem
from coopatlas.sources.settings import Settings


@dataclass(frozen=True, slots=True)
class Loaded:
    item: SourceItem
    data: bytes = field(repr=False)
    sha256: str


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load(found: Iterable[SourceItem | SourceProblem], settings: Settings | None = None) -> Iterator[Loaded | SourceProblem]:
    """Problems pass through; items are read and hashed; repeated content becomes a duplicate problem."""
    seen: dict[str, str] = {}
    for entry in found:
        if isinstance(entry, SourceProblem):
            yield entry
            continue
        loaded = fetch(entry)
        if isinstance(loaded, Loaded) and loaded.sha256 in seen:
            yield SourceProblem(entry.path, f"duplicate of {seen[loaded.sha256]} (same content)", DUPLICATE)
            continue
        if isinstance(loaded, Loaded):
            seen[loaded.sha256] = entry.path
        yield loaded


def fetch(item: SourceItem) -> Loaded | SourceProblem:
    try:
        data = item.open_bytes()
    except SourceGone as gone:
        return SourceProblem(item.path, str(gone))
    return Loaded(item, data, content_hash(data))


def read_loaded(loaded: Loaded, settings: Settings | None = None) -> RawDocument | SourceProblem:
    """The document's text (``RawDocument.path`` is the item's display path), or why not."""
    settings = settings or Settings()
    try:
        return read_bytes(loaded.data, loaded.item.path, limits=settings.read_limits())
    except ReadError as error:
        return SourceProblem(loaded.item.path, str(error))
