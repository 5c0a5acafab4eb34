"""Invariants over generated records (hypothesis)."""
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from coopatlas.evaluation import DocRecord, FactRecord, evaluate, parse_jsonl, render_table
from coopatlas.model import Arity, Direction, Specificity, Sphere, Status

PARTIES = ["RU-TAM", "RU-NGR", "RU-KLU", "RU-MOW", "BY", "FI", "KZ-ATY", "UA-43", "org:eaeu",
           "assoc:north-west", "euroregion:karelia", "region:fi:eastern-finland", "city:ru:kaluga"]

parties = st.lists(st.sampled_from(PARTIES), max_size=5, unique=True)
facts = st.builds(
    FactRecord,
    parties=parties.map(lambda ps: tuple(sorted(ps))),
    implied=parties.map(tuple),
    spheres=st.lists(st.sampled_from(list(Sphere)), max_size=4, unique=True).map(tuple),
    specificity=st.sampled_from(list(Specificity)),
    status=st.sampled_from(list(Status)),
    direction=st.none() | st.sampled_from(list(Direction)),
    arity=st.none() | st.sampled_from(list(Arity)),
    years=st.lists(st.integers(1990, 2040), max_size=2).map(tuple),
)


def record(name: str):
    return st.builds(DocRecord, document=st.just(name),
                     author=st.none() | st.sampled_from(PARTIES),
                     language=st.sampled_from(["ru", "en", None]),
                     facts=st.lists(facts, max_size=4).map(tuple),
                     error=st.none() | st.just("could not read"))


names = st.lists(st.text("abcdefgh.txt", min_size=1, max_size=6), min_size=1, max_size=5, unique=True)
collections = names.flatmap(lambda ns: st.tuples(*(record(n) for n in ns)))


def all_scores(report) -> list[float]:
    s = report.scores
    values = [c for name in ("pairs", "partners", "spheres", "statuses", "directions")
              for c in (getattr(s, name).precision, getattr(s, name).recall, getattr(s, name).f1)]
    values += [c.f1 for _, c in s.per_sphere]
    return values + [s.sphere_macro_f1, s.specificity_accuracy, s.specificity_kappa]


@settings(max_examples=60, deadline=None)
@given(collections)
def test_a_collection_scored_against_itself_is_perfect(records):
    report = evaluate(records, records)
    assert all(v == 1.0 for v in all_scores(report))
    assert not report.missing_documents and not report.unexpected_documents
    assert not any(c.differs for d in report.documents for c in d.set_comparisons.values())
    assert all(d.specificity_correct and not d.author_differs for d in report.documents)


@settings(max_examples=60, deadline=None)
@given(collections, collections)
def test_scores_are_bounded_and_serialisable(gold, pred):
    report = evaluate(gold, pred)
    assert all(-1.0 <= v <= 1.0 for v in all_scores(report))
    json.dumps(report.to_json())
    render_table(report)


@settings(max_examples=60, deadline=None)
@given(collections)
def test_records_round_trip_through_jsonl(records):
    lines = [json.dumps(r.to_json(), ensure_ascii=False) for r in records]
    assert parse_jsonl(lines) == records
