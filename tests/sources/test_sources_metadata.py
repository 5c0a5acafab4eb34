"""Metadata inferred from short invented texts: type, adoption year, horizon, language."""
from __future__ import annotations

import re

import pytest

from coopatlas.sources.metadata import (
    INFERRED, MANIFEST, DocType, first_horizon, infer_doc_type, infer_metadata, infer_year_adopted,
    infer_year_horizon, load_type_cues, override, type_cue_examples,
)


@pytest.mark.parametrize("doc_type, example", type_cue_examples())
def test_every_cue_row_classifies_its_own_example(doc_type, example):
    assert infer_doc_type(example) == doc_type


def test_cue_table_compiles_and_has_every_type_but_other():
    kinds = {cue.doc_type for cue in load_type_cues()}
    assert kinds == set(DocType) - {DocType.OTHER}
    assert all(isinstance(cue.pattern, re.Pattern) for cue in load_type_cues())


@pytest.mark.parametrize("text, expected", [
    ("ПРАВИТЕЛЬСТВО ТВЕРСКОЙ ОБЛАСТИ\nПОСТАНОВЛЕНИЕ\nот 3 февраля 2020 г. № 41-пп\n"
     "Об утверждении Стратегии социально-экономического развития Тверской области на период до 2035 года",
     DocType.STRATEGY),
    ("О внесении изменений в государственную программу Псковской области «Развитие туризма»", DocType.STATE_PROGRAMME),
    ("Постановление от 15.10.2020 № 9 «Об утверждении государственной программы Омской области»",
     DocType.STATE_PROGRAMME),
    ("Соглашение между Правительством Курской области и Гомельским облисполкомом о торгово-экономическом "
     "сотрудничестве", DocType.AGREEMENT),
    ("План мероприятий по реализации Стратегии развития Брянской области", DocType.ACTION_PLAN),
    ("Курск, 4 июля 2024 года. Губернатор и делегация Гомельской области обсудили Соглашение о сотрудничестве.",
     DocType.NEWS),
    ("Главная\nНовости\nВ Курской области прошла ярмарка", DocType.NEWS),
    ("Губернатор провёл рабочее совещание.\nОбсуждалась государственная программа, как сообщает пресс-служба.",
     DocType.NEWS),
    ("Press release\nThe Omsk region hosted a forum.", DocType.NEWS),
    ("Omsk, 5 April 2024 - The regional government signed an agreement.", DocType.NEWS),
    ("Action plan for the implementation of the cooperation agreement, 2024-2026", DocType.ACTION_PLAN),
    ("Memorandum of understanding between the Pskov region and Vitebsk region", DocType.AGREEMENT),
    ("Губернатор обсудил государственную программу с министрами.", DocType.OTHER),
    ("Отчёт о работе за 2023 год", DocType.OTHER),
    ("", DocType.OTHER),
])
def test_doc_type(text, expected):
    assert infer_doc_type(text) == expected


def test_title_decides_before_the_text():
    assert infer_doc_type("Курск, 4 июля 2024 года. Текст.", title="Соглашение о сотрудничестве") == DocType.AGREEMENT


def test_cue_far_down_the_text_does_not_count():
    text = "\n".join(f"Строка {i}" for i in range(20)) + "\nСтратегия социально-экономического развития"
    assert infer_doc_type(text) == DocType.OTHER


@pytest.mark.parametrize("text, year", [
    ("Стратегия развития\nутверждена постановлением от 29.06.2009 № 250", 2009),
    ("Курск, 4 июля 2024 года. Подписано соглашение о сотрудничестве до 2030 года.", 2024),
    ("Kazan, March 12, 2023 - news", 2023),
    ("Adopted on 17 June 2015", 2015),
    ("Стратегия до 2030 года", None),
    ("от 31.12.1899", None),
])
def test_year_adopted(text, year):
    assert infer_year_adopted(text) == year


def test_year_adopted_from_a_bare_year_in_the_title_outside_the_horizon():
    assert infer_year_adopted("текст без дат", title="Соглашение 2019 г. на 2020–2024 годы") == 2019
    assert infer_year_adopted("текст без дат", title="План на 2020–2024 годы") is None
    assert infer_year_adopted("от 01.02.2018", title="Стратегия от 5 мая 2021 года") == 2021


@pytest.mark.parametrize("text, year", [
    ("Стратегия социально-экономического развития Калужской области до 2030 года", 2030),
    ("на период до 2035 года", 2035),
    ("План мероприятий на 2021–2025 годы", 2025),
    ("программа на 2024 - 2026 гг.", 2026),
    ("срок действия до 31 декабря 2027 г.", 2027),
    ("Development strategy of the Omsk region to 2030", 2030),
    ("Action plan for 2024-2026", 2026),
    ("Strategy until 2035", 2035),
    ("на 2025–2021 годы", None),
    ("до 3000 года", None),
    ("нет горизонта", None),
])
def test_year_horizon(text, year):
    assert first_horizon(text) == year


def test_horizon_prefers_the_title():
    assert infer_year_horizon("Программа на 2019–2024 годы", title="Стратегия до 2036 года") == 2036


def test_infer_metadata_record_and_news_have_no_horizon():
    meta = infer_metadata("Об утверждении Стратегии развития Смоленской области до 2030 года\nот 12.03.2019")
    assert (meta.doc_type, meta.year_adopted, meta.year_horizon, meta.language) == (DocType.STRATEGY, 2019, 2030, "ru")
    assert meta.title.startswith("Об утверждении Стратегии") and meta.origin["doc_type"] == INFERRED
    news = infer_metadata("Smolensk, 3 May 2024 - The region presented its strategy to 2030.")
    assert (news.doc_type, news.year_adopted, news.year_horizon, news.language) == (DocType.NEWS, 2024, None, "en")


def test_override_marks_manifest_fields():
    meta = override(infer_metadata("Отчёт"), author="RU-SMO", doc_type="agreement", year_adopted=None)
    assert meta.author == "RU-SMO" and meta.doc_type is DocType.AGREEMENT and meta.year_adopted is None
    assert meta.origin["author"] == MANIFEST and meta.origin["doc_type"] == MANIFEST and "year_adopted" not in meta.origin
