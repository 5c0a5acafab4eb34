"""Abbreviations a document defines for itself (nlp/abbreviations.py)."""
from coopatlas import extract_text


def _parties(author, text):
    return sorted(f.parties for f in extract_text(text, author, infer=False).facts)


def test_a_defined_abbreviation_names_its_party_later():
    text = ("Губернатор области и генерал-губернатор провинции Голестан (Исламская Республика Иран, далее – ИРИ) "
            "подписали дорожную карту на 2023–2025 годы.\n\n"
            "Товарооборот области с ИРИ за девять месяцев 2022 года вырос в 1,7 раза.")
    assert _parties("RU-VGG", text) == [("IR", "RU-VGG"), ("IR-27", "RU-VGG")]


def test_the_documents_definition_beats_the_gazetteers_ambiguity():
    text = ("Республика Беларусь (далее – РБ) остаётся главным партнёром республики. "
            "С РБ в 2021 году подписан план мероприятий по поставкам сельхозтехники.")
    assert _parties("RU-BA", text) == [("BY", "RU-BA")]


def test_an_abbreviation_not_defined_stays_ambiguous():
    text = "С РБ в 2021 году подписан план мероприятий по поставкам сельхозтехники."
    assert _parties("RU-TA", text) == [("RU-TA",)]  # РБ: Belarus or Bashkortostan, nothing says which


def test_a_lower_case_gloss_defines_nothing():
    assert _parties("RU-ULY", "Оснащение центров РТ (радиотерапии) ведётся совместно с Самарской областью.") \
        == [("RU-SAM", "RU-ULY")]


def test_english_definition():
    text = ("The agreement with the Kyrgyz Republic (KR) was signed in 2021. Under it, 420 workers from the KR "
            "arrived in 2022.")
    assert _parties("RU-YAN", text) == [("KG", "RU-YAN")]


def test_a_known_state_abbreviation_in_brackets_locates_the_region_and_defines_nothing():
    text = ("Подписано соглашение между Правительством Республики Башкортостан и Правительством эмирата Шарджа (ОАЭ). "
            "Товарооборот республики с ОАЭ в 2023 году составил 148 млн долларов США.")
    parties = {f.parties for f in extract_text(text, "RU-BA", infer=False).facts}
    assert ("AE", "RU-BA") in parties


def test_a_news_agency_tag_after_a_dateline_is_no_abbreviation():
    from coopatlas import extract_text
    text = ("MINSK, 28 June 2024 (ERW) – The Minsk City Executive Committee and the Government of St Petersburg signed "
            "a programme.\n\nBELGRADE, 2 July 2024 (ERW) – Yaroslavl Region and Serbia's Zlatibor District signed a "
            "protocol on rural tourism.")
    facts = extract_text(text, None, infer=False).facts
    assert {f.parties for f in facts} == {("BY-HM", "RU-SPE"), ("RS-16", "RU-YAR")}
