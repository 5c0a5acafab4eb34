"""Section "Maps": tile-grid maps of the highest level and of the number of partners per region; a true
choropleth of documents per region when the user gives a boundary GeoJSON."""
from __future__ import annotations

import json

import pandas as pd

from coopatlas.errors import CoopatlasError
from coopatlas.report.maps import choropleth, tile_map
from coopatlas.report.page import Section
from coopatlas.report.sections.part import ChartSpec, Context, Part

__all__ = ["build", "read_boundaries"]


def build(ctx: Context) -> Part:
    regions = ctx.regions.rename(columns={"region": "party"})
    level, partners = ctx.words["level_legend"], ctx.words["partners_legend"]
    shown = regions.rename(columns={"highest_level": level, "partners": partners})
    charts = [ChartSpec("map-level", tile_map(shown[["party", level]], level, ctx.words["level_map"], lang=ctx.lang),
                        ctx.words["level_map"]),
              ChartSpec("map-partners", tile_map(shown[["party", partners]], partners, ctx.words["partners_map"],
                                                 lang=ctx.lang), ctx.words["partners_map"])]
    if ctx.boundaries is not None:
        documents = _documents_per_region(ctx.frames)
        documents = documents.rename(columns={"documents": ctx.words["documents_legend"]})
        chart = choropleth(read_boundaries(ctx.boundaries), documents, ctx.words["documents_legend"], lang=ctx.lang,
                           title=ctx.words["choropleth"])
        charts.append(ChartSpec("map-choropleth", chart, ctx.words["choropleth"]))
    return Part(Section("maps", ctx.words["maps"], (ctx.words["maps_intro"],)), tuple(charts),
                {"map indicators": regions})


def read_boundaries(path) -> dict:
    """A user's boundary file as a GeoJSON dict; a clear error when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise CoopatlasError(f"{path}: not a readable GeoJSON file ({error.__class__.__name__}: {error})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CoopatlasError(f"{path}: a GeoJSON FeatureCollection is expected")
    return data


def _documents_per_region(frames) -> pd.DataFrame:
    counts = frames.documents.groupby("author").size()
    return pd.DataFrame({"party": counts.index, "documents": counts.to_numpy()})
