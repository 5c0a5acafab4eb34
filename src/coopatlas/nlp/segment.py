"""The only module that imports razdel: blocks and sentences with offsets into the original text.

A block is a paragraph: text between blank lines, or a line that starts a list item or an article.
A single line break inside a block is a wrapped line (PDF, hard-wrapped text) and does not end a sentence.
"""
from __future__ import annotations

import re
from typing import Iterator

from razdel import sentenize

_BLOCK_BREAK = re.compile(
    r"\n[ \t]*\n\s*"                                     # a blank line
    r"|(?<=[.;:!?»)\]])[ \t]*\n(?=[ \t]*\S)"                # a line that ends a sentence
    r"|\n(?=[ \t]*(?:[-–—•·*]\s|\d{1,2}[.)]\s|[а-яa-z][.)]\s|Статья\s|Article\s|Раздел\s|Глава\s))"
)


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty block."""
    start = 0
    for m in _BLOCK_BREAK.finditer(text):
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of text[start:end], as offsets into text."""
    for s in sentenize(text[start:end]):
        yield start + s.start, start + s.stop


def _trimmed(text: str, start: int, end: int):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
