"""Section "Trade flows and cooperation": per commodity group, the QAP correlation of the trade matrix
with the cooperation ties, the largest flows without an agreement, the agreements without flows, and
a chart of the largest flows coloured by whether an agreement links the pair."""
from __future__ import annotations

import hashlib
import re

import pandas as pd

from coopatlas.analysis.trade import compare, flow_table, read_trade
from coopatlas.report.charts import flow_chart
from coopatlas.report.page import Section
from coopatlas.report.sections.part import ChartSpec, Context, Part, table

__all__ = ["build"]


def build(ctx: Context) -> Part:
    if ctx.trade is None:
        return Part(Section("trade", ctx.words["trade"], (ctx.words["no_trade"],)))
    flows = read_trade(ctx.trade)
    selection = ctx.frames.selection
    qap, without, no_flows, charts, by_group = [], [], [], [], None
    for commodity in sorted(set(flows.table["commodity"])):
        found = compare(flows, ctx.frames, commodity, selection.year_from, selection.year_to)
        by_group = found.by_commodity
        qap.append({"commodity": commodity, "unit": found.unit, "regions": found.qap.n_nodes, "qap_r": found.qap.r,
                    "p_one_sided": found.qap.p_value, "p_two_sided": found.qap.p_two_sided,
                    "permutations": found.qap.permutations})
        without.append(found.flows_without_agreement.assign(commodity=commodity))
        no_flows.append(found.agreements_without_flows.assign(commodity=commodity))
        charts.append(_flow_chart(flows, commodity, found, ctx))
    qap_table = pd.DataFrame(qap).round(4)
    without_table = pd.concat(without, ignore_index=True) if without else pd.DataFrame()
    no_flow_table = pd.concat(no_flows, ignore_index=True) if no_flows else pd.DataFrame()
    section = Section("trade", ctx.words["trade"], (ctx.words["trade_intro"], f"{flows.path}"), tables=(
        table("trade-qap", ctx.words["qap_title"], qap_table),
        table("trade-commodity", ctx.words["by_commodity"], by_group.round(3) if by_group is not None else pd.DataFrame()),
        table("trade-no-agreement", ctx.words["no_agreement"], without_table.round(4), max_rows=40),
        table("trade-no-flow", ctx.words["no_flow"], no_flow_table, max_rows=40)))
    sheets = {"trade qap": qap_table, "trade by commodity": by_group if by_group is not None else pd.DataFrame(),
              "trade flows no agreement": without_table, "trade agreements no flow": no_flow_table}
    return Part(section, tuple(charts), sheets)


def _flow_chart(flows, commodity: str, found, ctx: Context) -> ChartSpec:
    selection = ctx.frames.selection
    rows = flow_table(flows, commodity, selection.year_from, selection.year_to, ctx.frames.reference, ctx.lang)
    tied = {frozenset((a, b)) for a in found.nodes for b in found.nodes if a != b and found.ties.at[a, b] > 0}
    rows = rows.assign(has_agreement=[frozenset(p) in tied for p in zip(rows["source"], rows["target"])])
    title = f"{ctx.words['trade']}: {commodity}"
    return ChartSpec(f"trade-{_slug(commodity)}", flow_chart(rows, commodity, ctx.lang), title)


def _slug(text: str) -> str:
    """An ASCII file name for a commodity group (Cyrillic names get a stable digest)."""
    ascii_part = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return ascii_part or "group-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
