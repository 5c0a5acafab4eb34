"""maps.py: the tile grid data file, and the three maps (tiles, capitals, choropleth) rendered offline."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from coopatlas.reference import load_reference
from coopatlas.report import maps, render

GEO = Path(__file__).resolve().parent.parent / "data" / "geo"
SHARED_BOUNDARIES = Path("/work/shared/data/geo/russia_adm1_geoboundaries_simplified.geojson")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def subjects():
    return sorted(p.id for p in load_reference().parties.values() if p.kind == "subject")


@pytest.fixture(scope="module")
def tiny():
    return json.loads((GEO / "tiny-regions-charts.geojson").read_text(encoding="utf-8"))


def _rendered(chart, tmp_path, name):
    chart.to_dict(validate=True)
    png = render.to_png(chart, tmp_path / f"{name}.png").read_bytes()
    svg = render.to_svg(chart, tmp_path / f"{name}.svg").read_text(encoding="utf-8")
    assert png.startswith(PNG_SIGNATURE) and len(png) > 5000
    return svg


def _datasets(chart):
    return list(chart.to_dict()["datasets"].values())


# -- the grid --------------------------------------------------------------------------------

def test_every_subject_has_exactly_one_cell(subjects):
    grid = maps.tile_grid()
    assert len(subjects) == 89
    assert sorted(grid["party"]) == subjects
    assert grid["party"].is_unique


def test_no_two_subjects_share_a_cell():
    grid = maps.tile_grid()
    assert not grid.duplicated(["row", "col"]).any()
    assert grid["row"].min() == 0 and grid["col"].min() == 0


def test_abbreviations_are_unique_per_language():
    grid = maps.tile_grid()
    assert grid["abbr_en"].is_unique and grid["abbr_ru"].is_unique
    assert grid["abbr_ru"].str.fullmatch(r"[А-ЯЁ]{2,3}").all()


def test_the_grid_keeps_west_east_and_north_south():
    cell = maps.tile_grid().set_index("party")
    assert cell.loc["RU-KGD", "col"] < cell.loc["RU-MOW", "col"] < cell.loc["RU-NVS", "col"] < cell.loc["RU-PRI", "col"]
    assert cell.loc["RU-MUR", "row"] < cell.loc["RU-MOW", "row"] < cell.loc["RU-KDA", "row"] < cell.loc["RU-SE", "row"]


# -- tile map --------------------------------------------------------------------------------

def test_tile_map_draws_every_subject_and_greys_the_missing(tmp_path, subjects):
    values = pd.DataFrame({"party": ["RU-KLU", "RU-TUL", "UA-43", "BY"], "documents": [3, 9, 1, 4]})
    lines = pd.DataFrame({"source": ["RU-KLU", "RU-KLU"], "target": ["RU-TUL", "BY"], "weight": [2, 1]})
    chart = maps.tile_map(values, "documents", "Документы", lines=lines, lang="ru")
    svg = _rendered(chart, tmp_path, "tiles")
    tiles = next(rows for rows in _datasets(chart) if len(rows) == 89)
    assert sorted(r["party"] for r in tiles) == subjects
    valued = {r["party"]: r["value"] for r in tiles if r["has_value"]}
    assert valued == {"RU-KLU": 3, "RU-TUL": 9, "UA-43": 1}
    assert next(r for r in tiles if r["party"] == "RU-TUL")["dark"] is True
    segments = next(rows for rows in _datasets(chart) if rows and "cx2" in rows[0])
    assert [(s["source"], s["target"]) for s in segments] == [("RU-KLU", "RU-TUL")]
    assert "КЛЖ" in svg and "КРЫ" in svg and "Документы" in svg
    assert "1" in chart.to_dict()["title"]["subtitle"]  # the line to BY is left out and counted


def test_tile_map_with_categories_in_english(tmp_path):
    values = pd.DataFrame({"party": ["RU-MOW", "RU-SPE", "RU-PRI"], "level": ["detailed", "formal", "shallow"]})
    chart = maps.tile_map(values, "level", "Highest level")
    svg = _rendered(chart, tmp_path, "tiles-en")
    assert "MOW" in svg and "detailed" in svg
    assert chart.to_dict()["title"]["subtitle"] == ""


# -- capitals --------------------------------------------------------------------------------

def test_capital_lines_go_to_foreign_capitals_and_count_the_rest():
    lines = pd.DataFrame({"source": ["RU-KLU", "RU-KLU", "RU-SPE"], "target": ["BY", "org:eu", "XX-NOPE"], "weight": [3, 1, 1]})
    segments, left_out = maps.capital_lines(lines)
    assert left_out == 2
    assert segments[["source", "target"]].values.tolist() == [["RU-KLU", "BY"]]
    assert segments.loc[0, ["lon2", "lat2"]].tolist() == pytest.approx([27.57, 53.90])


def test_capital_map(tmp_path):
    values = pd.DataFrame({"party": ["RU-KLU", "RU-PRI", "BY"], "documents": [5, 2, 1]})
    lines = pd.DataFrame({"source": ["RU-KLU", "RU-KLU"], "target": ["BY", "org:eu"], "weight": [3, 1]})
    chart = maps.capital_map(values, "documents", lines=lines, title="Столицы")
    svg = _rendered(chart, tmp_path, "capitals")
    assert "Столицы" in svg
    spec = chart.to_dict()
    assert spec["projection"]["type"] == "conicEqualArea"
    assert spec["title"]["subtitle"].endswith(": 1")
    points = next(rows for rows in _datasets(chart) if len(rows) == 90)  # 89 subjects and Minsk
    assert {r["party"] for r in points if r["has_value"]} == {"RU-KLU", "RU-PRI", "BY"}


# -- choropleth ------------------------------------------------------------------------------

def test_choropleth_colours_the_expected_features(tiny, tmp_path):
    values = pd.DataFrame({"party": ["RU-MOW", "RU-TUL", "RU-SPE"], "documents": [4, 7, 1]})
    chart = maps.choropleth(tiny, values, "documents", lang="ru", title="Крошечная карта")
    svg = _rendered(chart, tmp_path, "choropleth")
    assert "Крошечная карта" in svg
    vega = render.to_vega(chart)
    features = [row for data in vega["data"] for row in data.get("values", []) if row.get("type") == "Feature"]
    drawn = [f["properties"]["party"] for f in features]
    assert set(drawn) == {"RU-KLU", "RU-MOW", "RU-TUL"}  # the feature without shapeISO is left out
    coloured = {f["properties"]["party"]: f["properties"]["value"] for f in features if f["properties"]["has_value"]}
    assert coloured == {"RU-MOW": 4, "RU-TUL": 7}
    assert all(set(f["properties"]) == {"party", "name", "value", "has_value"} for f in features)


def test_choropleth_winds_rings_for_vega(tiny):
    chart = maps.choropleth(tiny, pd.DataFrame({"party": ["RU-KLU"], "n": [1]}), "n")
    inline = [layer["data"]["values"] for layer in chart.to_dict()["layer"] if "values" in layer.get("data", {})]
    assert len(inline) == 2  # every feature grey, then the coloured ones
    for rows in inline:
        for feature in rows:
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            for polygon in polygons:
                ring = polygon[0]
                area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
                assert area < 0  # clockwise exterior


def test_choropleth_refuses_what_is_not_a_feature_collection():
    with pytest.raises(ValueError):
        maps.choropleth({"type": "Feature"}, pd.DataFrame({"party": [], "n": []}), "n")
    with pytest.raises(ValueError):
        maps.choropleth({"type": "FeatureCollection", "features": [{"properties": {}, "geometry": None}]},
                        pd.DataFrame({"party": [], "n": []}), "n")


@pytest.mark.skipif(not SHARED_BOUNDARIES.exists(), reason="the shared geoBoundaries file is not on this machine")
def test_choropleth_of_the_real_boundaries(tmp_path):
    geojson = json.loads(SHARED_BOUNDARIES.read_text(encoding="utf-8"))
    subjects = [f["properties"]["shapeISO"] for f in geojson["features"]]
    values = pd.DataFrame({"party": subjects, "documents": range(len(subjects))})
    lines = pd.DataFrame({"source": ["RU-MOW", "RU-KGD"], "target": ["RU-PRI", "BY"], "weight": [2, 1]})
    chart = maps.choropleth(geojson, values, "documents", lines=lines, title="Documents by region")
    svg = _rendered(chart, tmp_path, "choropleth-real")
    assert "Documents by region" in svg and svg.count("<path") > len(subjects)
