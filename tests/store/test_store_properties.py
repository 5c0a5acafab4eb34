"""Property: whatever facts the extractor may give, store → load gives them back unchanged."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopatlas.model import Arity, Direction, DocumentResult, Evidence, Fact, Specificity, Sphere, Status
from coopatlas.store import DocumentMeta, open_store, sha256_of

TEXT = "Сотрудничество регионов: соглашение, «план мероприятий» и ё-мобиль.\n" * 3
party = st.sampled_from(["RU-KLU", "RU-TAM", "BY", "FI", "assoc:north-west", "org:cbss", "city:ru:kaluga"])


@st.composite
def facts(draw):
    start = draw(st.integers(0, len(TEXT) - 1))
    end = draw(st.integers(start, len(TEXT)))
    parties = tuple(sorted(draw(st.sets(party, max_size=4))))
    implied = tuple(p for p in draw(st.lists(party, max_size=3, unique=True)) if p not in parties)
    return Fact(
        parties=parties, implied=implied,
        spheres=tuple(draw(st.lists(st.sampled_from(list(Sphere)), max_size=4, unique=True))),
        specificity=draw(st.sampled_from(list(Specificity))), status=draw(st.sampled_from(list(Status))),
        direction=draw(st.none() | st.sampled_from(list(Direction))),
        arity=draw(st.none() | st.sampled_from(list(Arity))),
        years=tuple(draw(st.lists(st.integers(1990, 2050), max_size=3))),
        evidence=(Evidence(start, end, TEXT[start:end]),),
        why=draw(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=8), max_size=2), max_size=3)),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(coded=st.lists(facts(), max_size=5), author=st.none() | party)
def test_store_then_load_round_trips(tmp_path_factory, coded, author):
    with open_store(tmp_path_factory.mktemp("p") / "a.sqlite") as store:
        result = DocumentResult("p.txt", author, "ru", tuple(coded))
        run = store.start_run("p")
        doc = store.save_document(DocumentMeta(path="p.txt", sha256=sha256_of(TEXT)), TEXT, result, run)
        loaded = store.load_result(doc)
        assert [f.to_json() for f in loaded.facts] == [f.to_json() for f in result.facts]
        assert loaded.author == author
        assert store.problems() == []
