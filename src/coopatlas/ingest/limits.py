"""Size limits every reader respects (a frozen record so tests can pass tiny ones)."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_MAX_EXPANDED = 200_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES  # size of the file itself
    max_expanded: int = DEFAULT_MAX_EXPANDED  # uncompressed size of a DOCX's main part
