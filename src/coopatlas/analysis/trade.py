"""Trade flows against the cooperation network (issue 4, item 6): the public face of trade_read, trade_qap and
trade_compare, and the data of a flow map.

    flows = read_trade("demo/trade/interregional-trade.csv")
    food = "Продовольствие и сельскохозяйственное сырьё"
    comparison = compare(flows, frames, commodity=food, year_from=2022)
    print(comparison.qap.r, comparison.qap.p_value)
    arrows = flow_table(flows, food)   # one row per source → target, with the capitals' coordinates

See docs/analysis-trade.md.
"""
from __future__ import annotations

import pandas as pd

from coopatlas.analysis.trade_compare import TradeComparison, compare, cooperation_links
from coopatlas.analysis.trade_qap import QapResult, qap_correlation
from coopatlas.analysis.trade_read import TradeFileError, TradeFlows, read_trade
from coopatlas.reference import Reference, load_reference

__all__ = ["FLOW_TABLE_COLUMNS", "QapResult", "TradeComparison", "TradeFileError", "TradeFlows", "compare",
           "cooperation_links", "flow_table", "qap_correlation", "read_trade"]

FLOW_TABLE_COLUMNS = ["source", "target", "value", "unit", "source_name", "target_name",
                      "source_lat", "source_lon", "target_lat", "target_lon"]


def flow_table(flows: TradeFlows, commodity: str, year_from: int | None = None, year_to: int | None = None,
               reference: Reference | None = None, lang: str = "ru") -> pd.DataFrame:
    """One commodity group's flows between two regions, summed over the years, largest first (`FLOW_TABLE_COLUMNS`).

    Names are in `lang` ("ru" or "en"); a party without a capital in the reference tables has NaN coordinates.
    """
    reference = reference or load_reference()
    chosen = flows.select(commodity, year_from, year_to)
    chosen = chosen[chosen["source"] != chosen["target"]]
    arrows = chosen.groupby(["source", "target", "unit"], as_index=False)["value"].sum()
    for end in ("source", "target"):
        arrows = arrows.assign(**_place(arrows[end], end, reference, lang))
    arrows = arrows.sort_values(["value", "source", "target"], ascending=[False, True, True])
    return arrows[FLOW_TABLE_COLUMNS].reset_index(drop=True)


def _place(parties: pd.Series, end: str, reference: Reference, lang: str) -> dict[str, list]:
    capitals = [reference.capital(p) for p in parties]
    return {f"{end}_name": [_name(reference.party(p), lang) for p in parties],
            f"{end}_lat": [c.lat if c else float("nan") for c in capitals],
            f"{end}_lon": [c.lon if c else float("nan") for c in capitals]}


def _name(party, lang: str) -> str:
    return party.name_en if lang == "en" else party.name_ru
