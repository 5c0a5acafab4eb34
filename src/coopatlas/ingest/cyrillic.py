"""How plausible is a decoded text as Russian (or plain Latin) writing? (pure)

Single-byte Cyrillic code pages map the same bytes to different letters, and on short texts a
detector often picks the wrong one. A wrong choice leaves tell-tale marks that this score
penalises:

- KOI8-R read as windows-1251 (or the reverse, or ISO-8859-5 read as either) swaps the case of
  most letters: words come out as ``рТЙЧЕФ``, an uppercase letter right after a lowercase one;
- the letters are shuffled, so rare letters (ф, щ, ъ, ё) become frequent: each Russian letter
  scores the log of its frequency in running Russian text;
- CP866 or MacCyrillic read as windows-1251 produce non-Russian letters (Ђ, ѓ, џ) and symbols
  (‰, †, ®) in the middle of words;
- a Latin-1 text read as Cyrillic mixes Cyrillic letters into Latin words (``cafй``);
- running Russian text is mostly lowercase, so an uppercase letter inside a word costs a little.

``plausibility(text)`` is the mean score per non-ASCII character: higher is more plausible.
ASCII characters are identical in every candidate encoding, so they carry no information.
"""
from __future__ import annotations

import math
import re
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+")
_NEUTRAL_SYMBOLS = frozenset("«»—–…№\u00a0“”„")
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")

MIXED_SCRIPT_PENALTY = -8.0
CASE_FLIP_PENALTY = -6.0
LATIN_LETTER_SCORE = -5.0
FOREIGN_LETTER_SCORE = -7.5
UPPERCASE_PENALTY = -1.0
SYMBOL_SCORE = -6.0
NEUTRAL_SYMBOL_SCORE = -4.5


@cache
def letter_scores() -> dict[str, float]:
    """Natural log of each Russian letter's relative frequency, lowercase keys."""
    table = resources.files("coopatlas.ingest").joinpath("data/russian_letters.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in table.splitlines() if line and not line.startswith("#")]
    counts = {letter: float(value) for letter, value in rows[1:]}
    total = sum(counts.values())
    return {letter: math.log(count / total) for letter, count in counts.items()}


def plausibility(text: str) -> float:
    """Mean score per non-ASCII character; 0.0 when the text is pure ASCII."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if not non_ascii:
        return 0.0
    total = sum(_word_score(m.group()) for m in _WORD.finditer(text))
    total += sum(_symbol_score(ch) for ch in text if ord(ch) > 127 and not ch.isalpha())
    return total / non_ascii


def _word_score(word: str) -> float:
    russian = sum(1 for ch in word if ch.lower() in _RUSSIAN)
    if russian == 0:
        return sum(_foreign_letter_score(ch) for ch in word if ord(ch) > 127)
    if russian < len(word):
        return MIXED_SCRIPT_PENALTY * len(word)
    scores = letter_scores()
    uppercase = sum(1 for ch in word[1:] if ch.isupper())
    return (sum(scores[ch.lower()] for ch in word) + UPPERCASE_PENALTY * uppercase
            + CASE_FLIP_PENALTY * _case_flips(word))


def _foreign_letter_score(ch: str) -> float:
    """Accented Latin letters are plausible in Latin words; other scripts much less so here."""
    return LATIN_LETTER_SCORE if "\u00c0" <= ch <= "\u024f" else FOREIGN_LETTER_SCORE


def _case_flips(word: str) -> int:
    """Uppercase letters that follow a lowercase letter inside one word (``пРХБЕТ`` has one)."""
    return sum(1 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())


def _symbol_score(ch: str) -> float:
    return NEUTRAL_SYMBOL_SCORE if ch in _NEUTRAL_SYMBOLS else SYMBOL_SCORE
