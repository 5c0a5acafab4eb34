"""Coverage of the survey: which federal subjects the selection has documents for, and per district.

    result = survey(frames)
    result.subjects.query("documents > 0")[["subject", "district", "documents", "years", "has_strategy"]]
    #   subject  district    documents  years         has_strategy
    #   RU-KLU   central     2          [2019, 2023]  True
    result.districts   # district, subjects, covered, share, documents, facts ("all" last)

The per-subject counts come from `coopatlas.coverage.coverage` (what `coopatlas status` shows), fed
with the selection's documents; this module adds districts, types, years and the strategy flag.
Conventions (docs/analysis-districts.md): every subject of the reference in the selection's legal frame
on the survey day is listed, those with no document too (the survey day is 1 July of the selection's
last year, today when the period is open: all 89 today, 83 before 2014); a subject's district is the
one on that day; with districts selected, only their subjects are listed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from coopatlas.analysis.frames import AtlasFrames
from coopatlas.coverage import coverage
from coopatlas.reference.periods import year_date

__all__ = ["DISTRICT_COLUMNS", "SUBJECT_COLUMNS", "Survey", "district_coverage", "subject_coverage", "survey"]

ALL = "all"
STRATEGY = "strategy"
SUBJECT_COLUMNS = ["subject", "name", "district", "documents", "doc_types", "years", "first_year", "latest_year",
                   "has_strategy", "facts", "document_ids"]
DISTRICT_COLUMNS = ["district", "subjects", "covered", "share", "documents", "facts"]


@dataclass(frozen=True)
class Survey:
    """Per-subject and per-district coverage, and the documents no listed subject authored."""

    subjects: pd.DataFrame
    districts: pd.DataFrame
    unattributed: int


def survey(frames: AtlasFrames, lang: str = "en") -> Survey:
    """Both coverage tables of the selection."""
    subjects = subject_coverage(frames, lang)
    return Survey(subjects, district_coverage(subjects, frames.reference),
                  len(frames.documents) - int(subjects["documents"].sum()))


def subject_coverage(frames: AtlasFrames, lang: str = "en") -> pd.DataFrame:
    """One row per federal subject: district, documents, types, years, strategy flag, facts, document ids."""
    names = _subjects(frames, lang)
    table = coverage(_as_stored(frames.documents), _fact_authors(frames.facts), names).set_index("subject")
    by_author = frames.documents.groupby("author")
    lists = {"doc_types": by_author["doc_type"].agg(_types), "years": by_author["year"].agg(_years),
             "document_ids": by_author["document_id"].agg(lambda ids: sorted(int(i) for i in ids))}
    for column, values in lists.items():
        table[column] = [values.get(subject, []) for subject in table.index]
    table["has_strategy"] = table["doc_types"].map(lambda types: STRATEGY in types)
    table["district"] = pd.Series([_district_of(frames, s) for s in table.index], index=table.index, dtype=object)
    table = table.reset_index()[SUBJECT_COLUMNS]
    return _in_selected_districts(frames, _by_district(table, frames.reference))


def district_coverage(subjects: pd.DataFrame, reference) -> pd.DataFrame:
    """Per district (reference order, then "all"): subjects, subjects with a document, their share."""
    districts = [d for d in reference.districts if d in set(subjects["district"])]
    rows = [_district_row(d, subjects[subjects["district"] == d]) for d in districts]
    return pd.DataFrame(rows + [_district_row(ALL, subjects)], columns=DISTRICT_COLUMNS)


def _district_row(district: str, subjects: pd.DataFrame) -> dict:
    covered = int((subjects["documents"] > 0).sum())
    return {"district": district, "subjects": len(subjects), "covered": covered,
            "share": covered / len(subjects) if len(subjects) else float("nan"),
            "documents": int(subjects["documents"].sum()), "facts": int(subjects["facts"].sum())}


def _subjects(frames: AtlasFrames, lang: str) -> dict[str, str]:
    """Federal subjects of the reference in the selection's legal frame on the survey day, id -> name."""
    ref, frame, day = frames.reference, frames.selection.frame, _survey_day(frames)
    return {p.id: (p.name_ru if lang == "ru" else p.name_en) for p in ref.parties.values()
            if p.kind == "subject" and ref.is_domestic(p.id, frame, day)}


def _as_stored(documents: pd.DataFrame) -> pd.DataFrame:
    """The frames' documents in the shape `coverage` reads from the store (all current and readable;
    the year is the frames' year: of adoption, else the earliest year the facts name)."""
    return documents.rename(columns={"document_id": "id"}).assign(status="ok", current=True,
                                                                  year_adopted=documents["year"])


def _fact_authors(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts' authors for `coverage`; with no fact, one row without an author (which counts for no
    subject), because `coverage` cannot join an empty fact count (its unnamed empty Series)."""
    authors = facts[["author", "fact_id"]]
    return authors if len(authors) else pd.DataFrame({"author": [None], "fact_id": [0]})


def _district_of(frames: AtlasFrames, subject: str) -> str | None:
    return frames.reference.district_of(subject, _survey_day(frames))


def _survey_day(frames: AtlasFrames) -> date:
    """1 July of the selection's last year; today when the period is open."""
    year = frames.selection.year_to
    return year_date(year) if year is not None else date.today()


def _by_district(table: pd.DataFrame, reference) -> pd.DataFrame:
    order = {d: i for i, d in enumerate(reference.districts)}
    rank = table["district"].map(lambda d: order.get(d, len(order)))
    return table.assign(_rank=rank).sort_values(["_rank", "subject"]).drop(columns="_rank").reset_index(drop=True)


def _in_selected_districts(frames: AtlasFrames, table: pd.DataFrame) -> pd.DataFrame:
    chosen = frames.selection.districts
    return table if not chosen else table[table["district"].isin(chosen)].reset_index(drop=True)


def _types(values: pd.Series) -> list[str]:
    return sorted({t for t in values if isinstance(t, str)})


def _years(values: pd.Series) -> list[int]:
    return sorted({int(y) for y in values.dropna()})
