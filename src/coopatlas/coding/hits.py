"""Which cue hits hold in a passage: status words that only report a meeting ("состоялась встреча",
"Talks … continued"), status words under a negation, after a modal ("будет открыт") or about a draft
("проект соглашения согласован"). Pure functions over cue hits and the text (docs/coding-decisions.md 28, 40,
47, 51, 55, 59, 68).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple, Sequence

from coopatlas.coding.cues import Cue


class CueHit(NamedTuple):
    """A cue found at [start, end) of the original text. A NamedTuple, not a frozen dataclass: tens of
    thousands are made per megabyte, and a NamedTuple is built 2.4x faster (benchmarks/README.md)."""

    cue: Cue
    start: int
    end: int


def as_plan(h: CueHit, why: str) -> CueHit:
    """The status hit read as a plan (`intended`), its text saying why ("подписано (negated)")."""
    return CueHit(Cue("status", "intended", h.cue.lang, f"{h.cue.text} ({why})"), h.start, h.end)


_MEETING_REACH = 40  # characters between a meeting word and the verb that reports the meeting


_NEGATION_REACH = 25  # characters between a negation and the status word it cancels
_NEGATION_AFTER_REACH = 12  # characters between a status word and a negation after it ("подписан не был")


def without_meeting_words(hits: Sequence[CueHit], text: str | None = None) -> list[CueHit]:
    """Drop status words that report a meeting itself ("состоялась встреча", "провёл переговоры"),
    and status words under a negation ("документ не подписан", "no document was signed")."""
    negations = [h.end for h in hits if h.cue.kind == "negation" and h.cue.value == "negation"]
    after = [h.start for h in hits if h.cue.kind == "negation" and h.cue.value == "after"]
    if negations or after:
        # a status word under a negation does not hold; what is left is a plan ("соглашение пока не
        # подписано: стороны продолжают согласование" is intended, not in force)
        # a negation reaches the first status word after it only ("was never implemented and lapsed in
        # 2016": it lapsed)
        statuses = sorted(h.start for h in hits if h.cue.kind == "status")
        first_after = {statuses[i] for n in negations if (i := bisect_left(statuses, n)) < len(statuses)}
        hits = [as_plan(h, "negated")
                if h.cue.kind == "status" and h.cue.value != "intended" and (
                    (h.start in first_after and any(0 <= h.start - n <= _NEGATION_REACH for n in negations))
                    or any(0 <= a - h.end <= _NEGATION_AFTER_REACH for a in after)) else h
                for h in hits]
        # "produced no agreement", "report almost no cross-border projects": the cue is denied
        denied = [h.end for h in hits if h.cue.kind == "negation" and h.cue.text.lower() == "no"]
        hits = [h for h in hits if not (h.cue.kind == "coop" and any(0 <= h.start - n <= 1 for n in denied))]
    meetings = [h.start for h in hits if h.cue.kind == "meeting"]
    if not meetings:
        return list(hits)
    return [h for h in hits if not (h.cue.kind == "status" and h.cue.value == "implemented"
                                    and any(abs(h.start - m) <= _MEETING_REACH
                                            or _meeting_is_subject(text, m, h.start)
                                            or _meeting_is_object(text, h, m) for m in meetings))]


_CLAUSE_BREAK = re.compile(r"[,;:.!?]")


_CONDUCT = ("провел", "провела", "провели", "провело", "held", "hold")


def _meeting_is_object(text: str | None, status: CueHit, meeting: int) -> bool:
    """"провели на полях форума «Технопром-2023» переговоры": the verb conducts the talks (no comma between)."""
    return text is not None and status.cue.text.lower().startswith(_CONDUCT) and 0 < meeting - status.end <= 100 \
        and not _CLAUSE_BREAK.search(text, status.end, meeting)


def _meeting_is_subject(text: str | None, meeting: int, status: int) -> bool:
    """"Talks with the Government of Shandong Province (China) on Arctic shipbuilding continued": the
    meeting word opens the clause whose verb the status word is (no comma between, 150 characters at most)."""
    return text is not None and 0 < status - meeting <= 150 and not _CLAUSE_BREAK.search(text, meeting, status)


_MODAL_REACH = 25  # characters between a modal ("будет", "will be") and the status word it turns into a plan


def under_modals(hits: Sequence[CueHit]) -> list[CueHit]:
    """"будет открыт", "will be signed", "is expected to be signed": a status word right after a modal
    reports a plan, so it counts as intended (the modal's row in status.tsv says so)."""
    modal_ends = [h.end for h in hits if h.cue.kind == "modal"]
    if not modal_ends:
        return list(hits)
    out = []
    for h in hits:
        if h.cue.kind == "status" and h.cue.value != "intended" and any(0 <= h.start - m <= _MODAL_REACH
                                                                           for m in modal_ends):
            h = as_plan(h, "after a modal")
        out.append(h)
    return out


_DRAFT_REACH = 150  # characters between "проект соглашения" and the status word that reports on the draft


def drafts_not_in_force(hits: Sequence[CueHit], text: str) -> list[CueHit]:
    """"Проект соглашения с X согласован и направлен на подпись", "the draft memorandum was approved":
    what was agreed is the draft; the instrument is not signed yet, so an agreed-level word later in
    the same sentence counts as intended (decision 51). Signing ("подписан") is not touched."""
    drafts = [h.end for h in hits if h.cue.kind == "draft"]
    if not drafts:
        return list(hits)
    out = []
    for h in hits:
        if h.cue.kind == "status" and h.cue.value == "agreed" and not h.cue.text.lower().startswith(SIGNING) \
                and any(0 <= h.start - d <= _DRAFT_REACH and not _SENTENCE_END.search(text, d, h.start)
                        for d in drafts):
            h = as_plan(h, "a draft")
        out.append(h)
    return out


SIGNING = ("подпис", "sign")
_SENTENCE_END = re.compile(r"[.!?]\s")


def without_later_talks(hits: Sequence[CueHit], text: str | None) -> Sequence[CueHit]:
    """Meeting words in a clause after a semicolon that follows the cooperation ("hopes to sign an
    agreement with X; the draft is still being discussed") report talks about it, not the passage."""
    coop = [h.end for h in hits if h.cue.kind in ("coop", "coop_named")]
    if text is None or not coop or not any(h.cue.kind == "meeting" for h in hits):
        return hits
    first = min(coop)
    return [h for h in hits if not (h.cue.kind == "meeting" and ";" in text[first:h.start])]


_ACTING_TOGETHER = frozenset({"совместно с", "вместе с", "together with", "jointly with"})
_STANDING_BODY = frozenset({"brings together", "объединяет", "объединяющ"})  # a body and its members (decision 101)
# "на заседании … председательство перешло к Псковской области": who chairs the body is its members' affair, not
# the meeting alone (decision 103)
CHAIR = frozenset({"председательств", "председателем совет", "избран председател"})


def only_a_meeting(hits: Sequence[CueHit]) -> bool:
    """A meeting or visit that reports nothing agreed, done or ended, nor talks towards an instrument
    ("переговоры … о заключении соглашения", cue kind `step`)."""
    if not any(h.cue.kind == "meeting" for h in hits):
        return False
    if any(h.cue.kind == "joint" and h.cue.text in _ACTING_TOGETHER for h in hits):
        return False  # "по итогам заседания X совместно с Y предложила создать центр": they act together
    if any(h.cue.kind == "joint" and h.cue.text in _STANDING_BODY or h.cue.text in CHAIR for h in hits):
        return False  # "The Council … brings together A, B and C. Its members host the sessions in turn": a body
    return not any(h.cue.kind == "status" and h.cue.value != "intended" or h.cue.kind in ("mechanism", "step")
                   for h in hits)


# the cell of an action plan's row that names who is responsible ("| Министерство экономического развития и
# промышленности |"): the body's name says nothing of the measure's sphere (decision 82)
_BODY_CELL = re.compile(r"\s*(?:Министерств|Минист|Департамент|Комитет|Управлени|Агентств|Администраци|Правительств|"
                        r"Ministry|Department|Committee|Agency|Office)")


def without_responsible_bodies(hits: Sequence[CueHit], text: str | None) -> Sequence[CueHit]:
    """Sphere cues inside a table cell that starts with a body's name ("Министерство …") are dropped."""
    if text is None or not any(h.cue.kind == "sphere" for h in hits):
        return hits
    out = []
    for h in hits:
        if h.cue.kind == "sphere":
            line_start = text.rfind("\n", 0, h.start) + 1
            cell_start = text.rfind("|", line_start, h.start)
            if cell_start != -1 and _BODY_CELL.match(text, cell_start + 1):
                continue
        out.append(h)
    return out


# "Пункт 3 статьи 4 Соглашения признать утратившим силу": a clause of the agreement ends, not the agreement
_CLAUSE_BEFORE = re.compile(r"(?i)(?:пункт|подпункт|абзац|стать[юяи]|раздел|приложени)\w*\s[^.;:]{0,60}$")


def without_ended_clauses(hits: Sequence[CueHit], text: str | None) -> Sequence[CueHit]:
    """An ending word whose subject is a clause, article or annex of the agreement is dropped (decision 97)."""
    if text is None or not any(h.cue.kind == "status" and h.cue.value == "terminated" for h in hits):
        return hits
    return [h for h in hits if not (h.cue.kind == "status" and h.cue.value == "terminated"
                                    and _CLAUSE_BEFORE.search(text, max(0, h.start - 80), h.start))]


def holding(hits: Sequence[CueHit], text: str) -> Sequence[CueHit]:
    """The cue hits of a fact's evidence that hold, in the order the filters must run: meeting words and
    negations, modals, drafts, then the responsible body's cell and ended clauses."""
    hits = drafts_not_in_force(under_modals(without_meeting_words(hits, text)), text)
    return without_ended_clauses(without_responsible_bodies(hits, text), text)
