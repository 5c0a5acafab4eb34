"""What a section builder gives the report writer, and what it gets."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from coopatlas.analysis.frames import AtlasFrames
from coopatlas.analysis.profiles import ProfileIndex
from coopatlas.report.page import Section, Table, table_html

__all__ = ["Context", "ChartSpec", "Part", "table"]

MAX_ROWS = 200  # rows of a table shown in the page; the XLSX has all


@dataclass(frozen=True)
class Context:
    frames: AtlasFrames
    lang: str
    words: dict
    out: Path
    regions: pd.DataFrame  # analysis.profiles.profiles(frames, lang): one line per author region, read by two sections
    index: ProfileIndex    # analysis.profiles.profile_index(frames): reciprocity and quotes, computed once
    trade: Path | None = None
    boundaries: Path | None = None


@dataclass(frozen=True)
class ChartSpec:
    """A chart to render into the section: inline (HTML), and as PNG and SVG files named `key`."""

    key: str
    chart: object
    caption: str


@dataclass(frozen=True)
class Part:
    section: Section
    charts: tuple[ChartSpec, ...] = ()
    sheets: dict = field(default_factory=dict)
    evidence: tuple = ()
    files: tuple[Path, ...] = ()


def table(key: str, title: str, frame: pd.DataFrame, note: str = "", max_rows: int = MAX_ROWS) -> Table:
    shown = f" (first {max_rows} of {len(frame)} rows; all in tables.xlsx)" if len(frame) > max_rows else ""
    return Table(key, title, table_html(frame, max_rows), (note + shown).strip())
