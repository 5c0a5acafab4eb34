"""`coopatlas export` for other tools: REFI-QDA (.qdpx), Stata (.dta), SPSS (.sav), Gephi (GEXF,
GraphML) and GeoJSON of regions with indicators.

    write_for_tool(Atlas("atlas.db"), Path("export"), "qdpx")   # -> [export/atlas.qdpx]
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from coopatlas.analysis.frames import Selection, load_frames

__all__ = ["TOOL_FORMATS", "write_for_tool", "region_indicators"]

TOOL_FORMATS = ("qdpx", "stata", "spss", "gexf", "graphml", "geojson")


def write_for_tool(atlas, out: Path, fmt: str, selection: Selection = Selection(),
                   boundaries: Path | None = None) -> list[Path]:
    """Write the atlas (current documents of `selection`) in `fmt`, one of TOOL_FORMATS; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    frames = load_frames(atlas, selection)
    if fmt == "qdpx":
        from coopatlas.report.qdpx import write_qdpx
        return [write_qdpx(frames, atlas.text, out / "atlas.qdpx")]
    if fmt in ("stata", "spss"):
        from coopatlas.report import statfiles
        suffix = "dta" if fmt == "stata" else "sav"
        facts = statfiles.write_stata if fmt == "stata" else statfiles.write_spss
        documents = statfiles.write_documents_stata if fmt == "stata" else statfiles.write_documents_spss
        return [facts(frames, out / f"facts.{suffix}"), documents(frames, out / f"documents.{suffix}")]
    if fmt in ("gexf", "graphml"):
        from coopatlas.analysis.network import partner_graph, undirected
        from coopatlas.report.gephi import write_gexf, write_graphml
        path = out / f"network.{fmt}"
        (write_gexf if fmt == "gexf" else write_graphml)(undirected(partner_graph(frames)), path)
        return [path]
    if fmt == "geojson":
        from coopatlas.report.geojson import regions_geojson, write_geojson
        collection = regions_geojson(region_indicators(frames), frames.reference, boundaries)
        return [write_geojson(collection, out / "regions.geojson")]
    raise ValueError(f"unknown format {fmt!r}; use one of {TOOL_FORMATS}")


def region_indicators(frames) -> pd.DataFrame:
    """Per federal subject: documents, facts, partners, domestic share, highest level (codebook 4) and the
    share of its documents at each level."""
    from coopatlas.analysis.profiles import profiles
    from coopatlas.analysis.survey import subject_coverage

    subjects = subject_coverage(frames)[["subject", "name", "district", "documents", "latest_year"]]
    summary = profiles(frames)[["region", "facts", "partners", "domestic_share", "highest_level",
                                "reciprocity_rate"]]
    table = subjects.merge(summary, left_on="subject", right_on="region", how="left").drop(columns="region")
    table = table.rename(columns={"subject": "party"})
    table[["facts", "partners"]] = table[["facts", "partners"]].fillna(0).astype(int)
    return table
