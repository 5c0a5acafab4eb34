from coopatlas.nlp.matcher import Matcher
from coopatlas.nlp.resolve import non_overlapping, resolve_spans


def _found(matcher, text):
    return [(text[h.start:h.end], h.payloads) for h in matcher.scan(text)]


def test_whole_patterns_need_word_boundaries_on_both_sides():
    m = Matcher([("того", "TG", False)])
    assert _found(m, "с того берега") == [("того", ("TG",))]
    assert _found(m, "котового") == []
    assert _found(m, "тогопа") == []


def test_prefix_patterns_may_continue_the_word():
    m = Matcher([("сотрудничеств", "coop", True)])
    assert _found(m, "развитие сотрудничества с") == [("сотрудничеств", ("coop",))]
    assert _found(m, "несотрудничество") == []


def test_stem_rows_match_every_word_as_a_stem():
    m = Matcher([("рабоч групп", "wg", True), ("в рамках соглашени", "frame", True)])
    assert _found(m, "создана рабочая группа") == [("рабочая группа", ("wg",))]
    assert _found(m, "заседание рабочей группы") == [("рабочей группы", ("wg",))]
    assert _found(m, "в рамках соглашения") == [("в рамках соглашения", ("frame",))]
    assert _found(m, "ав рамках соглашения") == []
    assert _found(m, "рабочий график") == []


def test_resolve_spans_prefers_longer_then_priority():
    cands = [("a", 0, 5, 1), ("b", 0, 10, 1), ("c", 8, 12, 5), ("d", 12, 14, 0), ("e", 12, 14, 2)]
    kept = resolve_spans(cands, span=lambda c: (c[1], c[2]), priority=lambda c: c[3])
    assert [c[0] for c in kept] == ["b", "e"]
    assert non_overlapping([(c[1], c[2]) for c in kept])
