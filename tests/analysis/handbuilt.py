"""A small hand-built atlas (illustrative, invented texts) whose figures the analysis tests work out by hand.

Eight current documents, eleven facts:

| doc | author  | district   | year | level    | facts (parties; spheres; level; status)                                  |
|-----|---------|------------|------|----------|--------------------------------------------------------------------------|
| d1  | RU-KLU  | central    | 2019 | detailed | F1 KLU+TUL trade_investment, culture formal agreed; F2 KLU+BY transport detailed implemented |
| d2  | RU-KLU  | central    | 2023 | detailed | F3 KLU+TA education, science_innovation detailed agreed                  |
| d3  | RU-TUL  | central    | 2020 | formal   | F4 TUL+KLU trade_investment formal agreed                                |
| d4  | RU-TVE  | central    | 2021 | None     | (no cooperation named)                                                   |
| d5  | RU-PSK  | north-west | 2019 | detailed | F5 PSK+EE tourism detailed intended; F6 PSK+LEN+NGR culture formal agreed (multilateral) |
| d6  | RU-LEN  | north-west | 2020 | formal   | F7 LEN alone, shallow intended cross_border; F8 LEN+PSK culture formal agreed |
| d7  | RU-TA   | volga      | 2018 | detailed | F9 TA+KLU education detailed agreed; F10 TA+org:sco trade_investment formal agreed |
| d8  | None    | None       | 2020 | formal   | F11 TUL+TVE governance_security formal agreed (a news agency's item)     |

Besides these, an older version of d3's file (d3 changed since) is stored first with one fact that
must never count (F0 TUL+MOW, superseded by the new version of the file).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from store_builders import fact, meta_for, result  # noqa: E402

from coopatlas.store import open_store  # noqa: E402

D1 = ("Калужская область заключила соглашение о торгово-экономическом и культурном сотрудничестве с Тульской "
      "областью. Открыт авиарейс Калуга — Минск, перевезено 12 тысяч пассажиров.")
D2 = "Калужская область и Республика Татарстан подписали план совместных образовательных и научных проектов на 2023–2025 годы."
D3_OLD = "Тульская область сотрудничает с Москвой в сфере торговли."
D3 = "Тульская область реализует соглашение о торгово-экономическом сотрудничестве с Калужской областью."
D4 = "Тверская область развивает собственную промышленность и дорожную сеть."
D5 = ("Псковская область планирует создать с Эстонией совместный туристический маршрут в 2025 году. "
      "Подписано трёхстороннее соглашение о культурном сотрудничестве Псковской, Ленинградской и Новгородской областей.")
D6 = ("Ленинградская область намерена развивать международные связи. "
      "Действует соглашение о культурном сотрудничестве с Псковской областью.")
D7 = ("Республика Татарстан и Калужская область утвердили дорожную карту по подготовке инженерных кадров на 2018–2020 годы. "
      "Татарстан участвует в торгово-экономическом сотрудничестве в рамках ШОС.")
D8 = "Тульская и Тверская области подписали соглашение о взаимодействии органов власти."


def _doc(text, path, author, year, doc_type, facts, title=None):
    meta = meta_for(text, path, author=author, year_adopted=year, doc_type=doc_type, title=title or path)
    return meta, text, result(path, author, facts)


def documents():
    """(meta, text, result) for d1…d8 in order; the old version of d3 is `old_d3()`."""
    return [
        _doc(D1, "d1-kaluga-2019.txt", "RU-KLU", 2019, "strategy", [
            fact(D1, D1[:D1.index(".") + 1], ["RU-KLU", "RU-TUL"], spheres=["trade_investment", "culture"]),
            fact(D1, D1[D1.index("Открыт"):], ["RU-KLU", "BY"], spheres=["transport_logistics"],
                 specificity="detailed", status="implemented", direction="cross_border"),
        ]),
        _doc(D2, "d2-kaluga-2023.txt", "RU-KLU", 2023, "news", [
            fact(D2, D2, ["RU-KLU", "RU-TA"], spheres=["education", "science_innovation"], specificity="detailed",
                 years=[2023, 2025]),
        ]),
        _doc(D3, "d3-tula-2020.txt", "RU-TUL", 2020, "strategy", [
            fact(D3, D3, ["RU-TUL", "RU-KLU"], spheres=["trade_investment"]),
        ]),
        _doc(D4, "d4-tver-2021.txt", "RU-TVE", 2021, "strategy", []),
        _doc(D5, "d5-pskov-2019.txt", "RU-PSK", 2019, "strategy", [
            fact(D5, D5[:D5.index("Подписано")].strip(), ["RU-PSK", "EE"], spheres=["tourism"], specificity="detailed",
                 status="intended", direction="cross_border", years=[2025]),
            fact(D5, D5[D5.index("Подписано"):], ["RU-PSK", "RU-LEN", "RU-NGR"], spheres=["culture"],
                 arity="multilateral"),
        ]),
        _doc(D6, "d6-leningrad-2020.txt", "RU-LEN", 2020, "strategy", [
            fact(D6, D6[:D6.index("Действует")].strip(), ["RU-LEN"], specificity="shallow", status="intended",
                 direction="cross_border", arity=None),
            fact(D6, D6[D6.index("Действует"):], ["RU-LEN", "RU-PSK"], spheres=["culture"]),
        ]),
        _doc(D7, "d7-tatarstan-2018.txt", "RU-TA", 2018, "plan", [
            fact(D7, D7[:D7.index("Татарстан участвует")].strip(), ["RU-TA", "RU-KLU"], spheres=["education"],
                 specificity="detailed", years=[2018, 2020]),
            fact(D7, D7[D7.index("Татарстан участвует"):], ["RU-TA", "org:sco"], spheres=["trade_investment"],
                 direction="cross_border", arity="multilateral"),
        ]),
        _doc(D8, "d8-agency-2020.txt", None, 2020, "news", [
            fact(D8, D8, ["RU-TUL", "RU-TVE"], spheres=["governance_security"]),
        ]),
    ]


def old_d3():
    return _doc(D3_OLD, "d3-tula-2020.txt", "RU-TUL", 2020, "strategy", [
        fact(D3_OLD, D3_OLD, ["RU-TUL", "RU-MOW"], spheres=["trade_investment"]),
    ])


def build(db_path) -> dict[str, int]:
    """Write the hand-built atlas to `db_path` (SQLite); the document ids by path."""
    store = open_store(db_path)
    try:
        run = store.start_run("handbuilt-1", {"corpus": "handbuilt"})
        meta, text, coded = old_d3()
        store.save_document(meta, text, coded, run)
        ids = {meta.path: store.save_document(meta, text, coded, run) for meta, text, coded in documents()}
        store.finish_run(run)
    finally:
        store.close()
    return ids


# -- pytest fixtures over the hand-built atlas, imported by the conftest.py of tests/analysis and tests/report

import pytest  # noqa: E402

from coopatlas.analysis.frames import load_frames  # noqa: E402
from coopatlas.store.atlas import Atlas  # noqa: E402


@pytest.fixture(scope="session")
def handbuilt_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("handbuilt") / "atlas.sqlite"
    build(path)
    return path


@pytest.fixture(scope="session")
def handbuilt_ids(handbuilt_db):
    """Current document ids by short name: "d1" -> id."""
    atlas = Atlas(handbuilt_db)
    try:
        documents = atlas.documents()
        current = documents[documents["current"]]
        return dict(zip(current["path"].str.split("-").str[0], current["id"]))
    finally:
        atlas.close()


@pytest.fixture(scope="session")
def frames(handbuilt_db):
    atlas = Atlas(handbuilt_db)
    try:
        return load_frames(atlas)
    finally:
        atlas.close()
