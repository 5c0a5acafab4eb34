"""Node and whole-graph measures of the partner network (network_build.partner_graph).

    G = partner_graph(frames)
    node_metrics(G, weight="documents").sort_values("pagerank", ascending=False).head()
    graph_summary(G)["reciprocity"]    # share of arcs among authors that are named back

Conventions (docs/analysis-network.md): in_* and out_* count the arcs (who names whom); degree and
strength are taken in the undirected projection, so they include the ties of unauthored facts;
betweenness is unweighted and normalised, on the undirected projection; PageRank follows the arcs,
weighted by `weight`.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

from coopatlas.analysis.network_build import unauthored_ties, undirected

__all__ = ["NODE_COLUMNS", "graph_summary", "node_metrics", "reciprocated", "text_or_none"]

NODE_COLUMNS = ["party", "name", "kind", "district", "in_degree", "out_degree", "degree", "in_strength",
                "out_strength", "strength", "betweenness", "pagerank", "reciprocated"]


def node_metrics(G: nx.DiGraph, weight: str = "documents") -> pd.DataFrame:
    """One row per party (sorted by id) with the columns NODE_COLUMNS."""
    H = undirected(G, weight)
    betweenness = nx.betweenness_centrality(H)
    pagerank = nx.pagerank(G, weight=weight) if len(G) else {}
    rows = [_row(G, H, node, weight, betweenness[node], pagerank[node]) for node in sorted(G)]
    return text_or_none(pd.DataFrame(rows, columns=NODE_COLUMNS), ["name", "kind", "district"])


def reciprocated(G: nx.DiGraph, node: str) -> int:
    """How many of the parties `node` names name it back."""
    return len(set(G.successors(node)) & set(G.predecessors(node)))


def graph_summary(G: nx.DiGraph) -> dict:
    """nodes, arcs, unauthored ties, authors, density (of the arcs) and reciprocity among authors.

    Reciprocity is the share of arcs between two authors whose reverse arc exists: a party that wrote
    no document cannot name anyone back, so arcs to it would only dilute the figure. None without arcs.
    """
    authors = [n for n, authored in G.nodes(data="documents_authored") if authored]
    among = G.subgraph(authors)
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "ties": unauthored_ties(G).number_of_edges(), "authors": len(authors),
            "density": nx.density(G) if len(G) > 1 else 0.0, "author_edges": among.number_of_edges(),
            "reciprocity": nx.reciprocity(among) if among.number_of_edges() else None}


def text_or_none(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Unknown text as None (pandas turns it into NaN), as in the analysis frames."""
    return table.assign(**{c: table[c].astype(object).where(table[c].notna(), None) for c in columns})


def _row(G, H, node, weight, betweenness, pagerank) -> dict:
    data = G.nodes[node]
    return {"party": node, "name": data.get("name"), "kind": data.get("kind"), "district": data.get("district"),
            "in_degree": G.in_degree(node), "out_degree": G.out_degree(node), "degree": H.degree(node),
            "in_strength": G.in_degree(node, weight=weight), "out_strength": G.out_degree(node, weight=weight),
            "strength": H.degree(node, weight="weight"), "betweenness": betweenness, "pagerank": pagerank,
            "reciprocated": reciprocated(G, node)}
