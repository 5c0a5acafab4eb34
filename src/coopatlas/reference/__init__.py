"""Reference data: territories, federal districts (dated), memberships, borders, aliases.

The tables live in `data/*.tsv` (see data/README.md); nothing is read at import time.

    >>> ref = load_reference()
    >>> ref.parties["RU-KLU"].name_ru
    'Калужская область'
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from coopatlas.reference.build import build_reference, read_reference
from coopatlas.reference.periods import Period
from coopatlas.reference.records import Alias, Border, Capital, District, Group, IdAlias, Membership, Party
from coopatlas.reference.reference import Reference

__all__ = [
    "Alias", "Border", "Capital", "District", "Group", "IdAlias", "Membership", "Party", "Period",
    "Reference", "build_reference", "load_reference",
]


def load_reference(path: str | Path | None = None) -> Reference:
    """The packaged reference tables, or the TSVs in `path` (for tests); cached per path."""
    return _load(None if path is None else str(Path(path)))


@cache
def _load(path: str | None) -> Reference:
    return read_reference(path)
