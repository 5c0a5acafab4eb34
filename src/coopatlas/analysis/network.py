"""The partner network in one import: build (network_build), measure (network_metrics), groups and
homophily (network_groups), distance decay (network_distance). Each module holds one idea.

    from coopatlas.analysis.network import partner_graph, node_metrics, communities, same_group_ties
    G = partner_graph(frames, parties="subjects")
    node_metrics(G).head(), communities(G).modularity, same_group_ties(G, "district").p_value
"""
from coopatlas.analysis.network_build import (
    Link,
    PARTY_SETS,
    fact_links,
    partner_graph,
    party_attributes,
    unauthored_ties,
    undirected,
)
from coopatlas.analysis.network_distance import (
    BANDS,
    DistanceSummary,
    distance_summary,
    haversine_km,
    tie_distances,
)
from coopatlas.analysis.network_groups import Communities, GroupTies, communities, group_partition, same_group_ties
from coopatlas.analysis.network_metrics import graph_summary, node_metrics, reciprocated

__all__ = ["BANDS", "Communities", "DistanceSummary", "GroupTies", "Link", "PARTY_SETS", "communities",
           "distance_summary", "fact_links", "graph_summary", "group_partition", "haversine_km", "node_metrics",
           "partner_graph", "party_attributes", "reciprocated", "same_group_ties", "tie_distances",
           "unauthored_ties", "undirected"]
