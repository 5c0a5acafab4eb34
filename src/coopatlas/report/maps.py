"""Maps of Russia's regions without a boundary file (a tile grid, capital points) and with one.

    tile_map(values, "documents", "Documents per region", lang="ru")    # values: party, documents
    capital_map(values, "documents", lines=ties)                        # ties: source, target, weight
    choropleth(json.load(open("rus_adm1.geojson")), values, "documents")

`values` has `party` and the value column, numeric (a sequential scale) or not (categories); regions
without a value are drawn grey. `lines` join capitals (or tile centres); a partner with no capital
in the reference is left out, and the number left out is printed under the map's title. The tile
grid is `data/tilegrid.tsv`; capitals come from the reference; a boundary GeoJSON is inlined into
the spec, so every map renders offline.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from io import StringIO

import altair as alt
import numpy as np
import pandas as pd

from coopatlas.errors import ReferenceError_
from coopatlas.reference import Reference, load_reference
from coopatlas.report.charts import category_table, word

__all__ = ["tile_grid", "tile_map", "capital_map", "capital_lines", "choropleth", "map_values", "PROJECTION"]

CELL = 36               # px of one tile
GAP = 0.08              # share of a cell left between tiles
MISSING = "#e0e0e0"     # regions without a value
LINE_COLOUR = "#7a0177"
DARK_FROM = 0.6         # tiles whose value is above this share of the range get white labels
DARK_COLOUR = 0.4       # category colours darker than this get white labels
PROJECTION = dict(type="conicEqualArea", parallels=[52, 64], rotate=[-100, 0, 0])
RUSSIA_CORNERS = [(19.6, 41.2), (19.6, 70.0), (100.0, 78.0), (180.0, 72.0), (-169.0, 66.0), (135.0, 42.5), (100.0, 49.0)]


@cache
def tile_grid() -> pd.DataFrame:
    """The grid: `party, row, col, abbr_en, abbr_ru`, one cell per federal subject."""
    text = resources.files("coopatlas.report").joinpath("data/tilegrid.tsv").read_text(encoding="utf-8")
    return pd.read_csv(StringIO(text), sep="\t", dtype={"party": str, "abbr_en": str, "abbr_ru": str})


# -- values ----------------------------------------------------------------------------------

def map_values(values: pd.DataFrame, value_column: str, parties, lang: str = "en",
               reference: Reference | None = None) -> pd.DataFrame:
    """`party, name, value, has_value, dark` for every party in `parties` (value None where missing)."""
    reference = reference or load_reference()
    found = dict(zip(values["party"], values[value_column]))
    rows = pd.DataFrame({"party": list(parties)})
    rows["name"] = [_name(reference, p, lang) for p in rows["party"]]
    rows["value"] = [_clean(found.get(p)) for p in rows["party"]]
    rows["has_value"] = rows["value"].notna()
    return rows.assign(dark=_dark(rows["value"], lang))


def _clean(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def _name(reference: Reference, party: str, lang: str) -> str:
    found = reference.parties.get(party)
    if found is None:
        return party
    return found.name_ru if lang == "ru" else found.name_en


def _numeric(values: pd.Series) -> bool:
    present = values.dropna()
    return len(present) > 0 and all(isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_))
                                    for v in present)


def _dark(values: pd.Series, lang: str = "en") -> list[bool]:
    """Tiles that need white labels: high values of a numeric scale, dark colours of codebook categories."""
    if not _numeric(values):
        known = category_table(values.dropna().astype(str), lang)
        dark = {v for v, c in zip(known["value"], known["colour"]) if c and _luminance(c) < DARK_COLOUR}
        return [v is not None and str(v) in dark for v in values]
    numbers = pd.to_numeric(values, errors="coerce")
    low, high = numbers.min(), numbers.max()
    span = (high - low) or 1
    return [bool(v == v and (v - low) / span > DARK_FROM) for v in numbers]


def _luminance(colour: str) -> float:
    """Relative brightness (0 black … 1 white) of a #rrggbb colour."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _colour(values: pd.Series, value_column: str, field: str = "value", lang: str = "en") -> alt.Color:
    if _numeric(values):
        return alt.Color(f"{field}:Q", title=value_column, scale=alt.Scale(scheme="blues", zero=True))
    known = category_table(values.dropna().astype(str), lang)
    if len(known) and (known["colour"] != "").all():
        # codebook categories (levels, statuses, …): their colours and order, legend in `lang`
        legend = alt.Legend(labelExpr=_label_expression(dict(zip(known["value"], known["label"]))))
        return alt.Color(f"{field}:N", title=value_column, legend=legend,
                         scale=alt.Scale(domain=list(known["value"]), range=list(known["colour"])))
    return alt.Color(f"{field}:N", title=value_column, scale=alt.Scale(scheme="set2"))


def _label_expression(labels: dict[str, str]) -> str:
    """A Vega expression that shows each value's label (JSON strings, so no quote can break it)."""
    expression = "datum.label"
    for value, label in labels.items():
        expression = f"datum.label === {json.dumps(value)} ? {json.dumps(label)} : ({expression})"
    return expression


def _tooltip(value_column: str, lang: str) -> list:
    return [alt.Tooltip("name:N", title=word("region", lang)), alt.Tooltip("party:N", title="ID"),
            alt.Tooltip("value:N", title=value_column)]


def _title(title: str, left_out: int, lang: str) -> alt.TitleParams:
    subtitle = f"{word('lines_left_out', lang)}: {left_out}" if left_out else ""
    return alt.TitleParams(text=title, subtitle=subtitle, anchor="start")


# -- tile map --------------------------------------------------------------------------------

def tile_map(values: pd.DataFrame, value_column: str, title: str, lines: pd.DataFrame | None = None,
             lang: str = "en", reference: Reference | None = None) -> alt.LayerChart:
    """Every federal subject as one labelled tile, coloured by its value; `lines` join tile centres."""
    grid = tile_grid()
    tiles = grid.merge(map_values(values, value_column, grid["party"], lang, reference), on="party")
    tiles = tiles.assign(x=tiles["col"], x2=tiles["col"] + 1 - GAP, y=tiles["row"], y2=tiles["row"] + 1 - GAP,
                         cx=tiles["col"] + (1 - GAP) / 2, cy=tiles["row"] + (1 - GAP) / 2,
                         label=tiles[f"abbr_{'ru' if lang == 'ru' else 'en'}"])
    x = alt.X("x:Q", scale=alt.Scale(domain=[0, int(grid["col"].max()) + 1]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[0, int(grid["row"].max()) + 1], reverse=True), axis=None)
    layers = [_tiles(tiles, x, y, value_column, lang)]
    segments, left_out = _tile_segments(tiles, lines)
    if len(segments):
        layers.append(_segments(segments, "cx", "cy"))
    layers.append(_tile_labels(tiles, value_column, lang))
    width, height = CELL * (int(grid["col"].max()) + 1), CELL * (int(grid["row"].max()) + 1)
    return alt.layer(*layers).properties(title=_title(title, left_out, lang), width=width, height=height) \
        .configure_view(stroke=None)


def _tiles(tiles: pd.DataFrame, x, y, value_column: str, lang: str) -> alt.LayerChart:
    base = alt.Chart(tiles).mark_rect(color=MISSING).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q", tooltip=_tooltip(value_column, lang))
    coloured = alt.Chart(tiles[tiles["has_value"]]).mark_rect().encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q", color=_colour(tiles["value"], value_column, lang=lang), tooltip=_tooltip(value_column, lang))
    return alt.layer(base, coloured)


def _tile_labels(tiles: pd.DataFrame, value_column: str, lang: str) -> alt.Chart:
    return alt.Chart(tiles).mark_text(fontSize=9, fontWeight="bold").encode(
        x=alt.X("cx:Q", axis=None), y=alt.Y("cy:Q", axis=None), text="label:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("#222222")),
        tooltip=_tooltip(value_column, lang))


def _tile_segments(tiles: pd.DataFrame, lines: pd.DataFrame | None) -> tuple[pd.DataFrame, int]:
    if lines is None or lines.empty:
        return pd.DataFrame(columns=["cx", "cy", "cx2", "cy2", "weight"]), 0
    centre = tiles.set_index("party")[["cx", "cy"]]
    known = lines["source"].isin(centre.index) & lines["target"].isin(centre.index)
    kept = lines[known]
    start, end = centre.loc[kept["source"]].to_numpy(), centre.loc[kept["target"]].to_numpy()
    segments = pd.DataFrame({"source": kept["source"].to_numpy(), "target": kept["target"].to_numpy(),
                             "weight": kept["weight"].to_numpy(), "cx": start[:, 0], "cy": start[:, 1],
                             "cx2": end[:, 0], "cy2": end[:, 1]})
    return segments, int((~known).sum())


def _segments(segments: pd.DataFrame, x: str, y: str) -> alt.Chart:
    return alt.Chart(segments).mark_rule(color=LINE_COLOUR, opacity=0.55, strokeCap="round").encode(
        x=alt.X(f"{x}:Q", axis=None), y=alt.Y(f"{y}:Q", axis=None), x2=f"{x}2:Q", y2=f"{y}2:Q",
        strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.8, 5]), legend=None),
        tooltip=["source:N", "target:N", "weight:Q"])


# -- capitals --------------------------------------------------------------------------------

def capital_lines(lines: pd.DataFrame | None, reference: Reference | None = None) -> tuple[pd.DataFrame, int]:
    """`lines` (source, target, weight) with the lon/lat of both capitals, and how many were left out."""
    columns = ["source", "target", "weight", "lon", "lat", "lon2", "lat2"]
    if lines is None or lines.empty:
        return pd.DataFrame(columns=columns), 0
    reference = reference or load_reference()
    ends = [(_capital(reference, s), _capital(reference, t)) for s, t in zip(lines["source"], lines["target"])]
    known = [a is not None and b is not None for a, b in ends]
    rows = [(s, t, w, a.lon, a.lat, b.lon, b.lat)
            for (s, t, w), (a, b), ok in zip(zip(lines["source"], lines["target"], lines["weight"]), ends, known) if ok]
    return pd.DataFrame(rows, columns=columns), known.count(False)


def _capital(reference: Reference, party: str):
    try:
        return reference.capital(party)
    except ReferenceError_:  # an id the reference does not know: no capital
        return None


def _capital_points(values: pd.DataFrame, value_column: str, lang: str, reference: Reference) -> pd.DataFrame:
    subjects = [p.id for p in reference.parties.values() if p.kind == "subject"]
    parties = list(dict.fromkeys(subjects + [p for p in values["party"] if _capital(reference, p) is not None]))
    points = map_values(values, value_column, parties, lang, reference)
    capitals = [reference.capital(p) for p in points["party"]]
    return points.assign(lon=[c.lon for c in capitals], lat=[c.lat for c in capitals])


def capital_map(values: pd.DataFrame, value_column: str, lines: pd.DataFrame | None = None,
                lang: str = "en", title: str | None = None, reference: Reference | None = None) -> alt.LayerChart:
    """Capitals on a conic projection, sized and coloured by the value, with partner lines between them."""
    reference = reference or load_reference()
    points = _capital_points(values, value_column, lang, reference)
    segments, left_out = capital_lines(lines, reference)
    layers = [alt.Chart(alt.graticule(step=[20, 10])).mark_geoshape(stroke="#e8e8e8", strokeWidth=0.5, filled=False, clip=True)]
    if len(segments):
        layers.append(_capital_segments(segments))
    layers += _capital_marks(points, value_column, lang)
    return alt.layer(*layers).project(**PROJECTION, fit=_extent(points, segments)) \
        .properties(title=_title(title or value_column, left_out, lang), width=760, height=420)


def _extent(points: pd.DataFrame, segments: pd.DataFrame) -> dict:
    """A MultiPoint of Russia's corners, the capitals and the line ends: the area a capital map fits to."""
    ends = [zip(points["lon"], points["lat"]), zip(segments["lon"], segments["lat"]), zip(segments["lon2"], segments["lat2"])]
    coordinates = [list(p) for p in RUSSIA_CORNERS] + [[float(x), float(y)] for pairs in ends for x, y in pairs]
    return {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": coordinates}}


def _capital_segments(segments: pd.DataFrame) -> alt.Chart:
    return alt.Chart(segments).mark_rule(color=LINE_COLOUR, opacity=0.5).encode(
        longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
        strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[0.6, 4]), legend=None),
        tooltip=["source:N", "target:N", "weight:Q"])


def _capital_marks(points: pd.DataFrame, value_column: str, lang: str) -> list[alt.Chart]:
    base = alt.Chart(points).mark_circle(color="#9e9e9e", size=14, opacity=0.8).encode(
        longitude="lon:Q", latitude="lat:Q", tooltip=_tooltip(value_column, lang))
    valued = points[points["has_value"]]
    encodings = {"color": _colour(points["value"], value_column, lang=lang)}
    if _numeric(points["value"]):
        encodings["size"] = alt.Size("value:Q", scale=alt.Scale(range=[20, 420]), title=value_column)
    marks = alt.Chart(valued).mark_circle(opacity=0.85, stroke="white", strokeWidth=0.6).encode(
        longitude="lon:Q", latitude="lat:Q", tooltip=_tooltip(value_column, lang), **encodings)
    return [base, marks]


# -- choropleth ------------------------------------------------------------------------------

def choropleth(geojson: dict, values: pd.DataFrame, value_column: str, key: str = "shapeISO",
               lines: pd.DataFrame | None = None, lang: str = "en", title: str | None = None,
               reference: Reference | None = None) -> alt.LayerChart:
    """Regions of a boundary GeoJSON (feature property `key` = party id) coloured by the value.

    The features are copied into the spec with only `party, name, value` as properties (and rings
    wound the way Vega expects), so the chart renders offline and no foreign property reaches it.
    """
    reference = reference or load_reference()
    features = _features(geojson, key)
    rows = map_values(values, value_column, [f["properties"]["party"] for f in features], lang, reference)
    features = [_with_properties(f, row) for f, row in zip(features, rows.to_dict("records"))]
    segments, left_out = capital_lines(lines, reference)
    shape = dict(stroke="white", strokeWidth=0.4)
    tooltip = [alt.Tooltip(f"properties.{f}:N", title=t) for f, t in (("name", word("region", lang)), ("party", "ID"), ("value", value_column))]
    layers = [alt.Chart(alt.Data(values=features)).mark_geoshape(color=MISSING, **shape).encode(tooltip=tooltip)]
    coloured = [f for f in features if f["properties"]["has_value"]]
    if coloured:
        layers.append(alt.Chart(alt.Data(values=coloured)).mark_geoshape(**shape).encode(
            color=_colour(rows["value"], value_column, "properties.value", lang), tooltip=tooltip))
    if len(segments):
        layers.append(_capital_segments(segments))
    return alt.layer(*layers).project(**PROJECTION) \
        .properties(title=_title(title or value_column, left_out, lang), width=760, height=440)


def _features(geojson: dict, key: str) -> list[dict]:
    features = geojson.get("features") if isinstance(geojson, dict) else None
    if not isinstance(features, list):
        raise ValueError("expected a GeoJSON FeatureCollection with a list of features")
    kept = [f for f in features if isinstance(f, dict) and f.get("geometry") and (f.get("properties") or {}).get(key)]
    if not kept:
        raise ValueError(f"no feature has a geometry and the property {key!r}")
    return [{"type": "Feature", "geometry": _rewound(f["geometry"]), "properties": {"party": str(f["properties"][key])}}
            for f in kept]


def _with_properties(feature: dict, row: dict) -> dict:
    value = _clean(row["value"])
    value = value.item() if isinstance(value, np.generic) else value  # plain JSON types only
    properties = {"party": row["party"], "name": row["name"], "value": value, "has_value": bool(row["has_value"])}
    return {**feature, "properties": properties}


def _rewound(geometry: dict) -> dict:
    """The geometry with exterior rings clockwise and holes counter-clockwise (d3-geo's spherical rule)."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return {"type": kind, "coordinates": _rewind_polygon(geometry["coordinates"])}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [_rewind_polygon(p) for p in geometry["coordinates"]]}
    return geometry


def _rewind_polygon(rings: list) -> list:
    return [_oriented(ring, clockwise=(i == 0)) for i, ring in enumerate(rings)]


def _oriented(ring: list, clockwise: bool) -> list:
    return ring if (_signed_area(ring) < 0) == clockwise else list(reversed(ring))


def _signed_area(ring: list) -> float:
    """Twice the planar signed area in lon/lat: positive for a counter-clockwise ring."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:]))
