"""Records the store takes and gives: what is known about a file, a stored document, a search hit."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class DocumentMeta:
    """What the reader and the manifest know about one file; `sha256` identifies it in the atlas.

    `author` and `language`, when None, are taken from the extractor's DocumentResult.
    `pages` holds the character offset where each page starts (PDF only).
    """

    path: str
    sha256: str
    source: str | None = None
    format: str | None = None
    size_bytes: int | None = None
    language: str | None = None
    author: str | None = None
    doc_type: str | None = None
    year_adopted: int | None = None
    year_horizon: int | None = None
    title: str | None = None
    url: str | None = None
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class StoredDocument:
    id: int
    meta: DocumentMeta
    status: str
    error: str | None
    run_id: int
    added_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Run:
    id: int
    extractor_version: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    options: dict


@dataclass(frozen=True)
class SearchHit:
    """One passage matching a full-text query; `rank` is higher for better matches."""

    document_id: int
    path: str
    title: str | None
    author: str | None
    passage_id: int
    start: int
    end: int
    text: str
    snippet: str
    rank: float


def sha256_of(data: bytes | str) -> str:
    """The hex SHA-256 of a file's bytes (or of a text, encoded as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()
