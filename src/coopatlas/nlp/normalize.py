"""Normalise text for matching, keeping a map back to the original offsets.

Normalised text: lowercase, ё→е, Latin letters without their diacritics (ö→o), every dash and hyphen, quote and NBSP → space, soft hyphens dropped,
a word broken by a hyphen at a line end joined, every run of whitespace → one space. Character-for-character translation keeps offsets; only the
collapsed whitespace runs and dropped characters shift them, and those shifts are recorded as
breakpoints, so mapping back is a binary search.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_SPACE_LIKE = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u00ab\u00bb\"\u201c\u201d\u201e\u201f\u2039\u203a'\u2018\u2019\u201a`\u00b4"
_DROP = "\u00ad\u200b\u200c\u200d\ufeff"



def _latin_folds() -> dict[str, str]:
    """Latin letters with diacritics → their base letter, one for one ("Ölgii" → "Olgii", "Łódź" → "Lodz",
    "Jämtland" → "Jamtland"): English texts spell foreign regions with and without them."""
    folds = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i"}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if char not in folds and base != char and base.isascii() and base.isalpha():
            folds[char] = base
    return folds


_MAP = {**{c: " " for c in _SPACE_LIKE + _DASHES + _QUOTES}, "ё": "е", "Ё": "Е", **{c: "\x00" for c in _DROP},
        **_latin_folds()}
# one character for one: a regex over the few special characters is ~8x faster than str.translate on
# Cyrillic text (translate looks every character up in a dict)
_SPECIAL = re.compile("[" + re.escape("".join(_MAP)) + "]")
# a run of two or more, or one whitespace character that is not a space, or one dropped character; written
# to start with a character set, which the regex engine skips to fast (an alternation first is ~2.5x slower)
_RUNS = re.compile(r"[\s\x00](?:[\s\x00]+|(?<=[^ ]))")
# a hyphen at a line end before a lower-case letter; the letter before it is checked for each (rare) match,
# since a look-behind first would make the regex engine try every position of the text
_LINE_END_HYPHEN_FAST = re.compile(r"[-\u00ad\u2010\u2011][ \t]*\r?\n[ \t]*(?=[а-яёa-z])")
_LOWER = re.compile(r"[а-яёa-z]")


@dataclass(frozen=True)
class Normalised:
    """The normalised text and the breakpoints that map it back to the original."""

    text: str
    _norm_at: tuple[int, ...]   # normalised offset where a shift starts
    _shift: tuple[int, ...]     # original - normalised offset from that point on

    def to_original(self, pos: int) -> int:
        i = bisect_right(self._norm_at, pos) - 1
        return pos + (self._shift[i] if i >= 0 else 0)

    def from_original(self, pos: int) -> int:
        """The normalised offset of an original one (inside a collapsed run: where the run ends)."""
        i = bisect_right(self._orig_at, pos) - 1
        result = pos - (self._shift[i] if i >= 0 else 0)
        if i + 1 < len(self._norm_at):
            result = min(result, self._norm_at[i + 1])
        return result

    @property
    def _orig_at(self) -> tuple[int, ...]:
        cached = self.__dict__.get("_orig_at_cache")
        if cached is None:
            cached = tuple(n + s for n, s in zip(self._norm_at, self._shift))
            object.__setattr__(self, "_orig_at_cache", cached)
        return cached

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) back; end maps from its last character."""
        return self.to_original(start), self.to_original(end - 1) + 1


def normalise(text: str) -> Normalised:
    mapped = _join_line_end_hyphens(text, _lower_same_length(_SPECIAL.sub(_mapped_char, text)))
    parts: list[str] = []
    norm_at: list[int] = []
    shifts: list[int] = []
    last = 0
    removed = 0
    for m in _RUNS.finditer(mapped):
        run = m.group()
        keep = " " if run.strip("\x00") else ""
        parts.append(mapped[last:m.start()])
        parts.append(keep)
        next_norm = m.start() - removed + len(keep)   # where the text after the run lands
        removed += len(run) - len(keep)
        norm_at.append(next_norm)
        shifts.append(removed)
        last = m.end()
    parts.append(mapped[last:])
    return Normalised("".join(parts), tuple(norm_at), tuple(shifts))


def _mapped_char(m: re.Match) -> str:
    return _MAP[m.group()]


def _join_line_end_hyphens(original: str, mapped: str) -> str:
    """"Гомель-\nской", "автомаги-\nстрали": a hyphen at a line end between lowercase letters is
    a word broken across lines; its characters are dropped. ("Ханты-\nМансийский" keeps a space.)"""
    if "\n" not in original:
        return mapped
    breaks = [m for m in _LINE_END_HYPHEN_FAST.finditer(original)
              if m.start() and _LOWER.match(original, m.start() - 1)]
    if not breaks:
        return mapped
    parts, last = [], 0
    for m in breaks:
        parts += [mapped[last:m.start()], "\x00" * (m.end() - m.start())]
        last = m.end()
    parts.append(mapped[last:])
    return "".join(parts)


def normalise_key(text: str) -> str:
    """Normalise a pattern (an alias or a cue): the same mapping, without the offset map."""
    return normalise(text).text.strip()


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
