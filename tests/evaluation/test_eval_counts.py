from coopatlas.evaluation import Counts


def test_both_empty_is_perfect():
    c = Counts.of(set(), set())
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


def test_only_prediction_empty_scores_zero():
    c = Counts.of({"a"}, set())
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


def test_only_gold_empty_scores_zero():
    c = Counts.of(set(), {"a"})
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


def test_hand_worked_counts():
    c = Counts.of({"a", "b", "c", "d"}, {"a", "b", "x"})
    assert (c.tp, c.fp, c.fn) == (2, 1, 2)
    assert c.precision == 2 / 3 and c.recall == 1 / 2
    assert abs(c.f1 - 2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2)) < 1e-12  # = 4/7


def test_counts_add_up():
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)
