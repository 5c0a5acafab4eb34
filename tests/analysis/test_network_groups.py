"""communities and same_group_ties on the hand-built atlas, worked out by hand.

Undirected projection weighted by documents (m = 11): KLU-TUL 2, KLU-BY 1, KLU-TA 2, TA-sco 1, TUL-TVE 1
(first component) and PSK-EE 1, PSK-LEN 2, PSK-NGR 1 (second). Strengths: KLU 5, TUL 3, TVE 1, BY 1,
TA 3, sco 1, PSK 4, EE 1, LEN 2, NGR 1 (sum 22 = 2m).
Districts: central KLU, TUL, TVE; north-west PSK, LEN, NGR; volga TA. Associations: central-russia,
north-west, greater-volga: the same split.
"""
from __future__ import annotations

import math
from itertools import permutations

import pytest

from coopatlas.analysis.frames import Selection, select
from coopatlas.analysis.network import communities, partner_graph, same_group_ties
from coopatlas.analysis.network_groups import COMMUNITY_COLUMNS
from coopatlas.errors import CoopatlasError

FIRST = {"RU-KLU", "RU-TUL", "RU-TVE", "BY", "RU-TA", "org:sco"}
SECOND = {"RU-PSK", "EE", "RU-LEN", "RU-NGR"}


@pytest.fixture(scope="module")
def G(frames):
    return partner_graph(frames)


@pytest.fixture(scope="module")
def found(G):
    return communities(G, weight="documents", seed=0)


def test_louvain_finds_the_two_components(found):
    # Q(two components) = 7/11 - (14/22)^2 + 4/11 - (8/22)^2 = 1 - 260/484 = 224/484; every split of a
    # component scores lower (e.g. {KLU,TUL,TVE,BY} + {TA,sco}: 4/11 - 100/484 + 1/11 - 16/484 = 104/484 < 112/484)
    table = found.table
    assert list(table.columns) == COMMUNITY_COLUMNS
    groups = table.groupby("community")["party"].apply(set).to_dict()
    assert groups == {0: FIRST, 1: SECOND}  # community 0 is the larger
    assert found.modularity == pytest.approx(224 / 484)


def test_district_and_association_modularity(found):
    # central 3/11 - (9/22)^2, north-west 3/11 - (7/22)^2, volga -(3/22)^2, BY, EE, sco alone -(1/22)^2 each:
    # 6/11 - (81 + 49 + 9 + 1 + 1 + 1)/484 = (264 - 142)/484 = 122/484
    assert found.district_modularity == pytest.approx(122 / 484)
    assert found.association_modularity == pytest.approx(122 / 484)


def test_agreement_with_districts(found):
    # the 7 subjects: community 0 = central 3 + volga 1, community 1 = north-west 3.
    # ARI: sum C(n_ij,2) = 3 + 0 + 3 = 6; rows C(4,2) + C(3,2) = 9; columns 3 + 0 + 3 = 6; C(7,2) = 21
    #   expected 9*6/21 = 18/7; (6 - 18/7) / (15/2 - 18/7) = (24/7) / (69/14) = 16/23
    assert found.adjusted_rand == pytest.approx(16 / 23)
    # NMI (arithmetic mean): districts refine communities, so I = H(C)
    #   H(C) = -(4/7 ln 4/7 + 3/7 ln 3/7) = 0.319781 + 0.363128 = 0.682909
    #   H(D) = -(2 * 3/7 ln 3/7 + 1/7 ln 1/7) = 0.726256 + 0.277987 = 1.004243
    #   NMI = 2 * 0.682909 / (0.682909 + 1.004243) = 0.809540
    assert found.nmi == pytest.approx(0.809540, abs=1e-6)


def test_table_carries_groups(found):
    row = found.table.set_index("party").loc["RU-TA"]
    assert (row.district, row.association) == ("volga", "assoc:greater-volga")
    assert found.table.set_index("party").loc["EE", "district"] is None


def exact_tail() -> float:
    """P(share >= 0.8) over all 7!/(3!3!1!) = 140 distinct labellings, counted without the implementation.

    By hand: the volga node breaks its ties, so 4 of 5 inside needs it on a leaf of the path TVE-TUL-KLU-TA
    (TVE or TA) with each remaining triple one label: 2 leaves * 2 ways = 4 labellings -> 4/140.
    """
    nodes = ["KLU", "TUL", "TVE", "TA", "PSK", "LEN", "NGR"]
    ties = [("KLU", "TUL"), ("KLU", "TA"), ("TUL", "TVE"), ("PSK", "LEN"), ("PSK", "NGR")]
    labellings = [dict(zip(nodes, ls)) for ls in set(permutations("CCCNNNV"))]
    hits = sum(sum(ls[a] == ls[b] for a, b in ties) >= 4 for ls in labellings)
    assert (len(labellings), hits) == (140, 4)
    return hits / len(labellings)


def test_same_district_ties(G):
    test = same_group_ties(G, attribute="district", permutations=999, seed=0)
    # subject-subject ties: KLU-TUL, KLU-TA, TUL-TVE, PSK-LEN, PSK-NGR; inside a district: all but KLU-TA
    assert (test.ties, test.same, test.observed) == (5, 4, 0.8)
    # labels over 7 nodes: central 3, north-west 3, volga 1 -> (3*2 + 3*2 + 0) / (7*6) = 12/42
    assert test.expected == pytest.approx(2 / 7)
    # 999 permutations: #(share >= 0.8) ~ Binomial(999, 4/140), mean 28.5, sd sqrt(999 * 0.0286 * 0.9714) = 5.3;
    # p = (1 + #) / 1000, allowed 4 sd either way
    tail = exact_tail()
    assert abs(test.p_value - (1 + 999 * tail) / 1000) <= 4 * math.sqrt(999 * tail * (1 - tail)) / 1000
    assert 0 <= test.low <= test.expected <= test.high <= 0.8


def test_same_association_ties_and_bad_attribute(G):
    test = same_group_ties(G, attribute="association", permutations=99, seed=1)
    assert (test.ties, test.same) == (5, 4)  # the associations split the seven as the districts do
    with pytest.raises(CoopatlasError):
        same_group_ties(G, attribute="country")


def test_no_subject_ties(frames):
    volga = partner_graph(select(frames, Selection(districts=("volga",))), parties="subjects")  # TA -> KLU only
    one = same_group_ties(volga, permutations=9)
    assert (one.ties, one.same, one.observed) == (1, 0, 0.0)  # volga TA - central KLU
    empty = partner_graph(select(frames, Selection(year_from=2030)))
    test = same_group_ties(empty, permutations=9)
    assert test.ties == 0 and math.isnan(test.observed)
