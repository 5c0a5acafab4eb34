"""Region indicators as GeoJSON: points at capitals, a join to invented squares (tests/data/geo), and,
when the shared geoBoundaries file is there, a check that all its features match a subject."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coopatlas.report.geojson import BoundaryError, find_key, regions_geojson, write_geojson

SQUARES = Path(__file__).resolve().parent.parent / "data" / "geo" / "three_squares.geojson"
SHARED = Path("/work/shared/data/geo/russia_adm1_geoboundaries_simplified.geojson")

# documents per author in the hand-built atlas (d1, d2 Kaluga; d3 Tula; d4 Tver; d5 Pskov; d6 Leningrad; d7 Tatarstan)
DOCUMENTS_PER_AUTHOR = {"RU-KLU": 2, "RU-TUL": 1, "RU-TVE": 1, "RU-PSK": 1, "RU-LEN": 1, "RU-TA": 1}


def indicators(counts: dict) -> pd.DataFrame:
    return pd.DataFrame({"party": list(counts), "n_documents": np.array(list(counts.values()), dtype="int64")})


def by_party(collection) -> dict:
    return {f["properties"]["party"]: f for f in collection["features"]}


def subjects(reference) -> set[str]:
    return {p.id for p in reference.parties.values() if p.kind == "subject"}


def test_points_at_capitals(frames):
    table = indicators({**DOCUMENTS_PER_AUTHOR, "RU-CHI": 5, "org:sco": 1})
    collection = regions_geojson(table, frames.reference)
    features = by_party(collection)
    assert collection["type"] == "FeatureCollection"
    assert set(features) == subjects(frames.reference) and len(features) == 89
    kaluga = features["RU-KLU"]
    assert kaluga["geometry"] == {"type": "Point", "coordinates": [36.25, 54.51]}
    assert kaluga["properties"]["n_documents"] == 2 and kaluga["properties"]["name_ru"] == "Калужская область"
    assert features["RU-ZAB"]["properties"]["n_documents"] == 5  # RU-CHI is read as its successor RU-ZAB
    assert features["RU-MOW"]["properties"]["n_documents"] is None
    assert collection["missing"]["indicators"] == ["org:sco"]  # an organisation has no capital
    assert len(collection["missing"]["features"]) == 89 - 7 and "RU-MOW" in collection["missing"]["features"]


def test_a_foreign_state_in_the_indicators_gets_a_point(frames):
    collection = regions_geojson(indicators({"BY": 3}), frames.reference)
    assert len(collection["features"]) == 90
    assert by_party(collection)["BY"]["geometry"]["coordinates"] == [27.57, 53.9]


def test_join_to_a_users_boundaries(frames):
    table = indicators({"RU-KLU": 2, "RU-TUL": 1, "RU-PSK": 1})
    collection = regions_geojson(table, frames.reference, SQUARES)
    names = {f["properties"]["name"]: f for f in collection["features"]}
    assert list(names) == ["Square A", "Square B", "Square C"]  # every feature kept, in the file's order
    assert names["Square A"]["properties"] == {"name": "Square A", "ISO_Code": "RU-KLU", "party": "RU-KLU",
                                               "n_documents": 2}
    assert names["Square B"]["properties"]["n_documents"] == 1
    assert names["Square C"]["properties"]["party"] == "RU-ZAB"  # withdrawn RU-CHI, through the id aliases
    assert names["Square C"]["properties"]["n_documents"] is None
    original = json.loads(SQUARES.read_text())["features"][0]["geometry"]
    assert names["Square A"]["geometry"] == original
    assert collection["missing"] == {"features": ["RU-ZAB"], "indicators": ["RU-PSK"]}


def test_key_detection_and_an_explicit_key(frames, tmp_path):
    features = json.loads(SQUARES.read_text())["features"]
    assert find_key(features) == "ISO_Code"  # matched to the candidate ISO_CODE whatever the letter case
    renamed = {"type": "FeatureCollection", "features": [
        {**f, "properties": {"region": f["properties"]["ISO_Code"]}} for f in features]}
    path = tmp_path / "renamed.geojson"
    path.write_text(json.dumps(renamed))
    with pytest.raises(BoundaryError, match="no ISO 3166-2 code property"):
        regions_geojson(indicators({"RU-KLU": 2}), frames.reference, path)
    collection = regions_geojson(indicators({"RU-KLU": 2}), frames.reference, path, key="region")
    assert [f["properties"]["n_documents"] for f in collection["features"]] == [2, None, None]


def test_bad_inputs_are_refused(frames, tmp_path):
    point = tmp_path / "point.geojson"
    point.write_text(json.dumps({"type": "Point", "coordinates": [0, 0]}))
    with pytest.raises(BoundaryError, match="not a GeoJSON FeatureCollection"):
        regions_geojson(indicators({"RU-KLU": 1}), frames.reference, point)
    with pytest.raises(BoundaryError, match="more than one row"):
        regions_geojson(indicators({"RU-CHI": 1, "RU-ZAB": 2}), frames.reference)  # one subject, two ids
    with pytest.raises(BoundaryError, match="`party` column"):
        regions_geojson(pd.DataFrame({"region": ["RU-KLU"]}), frames.reference)


def test_written_file_is_strict_json_with_nulls(frames, tmp_path):
    table = pd.DataFrame({"party": ["RU-KLU", "RU-TUL"], "share": [0.5, np.nan], "n": np.array([2, 1])})
    collection = regions_geojson(table, frames.reference, SQUARES)
    path = write_geojson(collection, tmp_path / "out.geojson")
    text = path.read_text(encoding="utf-8")
    assert "NaN" not in text and "Square A" in text
    again = json.loads(text)
    assert again == collection
    assert [f["properties"]["share"] for f in again["features"]] == [0.5, None, None]
    assert [f["properties"]["n"] for f in again["features"]] == [2, 1, None]


@pytest.mark.skipif(not SHARED.exists(), reason="the shared geoBoundaries file is not here")
def test_every_geoboundaries_feature_matches_a_subject(frames):
    everyone = indicators({s: 1 for s in sorted(subjects(frames.reference))})
    collection = regions_geojson(everyone, frames.reference, SHARED)
    assert len(collection["features"]) == 83
    assert collection["missing"]["features"] == []
    assert {f["properties"]["party"] for f in collection["features"]} <= subjects(frames.reference)
    # the six subjects admitted under Russian law since 2014/2022 have no polygon in that file
    assert collection["missing"]["indicators"] == sorted(["UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"])
