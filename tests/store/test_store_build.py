"""`coopatlas build` into SQLite and into PostgreSQL through the same interface (db_url fixture)."""
from coopatlas.build import build_atlas
from coopatlas.store import Atlas

TEXT = ("Стратегия социально-экономического развития {region}\n\n"
        "В 2022 году подписано соглашение о сотрудничестве с Минской областью Республики Беларусь; "
        "проведены Дни культуры, товарооборот вырос на 12 %.\n")


def test_build_into_either_database_and_rebuild_is_a_no_op(db_url, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, region in enumerate(["Калужской области", "Тульской области", "Псковской области"]):
        (corpus / f"d{i}.txt").write_text(TEXT.format(region=region), encoding="utf-8")
    first = build_atlas([corpus], db_url)
    assert (first.stored, first.failed) == (3, 0)
    again = build_atlas([corpus], db_url)
    assert (again.stored, again.unchanged) == (0, 3)
    atlas = Atlas(db_url)
    try:
        facts = atlas.query(partner="BY-MI")
        assert set(facts["author"]) == {"RU-KLU", "RU-TUL", "RU-PSK"}
        assert set(atlas.query(district="north-west")["author"]) == {"RU-PSK"}
        assert len(atlas.search("Минской")) == 3
    finally:
        atlas.close()
