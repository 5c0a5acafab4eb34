"""Join words broken across lines by hyphenation, keep real hyphenated compounds (pure).

A break is a letter run, a hyphen (``-``, U+2010, a soft hyphen U+00AD) and a line end, then a
word; or pdfium's own marker U+FFFE, which it puts where a line ended in a hyphen (it drops the
line end itself). At each break the hyphen is KEPT (and the line end removed) when a rule in
``KEEP_RULES`` fires, otherwise the two fragments are JOINED:

1. ``capitalised_next``: the next fragment starts with a capital and is not an all-capitals
   continuation of an all-capitals word: ``Ханты-\\nМансийский`` → ``Ханты-Мансийский``;
2. ``compound_first_part``: the first fragment is a known first part of a compound
   (``data/hyphen_compounds.tsv``: северо, социально, ханты…) and the next fragment has at
   least four letters: ``социально-\\nэкономического``, ``ХАНТЫ-\\nМАНСИЙСКИЙ``;
3. ``particle``: a pronoun or adverb followed by то / либо / нибудь / таки: ``кто-\\nто``;
4. ``po_adverb``: ``по-`` before an adverb in -ому/-ему/-ски/-цки/-ьи: ``по-\\nновому``.

Otherwise: ``автомаги-\\nстрали`` → ``автомагистрали``. Digits on either side (``2020-\\n2025``)
are left untouched. Any U+FFFE left over becomes a plain hyphen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Callable

_BREAK = re.compile(
    r"(?<![^\W\d_])(?P<left>[^\W\d_]+)(?:\ufffe[ \t]*\n?|[-\u00ad\u2010][ \t]*\n)[ \t]*(?P<right>[^\W\d_]+)"
)
_PO_ADVERB_ENDINGS = ("ому", "ему", "ски", "цки", "ьи")
MIN_COMPOUND_TAIL = 4


@dataclass(frozen=True, slots=True)
class Break:
    left: str
    right: str


@dataclass(frozen=True)
class CompoundParts:
    first: frozenset[str]
    hosts: frozenset[str]
    particles: frozenset[str]


@cache
def compound_parts() -> CompoundParts:
    table = resources.files("coopatlas.ingest").joinpath("data/hyphen_compounds.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in table.splitlines() if line and not line.startswith("#")]
    by_kind: dict[str, set[str]] = {"first": set(), "host": set(), "particle": set()}
    for kind, part in rows[1:]:
        by_kind[kind].add(part)
    return CompoundParts(frozenset(by_kind["first"]), frozenset(by_kind["host"]), frozenset(by_kind["particle"]))


def capitalised_next(b: Break) -> bool:
    all_caps_run = b.left.isupper() and b.right.isupper() and len(b.right) > 1
    return b.right[0].isupper() and not all_caps_run


def compound_first_part(b: Break) -> bool:
    return b.left.lower() in compound_parts().first and len(b.right) >= MIN_COMPOUND_TAIL


def particle(b: Break) -> bool:
    parts = compound_parts()
    return b.left.lower() in parts.hosts and b.right.lower() in parts.particles


def po_adverb(b: Break) -> bool:
    return b.left.lower() == "по" and b.right.lower().endswith(_PO_ADVERB_ENDINGS)


KEEP_RULES: tuple[Callable[[Break], bool], ...] = (capitalised_next, compound_first_part, particle, po_adverb)


def keeps_hyphen(b: Break) -> bool:
    return any(rule(b) for rule in KEEP_RULES)


def join_hyphenation(text: str) -> str:
    """Resolve every line-end hyphen in ``text`` (lines end in ``\\n``: clean the text first)."""
    return _BREAK.sub(_resolve, text).replace("\ufffe", "-")


def _resolve(match: re.Match) -> str:
    b = Break(match["left"], match["right"])
    return f"{b.left}-{b.right}" if keeps_hyphen(b) else b.left + b.right
