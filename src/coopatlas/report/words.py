"""The report's own words (titles, introductions, notes) in English and Russian, from templates/words.tsv."""
from __future__ import annotations

import csv
from functools import cache
from importlib import resources

__all__ = ["words", "LANGS"]

LANGS = ("en", "ru")


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("coopatlas.report").joinpath("templates/words.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {row["key"]: {lang: row[lang] for lang in LANGS} for row in rows}


def words(lang: str = "en") -> dict[str, str]:
    """Every word of the report in `lang`."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return {key: by_lang[lang] for key, by_lang in _table().items()}
