"""RTF reader: the only module that imports striprtf.

RTF is 7-bit text in which other characters are written as ``\\'xx`` escapes (a byte in the
document's ANSI code page) or ``\\uN`` escapes (a Unicode code point). The code page comes from
``\\ansicpg`` in the header; without it, a font table naming the Cyrillic character set
(``\\fcharset204``) means windows-1251, and anything else windows-1252. The few writers that put raw
8-bit bytes in the file use the same code page, so the whole file is decoded with it first.

The title is the ``{\\info{\\title …}}`` field when there is one.
"""
from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.limits import Limits
from coopatlas.model import RawDocument

MAGIC = b"{\\rtf"
HEADER_BYTES = 8192
DEFAULT_CODEPAGE = "cp1252"
CYRILLIC_CODEPAGE = "cp1251"

_ANSICPG = re.compile(rb"\\ansicpg(\d+)")
_CYRILLIC_FONT = re.compile(rb"\\fcharset204\b")
_TITLE = re.compile(r"\{\\title\s?((?:[^{}\\]|\\.)*?)\}", re.DOTALL)


def read_rtf(data: bytes, path: str, limits: Limits) -> RawDocument:
    if not data.lstrip().startswith(MAGIC):
        raise ReadError("corrupt RTF: no {\\rtf header")
    codepage = rtf_codepage(data)
    source = data.decode(codepage, errors="replace")
    text = _strip(source, codepage)
    return RawDocument(path=path, text=clean_text(text), format="rtf", encoding=codepage, title=_title(source, codepage))


def rtf_codepage(data: bytes) -> str:
    """Python codec name for the document's ANSI code page (see the module docstring)."""
    header = data[:HEADER_BYTES]
    declared = _ANSICPG.search(header)
    if declared:
        name = _codec(f"cp{int(declared.group(1))}")
        if name:
            return name
    return CYRILLIC_CODEPAGE if _CYRILLIC_FONT.search(header) else DEFAULT_CODEPAGE


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strip(source: str, codepage: str) -> str:
    try:
        return rtf_to_text(source, encoding=codepage, errors="replace")
    except Exception as error:  # striprtf's parser raises plain Python errors on broken groups
        raise ReadError(f"corrupt RTF: {type(error).__name__}") from None


def _title(source: str, codepage: str) -> str | None:
    match = _TITLE.search(source[:HEADER_BYTES * 4])
    if not match:
        return None
    title = clean_text(_strip("{\\rtf1 " + match.group(1) + "}", codepage)).strip()
    return title or None
