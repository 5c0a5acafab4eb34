"""Stata (.dta) and SPSS (.sav) files: one analysis-ready table per file, with English variable labels
and value labels. The only module that imports pyreadstat.

    from coopatlas.report.statfiles import write_documents_stata, write_spss, write_stata
    write_stata(frames, "facts.dta")            # one row per fact
    write_spss(frames, "facts.sav")
    write_documents_stata(frames, "documents.dta")   # one row per document

Codes are labelled integers (specificity and level 1 shallow / 2 formal / 3 detailed; status 1 intended
/ 2 agreed / 3 implemented / 4 terminated; direction 1 interregional / 2 cross_border; arity 1 bilateral
/ 2 multilateral); unknown is system missing. Spheres are 0/1 columns `sph_<code>` (at most 32
characters, Stata's limit). Missing text is "" (Stata has no missing string). Strings longer than
2045 bytes are written to Stata as strL (nothing is cut); for SPSS, strings are cut at 32767 bytes
(its largest string width) on a character boundary.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import pandas as pd
import pyreadstat

from coopatlas.analysis.frames import LEVELS
from coopatlas.model import Arity, Direction, Sphere, Status

__all__ = ["CODES", "LabelledTable", "document_table", "fact_table", "sphere_column", "write_documents_spss",
           "write_documents_stata", "write_spss", "write_stata"]

STATA_NAME_LIMIT = 32
SPSS_STRING_LIMIT = 32767
CODES: Mapping[str, tuple[str, ...]] = {
    "specificity": LEVELS,
    "status": tuple(s.value for s in Status),
    "direction": tuple(d.value for d in Direction),
    "arity": tuple(a.value for a in Arity),
}

FACT_LABELS = {
    "fact_id": "Fact id in this atlas",
    "document_id": "Document the fact comes from (id in this atlas)",
    "author": "Issuing territory of the document (codebook id; empty: none)",
    "district": "Author's federal district in the document's year",
    "year": "Year of the document (adopted, else first year its facts name)",
    "specificity": "Specificity of the fact (codebook 4)",
    "status": "Status of the fact (codebook 5)",
    "direction": "Direction: interregional or cross-border (codebook 6)",
    "arity": "Arity: bilateral or multilateral (codebook 6)",
    "n_partners": "Number of named partners (parties other than the author)",
    "partners": "Named partners, |-joined codebook ids",
}
DOCUMENT_LABELS = {
    "document_id": "Document id in this atlas",
    "path": "The file as found",
    "author": "Issuing territory (codebook id; empty: none or unknown)",
    "district": "Author's federal district in the document's year",
    "doc_type": "Document type (strategy, state_programme, agreement, news...)",
    "year": "Year of the document (adopted, else first year its facts name)",
    "language": "Language of the document (ru, en)",
    "level": "Highest specificity of its facts (missing: no cooperation named)",
    "n_facts": "Number of cooperation facts in the document",
}


@dataclass(frozen=True)
class LabelledTable:
    """A table with its variable labels and value labels (code -> label, per column)."""

    frame: pd.DataFrame
    variable_labels: Mapping[str, str]
    value_labels: Mapping[str, Mapping[int, str]]
    label: str


def sphere_column(sphere: str) -> str:
    """The 0/1 column of a sphere: `sph_<code>`, cut to Stata's 32 characters."""
    return f"sph_{sphere}"[:STATA_NAME_LIMIT]


def _value_labels(codes: tuple[str, ...]) -> dict[int, str]:
    return {i: label for i, label in enumerate(codes, start=1)}


def _encode(values: pd.Series, codes: tuple[str, ...]) -> pd.Series:
    """Labels as integers 1..n in codebook order; anything else (None, NaN) as missing."""
    numbers = {label: float(i) for i, label in enumerate(codes, start=1)}
    return pd.Series([numbers.get(v) for v in values], index=values.index, dtype="float64")


def _text(values: pd.Series) -> pd.Series:
    return pd.Series([v if isinstance(v, str) else "" for v in values], index=values.index, dtype=object)


def _number(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _sphere_dummies(sphere_lists) -> dict[str, list[int]]:
    lists = [set(s) for s in sphere_lists]
    return {sphere_column(s.value): [int(s.value in spheres) for spheres in lists] for s in Sphere}


def _sphere_labels() -> dict[str, str]:
    return {sphere_column(s.value): f"Sphere {s.value} named (1 = yes)" for s in Sphere}


def fact_table(frames) -> LabelledTable:
    """One row per fact: ids, author, district, year, labelled codes, partners and sphere dummies."""
    facts = frames.facts
    table = pd.DataFrame({
        "fact_id": facts["fact_id"].astype("int64"),
        "document_id": facts["document_id"].astype("int64"),
        "author": _text(facts["author"]),
        "district": _text(facts["district"]),
        "year": _number(facts["year"]),
        **{column: _encode(facts[column], codes) for column, codes in CODES.items()},
        "n_partners": [len(p) for p in facts["partners_list"]],
        **_sphere_dummies(facts["spheres_list"]),
        "partners": ["|".join(p) for p in facts["partners_list"]],
    })
    labels = {**FACT_LABELS, **_sphere_labels()}
    value_labels = {column: _value_labels(codes) for column, codes in CODES.items()}
    return LabelledTable(table, labels, value_labels, "coopatlas: one row per cooperation fact")


def document_table(frames) -> LabelledTable:
    """One row per document: ids, author, district, type, year, highest level, number of facts and
    sphere dummies (1 when any of its facts names the sphere)."""
    documents, facts = frames.documents, frames.facts
    spheres = facts.groupby("document_id")["spheres_list"].agg(lambda lists: [s for ss in lists for s in ss])
    counts = facts.groupby("document_id").size()
    table = pd.DataFrame({
        "document_id": documents["document_id"].astype("int64"),
        **{column: _text(documents[column]) for column in ("path", "author", "district", "doc_type")},
        "year": _number(documents["year"]),
        "language": _text(documents["language"]),
        "level": _encode(documents["level"], LEVELS),
        "n_facts": [int(counts.get(d, 0)) for d in documents["document_id"]],
        **_sphere_dummies(spheres.get(d, []) for d in documents["document_id"]),
    })
    labels = {**DOCUMENT_LABELS, **_sphere_labels()}
    return LabelledTable(table, labels, {"level": _value_labels(LEVELS)}, "coopatlas: one row per document")


# -- writers (pyreadstat)

def write_stata(frames, path) -> Path:
    """The fact table as a Stata 15 .dta file."""
    return _write_dta(fact_table(frames), path)


def write_spss(frames, path) -> Path:
    """The fact table as an SPSS .sav file."""
    return _write_sav(fact_table(frames), path)


def write_documents_stata(frames, path) -> Path:
    """The document table as a Stata 15 .dta file."""
    return _write_dta(document_table(frames), path)


def write_documents_spss(frames, path) -> Path:
    """The document table as an SPSS .sav file."""
    return _write_sav(document_table(frames), path)


def _write_dta(table: LabelledTable, path) -> Path:
    pyreadstat.write_dta(table.frame, Path(path), file_label=table.label, column_labels=dict(table.variable_labels),
                         variable_value_labels=_plain(table.value_labels), version=15)
    return Path(path)


def _write_sav(table: LabelledTable, path) -> Path:
    frame = table.frame.copy()
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]):
            frame[column] = [_cut_utf8(v, SPSS_STRING_LIMIT) for v in frame[column]]
    pyreadstat.write_sav(frame, Path(path), file_label=table.label, column_labels=dict(table.variable_labels),
                         variable_value_labels=_plain(table.value_labels), variable_measure=_measures(table))
    return Path(path)


def _plain(value_labels) -> dict[str, dict[int, str]]:
    return {column: dict(labels) for column, labels in value_labels.items()}


def _measures(table: LabelledTable) -> dict[str, str]:
    ordinal = {"specificity", "level"}
    scale = {"year", "n_partners", "n_facts"}
    return {c: "ordinal" if c in ordinal else "scale" if c in scale else "nominal" for c in table.frame.columns}


def _cut_utf8(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never inside a character."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", errors="ignore")
