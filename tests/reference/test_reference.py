"""The loader and the Reference look-ups."""
from datetime import date

import pytest

from coopatlas.errors import ReferenceError_
from coopatlas.reference import load_reference


def test_cached(ref):
    assert load_reference() is ref


def test_party_record(ref):
    p = ref.parties["RU-KLU"]
    assert (p.kind, p.name_ru, p.name_en, p.country, p.type) == ("subject", "Калужская область", "Kaluga Oblast", "RU", "oblast")


def test_buryatia_moved_to_far_east(ref):
    assert ref.district_of("RU-BU", date(2017, 1, 1)) == "siberia"
    assert ref.district_of("RU-BU", date(2019, 1, 1)) == "far-east"


def test_north_caucasus_split(ref):
    assert ref.district_of("RU-STA", date(2009, 12, 31)) == "south"
    assert ref.district_of("RU-STA", date(2010, 1, 19)) == "north-caucasus"
    assert ref.district_of("RU-AD", date(2012, 1, 1)) == "south"


def test_crimea_district(ref):
    assert ref.district_of("UA-43", date(2013, 1, 1)) is None
    assert ref.district_of("UA-43", date(2015, 1, 1)) == "crimea"
    assert ref.district_of("UA-40", date(2017, 1, 1)) == "south"


def test_nine_districts_in_2015_eight_in_2020(ref):
    in_2015 = {d for d in ref.districts if ref.district_members(d, year=2015)}
    in_2020 = {d for d in ref.districts if ref.district_members(d, year=2020)}
    assert len(in_2015) == 9 and "crimea" in in_2015
    assert len(in_2020) == 8 and "crimea" not in in_2020
    assert sum(len(ref.district_members(d, year=2020)) for d in ref.districts) == 85
    assert sum(len(ref.district_members(d, year=2023)) for d in ref.districts) == 89


def test_volga_district(ref):
    volga = ref.district_members("volga", year=2020)
    assert len(volga) == 14 and "RU-TA" in volga


def test_neighbours(ref):
    assert ref.neighbours("RU-KLU") == ("RU-BRY", "RU-MOS", "RU-MOW", "RU-ORL", "RU-SMO", "RU-TUL")
    assert ref.neighbours("RU-PSK", kinds={"land_foreign"}) == ("BY", "EE", "LV")
    assert set(ref.neighbours("RU-KGD")) == {"LT", "PL"}
    assert "UA-40" in ref.neighbours("UA-43")


def test_members(ref):
    assert "RU-PSK" in ref.members("assoc:north-west")
    cis_2020 = ref.members("org:cis", year=2020)
    assert "BY" in cis_2020 and "GE" not in cis_2020
    assert "GE" in ref.members("org:cis", year=2005)
    assert set(ref.members("org:eaeu", year=2020)) == {"AM", "BY", "KG", "KZ", "RU"}
    assert ref.members("district:volga", year=2020) == ref.district_members("volga", year=2020)


def test_capital(ref):
    cap = ref.capital("RU-KLU")
    assert cap.name_ru == "Калуга" and abs(cap.lat - 54.5) < 0.1
    assert ref.capital("org:cis") is None


def test_is_domestic_frames(ref):
    assert ref.is_domestic("RU-KLU")
    assert ref.is_domestic("UA-43")
    assert not ref.is_domestic("UA-43", frame="iso")
    assert not ref.is_domestic("UA-43", day=date(2012, 1, 1))
    assert not ref.is_domestic("BY")
    assert not ref.is_domestic("UA-63")
    with pytest.raises(ReferenceError_):
        ref.is_domestic("RU-KLU", frame="moon")


def test_counts_as_domestic_follows_codebook_6(ref):
    assert ref.counts_as_domestic("assoc:siberian-accord") and ref.counts_as_domestic("city:ru:kaluga")
    assert ref.counts_as_domestic("UA-40") and not ref.counts_as_domestic("UA-40", frame="iso")
    assert not ref.counts_as_domestic("city:by:grodno") and not ref.counts_as_domestic("BY")
    assert not ref.is_domestic("city:ru:kaluga") and not ref.counts_as_domestic("XX-UNKNOWN")


def test_expand_group(ref):
    assert ref.expand_group("group:baltic-states") == ("EE", "LV", "LT")
    assert ref.expand_group("group:neighbours", author="RU-KLU") == ref.neighbours("RU-KLU", {"land"})
    assert ref.expand_group("group:neighbours") == ()
    assert ref.expand_group("group:neighbours-foreign", author="RU-PSK") == ("BY", "EE", "LV")
    assert "RU-TA" in ref.expand_group("group:fd-volga", year=2020)
    assert "KZ" in ref.expand_group("group:eaeu-states", year=2020)
    with pytest.raises(ReferenceError_):
        ref.expand_group("group:nowhere")


def test_resolve_id(ref):
    assert ref.resolve_id("KZ-23") == "KZ-ATY"
    assert ref.resolve_id("RU-KLU") == "RU-KLU"
    with pytest.raises(ReferenceError_):
        ref.resolve_id("XX-YY")


def test_load_from_directory(tsv_dir):
    assert load_reference(tsv_dir).parties["RU-TA"].name_en == "Republic of Tatarstan"


def test_malformed_row_names_file_and_line(tsv_dir):
    path = tsv_dir / "districts.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "broken\trow\n", encoding="utf-8")
    with pytest.raises(ReferenceError_, match=r"districts\.tsv, line 11"):
        load_reference(tsv_dir)


def test_bad_date_is_reported(tsv_dir):
    path = tsv_dir / "district_membership.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "RU-KLU\tcentral\t2020-13-01\t\n", encoding="utf-8")
    with pytest.raises(ReferenceError_, match=r"district_membership\.tsv, line \d+: bad date"):
        load_reference(tsv_dir)


def test_unknown_id_is_reported(tsv_dir):
    path = tsv_dir / "adjacency.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "RU-KLU\tRU-ATLANTIS\tland\n", encoding="utf-8")
    with pytest.raises(ReferenceError_, match="adjacency.tsv: unknown ids"):
        load_reference(tsv_dir)


def test_no_io_at_import():
    import importlib
    import coopatlas.reference as module
    importlib.reload(module)
    assert module._load.cache_info().currsize == 0
