"""The report page as records: sections of figures, tables and folded details, then the evidence.

The records hold ready HTML for figures and tables (made by render.py and `table_html`) and plain
text for everything else; the template escapes all plain text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Figure", "Table", "Detail", "Section", "Page", "table_html"]


@dataclass(frozen=True)
class Figure:
    key: str
    html: str          # the chart's <div> and <script> (render.to_html_fragment)
    caption: str
    png: str | None = None   # relative links to the image files
    svg: str | None = None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    html: str
    note: str = ""


@dataclass(frozen=True)
class Detail:
    """A folded block (one region's profile, say): plain lines and tables."""

    key: str
    title: str
    lines: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    details: tuple[Detail, ...] = ()


@dataclass(frozen=True)
class Page:
    title: str
    subtitle: str
    lang: str
    version: str
    words: dict
    headline: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    evidence: tuple = ()   # EvidenceGroup records
    extra: dict = field(default_factory=dict)


def table_html(table: pd.DataFrame, max_rows: int | None = None) -> str:
    """An escaped HTML table; lists shown |-joined; at most `max_rows` rows (the XLSX has them all)."""
    from coopatlas.report.workbook import flat

    shown = table if max_rows is None else table.head(max_rows)
    return flat(shown).to_html(index=False, escape=True, na_rep="", border=0, classes="data")
