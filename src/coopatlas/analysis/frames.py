"""The atlas as the analysis sees it: current documents and facts of a selection, as DataFrames.

Every analysis function takes an `AtlasFrames` and returns tables; nothing below reads the database.

    frames = load_frames(Atlas("atlas.db"), Selection(districts=("central",), year_from=2015))

Conventions (docs/analysis.md):
- only current, readable documents count (an older version of a changed file is history);
- a document's `year` is its year of adoption, else the earliest year its facts name; with a period
  selected, documents with no year at all are left out;
- a document's `district` is its author's federal district in that year (today's when unknown); with
  districts selected, documents without an author are left out;
- a document's `level` is the highest specificity of its facts, None when it has no fact (it still
  counts in every denominator: it is a document that names no cooperation);
- `frame` is the legal frame of the direction codes (codebook 2): "ru" (default, as coded: subjects
  admitted under Russian law are domestic) or "iso" (only RU-* subjects are domestic), which re-derives
  the direction of every fact with named parties.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from coopatlas.model import Specificity

LEVELS = tuple(s.value for s in Specificity)  # shallow, formal, detailed
DOCUMENT_COLUMNS = ["document_id", "path", "title", "author", "district", "doc_type", "year", "language",
                    "url", "level"]
FACT_COLUMNS = ["fact_id", "document_id", "author", "district", "year", "specificity", "status", "direction",
                "arity", "parties_list", "partners_list", "implied_list", "spheres_list", "quote"]
OPTIONAL_TEXT = ["title", "author", "district", "doc_type", "language", "url", "level"]  # None when unknown
EVIDENCE_COLUMNS = ["fact_id", "document_id", "pos", "start", "end", "quote"]


@dataclass(frozen=True)
class Selection:
    """Which part of the atlas to analyse: federal districts (ids) and a period of years, inclusive."""

    districts: tuple[str, ...] | None = None
    year_from: int | None = None
    year_to: int | None = None
    frame: str = "ru"

    def describe(self) -> str:
        where = ", ".join(self.districts) if self.districts else "all districts"
        if self.year_from is None and self.year_to is None:
            return f"{where}, all years"
        return f"{where}, {self.year_from or '…'}–{self.year_to or '…'}"


@dataclass(frozen=True)
class AtlasFrames:
    """Current documents, facts and evidence of one selection, plus the reference tables."""

    documents: pd.DataFrame
    facts: pd.DataFrame
    evidence: pd.DataFrame
    reference: object
    selection: Selection = Selection()


def load_frames(atlas, selection: Selection = Selection()) -> AtlasFrames:
    """Read an `Atlas` once and cut it to `selection`."""
    coded = atlas.facts()
    documents = _documents(atlas, coded)
    facts = _facts(coded, documents)
    evidence = atlas.evidence()[EVIDENCE_COLUMNS]
    return select(AtlasFrames(documents, facts, evidence, atlas.reference), selection)


def select(frames: AtlasFrames, selection: Selection) -> AtlasFrames:
    """The part of `frames` inside `selection` (documents first; their facts and evidence follow)."""
    documents = frames.documents
    if selection.districts is not None:
        documents = documents[documents["district"].isin(selection.districts)]
    if selection.year_from is not None or selection.year_to is not None:
        years = documents["year"]
        low = years >= selection.year_from if selection.year_from is not None else years.notna()
        high = years <= selection.year_to if selection.year_to is not None else years.notna()
        documents = documents[low & high]
    kept = set(documents["document_id"])
    facts = frames.facts[frames.facts["document_id"].isin(kept)]
    if selection.frame != "ru":
        facts = facts.assign(direction=[
            _direction(parties, partners, stored, frames.reference, selection.frame)
            for parties, partners, stored in zip(facts["parties_list"], facts["partners_list"], facts["direction"])])
    evidence = frames.evidence[frames.evidence["fact_id"].isin(set(facts["fact_id"]))]
    return replace(frames, documents=documents.reset_index(drop=True), facts=facts.reset_index(drop=True),
                   evidence=evidence.reset_index(drop=True), selection=selection)


def _direction(parties, partners, stored, reference, frame: str):
    """A fact's direction in `frame`: cross_border when a named party is not a domestic subject there;
    a fact with no named partner keeps the direction its text gave (codebook 6)."""
    if not partners:
        return stored
    return "interregional" if all(reference.counts_as_domestic(p, frame) for p in parties) else "cross_border"


def highest_level(levels) -> str | None:
    """The highest specificity among `levels` (shallow < formal < detailed), None for none."""
    ranked = [LEVELS.index(v) for v in levels if isinstance(v, str)]
    return LEVELS[max(ranked)] if ranked else None


def _documents(atlas, coded: pd.DataFrame) -> pd.DataFrame:
    documents = atlas.documents()
    documents = documents[(documents["status"] == "ok") & documents["current"]].rename(columns={"id": "document_id"})
    first_fact_year = coded.groupby("document_id")["year_min"].min()
    documents["year"] = documents["year_adopted"].fillna(documents["document_id"].map(first_fact_year)).astype("Int64")
    documents["district"] = [atlas.district_of(a, y) for a, y in zip(documents["author"], documents["year"])]
    documents["level"] = documents["document_id"].map(coded.groupby("document_id")["specificity"].agg(highest_level))
    documents = documents[DOCUMENT_COLUMNS].reset_index(drop=True)
    for column in OPTIONAL_TEXT:
        documents[column] = documents[column].astype(object).where(documents[column].notna(), None)
    return documents


def _facts(coded: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Facts of the current documents, each with its document's year and district."""
    facts = coded[coded["document_id"].isin(documents["document_id"])].rename(columns={"partners": "partners_list"})
    by_id = documents.set_index("document_id")
    facts = facts.assign(year=facts["document_id"].map(by_id["year"]).astype("Int64"),
                         district=facts["document_id"].map(by_id["district"]))
    return facts[FACT_COLUMNS].reset_index(drop=True)
