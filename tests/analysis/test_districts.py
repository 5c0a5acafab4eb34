"""District figures on the hand-built atlas; every expected figure is worked out from handbuilt.py's table.

Districts: central d1 d2 d3 d4 (authors KLU, KLU, TUL, TVE), north-west d5 d6 (PSK, LEN), volga d7 (TA);
d8 has no author, so it counts only in "all" (8 documents, 6 author regions).
"""
from __future__ import annotations

import math

import pytest

from coopatlas.analysis.districts import (
    COLUMNS,
    district_figures,
    district_name,
    level_shares,
    orientation_shares,
    sphere_shares,
)
from coopatlas.analysis.frames import Selection, select
from coopatlas.model import Sphere

# the facts of handbuilt.py by (document, named parties)
FACTS = {
    "F1": ("d1", {"RU-KLU", "RU-TUL"}), "F2": ("d1", {"RU-KLU", "BY"}), "F3": ("d2", {"RU-KLU", "RU-TA"}),
    "F4": ("d3", {"RU-TUL", "RU-KLU"}), "F5": ("d5", {"RU-PSK", "EE"}), "F6": ("d5", {"RU-PSK", "RU-LEN", "RU-NGR"}),
    "F7": ("d6", {"RU-LEN"}), "F8": ("d6", {"RU-LEN", "RU-PSK"}), "F9": ("d7", {"RU-TA", "RU-KLU"}),
    "F10": ("d7", {"RU-TA", "org:sco"}), "F11": ("d8", {"RU-TUL", "RU-TVE"}),
}


def fact_names(frames, handbuilt_ids) -> dict[int, str]:
    """fact_id -> "F1".."F11"."""
    doc_names = {v: k for k, v in handbuilt_ids.items()}
    found = {(doc_names[f.document_id], frozenset(f.parties_list)): f.fact_id for f in frames.facts.itertuples()}
    return {found[(doc, frozenset(parties))]: name for name, (doc, parties) in FACTS.items()}


@pytest.fixture()
def named(frames, handbuilt_ids):
    """A table's rows keyed by (district, measure, category), ids turned into d1… and F1… names."""
    docs = {v: k for k, v in handbuilt_ids.items()}
    facts = fact_names(frames, handbuilt_ids)

    def rows(table):
        return {(r.district, r.measure, r.category): (r.n, r.total, sorted(docs[i] for i in r.document_ids),
                                                     sorted(facts[i] for i in r.fact_ids))
                for r in table.itertuples()}
    return rows


def test_document_levels_per_district(frames, named):
    table = level_shares(frames)
    assert list(table.columns) == COLUMNS
    rows = named(table)
    # central: d1 detailed (F2), d2 detailed (F3), d3 formal (F4), d4 none -> detailed 2/4, formal 1/4, none 1/4
    assert rows[("central", "level", "detailed")] == (2, 4, ["d1", "d2"], ["F2", "F3"])
    assert rows[("central", "level", "formal")] == (1, 4, ["d3"], ["F4"])  # F1 is formal but d1 is detailed
    assert rows[("central", "level", "shallow")] == (0, 4, [], [])
    assert rows[("central", "level", "none")] == (1, 4, ["d4"], [])
    # north-west: d5 detailed (F5), d6 formal (F8; its shallow F7 does not give the level)
    assert rows[("north-west", "level", "detailed")] == (1, 2, ["d5"], ["F5"])
    assert rows[("north-west", "level", "formal")] == (1, 2, ["d6"], ["F8"])
    assert rows[("volga", "level", "detailed")] == (1, 1, ["d7"], ["F9"])
    # all 8: detailed d1 d2 d5 d7 = 4, formal d3 d6 d8 = 3, none d4 = 1, shallow 0
    assert rows[("all", "level", "detailed")][:3] == (4, 8, ["d1", "d2", "d5", "d7"])
    assert rows[("all", "level", "formal")] == (3, 8, ["d3", "d6", "d8"], ["F11", "F4", "F8"])
    assert rows[("all", "level", "none")][:2] == (1, 8)
    assert rows[("all", "level", "shallow")][:2] == (0, 8)


def test_level_shares_and_intervals(frames):
    table = level_shares(frames).set_index(["district", "category"])
    central = table.loc[("central", "detailed")]
    assert central["share"] == 0.5  # 2/4
    # Wilson, k=2, n=4: centre .5, half = 1.96/1.9604 * sqrt(.0625 + 3.8416/64) = .349964
    assert central["ci_low"] == pytest.approx(0.150036, abs=1e-5)
    assert central["ci_high"] == pytest.approx(0.849964, abs=1e-5)
    assert table.loc[("all", "formal"), "share"] == 3 / 8
    # the four level shares of a district add up to 1 (every document has exactly one level)
    assert table.loc["central", "share"].sum() == pytest.approx(1.0)


def test_region_levels(frames, named):
    rows = named(level_shares(frames, unit="region"))
    # central regions: KLU (d1, d2 detailed), TUL (d3 formal), TVE (d4 none) -> 1/3 each
    assert rows[("central", "level", "detailed")] == (1, 3, ["d1", "d2"], ["F2", "F3"])
    assert rows[("central", "level", "formal")] == (1, 3, ["d3"], ["F4"])
    assert rows[("central", "level", "none")] == (1, 3, ["d4"], [])
    assert rows[("north-west", "level", "detailed")][:3] == (1, 2, ["d5"])  # PSK; LEN is formal
    # all: 6 author regions (d8 has none): detailed KLU PSK TA = 3, formal TUL LEN = 2, none TVE = 1
    assert rows[("all", "level", "detailed")][:2] == (3, 6)
    assert rows[("all", "level", "formal")][:3] == (2, 6, ["d3", "d6"])
    assert rows[("all", "level", "none")][:2] == (1, 6)
    assert rows[("all", "level", "shallow")][:2] == (0, 6)


def test_unit_must_be_known(frames):
    with pytest.raises(ValueError):
        level_shares(frames, unit="fact")


def test_sphere_shares(frames, named):
    table = sphere_shares(frames)
    # 4 groups (central, north-west, volga, all) x 14 spheres, zero rows included
    assert len(table) == 4 * 14
    assert list(table[table["district"] == "central"]["category"]) == [s.value for s in Sphere]
    rows = named(table)
    # central: trade_investment in d1 (F1) and d3 (F4) -> 2/4; culture only d1 (F1) -> 1/4
    assert rows[("central", "sphere", "trade_investment")] == (2, 4, ["d1", "d3"], ["F1", "F4"])
    assert rows[("central", "sphere", "culture")] == (1, 4, ["d1"], ["F1"])
    assert rows[("central", "sphere", "industry")] == (0, 4, [], [])  # d4 mentions industry but names no cooperation
    # north-west: culture in d5 (F6) and d6 (F8) -> 2/2; tourism d5 (F5) -> 1/2
    assert rows[("north-west", "sphere", "culture")] == (2, 2, ["d5", "d6"], ["F6", "F8"])
    assert rows[("north-west", "sphere", "tourism")] == (1, 2, ["d5"], ["F5"])
    # all: trade_investment d1 d3 d7 = 3/8; education d2 d7 = 2/8; governance_security only d8 = 1/8
    assert rows[("all", "sphere", "trade_investment")] == (3, 8, ["d1", "d3", "d7"], ["F1", "F10", "F4"])
    assert rows[("all", "sphere", "education")] == (2, 8, ["d2", "d7"], ["F3", "F9"])
    assert rows[("all", "sphere", "governance_security")] == (1, 8, ["d8"], ["F11"])
    assert rows[("central", "sphere", "governance_security")][:2] == (0, 4)  # d8's F11 has no district


def test_orientation_shares(frames, named):
    rows = named(orientation_shares(frames))
    # central: interregional d1 (F1) d2 (F3) d3 (F4) = 3/4; cross_border d1 (F2) = 1/4; no multilateral fact
    assert rows[("central", "direction", "interregional")] == (3, 4, ["d1", "d2", "d3"], ["F1", "F3", "F4"])
    assert rows[("central", "direction", "cross_border")] == (1, 4, ["d1"], ["F2"])
    assert rows[("central", "arity", "bilateral")][:3] == (3, 4, ["d1", "d2", "d3"])
    assert rows[("central", "arity", "multilateral")] == (0, 4, [], [])
    # north-west: both directions in both documents (F5, F7 cross_border; F6, F8 interregional);
    # bilateral F5, F8 -> 2/2; multilateral F6 -> 1/2; F7 has no arity
    assert rows[("north-west", "direction", "cross_border")] == (2, 2, ["d5", "d6"], ["F5", "F7"])
    assert rows[("north-west", "arity", "bilateral")] == (2, 2, ["d5", "d6"], ["F5", "F8"])
    assert rows[("north-west", "arity", "multilateral")] == (1, 2, ["d5"], ["F6"])
    # all: interregional in every document but d4 = 7/8; cross_border d1 d5 d6 d7 = 4/8; multilateral d5 d7 = 2/8
    assert rows[("all", "direction", "interregional")][:2] == (7, 8)
    assert rows[("all", "direction", "cross_border")] == (4, 8, ["d1", "d5", "d6", "d7"], ["F10", "F2", "F5", "F7"])
    assert rows[("all", "arity", "multilateral")] == (2, 8, ["d5", "d7"], ["F10", "F6"])


def test_district_figures_and_counts(frames):
    figures = district_figures(frames)
    counts = figures.counts.set_index("district")
    assert list(counts.index) == ["central", "north-west", "volga", "all"]  # reference order, "all" last
    assert counts.loc["central"].tolist() == [4, 3, 4]  # d1-d4; KLU TUL TVE; F1-F4
    assert counts.loc["north-west"].tolist() == [2, 2, 4]  # d5 d6; PSK LEN; F5-F8
    assert counts.loc["all"].tolist() == [8, 6, 11]  # d8 counts here only: 4+2+1 = 7 < 8
    for table in (figures.levels, figures.region_levels, figures.spheres, figures.orientation):
        assert list(table.columns) == COLUMNS


def test_selected_district_without_documents_has_no_share(frames):
    table = level_shares(select(frames, Selection(districts=("urals", "central"))))
    assert list(table["district"].drop_duplicates()) == ["central", "urals", "all"]
    urals = table[table["district"] == "urals"]
    assert (urals["n"] == 0).all() and (urals["total"] == 0).all()
    assert all(math.isnan(v) for v in urals["share"]) and all(math.isnan(v) for v in urals["ci_low"])
    # "all" is the selection: central's 4 documents (d8 has no district, so it is left out)
    assert table[table["district"] == "all"]["total"].tolist() == [4, 4, 4, 4]


def test_district_names(frames):
    ref = frames.reference
    assert district_name(ref, "central") == "Central Federal District"
    assert district_name(ref, "central", short=True) == "Central"
    assert district_name(ref, "north-west", lang="ru") == "Северо-Западный федеральный округ"
    assert district_name(ref, "volga", lang="ru", short=True) == "ПФО"
    assert district_name(ref, "all") == "All districts"
    assert district_name(ref, "atlantis") == "atlantis"
    with pytest.raises(ValueError):
        district_name(ref, "central", lang="de")
