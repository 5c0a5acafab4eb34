"""Section "Partner network": summary, communities against districts and associations, the test of
same-group ties, distances between partners, partner lines between capitals; GEXF and GraphML files."""
from __future__ import annotations

import pandas as pd

from coopatlas.analysis.network import (
    communities, distance_summary, graph_summary, node_metrics, partner_graph, same_group_ties, tie_distances,
    undirected,
)
from coopatlas.report.charts import degree_chart, distance_chart
from coopatlas.report.gephi import write_gexf, write_graphml
from coopatlas.report.maps import capital_map
from coopatlas.report.page import Section
from coopatlas.report.sections.part import ChartSpec, Context, Part, table

__all__ = ["build", "edge_lines"]

METRIC_ROWS = 40
MAX_LINES = 400  # partner lines drawn on the map (the heaviest); all arcs are in network.gexf


def build(ctx: Context) -> Part:
    G = partner_graph(ctx.frames)
    files = (_write(write_gexf, undirected(G), ctx.out / "network.gexf"),
             _write(write_graphml, undirected(G), ctx.out / "network.graphml"))
    metrics = node_metrics(G).sort_values(["strength", "party"], ascending=[False, True])
    distances = tie_distances(G, ctx.frames.reference)
    summary = _summary(G, distances, ctx)
    groups = _groups(G)
    lines = edge_lines(G)
    caption = ctx.words["network_map"] + (f" ({len(lines)} / {G.number_of_edges()})"
                                          if G.number_of_edges() > len(lines) else "")
    charts = [ChartSpec("network-degree", degree_chart(metrics, ctx.lang), ctx.words["metrics_title"]),
              ChartSpec("network-map", capital_map(metrics[["party", "strength"]], "strength", lines, ctx.lang,
                                                   caption), caption)]
    if distances["km"].notna().any():
        charts.insert(1, ChartSpec("network-distance", distance_chart(distances.dropna(subset=["km"]), ctx.lang),
                                   ctx.words["distance_title"]))
    section = Section("network", ctx.words["network"], (ctx.words["network_intro"], ctx.words["gephi_note"]), tables=(
        table("network-summary", ctx.words["network_summary"], summary),
        table("network-groups", ctx.words["groups_title"], groups),
        table("network-metrics", ctx.words["metrics_title"], metrics.round(4), max_rows=METRIC_ROWS)))
    sheets = {"network summary": summary, "network groups": groups, "network nodes": metrics,
              "network distances": distances}
    return Part(section, tuple(charts), sheets, files=files)


def edge_lines(G, top: int = MAX_LINES) -> pd.DataFrame:
    """source, target, weight (documents) for the `top` heaviest arcs of the partner graph."""
    rows = [(a, b, d.get("documents", 0)) for a, b, d in G.edges(data=True)]
    lines = pd.DataFrame(rows, columns=["source", "target", "weight"])
    return lines.sort_values(["weight", "source", "target"], ascending=[False, True, True]).head(top)


def _summary(G, distances, ctx) -> pd.DataFrame:
    rows = dict(graph_summary(G))
    if G.number_of_edges():
        found = communities(G)
        rows.update(communities=int(found.table["community"].nunique()), modularity=found.modularity,
                    district_modularity=found.district_modularity, association_modularity=found.association_modularity,
                    adjusted_rand_vs_districts=found.adjusted_rand, nmi_vs_districts=found.nmi)
    decay = distance_summary(distances)
    rows.update(partner_pairs_with_distance=decay.ties, neighbour_share=decay.neighbour_share,
                median_km=decay.median_km, **{f"pairs_{k}_km": v for k, v in decay.bands.items()})
    return pd.DataFrame({"measure": list(rows), "value": [_round(v) for v in rows.values()]})


def _groups(G) -> pd.DataFrame:
    rows = []
    for attribute in ("district", "association"):
        found = same_group_ties(G, attribute)  # NaN shares when there is no tie between subjects
        rows.append({"attribute": attribute, "ties": found.ties, "same_group": found.same,
                     "observed_share": found.observed, "chance_share": found.expected, "chance_95_low": found.low,
                     "chance_95_high": found.high, "p_value": found.p_value, "permutations": found.permutations})
    return pd.DataFrame(rows).round(4)


def _round(value):
    return round(value, 4) if isinstance(value, float) else value


def _write(writer, graph, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    writer(graph, path)
    return path
