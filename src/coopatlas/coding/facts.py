"""Assemble cooperation facts from passages, mentions and cues, then code them.

Assembly decisions (docs/coding-decisions.md): partners listed together are separate bilateral
relations unless the text makes the commitment joint; the author is the implied "we"; a passage
without a partner that refers back ("в рамках соглашения", "Стороны") joins the facts before it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Protocol, Sequence

from coopatlas.coding import rules
from coopatlas.coding.bodies import (BODY_NOUN, BODY_REACH, CHAIR_REACH, ITS_FRAMEWORK, MEMBERSHIP_OF_IT,
                                     agreement_named_before_its, body_named_before, the_association_before)
from coopatlas.coding.clauses import others_as_subject, parallel_clauses, parenthesised_content
from coopatlas.coding.cues import Cue
from coopatlas.coding.hits import CHAIR, CueHit, holding, only_a_meeting, without_later_talks, without_meeting_words
from coopatlas.coding.partners import CITY_TYPES, LIST_GLUE, party_attribute
from coopatlas.coding.partners import unique as _unique
from coopatlas.coding.programmes import separate_programmes, with_eu_programme, without_states_of_a_programme_name
from coopatlas.model import Arity, Direction, Evidence, Fact, Mention
from coopatlas.nlp.resolve import SpanIndex
from coopatlas.nlp.segment import blocks, sentences

FRAMEWORK_PREFIXES = ("assoc:", "org:", "euroregion:")
# anaphora cues (cues.tsv) that always point back at the agreement before: "strong" ones ("Стороны")
# within a passage; "frame" ones ("в его рамках", "в рамках программы") also start a passage of their own
STRONG = frozenset({"strong", "frame"})
FRAME = "frame"


class ReferenceLike(Protocol):
    def counts_as_domestic(self, party: str) -> bool: ...
    def expand_group(self, group: str, author: str | None = None, year: int | None = None) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Draft:
    partners: tuple[str, ...]
    with_author: bool
    implied: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    direction_hint: Direction | None = None
    how: str = ""

    def key(self):
        return (frozenset(self.partners), self.with_author, self.direction_hint if not self.partners else None)


# --- passages -----------------------------------------------------------------------------------

def find_passages(text: str, cue_hits: Sequence[CueHit], name_starts: Sequence[int] = (),
                  offset: Callable[[int], int] = lambda pos: pos,
                  partner_starts: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Sentences that hold a cooperation cue and are not a comparison ("уступает Тульской области"),
    each with the sentences right after it in its block that continue it: they refer back ("В него
    вошли …", "It commits …") or name no territory but the author (`partner_starts`, sorted, in the
    coordinates that `offset` maps text offsets to). A joint-body cue ("рабочая группа", kind `coop_named`) makes a
    passage only in a sentence that names a territory other than the author (`partner_starts`,
    default `name_starts`). razdel runs only on blocks that have a cue."""
    coop = sorted(h.start for h in cue_hits if h.cue.kind == "coop")
    named_cues = sorted(h.start for h in cue_hits if h.cue.kind == "coop_named")
    anchors = sorted(h.start for h in cue_hits if h.cue.kind == "anaphora" and h.cue.value == FRAME)
    # a comparison ("уступает Тульской области") or a sentence about cities' ties ("twinned with") is no
    # cooperation between the territories it names
    comparisons = sorted(h.start for h in cue_hits if h.cue.kind == "comparison" and not _OVER_TIME.match(text, h.end))
    federal = sorted(h.start for h in cue_hits if h.cue.kind == "not_regional")
    partner_starts = name_starts if partner_starts is None else partner_starts
    if not coop and not named_cues:
        return []
    any_cue = sorted(coop + named_cues + anchors)
    out: list[tuple[int, int]] = []
    i = 0
    open_end = False  # the last passage reached the end of its block: the next block may go on with it
    item_run = False  # the last block was an item joined to the passage before its list
    plan_rows = False  # the rows of a table under an action plan's title belong to the plan
    for b_start, b_end in blocks(text):
        while i < len(any_cue) and any_cue[i] < b_start:
            i += 1
        has_cues = i < len(any_cue) and any_cue[i] < b_end
        is_row = text.startswith("|", b_start)
        plan_rows = is_row and (plan_rows or (bool(out) and b_start - out[-1][1] < 400
                                              and _PLAN_TITLE.search(text, out[-1][0], out[-1][1]) is not None))
        if plan_rows and not has_cues:
            out.append((b_start, b_end))  # "| 5 | Организация поставок плодоовощной продукции … |"
            open_end = False
            continue
        if not has_cues and " | " in text[b_start:b_end] and in_agreements_table(text, b_start) \
                and _any_within(partner_starts, offset(b_start), offset(b_end)):
            out.append((b_start, b_end))  # "Волгоградская область | 2021 | агропромышленный комплекс | действует"
            open_end = False
            continue
        named_item = not has_cues and open_end and bool(out) and _next_item(text, b_start) \
            and _list_opened_by_colon(text, b_start) \
            and _any_within(partner_starts, offset(b_start), offset(b_end))
        # "Приоритетными партнёрами определены:\nа) …;\nв) Ямало-Ненецкий автономный округ — поддержка
        # оленеводства": an item of such a list that names a partner is a passage of its own
        has_cues = has_cues or named_item
        if not has_cues and not (open_end and out and (CONTINUATION.match(text, b_start) or _next_item(text, b_start))):
            open_end = False
            continue
        # a block that goes on with the passage before: no cue of its own, or an item of a list that
        # follows a colon ("Стороны содействуют:\nа) …;\nб) …") and names nothing (no capitalised word)
        item = has_cues and open_end and bool(out) and _next_item(text, b_start) \
            and not _CAPITAL_WORD.search(text, _LIST_ITEM.match(text, b_start).end(), b_end) \
            and (_last_char_before(text, b_start) == ":" or item_run)
        item_run = item
        current = out.pop() if not has_cues or item else None
        previous = None
        # a title set on several lines ("СОГЛАШЕНИЕ\nмежду Правительством X\nи Y\nо сотрудничестве") is one
        # sentence: its lines name the parties together
        titled = _TITLE_WORD.match(text, b_start) and "\n" in text[b_start:b_end].strip() \
            and is_heading(text, b_start, b_end)
        for s_start, s_end in ([(b_start, b_end)] if titled else sentences(text, b_start, b_end)):
            if item:  # "Стороны содействуют:\nа) установлению кооперационных связей …"
                current, item = (current[0], s_end), False
                previous = (s_start, s_end)
                continue
            names = _any_within(partner_starts, offset(s_start), offset(s_end))
            has_cue = _any_within(coop, s_start, s_end) or (
                _any_within(named_cues, s_start, s_end) and _any_within(partner_starts, offset(s_start), offset(s_end))) \
                or (_any_within(anchors, s_start, s_end) and _after_a_passage(out, current, s_start)) \
                or (named_item and names)
            compares = _any_within(comparisons, s_start, s_end) or _states_relation(
                text, federal, coop, partner_starts, offset, s_start, s_end)
            if has_cue and not compares and current and _ONE_OF_THEM.match(text, s_start):
                current = (current[0], s_end)  # "The one with Shaanxi has produced …": about the agreements before
            elif has_cue and not compares:
                if current:
                    out.append(current)
                elif previous and (BACK_REFERENCE.match(text, s_start) and not names or _BOTH.match(text, s_start)
                                   or not names and _NAME_LABEL.fullmatch(text, previous[0], previous[1])
                                   and _any_within(partner_starts, offset(previous[0]), offset(previous[1]))):
                    # "Стороны подписали …" names the parties of the sentence before; so does a label ("Kherson
                    # Region. An agreement signed in 2023 covers …", decision 124)
                    s_start = previous[0]
                elif previous and POSSESSIVE.match(text, s_start) \
                        and _any_within(partner_starts, offset(previous[0]), offset(previous[1])):
                    s_start = previous[0]  # "Bashkortostan is an exception. Its joint commission with …"
                current = (s_start, s_end)
            elif current and not compares and (CONTINUATION.match(text, s_start) or not names):
                current = (current[0], s_end)  # it goes on about the same cooperation
            elif current:
                out.append(current)
                current = None
            previous = (s_start, s_end)
        open_end = current is not None
        if current:
            out.append(current)
    return out


# a section heading that names whom the text below cooperates with: an optional number, at most three
# capitalised words ("Приграничное", "Economic"), a cooperation noun and "с"/"with"
SECTION_HEADING = re.compile(
    r"\W*(?:[\dIVX]+[.)]\s*)*(?:[А-ЯЁA-Z][\w-]*\s+){0,3}?(?:[Сс]отрудничество|[Вв]заимодействие|[Сс]вязи|"
    r"[Оо]тношения|[Cc]ooperation|[Rr]elations|[Tt]ies|[Pp]artnership)\s+(?:со?|with)\s")
ANCHOR_REACH = 1500  # characters from the end of a passage within which "в рамках соглашения" points back to it


# a passage whose subject is an institution, a city or a company (no territory named as a party)
_INSTITUTION_SUBJECT = re.compile(
    r"\W*(?:[\w-]+\s+){0,4}?(?:[Уу]ниверситет\w*|[Кк]омпани[яи]\w*|[Аа]дминистраци[ия]\s+город\w*|[Гг]ород[аов]*\s|"
    r"[Пп]редприяти[ея]|[Вв]уз\w*|[Кк]олледж\w*|[Uu]niversit(?:y|ies)|[Cc]ompan(?:y|ies)|[Tt]he\s+city\s+of|"
    r"[Ff]irms|[Cc]olleges)\b")
# a count of unnamed regions as the subject ("More than 80 Russian regions", "Более 40 субъектов РФ"): in an
# authorless text the territories named after it are only one side of many ties, not partners of one another
_UNNAMED_MANY = re.compile(r"(?i)(?<![\w-])(?:(?:more\s+than|over|about|nearly|almost|around|some|более|свыше|около|"
                           r"почти|порядка)\s+)?\d+\s+(?:российских\s+|russian\s+)?(?:regions|subjects|constituent|"
                           r"регион|субъект)")


def _unnamed_many_before(text: str, start: int, inside, partners) -> bool:
    first = min((m.start for m in inside if m.party in partners), default=start)
    return _UNNAMED_MANY.search(text, start, first) is not None


# an action plan or road map whose rows follow as a table
_PLAN_TITLE = re.compile(r"(?i)план\w*\s+(?:совместных\s+)?мероприятий|дорожн\w+\s+карт|action\s+plan|road\s*map")
_CAPITAL_WORD = re.compile(r"(?<![\w-])[А-ЯЁA-Z]")
_LIST_ITEM = re.compile(r"[ \t]*(?:\(?[а-яёa-z]\)|\([ivx]{1,4}\)|\d{1,2}[.)]|[–—•·*-])\s")


def _next_item(text: str, start: int) -> bool:
    """"а) …;\nб) …": a list item after a line that ends in ";", ":" or "," goes on with it."""
    return bool(_LIST_ITEM.match(text, start)) and _last_char_before(text, start) in (";", ":", ",")


def _items_follow(text: str, end: int) -> bool:
    """A list item starts on the line after `end`."""
    nl = text.find("\n", end)
    if nl == -1:
        return False
    start = nl + 1
    while start < len(text) and text[start] in " \t\n":
        start += 1
    return bool(_LIST_ITEM.match(text, start))


def _list_opened_by_colon(text: str, start: int, reach: int = 3000) -> bool:
    """Whether the list item at `start` belongs to a run of items whose opening line ends with ":" and
    speaks of partners ("приоритетными партнёрами определены:", "partner regions:")."""
    lines = text[max(0, start - reach):start].rstrip().split("\n")
    for line in reversed(lines):
        if not line.strip():
            continue
        if _LIST_ITEM.match(line):
            continue
        return line.rstrip().endswith(":") and bool(_PARTNERS_WORD.search(line))
    return False


_PARTNERS_WORD = re.compile(r"(?i)партн[её]р|partner")


def _last_char_before(text: str, start: int) -> str:
    """The last character before `start` that is not white space ("" at the start of the text)."""
    return text[max(0, start - 200):start].rstrip()[-1:]


def _after_a_passage(out, current, start: int) -> bool:
    """A sentence with a strong back-reference ("в его рамках", "в рамках программы") goes on with the
    cooperation before it, even under a new heading, when a passage ended shortly before."""
    last = current or (out[-1] if out else None)
    return last is not None and start - last[1] < ANCHOR_REACH


# a sentence that opens with a possessive: whose it is, the sentence before says
POSSESSIVE = re.compile(r"(?:Its|Their|Его|Её|Ее|Их)\s+(?!рамках|основе|итогам|реализации|выполнения|состав)")
BACK_REFERENCE = re.compile(r"(?:Стороны|Обе стороны|Регионы|Оба региона|Документ|Соглашение|The parties|"
                            r"Both sides|Both regions|The two regions|The document|The agreement)\b|"

                            # "В 2023 году регионы подписали …", "In 2023 the two regions signed …" (decision 102)
                            r"(?:В|In)\s+(?:19|20)\d\d(?:\s+году)?,?\s+(?:стороны|обе\s+стороны|регионы|оба\s+региона|"
                            r"the\s+parties|both\s+sides|both\s+regions|the\s+two\s+regions)\b")


# "… Buryatia and Zabaykalsky Krai were transferred … Both, however, remain members of the Siberian Accord": "both"
# as the subject means the two named in the sentence before, even when this sentence names a body (decision 112)
_BOTH = re.compile(r"(?:Both|Оба|Обе)(?=,|\s+(?:however|also|still|remain|are|have|were|также|остаются|являются|входят))")


_TITLE_WORD = re.compile(r"\W*(?:соглашени|договор|меморандум|протокол|agreement|memorandum|treaty|protocol)",
                         re.IGNORECASE)
AGREEMENT_TITLE = re.compile(r"\W*(?:Соглашени[ея]|Договор|Меморандум|Протокол|Agreement|Memorandum|Treaty|"
                             r"Protocol)\b")
AGREEMENT_BETWEEN = re.compile(r"(?:Соглашени[еяю]|СОГЛАШЕНИ[ЕЯЮ]|Договор[ау]?|ДОГОВОР|Меморандум[ау]?|МЕМОРАНДУМ|Agreement|"
                               r"AGREEMENT|Memorandum|MEMORANDUM)\s+(?:между|between)\b")
PARTIES_WORD = re.compile(r"(?<!\w)(?:Стороны|Сторон|Сторонам|Сторонами|Сторонах|Обе стороны|the Parties|The Parties|"
                          r"[Bb]oth Parties)(?!\w)")


# "сотрудничество с …", "cooperation with …": a cooperation word that names its partner next
_COOPERATION_WITH = re.compile(r"\w+(?:\s+\w+)?\s+(?:с|со|with)\s", re.IGNORECASE)


def _states_relation(text: str, federal: Sequence[int], coop: Sequence[int], partner_starts: Sequence[int],
                     offset: Callable[[int], int], start: int, end: int) -> bool:
    """The sentence is about the states' relation ("товарооборот между Россией и Узбекистаном"), unless
    the region's own cooperation with a named partner comes first and the states' relation only
    describes it ("сотрудничество с Республикой Армения в создании центра … для грузопотока между Россией
    и Арменией")."""
    for at in federal[bisect_left(federal, start):]:
        if at >= end:
            return False
        first = next((c for c in coop[bisect_left(coop, start):] if c < at
                      and _COOPERATION_WITH.match(text, c)), None)
        if first is None or not _any_within(partner_starts, offset(first), offset(at)) or at - first < 40:
            return True
    return False


def _any_within(sorted_positions: Sequence[int], start: int, end: int) -> bool:
    i = bisect_left(sorted_positions, start)
    return i < len(sorted_positions) and sorted_positions[i] < end


CONTINUATION = re.compile(
    r"(?:В\s+(?:него|нее|неё|нем|нём|них|их\s+числе|том\s+числе)|Он[аои]?|Их|Его|Её|Ее|Эт[оиа]|Этот|Данн\w+|"
    r"Документ\w*|Соглашени\w+|План\w*|Программ\w+|Среди\s+них|Кроме\s+того|Также|Средства|"
    r"Общий\s+объ[её]м|В\s+рамках\s+(?:соглашени|программ|договор|документ|меморандум|протокол)\w*|"
    r"В\s+(?:его|её|ее|их)\s+рамках|В\s+рамках\s+(?:этого|этих|данного|данных|указанного|указанных|него|неё|нее|них)|"
    r"(?:Для|В\s+целях)\s+(?:его|её|ее|их)\s+(?:реализации|выполнения)|(?:На|По)\s+(?:его|её|ее|их)\s+(?:основе|итогам)|"
    r"Under\s+(?:the|this|that|its)\s+(?:agreement|memorandum|programme|plan)|"
    r"Вместе\s+с\s+(?:ней|ним|ними)|В\s+(?:его|её|ее|их)\s+состав|(?:Членами|Участниками)\s+\w+\s+(?:являются|стали)|"
    r"Its\s+(?:members|other\s+members)|(?:Other\s+)?[Mm]embers\s+(?:include|are)|"
    r"It|They|This|These|The\s+(?:plan|agreement|document|programme|memorandum|parties)|Among\s+them|"
    r"The\s+(?:one|ones|former|latter)|Первое|Второе|Последнее)\b")


# "Kherson Region.", "Минск:": a sentence that is a name alone labels the paragraph it starts
_NAME_LABEL = re.compile(r"[A-ZА-ЯЁ][\w-]*(?:\s+[\w-]+){0,3}\s*[.:]")


_NTH_OF_THEM = re.compile(r"(?:С\s+(?P<first>первой|первым)|Со\s+(?P<second>второй|вторым)|С\s+(?P<last>последней|последним)|"
                          r"With\s+the\s+(?P<first_en>first)|With\s+the\s+(?P<second_en>second))(?:\s+из\s+них)?\b")


def _nth_of_them(text: str, start: int, count: int) -> int | None:
    """Which of the `count` facts just before a passage that opens "С первой …", "Со второй …" goes on about."""
    m = _NTH_OF_THEM.match(text, start)
    if m is None or count < 2:
        return None
    nth = 0 if m.group("first") or m.group("first_en") else 1 if m.group("second") or m.group("second_en") else count - 1
    return nth if nth < count else None


_ONE_OF_THEM = re.compile(r"(?:The\s+(?:one|former|latter)\s|Первое\s+из\s+них|Первое\s+соглашение|"
                          r"Второе\s+соглашение|"
                          # "Устойчивые связи сложились у X с A и B. С первой из них … подписано соглашение …; со
                          # второй …": the partners of the sentence before, taken in turn
                          r"С\s+(?:первой|первым|последней|последним)\s+из\s+них|Со\s+(?:второй|вторым)\s+из\s+них)")


# the caption or header of a table of agreements: "Таблица 8.1. Основные соглашения с субъектами РФ",
# "Субъект | Год подписания | …", "Partner | Agreement signed | …"
_AGREEMENTS_CAPTION = re.compile(r"(?i)(?:таблиц\w*|table)[^\n]{0,120}(?:соглашени|договор|меморандум|agreement|memorand)|"
                                 r"(?:соглашени|договор|agreement)\w*[^\n]{0,120}(?:таблиц|table)|год\s+подписания|"
                                 r"дата\s+подписания|year\s+signed|date\s+signed|date\s+of\s+signing")


# "Таблица 4.1. Перечень программ и проектов межрегионального и приграничного сотрудничества …": each row is a joint
# programme or project of the participants it lists (decision 109)
_PROGRAMMES_CAPTION = re.compile(r"(?i)(?:таблиц\w*|table|перечень|list)[^\n]{0,120}(?:программ|проект|programme|project)"
                                 r"[^\n]{0,120}(?:сотрудничеств|cooperation)")


_RULE_ROW = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?")  # "|---|---|": a Markdown table's rule under its header


def table_kind(text: str, start: int, reach: int = 2000) -> str | None:
    """"agreements" or "programmes" when the table row at `start` belongs to a table of agreements or of joint
    programmes and projects (its header rows or the line just above the table say so), else None."""
    lines = text[max(0, start - reach):start].rstrip("\n").split("\n")
    for line in reversed(lines):
        if _AGREEMENTS_CAPTION.search(line):
            return "agreements"
        if _PROGRAMMES_CAPTION.search(line):
            return "programmes"
        if " | " not in line and line.strip() and not _RULE_ROW.fullmatch(line.strip()):
            return None  # the line above the table did not say so either
    return None


def in_agreements_table(text: str, start: int, reach: int = 2000) -> bool:
    return table_kind(text, start, reach) is not None


def is_heading(text: str, start: int, end: int) -> bool:
    """A short line with no sentence-final punctuation: a title or a section heading; also a title
    set on up to four short lines ("ПЛАН МЕРОПРИЯТИЙ\nпо развитию межрегионального сотрудничества …")."""
    passage = text[start:end].strip()
    if " | " in passage or passage[-1:] in ".!?;:":
        return False
    lines = passage.split("\n")
    if len(lines) == 1:
        return len(passage) < 160
    return len(lines) <= 4 and all(len(line.strip()) < 160 and line.strip()[-1:] not in ".!?;:" for line in lines)


# --- assembly -----------------------------------------------------------------------------------

def assemble(passages: Sequence[tuple[int, int]], mentions: Sequence[Mention], cue_hits: Sequence[CueHit],
             *, author: str | None, ref: ReferenceLike, year: int | None = None, text: str | None = None,
             institutional: Sequence[Mention] = (), bodies: Sequence[tuple[int, str]] = ()) -> list[Draft]:
    """Drafts of facts from the passages. A passage that holds no cooperation cue, only a back-reference
    ("в рамках программы", "Стороны"), can only add to the facts just before it, never make one.
    `institutional` are names that only say whose institution it is ("Novosibirsk universities"): a passage
    whose other territories are such names speaks of institutions' ties: it makes no fact, and adds to the
    facts before it only when it says so ("в рамках соглашения")."""
    institution_index = SpanIndex([m for m in institutional if m.party != author], lambda m: m.start)
    _heading = (lambda s, e: is_heading(text, s, e)) if text is not None else None
    drafts: list[Draft] = []
    last_with_partners: list[int] = []
    title = None  # the parties and cues of an agreement's title, for the "Стороны" below it
    section = None  # the partners a section heading names, and where it ends
    mention_index = SpanIndex(mentions, lambda m: m.start)
    cue_index = cue_hits if isinstance(cue_hits, SpanIndex) else SpanIndex(cue_hits, lambda h: h.start)
    for start, end in passages:
        inside = mention_index.within(start, end)
        hits = without_meeting_words(cue_index.within(start, end), text)
        plan_row = text is not None and text.startswith("|", start) and bool(last_with_partners) \
            and not any(h.cue.kind in ("coop", "coop_named") for h in hits)  # a row with no cue of its own
        if not plan_row and only_a_meeting(without_later_talks(hits, text)) \
                and not any(m.party.startswith(FRAMEWORK_PREFIXES) for m in inside):
            # "стороны обменялись мнениями": a meeting alone is not cooperation (codebook 2); a session of an
            # association's or organisation's body is that body's work (README-tune: taking part is formal)
            continue
        cues = [h.cue for h in hits]
        parties = _unique(m.party for m in inside if not m.party.startswith("group:"))
        if not any(p.startswith(FRAMEWORK_PREFIXES) for p in parties) and (
                any(c.text in MEMBERSHIP_OF_IT for c in cues) or text is not None and any(
                    c.text in MEMBERSHIP_OR_CHAIR for c in cues) and BODY_NOUN.search(text, start, end)) \
                and (body := body_named_before(start, bodies, CHAIR_REACH if any(c.text in CHAIR_CUES for c in cues)
                                               else BODY_REACH)):
            parties = _unique(parties + (body,))  # "Бурятия входит в неё с 1996 года": the body named before
        if text is not None and not any(p.startswith(FRAMEWORK_PREFIXES) for p in parties) \
                and _WITHIN_THE_ASSOCIATION.search(text, start, end) \
                and (body := body_named_before(start, bodies, CHAIR_REACH)) and body.startswith("assoc:"):
            parties = _unique(parties + (body,))  # "создание в рамках Ассоциации совместно с …" (decision 104)
        if text is not None and (body := the_association_before(text, start, end, mention_index, bodies)) \
                and body not in parties:
            parties = _unique(parties + (body,))  # "The association has also signed a memorandum with …"
            cues = cues + [Cue("joint", "joint", "", "the association as the subject")]
        parties = with_eu_programme(_without_locating_states(parties, cues, ref), cues, ref)
        passage = text[start:end] if text is not None else ""
        if "«" in passage or '"' in passage or "“" in passage:
            parties = without_states_of_a_programme_name(parties, inside, passage, start, ref)
        implied = _implied(inside, author, ref, year)
        if _heading is not None and _heading(start, end) and (
                "\n" not in text[start:end].strip() or all(p == author for p in parties) or "›" in text[start:end]):
            # (a portal's breadcrumb, "International partners › Turkey", is navigation: decision 117)
            # a title on several lines that names a partner ("ПРОТОКОЛ\nзаседания совместной рабочей
            # группы Республики Коми и Архангельской области") is read as text: it may hold the only mention
            if AGREEMENT_TITLE.match(text, start) and any(p != author for p in parties):
                title = (parties, cues, (start, end))  # "Соглашение между X и Y о …": whom "Стороны" means
            elif any(p != author for p in parties) and SECTION_HEADING.match(text, start):
                # "4.3. Сотрудничество с Республикой Беларусь", "Cooperation with China" (not a news headline)
                section = (tuple(p for p in parties if p != author), end)
            continue  # a title or heading restates or announces; the text below says what was done
        if text is not None and not any(c.kind in ("coop", "coop_named") for c in cues) \
                and any(p != author for p in parties) and _next_item(text, start) and _list_opened_by_colon(text, start) \
                and any(m.party != author and m.start - _LIST_ITEM.match(text, start).end() <= 2 for m in inside):
            cues = cues + [Cue("coop", "coop", "", "an item of a list of partners opened by a colon")]
        if text is not None and " | " in text[start:end] and not any(c.kind in ("coop", "coop_named") for c in cues) \
                and (kind := table_kind(text, start)):
            cues = cues + [Cue("coop", "coop", "", "a row of a table of agreements")]
            if kind == "programmes":
                cues = cues + [Cue("joint", "joint", "", "a row of a table of joint programmes")]
        if text is not None and text.startswith("|", start) and not any(c.kind in ("coop", "coop_named") for c in cues):
            if last_with_partners and _row_of_the_plan(parties, drafts, last_with_partners, author, ref):
                _extend(drafts, last_with_partners, (start, end))  # a row of the plan before it
            continue
        if not any(c.kind in ("coop", "coop_named") for c in cues):
            if _refers_back(cues, (start, end), drafts, last_with_partners, text):
                _extend(drafts, last_with_partners, (start, end))
            continue
        if title is None and AGREEMENT_BETWEEN.search(text or "", start, end) and any(p != author for p in parties):
            title = (parties, cues, (start, end))  # "План мероприятий по реализации Соглашения между X и Y"
        partners = tuple(p for p in parties if p != author)
        spans_before: tuple = ()
        if title and PARTIES_WORD.search(text or "", start, end):
            if not partners:
                parties, cues, spans_before = title[0], cues + title[1], (title[2],)
            else:  # "совместно с Правительством Республики Тыва … министерства Сторон": a third region joins
                parties = _unique(title[0] + parties)
                cues = cues + [Cue("joint", "joint", "", "title and a third party")]
            partners = tuple(p for p in parties if p != author)
        if partners and _restates(partners, cues, drafts, last_with_partners, ref) \
                and not (author in parties and not any(drafts[i].with_author for i in last_with_partners)):
            # (not when the author, absent from those facts, is named here: "регион готов присоединиться к
            # маршруту, если тульская и липецкая стороны согласятся" is the author's own new fact)
            # "В рамках соглашения с Архангельской областью …" after "с Архангельской и Ярославской
            # областями": the sentence goes on about the agreement with the partner it names again
            named_again = [i for i in last_with_partners if set(drafts[i].partners) & set(partners)]
            last_with_partners = named_again or last_with_partners
            partners = ()
        if partners and last_with_partners and any(c.kind == "anaphora" and c.text in ITS_FRAMEWORK for c in cues):
            # "Область является членом Ассоциации «Черноземье». В её рамках область совместно с Липецкой и
            # Тамбовской областями предполагает сформировать кластер": the body before frames the new project
            frames = _unique(p for i in last_with_partners for p in drafts[i].partners if p.startswith(FRAMEWORK_PREFIXES))
            if frames and not any(p.startswith(FRAMEWORK_PREFIXES) for p in partners) \
                    and not agreement_named_before_its(text, hits, start):
                partners = _unique(partners + frames)
                parties = _unique(parties + frames)
                cues = cues + [Cue("joint", "joint", "", "within the body named before")]
        if partners and len(last_with_partners) == 1 and text is not None and _JOINED_IT.search(text, start, end) \
                and not set(partners) <= set(drafts[last_with_partners[0]].partners):
            # "Проект запустили Тверская, Ярославская и Костромская области, подписав трёхстороннее соглашение … В
            # 2023 году к соглашению присоединилась Нижегородская область": the agreement before gains a party
            d = drafts[last_with_partners[0]]
            drafts[last_with_partners[0]] = replace(d, partners=_unique(d.partners + partners),
                                                    spans=d.spans + ((start, end),), how=f"{d.how} + joined")
            continue
        if partners and last_with_partners and _both_before_new_partners(hits, inside, partners):
            before = _unique(p for i in last_with_partners for p in drafts[i].partners)
            partners = _unique(before + partners)
            cues = cues + [Cue("joint", "joint", "", "both")]
        if partners and author is None and text is not None and _unnamed_many_before(text, start, inside, partners):
            continue  # "More than 80 Russian regions have patronage ties with … the DPR, LPR …": the other side is unnamed
        if partners:
            cues = _without_late_between(cues, hits, inside, partners)
            listed = _author_listed_with_others(inside, author, text) if text is not None else False
            groups = _split_at_joint_word(hits, inside, partners, author) or (
                _split_at_also_a_body(text, inside, partners, author) if text is not None else None)
            if groups:  # "соглашения с A и B, а также трёхстороннее соглашение с C и D"
                separate = [c for c in cues if c.kind != "joint"]
                new = (_partner_drafts(groups[0], parties, separate, author, implied, (start, end))
                       + _partner_drafts(groups[1], parties, cues, author, implied, (start, end)))
            elif text is not None and (pairs := _respectively(text, start, end, inside, partners, author)):
                new = [Draft(pair, False, implied, ((start, end),), how="respectively") for pair in pairs]
            elif text is not None and (programmes := separate_programmes(text, start, end, inside, partners, author)):
                new = [d for group in programmes
                       for d in _partner_drafts(group, parties, cues, author, implied, (start, end))]
            elif author is None and text is not None and _hub_with_partners(text, inside, partners, cues):
                # "связи сложились у Курганской области с Костанайской и Северо-Казахстанской областями"
                hub = min((m for m in inside if m.party in partners), key=lambda m: m.start).party
                new = [Draft((hub, p), False, implied, ((start, end),), how="separate-hub")
                       for p in partners if p != hub]
                if len(new) >= 2:  # "… with A and B. The one with A …, whereas the one with B …"
                    clauses = parallel_clauses(text, start, end, inside, tuple(p for p in partners if p != hub), hits)
                    new = _by_clause(new, clauses, cue_index, partner_of=lambda d: d.partners[-1], text=text)
            else:
                others = text is not None and (others_as_subject(text, inside, partners, author)
                                               or _another_region_chairs(cues, inside, partners, author))
                new = _partner_drafts(partners, parties, cues, author, implied, (start, end), listed, others)
                if text is not None and len(new) >= 2 and all(d.how == "separate" for d in new):
                    clauses = (parallel_clauses(text, start, end, inside, partners, hits)
                               or parenthesised_content(text, start, end, inside, partners, hits))
                    new = _by_clause(new, clauses, cue_index, text=text)
            new = [replace(d, spans=spans_before + d.spans) for d in new]
            last_with_partners = list(range(len(drafts), len(drafts) + len(new)))
            drafts.extend(new)
        elif not implied and text is not None and (nth := _nth_of_them(text, start, len(last_with_partners))) is not None:
            # "… с двумя областями – Павлодарской и Северо-Казахстанской. С первой … Со второй мы продлили …": the
            # partners of the passage before, taken in turn (decision 129)
            _extend(drafts, [last_with_partners[nth]], (start, end), implied)
            continue
        elif author is None:  # no "we" to cooperate: it can only go on about the facts just before
            if not implied and _refers_back(cues, (start, end), drafts, last_with_partners, text) \
                    and any(c.kind == "anaphora" for c in cues):
                _extend(drafts, last_with_partners, (start, end), implied)  # "In October the two regions signed …"
            continue
        elif not implied and (institution_index.within(start, end) or _INSTITUTION_SUBJECT.match(text or "", start)) \
                and not any(c.kind == "anaphora" and c.value in STRONG for c in cues):
            # "Tomsk and Novosibirsk universities run a joint programme", "Администрации городов Назрань и
            # Альметьевск заключили договор", "Компания «Татнефть» …": not the territories
            continue
        elif not implied and text is not None and _MULTILATERAL_START.match(text, start) and (
                joint := [i for i, d in enumerate(drafts) if len(d.partners) >= 2 and start - d.spans[-1][1] < 1500]):
            # "… и трёхстороннее соглашение с Адыгеей и Карачаево-Черкесией. … Трёхстороннее соглашение посвящено
            # …": the trilateral one named before, not the last partner named
            _extend(drafts, [joint[-1]], (start, end))
            last_with_partners = [joint[-1]]
        elif not implied and len(last_with_partners) >= 2 and any(
                c.kind == "joint" and c.text in WITH_THEM for c in cues) \
                and start - max(drafts[i].spans[-1][1] for i in last_with_partners) < 400:
            # "Соглашения подписаны с Тверской и Псковской областями. Совместно с ними область подготовила
            # заявку на межрегиональный маршрут": a joint project of them all, beside the separate agreements
            partners = _unique(p for i in last_with_partners for p in drafts[i].partners)
            drafts.append(Draft(partners, author is not None, (), ((start, end),), how="joint (with them)"))
            last_with_partners = [len(drafts) - 1]
        elif not implied and _refers_back(cues, (start, end), drafts, last_with_partners, text):
            _extend(drafts, last_with_partners, (start, end), implied)
            if len(last_with_partners) >= 2 and any(c.kind == "joint" and c.text in COUNTED_TOGETHER for c in cues):
                last_with_partners = _joined(drafts, last_with_partners)  # "… the three regions financed …"
        elif not implied and section and not _heading_between(text, section[1], start):
            # the section's heading names the partner the text below goes on about
            new = _partner_drafts(section[0], section[0] + (author,), cues, author, implied, (start, end))
            last_with_partners = list(range(len(drafts), len(drafts) + len(new)))
            drafts.extend([replace(d, how=f"section heading: {d.how}") for d in new])
        elif text is not None and text[start:end].rstrip().endswith(":") and _items_follow(text, end):
            continue  # "Приоритетными партнёрами определены:" — the items below name them
        else:
            drafts.extend(_partnerless_drafts(cues, author, implied, (start, end)))
    return merge_drafts(_in_scope(_states_framing_their_regions(drafts, cue_index, ref, text), ref))


_RUSSIAN_SIDE = ("RU-", "assoc:", "euroregion:", "city:")  # a subject, its associations and euroregions, its cities


def _in_scope(drafts: list[Draft], ref) -> list[Draft]:
    """A fact whose parties are all foreign ("Finland, Estonia and Latvia" in an EU programme's name, two Uzbek
    regions compared) is no cooperation of a Russian region (codebook 1; decision 101): it is dropped. The subjects
    whose codes are not RU- (Crimea UA-43, Sevastopol UA-40, the four added in 2022) are Russian subjects here."""
    return [d for d in drafts if d.with_author or not d.partners
            or any(p.startswith(_RUSSIAN_SIDE) or party_attribute(ref, p, "kind") == "subject"
                   for p in d.partners + d.implied)]


def _heading_between(text: str | None, start: int, end: int) -> bool:
    """Whether a heading line (a short line with no sentence-final punctuation) stands in text[start:end]."""
    if text is None:
        return True
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped and is_heading(text, pos + line.find(stripped), pos + line.find(stripped) + len(stripped)):
            return True
        pos += len(line) + 1
    return False


def _partner_drafts(partners, parties, cues: Sequence[Cue], author, implied, span, listed=False,
                    others=False) -> list[Draft]:
    """`listed`: the author is one of a list of parties; `others`: the passage's subject is a list of
    other territories (clauses.others_as_subject), so they share one fact without the author."""
    kinds = {c.kind for c in cues}
    framework = any(p.startswith(FRAMEWORK_PREFIXES) for p in partners)
    joint = "joint" in kinds or framework or (listed and "separate" not in kinds) or others
    frameworks = [p for p in partners if p.startswith(FRAMEWORK_PREFIXES) and p != "org:eu"]
    if "joint" not in kinds and len(frameworks) >= 2:
        # "еврорегионов «Балтика» и «Неман»": taking part in each body is its own relation
        others = tuple(p for p in partners if p not in frameworks)
        return [Draft(others + (f,), author is not None, implied, (span,), how="separate-bodies") for f in frameworks]
    members = tuple(p for p in partners if not p.startswith(FRAMEWORK_PREFIXES))
    if author is None and frameworks and len(members) >= 2 and _membership_only(cues):
        # "Primorsky Krai and Khabarovsk Krai are members of NEAR": each member's own relation to the body
        return [Draft((m,) + tuple(frameworks), False, implied, (span,), how="members") for m in members]
    if author is not None:
        others_only = others or ("joint" in kinds and author not in parties and len(partners) >= 2 and _between(cues))
        if joint or len(partners) == 1:
            how = "others-as-subject" if others else "joint" if joint else "single"
            return [Draft(partners, not others_only, implied, (span,), how=how)]
        return [Draft((p,), True, implied, (span,), how="separate") for p in partners]
    if "each" in kinds and len(partners) >= 3:
        # "Tula and Kaluga regions each signed a memorandum with Henan Province": each with the one named last
        hub = partners[-1]
        return [Draft((p, hub), False, implied, (span,), how="each") for p in partners[:-1]]
    if "separate" in kinds and len(partners) >= 3 and not joint:
        hub = partners[0]
        return [Draft((hub, p), False, implied, (span,), how="separate-hub") for p in partners[1:]]
    return [Draft(partners, False, implied, (span,), how="no-author")]


MEMBERSHIP_CUES = ("members of", "member of", "a member of", "являются членами", "является членом", "член",
                   "входят в состав", "входит в состав", "входит в ассоциац", "входят в ассоциац", "членами",
                   "членом") + MEMBERSHIP_OF_IT


def _membership_only(cues: Sequence[Cue]) -> bool:
    """The passage's cooperation is membership of a body, nothing the members do together."""
    coop = [c.text for c in cues if c.kind in ("coop", "coop_named")]
    return bool(coop) and all(t in MEMBERSHIP_CUES for t in coop) and not any(
        c.kind == "joint" and c.text not in ("members", "в состав") for c in cues)


def _by_clause(drafts: list[Draft], clauses, cue_index, partner_of=lambda d: d.partners[0], text: str | None = None
               ) -> list[Draft]:
    """Separate drafts of a passage whose partners open clauses of their own: each keeps its clause's
    spans, and a partner whose clause reports only a meeting ("с Y обсуждены перспективы") has no fact."""
    if not clauses:
        return drafts
    out = []
    for d in drafts:
        spans = clauses.get(partner_of(d))
        if spans is None:
            out.append(d)
            continue
        if only_a_meeting(without_meeting_words(cue_index.within_any(spans), text)):
            continue
        out.append(replace(d, spans=spans, how="separate-clause"))
    return out


def _without_locating_states(parties: tuple[str, ...], cues: Sequence[Cue], ref) -> tuple[str, ...]:
    """"Сотрудничество с Эстонией строилось на соглашении с уездом Тартумаа": a state named beside one
    of its own regions only says where the region is; the region is the party. EU programmes keep the
    state (decision 17)."""
    kinds = {c.kind for c in cues}
    if "eu_programme" in kinds or "cbc_programme" in kinds:
        return parties
    located = {party_attribute(ref, p, "country") for p in parties
               if party_attribute(ref, p, "kind") == "foreign_region" and party_attribute(ref, p, "type") not in CITY_TYPES}
    return tuple(p for p in parties if p not in located)


def _author_listed_with_others(inside: Sequence[Mention], author, text: str) -> bool:
    """"Тюменская область, Югра и Ямал продлили программу": the author is one of a list of parties."""
    ordered = sorted(inside, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if author in (a.party, b.party) and a.party != b.party and LIST_GLUE.fullmatch(text[a.end:b.start]):
            return True
    return False


def _between(cues: Sequence[Cue]) -> bool:
    return any(_is_between(c) for c in cues)


def _restates(partners, cues: Sequence[Cue], drafts, targets, ref) -> bool:
    """"Документ предусматривает … с аймаками Монголии": the parties of the agreement named again."""
    if not targets or not any(c.kind == "anaphora" and c.value in STRONG for c in cues):
        return False
    known = {p for i in targets for p in drafts[i].partners}
    known |= {party_attribute(ref, p, "country") for p in known}
    return all(p in known for p in partners)


# "членами регионального совета" (decision 94), "председательствовала в Совете Ассоциации", "who chaired the
# Council" (decision 103): membership or the chair of a body named by its common noun, the body named before
# (the English "chair" is a prefix cue, "chaired the meeting" too: it points at the body, but is no exception to
# "a meeting alone" in hits.only_a_meeting)
CHAIR_CUES = CHAIR | {"chair"}
MEMBERSHIP_OR_CHAIR = frozenset({"членами", "членом"}) | CHAIR_CUES
# "в рамках Ассоциации", "по линии Ассоциации": the capital letter makes it the association's short name, defined or
# named before ("(далее – Ассоциация)"); a name right after it is that association's own (decision 104)
_WITHIN_THE_ASSOCIATION = re.compile(r"(?:в\s+рамках|по\s+линии)\s+Ассоциации(?![\w-]|\s*[«\"“(]|\s+[А-ЯЁ])")


# "к соглашению присоединилась …", "присоединилась к нему", "joined the agreement", "joined later" (decision 108)
_JOINED_IT = re.compile(r"(?i:присоедини\w*)\s+к\s+(?:нему|ней|(?:этому\s+|данному\s+)?(?:соглашени|проект|программ|"
                        r"меморандум|договор)\w*)(?!\s+(?:о|об|с|со)\s)|(?i:к\s+(?:соглашени|проект|меморандум|договор)\w*)"
                        r"\s+(?:[\w-]+\s+){0,3}?присоедини\w*|joined\s+(?:it|them|later|the\s+(?:agreement|project|programme|"
                        r"memorandum))(?!\s+(?:on|with)\s)|later\s+joined")


def _another_region_chairs(cues: Sequence[Cue], inside: Sequence[Mention], partners, author) -> bool:
    """"Председателем Совета на 2025 год избран губернатор Томской области", "председательство перешло к Псковской
    области": the chair of a body passes to one other region; the author, not named, is no party (decision 103)."""
    if author is None or not any(c.text in CHAIR_CUES for c in cues):
        return False
    regions = [p for p in partners if not p.startswith(FRAMEWORK_PREFIXES)]
    return len(regions) == 1 and len(partners) == 2 and not any(m.party == author for m in inside)


MULTILATERAL_WORDS = ("трехсторонн", "четырехсторонн", "многосторонн", "trilateral", "multilateral")
# "по сравнению с 2022 годом", "compared with 2021": growth over time, not a comparison of regions
_OVER_TIME = re.compile(r"\s*(?:(?:the\s+)?(?:19|20)\d\d\b|предыдущ|прошл|аналогичн|the\s+previous|last\s+year)")
_MULTILATERAL_START = re.compile(r"\W*(?:(?:Это|Данное|Указанное|The|This)\s+)?(?:Тр[её]хсторонн|Четыр[её]хсторонн|"
                                 r"Многосторонн|[Tt]rilateral|[Mm]ultilateral)\w*\s+(?:соглашени|меморандум|договор|"
                                 r"agreement|memorandum)")


def _split_at_joint_word(hits: Sequence[CueHit], inside: Sequence[Mention], partners, author):
    """Partners named before a "трёхстороннее"/"trilateral" word and those named after it, when there
    are both: the first ones have agreements of their own, the others share the joint one."""
    if author is None:
        return None
    joint_at = [h.start for h in hits if h.cue.kind == "joint" and h.cue.text.startswith(MULTILATERAL_WORDS)]
    if not joint_at:
        return None
    first_of = {}
    for m in sorted(inside, key=lambda m: m.start):
        if m.party in partners:
            first_of.setdefault(m.party, m.start)
    before = tuple(p for p in partners if first_of.get(p, joint_at[0]) < joint_at[0])
    after = tuple(p for p in partners if p not in before)
    return (before, after) if before and after else None


_RESPECTIVELY = re.compile(r"(?i)\b(?:respectively|соответственно)\b")


def _respectively(text: str, start: int, end: int, inside: Sequence[Mention], partners, author):
    """"Pskov Region and Leningrad Region … signing action plans with Vitebsk Region and Mogilev Region respectively":
    two lists of equal length, before and after "with" / "с", pair in order (decision 121)."""
    if author is not None or len(partners) < 4 or not _RESPECTIVELY.search(text, start, end):
        return None
    named = [m for m in sorted(inside, key=lambda m: m.start) if m.party in partners]
    for k in range(2, len(named) - 1):
        left, right = named[:k], named[k:]
        if len(left) == len(right) and _WITH.search(text[left[-1].end:right[0].start] + " ") \
                and len({m.party for m in named}) == len(named):
            return [tuple(sorted((a.party, b.party))) for a, b in zip(left, right)]
    return None


# ", а также участвовать в программах Союзного государства", ", as well as take part in": what follows is another relation
_ALSO = re.compile(r",?\s+(?:а\s+также|as\s+well\s+as|and\s+also)\s", re.I)


def _split_at_also_a_body(text: str, inside: Sequence[Mention], partners, author):
    """"развивать связи с Республикой Казахстан и Республикой Узбекистан, а также участвовать в программах
    Союзного государства": the territories named before "а также" and the bodies named after it are separate
    relations of the author (decision 99), not one joint framework."""
    if author is None or not any(p.startswith(FRAMEWORK_PREFIXES) for p in partners):
        return None
    named = sorted((m for m in inside if m.party in partners), key=lambda m: m.start)
    bodies = [m for m in named if m.party.startswith(FRAMEWORK_PREFIXES)]
    members = [m for m in named if not m.party.startswith(FRAMEWORK_PREFIXES)]
    if not members or not bodies or members[-1].start > bodies[0].start:
        return None
    if not _ALSO.search(text, members[-1].end, bodies[0].start):
        return None
    return _unique(m.party for m in members), _unique(m.party for m in bodies)


_WITH = re.compile(r"\s(?:с|со|with)\s")


def _hub_with_partners(text: str, inside: Sequence[Mention], partners, cues: Sequence[Cue]) -> bool:
    """An authorless passage whose first territory has ties "with" the others listed after it ("у X с A и
    B", "X signed agreements with A and B"): separate relations of X, unless a joint word says otherwise."""
    if len(partners) < 3 or any(c.kind == "joint" for c in cues) or any(p.startswith(FRAMEWORK_PREFIXES) for p in partners):
        return False
    named = sorted((m for m in inside if m.party in partners), key=lambda m: m.start)
    first = named[0]
    rest = [m for m in named if m.party != first.party]
    if not rest or any(m.party == first.party for m in named[1:] if m.start > rest[0].start):
        return False
    return bool(_WITH.search(text, first.end, rest[0].start)) and rest[0].start - first.end < 120


COUNTED_TOGETHER = frozenset({"the three regions", "all three regions", "три региона", "трех регионов"})
WITH_THEM = frozenset({"совместно с ними", "вместе с ними", "together with them", "jointly with them",
                       "together with both of them", "jointly with both of them", "совместно с обоими",
                       "вместе с обоими"})


def _joined(drafts: list[Draft], targets: Sequence[int]) -> list[int]:
    """The separate drafts at `targets` become one joint draft (a later sentence says they act together)."""
    first = drafts[targets[0]]
    partners = _unique(p for i in targets for p in drafts[i].partners)
    spans = tuple(sorted({sp for i in targets for sp in drafts[i].spans}))
    drafts[targets[0]] = replace(first, partners=partners, spans=spans, how="joint (counted together)")
    for i in sorted(targets[1:], reverse=True):
        del drafts[i]
    return [targets[0]]


def _row_of_the_plan(parties, drafts, targets, author, ref) -> bool:
    """A table row that names no territory but the plan's parties (and their states) is a row of it."""
    known = {p for i in targets for p in drafts[i].partners} | {author}
    known |= {party_attribute(ref, p, "country") for p in known}
    return all(p in known for p in parties)


def _extend(drafts: list[Draft], targets: Sequence[int], span: tuple[int, int], implied=()) -> None:
    """The passage at `span` goes on about the facts at `targets`: add it to their evidence."""
    for i in targets:
        d = drafts[i]
        drafts[i] = replace(d, spans=d.spans + (span,), implied=_unique(d.implied + tuple(implied)))


def _first_named(inside: Sequence[Mention], partners) -> int | None:
    """Where the first of `partners` is named in the passage."""
    return min((m.start for m in inside if m.party in partners), default=None)


def _without_late_between(cues: list[Cue], hits: Sequence[CueHit], inside: Sequence[Mention], partners) -> list[Cue]:
    """"Соглашение между A, B и C" joins its parties; "между" after them ("энергомост между тремя
    регионами") says nothing about who signed what."""
    first = _first_named(inside, partners)
    between_at = [h.start for h in hits if _is_between(h.cue)]
    if first is None or not between_at or min(between_at) < first:
        return cues
    return [c for c in cues if not _is_between(c)]


def _is_between(cue: Cue) -> bool:
    return cue.kind == "joint" and cue.text in ("между", "between")


def _both_before_new_partners(hits: Sequence[CueHit], inside: Sequence[Mention], partners) -> bool:
    """"Оба региона и Рязанская область …": "both" ahead of a new partner brings the previous parties in;
    "the agreement with Zavkhan …; both sides intend …" speaks of the partner just named."""
    first = _first_named(inside, partners)
    if len(partners) == 2 and all(not p.startswith(FRAMEWORK_PREFIXES) for p in partners):
        return False  # "The two regions signed …; shipments from Komi to Kirov …": the two are the ones named after it
    return first is not None and any(h.cue.kind == "both" and h.start < first for h in hits)


def _refers_back(cues: Sequence[Cue], span, drafts: Sequence[Draft], targets: Sequence[int], text=None) -> bool:
    """Whether a passage without partners goes on about the facts at `targets`: it says so ("в рамках
    соглашения", "Стороны"), or it follows them closely, says no direction of its own and no section
    heading stands between them."""
    if not targets:
        return False
    anaphora = [c for c in cues if c.kind == "anaphora"]
    if any(a.value in STRONG for a in anaphora):
        return True
    if text is not None and " | " in text[span[0]:span[1]]:
        return False  # a table row is an item of its own ("4 | Мониторинг внешнеторгового оборота")
    last_end = max(drafts[i].spans[-1][1] for i in targets)
    if text is not None and _heading_between(text, last_end, span[0]):
        return False
    near = span[0] - last_end < 400
    says_where = any(c.kind == "direction" for c in cues)
    return near and (bool(anaphora) or not says_where)


def _partnerless_drafts(cues: Sequence[Cue], author, implied, span) -> list[Draft]:
    hints = sorted({Direction(c.value) for c in cues if c.kind == "direction"}, key=lambda d: d.value)
    if implied:
        return [Draft((), author is not None, implied, (span,), None, how="group")]
    if not hints:
        return [Draft((), author is not None, (), (span,), None, how="general")]
    return [Draft((), author is not None, (), (span,), d, how="general") for d in hints]


def _implied(inside: Sequence[Mention], author, ref: ReferenceLike, year) -> tuple[str, ...]:
    out: list[str] = []
    for m in inside:
        if m.party.startswith("group:"):
            out.extend(p for p in ref.expand_group(m.party, author=author, year=year) if p != author)
    return _unique(out)


_FRAME_GAP = 400  # characters between a state's framing sentence and the passage on one of its regions


def _states_framing_their_regions(drafts: list[Draft], cue_index, ref, text: str | None) -> list[Draft]:
    """"Cooperation with Vietnam also continued. Under the 2019 agreement with Quang Ninh Province, …",
    "Belarus remains our key foreign partner. In June we signed a road map with the Minsk Oblast Executive
    Committee": a passage on a state that says nothing of its own (no sphere) and is followed at once by a
    passage on one of that state's regions only frames it; it joins the region's fact (decision 26)."""
    if text is None or len(drafts) < 2:
        return drafts
    out: list[Draft] = []
    skip = set()
    for i, d in enumerate(drafts):
        if i in skip:
            continue
        j = _framed_after(drafts, i, ref, skip)
        nxt = drafts[j] if j is not None else None
        if nxt is not None and len(d.partners) == 1 and party_attribute(ref, d.partners[0], "kind") == "country" \
                and d.with_author == nxt.with_author and nxt.partners and d.spans and nxt.spans \
                and all(party_attribute(ref, p, "country") == d.partners[0] and p != d.partners[0] for p in nxt.partners) \
                and 0 <= nxt.spans[0][0] - d.spans[-1][1] <= _FRAME_GAP \
                and not any(h.cue.kind == "sphere" for h in cue_index.within_any(d.spans)):
            out.append(replace(nxt, spans=tuple(sorted(set(d.spans + nxt.spans))), how=f"{nxt.how} + state frame"))
            skip.add(j)
            continue
        prev = out[-1] if out else None
        if prev is not None and len(d.partners) == 1 and party_attribute(ref, d.partners[0], "kind") == "country" \
                and d.with_author == prev.with_author and prev.partners and d.spans and prev.spans \
                and all(party_attribute(ref, p, "country") == d.partners[0] and p != d.partners[0] for p in prev.partners) \
                and 0 <= d.spans[0][0] - prev.spans[-1][1] <= _FRAME_GAP \
                and not any(h.cue.kind == "sphere" or h.cue.kind == "status" and h.cue.value in ("agreed", "terminated")
                            for h in cue_index.within(*d.spans[0])):
            # "The Moscow Government and Hanoi signed a programme. Vietnam remains one of Moscow's key partners in
            # Asia. The new programme covers …": the frame after the region's fact, and what follows it, join it
            out[-1] = replace(prev, spans=tuple(sorted(set(prev.spans + d.spans))), how=f"{prev.how} + state frame after")
            continue
        out.append(d)
    return out


def _framed_after(drafts: list[Draft], i: int, ref, skip: set) -> int | None:
    """The draft a state's frame at `i` may join: the next one, or, when one sentence frames several states
    ("Основными зарубежными партнёрами области остаются Монголия и Китай. С аймаком Хувсгел … С провинцией Ляонин
    …"), the first one after it on a region of that state, past the other states' drafts and their regions'."""
    d = drafts[i]
    if len(d.partners) != 1 or party_attribute(ref, d.partners[0], "kind") != "country":
        return i + 1 if i + 1 < len(drafts) else None  # no frame: the caller's test fails anyway
    # the states of one sentence are drafted together, next to each other
    states = {e.partners[0] for e in drafts[max(0, i - 8):i + 9] if e.spans == d.spans and len(e.partners) == 1
              and party_attribute(ref, e.partners[0], "kind") == "country"}
    if len(states) < 2:
        return i + 1 if i + 1 < len(drafts) else None
    for j in range(i + 1, len(drafts)):
        e = drafts[j]
        if j in skip or e.spans == d.spans:
            continue
        countries = {party_attribute(ref, p, "country") for p in e.partners}
        if countries == {d.partners[0]}:
            return j
        if not e.partners or not countries <= states:
            return None
    return None


def with_writer(drafts: list[Draft], writer: str | None) -> list[Draft]:
    """A foreign partner's own release ("trade between Pskov Region and our region", "An agreement with Orenburg
    Region …") has no author in the codebook's sense, but its writer is the implied "we": a draft that names one
    Russian region alone is that region's relation with the writer (decision 115)."""
    if writer is None:
        return drafts
    out = [replace(d, partners=(d.partners[0], writer), how=f"{d.how} + the foreign writer")
           if not d.with_author and len(d.partners) == 1 and d.partners[0].startswith("RU-") else d for d in drafts]
    return merge_drafts(out)


def merge_drafts(drafts: Iterable[Draft]) -> list[Draft]:
    """One fact per relation: drafts with the same parties join (codebook 5: the most advanced status)."""
    merged: dict = {}
    for d in drafts:
        k = d.key()
        if k in merged:
            m = merged[k]
            merged[k] = replace(m, spans=tuple(sorted(set(m.spans + d.spans))), implied=_unique(m.implied + d.implied))
        else:
            merged[k] = d
    return list(merged.values())


# --- coding -------------------------------------------------------------------------------------

def code_fact(draft: Draft, text: str, cue_hits: Sequence[CueHit], mentions: Sequence[Mention], *,
              author: str | None, ref: ReferenceLike) -> Fact:
    spans = draft.spans
    cue_index = cue_hits if isinstance(cue_hits, SpanIndex) else SpanIndex(cue_hits, lambda h: h.start)
    hits = holding(cue_index.within_any(spans), text)
    cues = [h.cue for h in hits]
    quote = " ".join(text[s:e] for s, e in spans)
    spheres, sphere_why = rules.spheres_of(cues)
    status, status_why = rules.status_of(cues, quote)
    mention_index = mentions if isinstance(mentions, SpanIndex) else SpanIndex(mentions, lambda m: m.start)
    names = _quoted_names(quote, mention_index.within_any(spans))
    planned = _planned_mechanisms(hits)
    bodies_only = bool(draft.partners) and all(p.startswith(FRAMEWORK_PREFIXES) for p in draft.partners)
    ctx = rules.Context(quote, cues, bool(draft.partners), spheres, status, names, planned, bodies_only)
    specificity, spec_why = rules.specificity_of(ctx)
    parties = tuple(sorted(set(draft.partners) | ({author} if draft.with_author and author else set())))
    implied = tuple(sorted(set(draft.implied) - set(parties)))
    direction = _direction(draft, implied, ref)
    return Fact(
        parties=parties, implied=implied, spheres=spheres, specificity=specificity, status=status,
        direction=direction, arity=_arity(parties), years=rules.years_of(quote),
        evidence=tuple(Evidence(s, e, text[s:e]) for s, e in spans),
        why={"assembly": draft.how, "spheres": sphere_why, "status": status_why, "specificity": spec_why,
             "direction": _direction_why(draft, implied)},
    )


def _direction(draft: Draft, implied, ref: ReferenceLike) -> Direction | None:
    """Interregional when every party is a Russian subject or an association of them (codebook 6)."""
    named = draft.partners or implied
    if named:
        if all(ref.counts_as_domestic(p) for p in named):
            return Direction.INTERREGIONAL
        return Direction.CROSS_BORDER
    return draft.direction_hint


def _direction_why(draft: Draft, implied) -> str:
    if draft.partners:
        return "from the named partners"
    if implied:
        return "from the implied parties"
    return "from the text's wording" if draft.direction_hint else "not stated"


def _arity(parties: Sequence[str]) -> Arity | None:
    if any(p.startswith(FRAMEWORK_PREFIXES) for p in parties) or len(parties) >= 3:
        return Arity.MULTILATERAL
    return Arity.BILATERAL if len(parties) == 2 else None


def _planned_mechanisms(hits: Sequence[CueHit], window: int = 60) -> frozenset:
    """Mechanism cues with an intention word within `window` characters: "a road map will be drafted"."""
    intents = [h.start for h in hits if h.cue.kind in ("status", "modal") and h.cue.value == "intended"]
    return frozenset(h.cue.text for h in hits if h.cue.kind == "mechanism"
                     and any(abs(i - h.start) <= window for i in intents))


def _names_more_than_parties(name: str, party_surfaces: set[str]) -> bool:
    """«Алания-Транзит», «Вкусы Крыма» name a project; «Россия – Эстония» or «Республика Беларусь» only
    name parties: a name counts when a word of three letters or more is left without the parties' names."""
    for surface in sorted(party_surfaces, key=len, reverse=True):
        name = name.replace(surface, " ")
    return any(len(word) >= 3 for word in re.findall(r"\w+", name))


def _quoted_names(quote: str, mentions_inside: Sequence[Mention]) -> tuple[str, ...]:
    """«Names» in the evidence that are not simply a party's name (a project, an event, a route)."""
    party_surfaces = {m.surface.lower() for m in mentions_inside}
    out = []
    for m in rules.QUOTED_NAME.finditer(quote):
        name = next(g for g in m.groups() if g)
        if _names_more_than_parties(name.lower(), party_surfaces):
            out.append(name)
    return tuple(out)
