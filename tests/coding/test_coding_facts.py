"""The coding stage on short invented sentences, with a tiny reference (coding_fakes.py)."""
from coding_fakes import fake_pipeline

from coopatlas.extract import extract_text


def facts(text, author="RU-KLU"):
    return extract_text(text, author, pipeline=fake_pipeline()).facts


def parties(text, author="RU-KLU"):
    return sorted(f.parties for f in facts(text, author))


def test_coordinated_adjectives_give_one_bilateral_fact_each():
    text = "Область развивает сотрудничество с Тульской, Брянской и Смоленской областями."
    assert parties(text) == [("RU-BRY", "RU-KLU"), ("RU-KLU", "RU-SMO"), ("RU-KLU", "RU-TUL")]


def test_a_list_of_separate_agreements_is_not_one_multilateral_fact():
    text = "Заключены соглашения с Москвой, Тверской областью и Республикой Коми."
    found = facts(text)
    assert sorted(f.parties for f in found) == [("RU-KLU", "RU-KO"), ("RU-KLU", "RU-MOW"), ("RU-KLU", "RU-TVE")]
    assert {f.arity.value for f in found} == {"bilateral"}
    assert {f.status.value for f in found} == {"agreed"}


def test_one_joint_agreement_is_one_multilateral_fact():
    text = "Подписано трёхстороннее соглашение с Тульской областью и Республикой Беларусь."
    (fact,) = facts(text)
    assert fact.parties == ("BY", "RU-KLU", "RU-TUL")
    assert fact.arity.value == "multilateral"
    assert fact.direction.value == "cross_border"


def test_merely_named_region_is_not_a_party():
    assert facts("По уровню безработицы область уступает Тульской области.") == ()


def test_plans_under_an_agreement_join_its_fact_and_take_the_most_advanced_status():
    text = ("В 2019 году подписано соглашение о сотрудничестве с Республикой Беларусь. "
            "В рамках соглашения проведены Дни культуры, товарооборот вырос на 12 %.")
    (fact,) = facts(text)
    assert fact.parties == ("BY", "RU-KLU")
    assert fact.status.value == "implemented"
    assert fact.specificity.value == "detailed"
    assert "culture" in fact.spheres and "trade_investment" in fact.spheres
    assert len(fact.evidence) == 2


def test_general_interregional_and_international_ties_give_two_shallow_facts():
    found = facts("Стратегической задачей является развитие межрегиональных и международных связей.")
    assert sorted(f.direction.value for f in found) == ["cross_border", "interregional"]
    assert {f.specificity.value for f in found} == {"shallow"}
    assert {f.parties for f in found} == {("RU-KLU",)}


def test_abbreviation_is_case_sensitive():
    assert parties("Сотрудничество при давлении 760 мм рт. ст. невозможно.") == [("RU-KLU",)]


def test_ambiguous_abbreviation_resolved_by_a_name_elsewhere_in_the_text():
    text = "Республика Татарстан — давний партнёр. Соглашение с РТ о сотрудничестве продлено."
    assert ("RU-KLU", "RU-TA") in parties(text)


def test_country_that_is_an_ordinary_word_needs_context():
    assert parties("Того же мнения придерживаются партнёры по сотрудничеству.") == [("RU-KLU",)]
    assert parties("Подписан меморандум о сотрудничестве с Того.") == [("RU-KLU", "TG")]


def test_weak_adjective_counts_only_next_to_a_partner_word():
    assert parties("Сотрудничество с белорусскими партнёрами в сфере АПК расширяется.") == [("BY", "RU-KLU")]
    assert parties("Белорусские товары продаются на ярмарке; сотрудничество развивается.") == [("RU-KLU",)]


def test_dash_apposition_and_abbreviation():
    assert parties("Соглашение о сотрудничестве с Ханты-Мансийским автономным округом – Югрой.") == \
        [("RU-KHM", "RU-KLU")]
    assert parties("Соглашение о сотрудничестве с ХМАО-Югрой подписано.") == [("RU-KHM", "RU-KLU")]


def test_group_reference_gives_implied_parties_only():
    (fact,) = facts("Развивается сотрудничество с регионами Приволжского федерального округа.")
    assert fact.parties == ("RU-KLU",)
    assert set(fact.implied) == {"RU-TA", "RU-SAM", "RU-NIZ"}
    assert fact.direction.value == "interregional"


def test_counted_agreements_are_not_a_quantity():
    (fact,) = facts("С Республикой Беларусь действуют 20 соглашений о сотрудничестве.")
    assert fact.specificity.value == "formal"


def test_evidence_quotes_are_slices_of_the_text():
    text = "Заголовок\n\nВ 2021 году подписано соглашение с Минской областью о сотрудничестве в сфере туризма."
    for fact in facts(text):
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote
    assert facts(text)[0].years == (2021,)


def test_english_names_and_adjectives():
    assert parties("The region signed a cooperation agreement with Belarus in 2020.") == [("BY", "RU-KLU")]
    assert parties("Joint projects with Belarusian partners were launched.") == [("BY", "RU-KLU")]


def test_document_without_author_codes_the_named_parties_together():
    text = "Калужская область и Республика Беларусь подписали соглашение о сотрудничестве."
    assert parties(text, author=None) == [("BY", "RU-KLU")]


def test_author_is_inferred_from_a_title_line():
    result = extract_text("Стратегия социально-экономического развития Калужской области до 2030 года\n\n"
                          "Развитие связей с Республикой Беларусь.", pipeline=fake_pipeline())
    assert result.author == "RU-KLU"
