"""EU cross-border programmes: which of them a passage names and with whom (codebook 2; docs/coding-decisions.md 17,
100, 105, 119, 121). Pure functions over the text, the passage's mentions and the reference tables.
"""
from __future__ import annotations

import re
from typing import Sequence

from coopatlas.coding.cues import Cue
from coopatlas.coding.partners import party_attribute
from coopatlas.coding.partners import unique as _unique
from coopatlas.model import Mention

EU_PROGRAMME_NEIGHBOURS = frozenset({"FI", "EE", "LV", "LT", "PL", "NO", "SE", "DE", "DK"})


def with_eu_programme(parties: tuple[str, ...], cues: Sequence[Cue], ref) -> tuple[str, ...]:
    """Kolarctic, Interreg, "Россия – Эстония": EU programmes are cooperation with org:eu (codebook 2)."""
    kinds = {c.kind for c in cues}
    countries = {party_attribute(ref, p, "country") for p in parties}
    if "eu_programme" in kinds or ("cbc_programme" in kinds and countries & EU_PROGRAMME_NEIGHBOURS):
        return _unique(parties + ("org:eu",))
    return parties


_QUOTED_NAME = re.compile(r"«[^«»\n]{3,80}»|\"[^\"\n]{3,80}\"|“[^“”\n]{3,80}”")  # «…», "…", “…”
# "the Estonia – Russia and the Latvia – Russia programmes", "South-East Finland – Russia": a programme named by its
# two sides, unquoted (decision 121)
_DASHED_PROGRAMME = re.compile(r"(?:[A-Z][\w-]*[\s-]+){0,2}[A-Z][\w-]*\s+[–—-]\s+Russia\b|Russia\s+[–—-]\s+[A-Z][\w-]*")


def without_states_of_a_programme_name(parties: tuple[str, ...], inside: Sequence[Mention], passage: str,
                                        offset: int, ref) -> tuple[str, ...]:
    """"в рамках программы «Юго-Восточная Финляндия – Россия» … с регионом Кюменлааксо": a state named only inside
    a programme's quoted name gives way to its regions named in the passage; with no region of it named, the state
    is the party (decision 105)."""
    quoted = [(offset + q.start(), offset + q.end()) for q in _QUOTED_NAME.finditer(passage)]
    if not quoted:
        return parties
    in_names = {m.party for m in inside if any(a < m.start < b for a, b in quoted)}
    elsewhere = {m.party for m in inside if not any(a < m.start < b for a, b in quoted)}
    gives_way = {p for p in in_names - elsewhere if party_attribute(ref, p, "kind") == "country"
                 and any(q != p and party_attribute(ref, q, "country") == p for q in parties)}
    return tuple(p for p in parties if p not in gives_way) if gives_way else parties


def separate_programmes(text: str, start: int, end: int, inside: Sequence[Mention], partners, author=None):
    """"в двух программах приграничного сотрудничества … – «Юго-Восточная Финляндия – Россия» и «Россия –
    Эстония»": each EU programme named in quotes (or by its two sides, "the Estonia – Russia and the Latvia – Russia
    programmes") is a relation of its own with the states or regions its name gives (decisions 100, 121), not one
    joint framework of them all. With an author, every partner but org:eu must be inside a name; without one, each
    Russian region named outside the names takes the programmes named after it ("Leningrad Region worked in the
    South-East Finland – Russia programme, and Pskov Region took part in both the Estonia – Russia and …")."""
    if "org:eu" not in partners:
        return None
    quoted = [q.span() for q in _QUOTED_NAME.finditer(text, start, end)]
    dashed = [d.span() for d in _DASHED_PROGRAMME.finditer(text, start, end)
              if not any(a <= d.start() < b for a, b in quoted)]  # a quoted name is read once
    spans, groups = [], []
    for q0, q1 in sorted(quoted + dashed):
        named = _unique(m.party for m in inside if q0 <= m.start < q1 and m.party in partners)
        if named:
            spans.append((q0, q1))
            groups.append(named)
    flat = [p for g in groups for p in g]
    if len(groups) < 2 or len(set(flat)) != len(flat):
        return None
    outside = [m for m in sorted(inside, key=lambda m: m.start) if m.party in partners and m.party != "org:eu"
               and m.party not in flat]
    if author is not None or not outside:
        return [g + ("org:eu",) for g in groups] if set(partners) - set(flat) == {"org:eu"} else None
    out = []
    for (q0, _), group in zip(spans, groups):
        owners = [m.party for m in outside if m.end <= q0]
        if not owners:
            return None
        out.append((owners[-1],) + group + ("org:eu",))
    return out if {m.party for m in outside} <= {g[0] for g in out} else None
