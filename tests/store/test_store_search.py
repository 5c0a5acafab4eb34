"""Full-text search over passages: inflected words, ranking, and user text that is never syntax."""
import pytest
from sqlalchemy import func, select

from coopatlas.store.fts import fts5_match, query_terms, stem, tsquery
from coopatlas.store.schema import documents, passages

from store_builders import fill


@pytest.fixture
def filled(store):
    fill(store)
    return store


def paths(hits):
    return [h.path for h in hits]


def test_a_word_finds_its_other_cases(filled):
    hits = filled.search("сотрудничество Тамбовская")
    assert paths(hits) == ["ru/kaluga-2021.txt"]
    assert "[сотрудничестве]" in hits[0].snippet
    assert hits[0].text.startswith("Калужская область заключила")


def test_every_word_must_match(filled):
    assert paths(filled.search("туристического маршрута")) == ["ru/pskov-2019.txt"]
    assert filled.search("туристического Минск") == []


def test_english_words(filled):
    assert paths(filled.search("Finland education")) == ["en/karelia.txt"]


def test_yo_and_ye_are_one_letter(filled):
    assert paths(filled.search("елочный")) == ["ru/pskov-2019.txt"]
    assert paths(filled.search("Ёлочный")) == ["ru/pskov-2019.txt"]


def test_hits_carry_their_place_in_the_document(filled):
    with filled.engine.connect() as connection:
        full = dict(connection.execute(select(documents.c.id, documents.c.text)).all())
    for hit in filled.search("область", limit=50):
        assert full[hit.document_id][hit.start:hit.end] == hit.text


def test_better_matches_rank_first_and_limit_holds(filled):
    hits = filled.search("области", limit=50)
    assert len(hits) >= 3
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert len(filled.search("области", limit=2)) == 2
    assert filled.search("области", limit=0) == []


HOSTILE = [
    '"Калужская', 'Калужская"', '"""', "NEAR(Калужская Тамбовской)", "Калужская NEAR Тамбовской",
    "'; DROP TABLE passages; --", "text:Калужская", "Калужская OR", "AND", "*", "^Калужская", "-Калужская",
    "Калужская)", "(", "{text}", "'", "\\", "%", "_", "Калужская' OR '1'='1", "x" * 5000, " ".join(["a"] * 500),
]


def test_hostile_queries_are_words_not_syntax(filled):
    for query in HOSTILE:
        filled.search(query)  # no error
    with filled.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(passages)).scalar() == 6
    assert filled.problems() == []


def test_quotes_and_operators_only_match_the_words(filled):
    assert paths(filled.search('"Калужская" NEAR(Тамбовской)')) == []  # "NEAR" is a word nowhere in the text
    assert paths(filled.search('"Калужская (Тамбовской)"')) == ["ru/kaluga-2021.txt"]
    assert filled.search("'; DROP TABLE passages; --") == []


def test_queries_without_words_find_nothing(filled):
    for query in ["", "   ", "!!! ... ---", "«»"]:
        assert filled.search(query) == []


def test_query_building():
    assert query_terms('"Калужская" NEAR(Тамбовской) Калужская') == ("Калужская", "NEAR", "Тамбовской")
    assert fts5_match(["сотрудничество", "Finland"]) == '"сотрудничеств"* "Finland"*'
    assert tsquery(["a", "b"]) == "'a':* & 'b':*"
    assert stem("мир") == "мир" and stem("области") == "област" and stem("Tula") == "Tula"
    assert len(query_terms(" ".join(f"w{i}" for i in range(100)))) == 32
