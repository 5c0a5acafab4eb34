"""coopatlas.Atlas: DataFrames of documents, facts, parties and spheres; queries; search."""
import pandas as pd
import pytest

from coopatlas.store import Atlas

from store_builders import corpus, fact, fill, result


@pytest.fixture
def atlas(store):
    fill(store)
    return Atlas(store)


def facts_of(frame) -> list[tuple[str, str]]:
    return sorted(zip(frame["path"].str.split("/").str[-1].str.split("-").str[0].str.replace(".txt", ""),
                      frame["parties"]))


def test_documents(atlas):
    docs = atlas.documents()
    assert list(docs["path"]) == [m.path for m, _, _ in corpus()]
    assert list(docs["district"]) == ["central", "north-west", "volga", "north-west"]
    assert "text" not in docs.columns
    assert docs.loc[1, "url"] == "https://example.org/pskov"
    assert pd.isna(docs.loc[3, "year_adopted"])


def test_facts_one_row_each_with_parties_as_text_and_list(atlas):
    frame = atlas.facts()
    assert len(frame) == 6
    first = frame.iloc[0]
    assert first["parties"] == "RU-KLU|RU-TAM" and first["parties_list"] == ["RU-KLU", "RU-TAM"]
    assert first["partners"] == ["RU-TAM"]
    assert first["spheres"] == "trade_investment|culture"
    assert first["quote"].startswith("Калужская область заключила")
    karelia = frame[frame["author"] == "RU-KR"].iloc[0]
    assert karelia["implied"] == "RU-MUR" and karelia["years"] == [2020] and karelia["year"] == 2020
    assert list(frame["year"]) == [2021, 2021, 2019, 2019, 2024, 2020]


def test_parties_long_table(atlas):
    parties = atlas.parties()
    assert list(parties.columns) == ["fact_id", "document_id", "party", "implied", "is_author"]
    assert len(parties) == 13
    assert parties["is_author"].sum() == 6
    assert parties[parties["implied"]]["party"].tolist() == ["RU-MUR"]


def test_spheres_and_evidence_long_tables(atlas):
    spheres = atlas.spheres()
    assert spheres["sphere"].value_counts()["education"] == 2
    assert set(spheres.columns) == {"fact_id", "document_id", "sphere"}
    evidence = atlas.evidence()
    assert len(evidence) == 6
    for row in evidence.itertuples():
        assert atlas.text(row.document_id)[row.start:row.end] == row.quote


QUERIES = [
    ({"region": "RU-KLU"}, [("kaluga", "BY|RU-KLU"), ("kaluga", "RU-KLU|RU-TAM")]),
    ({"region": ["RU-TA", "RU-KR"]}, [("karelia", "FI|RU-KR"), ("tatarstan", "RU-KLU|RU-TA")]),
    ({"district": "north-west"}, [("karelia", "FI|RU-KR"), ("pskov", "EE|RU-PSK"), ("pskov", "RU-LEN|RU-PSK")]),
    ({"district": "far-east"}, []),
    ({"sphere": "education"}, [("karelia", "FI|RU-KR"), ("tatarstan", "RU-KLU|RU-TA")]),
    ({"sphere": ["tourism", "culture"]}, [("kaluga", "RU-KLU|RU-TAM"), ("pskov", "EE|RU-PSK"), ("pskov", "RU-LEN|RU-PSK")]),
    ({"level": "formal"}, [("kaluga", "RU-KLU|RU-TAM"), ("karelia", "FI|RU-KR")]),
    ({"status": "implemented", "direction": "cross_border"}, [("kaluga", "BY|RU-KLU"), ("karelia", "FI|RU-KR")]),
    ({"partner": "RU-KLU"}, [("kaluga", "BY|RU-KLU"), ("kaluga", "RU-KLU|RU-TAM"), ("tatarstan", "RU-KLU|RU-TA")]),
    ({"partner": "RU-MUR"}, []),  # implied parties are not partners
    ({"year_from": 2020}, [("kaluga", "BY|RU-KLU"), ("kaluga", "RU-KLU|RU-TAM"), ("karelia", "FI|RU-KR"),
                           ("tatarstan", "RU-KLU|RU-TA")]),
    ({"year_from": 2019, "year_to": 2020}, [("karelia", "FI|RU-KR"), ("pskov", "EE|RU-PSK"), ("pskov", "RU-LEN|RU-PSK")]),
    ({"district": "central", "sphere": "transport_logistics", "level": "detailed"}, [("kaluga", "BY|RU-KLU")]),
    ({"region": "'; DROP TABLE facts; --"}, []),
]


def test_queries(atlas):
    for conditions, expected in QUERIES:
        assert facts_of(atlas.query(**conditions)) == expected, conditions
    assert len(atlas.facts()) == 6


def test_enums_are_accepted(atlas):
    from coopatlas.model import Specificity, Sphere
    assert len(atlas.query(sphere=Sphere.EDUCATION, level=[Specificity.DETAILED])) == 1


def test_superseded_facts_only_on_request(store):
    fill(store, "1.0")
    meta, text, _ = corpus()[0]
    run = store.start_run("2.0")
    store.save_document(meta, text, result(meta.path, "RU-KLU", [
        fact(text, "Открыт авиарейс Калуга — Минск", ["BY", "RU-KLU"], direction="cross_border")]), run)
    atlas = Atlas(store)
    assert len(atlas.facts()) == 5
    history = atlas.facts(include_superseded=True)
    assert len(history) == 7
    assert sorted(history["superseded_by_run"].dropna().astype(int)) == [run, run]
    assert len(atlas.query(region="RU-KLU", include_superseded=True)) == 3
    assert list(atlas.runs()["extractor_version"]) == ["1.0", "2.0"]


def test_search_frame(atlas):
    hits = atlas.search("авиарейс")
    assert list(hits["path"]) == ["ru/kaluga-2021.txt"]
    assert {"document_id", "passage_id", "snippet", "rank"} <= set(hits.columns)
    assert atlas.search("нет такого слова").empty


def test_an_empty_atlas(store):
    atlas = Atlas(store)
    assert atlas.facts().empty and atlas.documents().empty and atlas.parties().empty
    assert atlas.query(district="central").empty


def test_atlas_opens_a_path(tmp_path):
    from coopatlas.store import open_store
    with open_store(tmp_path / "a.sqlite") as store:
        fill(store)
    atlas = Atlas(tmp_path / "a.sqlite")
    assert len(atlas.facts()) == 6
    atlas.close()
