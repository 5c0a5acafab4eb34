"""Region profiles and reciprocity on the hand-built atlas; expected values worked out from handbuilt.py's table.

A region's cooperation is read from its own documents: KLU d1 d2 (F1 KLU+TUL, F2 KLU+BY, F3 KLU+TA),
TUL d3 (F4), TVE d4 (no fact), PSK d5 (F5 PSK+EE, F6 PSK+LEN+NGR), LEN d6 (F7 LEN alone, F8 LEN+PSK),
TA d7 (F9 TA+KLU, F10 TA+org:sco). d8 has no author, so it names nobody's partner.
"""
from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from test_districts import fact_names

from coopatlas.analysis.frames import Selection, select
from coopatlas.analysis.profiles import Quote, profiles, reciprocity, region_profile


@pytest.fixture()
def names(frames, handbuilt_ids):
    docs = {v: k for k, v in handbuilt_ids.items()}
    return docs, fact_names(frames, handbuilt_ids)


def test_reciprocity_pairs(frames, names):
    docs, facts = names
    table = reciprocity(frames)
    rows = {(r.region, r.partner): (r.partner_has_documents, r.named_back, [facts[i] for i in r.fact_ids],
                                    [facts[i] for i in r.back_fact_ids]) for r in table.itertuples()}
    assert rows == {
        ("RU-KLU", "RU-TUL"): (True, True, ["F1"], ["F4"]),    # d1 names TUL, d3 names KLU
        ("RU-TUL", "RU-KLU"): (True, True, ["F4"], ["F1"]),
        ("RU-KLU", "RU-TA"): (True, True, ["F3"], ["F9"]),     # d2 names TA, d7 names KLU
        ("RU-TA", "RU-KLU"): (True, True, ["F9"], ["F3"]),
        ("RU-PSK", "RU-LEN"): (True, True, ["F6"], ["F8"]),    # d5 names LEN, d6 names PSK
        ("RU-LEN", "RU-PSK"): (True, True, ["F8"], ["F6"]),
        ("RU-PSK", "RU-NGR"): (False, None, ["F6"], []),       # NGR has no document: cannot be judged
    }  # no row for EE, BY, org:sco (not subjects) nor for d8's TUL+TVE (no author)


def test_reciprocity_is_judged_inside_the_selection(frames):
    central = reciprocity(select(frames, Selection(districts=("central",))))
    rows = {(r.region, r.partner): (r.partner_has_documents, r.named_back) for r in central.itertuples()}
    # TA's d7 (volga) is outside the selection, so KLU -> TA cannot be judged; TUL <-> KLU still can
    assert rows == {("RU-KLU", "RU-TA"): (False, None), ("RU-KLU", "RU-TUL"): (True, True),
                    ("RU-TUL", "RU-KLU"): (True, True)}


def test_kaluga_partners(frames, names):
    docs, facts = names
    partners = region_profile(frames, "RU-KLU").partners.set_index("partner")
    assert list(partners.index) == ["BY", "RU-TA", "RU-TUL"]  # one fact each, then by id
    assert partners.loc["RU-TUL", ["name", "kind", "domestic", "documents", "facts"]].tolist() == [
        "Tula Oblast", "subject", True, 1, 1]
    assert partners.loc["RU-TUL", "spheres"] == "trade_investment|culture"  # F1, codebook order
    assert partners.loc["RU-TA", "spheres"] == "science_innovation|education"  # F3
    assert (partners.loc["RU-TA", "first_year"], partners.loc["RU-TA", "last_year"]) == (2023, 2023)  # d2
    assert partners.loc["BY", ["kind", "domestic", "spheres"]].tolist() == ["country", False, "transport_logistics"]
    assert partners.loc["RU-TUL", "reciprocal"] is True and partners.loc["RU-TA", "reciprocal"] is True
    assert partners.loc["BY", "reciprocal"] is None  # not a subject: reciprocity is not judged
    (quote,) = partners.loc["BY", "quotes"]
    assert isinstance(quote, Quote) and facts[quote.fact_id] == "F2" and docs[quote.document_id] == "d1"
    assert quote.quote.startswith("Открыт авиарейс Калуга — Минск")


def test_pskov_partners_and_unjudged_reciprocity(frames):
    partners = region_profile(frames, "RU-PSK").partners.set_index("partner")
    assert list(partners.index) == ["EE", "RU-LEN", "RU-NGR"]
    assert partners.loc["RU-NGR", "reciprocal"] is None  # NGR has no document
    assert partners.loc["RU-LEN", "reciprocal"] is True
    assert partners.loc["RU-NGR", "domestic"] and not partners.loc["EE", "domestic"]


def test_quotes_are_capped_at_three(frames, names):
    docs, facts = names
    f1 = next(i for i, name in facts.items() if name == "F1")
    first = frames.evidence[frames.evidence["fact_id"] == f1].iloc[0]
    # give F1 (KLU -> TUL) four more evidence spans, pos 1..4: the profile keeps pos 0, 1, 2
    extra = pd.DataFrame([{**first.to_dict(), "pos": pos, "quote": f"q{pos}"} for pos in (4, 3, 2, 1)])
    more = replace(frames, evidence=pd.concat([frames.evidence, extra], ignore_index=True))
    quotes = region_profile(more, "RU-KLU").partners.set_index("partner").loc["RU-TUL", "quotes"]
    assert [q.quote for q in quotes] == [first["quote"], "q1", "q2"]
    assert {docs[q.document_id] for q in quotes} == {"d1"}


def test_kaluga_by_year(frames):
    profile = region_profile(frames, "RU-KLU")
    spheres = [tuple(r) for r in profile.spheres_by_year.itertuples(index=False)]  # year, sphere, documents, facts
    # 2019 (d1): F1 trade_investment + culture, F2 transport_logistics; 2023 (d2): F3 science_innovation + education
    assert spheres == [(2019, "trade_investment", 1, 1), (2019, "transport_logistics", 1, 1), (2019, "culture", 1, 1),
                       (2023, "science_innovation", 1, 1), (2023, "education", 1, 1)]
    levels = [tuple(r) for r in profile.levels_by_year.itertuples(index=False)]
    assert levels == [(2019, "detailed", 1), (2023, "detailed", 1)]  # d1, d2
    statuses = [tuple(r) for r in profile.statuses_by_year.itertuples(index=False)]
    assert statuses == [(2019, "agreed", 1, 1), (2019, "implemented", 1, 1), (2023, "agreed", 1, 1)]  # F1, F2; F3
    assert profile.documents["facts"].tolist() == [2, 1]  # d1: F1 F2; d2: F3


def test_orientation(frames):
    klu = region_profile(frames, "RU-KLU").orientation.set_index("orientation")
    # domestic TUL (F1, d1) and TA (F3, d2); international BY (F2, d1)
    assert klu.loc["domestic"].tolist() == [2, 2, 2]
    assert klu.loc["international"].tolist() == [1, 1, 1]
    assert klu.loc["unnamed"].tolist() == [0, 0, 0]
    len_ = region_profile(frames, "RU-LEN").orientation.set_index("orientation")
    assert len_.loc["domestic"].tolist() == [1, 1, 1]  # PSK, F8, d6
    assert len_.loc["unnamed"].tolist() == [0, 1, 1]  # F7 names no partner
    psk = region_profile(frames, "RU-PSK").orientation.set_index("orientation")
    assert psk.loc["domestic"].tolist() == [2, 1, 1]  # LEN and NGR, both in F6


def test_associations_come_from_the_reference(frames):
    ref = frames.reference
    expected = sorted(m.group for m in ref.association_membership if m.member == "RU-KLU")
    table = region_profile(frames, "RU-KLU").associations
    assert sorted(table["association"]) == expected and "assoc:central-russia" in expected
    row = table.set_index("association").loc["assoc:central-russia"]
    assert row["valid_from"] == date(1990, 12, 15) and row["facts"] == 0  # no KLU fact names the association


def test_profile_names_and_a_region_without_documents(frames):
    assert region_profile(frames, "RU-KLU", lang="ru").name == "Калужская область"
    ngr = region_profile(frames, "RU-NGR")  # named by PSK, but authored nothing
    assert ngr.documents.empty and ngr.partners.empty and ngr.levels_by_year.empty
    assert ngr.orientation["facts"].tolist() == [0, 0, 0]


def test_region_summaries(frames):
    table = profiles(frames).set_index("region")
    assert list(table.index) == ["RU-KLU", "RU-LEN", "RU-PSK", "RU-TA", "RU-TUL", "RU-TVE"]  # the six authors
    columns = ["district", "documents", "facts", "partners", "domestic_partners", "highest_level"]
    assert table.loc["RU-KLU", columns].tolist() == ["central", 2, 3, 3, 2, "detailed"]  # TUL TA of TUL BY TA
    assert table.loc["RU-PSK", columns].tolist() == ["north-west", 1, 2, 3, 2, "detailed"]  # LEN NGR of EE LEN NGR
    assert table.loc["RU-LEN", columns].tolist() == ["north-west", 1, 2, 1, 1, "formal"]  # F7 counts as a fact
    assert table.loc["RU-TA", columns].tolist() == ["volga", 1, 2, 2, 1, "detailed"]  # KLU org:sco; d7 detailed
    assert table.loc["RU-KLU", "domestic_share"] == pytest.approx(2 / 3)
    assert table.loc["RU-TA", "domestic_share"] == 0.5  # KLU of KLU, org:sco
    # reciprocity rate over judged partners: KLU 2/2; PSK: LEN True, NGR not judged -> 1/1
    assert table.loc["RU-KLU", "reciprocity_rate"] == 1.0 and table.loc["RU-PSK", "reciprocity_rate"] == 1.0
    tver = table.loc["RU-TVE"]
    assert tver["documents"] == 1 and tver["facts"] == 0 and tver["highest_level"] is None
    assert math.isnan(tver["domestic_share"]) and math.isnan(tver["reciprocity_rate"])


def test_selection_with_no_documents_gives_empty_tables(frames):
    empty = select(frames, Selection(year_from=1990, year_to=1991))
    assert reciprocity(empty).empty and profiles(empty).empty
    assert isinstance(region_profile(empty, "RU-KLU").partners, pd.DataFrame)
