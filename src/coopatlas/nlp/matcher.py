"""The only module that imports pyahocorasick: one multi-pattern scan over normalised text.

Patterns are normalised keys (see normalize.py). Every pattern starts at a word boundary.
- a whole pattern (prefix=False) must also end at a word boundary: names, "took place";
- a prefix pattern is a row of word stems: each of its words may continue ("рабоч групп" finds
  "рабочей группы"). Short leading words (under 4 letters, "в рамках") are taken literally; the
  first longer word is the anchor that the automaton finds, and the rest is checked by a regex.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, NamedTuple

import ahocorasick

_ANCHOR_MIN = 4


class Hit(NamedTuple):
    """A NamedTuple, not a frozen dataclass: one is made for every match, and a NamedTuple is built 2.4x
    faster (benchmarks/README.md)."""

    start: int          # offsets in the normalised text
    end: int
    key: str
    payloads: tuple     # the payloads registered under this key that fit the text here


@dataclass(frozen=True, slots=True)
class _Stems:
    """A multi-word stem pattern: literal lead words, then stems checked by `tail` at the anchor."""

    lead: str
    tail: re.Pattern
    key: str


class Matcher:
    def __init__(self, patterns: Iterable[tuple[str, Any, bool]]):
        """patterns: (normalised key, payload, prefix?) triples."""
        grouped: dict[str, list] = defaultdict(list)
        for key, payload, prefix in patterns:
            if not key:
                continue
            if prefix and " " in key:
                anchor, stems = _compile_stems(key)
                grouped[anchor].append((payload, "stems", stems))
            else:
                grouped[key].append((payload, "prefix" if prefix else "whole", None))
        self._automaton = ahocorasick.Automaton()
        for key, values in grouped.items():
            prefix_only = tuple(p for p, mode, _ in values if mode == "prefix")
            at_word_end = tuple(p for p, mode, _ in values if mode in ("prefix", "whole"))
            stems = tuple((p, st) for p, mode, st in values if mode == "stems")
            self._automaton.add_word(key, (key, at_word_end, prefix_only, stems))
        self._automaton.make_automaton()
        self.size = len(grouped)

    def scan(self, text: str) -> Iterator[Hit]:
        if self.size == 0:
            return
        n = len(text)
        for last, (key, at_word_end, prefix_only, stems) in self._automaton.iter(text):
            start = last - len(key) + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            for payload, pattern in stems:
                span = _match_stems(text, start, pattern)
                if span:
                    yield Hit(span[0], span[1], pattern.key, (payload,))
            fitting = at_word_end if last + 1 >= n or not text[last + 1].isalnum() else prefix_only
            if fitting:
                yield Hit(start, last + 1, key, fitting)


def _compile_stems(key: str) -> tuple[str, _Stems]:
    words = key.split(" ")
    k = next((i for i, w in enumerate(words) if len(w) >= _ANCHOR_MIN), len(words) - 1)
    lead = "".join(w + " " for w in words[:k])
    tail = re.compile(r"\w* ".join(re.escape(w) for w in words[k:]) + r"\w*")
    return words[k], _Stems(lead, tail, key)


def _match_stems(text: str, anchor: int, stems: _Stems) -> tuple[int, int] | None:
    start = anchor - len(stems.lead)
    if start < 0 or text[start:anchor] != stems.lead or (start > 0 and text[start - 1].isalnum()):
        return None
    m = stems.tail.match(text, anchor)
    return (start, m.end()) if m else None
