"""Distance decay in the partner network: how far apart partners' capitals are, and whether they border.

    distances = tie_distances(partner_graph(frames), frames.reference)
    summary = distance_summary(distances)
    summary.neighbour_share, summary.median_km, summary.bands["0–500"]

Conventions (docs/analysis-network.md): one row per pair of partners in the undirected projection (arcs
in either direction and unauthored ties); km is the great-circle (haversine) distance between capitals
on a sphere of radius 6371 km, None when a capital is unknown (an organisation, an association);
`neighbours` means a land border in the reference table (with subjects or foreign states).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from coopatlas.analysis.network_build import undirected

__all__ = ["BANDS", "DISTANCE_COLUMNS", "DistanceSummary", "distance_summary", "haversine_km", "tie_distances"]

EARTH_RADIUS_KM = 6371.0
DISTANCE_COLUMNS = ["source", "target", "km", "neighbours", "same_district", "documents"]
BANDS = (("0–500", 0, 500), ("500–1000", 500, 1000), ("1000–2000", 1000, 2000), ("2000+", 2000, math.inf))


@dataclass(frozen=True)
class DistanceSummary:
    """Pairs, share that are land neighbours, median km, and pairs per distance band (lower bound included)."""

    ties: int
    neighbour_share: float
    median_km: float
    bands: dict
    unknown_km: int


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def tie_distances(G: nx.DiGraph, reference) -> pd.DataFrame:
    """One row per pair of partners (source < target) with the columns DISTANCE_COLUMNS."""
    H = undirected(G)
    pairs = sorted((min(u, v), max(u, v), data["documents"]) for u, v, data in H.edges(data=True))
    rows = [(u, v, _km(H.nodes[u], H.nodes[v]), _borders(reference, u, v), _same_district(H.nodes[u], H.nodes[v]),
             documents) for u, v, documents in pairs]
    return pd.DataFrame(rows, columns=DISTANCE_COLUMNS)


def distance_summary(distances: pd.DataFrame) -> DistanceSummary:
    """The share of pairs that border, the median km and the pairs per band of `tie_distances` rows."""
    known = distances["km"].dropna().astype(float)
    bands = {label: int(((known >= low) & (known < high)).sum()) for label, low, high in BANDS}
    return DistanceSummary(len(distances), float(distances["neighbours"].mean()) if len(distances) else math.nan,
                           float(known.median()) if len(known) else math.nan, bands, len(distances) - len(known))


def _km(a: dict, b: dict) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def _borders(reference, a: str, b: str) -> bool:
    known = all(p in reference.parties or p in reference.id_aliases for p in (a, b))
    return known and reference.resolve_id(b) in reference.neighbours(a)


def _same_district(a: dict, b: dict) -> bool:
    return a.get("district") is not None and a.get("district") == b.get("district")
