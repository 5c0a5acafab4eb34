"""The only module that imports pymorphy3: inflected forms of names, for building the gazetteer.

Rules (see ../shared/NLP-NOTES.md): inflect the words up to and including the first noun and keep
the tail fixed ("Республикой Татарстан"); inflect each dash segment on its own; read non-final
words as adjectives or participles; keep the gender of the head when inflecting.
"""
from __future__ import annotations

import re
from functools import cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2", "gen2")
NUMBERS = ("sing", "plur")
_WORD = re.compile(r"[А-Яа-яЁё]+")
_ADJ_POS = {"ADJF", "PRTF"}


@cache
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def name_forms(name: str) -> frozenset[str]:
    """Every case and number of a Russian name, as written (case kept, dashes kept)."""
    segments = re.split(r"(\s+[-–—]\s+|\s*[–—]\s*)", name)
    per_segment = [_segment_forms(seg) if i % 2 == 0 else None for i, seg in enumerate(segments)]
    forms = set()
    for grammeme in _all_grammemes():
        forms.add("".join(seg if alts is None else alts.get(grammeme, seg)
                          for seg, alts in zip(segments, per_segment)))
    return frozenset(forms)


def adjective_forms(lemma: str) -> frozenset[str]:
    """All full forms (genders, numbers, cases) of an adjective given in any form; in a hyphenated
    adjective ("Баян-Улгийский") only the last part inflects."""
    if "-" in lemma:
        head, last = lemma.rsplit("-", 1)
        return frozenset(f"{head}-{form}" for form in adjective_forms(last))
    parse = _adjective_parse(lemma)
    if parse is None:
        return frozenset({lemma})
    return frozenset(f.word for f in parse.lexeme if f.tag.POS == "ADJF" and "Cmp2" not in f.tag
                     and "Supr" not in f.tag)


def _all_grammemes():
    return [(case, number) for case in CASES for number in NUMBERS]


def _segment_forms(segment: str) -> dict:
    """Map (case, number) → the inflected segment; words after the first noun stay fixed.

    In a hyphenated word ("Ханты-Мансийский", "Санкт-Петербург") only the last part inflects.
    """
    words = segment.split(" ")
    heads = [w.rsplit("-", 1) for w in words]
    stems = [h[0] + "-" if len(h) == 2 else "" for h in heads]
    lasts = [h[-1] for h in heads]
    parses, head_index = _choose_parses(lasts)
    if head_index is None:
        return {}
    animacy = "anim" if "anim" in parses[-1].tag else "inan"
    out = {}
    for case, number in _all_grammemes():
        inflected = []
        for i, parse in enumerate(parses):
            needs_animacy = case == "accs" and i < head_index and (number == "plur" or "masc" in parse.tag)
            extra = {animacy} if needs_animacy else set()
            form = _inflect(parse, case, number, extra)
            inflected.append(stems[i] + (_copy_case(lasts[i], form) if form else lasts[i]))
        out[(case, number)] = " ".join(inflected + words[head_index + 1:])
    return out


def _choose_parses(words):
    """Parses for the words up to the first noun, or (…, None) when nothing can be inflected."""
    parses = []
    for i, word in enumerate(words):
        if not _WORD.fullmatch(word) or _is_abbreviation(word):
            return parses, None
        candidates = analyzer().parse(word)
        noun = next((p for p in candidates if p.tag.POS == "NOUN" and "nomn" in p.tag), None)
        adj = next((p for p in candidates if p.tag.POS in _ADJ_POS and "nomn" in p.tag), None)
        if noun and (adj is None or i == len(words) - 1 or _is_final_noun_better(word, noun, adj)):
            return parses + [noun], i
        if adj is None:
            return parses, None
        parses.append(adj)
    return parses, None  # adjectives only (e.g. a name ending in an adjective): not inflected here


def _is_final_noun_better(word, noun, adj) -> bool:
    return noun.score > adj.score and word[0].isupper() is False


def _inflect(parse, case, number, extra=frozenset()):
    wanted = {case, number} | set(extra)
    if case in ("loc2", "gen2") and parse.inflect(wanted) is None:
        wanted = {"loct" if case == "loc2" else "gent", number}
    if number == "plur" and "Sgtm" in parse.tag:
        return None
    form = parse.inflect(wanted) or parse.inflect(wanted - set(extra))
    return form.word if form else None


def _copy_case(original: str, form: str) -> str:
    if original.isupper():
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _adjective_parse(word: str):
    return next((p for p in analyzer().parse(word.lower()) if p.tag.POS == "ADJF"), None)
