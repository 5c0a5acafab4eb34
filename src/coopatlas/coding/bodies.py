"""Which body a passage means when it does not name it: "the association", "в неё", "it", "членами
регионального совета", "в её рамках" point back to an association, organisation or euroregion named before
(docs/coding-decisions.md 71, 80, 92, 94, 95). Pure functions over the text, the passage's cue hits and the
bodies named in the document.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

ITS_FRAMEWORK = frozenset({"в её рамках", "в ее рамках", "в его рамках", "в их рамках", "within its framework",
                            "within the association", "по итогам заседания"})


_AGREEMENT_NOUN = re.compile(r"(?i)соглашени|договор|меморандум|протокол|agreement|memorandum|treaty")


def agreement_named_before_its(text: str | None, hits, start: int) -> bool:
    """"Соглашение с Республикой Тыва … пролонгировано; в его рамках ведётся …": "его" is the agreement the
    passage names before it, not the body of the fact before (decision 95)."""
    at = next((h.start for h in hits if h.cue.kind == "anaphora" and h.cue.text in ITS_FRAMEWORK), None)
    return text is not None and at is not None and _AGREEMENT_NOUN.search(text, start, at) is not None


# "The association has also acted as a party: it signed …", "Ассоциация подписала …": the association named last
_THE_ASSOCIATION = re.compile(r"(?:The\s+association|Ассоциация)\s+(?![«\"“A-ZА-ЯЁ(])|"
                              # "Кроме того, ассоциация подписала …": lower case inside a sentence, with its verb
                              r"(?<=\s)(?:ассоциация\s+(?:также\s+)?[а-яё]+ла|the\s+association\s+(?:also\s+|has\s+)*"
                              r"(?:signed|held|adopted|approved|launched|agreed))\b")
_CLAUSE_START = re.compile(r"(?:[.:;]\s+|\n\s*)$")
_ASSOCIATION_REACH = 1500  # characters back to the association that "the association" means


def the_association_before(text: str, start: int, end: int, mention_index, bodies=()) -> str | None:
    at = _THE_ASSOCIATION.search(text, start, end)
    if at is None or not (at.start() == start or text[at.start()].islower()
                          or _CLAUSE_START.search(text, max(start, at.start() - 3), at.start())):
        return None  # the subject of a sentence or clause, not "the association's council" inside one
    before = [m for m in mention_index.within(max(0, at.start() - _ASSOCIATION_REACH), at.start())
              if m.party.startswith("assoc:")]
    named = _last_before(bodies, at.start(), _ASSOCIATION_REACH, ("assoc:",))
    if named and (not before or named[0] > before[-1].start):
        return named[1]  # named outside the passages, nearer
    named_here = [m for m in mention_index.within(at.start(), end) if m.party.startswith("assoc:")]
    if named_here and any(m.start - at.end() < 3 for m in named_here):
        return None  # "Ассоциация «Большой Урал»": it is named right here
    return before[-1].party if before else None


# "… in it", "… of it": membership of the body named before (decision 92)
MEMBERSHIP_OF_IT = ("входит в нее", "входят в нее", "является ее членом", "являются ее членами", "вышла из нее",
                    "вышли из нее", "вышел из нее", "is a member of it", "are members of it", "joined it", "left it")
BODY_REACH = 600  # characters back to the body that "в неё", "it" means
CHAIR_REACH = 1500  # "председательствовала в Совете Ассоциации": a report names the body once, paragraphs before
# "членами регионального совета являлись …": a body by its common noun, named before (decision 94)
BODY_NOUN = re.compile(r"(?i)(?<![\w-])(?:совет\w*|ассоциаци\w*|еврорегион\w*|council|association|euroregion)(?![\w-])")


def body_named_before(start: int, bodies: Sequence[tuple[int, str]], reach: int = BODY_REACH) -> str | None:
    found = _last_before(bodies, start, reach)
    return found[1] if found else None


def _last_before(bodies: Sequence[tuple[int, str]], at: int, reach: int,
                 prefixes: tuple[str, ...] = ("assoc:", "org:", "euroregion:")) -> tuple[int, str] | None:
    """The last (offset, party) of `bodies` (sorted) before `at` and within `reach`, whose party has one of the
    prefixes."""
    i = bisect_left(bodies, (at, ""))
    while i and at - bodies[i - 1][0] <= reach:
        i -= 1
        if bodies[i][1].startswith(prefixes):
            return bodies[i]
    return None
