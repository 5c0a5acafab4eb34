"""Abbreviations a document defines for itself: "провинции Голестан (Исламская Республика Иран, далее – ИРИ)",
"Республика Беларусь (далее — РБ)", "Kyrgyz Republic (KR)". From the definition on, the abbreviation names
that party in this document, whatever the gazetteer says it means elsewhere ("РБ" on the Bashkortostan
portal is Bashkortostan; "РБ" defined as Belarus is Belarus).

Pure functions over the original text, the normalised text and the gazetteer hits.
"""
from __future__ import annotations

import re
from typing import Sequence

from coopatlas.nlp.gazetteer import NameEntry
from coopatlas.nlp.matcher import Hit
from coopatlas.nlp.normalize import Normalised

# "(далее – ИРИ)", ", далее — «РБ»", "(hereinafter the KR)", "(KR)", "(РТ)"
_DEFINITION = re.compile(
    r"(?:\(\s*|,\s*)(?:далее\s*(?:по\s+тексту\s*)?[—–-]?\s*|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?"
    r"[«\"“]?(?P<abbr>[А-ЯЁA-Z]{2,6})[»\"”]?\s*\)")
_DEFINITION_REACH = 60  # characters between the end of the name and its abbreviation
_BARE_REACH = 2  # "Kyrgyz Republic (KR)": a bare abbreviation in brackets stands right after its name


def document_abbreviations(text: str, norm: Normalised, name_hits: Sequence[Hit]) -> list[Hit]:
    """Hits (in normalised offsets) for every later use of an abbreviation the text defines right after
    a name that names one party; the definition itself is included."""
    defined: dict[str, tuple[str, int]] = {}
    for m in _DEFINITION.finditer(text):
        abbr = m.group("abbr")
        if abbr in defined:
            continue
        # a bare "(KR)" must follow its name at once: "MINSK, 28 June 2024 (ERW)" is a news agency's tag
        reach = _BARE_REACH if _bare(m) else _DEFINITION_REACH
        party = _party_named_before(norm, name_hits, norm.from_original(m.start()), reach)
        if party and not (_bare(m) and _known_elsewhere(norm, name_hits, norm.from_original(m.start("abbr")), party)):
            defined[abbr] = (party, m.start("abbr"))
    out = []
    for abbr, (party, first) in defined.items():
        entry = NameEntry(party, "abbr", abbr, abbr, frozenset({"defined in the document"}))
        for use in re.finditer(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text):
            if use.start() >= first:
                start = norm.from_original(use.start())
                out.append(Hit(start, start + len(abbr), abbr.lower(), (entry,)))
    return out


def _bare(m: re.Match) -> bool:
    """"(ОАЭ)" with no "далее" or "hereinafter": it may only say where the name before it lies."""
    return not re.search(r"далее|hereinafter", m.group(0), re.IGNORECASE)


def _known_elsewhere(norm: Normalised, name_hits: Sequence[Hit], at: int, party: str) -> bool:
    """The gazetteer knows the abbreviation at `at` as one other party: "эмирата Шарджа (ОАЭ)" names the state the
    emirate lies in, not a new name for the emirate (decision 84)."""
    for hit in name_hits:
        if hit.start == at:
            known = {e.party for e in hit.payloads if isinstance(e, NameEntry) and e.kind == "abbr" and e.party
                     and not e.ambiguous}
            return len(known) == 1 and party not in known
    return False


def _party_named_before(norm: Normalised, name_hits: Sequence[Hit], at: int,
                        reach: int = _DEFINITION_REACH) -> str | None:
    """The one party of the last name that ends within `reach` before `at` (normalised offsets)."""
    best = None
    for hit in name_hits:
        if at - reach <= hit.end <= at + 1 and (best is None or hit.end > best.end
                                                or (hit.end == best.end and hit.start < best.start)):
            best = hit
    if best is None:
        return None
    parties = {e.party for e in best.payloads
               if isinstance(e, NameEntry) and e.party and not e.weak and not e.ambiguous
               and e.kind not in ("type_noun", "partner_noun", "stop", "adj", "en_adj", "typed_adj")}
    return parties.pop() if len(parties) == 1 else None


def with_document_abbreviations(hits: Sequence[Hit], defined: Sequence[Hit]) -> list[Hit]:
    """The hits with every span of a defined abbreviation replaced by the document's own meaning."""
    if not defined:
        return list(hits)
    spans = {(h.start, h.end) for h in defined}
    return sorted([h for h in hits if (h.start, h.end) not in spans] + list(defined), key=lambda h: (h.end, h.start))
