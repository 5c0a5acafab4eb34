"""Trade flows against the cooperation network: matrices over one node set, a QAP test and the mismatches.

    comparison = compare(read_trade("trade.csv"), frames, commodity="Машины и оборудование")
    comparison.qap.r, comparison.qap.p_value
    comparison.flows_without_agreement.head(10)

Conventions (docs/analysis-trade.md):
- trade: the sum of `value` source → target over the chosen commodity group (all groups when None, which
  needs one unit) and years; a region's flow to itself is left out everywhere;
- cooperation: an authored document's author → each named (not implied) partner of its facts; documents
  without an author do not count. A partner counts when it is a Russian federal subject or appears in the
  flows (a foreign state in a cross-border trade table). The years select flows only; the network is the one
  of `frames` (cut it with `select`);
- the QAP relates the trade matrix to the symmetric tie matrix ("either names the other");
- nodes: every party in the chosen flows or in a cooperation tie, sorted.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from coopatlas.analysis.trade_qap import QapResult, qap_correlation
from coopatlas.analysis.trade_read import TradeFileError, TradeFlows

__all__ = ["LINK_COLUMNS", "TradeComparison", "WEIGHTS", "compare", "cooperation_links"]

WEIGHTS = ("documents", "facts", "binary")
LINK_COLUMNS = ["source", "target", "document_id", "fact_id"]


@dataclass(frozen=True)
class TradeComparison:
    """Matrices are DataFrames over `nodes` (rows: source or author, columns: target or partner)."""

    nodes: tuple[str, ...]
    trade: pd.DataFrame
    cooperation: pd.DataFrame
    ties: pd.DataFrame
    qap: QapResult
    flows_without_agreement: pd.DataFrame
    agreements_without_flows: pd.DataFrame
    by_commodity: pd.DataFrame
    unit: str
    commodity: str | None
    weight: str


def compare(flows: TradeFlows, frames, commodity: str | None = None, year_from: int | None = None,
            year_to: int | None = None, weight: str = "documents", permutations: int = 999,
            seed: int = 0) -> TradeComparison:
    """Compare the flows of one commodity group (or all) in a period with the cooperation ties of `frames`."""
    if weight not in WEIGHTS:
        raise TradeFileError(f"unknown weight {weight!r}; use one of {WEIGHTS}")
    period = _interregional(flows.select(None, year_from, year_to))
    chosen = _interregional(flows.select(commodity, year_from, year_to))
    unit = _one_unit(chosen, flows.path)
    links = cooperation_links(frames, set(period["source"]) | set(period["target"]))
    nodes = tuple(sorted(set(chosen["source"]) | set(chosen["target"]) | set(links["source"]) | set(links["target"])))
    trade = _square(chosen.groupby(["source", "target"])["value"].sum(), nodes)
    ties = _square(_weights(_unordered(links), ["source", "target"], weight), nodes, symmetric=True)
    tied = set(map(frozenset, zip(links["source"], links["target"])))
    return TradeComparison(
        nodes, trade, _square(_weights(links, ["source", "target"], weight), nodes), ties,
        qap_correlation(trade, ties, permutations, seed), flows_without_agreement(chosen, tied, unit),
        agreements_without_flows(links, trade, set(chosen["source"]) | set(chosen["target"])),
        by_commodity(period, tied), unit, commodity, weight)


def cooperation_links(frames, traded: set[str] = frozenset()) -> pd.DataFrame:
    """One row per authored fact and named partner: source (author), target (partner), document_id, fact_id."""
    reference = frames.reference
    facts = frames.facts[frames.facts["author"].notna()]
    rows = [(fact.author, partner, fact.document_id, fact.fact_id)
            for fact in facts.itertuples()
            for partner in fact.partners_list
            if partner not in fact.implied_list and partner != fact.author]
    links = pd.DataFrame(rows, columns=LINK_COLUMNS)
    keep = [_counts(reference, a, traded) and _counts(reference, b, traded)
            for a, b in zip(links["source"], links["target"])]
    return links[keep].reset_index(drop=True) if len(links) else links


def flows_without_agreement(chosen: pd.DataFrame, tied: set, unit: str) -> pd.DataFrame:
    """Flows between pairs with no cooperation fact either way, largest first: source, target, value, unit, share."""
    pairs = chosen.groupby(["source", "target"], as_index=False)["value"].sum()
    total = chosen["value"].sum()
    untied = pd.Series([frozenset(p) not in tied for p in zip(pairs["source"], pairs["target"])], index=pairs.index)
    alone = pairs[untied & (pairs["value"] > 0)]
    alone = alone.assign(unit=unit, share=alone["value"] / total if total else float("nan"))
    return alone.sort_values(["value", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def agreements_without_flows(links: pd.DataFrame, trade: pd.DataFrame, traded: set[str]) -> pd.DataFrame:
    """Cooperating pairs (source < target) with no flow either way: source, target, documents, fact_ids, covered.

    `covered` is True when both regions appear in the chosen flows, so the zero is data rather than absence.
    """
    rows = [(a, b, group["document_id"].nunique(), tuple(sorted({int(i) for i in group["fact_id"]})),
             a in traded and b in traded)
            for (a, b), group in _unordered(links).groupby(["source", "target"])
            if trade.at[a, b] + trade.at[b, a] == 0]
    table = pd.DataFrame(rows, columns=["source", "target", "documents", "fact_ids", "covered"])
    return table.sort_values(["documents", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def by_commodity(period: pd.DataFrame, tied: set) -> pd.DataFrame:
    """Per commodity group: unit, total, pairs (with a flow), pairs_with_agreement, share_with_agreement (of value)."""
    rows = [_commodity_row(name, group, tied) for name, group in period.groupby("commodity", sort=True)]
    return pd.DataFrame(rows, columns=["commodity", "unit", "total", "pairs", "pairs_with_agreement",
                                       "share_with_agreement"])


def _commodity_row(name: str, group: pd.DataFrame, tied: set) -> tuple:
    pairs = group.groupby(["source", "target"])["value"].sum()
    pairs = pairs[pairs > 0]
    with_tie = [frozenset(pair) in tied for pair in pairs.index]
    total = pairs.sum()
    share = pairs[with_tie].sum() / total if total else float("nan")
    return name, group["unit"].iloc[0], float(group["value"].sum()), len(pairs), sum(with_tie), share


def _interregional(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["source"] != table["target"]].reset_index(drop=True)


def _one_unit(table: pd.DataFrame, path: str) -> str:
    units = sorted(set(table["unit"]))
    if not units:
        raise TradeFileError(f"{path}: no flows between two regions in the chosen commodity group and years")
    if len(units) > 1:
        raise TradeFileError(f"{path}: the flows are in several units ({', '.join(units)}); "
                             "compare one commodity group at a time")
    return units[0]


def _counts(reference, party: str, traded: set[str]) -> bool:
    entry = reference.parties.get(party)
    return party in traded or (entry is not None and entry.kind == "subject")


def _unordered(links: pd.DataFrame) -> pd.DataFrame:
    """The links with each pair written once, alphabetically (source < target)."""
    low = [min(a, b) for a, b in zip(links["source"], links["target"])]
    high = [max(a, b) for a, b in zip(links["source"], links["target"])]
    return links.assign(source=low, target=high)


def _weights(links: pd.DataFrame, keys: list[str], weight: str) -> pd.Series:
    grouped = links.groupby(keys)
    if weight == "documents":
        return grouped["document_id"].nunique()
    if weight == "facts":
        return grouped["fact_id"].nunique()
    return grouped.size().clip(upper=1)


def _square(cells: pd.Series, nodes: tuple[str, ...], symmetric: bool = False) -> pd.DataFrame:
    """A node × node matrix from a (row, column) → value series; missing cells are 0."""
    matrix = pd.DataFrame(0.0, index=pd.Index(nodes, name="source"), columns=pd.Index(nodes, name="target"))
    for (row, column), value in cells.items():
        matrix.at[row, column] = value
        if symmetric:
            matrix.at[column, row] = value
    return matrix
