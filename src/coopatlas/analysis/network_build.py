"""The partner network: who names whom as a cooperation partner, as a networkx directed graph.

    G = partner_graph(frames)                       # every named party
    G["RU-KLU"]["RU-TUL"]["documents"]              # documents of Kaluga that name Tula as a partner
    H = undirected(G, weight="documents")           # one edge per pair, with the unauthored ties

Conventions (docs/analysis-network.md):
- nodes are the authors of the selected documents and every named party of their facts; implied
  parties (from a group reference) never make a node or an edge;
- a fact whose document's author is one of its parties gives an arc author -> partner for every
  other named party (co-partners of a multilateral fact are not tied to each other);
- a fact with no author among its parties (a news agency's item, a research paper) gives an
  undirected *tie* between each pair of its named parties; ties are kept apart, in
  `unauthored_ties(G)`, so they never count as naming or reciprocity, and `undirected` adds them;
- with parties="subjects" only Russian subjects (in the selection's legal frame) are kept.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import networkx as nx

from coopatlas.errors import CoopatlasError

__all__ = ["Link", "PARTY_SETS", "fact_links", "partner_graph", "party_attributes", "unauthored_ties", "undirected"]

PARTY_SETS = ("all", "subjects")
TIES = "ties"  # the graph attribute holding the undirected ties of unauthored facts


@dataclass(frozen=True)
class Link:
    """One fact joining two parties: `directed` when `a` is the author naming `b`."""

    a: str
    b: str
    directed: bool
    fact_id: int
    document_id: int
    spheres: tuple[str, ...]


def partner_graph(frames, parties: str = "all") -> nx.DiGraph:
    """The directed partner network of `frames` (arcs author -> partner; unauthored ties aside)."""
    keep = _keeper(frames.reference, parties, frames.selection.frame)
    links = [link for link in fact_links(frames.facts) if keep(link.a) and keep(link.b)]
    authored = frames.documents["author"].dropna().value_counts()
    nodes = {p for p in authored.index if keep(p)} | {p for link in links for p in (link.a, link.b)}
    G = nx.DiGraph()
    G.add_nodes_from((p, party_attributes(frames.reference, p, int(authored.get(p, 0)))) for p in sorted(nodes))
    G.add_edges_from(_edges(link for link in links if link.directed))
    ties = nx.Graph()
    ties.add_edges_from(_edges(link for link in links if not link.directed))
    G.graph[TIES] = ties
    return G


def fact_links(facts) -> list[Link]:
    """Every link the facts make: author -> partner, or pairwise ties when no author is a party."""
    return [link for row in facts.itertuples(index=False) for link in _links_of(row)]


def unauthored_ties(G: nx.DiGraph) -> nx.Graph:
    """The undirected ties from facts without an author among their parties."""
    return G.graph.get(TIES, nx.Graph())


def undirected(G: nx.DiGraph, weight: str = "documents") -> nx.Graph:
    """One edge per pair of parties: both directions and the unauthored ties merged.

    Counts are recomputed from the merged id lists; `weight` is a copy of the count named by `weight`.
    A document has one author, so documents and facts are the sums of the two directions.
    """
    merged = defaultdict(list)
    for a, b, data in [*G.edges(data=True), *unauthored_ties(G).edges(data=True)]:
        merged[tuple(sorted((a, b)))].append(data)
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((a, b, _weighted(_merge(parts), weight)) for (a, b), parts in sorted(merged.items()))
    return H


def _links_of(row) -> list[Link]:
    implied = set(row.implied_list)
    named = sorted({p for p in row.parties_list if p not in implied})
    author = row.author if isinstance(row.author, str) else None
    details = (int(row.fact_id), int(row.document_id), tuple(row.spheres_list))
    if author in named:
        return [Link(author, p, True, *details) for p in named if p != author]
    return [Link(a, b, False, *details) for a, b in combinations(named, 2)]


def _edges(links):
    grouped = defaultdict(list)
    for link in links:
        grouped[(link.a, link.b)].append(link)
    return [(a, b, _link_counts(ls)) for (a, b), ls in sorted(grouped.items())]


def _link_counts(links: list[Link]) -> dict:
    return _counts([link.fact_id for link in links], [link.document_id for link in links],
                   [sphere for link in links for sphere in link.spheres])


def _counts(fact_ids, document_ids, spheres) -> dict:
    fact_ids, document_ids, spheres = sorted(set(fact_ids)), sorted(set(document_ids)), sorted(set(spheres))
    return {"documents": len(document_ids), "facts": len(fact_ids), "spheres": len(spheres),
            "fact_ids": fact_ids, "document_ids": document_ids, "spheres_list": spheres}


def _merge(parts: list[dict]) -> dict:
    return _counts(*([x for part in parts for x in part[key]] for key in ("fact_ids", "document_ids", "spheres_list")))


def _weighted(data: dict, weight: str) -> dict:
    return {**data, "weight": data[weight]}


def _keeper(reference, parties: str, frame: str):
    if parties not in PARTY_SETS:
        raise CoopatlasError(f"parties must be one of {PARTY_SETS}, not {parties!r}")
    if parties == "all":
        return lambda party: True
    return lambda party: reference.is_domestic(party, frame)


def party_attributes(reference, party: str, documents_authored: int = 0) -> dict:
    """A node's attributes: names, kind, country, today's district and association, capital, documents."""
    if not (party in reference.parties or party in reference.id_aliases):
        return {"name": party, "name_en": None, "kind": party.split(":")[0] if ":" in party else None,
                "country": None, "district": None, "association": None, "lat": None, "lon": None,
                "documents_authored": documents_authored}
    record, capital, today = reference.party(party), reference.capital(party), date.today()
    subject = record.kind == "subject"
    return {"name": record.name_ru, "name_en": record.name_en or None, "kind": record.kind,
            "country": record.country or None,
            "district": reference.district_of(party, today) if subject else None,
            "association": current_association(reference, party, today) if subject else None,
            "lat": capital.lat if capital else None, "lon": capital.lon if capital else None,
            "documents_authored": documents_authored}


def current_association(reference, party: str, day: date) -> str | None:
    """The association `party` belongs to on `day`; of several, the one joined first (then by id)."""
    rows = [m for m in reference.association_membership if m.member == party and m.period.contains(day)]
    rows.sort(key=lambda m: (m.period.start or date.min, m.group))
    return rows[0].group if rows else None
