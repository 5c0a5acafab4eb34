"""Exports and coverage on a small atlas built by the test."""

import pandas as pd
import pytest

from coopatlas.build import build_atlas
from coopatlas.coverage import coverage
from coopatlas.export import tables, write_tables
from coopatlas.store import Atlas

TEXTS = {
    "klu.txt": "Стратегия социально-экономического развития Калужской области\n\n"
               "Подписаны соглашения о торгово-экономическом и культурном сотрудничестве с Тульской и Брянской "
               "областями.\n",
    "tul.txt": "Стратегия социально-экономического развития Тульской области\n\n"
               "В 2021 году проведены Дни культуры в Калужской области, подписано соглашение о туризме.\n",
}


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    db = root / "atlas.db"
    build_atlas([root], db)
    return Atlas(db)


def test_long_and_wide_forms_agree(atlas):
    frames = tables(atlas)
    wide, spheres = frames["facts_wide"], frames["spheres"]
    sphere_columns = [c for c in wide.columns if c.startswith("sphere_")]
    assert len(sphere_columns) == 14
    assert int(wide[sphere_columns].to_numpy().sum()) == len(spheres)
    assert set(frames["parties"]["fact_id"]) <= set(frames["facts"]["fact_id"])
    assert {"RU-KLU", "RU-TUL", "RU-BRY"} <= set(frames["parties"]["party"])
    assert set(frames["dictionary"]["table"]) >= {"documents", "facts", "parties", "spheres", "facts_wide"}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet", "jsonl"])
def test_every_format_reads_back(atlas, tmp_path, fmt):
    written = write_tables(tables(atlas), tmp_path, fmt)
    if fmt == "xlsx":
        sheets = pd.read_excel(written[0], sheet_name=None)
        assert len(sheets["facts"]) == len(atlas.facts())
        return
    facts = next(p for p in written if p.stem == "facts")
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet,
            "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt](facts)
    assert len(read) == len(atlas.facts())


def test_coverage_lists_every_subject_and_counts_documents(atlas):
    table = coverage(atlas.documents(), atlas.facts(), {"RU-KLU": "Калужская", "RU-TUL": "Тульская", "RU-TA": "Татарстан"})
    counts = dict(zip(table["subject"], table["documents"]))
    assert counts == {"RU-KLU": 1, "RU-TUL": 1, "RU-TA": 0}


def test_mentions_are_stored_with_the_rule_that_found_them(atlas):
    found = atlas.mentions()
    assert {"RU-TUL", "RU-BRY"} <= set(found["party"])
    assert set(found.loc[found["party"] == "RU-BRY", "how"]) == {"coordination"}
    documents = atlas.documents().set_index("id")
    for row in found.itertuples(index=False):
        text = atlas.text(row.document_id)
        assert text[row.start:row.end] == row.surface


def test_xlsx_takes_text_with_characters_excel_cannot_hold(tmp_path):
    import pandas as pd

    from coopatlas.export import write_tables

    (path,) = write_tables({"facts": pd.DataFrame({"quote": ["a\x01b"]})}, tmp_path, "xlsx")
    assert pd.read_excel(path, sheet_name="facts")["quote"].tolist() == ["a b"]
