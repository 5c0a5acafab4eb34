"""Gazetteer patterns: every alias of the reference tables in all its inflected forms.

Alias kinds (reference/data/aliases.tsv):
  name    a Russian name, inflected (morph.name_forms)
  fixed   never inflected (Перу, Марий Эл)
  abbr    case-sensitive, never inflected (ХМАО, РТ, США)
  adj     an adjective pointing to a party; weak evidence
  en      an English name; en_adj an English adjective (weak)
Derived here:
  typed_adj  the adjective of "<Adjective> область/край/…" names, weak; used by the coordination rule
  type_noun  every form of область, край, округ, республика, … (the head of a coordinated list)
  stop       phrases that contain a name but are not a party (Москва-река); they win overlaps and vanish
  headless   the quoted name of a euroregion or association without its head word, for lists such as
             "еврорегионов «Балтика» и «Неман»"; it counts only in quotes after such a head word
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Iterator

from coopatlas.nlp import morph
from coopatlas.nlp.normalize import normalise_key

TYPE_NOUNS = {
    "область": "oblast", "край": "krai", "округ": "okrug", "республика": "republic",
    "провинция": "province", "губерния": "province", "воеводство": "voivodeship", "аймак": "aimag",
    "уезд": "county", "штат": "state", "земля": "land", "префектура": "prefecture",
    "облисполком": "oblast",  # "с Витебским и Могилёвским облисполкомами"
    "областной исполнительный комитет": "oblast",  # "с Минским и Витебским областными исполнительными комитетами"
}
WEAK_KINDS = frozenset({"adj", "en_adj", "typed_adj", "headless"})


@dataclass(frozen=True, slots=True)
class NameEntry:
    party: str                 # a party id, a group id ("group:…") or "" for a stop phrase
    kind: str
    alias: str                 # the alias as written in the table
    surface: str               # this generated form, as written (for case checks)
    flags: frozenset = frozenset()
    type_noun: str = ""        # typed_adj and type_noun: the lemma of the type word

    @property
    def weak(self) -> bool:
        return self.kind in WEAK_KINDS

    @property
    def ambiguous(self) -> bool:
        return "ambiguous" in self.flags

    @property
    def needs_context(self) -> bool:
        return "context" in self.flags


def name_patterns(aliases: Iterable, typed_kinds: frozenset = frozenset({"subject", "foreign_region"}),
                  kind_of=lambda party: "") -> Iterator[tuple[str, NameEntry, bool]]:
    """(normalised key, entry, prefix=False) for every form of every alias, plus derived entries."""
    for alias in aliases:
        for surface, kind, type_noun in _surfaces(alias, typed=kind_of(alias.party) in typed_kinds):
            entry = NameEntry(alias.party, kind, alias.text, surface, frozenset(alias.flags), type_noun)
            yield normalise_key(surface), entry, False


def type_noun_patterns() -> Iterator[tuple[str, NameEntry, bool]]:
    for lemma in TYPE_NOUNS:
        for form in morph.name_forms(lemma):
            yield normalise_key(form), NameEntry("", "type_noun", lemma, form, frozenset(), lemma), False


def stop_patterns() -> Iterator[tuple[str, NameEntry, bool]]:
    for row in _read_tsv("stop_phrases.tsv"):
        forms = morph.name_forms(row["phrase"]) if row["inflect"] == "yes" else {row["phrase"]}
        for form in forms:
            yield normalise_key(form), NameEntry("", "stop", row["phrase"], form, frozenset()), False


_HEADED = re.compile(r"^(?:[Ее]врорегион|[Аа]ссоциация|[Ee]uroregion|провинция|губерния|аймак|уезд|лен|фюльке|"
                     r"воеводство|штат|префектура)\s+[«\"]?([А-ЯЁA-Z][^«»\"]+?)[»\"]?$")


def _surfaces(alias, typed: bool):
    kind = alias.kind
    headed = _HEADED.match(alias.text)
    if headed:
        yield headed.group(1), "headless", ""
    if kind == "name":
        for form in morph.name_forms(alias.text):
            yield form, "name", ""
        if typed:
            yield from _typed_adjectives(alias.text)
            yield from _regional_parliament(alias.text)
    elif kind == "adj":
        for form in morph.adjective_forms(alias.text):
            yield form, "adj", ""
    elif kind == "en":
        yield alias.text, kind, ""
        yield from _english_regional(alias.text)
        yield from _english_euroregion(alias.text)
        if typed:
            yield from _english_typed(alias.text)
    elif kind in ("fixed", "abbr", "en_adj"):
        yield alias.text, kind, ""
    else:
        raise ValueError(f"unknown alias kind {kind!r} for {alias.party}")


def _english_euroregion(name: str):
    """"Euroregion Dnieper" → "Dnieper Euroregion", "Dnieper euroregion"."""
    if name.startswith("Euroregion "):
        rest = name[len("Euroregion "):]
        yield f"{rest} Euroregion", "en", ""
        if " " not in rest:  # "the Baltic and Neman euroregions"
            yield rest, "typed_adj", "euroregion"


def _english_regional(name: str):
    """"Minsk Region" → "Minsk Regional" (Executive Committee, Duma, Government)."""
    for suffix in (" Region", " Oblast"):
        if name.endswith(suffix):
            yield name[: -len(suffix)] + " Regional", "en", ""


ENGLISH_TYPES = {"region": "region", "oblast": "region", "province": "province", "krai": "krai",
                 "county": "county", "aimag": "aimag", "prefecture": "prefecture", "state": "state",
                 "voivodeship": "voivodeship", "territory": "krai", "republic": "republic", "euroregion": "euroregion"}


def _english_typed(name: str):
    """"Sverdlovsk Region" → "Sverdlovsk", remembered as a region, for "the Sverdlovsk and Chelyabinsk regions"."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in ENGLISH_TYPES and words[0][:1].isupper():
        yield " ".join(words[:-1]), "typed_adj", ENGLISH_TYPES[words[-1].lower()]


def english_type_noun_patterns() -> Iterator[tuple[str, NameEntry, bool]]:
    plurals = {"region": "regions", "oblast": "oblasts", "province": "provinces", "krai": "krais",
               "county": "counties", "aimag": "aimags", "prefecture": "prefectures", "state": "states",
               "voivodeship": "voivodeships", "territory": "territories", "republic": "republics",
               "euroregion": "euroregions"}
    for word, lemma in ENGLISH_TYPES.items():
        for form in (word, plurals[word]):
            yield form, NameEntry("", "type_noun", word, form, frozenset(), lemma), False


_PARLIAMENT_OF = {"область": "областная Дума", "край": "краевая Дума"}


def _regional_parliament(name: str):
    """"Саратовская область" → every form of "Саратовская областная Дума": a region's parliament stands for the
    region (gold coders, t7c/t8b; the other parliaments' names contain the region's name already)."""
    words = name.split()
    if len(words) == 2 and words[1] in _PARLIAMENT_OF:
        for form in morph.name_forms(f"{words[0]} {_PARLIAMENT_OF[words[1]]}"):
            yield form, "name", ""


def _typed_adjectives(name: str):
    """"Тульская область" → every form of "тульский", remembered as an adjective of an oblast."""
    first, _, noun = name.partition(" ")
    if noun.lower() not in TYPE_NOUNS:  # "Тульская область", also "Минский областной исполнительный комитет"
        return
    for form in morph.adjective_forms(first):
        yield form, "typed_adj", noun.lower()


def _read_tsv(name: str) -> list[dict]:
    text = resources.files("coopatlas.nlp").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))
