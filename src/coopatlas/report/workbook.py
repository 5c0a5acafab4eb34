"""The report's tables as one XLSX workbook: a sheet per table, lists joined with |, filters on.

    write_workbook({"district levels": table, "partners": partners}, "report/tables.xlsx")
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

__all__ = ["write_workbook", "flat"]

MAX_SHEET_NAME = 31          # Excel's limit
MAX_CELL = 32_767            # Excel's limit on characters in a cell
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl refuses these characters


def write_workbook(sheets: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """Write every table to its own sheet (in the given order), with frozen headers and autofilter."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, table in sheets.items():
            sheet = _sheet_name(name)
            flat(table).to_excel(writer, sheet_name=sheet, index=False)
            worksheet = writer.sheets[sheet]
            worksheet.freeze_panes = "A2"
            worksheet.auto_filter.ref = worksheet.dimensions
    return path


def flat(table: pd.DataFrame) -> pd.DataFrame:
    """A copy that spreadsheets take: lists and tuples joined with |, text cleaned and cut to Excel's limit."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [_cell(v) for v in out[column]]
    return out


def _cell(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        value = "|".join(str(v) for v in value)
    if isinstance(value, str):
        return ILLEGAL_XML.sub(" ", value)[:MAX_CELL]
    return value


def _sheet_name(name: str) -> str:
    return FORBIDDEN.sub(" ", name)[:MAX_SHEET_NAME]
