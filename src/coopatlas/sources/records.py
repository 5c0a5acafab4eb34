"""What the source walker yields: files to read, and problems recorded instead of raised."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

FILE = "file"
ZIP = "zip"

ERROR = "error"          # the file could not be read, or was refused (too large, zip bomb, outside the sources…)
SKIPPED = "skipped"      # deliberately not read: its content is read elsewhere (a symlink inside the sources)
DUPLICATE = "duplicate"  # the same bytes were read already under another path


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One file found: on disk (origin ``file``) or inside a .zip archive (origin ``zip``).

    ``path`` is what the user sees (the source as given, joined with the path below it; archive
    members continue the archive's path: ``corpus/pack.zip/2023/agreement.pdf``). ``relative``
    is the same path relative to its source root, the key a manifest uses. ``open_bytes()``
    returns the content or raises ``SourceGone``.
    """

    path: str
    relative: str
    size: int
    origin: str
    open_bytes: Callable[[], bytes] = field(compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A path that gives no document, and why (one line)."""

    path: str
    reason: str
    kind: str = ERROR


class SourceGone(Exception):
    """Reading a listed item failed (it vanished, changed or became unreadable); the message is the reason."""
