"""Survey coverage on the hand-built atlas: every subject of the reference, with or without documents.

Authors: KLU d1 (2019, strategy) d2 (2023, news); TUL d3 (2020, strategy); TVE d4 (2021, strategy, no fact);
PSK d5 (2019, strategy); LEN d6 (2020, strategy); TA d7 (2018, plan); d8 has no author.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest

from coopatlas.analysis.frames import Selection, select
from coopatlas.analysis.survey import DISTRICT_COLUMNS, SUBJECT_COLUMNS, survey


@pytest.fixture(scope="module")
def result(frames):
    return survey(frames)


def test_every_subject_is_listed(result):
    subjects = result.subjects
    assert list(subjects.columns) == SUBJECT_COLUMNS
    assert len(subjects) == 89 and subjects["subject"].is_unique  # 83 RU-* + 6 admitted under Russian law
    assert subjects["subject"].iloc[0] == "RU-BEL"  # central first (reference order), then by id
    assert (subjects["documents"] > 0).sum() == 6  # KLU TUL TVE PSK LEN TA


def test_subject_rows(result, handbuilt_ids):
    rows = result.subjects.set_index("subject")
    klu = rows.loc["RU-KLU"]
    assert klu[["district", "documents", "doc_types", "years", "first_year", "latest_year", "has_strategy", "facts"]
               ].tolist() == ["central", 2, ["news", "strategy"], [2019, 2023], 2019, 2023, True, 3]  # F1 F2 F3
    assert klu["document_ids"] == sorted([handbuilt_ids["d1"], handbuilt_ids["d2"]])
    assert rows.loc["RU-TA", ["district", "doc_types", "has_strategy", "facts"]].tolist() == [
        "volga", ["plan"], False, 2]  # d7 is a plan, not a strategy; F9 F10
    assert rows.loc["RU-TVE", ["documents", "facts", "has_strategy"]].tolist() == [1, 0, True]  # d4 names nothing
    ngr = rows.loc["RU-NGR"]  # named by Pskov, authored nothing
    assert ngr["documents"] == 0 and ngr["years"] == [] and ngr["doc_types"] == [] and not ngr["has_strategy"]
    assert pd.isna(ngr["first_year"]) and ngr["district"] == "north-west"


def test_district_summary(result, frames):
    table = result.districts
    assert list(table.columns) == DISTRICT_COLUMNS
    rows = table.set_index("district")
    assert list(rows.index)[-1] == "all" and "crimea" not in rows.index  # no subject is in it today
    central = len(frames.reference.district_members("central"))
    assert central == 18
    # central: KLU TUL TVE covered of 18 -> 3/18; d1-d4 = 4 documents; F1-F4 = 4 facts
    assert rows.loc["central", ["subjects", "covered", "documents", "facts"]].tolist() == [18, 3, 4, 4]
    assert rows.loc["central", "share"] == pytest.approx(3 / 18)
    assert rows.loc["north-west", ["covered", "documents", "facts"]].tolist() == [2, 2, 4]  # PSK LEN; d5 d6; F5-F8
    assert rows.loc["south", "covered"] == 0 and rows.loc["south", "share"] == 0.0
    # all: 6 of 89 subjects; 7 documents (d8 has no author: unattributed) and 10 facts (F11 is d8's)
    assert rows.loc["all", ["subjects", "covered", "documents", "facts"]].tolist() == [89, 6, 7, 10]
    assert result.unattributed == 1


def test_legal_frame_and_period_change_the_list(frames):
    iso = survey(select(frames, Selection(frame="iso")))
    assert len(iso.subjects) == 83 and not iso.subjects["subject"].str.startswith("UA-").any()
    # 1 July 2015: Crimea and Sevastopol are subjects, in the Crimean district (until 28 July 2016);
    # the four admitted on 30 September 2022 are not yet: 89 - 4 = 85
    early = survey(select(frames, Selection(year_to=2015)))
    assert len(early.subjects) == 85
    crimea = early.districts.set_index("district").loc["crimea"]
    assert crimea["subjects"] == 2 and crimea["covered"] == 0 and crimea["documents"] == 0
    assert early.districts.set_index("district").loc["all", "documents"] == 0  # every document is later
    assert early.unattributed == 0


def test_selected_districts_only(frames):
    north_west = survey(select(frames, Selection(districts=("north-west",))))
    assert len(north_west.subjects) == 11 and set(north_west.subjects["district"]) == {"north-west"}
    rows = north_west.districts.set_index("district")
    assert list(rows.index) == ["north-west", "all"]
    assert rows.loc["all", ["subjects", "covered", "documents"]].tolist() == [11, 2, 2]  # PSK LEN; d5 d6
    assert north_west.unattributed == 0  # d8 is left out by the district selection


def test_empty_selection(frames):
    nothing = survey(select(frames, Selection(districts=("urals",))))
    rows = nothing.districts.set_index("district")
    assert rows.loc["urals", ["subjects", "covered", "facts"]].tolist() == [6, 0, 0]
    assert not math.isnan(rows.loc["urals", "share"]) and rows.loc["urals", "share"] == 0.0
