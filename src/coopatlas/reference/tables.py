"""Parse the TSV reference tables into records; a malformed row names its file and line."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, Mapping, TypeVar

from coopatlas.errors import ReferenceError_
from coopatlas.reference.periods import Period, parse_end, parse_start
from coopatlas.reference.records import (
    Alias,
    Border,
    Capital,
    District,
    Group,
    IdAlias,
    Membership,
    Party,
)

T = TypeVar("T")

PARTY_KINDS = frozenset({"subject", "country", "foreign_region", "assoc", "org", "euroregion", "region"})
ALIAS_KINDS = frozenset({"name", "fixed", "abbr", "adj", "en", "en_adj"})
ALIAS_FLAGS = frozenset({"ambiguous", "context", "weak"})
BORDER_KINDS = frozenset({"land", "land_foreign", "sea"})
LANGS = frozenset({"ru", "en"})


@dataclass(frozen=True, slots=True)
class Row:
    """One data line of a table: its cells by column name, and where it came from."""

    file: str
    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def fail(self, message: str) -> ReferenceError_:
        return ReferenceError_(f"{self.file}, line {self.line}: {message}")


def data_dir():
    """The packaged tables (a Traversable; works from a wheel or a checkout)."""
    return resources.files("coopatlas.reference") / "data"


def read_rows(source, name: str, columns: tuple[str, ...]) -> Iterator[Row]:
    """Rows of `name` in `source` (a directory path or Traversable); the header must match."""
    text = _read_text(source, name)
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise ReferenceError_(f"{name}, line 1: header must be {'<TAB>'.join(columns)}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise ReferenceError_(f"{name}, line {number}: {len(cells)} cells, expected {len(columns)}")
        yield Row(name, number, dict(zip(columns, (c.strip() for c in cells))))


def _read_text(source, name: str) -> str:
    path = Path(source) / name if isinstance(source, (str, Path)) else source / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ReferenceError_(f"{name}: reference table not found in {source}") from exc
    except UnicodeDecodeError as exc:
        raise ReferenceError_(f"{name}: not UTF-8 ({exc})") from exc


def parse_table(source, name: str, columns: tuple[str, ...], make: Callable[[Row], T]) -> tuple[T, ...]:
    return tuple(make(row) for row in read_rows(source, name, columns))


def period_of(row: Row, start: str = "valid_from", end: str = "valid_to") -> Period:
    try:
        period = Period(parse_start(row[start]), parse_end(row[end]))
    except ValueError as exc:
        raise row.fail(f"bad date ({exc})") from exc
    if period.is_empty():
        raise row.fail("valid_to is before valid_from")
    return period


def required(row: Row, *columns: str) -> None:
    for column in columns:
        if not row[column]:
            raise row.fail(f"empty {column}")


def one_of(row: Row, column: str, allowed: frozenset[str]) -> str:
    value = row[column]
    if value not in allowed:
        raise row.fail(f"{column} {value!r} is not one of {sorted(allowed)}")
    return value


def make_party(row: Row) -> Party:
    required(row, "id", "name_ru", "name_en")
    return Party(row["id"], one_of(row, "kind", PARTY_KINDS), row["name_ru"], row["name_en"],
                 row["country"], row["type"], period_of(row), row["note"])


def make_alias(row: Row) -> Alias:
    required(row, "party", "alias")
    flags = frozenset(f for f in row["flags"].split("|") if f)
    unknown = flags - ALIAS_FLAGS
    if unknown:
        raise row.fail(f"unknown flags {sorted(unknown)}")
    return Alias(row["party"], row["alias"], one_of(row, "lang", LANGS),
                 one_of(row, "kind", ALIAS_KINDS), flags, row["note"])


def make_district(row: Row) -> District:
    required(row, "id", "name_ru")
    return District(row["id"], row["name_ru"], row["name_en"], row["abbr_ru"], period_of(row))


def make_district_membership(row: Row) -> Membership:
    required(row, "subject", "district")
    return Membership(row["district"], row["subject"], period_of(row))


def make_association_membership(row: Row) -> Membership:
    required(row, "association", "subject")
    return Membership(row["association"], row["subject"], period_of(row), row["note"])


def make_org_membership(row: Row) -> Membership:
    required(row, "org", "member")
    return Membership(row["org"], row["member"], period_of(row), row["note"])


def make_border(row: Row) -> Border:
    required(row, "a", "b")
    if row["a"] == row["b"]:
        raise row.fail("a border needs two different parties")
    return Border(row["a"], row["b"], one_of(row, "kind", BORDER_KINDS))


def make_capital(row: Row) -> Capital:
    required(row, "party", "capital_ru")
    try:
        return Capital(row["party"], row["capital_ru"], row["capital_en"], float(row["lat"]), float(row["lon"]))
    except ValueError as exc:
        raise row.fail(f"bad coordinate ({exc})") from exc


def make_group(row: Row) -> Group:
    required(row, "id", "expands_to")
    if not row["id"].startswith("group:"):
        raise row.fail("group ids start with 'group:'")
    return Group(row["id"], row["name_ru"], row["name_en"], row["expands_to"])


def make_id_alias(row: Row) -> IdAlias:
    required(row, "id", "party")
    return IdAlias(row["id"], row["party"], row["note"])


TABLES = {
    "parties": ("parties.tsv", ("id", "kind", "name_ru", "name_en", "country", "type", "valid_from", "valid_to", "note"), make_party),
    "aliases": ("aliases.tsv", ("party", "alias", "lang", "kind", "flags", "note"), make_alias),
    "districts": ("districts.tsv", ("id", "name_ru", "name_en", "abbr_ru", "valid_from", "valid_to"), make_district),
    "district_membership": ("district_membership.tsv", ("subject", "district", "valid_from", "valid_to"), make_district_membership),
    "association_membership": ("association_membership.tsv", ("association", "subject", "valid_from", "valid_to", "note"), make_association_membership),
    "org_membership": ("org_membership.tsv", ("org", "member", "valid_from", "valid_to", "note"), make_org_membership),
    "adjacency": ("adjacency.tsv", ("a", "b", "kind"), make_border),
    "capitals": ("capitals.tsv", ("party", "capital_ru", "capital_en", "lat", "lon"), make_capital),
    "groups": ("groups.tsv", ("id", "name_ru", "name_en", "expands_to"), make_group),
    "id_aliases": ("id_aliases.tsv", ("id", "party", "note"), make_id_alias),
}


def load_tables(source=None) -> dict[str, tuple]:
    """Every table parsed into records, keyed by table name."""
    source = data_dir() if source is None else source
    return {key: parse_table(source, name, columns, make) for key, (name, columns, make) in TABLES.items()}
