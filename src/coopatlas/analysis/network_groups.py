"""Groups in the partner network: Louvain communities against federal districts and associations, and
the permutation test of whether partners share a district (or association) more than chance would give.

    found = communities(partner_graph(frames), weight="documents", seed=0)
    found.modularity, found.district_modularity, found.adjusted_rand
    test = same_group_ties(partner_graph(frames), attribute="district", permutations=999, seed=0)
    test.observed, test.expected, test.p_value     # a small p: ties stay inside districts

Conventions (docs/analysis-network.md): everything runs on the undirected projection (arcs and
unauthored ties). A party without a group (a foreign party, a region in no association) is a group of
its own. ARI and NMI compare communities and districts over the parties that have a district.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from coopatlas.analysis.network_build import undirected
from coopatlas.analysis.network_metrics import text_or_none
from coopatlas.errors import CoopatlasError

__all__ = ["COMMUNITY_COLUMNS", "Communities", "GroupTies", "communities", "group_partition", "same_group_ties"]

COMMUNITY_COLUMNS = ["party", "community", "district", "association"]
GROUP_ATTRIBUTES = ("district", "association")


@dataclass(frozen=True)
class Communities:
    """Louvain communities (`table`: COMMUNITY_COLUMNS; community 0 is the largest) and how they compare."""

    table: pd.DataFrame
    modularity: float
    district_modularity: float
    association_modularity: float
    adjusted_rand: float
    nmi: float


@dataclass(frozen=True)
class GroupTies:
    """Ties between Russian subjects inside one group: observed share against label permutations."""

    attribute: str
    ties: int
    same: int
    observed: float
    expected: float
    low: float
    high: float
    p_value: float
    permutations: int


def communities(G: nx.DiGraph, weight: str = "documents", seed: int = 0) -> Communities:
    """Louvain communities of the undirected projection (fixed seed) and modularity / ARI / NMI."""
    H = undirected(G, weight)
    found = _ordered(nx.community.louvain_communities(H, weight="weight", seed=seed))
    table = _community_table(H, found)
    with_district = table[table["district"].notna()]
    return Communities(table, _modularity(H, found), _modularity(H, group_partition(H, "district")),
                       _modularity(H, group_partition(H, "association")),
                       _compare(adjusted_rand_score, with_district),
                       _compare(normalized_mutual_info_score, with_district))


def group_partition(H: nx.Graph, attribute: str) -> list[set]:
    """The nodes grouped by `attribute`; a node without one is a group of its own."""
    return [set(members) for members in _groups(H, attribute).values()]


def same_group_ties(G: nx.DiGraph, attribute: str = "district", permutations: int = 999,
                    seed: int = 0) -> GroupTies:
    """The share of subject-subject ties inside one group, against permuting the labels over their nodes.

    expected is exact (sum n_g(n_g-1) / N(N-1)); low/high are the 2.5 and 97.5 % quantiles of the permuted
    shares; p_value is one-sided, (1 + #permuted >= observed) / (1 + permutations).
    """
    if attribute not in GROUP_ATTRIBUTES:
        raise CoopatlasError(f"attribute must be one of {GROUP_ATTRIBUTES}, not {attribute!r}")
    codes, a, b = _tie_codes(_subject_ties(undirected(G)), attribute)
    if not len(a):
        return GroupTies(attribute, 0, 0, math.nan, math.nan, math.nan, math.nan, math.nan, permutations)
    same = int((codes[a] == codes[b]).sum())
    observed = same / len(a)
    shuffled = _permuted_shares(codes, a, b, permutations, seed)
    return GroupTies(attribute, len(a), same, observed, _expected_share(codes),
                     float(np.quantile(shuffled, 0.025)), float(np.quantile(shuffled, 0.975)),
                     (1 + int((shuffled >= observed - 1e-12).sum())) / (1 + permutations), permutations)


def _community_table(H: nx.Graph, found: list[set]) -> pd.DataFrame:
    community = {node: i for i, members in enumerate(found) for node in members}
    rows = [(n, community[n], H.nodes[n].get("district"), H.nodes[n].get("association")) for n in sorted(H)]
    return text_or_none(pd.DataFrame(rows, columns=COMMUNITY_COLUMNS), ["district", "association"])


def _tie_codes(H: nx.Graph, attribute: str):
    """Group codes of the nodes (one int per node) and the two node indexes of every tie."""
    labels = _labels(H, attribute)
    nodes = sorted(H)
    index = {n: i for i, n in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in H.edges()], dtype=int).reshape(-1, 2)
    return np.array([labels[n] for n in nodes], dtype=int), ends[:, 0], ends[:, 1]


def _permuted_shares(codes: np.ndarray, a: np.ndarray, b: np.ndarray, permutations: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.array([np.mean(p[a] == p[b]) for p in (rng.permutation(codes) for _ in range(permutations))])


def _subject_ties(H: nx.Graph) -> nx.Graph:
    edges = [(u, v) for u, v in H.edges() if H.nodes[u].get("kind") == "subject" == H.nodes[v].get("kind")]
    return H.edge_subgraph(edges)


def _labels(H: nx.Graph, attribute: str) -> dict[str, int]:
    return {n: i for i, members in enumerate(_groups(H, attribute).values()) for n in members}


def _groups(H: nx.Graph, attribute: str) -> dict:
    groups: dict = {}
    for node in sorted(H):
        value = H.nodes[node].get(attribute)
        groups.setdefault(("group", value) if value is not None else ("alone", node), []).append(node)
    return groups


def _expected_share(codes: np.ndarray) -> float:
    sizes = Counter(codes.tolist()).values()
    n = len(codes)
    return sum(k * (k - 1) for k in sizes) / (n * (n - 1))


def _ordered(found) -> list[set]:
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def _modularity(H: nx.Graph, partition: list[set]) -> float:
    if H.size(weight="weight") == 0:
        return math.nan
    return nx.community.modularity(H, partition, weight="weight")


def _compare(score, table: pd.DataFrame) -> float:
    if len(table) < 2:
        return math.nan
    return float(score(table["district"], table["community"]))
