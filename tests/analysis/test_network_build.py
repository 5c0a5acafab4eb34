"""partner_graph and undirected on the hand-built atlas (handbuilt.py's table gives every figure below)."""
from __future__ import annotations

import pandas as pd
import pytest

from coopatlas.analysis.network import fact_links, partner_graph, unauthored_ties, undirected
from coopatlas.errors import CoopatlasError

ARCS = {  # author -> partner, one per (author, partner) of the authored documents' facts
    ("RU-KLU", "RU-TUL"), ("RU-KLU", "BY"), ("RU-KLU", "RU-TA"),  # d1 F1, d1 F2, d2 F3
    ("RU-TUL", "RU-KLU"),  # d3 F4
    ("RU-PSK", "EE"), ("RU-PSK", "RU-LEN"), ("RU-PSK", "RU-NGR"),  # d5 F5, d5 F6 (LEN and NGR not tied)
    ("RU-LEN", "RU-PSK"),  # d6 F8 (F7 has no partner)
    ("RU-TA", "RU-KLU"), ("RU-TA", "org:sco"),  # d7 F9, F10
}


@pytest.fixture(scope="module")
def G(frames):
    return partner_graph(frames)


def test_arcs_are_author_to_partner(G):
    assert set(G.edges()) == ARCS


def test_nodes_are_authors_and_named_parties(G):
    # 6 authors (KLU, TUL, TVE, PSK, LEN, TA) + partners BY, EE, NGR, org:sco = 10; TVE comes from d4 and d8
    assert set(G) == {"RU-KLU", "RU-TUL", "RU-TVE", "RU-PSK", "RU-LEN", "RU-TA", "BY", "EE", "RU-NGR", "org:sco"}
    assert dict(G.nodes(data="documents_authored")) == {
        "RU-KLU": 2, "RU-TUL": 1, "RU-TVE": 1, "RU-PSK": 1, "RU-LEN": 1, "RU-TA": 1,  # d1+d2, d3, d4, d5, d6, d7
        "BY": 0, "EE": 0, "RU-NGR": 0, "org:sco": 0}


def test_node_attributes_come_from_the_reference(G):
    klu = G.nodes["RU-KLU"]
    assert (klu["name"], klu["name_en"], klu["kind"], klu["country"]) == (
        "Калужская область", "Kaluga Oblast", "subject", "RU")
    assert (klu["district"], klu["association"]) == ("central", "assoc:central-russia")
    assert (klu["lat"], klu["lon"]) == (54.51, 36.25)  # Kaluga
    assert G.nodes["BY"]["district"] is None and G.nodes["BY"]["kind"] == "country"
    assert G.nodes["org:sco"]["lat"] is None  # an organisation has no capital


def test_edge_weights_and_evidence_ids(G, handbuilt_ids):
    klu_tul = G["RU-KLU"]["RU-TUL"]  # d1 F1: trade_investment + culture
    assert (klu_tul["documents"], klu_tul["facts"], klu_tul["spheres"]) == (1, 1, 2)
    assert klu_tul["document_ids"] == [handbuilt_ids["d1"]]
    assert klu_tul["spheres_list"] == ["culture", "trade_investment"]
    # the multilateral F6 gives PSK -> LEN and PSK -> NGR the same fact
    assert G["RU-PSK"]["RU-LEN"]["fact_ids"] == G["RU-PSK"]["RU-NGR"]["fact_ids"]
    assert G["RU-PSK"]["RU-LEN"]["document_ids"] == [handbuilt_ids["d5"]]


def test_unauthored_document_gives_an_undirected_tie_only(G, handbuilt_ids):
    ties = unauthored_ties(G)
    assert set(map(frozenset, ties.edges())) == {frozenset({"RU-TUL", "RU-TVE"})}  # d8 F11
    assert ties["RU-TUL"]["RU-TVE"]["document_ids"] == [handbuilt_ids["d8"]]
    assert not G.has_edge("RU-TUL", "RU-TVE") and not G.has_edge("RU-TVE", "RU-TUL")


def test_undirected_sums_both_directions_and_adds_ties(G, handbuilt_ids):
    H = undirected(G, weight="documents")
    assert H.number_of_edges() == 8  # 10 arcs, 3 reciprocated pairs (KLU-TUL, KLU-TA, PSK-LEN) -> 7, + TUL-TVE
    assert H["RU-KLU"]["RU-TUL"]["weight"] == 2  # d1 + d3
    assert H["RU-KLU"]["RU-TUL"]["document_ids"] == sorted([handbuilt_ids["d1"], handbuilt_ids["d3"]])
    assert H["RU-KLU"]["RU-TUL"]["spheres"] == 2  # {trade_investment, culture} | {trade_investment}
    assert H["RU-TUL"]["RU-TVE"]["weight"] == 1  # the d8 tie
    assert undirected(G, weight="spheres")["RU-KLU"]["RU-TA"]["weight"] == 2  # {education, science} | {education}


def test_subjects_only(frames):
    S = partner_graph(frames, parties="subjects")
    # BY, EE, org:sco and the arcs to them go: 10 - 3 = 7 arcs, 7 nodes
    assert set(S) == {"RU-KLU", "RU-TUL", "RU-TVE", "RU-PSK", "RU-LEN", "RU-TA", "RU-NGR"}
    assert set(S.edges()) == {arc for arc in ARCS if arc[1] not in {"BY", "EE", "org:sco"}}
    assert unauthored_ties(S).has_edge("RU-TUL", "RU-TVE")
    with pytest.raises(CoopatlasError):
        partner_graph(frames, parties="regions")


def test_implied_parties_and_an_absent_author():
    facts = pd.DataFrame([
        # an author's fact with an implied party: only the named partner makes an arc
        {"fact_id": 1, "document_id": 1, "author": "RU-KLU", "parties_list": ["RU-KLU", "RU-TUL"],
         "implied_list": ["RU-ORL"], "spheres_list": ["culture"]},
        # a portal's item about two other regions: the author is not a party, so the two are tied
        {"fact_id": 2, "document_id": 2, "author": "RU-KLU", "parties_list": ["RU-TVE", "RU-TUL"],
         "implied_list": [], "spheres_list": []},
    ])
    links = [(l.a, l.b, l.directed) for l in fact_links(facts)]
    assert links == [("RU-KLU", "RU-TUL", True), ("RU-TUL", "RU-TVE", False)]
