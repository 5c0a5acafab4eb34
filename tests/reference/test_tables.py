"""The tables themselves: ids, coverage, aliases, non-overlapping dated memberships."""
import re
from collections import defaultdict
from itertools import combinations

import pycountry
import pytest

SUBJECT_COUNT = 89
NEW_SUBJECTS = {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}
SUBJECT_TYPES = {"oblast", "krai", "republic", "federal_city", "autonomous_okrug", "autonomous_oblast"}


def normalise(text):
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[\u2010-\u2015\u2212-]", " ", text)
    return " ".join(text.split())


def subjects(ref):
    return {p.id: p for p in ref.parties.values() if p.kind == "subject"}


def test_all_89_subjects_present(ref):
    found = subjects(ref)
    assert len(found) == SUBJECT_COUNT
    assert NEW_SUBJECTS <= set(found)
    assert all(p.country == "RU" and p.type in SUBJECT_TYPES for p in found.values())


def test_ru_subjects_are_the_iso_3166_2_ru_codes(ref):
    iso = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    assert {i for i in subjects(ref) if i.startswith("RU-")} == iso


def test_every_iso_country_present(ref):
    countries = {p.id for p in ref.parties.values() if p.kind == "country"}
    assert countries == {c.alpha_2 for c in pycountry.countries}


def test_foreign_region_ids_are_iso_or_documented(ref):
    iso = {s.code for s in pycountry.subdivisions}
    documented = {a.party for a in ref.id_aliases.values()}
    for p in ref.parties.values():
        if p.kind == "foreign_region" and not p.id.startswith("region:"):
            assert p.id in iso or p.id in documented, p.id


def test_region_ids_name_their_country(ref):
    for p in ref.parties.values():
        if p.id.startswith("region:"):
            assert p.id.split(":")[1] == p.country.lower(), p.id


def test_complete_first_level_regions(ref):
    for cc in "BY UZ KG TJ AM AZ MD GE FI NO SE EE LT PL DE CN MN".split():
        expected = {s.code for s in pycountry.subdivisions.get(country_code=cc) if not s.parent_code}
        expected -= {"FI-01", "CN-HK", "CN-MO", "CN-TW"}  # parties under their ISO 3166-1 codes AX, HK, MO, TW
        assert expected <= set(ref.parties), (cc, sorted(expected - set(ref.parties)))


def test_ukraine_and_kazakhstan_complete(ref):
    ua = {s.code for s in pycountry.subdivisions.get(country_code="UA")}
    assert ua <= set(ref.parties)
    kz = {s.code for s in pycountry.subdivisions.get(country_code="KZ")}
    assert all(ref.resolve_id(code) in ref.parties for code in kz)


@pytest.mark.parametrize("cc", "LV VN TR IR IN RS".split())
def test_big_partners_have_ten_regions(ref, cc):
    assert sum(p.country == cc and p.kind == "foreign_region" for p in ref.parties.values()) >= 10


def test_names_use_the_right_script(ref):
    for p in ref.parties.values():
        assert not re.search(r"[A-Za-z]", p.name_ru), p.id
        assert not re.search(r"[А-Яа-яЁё]", p.name_en), p.id


def test_every_name_is_an_alias(ref):
    texts = {(a.party, a.text) for a in ref.aliases}
    for p in ref.parties.values():
        assert (p.id, p.name_ru) in texts, p.id
        assert (p.id, p.name_en) in texts, p.id
    for g in ref.groups.values():
        assert (g.id, g.name_ru) in texts, g.id


def test_alias_rows_are_unique(tables):
    keys = [(a.party, a.text, a.lang, a.kind) for a in tables["aliases"]]
    assert len(keys) == len(set(keys))


def test_an_alias_names_one_party_unless_flagged_ambiguous(ref):
    by_text = defaultdict(list)
    for a in ref.aliases:
        by_text[normalise(a.text)].append(a)
    clashes = {text: sorted({a.party for a in rows}) for text, rows in by_text.items()
               if len({a.party for a in rows}) > 1 and not all("ambiguous" in a.flags for a in rows)}
    assert clashes == {}


def test_ambiguous_flag_means_really_ambiguous(ref):
    by_text = defaultdict(set)
    for a in ref.aliases:
        by_text[normalise(a.text)].add(a.party)
    lonely = sorted(a.text for a in ref.aliases if "ambiguous" in a.flags and len(by_text[normalise(a.text)]) < 2)
    assert lonely == []


def test_adjectives_are_masculine_lemmas(ref):
    for a in ref.aliases:
        if a.kind == "adj":
            assert re.search(r"(ий|ый|ой)$", a.text), a.text
            assert "weak" in a.flags, a.text


def test_abbreviations_have_no_spaces_or_are_dashed(ref):
    for a in ref.aliases:
        if a.kind == "abbr":
            assert a.text == a.text.strip() and len(a.text) <= 14, a.text


def test_key_aliases(ref):
    wanted = {
        ("RU-MOS", "Подмосковье"), ("RU-KHM", "Югра"), ("RU-KEM", "Кузбасс"), ("RU-SA", "Якутия"), ("RU-CU", "Чувашия"),
        ("RU-BA", "Башкирия"), ("RU-LEN", "Ленобласть"), ("BY", "Белоруссия"), ("US", "Соединённые Штаты Америки"),
        ("RU-KHM", "ХМАО"), ("CN", "КНР"), ("US", "США"), ("org:cis", "СНГ"), ("RU-ME", "Марий Эл"), ("KG", "Киргизия"),
        ("group:baltic-states", "страны Балтии"), ("group:fd-volga", "ПФО"), ("GE-AB", "Абхазия"),
        ("region:ge:south-ossetia", "Южная Осетия"), ("RU-SPE", "St. Petersburg"), ("FI", "финский"), ("BY", "Belarusian"),
    }
    assert wanted <= {(a.party, a.text) for a in ref.aliases}


def test_indeclinable_country_names_need_context(ref):
    flagged = {a.text for a in ref.aliases if "context" in a.flags}
    assert {"Того", "Перу", "Чад", "Мали"} <= flagged


def memberships_overlap(rows):
    by_key = defaultdict(list)
    for m in rows:
        by_key[m.member].append(m)
    return [(a, b) for rows in by_key.values() for a, b in combinations(rows, 2) if a.period.overlaps(b.period)]


def test_district_memberships_never_overlap(tables):
    assert memberships_overlap(tables["district_membership"]) == []


def test_association_and_org_memberships_never_overlap(tables):
    for name in ("association_membership", "org_membership"):
        per_body = defaultdict(list)
        for m in tables[name]:
            per_body[m.group].append(m)
        for rows in per_body.values():
            assert memberships_overlap(rows) == [], name


def test_every_subject_has_a_district_rows(ref):
    members = {m.member for m in ref.district_membership}
    assert members == set(subjects(ref))


def test_borders_are_unique_and_between_known_parties(tables, ref):
    seen = set()
    for b in tables["adjacency"]:
        pair = frozenset((b.a, b.b))
        assert pair not in seen, (b.a, b.b)
        seen.add(pair)
        assert b.a in ref.parties and b.b in ref.parties
        if b.kind == "land":
            assert ref.parties[b.a].kind == ref.parties[b.b].kind == "subject", b
        if b.kind == "land_foreign":
            kinds = {ref.parties[b.a].kind, ref.parties[b.b].kind}
            assert "subject" in kinds and kinds & {"country", "foreign_region"}, b


def test_every_subject_but_enclaves_and_islands_has_land_neighbours(ref):
    alone = sorted(s for s in subjects(ref) if not ref.neighbours(s, {"land"}))
    assert alone == ["RU-KGD", "RU-SAK"]


def test_every_subject_has_a_capital(ref):
    for s in subjects(ref):
        cap = ref.capital(s)
        assert cap is not None and 40 < cap.lat < 71 and (19 < cap.lon < 180), s


def test_groups_expand_to_known_parties(ref):
    for g in ref.groups.values():
        for party in ref.expand_group(g.id, author="RU-PSK", year=2020):
            assert party in ref.parties, (g.id, party)
