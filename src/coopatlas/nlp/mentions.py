"""From gazetteer hits to mentions of parties: case checks, context, ambiguity, coordination.

Each rule is a small function; the rule that produced a mention is stored in Mention.how.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Iterator, Sequence

from coopatlas.model import Mention
from coopatlas.nlp import morph
from coopatlas.nlp.gazetteer import NameEntry
from coopatlas.nlp.matcher import Hit
from coopatlas.nlp.normalize import Normalised, normalise_key
from coopatlas.nlp.resolve import resolve_spans

_LIST_GLUE = re.compile(r"^\s*(,|и|,\s*и|,\s*а\s+также|а\s+также|or|and|,\s*and)\s*$", re.I)
_SENTENCE_END = ".!?\n"
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
_HYPHENS = "-\u2010\u2011"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int              # original offsets
    end: int
    entries: tuple[NameEntry, ...]
    kinds: frozenset[str]
    priority: int           # stop phrases 3, names 2, weak words 1: the tie-break of resolve_spans

    @classmethod
    def of(cls, start: int, end: int, entries: tuple[NameEntry, ...]) -> "Candidate":
        kinds = frozenset(e.kind for e in entries)
        if "stop" in kinds:
            priority = 3
        else:
            priority = 2 if any(not e.weak and e.kind != "type_noun" for e in entries) else 1
        return cls(start, end, entries, kinds, priority)


@dataclass(frozen=True)
class Mentions:
    strong: tuple[Mention, ...]   # parties and groups the text names
    weak: tuple[Mention, ...]     # adjectives that did not become parties


def find_mentions(text: str, norm: Normalised, hits: Iterable[Hit], *, author: str | None = None,
                  named_elsewhere: frozenset[str] = frozenset()) -> Mentions:
    """Mentions in the hits; `named_elsewhere` adds parties named in the rest of the document, which
    resolve ambiguous abbreviations."""
    candidates = list(_candidates(text, norm, hits))
    glued = sorted((c.start, c.end) for c in candidates if _glued(text, c))
    candidates = [c for c in candidates if _case_fits(text, c) and not (glued and _inside_any(c, glued))]
    resolved = resolve_spans(candidates, span=lambda c: (c.start, c.end), priority=lambda c: c.priority)
    resolved = [c for c in resolved if "stop" not in c.kinds]
    strong, weak, ambiguous = _split(text, resolved)
    coordinated = _coordinated(text, resolved)  # "the Minsk and Brest regions": the region, not the city
    typed = {(m.start, m.end) for m in coordinated}
    strong = [m for m in strong if (m.start, m.end) not in typed] + coordinated
    strong += _headless_in_list(text, resolved)
    strong += _elided_head(text, resolved, {(m.start, m.end) for m in strong})
    strong += _adjective_with_partner(text, resolved, weak)
    strong_parties = {m.party for m in strong} | named_elsewhere
    strong += _disambiguate(text, ambiguous, strong_parties, author)
    taken = {(m.start, m.end) for m in strong}
    weak = [m for m in weak if (m.start, m.end) not in taken]
    return Mentions(tuple(sorted(strong, key=_order)), tuple(sorted(weak, key=_order)))


def _order(m: Mention):
    return (m.start, m.end, m.party)


def _candidates(text: str, norm: Normalised, hits: Iterable[Hit]) -> Iterator[Candidate]:
    made: dict = {}  # payload tuples are shared by every hit of a key: their candidate's fields are made once
    #                  (the tuple is kept in the value, so that its id is not reused while this dict lives)
    for hit in hits:
        known = made.get(id(hit.payloads))
        if known is None:
            entries = tuple(p for p in hit.payloads if isinstance(p, NameEntry))
            known = made[id(hit.payloads)] = (Candidate.of(0, 0, entries) if entries else None, hit.payloads)
        model = known[0]
        if model is not None:
            start, end = norm.span_to_original(hit.start, hit.end)
            yield Candidate(start, end, model.entries, model.kinds, model.priority)


def _glued(text: str, cand: Candidate) -> bool:
    """A name glued by a hyphen to the word before it is part of a compound ("Юго-Восточная Финляндия")."""
    return cand.start >= 2 and text[cand.start - 1] in _HYPHENS and text[cand.start - 2].isalpha()


def _inside_any(cand: Candidate, spans: Sequence[tuple[int, int]]) -> bool:
    """Is the candidate inside one of the sorted spans (which start no more than 80 characters before it)?"""
    i = bisect_right(spans, (cand.start, float("inf")))
    return any(s <= cand.start and cand.end <= e for s, e in spans[max(0, i - 8):i])


def _case_fits(text: str, cand: Candidate) -> bool:
    """Keep the entries whose case rule fits the text; a candidate with none left is dropped."""
    surface = text[cand.start:cand.end]
    return any(entry_case_fits(surface, e) for e in cand.entries)


def entry_case_fits(surface: str, entry: NameEntry) -> bool:
    """Whether `surface` (as written) fits the case rule of `entry`: an abbreviation exactly, a name capitalised."""
    if entry.kind in ("abbr",):
        return _strip(surface) == _strip(entry.surface)
    if entry.kind in ("adj", "en_adj", "typed_adj", "type_noun", "stop", "partner_noun"):
        return True
    if entry.party.startswith("group:"):  # "соседние регионы", "скандинавские страны": common nouns
        return True
    words = surface.split()
    if entry.kind == "fixed" and entry.surface[:1].islower():
        return True  # "мухафазой Асуан": a fixed form written in lower case is matched as written (or capitalised)
    if len(words) == 1 or entry.kind == "fixed":
        return surface[:1].isupper()
    return any(w[:1].isupper() for w in words)


def _strip(s: str) -> str:
    return re.sub(r"[\s\-‐‑‒–—―−]+", " ", s).replace("ё", "е").replace("Ё", "Е")


def _split(text: str, resolved: Sequence[Candidate]):
    strong: list[Mention] = []
    weak: list[Mention] = []
    ambiguous: list[Candidate] = []
    for cand in resolved:
        surface = text[cand.start:cand.end]
        fitting = [e for e in cand.entries if entry_case_fits(surface, e) and e.party]
        named = [e for e in fitting if not e.weak and e.kind not in ("type_noun", "partner_noun")]
        if named:
            parties = {e.party for e in named}
            if len(parties) > 1 or any(e.ambiguous for e in named):
                ambiguous.append(Candidate.of(cand.start, cand.end, tuple(named)))
            elif any(e.needs_context for e in named) and not _has_context(text, cand, resolved):
                continue
            else:
                strong.append(Mention(named[0].party, cand.start, cand.end, surface, f"alias:{named[0].kind}"))
        else:
            weak.extend(Mention(e.party, cand.start, cand.end, surface, f"alias:{e.kind}", weak=True)
                        for e in fitting if e.weak)
    return strong, weak, ambiguous


def _has_context(text: str, cand: Candidate, resolved: Sequence[Candidate]) -> bool:
    """Того, Перу, Чад: capitalised inside a sentence, or next to another name in a list."""
    before = text[:cand.start].rstrip(" \t\u00a0«\"(")
    inside_sentence = bool(before) and before[-1] not in _SENTENCE_END
    return inside_sentence or any(_adjacent_in_list(text, cand, other) for other in resolved if other is not cand)


def _adjacent_in_list(text: str, a: Candidate, b: Candidate) -> bool:
    first, second = (a, b) if a.end <= b.start else (b, a)
    if first.end > second.start:
        return False
    return bool(_LIST_GLUE.match(text[first.end:second.start]))


def _coordinated(text: str, resolved: Sequence[Candidate]) -> list[Mention]:
    """"с Тульской, Брянской и Смоленской областями": a run of region adjectives before a type noun."""
    out: list[Mention] = []
    for i, cand in enumerate(resolved):
        if "type_noun" not in cand.kinds:
            continue
        noun = next(e.type_noun for e in cand.entries if e.kind == "type_noun")
        run = _adjective_run(text, resolved, i, noun)
        if len(run) >= 2 or (run and _is_plural_noun(text[cand.start:cand.end])):
            out.extend(Mention(party, c.start, c.end, text[c.start:c.end], "coordination") for c, party in run)
        out.extend(_english_list_after(text, resolved, i, noun))
    return out


_OF_AFTER_NOUN = re.compile(r"\s+of\s+(?:the\s+)?")


def _english_list_after(text: str, resolved: Sequence[Candidate], noun_index: int, noun: str) -> list[Mention]:
    """"the Kazakh regions of Kostanay and North Kazakhstan": names after a plural English type noun + "of"."""
    head = resolved[noun_index]
    surface = text[head.start:head.end]
    if not surface.isascii() or not _is_plural_noun(surface):
        return []
    glue = _OF_AFTER_NOUN.match(text, head.end)
    out: list[Mention] = []
    left = head.end
    for cand in resolved[noun_index + 1:]:
        gap = text[left:cand.start]
        if not (glue and not out and gap == glue.group(0)) and not (out and _LIST_GLUE.match(gap)):
            break
        party = _typed_party(text, cand, noun)
        if party is None:
            break
        out.append(Mention(party, cand.start, cand.end, text[cand.start:cand.end], "coordination"))
        left = cand.end
    return out if len(out) >= 2 else []


def _adjective_run(text: str, resolved: Sequence[Candidate], noun_index: int, noun: str):
    run = []
    right = resolved[noun_index]
    for j in range(noun_index - 1, -1, -1):
        cand = resolved[j]
        gap = text[cand.end:right.start]
        party = _typed_party(text, cand, noun)
        glue_ok = (gap.strip() == "") if right is resolved[noun_index] else bool(_LIST_GLUE.match(gap))
        if party is None or not glue_ok:
            break
        run.append((cand, party))
        right = cand
    run.reverse()
    return run


def _typed_party(text: str, cand: Candidate, noun: str) -> str | None:
    if not text[cand.start:cand.start + 1].isupper():
        return None
    parties = {e.party for e in cand.entries if e.kind == "typed_adj" and e.type_noun == noun}
    return parties.pop() if len(parties) == 1 else None


def _is_plural_noun(surface: str) -> bool:
    word = surface.lower()
    if word.isascii():
        return word.endswith("s")
    return any("plur" in p.tag for p in morph.analyzer().parse(word)[:1])


_HEAD_BEFORE = re.compile(
    r"(?:еврорегион|ассоциаци|[Ee]uroregion|association|провинци|губерни|аймак|уезд|лен|фюльке|воеводств|штат|префектур)"
    r"\w*\s+(?:[«\"]?[А-ЯЁA-Z][^«»\",.;]{0,40}[»\"]?\s*(?:,|и|and)\s*)*[«\"]?$")


# "… с Ивановской – в 2019", and "в 2023 году присоединилась Нижегородская область, в 2024-м – Ивановская"
_ELIDED_BEFORE = re.compile(r"(?:^|[\s,;(])(?:с|со)\s+$|\w\s+[–—]\s+$")
_ELIDED_AFTER = re.compile(r"\s*(?:[,;:.)(–—-]|(?:в|во|на|по|о|об|и)\s|$)")
_ELIDED_REACH = 200  # characters back to the type noun the adjective leans on


def _elided_head(text: str, resolved: Sequence[Candidate], taken: set) -> list[Mention]:
    """"Соглашение с Ярославской областью подписано в 2018 году, с Ивановской – в 2019": a region
    adjective after "с" with its type noun left out takes the type noun named before it in the sentence."""
    out = []
    last = None  # (end, noun) of the last elided adjective: "… – Павлодарской и Северо-Казахстанской" goes on with it
    for i, cand in enumerate(resolved):
        if (cand.start, cand.end) in taken or not _ELIDED_AFTER.match(text, cand.end):
            continue
        if _ELIDED_BEFORE.search(text[max(0, cand.start - 6):cand.start]):
            noun = _noun_before(text, resolved[:i], cand.start)
        elif last is not None and _LIST_GLUE.match(text[last[0]:cand.start]):
            noun = last[1]
        else:
            continue
        party = _typed_party(text, cand, noun) if noun else None
        if party:
            out.append(Mention(party, cand.start, cand.end, text[cand.start:cand.end], "elided-head"))
            last = (cand.end, noun)
    return out


def _noun_before(text: str, before: Sequence[Candidate], start: int) -> str | None:
    """The type noun of the nearest name before `start` in the same sentence, within _ELIDED_REACH: a
    type noun of a coordinated list, or the last word of a full name."""
    for cand in reversed(before):
        if start - cand.end > _ELIDED_REACH or _SENTENCE_END_RE.search(text, cand.end, start):
            return None
        nouns = [e.type_noun for e in cand.entries if e.kind == "type_noun"]
        if nouns:
            return nouns[0]
        last = text[cand.start:cand.end].split()[-1]
        if any(e.kind == "name" for e in cand.entries) and last.isalpha() and last.islower():
            return morph.analyzer().parse(last)[0].normal_form  # "Ярославской областью" -> "область"
    return None


def _headless_in_list(text: str, resolved: Sequence[Candidate]) -> list[Mention]:
    """"еврорегионов «Балтика» и «Неман»", "провинциями Хэнань и Шаньдун": names in a list after
    the plural head word."""
    out = []
    for cand in resolved:
        if not text[cand.start:cand.start + 1].isupper():
            continue
        parties = {e.party for e in cand.entries if e.kind == "headless"}
        if len(parties) == 1 and _HEAD_BEFORE.search(text[max(0, cand.start - 150):cand.start]):
            out.append(Mention(parties.pop(), cand.start, cand.end, text[cand.start:cand.end], "headless-list"))
    return out


def _adjective_with_partner(text: str, resolved: Sequence[Candidate], weak: list[Mention]) -> list[Mention]:
    """"с белорусскими партнёрами", "the Chinese side": a weak adjective before a partner word; in a
    list of adjectives ("с турецкими и иорданскими регионами", "Turkish and Jordanian regions") each."""
    partner_spans = [c for c in resolved if "partner_noun" in c.kinds]
    ordered = sorted(weak, key=lambda m: m.start)
    linked = [any(0 <= p.start - m.end <= 2 and text[m.end:p.start].strip() == "" for p in partner_spans)
              for m in ordered]
    for i in range(len(ordered) - 2, -1, -1):  # right to left: the last adjective of a list carries the noun
        if not linked[i] and linked[i + 1] and _ADJECTIVE_GLUE.fullmatch(text[ordered[i].end:ordered[i + 1].start]):
            linked[i] = True
    out = [Mention(m.party, m.start, m.end, m.surface, "adjective+partner") for m, ok in zip(ordered, linked) if ok]
    return _unique_per_span(out)


_ADJECTIVE_GLUE = re.compile(r"\s*(?:,|и|или|and|or|,\s*и|,\s*and)\s*")


def _unique_per_span(mentions: list[Mention]) -> list[Mention]:
    by_span = defaultdict(set)
    for m in mentions:
        by_span[(m.start, m.end)].add(m.party)
    return [m for m in mentions if len(by_span[(m.start, m.end)]) == 1]


def _disambiguate(text: str, ambiguous: list[Candidate], named: set[str], author: str | None) -> list[Mention]:
    """РТ, РБ, Алтай: the author if it is a candidate, else the one candidate named elsewhere."""
    out = []
    for cand in ambiguous:
        parties = {e.party for e in cand.entries}
        choice, how = None, ""
        if author in parties:
            choice, how = author, "ambiguous:author"
        elif len(parties & named) == 1:
            choice, how = next(iter(parties & named)), "ambiguous:named-elsewhere"
        if choice:
            out.append(Mention(choice, cand.start, cand.end, text[cand.start:cand.end], how))
    return out


def partner_noun_patterns() -> Iterator[tuple[str, NameEntry, bool]]:
    text = resources.files("coopatlas.nlp").joinpath("data", "partner_nouns.tsv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        forms = morph.name_forms(row["word"]) if row["lang"] == "ru" else {row["word"]}
        for form in forms:
            yield normalise_key(form), NameEntry("", "partner_noun", row["word"], form), False
