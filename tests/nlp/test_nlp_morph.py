from coopatlas.nlp.morph import adjective_forms, name_forms


def test_region_name_in_all_cases_keeps_feminine_accusative():
    forms = name_forms("Нижегородская область")
    assert {"Нижегородской области", "Нижегородскую область", "Нижегородской областью",
            "Нижегородскими областями"} <= forms


def test_words_after_the_first_noun_stay_fixed():
    assert "Республикой Татарстан" in name_forms("Республика Татарстан")
    assert "Соединёнными Штатами Америки" in name_forms("Соединённые Штаты Америки")


def test_dash_segments_inflect_separately_and_hyphenated_words_only_at_the_end():
    forms = name_forms("Ханты-Мансийский автономный округ — Югра")
    assert "Ханты-Мансийским автономным округом — Югрой" in forms
    assert not any(f.startswith("Хант-") or f.startswith("Ханта-") for f in forms)
    assert "Санкт-Петербурге" in name_forms("Санкт-Петербург")


def test_locative_two_is_generated():
    assert "Крыму" in name_forms("Крым")


def test_indeclinable_and_unknown_tails_are_kept():
    assert name_forms("Перу") == {"Перу"}
    assert "Республике Саха (Якутия)" in name_forms("Республика Саха (Якутия)")


def test_adjective_forms_cover_genders_and_plural():
    forms = adjective_forms("белорусский")
    assert {"белорусскими", "белорусская", "белорусской", "белорусских"} <= forms
