"""Read a manifest: per-document metadata that overrides what is inferred (format: docs/manifest.md).

A manifest is a CSV file (comma or semicolon separated, UTF-8 with or without a byte-order mark)
or a YAML file (a list of mappings, or a mapping with a ``documents`` list). Each row names a
document by ``path`` (relative to the source folder it is in, as the walker reports it; archive
members continue the archive's path) or by ``sha256`` of its content, and gives any of
``author``, ``type``, ``year``, ``horizon``, ``url``, ``title``. Every value is checked; the first
problem raises ``ManifestError`` naming ``file:line``.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

from coopatlas.errors import CoopatlasError
from coopatlas.sources.metadata import MAX_YEAR, MIN_YEAR, DocType, DocumentMeta, override

COLUMNS = ("path", "sha256", "author", "type", "year", "horizon", "url", "title")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


class ManifestError(CoopatlasError):
    """A manifest cannot be read or has a bad value; the message starts with ``file:line:``."""


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    where: str  # "manifest.csv:7"
    path: str | None = None
    sha256: str | None = None
    author: str | None = None
    doc_type: DocType | None = None
    year: int | None = None
    horizon: int | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Manifest:
    entries: tuple[ManifestEntry, ...]
    by_path: Mapping[str, ManifestEntry]
    by_hash: Mapping[str, ManifestEntry]

    def lookup(self, sha256: str | None = None, *paths: str) -> ManifestEntry | None:
        """The entry for this content hash, else for one of ``paths`` (exact, then a unique match
        of whole trailing path components: ``corpus/a.pdf`` in the manifest finds ``a.pdf``)."""
        if sha256 and sha256.lower() in self.by_hash:
            return self.by_hash[sha256.lower()]
        keys = [normalise_path(p) for p in paths if p]
        exact = next((self.by_path[k] for k in keys if k in self.by_path), None)
        return exact or next((found for k in keys if (found := self._by_suffix(k))), None)

    def _by_suffix(self, key: str) -> ManifestEntry | None:
        hits = {entry for path, entry in self.by_path.items()
                if path.endswith("/" + key) or key.endswith("/" + path)}
        return hits.pop() if len(hits) == 1 else None


EMPTY = Manifest((), MappingProxyType({}), MappingProxyType({}))


def apply_manifest(meta: DocumentMeta, entry: ManifestEntry | None) -> DocumentMeta:
    if entry is None:
        return meta
    return override(meta, author=entry.author, doc_type=entry.doc_type, year_adopted=entry.year,
                    year_horizon=entry.horizon, url=entry.url, title=entry.title)


def normalise_path(path: str) -> str:
    """Lookup key: NFC, ``/`` separators, no ``./`` or leading ``/``, case-folded."""
    path = unicodedata.normalize("NFC", path.strip()).replace("\\", "/")
    parts = [p for p in path.split("/") if p not in ("", ".")]
    return "/".join(parts).casefold()


# --- reading ----------------------------------------------------------------------------------------

def read_manifest(path: str | Path, ref=None) -> Manifest:
    """Parse and check the manifest at ``path``; ``ref`` (default: the packaged reference) knows the author ids."""
    path = Path(path)
    text = _read_text(path)
    rows = _yaml_rows(text, path.name) if path.suffix.lower() in (".yaml", ".yml") else _csv_rows(text, path.name)
    return build_manifest(rows, ref)


def build_manifest(rows: Iterable[tuple[str, Mapping[str, str]]], ref=None) -> Manifest:
    """``rows``: (``file:line``, column → text) pairs from either format."""
    ref = ref if ref is not None else _default_reference()
    entries = tuple(parse_entry(where, values, ref) for where, values in rows if _has_content(values))
    return Manifest(entries, _index(entries, lambda e: e.path and normalise_path(e.path), "path"),
                    _index(entries, lambda e: e.sha256, "sha256"))


def parse_entry(where: str, values: Mapping[str, str], ref) -> ManifestEntry:
    unknown = sorted(set(values) - set(COLUMNS))
    if unknown:
        raise ManifestError(f"{where}: unknown column {unknown[0]!r}; known: {', '.join(COLUMNS)}")
    get = lambda name: (values.get(name) or "").strip() or None  # noqa: E731
    if not get("path") and not get("sha256"):
        raise ManifestError(f"{where}: a row needs a path or a sha256")
    return ManifestEntry(
        where=where, path=get("path"), sha256=_sha256(where, get("sha256")),
        author=_author(where, get("author"), ref), doc_type=_doc_type(where, get("type")),
        year=_year(where, "year", get("year")), horizon=_year(where, "horizon", get("horizon")),
        url=_url(where, get("url")), title=get("title"),
    )


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(f"{path}: cannot read the manifest: {error.strerror or error}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ManifestError(f"{path.name}:{line}: not UTF-8 text (save the manifest as UTF-8)") from None


def _csv_rows(text: str, name: str) -> Iterator[tuple[str, dict[str, str]]]:
    lines = text.splitlines(keepends=True)
    if not lines:
        return
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
        for row in reader:
            where = f"{name}:{reader.line_num}"
            if len(row) > len(header):
                raise ManifestError(f"{where}: {len(row)} fields, but the header has {len(header)}")
            yield where, dict(zip(header, row))
    except csv.Error as error:
        raise ManifestError(f"{name}:{reader.line_num}: bad CSV: {error}") from None


def _yaml_rows(text: str, name: str) -> Iterator[tuple[str, dict[str, str]]]:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ManifestError(f"{name}{line}: bad YAML: {getattr(error, 'problem', None) or error}") from None
    for node in _yaml_documents(root, name):
        where = f"{name}:{node.start_mark.line + 1}"
        if not isinstance(node, yaml.MappingNode):
            raise ManifestError(f"{where}: each document must be a mapping of keys to values")
        yield where, {_scalar(k, name).lower(): _scalar(v, name) for k, v in node.value}


def _yaml_documents(root, name: str) -> list:
    import yaml

    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        found = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "documents"]
        if not found:
            raise ManifestError(f"{name}:{root.start_mark.line + 1}: expected a list, or a mapping with 'documents'")
        root = found[0]
    if not isinstance(root, yaml.SequenceNode):
        raise ManifestError(f"{name}:{root.start_mark.line + 1}: expected a list of documents")
    return root.value


def _scalar(node, name: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise ManifestError(f"{name}:{node.start_mark.line + 1}: expected a single value")
    return "" if node.tag.endswith(":null") else str(node.value)


# --- values -----------------------------------------------------------------------------------------

def _has_content(values: Mapping[str, str]) -> bool:
    return any((v or "").strip() for v in values.values())


def _sha256(where: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _SHA256.match(value.lower()):
        raise ManifestError(f"{where}: sha256 must be 64 hexadecimal digits, not {value!r}")
    return value.lower()


def _author(where: str, value: str | None, ref) -> str | None:
    if value is None:
        return None
    if value in ref.parties:
        return value
    if value in getattr(ref, "id_aliases", {}):
        return ref.id_aliases[value].party
    raise ManifestError(f"{where}: unknown author {value!r}: use a codebook id such as RU-KLU")


def _doc_type(where: str, value: str | None) -> DocType | None:
    if value is None:
        return None
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    try:
        return DocType(key)
    except ValueError:
        raise ManifestError(f"{where}: unknown type {value!r}; one of {', '.join(t.value for t in DocType)}") from None


def _year(where: str, column: str, value: str | None) -> int | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}", value):
        raise ManifestError(f"{where}: {column} must be a year like 2023, not {value!r}")
    year = int(value)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ManifestError(f"{where}: {column} {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def _url(where: str, value: str | None) -> str | None:
    if value is not None and not _URL.match(value):
        raise ManifestError(f"{where}: url must start with http:// or https://, not {value!r}")
    return value


def _index(entries: tuple[ManifestEntry, ...], key, what: str) -> Mapping[str, ManifestEntry]:
    index: dict[str, ManifestEntry] = {}
    for entry in entries:
        k = key(entry)
        if not k:
            continue
        if k in index:
            raise ManifestError(f"{entry.where}: {what} {k!r} is listed again (first at {index[k].where})")
        index[k] = entry
    return MappingProxyType(index)


def _default_reference():
    from coopatlas.reference import load_reference

    return load_reference()
