"""Document metadata inferred from the text (pure): type, adoption year, horizon year, language.

**Type** (``DocType``). The head of the document (its title, then its first ``HEAD_LINES``
non-empty lines within ``HEAD_CHARS``) is searched for the cues in ``data/doc_types.tsv``. The
first line holding a cue decides, and in that line the cue starting first wins, so "План
мероприятий по реализации Стратегии …" is an action plan and a dateline ("Калуга, 12 марта 2023
года") before a strategy's name makes a news item. Title cues count only at the start of a line
(after an optional "Об утверждении", "Проект", …) so that a sentence mentioning a programme is not
taken for one. No cue: ``other``.

**Adoption year**: the year of the first full date in the title, else of the first full date in
the head (``12.03.2023``, ``12 марта 2023 г.``, ``12 March 2023``, ``March 12, 2023``), else a year
standing alone in the title outside any horizon expression.

**Horizon year**: the end of the first horizon expression in the title, else in the head:
"до 2030 года", "на период до 2035 года", "на 2021–2025 годы" → 2025, "to 2030", "until 2035",
"for 2024-2026". Years outside ``MIN_YEAR``–``MAX_YEAR`` and ranges that run backwards are ignored.

A news item has no horizon: the years it mentions belong to the documents it reports on.

**Language**: ``coopatlas.extract.detect_language`` (share of Cyrillic and Latin letters).

The author is not inferred here: ``coopatlas.extract`` does it when it reads the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Iterator, Mapping

HEAD_LINES = 12
HEAD_CHARS = 3000
MIN_YEAR, MAX_YEAR = 1990, 2100
INFERRED, MANIFEST = "inferred", "manifest"


class DocType(StrEnum):
    STRATEGY = "strategy"
    STATE_PROGRAMME = "state_programme"
    AGREEMENT = "agreement"
    ACTION_PLAN = "action_plan"
    NEWS = "news"
    OTHER = "other"


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about a document besides its text; ``origin`` says where each field came from."""

    doc_type: DocType = DocType.OTHER
    year_adopted: int | None = None
    year_horizon: int | None = None
    language: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    origin: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class TypeCue:
    doc_type: DocType
    where: str  # "start" or "any"
    pattern: re.Pattern


# --- the whole record -----------------------------------------------------------------------------

def infer_metadata(text: str, title: str | None = None) -> DocumentMeta:
    from coopatlas.extract import detect_language

    found = find_doc_type(text, title)
    meta = DocumentMeta(
        doc_type=found[0] if found else DocType.OTHER,
        year_adopted=infer_year_adopted(text, title),
        year_horizon=None if found and found[0] is DocType.NEWS else infer_year_horizon(text, title),
        language=detect_language(text),
        title=title or (found[1] if found else None),
    )
    return replace(meta, origin=MappingProxyType({k: INFERRED for k in _known_fields(meta)}))


def override(meta: DocumentMeta, **values) -> DocumentMeta:
    """``meta`` with the non-None ``values`` put in and marked as coming from the manifest."""
    given = {k: v for k, v in values.items() if v is not None}
    if "doc_type" in given:
        given["doc_type"] = DocType(given["doc_type"])
    origin = {**meta.origin, **{k: MANIFEST for k in given}}
    return replace(meta, **given, origin=MappingProxyType(origin))


def _known_fields(meta: DocumentMeta) -> list[str]:
    names = ("doc_type", "year_adopted", "year_horizon", "language", "title")
    return [n for n in names if getattr(meta, n) is not None]


# --- type -------------------------------------------------------------------------------------------

def infer_doc_type(text: str, title: str | None = None) -> DocType:
    found = find_doc_type(text, title)
    return found[0] if found else DocType.OTHER


def find_doc_type(text: str, title: str | None = None) -> tuple[DocType, str] | None:
    """The type and the head line that decided it, or None."""
    cues = load_type_cues()
    for line in head_lines(text, title):
        hits = [(m.start(), order, cue.doc_type) for order, cue in enumerate(cues)
                if (m := cue.pattern.search(line))]
        if hits:
            return min(hits)[2], line
    return None


def head_lines(text: str, title: str | None = None) -> Iterator[str]:
    if title and title.strip():
        yield title.strip()
    lines = (line.strip() for line in text[:HEAD_CHARS].splitlines())
    yield from [line for line in lines if line][:HEAD_LINES]


@cache
def load_type_cues() -> tuple[TypeCue, ...]:
    rows = _rows(resources.files("coopatlas.sources").joinpath("data/doc_types.tsv").read_text("utf-8"))
    prefix = "|".join(f"(?:{pattern})" for kind, where, pattern, _ in rows if where == "prefix")
    start = rf"(?:^|[«\"„“])\s*(?:{prefix})*"
    return tuple(TypeCue(DocType(kind), where, re.compile((start if where == "start" else "") + f"(?:{pattern})",
                                                            re.IGNORECASE))
                 for kind, where, pattern, _ in rows if where != "prefix")


def type_cue_examples() -> list[tuple[str, str]]:
    """(doc_type, example) for every cue row: the data file's own test cases."""
    rows = _rows(resources.files("coopatlas.sources").joinpath("data/doc_types.tsv").read_text("utf-8"))
    return [(kind, example) for kind, where, _, example in rows if where != "prefix"]


def _rows(table: str) -> list[tuple[str, str, str, str]]:
    lines = [line for line in table.splitlines() if line.strip() and not line.startswith("#")]
    rows = [tuple(line.split("\t")) for line in lines[1:]]
    bad = [row for row in rows if len(row) != 4]
    if bad:
        raise ValueError(f"doc_types.tsv: rows need 4 tab-separated columns: {bad[0]!r}")
    return rows


# --- years ------------------------------------------------------------------------------------------

_MONTHS_RU = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = r"((?:19|20|21)\d\d)"
_DATE = re.compile(
    rf"\b\d{{1,2}}\.\d{{1,2}}\.{_YEAR}\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTHS_RU}|{_MONTHS_EN})\s+{_YEAR}\b"
    rf"|\b(?:{_MONTHS_EN})\s+\d{{1,2}},?\s+{_YEAR}\b",
    re.IGNORECASE)
_DASH = r"\s*[-–—]\s*"
_HORIZON = re.compile(
    rf"\bдо\s+(?:\d{{1,2}}\s+(?:{_MONTHS_RU})\s+)?{_YEAR}\s*(?:год|г\.|г\b)"
    rf"|\b{_YEAR}{_DASH}{_YEAR}\s*(?:год|гг|г\.|г\b)"
    rf"|\b(?:up\s+to|to|until|till|through)\s+{_YEAR}\b"
    rf"|\b(?:for|in|over|of)\s+(?:the\s+(?:period|years)\s+)?{_YEAR}{_DASH}{_YEAR}\b"
    rf"|\b{_YEAR}\s+horizon\b|\bhorizon\s+(?:of\s+)?{_YEAR}\b",
    re.IGNORECASE)
_BARE_YEAR = re.compile(rf"(?<![\d.]){_YEAR}(?![\d.]\d)")


def infer_year_adopted(text: str, title: str | None = None) -> int | None:
    head = text[:HEAD_CHARS]
    for source in (title or "", head):
        year = first_date_year(source)
        if year is not None:
            return year
    return _bare_title_year(title or "")


def infer_year_horizon(text: str, title: str | None = None) -> int | None:
    for source in (title or "", text[:HEAD_CHARS]):
        year = first_horizon(source)
        if year is not None:
            return year
    return None


def first_date_year(text: str) -> int | None:
    for match in _DATE.finditer(text):
        year = _plausible(_last_group(match))
        if year is not None:
            return year
    return None


def first_horizon(text: str) -> int | None:
    """End year of the first horizon expression in ``text``."""
    for match in _HORIZON.finditer(text):
        years = [int(g) for g in match.groups() if g]
        if all(_plausible(y) for y in years) and years == sorted(years):
            return years[-1]
    return None


def _bare_title_year(title: str) -> int | None:
    horizons = [m.span() for m in _HORIZON.finditer(title)]
    for match in _BARE_YEAR.finditer(title):
        if not any(s <= match.start() < e for s, e in horizons):
            year = _plausible(int(match.group(1)))
            if year is not None:
                return year
    return None


def _last_group(match: re.Match) -> int:
    return int([g for g in match.groups() if g][-1])


def _plausible(year: int) -> int | None:
    return year if MIN_YEAR <= year <= MAX_YEAR else None
