"""The codes of one fact, each from a flat list of small named rules (razdel's RULES idea).

Every rule returns None (did not fire) or (code, evidence string); the caller stores the rule's
name and its evidence in the fact's `why`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from coopatlas.coding.cues import Cue
from coopatlas.model import Specificity, Sphere, Status

YEAR = re.compile(r"(?<![\d.,])(19[5-9]\d|20[0-5]\d)(?![\d.,]\d)")
YEAR_RANGE = re.compile(r"(19[5-9]\d|20[0-5]\d)\s*[-–—]\s*(19[5-9]\d|20[0-5]\d)")
_UNITS = (r"%|процент\w*|млн|млрд|тыс|трлн|руб\w*|долл\w*|евро|юан\w*|тонн\w*|т\.|км|га|человек|чел\.|"
          r"участник\w*|студент\w*|школьник\w*|турист\w*|специалист\w*|проект\w*|мероприяти\w*|"
          r"единиц\w*|рейс\w*|вагон\w*|контейнер\w*|посетител\w*|гост\w*|пациент\w*|врач\w*|рабоч\w*|"
          r"работник\w*|предприяти\w*|компани\w*|экспонент\w*|делегат\w*|волонт\w*|спортсмен\w*|"
          r"per\s*cent|percent|million|mln|billion|bn|thousand|roubles|rubles|dollars|usd|eur|euros?|"
          r"yuan|tonnes|tons|km|people|participants|students|tourists|projects|events|flights|specialists|"
          r"visitors|guests|patients|doctors|workers|companies|exhibitors|delegates|volunteers|athletes|points|"
          r"мигрант\w*|швей|фирм\w*|школ\w*|детей|мест|migrants|seamstresses|firms|schools|children|places|"
          r"lines|линий|линии|автомобил\w*|грузовик\w*|vehicles|trucks|hospitals|больниц\w*|blocks|"
          r"substations|подстанци\w*|tractors|трактор\w*|buses|автобус\w*")
# a figure and its unit, with up to two words between ("420 Kyrgyz workers", "6 pilot production lines",
# "11 совместных научных проектов")
QUANTITY = re.compile(r"(?<![\w.])(\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?:[^\W\d_][\w-]*\s+){0,2}?(?:" + _UNITS
                      + r")(?!\w)", re.I)
QUOTED_NAME = re.compile(r"«([^«»]{3,80})»|\"([^\"]{3,80})\"|“([^”]{3,80})”")


@dataclass(frozen=True)
class Context:
    """What the rules read about one fact."""

    quote: str                           # the fact's evidence text joined
    cues: Sequence[Cue]                  # cue hits inside the evidence
    has_partner: bool                    # a named party other than the author
    spheres: tuple[Sphere, ...]
    status: Status
    quoted_names: tuple[str, ...]        # «…» names in the evidence that are not parties
    planned: frozenset = frozenset()     # mechanism cues with an intention word next to them
    bodies_only: bool = False            # the only partners are organisations or associations


def cues_of(ctx: Context, kind: str) -> list[Cue]:
    return [c for c in ctx.cues if c.kind == kind]


# --- status -------------------------------------------------------------------------------------

AGREEMENT_NOUNS = ("соглашени", "договор", "меморандум", "протокол", "agreement", "memorand", "treaty")


def status_of(cues: Sequence[Cue], quote: str = "") -> tuple[Status, list[str]]:
    """The most advanced status the cues report; a strategy's goal with no status word is intended; an
    indicator row with figures and no status word reports what was measured (implemented)."""
    found = [(Status(c.value), c.text) for c in cues if c.kind in ("status", "step")]
    if not found and _measured_row(quote):
        return Status.IMPLEMENTED, ["an indicator row with figures: what was measured (decision 63)"]
    if not found:
        drafts = sorted({c.text for c in cues if c.kind == "draft"})
        if drafts:
            return Status.INTENDED, [f"a draft, not signed yet (decision 51): {drafts[0]}"]
        named = sorted({c.text for c in cues if c.kind == "coop" and c.text.lower().startswith(AGREEMENT_NOUNS)})
        if named:
            return Status.AGREED, [f"an agreement named with no status word is in force (codebook 5): {named[0]}"]
        return Status.INTENDED, ["default: no status word (a goal)"]
    if any(s == Status.AGREED and t.lower().startswith(RESUMED) for s, t in found):
        # "suspended in 2020 … resumed in March 2024": the suspension was undone (decision 96)
        found = [(s, t) for s, t in found if s != Status.TERMINATED] or found
    best = max(s.rank for s, _ in found)
    status = next(s for s, _ in found if s.rank == best)
    return status, sorted({t for s, t in found if s == status})


RESUMED = ("возобнов", "resumed", "was resumed", "were resumed", "has been resumed", "have been resumed")


def _measured_row(quote: str) -> bool:
    """A table row ("Объём товарооборота … | млн долл. | 512 | 560 | 600") with a figure that is not a year or
    an item number, and no word of a plan or forecast."""
    for line in quote.split("\n"):
        if " | " not in line:
            continue
        cells = [c.strip() for c in line.split("|")]
        if any(c and c[0].isdigit() and not YEAR.fullmatch(c) and not re.fullmatch(r"\d{1,2}(?:\.\d+)*\.?", c)
               for c in cells[1:]) and not any(w in line.lower() for w in ("план", "target", "прогноз", "forecast")):
            return True
    return False


# --- specificity --------------------------------------------------------------------------------

def mechanism_in_force(ctx: Context):
    """A working group, commission, trade house, or an action plan / road map signed or dated;
    not one still "to be drafted" or that "may be set up" (codebook 4)."""
    for cue in cues_of(ctx, "mechanism"):
        if cue.text in ctx.planned or (ctx.bodies_only and cue.text.startswith(("рабоч", "working group"))):
            continue  # a body's own working group is membership work (README-tune: chairing it is formal)
        if ctx.status.rank >= Status.AGREED.rank or YEAR_RANGE.search(ctx.quote):
            return cue.text
    return None


ROUTE_ENDS = re.compile(r"[А-ЯЁA-Z][\w-]+(?:\s+[—–-]|\s*[—–])\s*[А-ЯЁA-Z][\w-]+")
ROUTE_OBJECTS = ("рейс", "авиарейс", "маршрут", "паром", "лини", "flight", "route", "ferry", "line")


def concrete_object(ctx: Context):
    """A route, object or project that is named (in quotes, or a route by its ends: "паромная линия
    Оля — Туркменбаши"), counted, or already there."""
    objects = cues_of(ctx, "object")
    if not objects:
        return None
    if ctx.quoted_names:
        return f"{objects[0].text} «{ctx.quoted_names[0]}»"
    routes = [o for o in objects if o.text.startswith(ROUTE_OBJECTS)]
    ends = ROUTE_ENDS.search(ctx.quote) if routes else None
    if ends:
        return f"{routes[0].text} {ends.group(0)}"
    if ctx.status.rank >= Status.IMPLEMENTED.rank or QUANTITY.search(ctx.quote):
        return objects[0].text
    return None


def event_held_or_dated(ctx: Context):
    for cue in cues_of(ctx, "event"):
        if ctx.status.rank >= Status.IMPLEMENTED.rank or _specific_date(ctx.quote):
            return cue.text
    return None


def quantity(ctx: Context):
    """A figure: turnover, money, people, projects (a count of agreements is not one)."""
    for m in QUANTITY.finditer(ctx.quote):
        if not YEAR.fullmatch(m.group(1).strip()):
            return m.group(0).strip()
    return None


# a named waterway, sea route, reservoir or port as the object ("Северный морской путь", "the Chusovaya
# River", "Чограйского водохранилища", "the port of Zarubino"): README-tune t2 rule; a lake, delta or basin
# to protect is an area, not an object (the coders keep "охрана озера Байкал" formal)
NAMED_PLACE = re.compile(
    r"Северн\w+\s+морск\w+\s+пут\w+|Northern\s+Sea\s+Route|"
    r"[А-ЯЁ][а-яё]+(?:ого|ой|ом|ий|ое)\s+(?:водохранилищ|канал|порт)\w*|"
    r"(?:водохранилищ|рек[иае]?|канал|порт)\w*\s+[А-ЯЁ][а-яё-]+|"
    r"[A-Z][a-z]+\s+(?:River|Canal|Reservoir)\b|(?:port|river)\s+of\s+[A-Z][a-z]+")
# a deadline with a day or a month ("до 1 марта 2022 г.", "к весне 2023 года", "by March 2024")
DEADLINE = re.compile(
    r"(?i)(?:\bдо|\bк|не позднее|\bby|\bbefore)\s+(?:\d{1,2}\s+)?(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|"
    r"сентябр|октябр|ноябр|декабр|весн|лет[уа]|осен|зим|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|winter)\w*\s+(?:19|20)\d\d")


_PLACE_KEYS = ("Северн", "Northern Sea", "водохранилищ", "канал", "порт", "рек", "River", "Canal", "Reservoir",
               "port of", "river of")


def named_place(ctx: Context):
    """A named waterway or sea route that the cooperation is about makes it concrete."""
    if not ctx.has_partner or not any(k in ctx.quote for k in _PLACE_KEYS):
        return None  # a substring test first: the pattern is slow to try at every position
    m = NAMED_PLACE.search(ctx.quote)
    return m.group(0) if m else None


def deadline(ctx: Context):
    """A task with a dated deadline ("до 1 марта 2022 г. подготовить предложения") is concrete."""
    if not ctx.has_partner:
        return None
    for year in YEAR.finditer(ctx.quote):  # the pattern is tried only before the years the quote holds
        m = DEADLINE.search(ctx.quote, max(0, year.start() - 40), year.end())
        if m:
            return m.group(0)
    return None


def dated_plan(ctx: Context):
    m = YEAR_RANGE.search(ctx.quote)
    if m and (cues_of(ctx, "mechanism") or cues_of(ctx, "instrument")) and ctx.status.rank >= Status.AGREED.rank:
        return m.group(0)
    return None


def named_partner(ctx: Context):
    return "named partner" if ctx.has_partner else None


def formal_instrument(ctx: Context):
    found = cues_of(ctx, "instrument")
    return found[0].text if found else None


def sphere_enumeration(ctx: Context):
    return ", ".join(ctx.spheres) if len(ctx.spheres) >= 2 else None


DETAILED_RULES: tuple[Callable, ...] = (mechanism_in_force, concrete_object, event_held_or_dated, quantity, dated_plan,
                                        named_place, deadline)
FORMAL_RULES: tuple[Callable, ...] = (named_partner, formal_instrument, sphere_enumeration)


def specificity_of(ctx: Context) -> tuple[Specificity, dict[str, str]]:
    fired = _fire(DETAILED_RULES, ctx)
    if fired:
        return Specificity.DETAILED, fired
    fired = _fire(FORMAL_RULES, ctx)
    if fired:
        return Specificity.FORMAL, fired
    return Specificity.SHALLOW, {"default": "cooperation named in general terms only"}


def _fire(rules, ctx) -> dict[str, str]:
    out = {}
    for rule in rules:
        evidence = rule(ctx)
        if evidence:
            out[rule.__name__] = evidence
    return out


def _specific_date(text: str) -> bool:
    months = r"январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|" \
             r"january|february|march|april|may|june|july|august|september|october|november|december"
    return bool(re.search(rf"\b\d{{1,2}}\s+({months})", text, re.I) or YEAR.search(text))


# --- spheres ------------------------------------------------------------------------------------

def spheres_of(cues: Sequence[Cue]) -> tuple[tuple[Sphere, ...], dict[str, list[str]]]:
    why: dict[str, list[str]] = {}
    for c in cues:
        if c.kind == "sphere":
            why.setdefault(c.value, [])
            if c.text not in why[c.value]:
                why[c.value].append(c.text)
    if "transport_logistics" in why and set(why["transport_logistics"]) <= BARE_ROUTE_WORDS and \
            any(w.startswith(TOURIST_ROUTE_WORDS) for w in why.get("tourism", ())):
        del why["transport_logistics"]  # "туристский маршрут «Огненная дуга» … маршрут включён в …": the same route
    spheres = tuple(sorted((Sphere(v) for v in why), key=lambda s: s.value))
    return spheres, {k: why[k] for k in sorted(why)}


# a bare route word in a fact that names a tourist route means that route, not transport (decision 90)
BARE_ROUTE_WORDS = frozenset({"маршрут", "route"})
TOURIST_ROUTE_WORDS = ("туристск маршрут", "туристическ маршрут", "tourist route", "cruise route", "круизн маршрут",
                       "горнолыжн маршрут", "паломническ маршрут")


def years_of(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(y) for y in YEAR.findall(text)}))
