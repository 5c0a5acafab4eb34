"""compare and flow_table on the hand-built atlas and tests/data/trade/handbuilt-flows.csv.

Cooperation ties of the hand-built atlas (author → named partner, authored documents only; handbuilt.py):
  d1 KLU→TUL, KLU→BY;  d2 KLU→TA;  d3 TUL→KLU;  d5 PSK→EE, PSK→LEN, PSK→NGR;  d6 LEN→PSK;  d7 TA→KLU, TA→org:sco.
  d8 (TUL+TVE) has no author and does not count. BY, EE and org:sco are not subjects and not in the flows: dropped.
Either way, in documents: KLU–TUL 2 (d1, d3), KLU–TA 2 (d2, d7), LEN–PSK 2 (d5, d6), NGR–PSK 1 (d5).

Flows (handbuilt-flows.csv, mln RUB), TUL→TUL 999 left out as a region's flow to itself:
  food       2020 KLU→TUL 100, TUL→KLU 50, KLU→TVE 300, TVE→TUL 40;  2021 KLU→TUL 150, PSK→LEN 10
  machinery  2020 TA→KLU 500, LEN→NGR 80;  2021 TA→MOW 200, KLU→PSK 0
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from coopatlas.analysis.trade import TradeFileError, compare, cooperation_links, flow_table, qap_correlation, read_trade

DATA = Path(__file__).resolve().parent.parent / "data" / "trade"
KLU, LEN, MOW, NGR, PSK, TA, TUL, TVE = "RU-KLU", "RU-LEN", "RU-MOW", "RU-NGR", "RU-PSK", "RU-TA", "RU-TUL", "RU-TVE"


@pytest.fixture(scope="module")
def flows():
    return read_trade(DATA / "handbuilt-flows.csv")


def fact_id(frames, author, partners):
    facts = frames.facts
    hit = facts[(facts["author"] == author) & (facts["partners_list"].map(tuple) == partners)]
    assert len(hit) == 1
    return int(hit["fact_id"].iloc[0])


def test_links_are_authored_named_subject_partners(frames):
    links = cooperation_links(frames)
    pairs = sorted(zip(links["source"], links["target"]))
    assert pairs == [(KLU, TA), (KLU, TUL), (LEN, PSK), (PSK, LEN), (PSK, NGR), (TA, KLU), (TUL, KLU)]
    with_by = cooperation_links(frames, traded={"BY"})  # a foreign partner counts when it is in the flows
    assert (KLU, "BY") in set(zip(with_by["source"], with_by["target"]))


def test_all_commodities_matrices(frames, flows):
    c = compare(flows, frames, permutations=99)
    assert c.nodes == (KLU, LEN, MOW, NGR, PSK, TA, TUL, TVE)  # flows' regions ∪ tie ends, sorted
    assert c.unit == "mln RUB" and c.commodity is None and c.weight == "documents"
    assert c.trade.at[KLU, TUL] == 250  # 100 (2020) + 150 (2021)
    assert c.trade.at[TUL, TUL] == 0    # the flow to itself is left out
    assert c.trade.to_numpy().sum() == 1430  # 250 + 50 + 300 + 40 + 10 + 500 + 80 + 200 + 0
    assert c.cooperation.at[PSK, NGR] == 1 and c.cooperation.at[NGR, PSK] == 0  # directed: PSK named NGR
    assert c.cooperation.at[KLU, TUL] == 1 and c.cooperation.at[TUL, KLU] == 1
    assert c.ties.at[KLU, TUL] == c.ties.at[TUL, KLU] == 2 and c.ties.at[NGR, PSK] == 1
    assert c.ties.to_numpy().sum() == 14  # 2·(2 + 2 + 2 + 1)


def test_qap_on_the_comparison(frames, flows):
    c = compare(flows, frames, permutations=99, seed=2)
    # 8 nodes, m = 56 off-diagonal cells; x = trade, y = ties.
    # Σx = 1430, Σy = 14, Σxy = 2·(250 + 50 + 10 + 500) = 1620 (KLU→TUL, TUL→KLU, PSK→LEN, TA→KLU),
    # Σx² = 250² + 50² + 300² + 40² + 10² + 500² + 80² + 200² = 453100, Σy² = 6·4 + 2·1 = 26.
    # r = (1620 − 1430·14/56) / sqrt((453100 − 1430²/56)(26 − 14²/56)) = 1262.5 / sqrt(416583.93 · 22.5)
    r = 1262.5 / math.sqrt((453100 - 1430 ** 2 / 56) * (26 - 14 ** 2 / 56))
    assert c.qap.r == pytest.approx(r) and c.qap.n_nodes == 8 and c.qap.permutations == 99
    assert c.qap == qap_correlation(c.trade, c.ties, 99, 2)


def test_flows_without_agreement(frames, flows):
    table = compare(flows, frames, permutations=9).flows_without_agreement
    assert list(table.columns) == ["source", "target", "value", "unit", "share"]
    # untied positive flows, largest first; KLU→PSK is 0 and not listed
    assert list(zip(table["source"], table["target"], table["value"])) == [
        (KLU, TVE, 300), (TA, MOW, 200), (LEN, NGR, 80), (TVE, TUL, 40)]  # TUL–TVE only in d8, no author
    assert table["share"].tolist() == pytest.approx([300 / 1430, 200 / 1430, 80 / 1430, 40 / 1430])


def test_agreements_without_flows(frames, flows):
    table = compare(flows, frames, permutations=9).agreements_without_flows
    assert list(table.columns) == ["source", "target", "documents", "fact_ids", "covered"]
    # KLU–TUL, KLU–TA and LEN–PSK trade; NGR–PSK does not (LEN→NGR is another pair)
    assert table[["source", "target", "documents"]].values.tolist() == [[NGR, PSK, 1]]
    assert table["fact_ids"].iloc[0] == (fact_id(frames, PSK, (LEN, NGR)),)
    assert bool(table["covered"].iloc[0])  # NGR and PSK both appear in the flows


def test_one_commodity_and_uncovered_pairs(frames, flows):
    c = compare(flows, frames, commodity="food", permutations=9)
    # food regions KLU, LEN, PSK, TUL, TVE; tie ends add NGR and TA
    assert c.nodes == (KLU, LEN, NGR, PSK, TA, TUL, TVE)
    table = c.agreements_without_flows
    assert table[["source", "target", "documents"]].values.tolist() == [[KLU, TA, 2], [NGR, PSK, 1]]
    assert table["fact_ids"].iloc[0] == tuple(sorted((fact_id(frames, KLU, (TA,)), fact_id(frames, TA, (KLU,)))))
    assert table["covered"].tolist() == [False, False]  # TA and NGR have no food flow at all


def test_by_commodity(frames, flows):
    table = compare(flows, frames, commodity="food", permutations=9).by_commodity  # all groups, not just food
    assert list(table.columns) == ["commodity", "unit", "total", "pairs", "pairs_with_agreement",
                                   "share_with_agreement"]
    food, machinery = table.itertuples(index=False)
    # food: 100 + 50 + 300 + 40 + 150 + 10 = 650 over 5 pairs; tied KLU→TUL 250, TUL→KLU 50, PSK→LEN 10
    assert (food.commodity, food.total, food.pairs, food.pairs_with_agreement) == ("food", 650, 5, 3)
    assert food.share_with_agreement == pytest.approx(310 / 650)
    # machinery: 500 + 80 + 200 + 0 = 780; pairs with a flow: TA→KLU, LEN→NGR, TA→MOW; tied: TA→KLU
    assert (machinery.total, machinery.pairs, machinery.pairs_with_agreement) == (780, 3, 1)
    assert machinery.share_with_agreement == pytest.approx(500 / 780)


def test_years_and_weights(frames, flows):
    c = compare(flows, frames, year_from=2021, weight="binary", permutations=9)
    # 2021: KLU→TUL 150, PSK→LEN 10, TA→MOW 200, KLU→PSK 0
    assert c.trade.to_numpy().sum() == 360
    assert c.ties.at[KLU, TUL] == 1 and c.ties.to_numpy().max() == 1
    assert compare(flows, frames, weight="facts", permutations=9).ties.at[KLU, TA] == 2  # F3 (d2), F9 (d7)


def test_errors(frames, flows, tmp_path):
    with pytest.raises(TradeFileError, match="unknown weight"):
        compare(flows, frames, weight="money")
    with pytest.raises(TradeFileError, match="no flows between two regions"):
        compare(flows, frames, year_from=2030)
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("year,from,to,commodity,value,unit\n2020,RU-KLU,RU-TUL,food,1,t\n"
                     "2020,RU-KLU,RU-TUL,gas,1,m3\n", encoding="utf-8")
    with pytest.raises(TradeFileError, match=r"several units \(m3, t\)"):
        compare(read_trade(mixed), frames)


def test_flow_table(flows):
    table = flow_table(flows, "food")
    assert list(table.columns) == ["source", "target", "value", "unit", "source_name", "target_name",
                                   "source_lat", "source_lon", "target_lat", "target_lon"]
    # food summed over 2020–2021, largest first; TUL→TUL left out
    assert list(zip(table["source"], table["target"], table["value"])) == [
        (KLU, TVE, 300), (KLU, TUL, 250), (TUL, KLU, 50), (TVE, TUL, 40), (PSK, LEN, 10)]
    first = table.iloc[0]
    assert (first.source_name, first.target_name) == ("Калужская область", "Тверская область")
    # capitals.tsv: Калуга 54.51 36.25, Тверь 56.86 35.91
    assert (first.source_lat, first.source_lon, first.target_lat, first.target_lon) == (54.51, 36.25, 56.86, 35.91)
    assert flow_table(flows, "food", year_to=2020, lang="en")["source_name"].iloc[0] == "Kaluga Oblast"


def test_no_cooperation_at_all(frames, flows):
    from dataclasses import replace
    c = compare(flows, replace(frames, facts=frames.facts.iloc[0:0]), permutations=9)
    assert len(c.nodes) == 8  # the flows' regions: KLU, LEN, MOW, NGR, PSK, TA, TUL, TVE
    assert math.isnan(c.qap.r)  # the tie matrix is all zero: r is undefined
    assert c.agreements_without_flows.empty and len(c.flows_without_agreement) == 8  # every positive pair
