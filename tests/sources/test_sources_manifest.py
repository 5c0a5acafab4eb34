"""Manifest parsing (CSV and YAML), lookups, overrides and every error naming file:line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from coopatlas.sources import (
    DocType, ManifestError, apply_manifest, infer_metadata, normalise_path, read_manifest,
)
from coopatlas.sources.metadata import MANIFEST

HASH = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "manifest.md"


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_with_bom_and_semicolons(tmp_path):
    path = write(tmp_path, "m.csv", "Path;Author;Type;Year;Horizon;URL;Title\n"
                                    "kaluga\\strategy.pdf;RU-KLU;state programme;2019;2030;https://example.org/a;"
                                    "Программа\n\n", "utf-8-sig")
    (entry,) = read_manifest(path).entries
    assert (entry.path, entry.author, entry.doc_type, entry.year, entry.horizon, entry.url, entry.title) == (
        "kaluga\\strategy.pdf", "RU-KLU", DocType.STATE_PROGRAMME, 2019, 2030, "https://example.org/a", "Программа")
    assert entry.where == "m.csv:2"


def test_csv_with_commas_and_quotes(tmp_path):
    path = write(tmp_path, "m.csv", 'path,title\n"a.pdf","Соглашение, 2019"\n')
    assert read_manifest(path).entries[0].title == "Соглашение, 2019"


def test_yaml_list_and_documents_mapping(tmp_path):
    listed = write(tmp_path, "a.yaml", f"- sha256: {HASH.upper()}\n  author: BY-MI\n  year: 2020\n")
    (entry,) = read_manifest(listed).entries
    assert entry.sha256 == HASH and entry.author == "BY-MI" and entry.year == 2020 and entry.where == "a.yaml:1"
    mapped = write(tmp_path, "b.yml", "documents:\n  - path: a.pdf\n    type: news\n  - path: b.pdf\n    title: ~\n")
    entries = read_manifest(mapped).entries
    assert [e.where for e in entries] == ["b.yml:2", "b.yml:4"] and entries[1].title is None


def test_lookup_by_hash_path_and_unique_suffix(tmp_path):
    path = write(tmp_path, "m.csv", f"path,sha256,type\n./Corpus/Kaluga/A.pdf,,news\nother/b.pdf,{HASH},agreement\n"
                                    "x/c.pdf,,strategy\ny/c.pdf,,action_plan\n")
    manifest = read_manifest(path)
    assert manifest.lookup(HASH).doc_type == DocType.AGREEMENT
    assert manifest.lookup(HASH, "corpus/kaluga/a.pdf").doc_type == DocType.AGREEMENT  # the hash first
    assert manifest.lookup(None, "corpus\\kaluga\\a.pdf").doc_type == DocType.NEWS
    assert manifest.lookup(None, "kaluga/a.pdf").doc_type == DocType.NEWS
    assert manifest.lookup(None, "/data/corpus/kaluga/a.pdf").doc_type == DocType.NEWS
    assert manifest.lookup(None, "c.pdf") is None  # two entries end with it
    assert manifest.lookup(None, "ga/a.pdf") is None  # only whole components match
    assert manifest.lookup("0" * 64, "missing.pdf") is None


def test_normalise_path():
    assert normalise_path(" ./Pack.zip\\Inner//Б.pdf ") == "pack.zip/inner/б.pdf"


def test_apply_manifest_overrides_inferred_metadata(tmp_path):
    path = write(tmp_path, "m.csv", "path,author,type,year\na.pdf,RU-KLU,agreement,2018\n")
    entry = read_manifest(path).lookup(None, "a.pdf")
    meta = apply_manifest(infer_metadata("Калуга, 1 мая 2024 года. Новость."), entry)
    assert (meta.author, meta.doc_type, meta.year_adopted, meta.language) == ("RU-KLU", DocType.AGREEMENT, 2018, "ru")
    assert meta.origin["year_adopted"] == MANIFEST and meta.origin["language"] == "inferred"
    assert apply_manifest(meta, None) is meta


@pytest.mark.parametrize("name, text, message", [
    ("m.csv", "path,author\na.pdf,RU-XYZ\n", "m.csv:2: unknown author 'RU-XYZ'"),
    ("m.csv", "path,type\na.pdf,law\n", "m.csv:2: unknown type 'law'; one of strategy, state_programme"),
    ("m.csv", "path,year\na.pdf,20-19\n", "m.csv:2: year must be a year like 2023, not '20-19'"),
    ("m.csv", "path,horizon\na.pdf,1812\n", "m.csv:2: horizon 1812 is outside 1990-2100"),
    ("m.csv", "path,url\na.pdf,ftp://x\n", "m.csv:2: url must start with http:// or https://"),
    ("m.csv", "path,sha256\na.pdf,abc\n", "m.csv:2: sha256 must be 64 hexadecimal digits"),
    ("m.csv", "path,autor\na.pdf,RU-KLU\n", "m.csv:2: unknown column 'autor'"),
    ("m.csv", "author\nRU-KLU\n", "m.csv:2: a row needs a path or a sha256"),
    ("m.csv", "path\nA.pdf\n\n./a.pdf\n", "m.csv:4: path 'a.pdf' is listed again (first at m.csv:2)"),
    ("m.csv", "path,type\na.pdf,news,extra\n", "m.csv:2: 3 fields, but the header has 2"),
    ("m.yaml", "- path: a.pdf\n  year: [2019]\n", "m.yaml:2: expected a single value"),
    ("m.yaml", "- path: a.pdf\n- just text\n", "m.yaml:2: each document must be a mapping"),
    ("m.yaml", "path: a.pdf\n", "m.yaml:1: expected a list, or a mapping with 'documents'"),
    ("m.yaml", "- path: [a.pdf\n", "m.yaml:2: bad YAML"),
])
def test_errors_name_the_file_and_line(tmp_path, name, text, message):
    with pytest.raises(ManifestError) as caught:
        read_manifest(write(tmp_path, name, text))
    assert str(caught.value).startswith(message)


def test_manifest_that_is_not_utf8_or_missing(tmp_path):
    path = write(tmp_path, "m.csv", "path,title\na.pdf,Стратегия\n", "cp1251")
    with pytest.raises(ManifestError, match=r"^m.csv:2: not UTF-8 text"):
        read_manifest(path)
    with pytest.raises(ManifestError, match="cannot read the manifest"):
        read_manifest(tmp_path / "absent.csv")


def test_empty_manifests(tmp_path):
    assert read_manifest(write(tmp_path, "e.csv", "")).entries == ()
    assert read_manifest(write(tmp_path, "e.yaml", "")).entries == ()


def test_withdrawn_id_resolves_to_the_current_one(tmp_path):
    from coopatlas.reference import load_reference

    ref = load_reference()
    if not ref.id_aliases:
        pytest.skip("no id aliases in the reference tables")
    old, alias = next(iter(ref.id_aliases.items()))
    (entry,) = read_manifest(write(tmp_path, "m.csv", f"path,author\na.pdf,{old}\n"), ref).entries
    assert entry.author == alias.party


@pytest.mark.parametrize("language, suffix", [("csv", ".csv"), ("yaml", ".yaml")])
def test_the_examples_in_the_docs_parse(tmp_path, language, suffix):
    blocks = re.findall(rf"```{language}\n(.*?)```", DOCS.read_text("utf-8"), re.DOTALL)
    assert blocks, f"no {language} example in docs/manifest.md"
    manifest = read_manifest(write(tmp_path, "example" + suffix, blocks[0]))
    assert manifest.lookup(None, "kaluga/strategy-2030.pdf").doc_type == DocType.STRATEGY
    assert manifest.lookup(HASH).author == "RU-PSK"
