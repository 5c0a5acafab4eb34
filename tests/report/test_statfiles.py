"""Stata and SPSS files of the hand-built atlas, read back with pyreadstat and pandas; expected values
worked out by hand from the table in tests/analysis/handbuilt.py (facts F1..F11 in fact-id order)."""
from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pyreadstat
import pytest

from coopatlas.model import Sphere
from coopatlas.report.statfiles import (
    DOCUMENT_LABELS,
    FACT_LABELS,
    document_table,
    fact_table,
    sphere_column,
    write_documents_spss,
    write_documents_stata,
    write_spss,
    write_stata,
)

NAN = float("nan")
FACTS = {  # F1 … F11
    "specificity": [2, 3, 3, 2, 3, 2, 1, 2, 3, 2, 2],
    "status": [2, 3, 2, 2, 1, 2, 1, 2, 2, 2, 2],
    "direction": [1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1],
    "arity": [1, 1, 1, 1, 1, 2, NAN, 1, 1, 2, 1],
    "n_partners": [1, 1, 1, 1, 1, 2, 0, 1, 1, 1, 2],
    "year": [2019, 2019, 2023, 2020, 2019, 2019, 2020, 2020, 2018, 2018, 2020],
    "author": ["RU-KLU", "RU-KLU", "RU-KLU", "RU-TUL", "RU-PSK", "RU-PSK", "RU-LEN", "RU-LEN", "RU-TA", "RU-TA", ""],
    "district": ["central"] * 4 + ["north-west"] * 4 + ["volga"] * 2 + [""],
    "partners": ["RU-TUL", "BY", "RU-TA", "RU-KLU", "EE", "RU-LEN|RU-NGR", "", "RU-PSK", "RU-KLU", "org:sco",
                 "RU-TUL|RU-TVE"],
    "sph_culture": [1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0],
    "sph_trade_investment": [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0],
    "sph_education": [0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0],
    "sph_industry": [0] * 11,
}
DOCUMENTS = {  # d1 … d8
    "level": [3, 3, 2, NAN, 3, 2, 3, 2],
    "n_facts": [2, 1, 1, 0, 2, 2, 2, 1],
    "sph_culture": [1, 0, 0, 0, 1, 1, 0, 0],
    "sph_education": [0, 1, 0, 0, 0, 0, 1, 0],
    "author": ["RU-KLU", "RU-KLU", "RU-TUL", "RU-TVE", "RU-PSK", "RU-LEN", "RU-TA", ""],
    "doc_type": ["strategy", "news", "strategy", "strategy", "strategy", "strategy", "plan", "news"],
}
FACT_VALUE_LABELS = {
    "specificity": {1: "shallow", 2: "formal", 3: "detailed"},
    "status": {1: "intended", 2: "agreed", 3: "implemented", 4: "terminated"},
    "direction": {1: "interregional", 2: "cross_border"},
    "arity": {1: "bilateral", 2: "multilateral"},
}
READERS = {"dta": pyreadstat.read_dta, "sav": pyreadstat.read_sav}


def same(actual, expected) -> bool:
    return len(actual) == len(expected) and all(
        (isinstance(e, float) and math.isnan(e) and math.isnan(a)) or a == e for a, e in zip(actual, expected))


def check_columns(frame: pd.DataFrame, expected: dict) -> None:
    for column, values in expected.items():
        assert same(list(frame[column]), values), column


def read_back(path):
    frame, meta = READERS[path.suffix[1:]](path)
    labels = {c: {int(k): v for k, v in meta.variable_value_labels[c].items()} for c in meta.variable_value_labels}
    return frame, meta, labels


def test_fact_table(frames):
    table = fact_table(frames)
    frame = table.frame.sort_values("fact_id")
    check_columns(frame, FACTS)
    assert list(frame.columns[:10]) == ["fact_id", "document_id", "author", "district", "year", "specificity",
                                        "status", "direction", "arity", "n_partners"]
    assert frame.columns[-1] == "partners"
    assert [c for c in frame.columns if c.startswith("sph_")] == [sphere_column(s.value) for s in Sphere]
    assert table.value_labels == FACT_VALUE_LABELS


def test_document_table(frames, handbuilt_ids):
    frame = document_table(frames).frame.set_index("document_id").loc[
        [handbuilt_ids[f"d{i}"] for i in range(1, 9)]]
    check_columns(frame, DOCUMENTS)


@pytest.mark.parametrize("write, suffix", [(write_stata, "dta"), (write_spss, "sav")])
def test_fact_file_reads_back_with_labels(frames, tmp_path, write, suffix):
    path = write(frames, tmp_path / f"facts.{suffix}")
    frame, meta, value_labels = read_back(path)
    check_columns(frame.sort_values("fact_id"), FACTS)
    assert value_labels == FACT_VALUE_LABELS
    assert meta.column_names_to_labels["n_partners"] == FACT_LABELS["n_partners"]
    assert meta.column_names_to_labels["sph_culture"] == "Sphere culture named (1 = yes)"
    assert meta.file_label == "coopatlas: one row per cooperation fact"
    assert len(frame) == 11


@pytest.mark.parametrize("write, suffix", [(write_documents_stata, "dta"), (write_documents_spss, "sav")])
def test_document_file_reads_back_with_labels(frames, handbuilt_ids, tmp_path, write, suffix):
    frame, meta, value_labels = read_back(write(frames, tmp_path / f"documents.{suffix}"))
    frame = frame.set_index("document_id").loc[[handbuilt_ids[f"d{i}"] for i in range(1, 9)]]
    check_columns(frame, DOCUMENTS)
    assert value_labels == {"level": {1: "shallow", 2: "formal", 3: "detailed"}}
    assert meta.column_names_to_labels["level"] == DOCUMENT_LABELS["level"]


def test_pandas_reads_the_stata_file_with_its_labels(frames, tmp_path):
    path = write_stata(frames, tmp_path / "facts.dta")
    frame = pd.read_stata(path).sort_values("fact_id")
    assert list(frame["specificity"].astype(str)) == [
        "formal", "detailed", "detailed", "formal", "detailed", "formal", "shallow", "formal", "detailed", "formal",
        "formal"]
    assert frame["arity"].isna().sum() == 1 and list(frame["partners"]) == FACTS["partners"]
    with pd.read_stata(path, iterator=True) as reader:
        assert reader.variable_labels()["status"] == FACT_LABELS["status"]
        assert reader.value_labels()  # the four label sets are there


def test_labels_and_names_fit_stata():
    names = [sphere_column(s.value) for s in Sphere]
    assert len(set(names)) == len(names) and all(len(n) <= 32 for n in names)
    assert len(sphere_column("x" * 40)) == 32
    assert all(len(label) <= 80 for label in [*FACT_LABELS.values(), *DOCUMENT_LABELS.values()])


def long_partner_list(frames, n: int):
    partners = [f"city:ru:калуга{i}" for i in range(n)]
    facts = frames.facts.head(1).copy()
    facts["partners_list"] = pd.Series([partners], index=facts.index, dtype=object)
    return replace(frames, facts=facts), "|".join(partners)


def test_long_strings_are_kept_in_stata_as_strl(frames, tmp_path):
    long_frames, joined = long_partner_list(frames, 3000)
    assert len(joined.encode()) > 2045
    path = write_stata(long_frames, tmp_path / "long.dta")
    assert pyreadstat.read_dta(path)[0]["partners"][0] == joined
    assert pd.read_stata(path)["partners"][0] == joined


def test_long_strings_are_cut_for_spss_on_a_character_boundary(frames, tmp_path):
    long_frames, joined = long_partner_list(frames, 3000)
    assert len(joined.encode()) > 32767
    value = pyreadstat.read_sav(write_spss(long_frames, tmp_path / "long.sav"))[0]["partners"][0]
    assert joined.startswith(value)
    assert 32767 - 4 < len(value.encode()) <= 32767
