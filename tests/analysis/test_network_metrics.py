"""node_metrics and graph_summary on the hand-built atlas, worked out by hand from handbuilt.py's table.

Arcs: KLU->TUL, KLU->BY, KLU->TA, TUL->KLU, PSK->EE, PSK->LEN, PSK->NGR, LEN->PSK, TA->KLU, TA->org:sco
(each from one document); the d8 tie TUL-TVE. Undirected projection (documents): KLU-TUL 2, KLU-BY 1,
KLU-TA 2, TA-sco 1, TUL-TVE 1, PSK-EE 1, PSK-LEN 2, PSK-NGR 1.
"""
from __future__ import annotations

import pytest

from coopatlas.analysis.frames import Selection, select
from coopatlas.analysis.network import graph_summary, node_metrics, partner_graph
from coopatlas.analysis.network_metrics import NODE_COLUMNS


@pytest.fixture(scope="module")
def metrics(frames):
    return node_metrics(partner_graph(frames), weight="documents").set_index("party")


def test_columns_and_rows(metrics):
    assert list(metrics.reset_index().columns) == NODE_COLUMNS
    assert len(metrics) == 10
    assert metrics.loc["BY", "district"] is None


def test_degrees_and_strengths(metrics):
    klu = metrics.loc["RU-KLU"]
    # KLU names TUL, BY, TA; is named by TUL, TA; partners in the projection TUL, BY, TA;
    # strength 2 (KLU-TUL) + 1 (KLU-BY) + 2 (KLU-TA) = 5
    assert (klu.in_degree, klu.out_degree, klu.degree, klu.in_strength, klu.out_strength, klu.strength) == (
        2, 3, 3, 2, 3, 5)
    tul = metrics.loc["RU-TUL"]  # names KLU, named by KLU, tied to TVE (d8): degree 2, strength 2 + 1
    assert (tul.in_degree, tul.out_degree, tul.degree, tul.strength) == (1, 1, 2, 3)
    tve = metrics.loc["RU-TVE"]  # only the unauthored tie: no arc either way
    assert (tve.in_degree, tve.out_degree, tve.degree, tve.strength) == (0, 0, 1, 1)
    assert metrics.loc["RU-PSK", "strength"] == 4  # EE 1 + LEN 2 + NGR 1


def test_reciprocated(metrics):
    # KLU<->TUL, KLU<->TA, PSK<->LEN are named both ways
    assert metrics["reciprocated"].to_dict() == {
        "BY": 0, "EE": 0, "RU-KLU": 2, "RU-LEN": 1, "RU-NGR": 0, "RU-PSK": 1, "RU-TA": 1, "RU-TUL": 1,
        "RU-TVE": 0, "org:sco": 0}


def test_betweenness(metrics):
    # unweighted, normalised by (n-1)(n-2)/2 = 9*8/2 = 36 pairs.
    # KLU joins the branches {TUL,TVE}, {BY}, {TA,sco}: 2*1 + 2*2 + 1*2 = 8 pairs -> 8/36
    # TUL joins TVE to {KLU,BY,TA,sco}: 4 -> 4/36; TA joins sco to {KLU,TUL,TVE,BY}: 4/36
    # PSK joins EE, LEN, NGR pairwise: 3 -> 3/36
    assert metrics.loc["RU-KLU", "betweenness"] == pytest.approx(8 / 36)
    assert metrics.loc["RU-TUL", "betweenness"] == pytest.approx(4 / 36)
    assert metrics.loc["RU-TA", "betweenness"] == pytest.approx(4 / 36)
    assert metrics.loc["RU-PSK", "betweenness"] == pytest.approx(3 / 36)
    assert metrics.loc["RU-TVE", "betweenness"] == 0


def test_pagerank(metrics):
    # alpha = 0.85, N = 10; dangling nodes (BY, EE, NGR, sco, TVE) spread uniformly, so every node gets
    # the same base c. With TUL = TA = c + a*KLU/3:
    #   KLU = c + a*(TUL + TA/2)  ->  KLU (1 - a^2/2) = c (1 + 1.5a)  ->  KLU = 2.275/0.63875 c = 3.5616 c
    #   PSK = c + a*LEN, LEN = c + a*PSK/3  ->  PSK (1 - a^2/3) = c (1 + a)  ->  PSK = 1.85/0.75917 c = 2.4369 c
    #   TUL = TA = BY = c + 0.85*3.5616/3 c = 2.0091 c; LEN = EE = NGR = c + 0.85*2.4369/3 c = 1.6905 c
    #   sco = c + 0.85*TA/2 = 1.8539 c; TVE = c
    #   sum = 3.5616 + 3*2.0091 + 2.4369 + 3*1.6905 + 1.8539 + 1 = 19.9512 c = 1  ->  c = 0.050122
    assert metrics["pagerank"].sum() == pytest.approx(1.0)
    assert metrics.loc["RU-TVE", "pagerank"] == pytest.approx(0.050122, abs=2e-5)
    assert metrics.loc["RU-KLU", "pagerank"] == pytest.approx(3.5616 * 0.050122, abs=2e-4)
    assert metrics.loc["RU-PSK", "pagerank"] == pytest.approx(2.4369 * 0.050122, abs=2e-4)
    assert metrics["pagerank"].idxmax() == "RU-KLU"


def test_graph_summary(frames):
    summary = graph_summary(partner_graph(frames))
    # 10 nodes, 10 arcs, density 10 / (10*9); among the 6 authors the 6 arcs KLU<->TUL, KLU<->TA,
    # PSK<->LEN are all named back: reciprocity 6/6
    assert summary == {"nodes": 10, "edges": 10, "ties": 1, "authors": 6, "density": pytest.approx(10 / 90),
                       "author_edges": 6, "reciprocity": 1.0}


def test_summary_of_a_selection_without_reciprocity(frames):
    volga = select(frames, Selection(districts=("volga",)))  # d7 only: TA -> KLU, TA -> org:sco
    summary = graph_summary(partner_graph(volga))
    # authors: TA alone, so no arc among authors
    assert (summary["nodes"], summary["edges"], summary["authors"], summary["reciprocity"]) == (3, 2, 1, None)
