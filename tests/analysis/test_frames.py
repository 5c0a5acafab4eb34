"""load_frames and select on the hand-built atlas: current documents only, levels, years, districts."""
from __future__ import annotations

from coopatlas.analysis.frames import Selection, highest_level, select


def by_name(frames, ids):
    names = {v: k for k, v in ids.items()}
    return {names[row.document_id]: row for row in frames.documents.itertuples()}


def test_only_current_documents_and_their_facts(frames, handbuilt_ids):
    assert len(frames.documents) == 8
    assert sorted(frames.documents["document_id"]) == sorted(handbuilt_ids.values())
    assert len(frames.facts) == 11
    assert "RU-MOW" not in {p for ps in frames.facts["parties_list"] for p in ps}  # the old d3's fact
    assert set(frames.evidence["fact_id"]) == set(frames.facts["fact_id"])


def test_document_levels_districts_and_years(frames, handbuilt_ids):
    docs = by_name(frames, handbuilt_ids)
    assert {k: d.level for k, d in docs.items()} == {
        "d1": "detailed", "d2": "detailed", "d3": "formal", "d4": None, "d5": "detailed", "d6": "formal",
        "d7": "detailed", "d8": "formal"}
    assert {k: d.district for k, d in docs.items()} == {
        "d1": "central", "d2": "central", "d3": "central", "d4": "central", "d5": "north-west",
        "d6": "north-west", "d7": "volga", "d8": None}
    assert docs["d7"].year == 2018


def test_partners_leave_out_the_author(frames):
    partners = {tuple(p) for p in frames.facts["partners_list"]}
    assert ("RU-TUL",) in partners and ("RU-LEN", "RU-NGR") in partners and () in partners


def test_select_by_district_and_period(frames):
    central = select(frames, Selection(districts=("central",)))
    assert len(central.documents) == 4 and len(central.facts) == 4
    recent = select(frames, Selection(year_from=2020, year_to=2021))
    assert sorted(recent.documents["year"]) == [2020, 2020, 2020, 2021]
    assert set(recent.evidence["fact_id"]) == set(recent.facts["fact_id"])
    assert Selection(("central",), 2019, None).describe() == "central, 2019–…"


def test_highest_level():
    assert highest_level(["formal", None, "detailed", "shallow"]) == "detailed"
    assert highest_level([None]) is None


def test_iso_frame_rederives_direction(frames):
    """Only facts whose parties change status between frames change; none of the hand-built ones do,
    so a copy with a Crimean partner is checked: domestic in the Russian frame, foreign in ISO's."""
    import pandas as pd
    from dataclasses import replace

    crimea = frames.facts.iloc[[0]].assign(fact_id=999, parties_list=[["RU-KLU", "UA-43"]], partners_list=[["UA-43"]],
                                         direction="interregional")
    extended = replace(frames, facts=pd.concat([frames.facts, crimea], ignore_index=True))
    as_coded = select(extended, Selection())
    iso = select(extended, Selection(frame="iso"))
    assert as_coded.facts.set_index("fact_id").loc[999, "direction"] == "interregional"
    assert iso.facts.set_index("fact_id").loc[999, "direction"] == "cross_border"
    unchanged = iso.facts[iso.facts["fact_id"] != 999]
    assert list(unchanged["direction"]) == list(frames.facts["direction"])  # F7 (no party) keeps its code


def test_associations_and_russian_cities_stay_domestic_in_the_iso_frame(frames):
    import pandas as pd
    from dataclasses import replace

    extra = frames.facts.iloc[[0, 0]].assign(
        fact_id=[997, 998], parties_list=[["RU-KLU", "assoc:central-russia"], ["RU-KLU", "city:ru:kaluga", "UA-40"]],
        partners_list=[["assoc:central-russia"], ["city:ru:kaluga", "UA-40"]], direction="interregional")
    iso = select(replace(frames, facts=pd.concat([frames.facts, extra], ignore_index=True)), Selection(frame="iso"))
    directions = iso.facts.set_index("fact_id")["direction"]
    assert directions[997] == "interregional" and directions[998] == "cross_border"  # Sevastopol foreign in ISO
