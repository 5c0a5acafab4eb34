"""The partner network as files Gephi opens: GEXF and GraphML.

    G = partner_graph(frames)
    write_gexf(G, "partners.gexf")                          # the arcs (who names whom)
    write_graphml(undirected(G), "pairs.graphml")           # pairs, with the unauthored ties

Attributes are flattened first (`gephi_ready`): lists become |-joined strings, None and NaN are dropped,
text loses the characters XML 1.0 cannot hold, graph attributes that are not plain values (the ties
graph) are left out, every edge gets `weight` (a copy of the count named by `weight`) and every node a
`label` (its Russian name). networkx's writers escape <, & and quotes.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import networkx as nx

__all__ = ["gephi_ready", "write_gexf", "write_graphml"]

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PLAIN = (str, int, float, bool)


def write_gexf(G: nx.Graph, path: str | Path, weight: str = "documents") -> None:
    """Write `G` as GEXF 1.2 (directed for a DiGraph, undirected for a Graph)."""
    nx.write_gexf(gephi_ready(G, weight), str(path))


def write_graphml(G: nx.Graph, path: str | Path, weight: str = "documents") -> None:
    """Write `G` as GraphML."""
    nx.write_graphml(gephi_ready(G, weight), str(path))


def gephi_ready(G: nx.Graph, weight: str = "documents") -> nx.Graph:
    """A copy of `G` whose attributes are all plain values the XML writers accept."""
    H = G.__class__()
    H.graph.update({key: flat for key, value in G.graph.items() if (flat := _flat(value)) is not None})
    H.add_nodes_from((_text(n), _node(n, data)) for n, data in G.nodes(data=True))
    H.add_edges_from((_text(a), _text(b), _edge(data, weight)) for a, b, data in G.edges(data=True))
    return H


def _node(node, data: dict) -> dict:
    return {**_attributes(data), "label": _text(data.get("name") or node)}


def _edge(data: dict, weight: str) -> dict:
    flat = _attributes(data)
    return {**flat, "weight": flat.get(weight, flat.get("weight", 1))}


def _attributes(data: dict) -> dict:
    return {key: flat for key, value in data.items() if (flat := _flat(value)) is not None}


def _flat(value):
    """A plain value for XML, or None to drop it."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return "|".join(_text(v) for v in (sorted(value, key=str) if isinstance(value, (set, frozenset)) else value))
    if hasattr(value, "item") and not isinstance(value, _PLAIN):  # numpy scalars
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return _text(value)
    return value if isinstance(value, _PLAIN) else None


def _text(value) -> str:
    return _NOT_XML.sub("", str(value))
