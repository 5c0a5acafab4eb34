"""A tiny reference with the same interface as coopatlas.reference, for unit tests of the coding stage."""
from dataclasses import dataclass

from coopatlas.extract import build_pipeline


@dataclass(frozen=True)
class FakeAlias:
    party: str
    text: str
    lang: str
    kind: str
    flags: frozenset = frozenset()
    note: str = ""


@dataclass(frozen=True)
class FakeParty:
    id: str
    kind: str


ROWS = [
    ("RU-KLU", "subject", "Калужская область", "name", ""), ("RU-TUL", "subject", "Тульская область", "name", ""),
    ("RU-BRY", "subject", "Брянская область", "name", ""), ("RU-SMO", "subject", "Смоленская область", "name", ""),
    ("RU-TVE", "subject", "Тверская область", "name", ""), ("RU-KO", "subject", "Республика Коми", "name", ""),
    ("RU-MOW", "subject", "Москва", "name", ""), ("RU-MOS", "subject", "Московская область", "name", ""),
    ("RU-TA", "subject", "Республика Татарстан", "name", ""), ("RU-TA", "subject", "Татарстан", "name", ""),
    ("RU-TA", "subject", "РТ", "abbr", "ambiguous"), ("RU-TY", "subject", "РТ", "abbr", "ambiguous"),
    ("RU-TY", "subject", "Республика Тыва", "name", ""),
    ("RU-KHM", "subject", "Ханты-Мансийский автономный округ — Югра", "name", ""),
    ("RU-KHM", "subject", "ХМАО", "abbr", ""),
    ("BY", "country", "Беларусь", "name", ""), ("BY", "country", "Республика Беларусь", "name", ""),
    ("BY", "country", "белорусский", "adj", ""), ("BY", "country", "Belarus", "en", ""),
    ("BY", "country", "Belarusian", "en_adj", ""),
    ("BY-MI", "foreign_region", "Минская область", "name", ""),
    ("TG", "country", "Того", "fixed", "context"), ("CN", "country", "Китай", "name", ""),
    ("org:eaeu", "org", "ЕАЭС", "abbr", ""),
    ("group:volga", "group", "Приволжский федеральный округ", "name", ""),
]


class FakeReference:
    def __init__(self):
        self.aliases = [FakeAlias(p, t, "en" if k.startswith("en") else "ru", k,
                                  frozenset(f for f in [flag] if f)) for p, _, t, k, flag in ROWS]
        self.parties = {p: FakeParty(p, kind) for p, kind, *_ in ROWS}

    def counts_as_domestic(self, party):
        return party.startswith(("RU-", "assoc:"))

    def expand_group(self, group, author=None, year=None):
        return ("RU-TA", "RU-SAM", "RU-NIZ")


_PIPELINE = None


def fake_pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = build_pipeline(FakeReference())
    return _PIPELINE
