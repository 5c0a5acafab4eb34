"""The cue lexicon: data files a researcher can edit (coding/data/*.tsv), loaded into patterns.

Columns: kind, value, lang, cue, match (prefix = a word start; word = whole words), note.
A cue may list forms with braces: "подписан{,а,о,ы}" stands for подписан, подписана, подписано, подписаны.
"""
from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Iterator

from coopatlas.nlp.normalize import normalise_key

CUE_FILES = ("cues.tsv", "spheres.tsv", "status.tsv", "specificity.tsv")
_BRACES = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str      # coop, anaphora, joint, separate, direction, sphere, status, modal, instrument, mechanism, …
    value: str     # the code it points to (a sphere, a status, …)
    lang: str
    text: str      # the cue as written in the data file, recorded in `why`


@cache
def load_cues(files: tuple[str, ...] = CUE_FILES) -> tuple[tuple[str, Cue, bool], ...]:
    """(normalised key, Cue, prefix?) for every form of every cue row."""
    patterns = []
    for name in files:
        for row in _rows(name):
            prefix = row["match"] == "prefix"
            for form in expand_braces(row["cue"]):
                cue = Cue(row["kind"], row["value"], row["lang"], form)
                patterns.append((normalise_key(form), cue, prefix))
    return tuple(patterns)


def expand_braces(text: str) -> list[str]:
    parts = _BRACES.split(text)
    options = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(choice) for choice in itertools.product(*options)]


def _rows(name: str) -> Iterator[dict]:
    text = resources.files("coopatlas.coding").joinpath("data", name).read_text(encoding="utf-8")
    for line_no, row in enumerate(csv.DictReader(text.splitlines(), delimiter="\t"), start=2):
        if not row.get("cue") or row.get("match") not in ("prefix", "word"):
            raise ValueError(f"coding/data/{name}:{line_no}: needs a cue and match = prefix|word")
        yield row
