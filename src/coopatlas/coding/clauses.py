"""The shape of one sentence that names several partners: who is its subject, and which words go with
which partner.

- Parallel clauses: "С Минской областью подписан план мероприятий, с Гродненской — обсуждены
  перспективы": each partner opens a clause of its own ("…, с Y …"), and what the clause says is what
  was done with that partner. A clause without a status word of its own shares the words before the first
  partner ("Область подписала соглашение с X о …, а с Y — дорожную карту …"), or, when the status word
  is in the first clause ("Соглашение с X подписано в 2018 году, с Y – в 2019"), the first clause up
  to that word.
- Other regions as the subject: "Губернаторы Нижегородской и Владимирской областей подписали
  соглашение" on a third region's portal: the two named regions signed it; the author is not a party.

Both are pure functions over offsets, mentions and cue hits (docs/coding-decisions.md, 32-33).
"""
from __future__ import annotations

import re
from typing import Sequence

from coopatlas.model import Mention

__all__ = ["parallel_clauses", "parenthesised_content", "others_as_subject"]

# what stands between a clause boundary and the partner that opens the clause: ", а с ", "; с ", " — с ",
# "; talks with ", with at most eight words (no comma) before the preposition ("; a similar document
# with", ", подписаны планы мероприятий на 2023–2025 годы с", "; переговоры с") and four words after it ("с
# правительством", "with the Chinese province of")
_CLAUSE_OPENING = re.compile(
    r"(?:[,;]|\s[—–-])\s*(?:(?:а\s+также|а|но|и|тогда\s+как|в\s+то\s+время\s+как|and|but|while|whereas)\s+)?(?:[^\s,;]+\s+){0,8}?(?:со?|with)\s+"
    r"(?:[\w-]+\s+){0,4}$")
_CONTRAST = re.compile(r"(?i)\b(?:а|но|тогда\s+как|в\s+то\s+время\s+как|but|while|whereas)\s")
_OPENING_REACH = 90  # characters before a partner's name that _CLAUSE_OPENING reads
# status-like cue kinds: a clause that has one says itself what happened with its partner
_OWN_PREDICATE = frozenset({"status", "meeting", "negation"})


def parallel_clauses(text: str, start: int, end: int, inside: Sequence[Mention], partners, hits
                     ) -> dict[str, tuple[tuple[int, int], ...]] | None:
    """For a passage whose partners each open a clause of their own: partner -> the spans that speak of
    it (its clause, and the passage's head before the first partner when the clause has no predicate of
    its own). None when the passage has no such shape: a plain list ("с Тульской, Брянской и Смоленской
    областями", or "с X, с Y и с Z" with nothing between the names) keeps one content for all. The
    clauses are read at each partner's first name, or else at its last ("signed agreements with A and B;
    the one with A covers …, while the one with B …")."""
    ordered_mentions = sorted((m for m in inside if m.party in partners), key=lambda m: m.start)
    return (_clauses_at(text, start, end, _first_of_each(ordered_mentions), hits)
            or _clauses_at(text, start, end, _first_of_each(ordered_mentions[::-1]), hits))


def _first_of_each(mentions: Sequence[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.party, m)
    return out


def _clauses_at(text: str, start: int, end: int, chosen: dict[str, Mention], hits):
    first_of = {p: m.start for p, m in chosen.items()}
    if len(first_of) < 2:
        return None
    ordered = sorted(first_of, key=first_of.get)
    openings = [first_of[ordered[0]]]
    contrasted = [False]
    clause_of = {ordered[0]: 0}
    for previous, party in zip(ordered, ordered[1:]):
        # the opening lies between the previous partner's name and this one
        before = text[max(start, chosen[previous].end, first_of[party] - _OPENING_REACH):first_of[party]]
        found = _CLAUSE_OPENING.search(before)
        if found:
            openings.append(first_of[party] - len(before) + found.start())
            contrasted.append(bool(_CONTRAST.search(found.group(0))))
        clause_of[party] = len(openings) - 1
    if len(openings) < 2:
        return None
    bounds = list(zip(openings, openings[1:] + [end]))
    # every clause after the first must say something of its own, or the names are a list ("с X, с Y и
    # с Z о сотрудничестве"); a contrast ("whereas the one with B has remained declaratory") says it too
    for (s, e), contrast in zip(bounds[1:], contrasted[1:]):
        if not contrast and not any(s <= h.start < e for h in hits):
            return None
    head = (start, bounds[0][0])
    has_predicate = [any(s <= h.start < e and h.cue.kind in _OWN_PREDICATE for h in hits) for s, e in bounds]
    head_has_predicate = any(head[0] <= h.start < head[1] and h.cue.kind in _OWN_PREDICATE for h in hits)
    out = {}
    for party, i in clause_of.items():
        s, e = bounds[i]
        if i == 0:
            out[party] = ((start, e),)
        elif has_predicate[i]:
            out[party] = ((s, e),)
        elif has_predicate[0] and not head_has_predicate:
            # the status word is in the first clause: "С X подписан план …, с Y — соглашение о …",
            # "Соглашение с X подписано в 2018 году, с Y – в 2019 году": it lends up to that word only
            predicate_end = max(h.end for h in hits if bounds[0][0] <= h.start < bounds[0][1]
                                and h.cue.kind in _OWN_PREDICATE)
            out[party] = ((start, predicate_end), (s, e))
        else:  # the head is shared: "Область подписала соглашение с X …, а с Y — …", "Сотрудничество с X …"
            out[party] = (head, (s, e))
    return out


_PARENTHESIS = re.compile(r"\s*\(([^()]{1,200})\)")


def parenthesised_content(text: str, start: int, end: int, inside: Sequence[Mention], partners, hits
                          ) -> dict[str, tuple[tuple[int, int], ...]] | None:
    """"Республика Беларусь (машиностроение, АПК) и Республика Казахстан (транспорт)": when every partner
    is followed by a parenthesis that holds a cue, each partner's spans are the passage up to the first
    partner and its own parenthesis. None otherwise."""
    first: dict[str, Mention] = {}
    for m in sorted(inside, key=lambda m: m.start):
        if m.party in partners:
            first.setdefault(m.party, m)
    if len(first) < 2:
        return None
    head = (start, min(m.start for m in first.values()))
    out = {}
    for party, m in first.items():
        found = _PARENTHESIS.match(text, m.end)
        if not found or found.end() > end or not any(found.start(1) <= h.start < found.end(1) for h in hits):
            return None
        out[party] = (head, (m.start, found.end()))
    return out


# "… действует у Еврейской автономной области": the territory that has the body or the tie
_HOLDER_BEFORE = re.compile(r"(?:^|\s)у\s+$")
# "Губернаторы X и Y", "Правительства X и Y", "the governments of X and Y": the named regions act
_ACTORS_BEFORE = re.compile(
    r"(?:[Гг]убернатор\w*|[Гг]лав[аы]|[Пп]равительств[аом]\w*|[Рр]уководител\w+|[Пп]редставител\w+|"
    r"[Аа]дминистраци[ия]|[Gg]overnors?\s+of|[Gg]overnments?\s+of|[Hh]eads?\s+of|[Rr]epresentatives\s+of)"
    r"(?:\s+(?:the\s+)?[\w-]+){0,2}?\s*$")
# "X и Y подписали", "X and Y signed": a plural verb right after the list
_PLURAL_VERB_AFTER = re.compile(
    r"^\s*(?:[а-яё-]+\s+){0,2}?(?:подписали|заключили|договорились|утвердили|создали|учредили|"
    r"signed|agreed|concluded|set\s+up)\b")
# "соглашения … с Правительством Москвы, Республикой Татарстан": the actor word is the partner's, after "с"
_WITH_BEFORE = re.compile(r"(?:^|\s)(?:с|со|with|and\s+with|и\s+с)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"^\s*(?:,|и|and|,\s*и|,\s*and)\s*(?:[а-яёa-z-]+\s+){0,1}$")
# "an agreement between the Government of X and Y": the agreement names all its parties
_AGREEMENT_BETWEEN_BEFORE = re.compile(
    r"(?i)(?:agreement|memorandum|соглашени\w*|меморандум\w*|договор\w*)\s+(?:between|между)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$")


def _between_others(text: str, named) -> bool:
    """The passage's first names are two or more other territories listed right after "agreement between"."""
    if len(named) < 2 or len({m.party for m in named[:2]}) < 2:
        return False
    if not _LIST_GLUE.match(text[named[0].end:named[1].start]):
        return False
    return bool(_AGREEMENT_BETWEEN_BEFORE.search(text[max(0, named[0].start - 60):named[0].start]))


# what may stand before a subject at the start of a sentence ("Separately, the", "В 2021 году", "Правительство")
_SUBJECT_LEAD = re.compile(r"(?:(?:[A-ZА-ЯЁ][\w-]*|[a-zа-яё-]+|\d{4}|,)\s*){0,4}$")
_WITH_THEN_NAME = re.compile(r"[^.;:!?]{0,120}?(?:^|\s)(?:с|со|with)\s+(?:[\w'’-]+\s+){0,3}$")
# "В Тульской области", "Its participation in the …", "of Kaluga": the name is not the subject
_PREPOSITION_BEFORE = re.compile(r"(?i)(?:^|\s)(?:в|во|на|из|для|по|к|от|у|о|об|при|in|at|of|from|for|to|by|its|their|"
                                 r"его|её|ее|их)\s+(?:the\s+)?$")
_FIRST_PERSON = re.compile(r"(?i)(?<![\w-])(?:мы|нас|нам|нами|наш\w*|we|our|us)(?![\w-])")


def _one_other_as_subject(text: str, named) -> bool:
    """The passage's sentence starts with one other territory as its subject and names its partner after
    "с"/"with" ("the Moscow Region government has had an agreement with Vietnam's Binh Duong Province" in a
    Moscow city release): they are the parties, the author only reports it (decision 87)."""
    if len(named) < 2 or named[0].party == named[1].party or named[0].party.startswith(("org:", "assoc:", "euroregion:")):
        return False
    first, second = named[0], next(m for m in named if m.party != named[0].party)
    reach = max(0, first.start - 61)  # the cheap tests first: the lead is short, the partner near
    sentence_start = max(text.rfind(". ", reach, first.start) + 2, text.rfind("\n", reach, first.start) + 1, reach)
    lead = text[sentence_start:first.start]
    if sentence_start == reach and reach > 0 or second.start - first.end > 160:
        return False
    if _WITH_BEFORE.search(lead) or _PREPOSITION_BEFORE.search(lead) or not _SUBJECT_LEAD.fullmatch(lead):
        return False
    between = text[first.end:second.start]
    return bool(_WITH_THEN_NAME.fullmatch(between)) and not _FIRST_PERSON.search(text, sentence_start, second.end)


# a cheap first look: no actor word and no plural verb near the names, no subject list
_SUBJECT_WORD = re.compile(r"(?i)губернатор|глав[аы]|правительств|руководител|представител|администраци|"
                           r"подписали|заключили|договорились|утвердили|создали|учредили|governor|government|"
                           r"heads?\b|representatives|signed|agreed|concluded|set\s+up")


def others_as_subject(text: str, inside: Sequence[Mention], partners, author) -> bool:
    """True when the passage's subject is a list of two or more territories without the author
    ("Губернаторы Нижегородской и Владимирской областей подписали …"): they are the parties, the
    author only reports it. The author named anywhere in the passage keeps it in."""
    if author is None:
        return False
    named = sorted((m for m in inside if m.party in partners), key=lambda m: m.start)
    if _between_others(text, named):
        return True  # "hosted the signing of an agreement between Kurgan Region and Sverdlovsk Region"
    if len({m.party for m in named}) >= 2 and any(_HOLDER_BEFORE.search(text, max(0, m.start - 4), m.start)
                                                  for m in named) and not any(m.party == author for m in inside):
        return True  # "Похожая рабочая группа с провинцией Хэйлунцзян действует у Еврейской автономной области"
    if any(m.party == author for m in inside):
        return False
    if _one_other_as_subject(text, named):
        return True  # "Тульская область подписала соглашение с Орловской областью" in another region's text
    if len(named) < 2 or not _SUBJECT_WORD.search(text, max(0, named[0].start - 60), named[-1].end + 60):
        return False
    for i, first in enumerate(named):
        run = [first]
        for m in named[i + 1:]:
            if not _LIST_GLUE.match(text[run[-1].end:m.start]):
                break
            run.append(m)
        if len({m.party for m in run}) < 2:
            continue
        before = text[max(0, first.start - 60):first.start]
        after = text[run[-1].end:run[-1].end + 60]
        actors = _ACTORS_BEFORE.search(before)
        if (actors and not _WITH_BEFORE.search(before, 0, actors.start())) or _PLURAL_VERB_AFTER.match(after):
            return True
    return False
