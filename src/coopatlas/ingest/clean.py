"""Text cleaning shared by every reader (pure).

The cleaned text is the reference text: evidence offsets point into it, so cleaning does only
what is listed here and nothing else:

- Unicode NFC normalisation;
- ``\\r\\n`` and lone ``\\r`` become ``\\n``;
- control characters (category Cc: NUL, C0, DEL, C1) are removed, except ``\\n`` and ``\\t``.

Non-breaking spaces, soft hyphens, dashes and runs of spaces are kept as they are: the matcher
normalises them with its own offset map.
"""
from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile(r"\r\n?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Return ``text`` normalised as described in the module docstring."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def is_blank(text: str) -> bool:
    return not text.strip()
