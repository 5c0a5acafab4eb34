"""The original study's figures per federal district: level, sphere and orientation shares of documents.

Every function returns one tidy table with the columns `COLUMNS`: one row per (district, measure,
category), the district "all" last for the whole selection.

    figures = district_figures(frames)
    figures.levels.query("district == 'central'")[["category", "n", "total", "share"]]
    #   category  n  total  share
    #   shallow   0      4   0.00
    #   formal    1      4   0.25      (d3)
    #   detailed  2      4   0.50      (d1, d2)
    #   none      1      4   0.25      (d4: no cooperation named)

Conventions (docs/analysis-districts.md):
- the denominator is every document of the district, those that name no cooperation included;
- a document counts in a category when at least one of its facts is in it (spheres are multi-label,
  so sphere shares do not add up to 1; nor do direction or arity shares);
- documents whose author has no federal district (no author, or a foreign one) count only in "all";
- `document_ids` and `fact_ids` hold the documents and facts behind each figure: for a level, the
  facts that give the documents that level; for a sphere, direction or arity, the facts that have it.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from coopatlas.analysis.frames import LEVELS, AtlasFrames, highest_level
from coopatlas.analysis.stats import share, wilson
from coopatlas.model import Arity, Direction, Sphere

__all__ = [
    "ALL", "COLUMNS", "LEVEL_CATEGORIES", "DistrictFigures", "district_counts", "district_figures", "district_name",
    "level_shares",
    "orientation_shares", "sphere_shares",
]

ALL = "all"
NONE = "none"
COLUMNS = ["district", "measure", "category", "n", "total", "share", "ci_low", "ci_high", "document_ids", "fact_ids"]
LEVEL_CATEGORIES = (*LEVELS, NONE)
SPHERES = tuple(s.value for s in Sphere)
ORIENTATIONS = (("direction", tuple(d.value for d in Direction)), ("arity", tuple(a.value for a in Arity)))
UNITS = ("document", "region")
_ALL_NAMES = {"en": "All districts", "ru": "Все федеральные округа",
              "en_short": "All", "ru_short": "Все"}


@dataclass(frozen=True)
class DistrictFigures:
    """The tables of the district figures, and how many documents, regions and facts each district has."""

    levels: pd.DataFrame
    region_levels: pd.DataFrame
    spheres: pd.DataFrame
    orientation: pd.DataFrame
    counts: pd.DataFrame


@dataclass(frozen=True)
class _Group:
    district: str
    documents: pd.DataFrame
    facts: pd.DataFrame


def district_figures(frames: AtlasFrames) -> DistrictFigures:
    """All district tables of the report in one record."""
    return DistrictFigures(level_shares(frames), level_shares(frames, unit="region"), sphere_shares(frames),
                           orientation_shares(frames), district_counts(frames))


def level_shares(frames: AtlasFrames, unit: str = "document") -> pd.DataFrame:
    """Share of documents (or of author regions) whose highest specificity is each level, or none."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")
    rows_of = _document_level_rows if unit == "document" else _region_level_rows
    return _table([row for group in _groups(frames) for row in rows_of(group)])


def sphere_shares(frames: AtlasFrames) -> pd.DataFrame:
    """Share of documents with at least one fact naming each of the 14 spheres (zero rows included)."""
    has = {s: (lambda facts, s=s: facts["spheres_list"].map(lambda spheres: s in spheres)) for s in SPHERES}
    return _table([row for group in _groups(frames) for row in _fact_rows(group, "sphere", has)])


def orientation_shares(frames: AtlasFrames) -> pd.DataFrame:
    """Share of documents with at least one fact of each direction, and of each arity."""
    rows = []
    for group in _groups(frames):
        for measure, categories in ORIENTATIONS:
            has = {c: (lambda facts, c=c, m=measure: facts[m] == c) for c in categories}
            rows += _fact_rows(group, measure, has)
    return _table(rows)


def district_counts(frames: AtlasFrames) -> pd.DataFrame:
    """Documents, author regions and facts per district (and "all")."""
    rows = [{"district": g.district, "documents": len(g.documents), "regions": g.documents["author"].nunique(),
             "facts": len(g.facts)} for g in _groups(frames)]
    return pd.DataFrame(rows, columns=["district", "documents", "regions", "facts"])


def district_name(reference, district: str, lang: str = "en", short: bool = False) -> str:
    """A district's name: "Central Federal District" / "Центральный федеральный округ";
    short: "Central" / "ЦФО"; "all" is "All districts" / "Все федеральные округа"."""
    if lang not in ("en", "ru"):
        raise ValueError(f"lang must be 'en' or 'ru', got {lang!r}")
    if district == ALL:
        return _ALL_NAMES[f"{lang}_short" if short else lang]
    record = reference.districts.get(district)
    if record is None:
        return district
    if lang == "ru":
        return record.abbr_ru if short else record.name_ru
    return record.name_en.removesuffix(" Federal District") if short else record.name_en


# -- groups


def _groups(frames: AtlasFrames) -> list[_Group]:
    """One group per district of the selection (reference order), then "all"."""
    documents, facts = frames.documents, frames.facts
    groups = [_Group(d, documents[documents["district"] == d], facts[facts["district"] == d])
              for d in _districts(frames)]
    return groups + [_Group(ALL, documents, facts)]


def _districts(frames: AtlasFrames) -> list[str]:
    """The selected districts, else those with a document; in the order of the reference table."""
    chosen = frames.selection.districts or [d for d in frames.documents["district"] if isinstance(d, str)]
    known = list(frames.reference.districts)
    return sorted(set(chosen), key=lambda d: (known.index(d) if d in known else len(known), d))


# -- rows


def _document_level_rows(group: _Group) -> list[dict]:
    levels = group.documents["level"].map(_category)
    rows = []
    for level in LEVEL_CATEGORIES:
        documents = group.documents.loc[levels == level, "document_id"]
        rows.append(_row(group, "level", level, len(documents), len(group.documents), documents,
                         _facts_at(group.facts, documents, level)))
    return rows


def _region_level_rows(group: _Group) -> list[dict]:
    authored = group.documents[group.documents["author"].notna()]
    region_level = authored.groupby("author")["level"].agg(highest_level).map(_category)
    rows = []
    for level in LEVEL_CATEGORIES:
        regions = region_level.index[region_level == level]
        documents = authored.loc[authored["author"].isin(regions) & _level_is(authored["level"], level), "document_id"]
        rows.append(_row(group, "level", level, len(regions), len(region_level), documents,
                         _facts_at(group.facts, documents, level)))
    return rows


def _fact_rows(group: _Group, measure: str, has: dict) -> list[dict]:
    """A row per category: documents with at least one fact for which `has[category](facts)` is true."""
    rows = []
    for category, test in has.items():
        facts = group.facts[test(group.facts)] if len(group.facts) else group.facts
        documents = facts["document_id"].drop_duplicates()
        rows.append(_row(group, measure, category, len(documents), len(group.documents), documents,
                         facts["fact_id"]))
    return rows


def _facts_at(facts: pd.DataFrame, documents: pd.Series, level: str) -> pd.Series:
    """The facts of `documents` with specificity `level` (none for the level "none")."""
    return facts.loc[facts["document_id"].isin(documents) & (facts["specificity"] == level), "fact_id"]


def _category(level) -> str:
    """A level as a category: "none" for a document (or region) with no fact."""
    return level if isinstance(level, str) else NONE


def _level_is(levels: pd.Series, level: str) -> pd.Series:
    return levels.isna() if level == NONE else levels == level


def _row(group: _Group, measure: str, category: str, n: int, total: int, documents, facts) -> dict:
    low, high = wilson(n, total)
    return {"district": group.district, "measure": measure, "category": category, "n": int(n), "total": int(total),
            "share": share(n, total), "ci_low": low, "ci_high": high, "document_ids": _ids(documents),
            "fact_ids": _ids(facts)}


def _ids(values) -> list[int]:
    return sorted(int(v) for v in set(values))


def _table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)
