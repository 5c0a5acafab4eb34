"""The only module that imports razdel: blocks and sentences with offsets into the original text.

A block is a paragraph: text between blank lines, or a line that starts a list item or an article.
A single line break inside a block is a wrapped line (PDF, hard-wrapped text) and does not end a sentence,
except in a table, where every row is a block.
"""
from __future__ import annotations

import re
from typing import Iterator

from razdel import sentenize

_BLOCK_BREAK = re.compile(
    r"\n[ \t]*\n\s*"                                     # a blank line
    r"|(?<=[.;:!?»)\]])[ \t]*\n(?=[ \t]*\S)"                # a line that ends a sentence
    r"|\n(?=[ \t]*(?:[-–—•·*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[а-яa-z][.)]\s|Статья\s|Article\s|Раздел\s|Глава\s))"
)


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty block; each row of a table (cells joined by " | ") is a block."""
    start = 0
    for m in _BLOCK_BREAK.finditer(text):
        if text[m.start() - 1:m.start()] in ("»", ")") and text[m.end():m.end() + 1].islower():
            continue  # "(Российская Федерация)\nи Витебским …": a bracket at a line end that the next line goes on from
        yield from _rows(text, start, m.start())
        start = m.end()
    yield from _rows(text, start, len(text))


def _rows(text: str, start: int, end: int):
    if " | " not in text[start:end]:
        yield from _trimmed(text, start, end)
        return
    for line in re.finditer(r"[^\n]+", text[start:end]):
        yield from _trimmed(text, start + line.start(), start + line.end())


_SENTENCE_MARK = re.compile(r"[.?!…;]")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of text[start:end], as offsets into text. A block with no sentence-final mark before
    its last character (a heading, a table row, one short sentence) is one sentence: razdel is skipped."""
    if not _SENTENCE_MARK.search(text, start, end - 1):
        yield start, end
        return
    for s in sentenize(text[start:end]):
        yield start + s.start, start + s.stop


def _trimmed(text: str, start: int, end: int):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
