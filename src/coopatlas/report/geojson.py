"""Region indicators as GeoJSON, for QGIS, kepler.gl, Datawrapper, R `sf` or geopandas.

    from coopatlas.report.geojson import regions_geojson, write_geojson
    indicators = pd.DataFrame({"party": ["RU-KLU", "RU-TUL"], "n_documents": [2, 1]})
    collection = regions_geojson(indicators, frames.reference)                      # points at capitals
    collection = regions_geojson(indicators, frames.reference, "adm1.geojson")      # the user's polygons
    write_geojson(collection, "regions.geojson")
    collection["missing"]    # {"features": [...without indicators], "indicators": [...without a feature]}

Without a boundary file every federal subject of the reference tables (the Russian legal frame, so the
subjects admitted under Russian law are included), and any other party of the indicator table with a
capital in the reference (a foreign state), becomes a Point at its capital. With a boundary file,
its features are joined on the property that holds an ISO 3166-2 code (found among `KEY_CANDIDATES`, or
named with `key`); codes are read through the reference's identifier aliases (RU-CHI is RU-ZAB). Every
feature is kept: one without an indicator row gets null indicators. Indicator columns and `party` (the
matched identifier) are added to the feature's properties, replacing properties of the same name.
`missing` (a GeoJSON foreign member) lists features without indicators and indicator rows without a
feature.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from coopatlas.errors import CoopatlasError

__all__ = ["BoundaryError", "KEY_CANDIDATES", "find_key", "regions_geojson", "write_geojson"]

KEY_CANDIDATES = ("shapeISO", "ISO3166-2", "ISO3166_2", "iso_3166_2", "iso3166_2", "iso_code", "ISO_CODE",
                  "iso_3166", "iso", "code")


class BoundaryError(CoopatlasError):
    """A boundary file is not a GeoJSON FeatureCollection, or has no ISO 3166-2 code property."""


def regions_geojson(indicators: pd.DataFrame, reference, boundaries=None, key: str | None = None) -> dict:
    """A GeoJSON FeatureCollection of `indicators` (a `party` column plus indicator columns), at the
    subjects' capitals or, with `boundaries` (a GeoJSON path), on the file's own features."""
    rows = _indicator_rows(indicators, reference)
    columns = [c for c in indicators.columns if c != "party"]
    if boundaries is None:
        features = [_capital_feature(p, reference) for p in _placed_parties(rows, reference)]
        unplaced = sorted(p for p in rows if reference.capitals.get(p) is None)
    else:
        collection = _load(boundaries)
        key = key or find_key(collection["features"])
        features = [_joined_feature(f, key, reference) for f in collection["features"]]
        unplaced = sorted(set(rows) - {f["properties"]["party"] for f in features})
    for feature in features:
        party = feature["properties"]["party"]
        feature["properties"].update({c: rows.get(party, {}).get(c) for c in columns})
    without = [_feature_name(f) for f in features if f["properties"]["party"] not in rows]
    return {"type": "FeatureCollection", "features": features,
            "missing": {"features": without, "indicators": unplaced}}


def write_geojson(collection: dict, path) -> Path:
    """Write `collection` as UTF-8 JSON (no NaN: missing values are null)."""
    path = Path(path)
    path.write_text(json.dumps(collection, ensure_ascii=False, allow_nan=False), encoding="utf-8")
    return path


def find_key(features) -> str:
    """The property holding ISO 3166-2 codes: the first of `KEY_CANDIDATES` present (any letter case)."""
    present = {name.lower(): name for f in features for name in (f.get("properties") or {})}
    for candidate in KEY_CANDIDATES:
        if candidate.lower() in present:
            return present[candidate.lower()]
    raise BoundaryError(f"no ISO 3166-2 code property among {sorted(present.values())}; name it with key=")


# -- indicators

def _indicator_rows(indicators: pd.DataFrame, reference) -> dict[str, dict]:
    if "party" not in indicators.columns:
        raise BoundaryError("the indicator table needs a `party` column of codebook identifiers")
    if not all(isinstance(p, str) for p in indicators["party"]):
        raise BoundaryError("every `party` of the indicator table must be a codebook identifier")
    parties = [_resolve(p, reference) for p in indicators["party"]]
    repeated = sorted({p for p in parties if parties.count(p) > 1})
    if repeated:
        raise BoundaryError(f"the indicator table has more than one row for {repeated}")
    columns = [c for c in indicators.columns if c != "party"]
    records = indicators[columns].to_dict("records")
    return {p: {c: _json_value(r[c]) for c in columns} for p, r in zip(parties, records)}


def _resolve(party_id, reference) -> str | None:
    if not isinstance(party_id, str):
        return None
    try:
        return reference.resolve_id(party_id.strip())
    except CoopatlasError:
        return party_id.strip()


def _json_value(value):
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# -- points at capitals

def _placed_parties(rows: dict[str, dict], reference) -> list[str]:
    subjects = {p.id for p in reference.parties.values() if p.kind == "subject"}
    return sorted(p for p in subjects | set(rows) if reference.capitals.get(p) is not None)


def _capital_feature(party_id: str, reference) -> dict:
    capital, party = reference.capitals[party_id], reference.parties.get(party_id)
    properties = {"party": party_id, "name_ru": party.name_ru if party else None,
                  "name_en": party.name_en if party else None, "capital": capital.name_en}
    return {"type": "Feature", "id": party_id, "properties": properties,
            "geometry": {"type": "Point", "coordinates": [capital.lon, capital.lat]}}


# -- the user's boundaries

def _load(path) -> dict:
    try:
        collection = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BoundaryError(f"{path}: cannot read a GeoJSON file ({error})") from error
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise BoundaryError(f"{path}: not a GeoJSON FeatureCollection")
    return collection


def _joined_feature(feature: dict, key: str, reference) -> dict:
    properties = dict(feature.get("properties") or {})
    properties["party"] = _resolve(properties.get(key), reference)
    return {**feature, "properties": properties}


def _feature_name(feature: dict) -> str:
    properties = feature["properties"]
    return str(properties.get("party") or properties.get("shapeName") or properties.get("name") or feature.get("id"))
