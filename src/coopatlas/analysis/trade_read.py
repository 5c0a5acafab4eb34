"""Read an inter-regional trade table (CSV or XLSX) into `TradeFlows`: one row per flow, regions as party ids.

    flows = read_trade("demo/trade/interregional-trade.csv")
    food = flows.select(commodity="Продовольствие и сельскохозяйственное сырьё", year_from=2022)
    food.groupby("source")["value"].sum()

Layout (docs/analysis-trade.md): one header row naming the columns year, from, to, commodity group, value and
unit, in English or Russian, in any order (other columns are ignored); one flow per row. CSV: UTF-8 (a BOM is
fine), separated by commas, semicolons or tabs; lines starting with `#` are comments; a number may have a
decimal comma and spaces between thousands. XLSX: the first sheet. A region is a codebook id (RU-KLU) or a
name from the reference tables (Калужская область, Kaluga Oblast). Every bad row is a `TradeFileError` naming
the file, the row (the line of the CSV, the row of the sheet) and the reason.
"""
from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import openpyxl
import pandas as pd

from coopatlas.errors import CoopatlasError, ReadError
from coopatlas.nlp.normalize import normalise_key
from coopatlas.reference import Reference, load_reference

__all__ = ["FLOW_COLUMNS", "HEADERS", "TradeFileError", "TradeFlows", "read_trade", "region_names"]

FLOW_COLUMNS = ["year", "source", "target", "commodity", "value", "unit", "line"]
HEADERS = {
    "year": ("year", "год"),
    "source": ("from", "source", "откуда"),
    "target": ("to", "target", "куда"),
    "commodity": ("commodity group", "commodity", "товарная группа"),
    "value": ("value", "объём", "стоимость"),
    "unit": ("unit", "единица", "единица измерения"),
}
NAME_KINDS = frozenset({"name", "fixed", "abbr", "en"})  # adjectives (калужский) are not names of a region
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")
_DIGIT_GAPS = re.compile(r"[\s\u00a0\u202f\u2009']")


class TradeFileError(CoopatlasError):
    """A trade table is malformed: the message names the file, the row and the reason."""


@dataclass(frozen=True)
class TradeFlows:
    """The flows of one trade table (`FLOW_COLUMNS`; `line` is the row of the file) and the file's path."""

    table: pd.DataFrame
    path: str

    def select(self, commodity: str | None = None, year_from: int | None = None,
               year_to: int | None = None) -> pd.DataFrame:
        """The flows of one commodity group (all when None) in a period of years, inclusive."""
        table = self.table
        if commodity is not None:
            if commodity not in set(table["commodity"]):
                raise TradeFileError(f"{self.path}: no commodity group {commodity!r}; "
                                     f"the groups are {sorted(set(table['commodity']))}")
            table = table[table["commodity"] == commodity]
        years = table["year"]
        inside = years.between(year_from if year_from is not None else years.min(),
                               year_to if year_to is not None else years.max())
        return table[inside].reset_index(drop=True)


def read_trade(path: str | Path, reference: Reference | None = None) -> TradeFlows:
    """The flows in the CSV or XLSX table at `path`, regions resolved through `reference`."""
    path = Path(path)
    rows = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    if not rows:
        raise TradeFileError(f"{path}: no header row and no data")
    (header_row, header), data = rows[0], rows[1:]
    columns = _columns(path, header_row, header)
    names = region_names(reference or load_reference())
    records = [_record(path, number, cells, columns, names) for number, cells in data]
    if not records:
        raise TradeFileError(f"{path}: a header but no flows")
    table = pd.DataFrame(records, columns=FLOW_COLUMNS)
    _check_units(path, table)
    return TradeFlows(table, str(path))


def region_names(reference: Reference) -> Mapping[str, tuple[str, ...]]:
    """Normalised id, name or alias → the party ids it names (more than one: an ambiguous name)."""
    found = defaultdict(set)
    for party in reference.parties.values():
        for text in (party.id, party.name_ru, party.name_en):
            found[normalise_key(text)].add(party.id)
    for alias in reference.id_aliases.values():
        found[normalise_key(alias.id)].add(alias.party)
    for alias in reference.aliases:
        if alias.kind in NAME_KINDS and alias.party in reference.parties:
            found[normalise_key(alias.text)].add(alias.party)
    return {key: tuple(sorted(ids)) for key, ids in found.items()}


def fail(path, row: int, reason: str) -> TradeFileError:
    return TradeFileError(f"{path}, row {row}: {reason}")


# -- rows of the file: (row number, cells)

def _csv_rows(path: Path) -> list[tuple[int, list]]:
    lines = [(n, line) for n, line in enumerate(_text(path).splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    delimiter = max(";,\t", key=lines[0][1].count)
    rows = [(n, _cells(path, n, line, delimiter)) for n, line in lines]
    return [(n, cells) for n, cells in rows if _filled(cells)]  # a row of bare separators is blank


def _cells(path, row: int, line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except csv.Error as exc:
        raise fail(path, row, f"cannot split the line ({exc})") from None


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ReadError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not UTF-8 text (bad byte at offset {exc.start}); save the table as UTF-8 CSV "
                        "or XLSX") from exc


def _xlsx_rows(path: Path) -> list[tuple[int, tuple]]:
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # an untrusted file: openpyxl raises many kinds of error on a corrupt one
        raise ReadError(f"{path}: not a readable XLSX workbook ({type(exc).__name__}: {exc})") from exc
    try:
        sheet = book.worksheets[0]
        return [(n, cells) for n, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
                if _filled(cells)]
    finally:
        book.close()


def _filled(cells) -> bool:
    texts = [str(c).strip() for c in cells if c is not None]
    return any(texts) and not next(t for t in texts if t).startswith("#")


# -- header

def _columns(path, row: int, header) -> dict[str, int]:
    """Field → position of its column in the header."""
    known = {_header_key(name): field for field, names in HEADERS.items() for name in names}
    columns: dict[str, int] = {}
    for position, cell in enumerate(header):
        field = known.get(_header_key(cell))
        if field in columns:
            raise fail(path, row, f"two columns for {field!r} ({header[columns[field]]!r} and {cell!r})")
        if field is not None:
            columns[field] = position
    missing = [f"{field} ({' / '.join(HEADERS[field])})" for field in HEADERS if field not in columns]
    if missing:
        raise fail(path, row, f"missing column(s): {', '.join(missing)}")
    return columns


def _header_key(cell) -> str:
    return " ".join(str(cell or "").replace("ё", "е").replace("Ё", "Е").lower().split())


# -- one data row

def _record(path, row: int, cells, columns: Mapping[str, int], names) -> tuple:
    cell = {field: cells[i] if i < len(cells) else None for field, i in columns.items()}
    try:
        return (_year(cell["year"]), _region(cell["source"], names, "from"), _region(cell["target"], names, "to"),
                _text_cell(cell["commodity"], "commodity group"), _value(cell["value"]),
                _text_cell(cell["unit"], "unit"), row)
    except ValueError as exc:
        raise fail(path, row, str(exc)) from None


def _text_cell(value, what: str) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if not text:
        raise ValueError(f"empty {what}")
    return text


def _year(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    if isinstance(value, bool) or not re.fullmatch(r"\d{4}", text):
        raise ValueError(f"year {text!r} is not a four-digit year")
    return int(text)


def _region(value, names, what: str) -> str:
    text = _text_cell(value, f"'{what}' region")
    found = names.get(normalise_key(text), ())
    if len(found) > 1:
        raise ValueError(f"ambiguous region {text!r}: it names {', '.join(found)}; use the codebook id")
    if not found:
        raise ValueError(f"unknown region {text!r} (use a codebook id such as RU-KLU or a name from the "
                         "reference tables)")
    return found[0]


def _value(value) -> float:
    number = _number(value)
    if number is None or not math.isfinite(number):
        raise ValueError(f"value {value!r} is not a number")
    if number < 0:
        raise ValueError(f"value {value!r} is negative")
    return number


def _number(value) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    compact = _DIGIT_GAPS.sub("", str(value if value is not None else "")).replace("\u2212", "-")
    return float(compact.replace(",", ".")) if _NUMBER.fullmatch(compact) else None


def _check_units(path, table: pd.DataFrame) -> None:
    """One unit per commodity group; the first row that breaks it is the error."""
    first = table.groupby("commodity")["unit"].transform("first")
    broken = table[table["unit"] != first]
    if len(broken):
        row = broken.iloc[0]
        raise fail(path, row["line"], f"unit {row['unit']!r} differs from {first[broken.index[0]]!r}, the unit of "
                                      f"{row['commodity']!r} in the rows above")
