"""The REFI-QDA export of the hand-built atlas: round trip, code counts worked out by hand from
tests/analysis/handbuilt.py, schema validation, stable GUIDs, and a hostile text."""
from __future__ import annotations

import zipfile
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from coopatlas.report.qdpx import NAMESPACE, read_qdpx, write_qdpx, xml_safe

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "refi-qda" / "Project-mrt2019.xsd"
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)

# Selections per code: eleven facts, one evidence span each (handbuilt.py's table).
EXPECTED_CODES = {
    "Sphere/trade_investment": 3,      # F1, F4, F10
    "Sphere/culture": 3,               # F1, F6, F8
    "Sphere/transport_logistics": 1,   # F2
    "Sphere/education": 2,             # F3, F9
    "Sphere/science_innovation": 1,    # F3
    "Sphere/tourism": 1,               # F5
    "Sphere/governance_security": 1,   # F11
    "Specificity/formal": 6,           # F1, F4, F6, F8, F10, F11
    "Specificity/detailed": 4,         # F2, F3, F5, F9
    "Specificity/shallow": 1,          # F7
    "Status/agreed": 8,                # all but F2, F5, F7
    "Status/implemented": 1,           # F2
    "Status/intended": 2,              # F5, F7
    "Direction/interregional": 7,
    "Direction/cross_border": 4,       # F2, F5, F7, F10
    "Arity/bilateral": 8,
    "Arity/multilateral": 2,           # F6, F10 (F7 has no arity)
    "Partner/RU-TUL Тульская область": 2,           # F1, F11 (d8 has no author: both parties are partners)
    "Partner/RU-KLU Калужская область": 2,          # F4, F9
    "Partner/BY Беларусь": 1,
    "Partner/RU-TA Республика Татарстан": 1,
    "Partner/EE Эстония": 1,
    "Partner/RU-LEN Ленинградская область": 1,
    "Partner/RU-NGR Новгородская область": 1,
    "Partner/RU-PSK Псковская область": 1,
    "Partner/org:sco Шанхайская организация сотрудничества": 1,
    "Partner/RU-TVE Тверская область": 1,
}


@pytest.fixture(scope="module")
def exported(frames, texts, tmp_path_factory):
    path = tmp_path_factory.mktemp("qdpx") / "atlas.qdpx"
    return write_qdpx(frames, texts.get, path, title="Hand-built atlas", created=WHEN)


@pytest.fixture(scope="module")
def project(exported):
    return read_qdpx(exported)


def test_every_evidence_quote_comes_back_from_the_source_text(frames, texts, project):
    assert len(project.selections) == 11
    by_span = {(s.start, s.end, s.source): s for s in project.selections}
    source_of = {s.text: s.guid for s in project.sources}
    for span in frames.evidence.itertuples():
        selection = by_span[(span.start, span.end, source_of[texts[span.document_id]])]
        assert selection.text == span.quote == texts[span.document_id][span.start:span.end]
        assert selection.description == span.quote


def test_selections_per_code_match_the_facts(project):
    counts = Counter(code for s in project.selections for code in s.codes)
    assert dict(counts) == EXPECTED_CODES


def test_one_selection_names_its_fact_and_carries_all_its_codes(frames, project):
    f1 = frames.facts.iloc[0]  # F1: KLU+TUL, trade and culture, formal, agreed
    selection = next(s for s in project.selections if s.name == f"fact {f1.fact_id}.1")
    assert selection.codes == ("Sphere/trade_investment", "Sphere/culture", "Specificity/formal", "Status/agreed",
                               "Direction/interregional", "Arity/bilateral", "Partner/RU-TUL Тульская область")


def test_sources_carry_the_documents_texts_and_metadata(frames, texts, project, handbuilt_ids):
    assert len(project.sources) == 8  # d4 names no cooperation but is still a source to code
    assert sorted(s.text for s in project.sources) == sorted(texts.values())
    source = {s.name: s for s in project.sources}
    assert source["d1-kaluga-2019.txt"].variables == {
        "author": "RU-KLU", "district": "central", "year": 2019, "doc_type": "strategy", "level": "detailed",
        "language": "ru", "path": "d1-kaluga-2019.txt"}
    assert "author" not in source["d8-agency-2020.txt"].variables  # a news agency's item has no author
    assert "level" not in source["d4-tver-2021.txt"].variables
    assert "author: RU-KLU Калужская область" in source["d1-kaluga-2019.txt"].description


def test_code_tree(project):
    tops = [c for c in project.codes if "/" not in c.path]
    assert [c.path for c in tops] == ["Sphere", "Specificity", "Status", "Direction", "Arity", "Partner"]
    assert not any(c.codable for c in tops)
    leaves = [c for c in project.codes if "/" in c.path]
    assert all(c.codable for c in leaves)
    assert len([c for c in leaves if c.path.startswith("Sphere/")]) == 14
    assert len([c for c in leaves if c.path.startswith("Partner/")]) == 10
    assert len({c.guid for c in project.codes}) == len(project.codes)


def test_archive_layout(exported, project):
    names = zipfile.ZipFile(exported).namelist()
    assert names[0] == "project.qde"
    assert sorted(names[1:]) == sorted(f"sources/{s.guid}.txt" for s in project.sources)
    root = etree.fromstring(zipfile.ZipFile(exported).read("project.qde"))
    assert root.tag == f"{{{NAMESPACE}}}Project"
    assert root.get("name") == "Hand-built atlas" and root.get("creationDateTime") == "2024-05-01T12:00:00Z"
    assert [etree.QName(c).localname for c in root] == ["Users", "CodeBook", "Variables", "Sources"]


def test_project_validates_against_the_refi_qda_schema(exported):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    root = etree.fromstring(zipfile.ZipFile(exported).read("project.qde"))
    assert schema.validate(root), schema.error_log
    sources = root.find(f"{{{NAMESPACE}}}Sources")
    root.remove(sources)
    root.insert(0, sources)  # Sources before Users: out of the standard's order
    assert not schema.validate(root)


def test_two_exports_differ_only_in_the_creation_time(frames, texts, exported, tmp_path):
    again = write_qdpx(frames, texts.get, tmp_path / "again.qdpx", title="Hand-built atlas", created=WHEN)
    assert again.read_bytes() == exported.read_bytes()
    later = write_qdpx(frames, texts.get, tmp_path / "later.qdpx", title="Hand-built atlas",
                       created=datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    first, second = zipfile.ZipFile(exported), zipfile.ZipFile(later)
    assert first.namelist() == second.namelist()
    for name in first.namelist()[1:]:
        assert first.read(name) == second.read(name)
    qde = second.read("project.qde").replace(b"2025-01-02T03:04:05Z", b"2024-05-01T12:00:00Z")
    assert qde == first.read("project.qde")


def test_documents_without_text_are_left_out(frames, texts, handbuilt_ids, tmp_path):
    d1 = handbuilt_ids["d1"]
    path = write_qdpx(frames, lambda d: None if d == d1 else texts[d], tmp_path / "partial.qdpx", created=WHEN)
    project = read_qdpx(path)
    assert len(project.sources) == 7
    assert len(project.selections) == 9  # d1's two facts are gone


def _objects(frame: pd.DataFrame, **values) -> pd.DataFrame:
    """`frame` with columns set to Python strings (pandas' arrow strings cannot hold a lone surrogate)."""
    return frame.assign(**{k: pd.Series([v] * len(frame), index=frame.index, dtype=object) for k, v in values.items()})


HOSTILE = "A <b>&amp;</b> \"q\" 's\x00\x01\x0b\x1f\ufffe ok \ud800 end"


def test_hostile_text_is_escaped_and_forbidden_characters_replaced(frames, handbuilt_ids, tmp_path):
    d1 = handbuilt_ids["d1"]
    documents = _objects(frames.documents[frames.documents["document_id"] == d1], title=HOSTILE)
    facts = frames.facts[frames.facts["document_id"] == d1].head(1)
    evidence = frames.evidence[frames.evidence["fact_id"] == facts["fact_id"].iloc[0]]
    evidence = _objects(evidence.assign(start=0, end=len(HOSTILE)), quote=HOSTILE)
    hostile = replace(frames, documents=documents, facts=facts, evidence=evidence)
    path = write_qdpx(hostile, lambda d: HOSTILE, tmp_path / "hostile.qdpx", title=HOSTILE, created=WHEN)

    raw = zipfile.ZipFile(path).read("project.qde")
    assert b"&lt;b&gt;&amp;amp;&lt;/b&gt;" in raw and b"\x00" not in raw and b"\x01" not in raw
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(etree.fromstring(raw))
    project = read_qdpx(path)
    cleaned = "A <b>&amp;</b> \"q\" 's\ufffd\ufffd\ufffd\ufffd\ufffd ok \ufffd end"
    assert project.name == cleaned and project.sources[0].name == cleaned
    assert project.selections[0].description == cleaned
    # the plain text keeps its control characters (it is not XML); only the lone surrogate is replaced
    assert project.selections[0].text == project.sources[0].text == HOSTILE.replace("\ud800", "\ufffd")


def test_xml_safe():
    assert xml_safe("a\x00b\tc\n\r\ud800\U0001F600\ufffe\x7f") == "a\ufffdb\tc\n\r\ufffd\U0001F600\ufffd\x7f"
    assert xml_safe(None) == ""
