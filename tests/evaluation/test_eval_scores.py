"""Hand-worked examples: every expected number is counted out in the comments."""
import json

import pytest

from coopatlas.errors import CoopatlasError
from coopatlas.evaluation import evaluate, render_table
from coopatlas.model import Sphere
from evaluation_builders import doc, fact

# Three documents.
#   A (author RU-TAM): gold pairs {NGR-TAM, BY-TAM, KZ-TAM, BY-KZ} (one bilateral, one trilateral fact)
#                      pred pairs {NGR-TAM, BY-TAM}                   -> tp 2, fp 0, fn 2
#   B (author RU-KLU): gold {BY-KLU}, pred {KLU-MOW}                  -> tp 0, fp 1, fn 1
#   C (no author):     gold no facts, pred {FI-SPE}                   -> tp 0, fp 1, fn 0
# pooled pairs: tp 2, fp 2, fn 3 -> P = 2/4, R = 2/5, F1 = 2PR/(P+R) = 4/9
GOLD = (
    doc("A", fact("RU-TAM", "RU-NGR", spheres=["tourism", "culture"], specificity="detailed"),
        fact("RU-TAM", "BY", "KZ", spheres=["culture"], status="intended", direction="cross_border"),
        author="RU-TAM"),
    doc("B", fact("RU-KLU", "BY", spheres=["education"], direction="cross_border"), author="RU-KLU"),
    doc("C"),
)
PRED = (
    doc("A", fact("RU-TAM", "RU-NGR", spheres=["tourism"], specificity="detailed"),
        fact("RU-TAM", "BY", direction="cross_border", status="implemented"), author="RU-TAM"),
    doc("B", fact("RU-KLU", "RU-MOW", spheres=["education", "energy"], specificity="shallow"),
        author="RU-KLU"),
    doc("C", fact("RU-SPE", "FI", direction="cross_border", specificity="shallow")),
)


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD, PRED)


def test_pairs_pooled(report):
    c = report.scores.pairs
    assert (c.tp, c.fp, c.fn) == (2, 2, 3)
    assert c.precision == 2 / 4 and c.recall == 2 / 5
    assert c.f1 == pytest.approx(4 / 9)
    assert (report.tallies.gold_pairs, report.tallies.pred_pairs) == (5, 4)


def test_pairs_per_document(report):
    a, b, c = report.documents
    assert a.pairs.missed == (("BY", "KZ"), ("KZ", "RU-TAM"))
    assert a.pairs.extra == ()
    assert b.pairs.missed == (("BY", "RU-KLU"),) and b.pairs.extra == (("RU-KLU", "RU-MOW"),)
    assert c.pairs.counts.precision == 0.0 and c.pairs.counts.recall == 0.0


def test_partners_exclude_the_author(report):
    # A: gold {NGR, BY, KZ} pred {NGR, BY}: tp 2, fn 1
    # B: gold {BY} pred {MOW}: fp 1, fn 1;  C (author null): gold {} pred {SPE, FI}: fp 2
    c = report.scores.partners
    assert (c.tp, c.fp, c.fn) == (2, 3, 2)
    assert (c.precision, c.recall) == (2 / 5, 2 / 4)
    assert report.documents[0].partners.missed == ("KZ",)
    assert "RU-TAM" not in report.documents[0].partners.gold


def test_the_gold_author_is_used_for_both_sides():
    gold = (doc("A", fact("RU-TAM", "BY", direction="cross_border"), author="RU-TAM"),)
    pred = (doc("A", fact("RU-TAM", "BY", direction="cross_border"), author="BY"),)
    result = evaluate(gold, pred)
    assert result.scores.partners.f1 == 1.0
    assert result.documents[0].author_differs and result.documents[0].has_errors


def test_spheres_micro_per_sphere_and_macro(report):
    # A gold {tourism, culture} pred {tourism}; B gold {education} pred {education, energy}; C none
    # micro: tp 2, fp 1, fn 1 -> P = R = 2/3
    c = report.scores.spheres
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)
    per = dict(report.scores.per_sphere)
    assert len(per) == 14
    assert per[Sphere.TOURISM].f1 == 1.0 and per[Sphere.TOURISM].support == 1
    assert per[Sphere.CULTURE].f1 == 0.0 and per[Sphere.CULTURE].support == 1
    assert per[Sphere.ENERGY].f1 == 0.0 and per[Sphere.ENERGY].predicted == 1
    assert per[Sphere.EDUCATION].f1 == 1.0
    # macro over the four spheres with any support: (1 + 0 + 1 + 0) / 4
    assert report.scores.sphere_macro_f1 == 0.5


def test_specificity_accuracy(report):
    # A detailed/detailed, B formal/shallow, C none/shallow -> 1 of 3 right
    assert report.scores.specificity_accuracy == pytest.approx(1 / 3)
    assert [(d.gold_specificity, d.pred_specificity) for d in report.documents][2] == (None, "shallow")


def test_status_and_direction_sets(report):
    # status: A gold {agreed, intended} pred {agreed, implemented}; B {agreed}/{agreed}; C {}/{agreed}
    s = report.scores.statuses
    assert (s.tp, s.fp, s.fn) == (2, 2, 1)
    # direction: A {inter, cross}/{inter, cross}; B {cross}/{inter}; C {}/{cross}
    d = report.scores.directions
    assert (d.tp, d.fp, d.fn) == (2, 2, 1)
    assert report.documents[0].statuses.missed == ("intended",)
    assert report.documents[0].statuses.extra == ("implemented",)


def test_null_direction_adds_nothing():
    gold = (doc("A", fact("RU-TAM", direction=None)),)
    pred = (doc("A", fact("RU-TAM", direction="interregional")),)
    d = evaluate(gold, pred).scores.directions
    assert (d.tp, d.fp, d.fn) == (0, 1, 0)


def test_counts(report):
    t = report.tallies
    assert (t.documents, t.matched, t.missing, t.unexpected) == (3, 3, 0, 0)
    assert (t.gold_facts, t.pred_facts) == (3, 4)


def test_quadratic_kappa_hand_computed():
    # levels none=0, shallow=1, formal=2, detailed=3; gold 0,1,2,3 and pred 1,1,3,3.
    # observed weighted disagreement: (1 + 0 + 1 + 0) / 4 = 1/2
    # expected: gold marginals 1/4 each, pred 1/2 at 1 and at 3:
    #   sum_i 1/4 * 1/2 * ((i-1)^2 + (i-3)^2) = 1/8 * (10 + 4 + 2 + 4) = 5/2
    # kappa = 1 - (1/2) / (5/2) = 0.8
    gold = (doc("a"), doc("b", fact("RU-TAM", specificity="shallow")),
            doc("c", fact("RU-TAM", specificity="formal")), doc("d", fact("RU-TAM", specificity="detailed")))
    pred = (doc("a", fact("RU-TAM", specificity="shallow")), doc("b", fact("RU-TAM", specificity="shallow")),
            doc("c", fact("RU-TAM", specificity="detailed")), doc("d", fact("RU-TAM", specificity="detailed")))
    result = evaluate(gold, pred)
    assert result.scores.specificity_kappa == pytest.approx(0.8)
    assert result.scores.specificity_accuracy == 0.5


def test_kappa_is_one_when_everyone_uses_one_level():
    gold = (doc("a", fact("RU-TAM")), doc("b", fact("RU-TAM")))
    assert evaluate(gold, gold).scores.specificity_kappa == 1.0


def test_document_specificity_is_the_highest_fact_level():
    gold = (doc("a", fact("RU-TAM", specificity="shallow"), fact("RU-TAM", specificity="detailed"),
                fact("RU-TAM", specificity="formal")),)
    assert evaluate(gold, gold).documents[0].gold_specificity == "detailed"


def test_city_parties_are_ignored_on_both_sides():
    gold = (doc("A", fact("RU-KLU", "BY", "city:ru:kaluga", direction="cross_border"), author="RU-KLU"),)
    pred = (doc("A", fact("RU-KLU", "BY", "city:by:minsk", direction="cross_border"), author="RU-KLU"),)
    result = evaluate(gold, pred)
    assert result.documents[0].pairs.gold == {("BY", "RU-KLU")}
    assert result.scores.pairs.f1 == 1.0 and result.scores.partners.f1 == 1.0


def test_implied_parties_are_ignored():
    # gold lists implied parties only under "implied"; pred lists them under both keys
    gold = (doc("A", fact("RU-TAM", "BY", implied=["RU-VOR", "RU-LIP"]), author="RU-TAM"),)
    pred = (doc("A", fact("RU-TAM", "BY", "RU-VOR", "RU-LIP", implied=["RU-VOR", "RU-LIP"]),
                fact("RU-TAM", "RU-BEL", implied=["RU-BEL"]), author="RU-TAM"),)
    result = evaluate(gold, pred)
    assert result.documents[0].pairs.pred == {("BY", "RU-TAM")}
    assert result.scores.pairs.f1 == 1.0 and result.scores.partners.f1 == 1.0


def test_missing_and_unexpected_documents():
    # gold A {BY-TAM}, B {BY-KLU}; pred has A right, lacks B, adds Z
    gold = (doc("A", fact("RU-TAM", "BY")), doc("B", fact("RU-KLU", "BY")))
    pred = (doc("A", fact("RU-TAM", "BY")), doc("Z", fact("RU-SPE", "FI")))
    result = evaluate(gold, pred)
    assert result.missing_documents == ("B",) and result.unexpected_documents == ("Z",)
    c = result.scores.pairs
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)  # B scored as empty, Z not scored
    assert (c.precision, c.recall) == (1.0, 0.5)
    assert result.scores.specificity_accuracy == 0.5  # B: formal vs none
    assert [d.document for d in result.documents_with_errors] == ["B"]
    assert (result.tallies.missing, result.tallies.unexpected) == (1, 1)


def test_failed_prediction_is_scored_and_listed():
    gold = (doc("A", fact("RU-TAM", "BY")),)
    pred = (doc("A", error="cannot read PDF"),)
    result = evaluate(gold, pred)
    assert result.tallies.failed == 1 and result.scores.pairs.recall == 0.0
    assert "cannot read PDF" in render_table(result)


def test_subset_restricts_both_sides():
    gold = GOLD
    held_out = evaluate(gold, PRED, documents={"B"})
    alone = evaluate(GOLD[1:2], PRED[1:2])
    assert held_out.to_json() == alone.to_json()
    assert held_out.unexpected_documents == ()


def test_subset_rejects_unknown_keys_and_plain_strings():
    with pytest.raises(CoopatlasError, match="not in gold: Q"):
        evaluate(GOLD, PRED, documents=["A", "Q"])
    with pytest.raises(TypeError):
        evaluate(GOLD, PRED, documents="A")


def test_repeated_documents_are_rejected():
    with pytest.raises(CoopatlasError, match="predictions: documents appear more than once: A"):
        evaluate(GOLD, PRED + (doc("A"),))


def test_empty_gold():
    result = evaluate((), ())
    assert result.scores.pairs.f1 == 1.0
    assert result.scores.specificity_accuracy is None and result.scores.specificity_kappa is None
    assert "n/a" in render_table(result)


def test_to_json_is_serialisable(report):
    data = json.loads(json.dumps(report.to_json()))
    assert data["scores"]["pairs"]["precision"] == 0.5
    assert data["scores"]["spheres"]["per_sphere"]["culture"]["support"] == 1
    assert data["scores"]["specificity"]["accuracy"] == pytest.approx(1 / 3)
    assert data["documents"][0]["pairs"]["missed"] == [["BY", "KZ"], ["KZ", "RU-TAM"]]
    assert data["documents"][2]["specificity"] == {"gold": None, "pred": "shallow", "correct": False}
    assert data["counts"]["documents"] == 3


def test_render_table(report):
    text = render_table(report)
    assert "\x1b" not in text
    for expected in ("pairs", "partners", "kappa", "governance_security", "Per-document errors",
                     "missed pairs", "BY–KZ", "gold formal vs pred shallow"):
        assert expected in text
    assert text.index("Spheres") < text.index("Per-document errors")


def test_render_table_without_errors_has_no_error_section():
    assert "Per-document errors" not in render_table(evaluate(GOLD, GOLD))
