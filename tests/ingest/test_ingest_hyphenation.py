import pytest

from coopatlas.ingest.hyphenation import compound_parts, join_hyphenation


@pytest.mark.parametrize("text, expected", [
    ("в сфере автомаги-\nстрали", "в сфере автомагистрали"),
    ("межрегио-\nнального", "межрегионального"),
    ("coop-\neration", "cooperation"),
    ("пере\u00ad\nвозки", "перевозки"),
    ("СОТРУДНИ-\nЧЕСТВО", "СОТРУДНИЧЕСТВО"),
    ("по-\nлитика", "политика"),
    ("авто\ufffeмагистраль", "автомагистраль"),
])
def test_soft_hyphenation_is_joined(text, expected):
    assert join_hyphenation(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("с Ханты-\nМансийским округом", "с Ханты-Мансийским округом"),
    ("Кабардино-\nБалкарской Республикой", "Кабардино-Балкарской Республикой"),
    ("Ханты\ufffeМансийский", "Ханты-Мансийский"),
    ("ХАНТЫ-\nМАНСИЙСКИЙ", "ХАНТЫ-МАНСИЙСКИЙ"),
    ("социально-\nэкономического развития", "социально-экономического развития"),
    ("Северо-\nЗападного округа", "Северо-Западного округа"),
    ("научно-\nтехническое", "научно-техническое"),
    ("кто-\nто", "кто-то"),
    ("по-\nновому", "по-новому"),
    ("cross-\nborder", "cross-border"),
])
def test_real_compounds_keep_their_hyphen(text, expected):
    assert join_hyphenation(text) == expected


@pytest.mark.parametrize("text", [
    "2021-\n2025 годы",
    "округом –\nЮгрой",
    "Кабардино -\nБалкарской",
    "список:\n- пункт",
])
def test_other_line_ends_are_untouched(text):
    assert join_hyphenation(text) == text


def test_compound_table_has_only_bare_lowercase_parts():
    parts = compound_parts()
    for part in parts.first | parts.hosts | parts.particles:
        assert part == part.lower() and "-" not in part and part.strip() == part
