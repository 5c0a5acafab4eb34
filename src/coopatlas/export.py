"""`coopatlas export`: the atlas as tables for Excel, R, Stata, Python — long and wide forms, with a
data dictionary."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from coopatlas.model import Sphere

FORMATS = ("csv", "xlsx", "parquet", "jsonl")

DICTIONARY = [
    ("documents", "id", "document id in this atlas"),
    ("documents", "sha256", "SHA-256 of the file's bytes: identifies the content"),
    ("documents", "path", "the file as found (archive members: archive path / member path)"),
    ("documents", "author", "codebook identifier of the issuing territory (null: none or unknown)"),
    ("documents", "district", "the author's federal district in the adoption year"),
    ("documents", "doc_type", "strategy, state_programme, agreement, action_plan, news or other"),
    ("documents", "year_adopted", "year the document was adopted or published"),
    ("documents", "year_horizon", "the year the document plans to (\"до 2030 года\")"),
    ("documents", "language", "ru or en"),
    ("facts", "fact_id", "fact id in this atlas"),
    ("facts", "document_id", "the document the fact comes from"),
    ("facts", "parties", "named parties, |-joined codebook identifiers (author included when a party)"),
    ("facts", "implied", "parties implied by a group reference (a district, neighbours), |-joined"),
    ("facts", "partners", "named parties other than the author, |-joined"),
    ("facts", "spheres", "|-joined sphere codes (codebook 3)"),
    ("facts", "specificity", "shallow, formal or detailed (codebook 4)"),
    ("facts", "status", "intended, agreed, implemented or terminated (codebook 5)"),
    ("facts", "direction", "interregional or cross_border (codebook 6)"),
    ("facts", "arity", "bilateral or multilateral (codebook 6)"),
    ("facts", "years", "calendar years written in the evidence, |-joined"),
    ("facts", "quote", "the evidence sentences, joined with …"),
    ("parties", "party", "one party of one fact (long form)"),
    ("parties", "implied", "true when the party comes from a group reference"),
    ("parties", "is_author", "true when the party is the document's author"),
    ("spheres", "sphere", "one sphere of one fact (long form)"),
    ("facts_wide", "sphere_<code>", "1 when the fact names that sphere, else 0 (one column per sphere)"),
]


def tables(atlas) -> dict[str, pd.DataFrame]:
    documents = atlas.documents()
    facts = atlas.facts()
    flat = facts.drop(columns=[c for c in facts.columns if c.endswith("_list")])
    flat["partners"] = ["|".join(p) for p in facts["partners"]]
    flat["years"] = ["|".join(str(y) for y in ys) if isinstance(ys, list) else ys for ys in facts["years"]]
    return {
        "documents": documents,
        "facts": flat,
        "parties": atlas.parties(),
        "spheres": atlas.spheres(),
        "facts_wide": _wide(flat, facts),
        "dictionary": pd.DataFrame(DICTIONARY, columns=["table", "column", "meaning"]),
    }


def _wide(flat: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    wide = flat[["fact_id", "document_id", "author", "district", "year", "specificity", "status", "direction",
                 "arity", "partners"]].copy()
    for sphere in Sphere:
        wide[f"sphere_{sphere.value}"] = [int(sphere.value in s) for s in facts["spheres_list"]]
    return wide


def write_tables(frames: dict[str, pd.DataFrame], out: Path, fmt: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":  # one writer for every workbook: it also cleans what Excel cannot hold
        from coopatlas.report.workbook import write_workbook

        return [write_workbook({name: _plain(frame) for name, frame in frames.items()}, out / "atlas.xlsx")]
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.{fmt}"
        plain = _plain(frame)
        if fmt == "csv":
            plain.to_csv(path, index=False)
        elif fmt == "parquet":
            plain.to_parquet(path, index=False)
        elif fmt == "jsonl":
            plain.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
        written.append(path)
    return written


def _as_text(value):
    if isinstance(value, list):
        return "|".join(map(str, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts as text, timezone-aware dates as naive UTC: what every target format accepts."""
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, dict))).any():
            out[column] = out[column].map(_as_text)
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_convert(None)
    return out
