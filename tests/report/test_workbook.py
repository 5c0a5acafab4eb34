"""The report's XLSX writer takes any text: lists joined, characters Excel refuses replaced, long cells cut."""
from __future__ import annotations

import pandas as pd

from coopatlas.report.workbook import MAX_CELL, write_workbook


def test_text_columns_of_any_dtype_are_cleaned(tmp_path):
    table = pd.DataFrame({"quote": ["a\x01b", "x" * (MAX_CELL + 10)], "ids": [[1, 2], []]})
    path = write_workbook({"facts: [hostile]/name?": table}, tmp_path / "t.xlsx")
    read = pd.read_excel(path, sheet_name=None)
    (name, back), = read.items()
    assert name == "facts   hostile  name "
    assert back["quote"][0] == "a b" and len(back["quote"][1]) == MAX_CELL
    assert back["ids"].fillna("").astype(str).tolist() == ["1|2", ""]
