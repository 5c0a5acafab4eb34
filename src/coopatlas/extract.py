"""Text in, facts out: the stages composed (DESIGN.md data flow).

    normalise → scan (one Aho-Corasick pass for names and cues) → find_mentions → find_passages
    → assemble → code_fact
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from coopatlas.coding.cues import Cue, load_cues
from coopatlas.coding.facts import assemble, code_fact, find_passages, with_writer
from coopatlas.coding.hits import CueHit
from coopatlas.coding.partners import (
    CITY_TYPES, capitals_as_states, names_an_institution, partner_mentions, party_attribute, states_of_capitals,
)
from coopatlas.model import DocumentResult, Fact, Mention
from coopatlas.nlp.abbreviations import document_abbreviations, with_document_abbreviations
from coopatlas.nlp.gazetteer import (
    NameEntry, english_type_noun_patterns, name_patterns, stop_patterns, type_noun_patterns,
)
from coopatlas.nlp.matcher import Hit, Matcher
from coopatlas.nlp.mentions import Mentions, entry_case_fits, find_mentions, partner_noun_patterns
from coopatlas.nlp.normalize import normalise
from coopatlas.nlp.resolve import SpanIndex

LANGUAGES = ("ru", "en", "auto")
_HEAD_CHARS = 1500  # the author is read from title lines near the top


PASSAGE_CUES = frozenset({"coop", "coop_named", "comparison", "not_regional", "anaphora"})  # scanned over the whole text; the rest only in passages
BOTH = frozenset({"block"})                       # blocks hide cues in either scan
# name entries that matter only inside a passage (coordination, adjectives before partner words)
PASSAGE_NAME_KINDS = frozenset({"type_noun", "partner_noun", "adj", "typed_adj", "headless", "en_adj"})
# a coordinated list of region adjectives before a plural type noun ("с Тульской, Брянской и Смоленской
# областями", "the Kostanay and North Kazakhstan regions"): region adjectives are matched only inside passages,
# so near a joint-body cue the list itself says that the sentence names partners
_COORDINATED_LIST = re.compile(
    r"[А-ЯЁ][а-яё-]+(?:ой|ей|ою)(?:\s*,\s*[А-ЯЁ][а-яё-]+(?:ой|ей|ою))*\s+и\s+[А-ЯЁ][а-яё-]+(?:ой|ей|ою)\s+"
    r"(?:областями|краями|республиками|областях|краях)\b|"
    r"[A-Z][\w-]+(?:,\s*[A-Z][\w-]+)*\s+and\s+[A-Z][\w-]+\s+(?:regions|oblasts|provinces|territories|euroregions)\b")


@dataclass(frozen=True)
class Pipeline:
    matcher: Matcher      # names and the cues that find passages, over the whole text
    passage_cues: Matcher  # the codes' cues and the passage-only name words, over the passages only
    ref: object
    capitals: dict = field(default_factory=dict)  # {a foreign capital's party: its state} (decision 114)


@cache
def default_pipeline() -> Pipeline:
    from coopatlas.reference import load_reference

    ref = load_reference()
    return build_pipeline(ref)


def build_pipeline(ref) -> Pipeline:
    kind_of = lambda party: ref.parties[party].kind if party in ref.parties else ""  # noqa: E731
    cues = load_cues()
    names = list(itertools.chain(name_patterns(ref.aliases, kind_of=kind_of), type_noun_patterns(),
                                 english_type_noun_patterns(), stop_patterns(), partner_noun_patterns()))
    whole_text = itertools.chain((n for n in names if n[1].kind not in PASSAGE_NAME_KINDS),
                                 (c for c in cues if c[1].kind in PASSAGE_CUES | BOTH))
    passages_only = itertools.chain((n for n in names if n[1].kind in PASSAGE_NAME_KINDS),
                                    (c for c in cues if c[1].kind not in PASSAGE_CUES))
    return Pipeline(Matcher(whole_text), Matcher(passages_only), ref, states_of_capitals(ref))


def extract_text(text: str, author: str | None = None, *, lang: str = "auto", document: str = "<text>",
                 infer: bool = True, title: str | None = None, pipeline: Pipeline | None = None) -> DocumentResult:
    """Find and code every cooperation fact in one document's text (codebook section 7).

    Without an `author`, the author is inferred from the `title` (an HTML title, a PDF's metadata)
    or a title line of the text, unless `infer` is False (a document known to have no author, such
    as a national agency's news item).
    """
    pipe = pipeline or default_pipeline()
    norm = normalise(text)
    name_hits, cue_hits = _scan(pipe.matcher, norm)
    defined = document_abbreviations(text, norm, name_hits)  # "(Исламская Республика Иран, далее – ИРИ)"
    name_hits = with_document_abbreviations(name_hits, defined)
    cue_hits = cue_hits + _days_of_a_region(text) + _states_as_subject(text)
    language = detect_language(text) if lang == "auto" else lang
    if author is None and infer:
        author = _author_from_title(title, pipe) if title else None
    if author is None and infer:
        head = [h for h in name_hits if h.start < _HEAD_CHARS]
        author = infer_author(text, find_mentions(text, norm, head).strong, pipe.ref)
    named = sorted(h.start for h in name_hits if h.payloads[0].party or any(e.party for e in h.payloads))
    others = sorted([h.start for h in name_hits if any(e.party and e.party != author and not e.weak for e in h.payloads)]
                    + _coordinated_lists_near(text, norm, cue_hits))
    passages = find_passages(text, cue_hits, named, norm.from_original, others)
    elsewhere = _names_anywhere(name_hits)
    passage_names, passage_cues = _scan_passages(pipe.passage_cues, norm, passages)
    inside = _merged(_inside(name_hits, passages, norm) + passage_names)  # name_hits hold the defined abbreviations
    mentions = find_mentions(text, norm, inside, author=author, named_elsewhere=elsewhere)
    writer = _foreign_writer(text, norm, name_hits, pipe.ref) if author is None else None
    facts = code_facts(text, passages, mentions, cue_hits + passage_cues, author=author, ref=pipe.ref,
                       bodies=_bodies_named(name_hits, norm, text), writer=writer, capitals=pipe.capitals)
    return DocumentResult(document, author, language, tuple(facts), mentions=mentions.strong + mentions.weak)


# "Дни Ленинградской области в Республике Узбекистан", "Дней Республики Мордовия в Могилёвской области":
# a region's days held in a partner's territory (the word between "Дни" and the type word varies, which a
# cue row cannot say)
_OF_A_REGION = r"\s+(?:[А-ЯЁ][\w-]*\s+){1,3}?(?:области|края|республики|округа|Республики)\b"  # "… Ростовской области"
_DAYS_OF = re.compile(r"(?<![\w-])(?:Дни|Дней|Днях|Дням|дни|дней)" + _OF_A_REGION + r"[^.;|\n]{0,60}?\s(?:в|во)\s+[А-ЯЁ]")
_DAYS_NAME = re.compile(r"(?<![\w-])(?:Дни|Дней|Днях|Дням)" + _OF_A_REGION)
_DAYS_OF_EN = re.compile(r"Days\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+"
                         r"(?:(?:have|has)\s+been\s+held\s+|were\s+held\s+|are\s+held\s+|will\s+be\s+held\s+)?"
                         r"in\s+(?:the\s+)?[A-Z]")
# "в Ереване прошли Дни Ростовской области": the host named before the days
_HOST_BEFORE_DAYS = re.compile(r"(?:^|\s)(?:в|во)\s+[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ]?[\w-]+){0,3}\s+"
                               r"(?:прошли|пройдут|состоялись|состоятся|проведены|будут\s+проведены|проходят)\s+$")
_DAYS_CUE = Cue("coop_named", "coop", "ru", "дни <региона> в <партнёре>")
_DAYS_EVENT = Cue("event", "detailed", "ru", "дни <региона>")  # the days are an event (held, or dated)
_DAYS_CULTURE = Cue("sphere", "culture", "ru", "дни <региона>")  # a region's days present its culture (gold coders)


def _days_of_a_region(text: str) -> list[CueHit]:
    hits = []
    for key in ("Дн", "дн"):  # the pattern is tried only where its first word may start (a search is slow)
        at = text.find(key)
        while at != -1:
            m = _DAYS_OF.match(text, at)
            end = at + len(text[at:at + 6].split()[0]) if m or _DAYS_NAME.match(text, at) else 0
            if m or (end and _HOST_BEFORE_DAYS.search(text[max(0, at - 80):at])):
                hits.append(CueHit(_DAYS_CUE, at, end))
            if end:  # "в Ереване прошли Дни Ростовской области": the days are an event wherever they are
                hits += [CueHit(_DAYS_EVENT, at, end), CueHit(_DAYS_CULTURE, at, end)]
            at = text.find(key, at + 2)
    at = text.find("Days of")  # "Days of Chelyabinsk Region in the Republic of Uzbekistan"
    while at != -1:
        if _DAYS_OF_EN.match(text, at):
            hits += [CueHit(_DAYS_CUE, at, at + 4), CueHit(_DAYS_EVENT, at, at + 4), CueHit(_DAYS_CULTURE, at, at + 4)]
        at = text.find("Days of", at + 7)
    return sorted(hits, key=lambda h: h.start)


# "Russia and Norway continue to manage fish stocks", "Россия и Казахстан подписали": the states act, not a
# region (not "Центральная Россия и …": the word before must not be a capitalised name)
_STATES_AS_SUBJECT = re.compile(r"(?:Russia|the Russian Federation|Россия|Российская Федерация)\s+(?:and|и)\s+"
                                r"(?:the\s+)?[A-ZА-ЯЁ]")  # a literal start: the regex engine skips to it fast
# "Министерство культуры Российской Федерации и Министерство культуры Республики Беларусь подписали": two
# states' ministries or governments act (decision 83)
_FEDERAL_BODIES = re.compile(r"(?:Министерств|Правительств)\w*\s+(?:[\w-]+\s+){0,5}?Российской\s+Федерации\s+и\s+"
                             r"(?:Министерств|Правительств)\w*\s+(?:[\w-]+\s+){0,5}?(?:Республики|Государства|Королевства)\s")
_STATES_CUE = Cue("not_regional", "federal", "", "<Russia> and <state> as the subject")


def _coordinated_lists_near(text: str, norm, cue_hits, reach: int = 300) -> list[int]:
    """Normalised starts of coordinated lists of region adjectives within `reach` of a joint-body cue."""
    out = []
    for hit in cue_hits:
        if hit.cue.kind == "coop_named":
            lo = max(0, hit.start - reach)
            out += [norm.from_original(m.start()) for m in _COORDINATED_LIST.finditer(text, lo, hit.end + reach)]
    return out


def _states_as_subject(text: str) -> list[CueHit]:
    hits = [CueHit(_STATES_CUE, m.start(), m.end() - 1) for m in _STATES_AS_SUBJECT.finditer(text)
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"))
            and not _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
            and not text.endswith("of ", max(0, m.start() - 3), m.start())]  # "the Forum of Regions of Russia and Belarus"
    if "Российской Федерации и" in text:  # the search is tried only where it can match
        hits += [CueHit(_STATES_CUE, m.start(), m.end() - 1) for m in _FEDERAL_BODIES.finditer(text)]
    return sorted(hits, key=lambda h: h.start)


_NAME_BEFORE = re.compile(r"[A-ZА-ЯЁ][\w-]*[\s«\"–—-]*$")  # (also "the Estonia – Russia and the Latvia – Russia programmes")


def _inside(name_hits, passages, norm) -> list:
    """Only names inside cooperation passages can be parties; the rest need no case or context checks."""
    spans = [(norm.from_original(s), norm.from_original(e)) for s, e in passages]
    index = SpanIndex(name_hits, lambda h: h.start)
    return index.within_any(spans)


def _bodies_named(name_hits, norm, text: str) -> list[tuple[int, str]]:
    """(original offset, party) of every association, organisation or euroregion named anywhere in the text,
    sorted: "ассоциация", "в неё" may point back to one named outside the passages (decisions 80, 92)."""
    out = []
    for h in name_hits:
        bodies = {e.party for e in h.payloads if e.party and e.party.startswith(("assoc:", "org:", "euroregion:"))
                  and not e.weak and not e.ambiguous}
        if len(bodies) == 1:
            start, end = norm.span_to_original(h.start, h.end)
            if any(entry_case_fits(text[start:end], e) for e in h.payloads if e.party in bodies):  # not "near" for NEAR
                out.append((start, bodies.pop()))
    return sorted(out)


def _names_anywhere(name_hits) -> frozenset[str]:
    """Parties named unambiguously anywhere in the text, to resolve РТ, РБ in the passages."""
    return frozenset(e.party for h in name_hits for e in h.payloads
                     if e.party and not e.weak and not e.ambiguous and e.kind not in ("type_noun", "partner_noun", "stop")
                     and e.kind != "abbr")


# "our region", "our province": a release written by a foreign partner (decision 115)
# (not "нашей области": in Russian, that is a Russian author whose title did not name it)
_OUR_REGION = re.compile(r"\b[Oo]ur\s+(?:region|province|oblast|prefecture|aimag|county)\b|"
                         r"\b[Нн]аш(?:ей|ему|его|а|у|ем|им)?\s+(?:провинци|аймак|уезд|префектур)\w*")


def _foreign_writer(text: str, norm, name_hits, ref) -> str | None:
    """The foreign first-level unit that speaks of "our region" in an authorless text: the one named most often
    anywhere in it, its letterhead included (the first named on a tie)."""
    if not _OUR_REGION.search(text):
        return None
    counts: dict[str, int] = {}
    for h in name_hits:
        start, end = norm.span_to_original(h.start, h.end)
        parties = {e.party for e in h.payloads if e.party and not e.weak and not e.ambiguous
                   and party_attribute(ref, e.party, "kind") == "foreign_region"
                   and party_attribute(ref, e.party, "type") not in CITY_TYPES and entry_case_fits(text[start:end], e)}
        if len(parties) == 1:
            party = parties.pop()
            counts[party] = counts.get(party, 0) + 1
    return max(counts, key=counts.get) if counts else None  # dicts keep the first named first on a tie


def code_facts(text: str, passages, mentions: Mentions, cue_hits, *, author, ref, bodies=(), writer=None,
               capitals=None) -> list[Fact]:
    strong = capitals_as_states(text, mentions.strong, capitals or {})
    partners = partner_mentions(text, strong, lambda p: party_attribute(ref, p, "country"),
                                lambda p: party_attribute(ref, p, "type"))
    cue_index = SpanIndex(cue_hits, lambda h: h.start)
    mention_index = SpanIndex(partners, lambda m: m.start)
    institutional = [m for m in mentions.strong if names_an_institution(m, text)]
    drafts = with_writer(assemble(passages, partners, cue_index, author=author, ref=ref, year=_document_year(text),
                                  text=text, institutional=institutional, bodies=bodies), writer)
    return [code_fact(d, text, cue_index, mention_index, author=author, ref=ref) for d in drafts]


def _scan(matcher: Matcher, norm):
    name_hits, cue_hits = [], []
    _collect(matcher, norm, 0, len(norm.text), {}, name_hits, cue_hits)
    return name_hits, _drop_blocked(cue_hits)


def _scan_passages(matcher: Matcher, norm, passages) -> tuple[list, list[CueHit]]:
    """The words that matter only inside passages (the codes' cues, type nouns, adjectives), found
    there only: most of a document is not about cooperation. Name hits come back in normalised
    offsets of the whole text, cue hits in original offsets."""
    names, cues = [], []
    split: dict = {}
    for start, end in passages:
        _collect(matcher, norm, norm.from_original(start), norm.from_original(end), split, names, cues)
    return names, _drop_blocked(cues)


def _collect(matcher: Matcher, norm, n_start: int, n_end: int, split: dict, names: list, cues: list) -> None:
    """Scan norm.text[n_start:n_end]; add its name hits (normalised offsets of the whole text) to `names` and its
    cue hits (original offsets) to `cues`. Payload tuples are shared by every hit of a key, so `split` splits each
    once (the tuple is kept in the value, so that its id cannot be reused while the dict lives)."""
    whole = n_start == 0 and n_end == len(norm.text)
    for hit in matcher.scan(norm.text if whole else norm.text[n_start:n_end]):
        parts = split.get(id(hit.payloads))
        if parts is None:
            parts = split[id(hit.payloads)] = (tuple(p for p in hit.payloads if isinstance(p, NameEntry)),
                                               tuple(p for p in hit.payloads if isinstance(p, Cue)), hit.payloads)
        entries, found, _ = parts
        if entries:
            names.append(hit if whole and len(entries) == len(hit.payloads)
                         else Hit(n_start + hit.start, n_start + hit.end, hit.key, entries))
        if found:
            s, e = norm.span_to_original(n_start + hit.start, n_start + hit.end)
            cues.extend(CueHit(c, s, e) for c in found)


def _merged(hits: list) -> list:
    """Hits of the two scans on the same span become one hit with all their entries."""
    by_span: dict = {}
    for hit in hits:
        key = (hit.start, hit.end)
        if key in by_span:
            first = by_span[key]
            by_span[key] = Hit(first.start, first.end, first.key, first.payloads + hit.payloads)
        else:
            by_span[key] = hit
    return sorted(by_span.values(), key=lambda h: (h.end, h.start))


_LONGEST_CUE = 80  # characters; a cue that hides another starts at most this far before it


def _drop_blocked(hits: list[CueHit]) -> list[CueHit]:
    """A block cue ("социально-экономическое") hides every cue inside it, a sphere_block cue ("road map")
    only the sphere cues inside it; a longer sphere cue hides
    a shorter one of another sphere inside it ("физическая культура" is sport, not culture), and a longer
    status cue a shorter one of another status ("продолжают согласование" is intended)."""
    blocks = SpanIndex([h for h in hits if h.cue.kind == "block"], lambda h: h.start)
    sphere_blocks = SpanIndex([h for h in hits if h.cue.kind == "sphere_block"], lambda h: h.start)
    spheres = SpanIndex([h for h in hits if h.cue.kind == "sphere"], lambda h: h.start)
    statuses = SpanIndex([h for h in hits if h.cue.kind in ("status", "step")], lambda h: h.start)

    def hidden(h: CueHit) -> bool:
        near = max(0, h.start - _LONGEST_CUE)
        if blocks and any(b.end >= h.end for b in blocks.within(near, h.start + 1)):
            return True
        kind = h.cue.kind
        if kind == "sphere" and sphere_blocks and any(b.end >= h.end for b in sphere_blocks.within(near, h.start + 1)):
            return True
        if kind == "status":  # "продолжают согласование" is a plan, not "продолжают" work
            return longer_of_another_value(h, statuses.within(near, h.start + 1))
        return kind == "sphere" and longer_of_another_value(h, spheres.within(near, h.start + 1))

    def longer_of_another_value(h: CueHit, others) -> bool:
        return any(o.cue.value != h.cue.value and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                   for o in others)

    return [h for h in hits if h.cue.kind not in ("block", "sphere_block") and not hidden(h)]


# --- document metadata ---------------------------------------------------------------------------

_TITLE_CUE = re.compile(
    r"стратеги|программ|план\b|постановлени|закон|правительств|администраци|губернатор|министерств|"
    r"портал|пресс-служб|новост|послани|отч[её]т\s+(?:губернатора|главы)|инвестиционн\w*\s+(?:паспорт|профил)|"
    r"strategy|programme|program|government|administration|governor|ministry|portal|news|press|"
    r"invest(?:ment)?\s+(?:in|profile|promotion|agency|portal|passport)|annual\s+(?:address|report)|head of the",
    re.I)
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str | None:
    sample = text[:1500]
    cyr, lat = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    if cyr == lat == 0:
        return None
    return "ru" if cyr >= lat else "en"


def infer_author(text: str, mentions: tuple[Mention, ...], ref=None, *, need_cue: bool = True) -> str | None:
    """The Russian region named in a title-like opening line ("Стратегия … Калужской области",
    "Новости Псковской области"), or in a news headline filed from that region's capital ("Делегация
    Удмуртии …" over "Ижевск, 5 июня 2024 года."); a line naming two regions says nothing."""
    dateline = _dateline_city(text)
    for start, end in _title_lines(text):
        line = text[start:end]
        named = {m.party for m in mentions if start <= m.start < end and _is_author_kind(m.party, ref)}
        if len(named) != 1:
            continue
        (party,) = named
        if not need_cue or _TITLE_CUE.search(line) or (dateline and dateline in _capital_names(ref, party)):
            return party
    return None


_DATELINE = re.compile(r"^\s*([А-ЯЁA-Z][\w-]+(?:[ -][А-ЯЁA-Z][\w-]+)?),\s+\d{1,2}\s+\w+\s+(?:19|20)\d\d", re.M)


def _dateline_city(text: str) -> str | None:
    """"Ижевск, 5 июня 2024 года." at the start of a line near the top: where the news was filed from."""
    found = _DATELINE.search(text[:_HEAD_CHARS])
    return found.group(1).replace("ё", "е") if found else None


def _capital_names(ref, party: str) -> tuple[str, ...]:
    capital = getattr(ref, "capitals", {}).get(party)
    return (capital.name_ru.replace("ё", "е"), capital.name_en) if capital else ()


def _author_from_title(title: str, pipe: Pipeline) -> str | None:
    norm = normalise(title)
    hits, _ = _scan(pipe.matcher, norm)
    return infer_author(title, find_mentions(title, norm, hits).strong, pipe.ref, need_cue=False)


def _is_author_kind(party: str, ref) -> bool:
    if ref is None or party not in getattr(ref, "parties", {}):
        return _is_territory(party)
    return ref.parties[party].kind == "subject"


def _title_lines(text: str, limit: int = 4):
    pos, found = 0, 0
    while found < limit and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line and not line.startswith("["):
            found += 1
            yield pos, end
        pos = end + 1


def _is_territory(party: str) -> bool:
    return ":" not in party or party.startswith("region:")


def _document_year(text: str) -> int | None:
    from coopatlas.coding.rules import YEAR

    m = YEAR.search(text[:3000])
    return int(m.group(1)) if m else None


def extract_file(path: str | Path, author: str | None = None, *, lang: str = "auto", infer: bool = True,
                 ocr: bool = False) -> DocumentResult:
    """Read a file (txt, html, pdf, docx, doc, odt, rtf) and extract; a ReadError propagates to the caller."""
    from coopatlas.ingest import read_document

    doc = read_document(path, ocr=ocr)
    return extract_text(doc.text, author, lang=lang, document=str(path), infer=infer, title=doc.title)
