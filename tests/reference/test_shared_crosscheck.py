"""Cross-checks against ../shared/data (not redistributed; skipped when absent).

Where the tables differ from it on purpose, the difference is listed here with its reason.
"""
import csv
import re

from coopatlas.reference.periods import year_date

# subjects missing from the geoBoundaries geometry the shared adjacency was computed from
NOT_IN_GEOMETRY = {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}
# extra subject pairs that involve only subjects present in the geometry: none so far
EXTRA_LAND_ALLOWED: set[frozenset] = set()
# land_foreign pairs the shared proximity table cannot have: it has no rows for the six subjects
# above, and Natural Earth puts Abkhazia and South Ossetia inside Georgia
FOREIGN_EXTRA_REASON = "subject missing from the geometry, or a party Natural Earth does not separate from GE"
# association rows of the shared snapshots we do not carry, with the reason
# (none at present: the snapshots' 2008 "partner (former member)" rows are our valid_to 2008,
# and KHM/YAN "to be included" in the Greater Urals are our uncertain valid_from 2009)
ASSOCIATION_DIFFERENCES: dict[tuple[str, str], str] = {}
# federal subjects whose capital is named differently (none at present)
CAPITAL_NAME_DIFFERENCES: dict[str, str] = {}
ASSOC_BY_NAME = {
    "Северо-Запад": "assoc:north-west", "Центральная Россия": "assoc:central-russia",
    "Большая Волга": "assoc:greater-volga", "Сибирское соглашение": "assoc:siberian-accord",
    "Черноземье": "assoc:black-earth", "Северный Кавказ": "assoc:north-caucasus",
    "Большой Урал": "assoc:greater-urals", "Дальний Восток и Забайкалье": "assoc:far-east-transbaikal",
}


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def pairs(ref, kinds):
    return {frozenset((b.a, b.b)) for b in ref.borders if b.kind in kinds}


def test_every_shared_land_pair_is_ours(ref, shared):
    theirs = {frozenset((r["iso_a"], r["iso_b"])) for r in rows(shared / "geo" / "region_adjacency.csv")}
    assert sorted(map(sorted, theirs - pairs(ref, {"land"}))) == []


def test_our_extra_land_pairs_are_explained(ref, shared):
    theirs = {frozenset((r["iso_a"], r["iso_b"])) for r in rows(shared / "geo" / "region_adjacency.csv")}
    extra = pairs(ref, {"land"}) - theirs
    unexplained = [sorted(p) for p in extra if not (p & NOT_IN_GEOMETRY) and p not in EXTRA_LAND_ALLOWED]
    assert unexplained == []


def test_foreign_land_borders_match_proximity(ref, shared):
    likely = {frozenset((r["iso_region"], r["country_iso2"]))
              for r in rows(shared / "geo" / "region_foreign_border_proximity.csv")
              if r["land_border_likely"].startswith("yes")}
    ours = pairs(ref, {"land_foreign"})
    assert sorted(map(sorted, likely - ours)) == []
    extra = [sorted(p) for p in ours - likely
             if not (p & NOT_IN_GEOMETRY or p & {"GE-AB", "region:ge:south-ossetia"})]
    assert extra == [], FOREIGN_EXTRA_REASON
    assert {"RU-KGD"} == {x for p in ours if p & {"PL"} for x in p} - {"PL"}
    assert {"RU-KGD"} == {x for p in ours if p & {"LT"} for x in p} - {"LT"}


def test_subjects_and_capitals_match_regions_reference(ref, shared):
    theirs = {r["iso_code"]: r for r in rows(shared / "regions" / "regions_reference.csv")}
    subjects = {p.id for p in ref.parties.values() if p.kind == "subject"}
    # the shared list has Baikonur (KZ-BAY), leased by Russia but not a federal subject,
    # and lacks the four subjects of 2022
    assert set(theirs) - subjects == {"KZ-BAY"}
    assert subjects - set(theirs) == {"UA-14", "UA-09", "UA-23", "UA-65"}
    for code in subjects & set(theirs):
        cap, row = ref.capital(code), theirs[code]
        expected = CAPITAL_NAME_DIFFERENCES.get(code, row["capital_ru"])
        assert cap.name_ru == expected, code
        assert abs(cap.lat - float(row["capital_lat"])) < 0.2 and abs(cap.lon - float(row["capital_lon"])) < 0.2, code


DISTRICT_BY_NAME = {
    "Центральный": "central", "Северо-Западный": "north-west", "Южный": "south", "Северо-Кавказский": "north-caucasus",
    "Приволжский": "volga", "Уральский": "urals", "Сибирский": "siberia", "Дальневосточный": "far-east",
}


def test_districts_match_regions_reference_for_2022(ref, shared):
    from datetime import date
    for r in rows(shared / "regions" / "regions_reference.csv"):
        if r["iso_code"] in ref.parties and r["federal_district"]:
            assert ref.district_of(r["iso_code"], date(2022, 12, 1)) == DISTRICT_BY_NAME[r["federal_district"]], r["iso_code"]


def test_association_snapshots(ref, shared):
    missing = []
    for r in rows(shared / "associations" / "association_membership_snapshots.csv"):
        body = ASSOC_BY_NAME[r["association"]]
        member, role = r["iso_code"], r["role"]
        if (r["association"], member) in ASSOCIATION_DIFFERENCES:
            continue
        ever = {m.member for m in ref.association_membership if m.group == body}
        if member not in ever:
            missing.append((body, member, role))
            continue
        year = re.match(r"(\d{4})", r["as_of"])
        if year and not role.startswith(("partner", "exit", "to be")):
            when = year_date(int(year.group(1)))
            rows_of = [m for m in ref.association_membership if m.group == body and m.member == member]
            dated = [m for m in rows_of if m.period.start or m.period.end]
            assert not dated or any(m.period.start is None or m.period.start.year <= when.year for m in rows_of), (body, member, r["as_of"])
    assert missing == []
