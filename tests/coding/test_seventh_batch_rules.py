"""Rules written in the session of the seventh tuning batch (decisions 51-): one illustrative case each,
with sentences written for these tests."""
import pytest

from extracted import facts as _facts


def _only(author, text):
    facts = _facts(author, text)
    assert len(facts) == 1, [f.parties for f in facts]
    return facts[0]


STATUS_CASES = [
    ("an agreed draft is not signed yet", "RU-IRK",
     "Проект соглашения о сотрудничестве с Амурской областью согласован сторонами и направлен на подпись.",
     "intended"),
    ("a draft memorandum approved in English", "RU-TOM",
     "The draft memorandum with Pavlodar Region was approved by both governments last week.", "intended"),
    ("a draft mentioned alone is still a plan", "RU-IRK",
     "Подготовлен проект соглашения о сотрудничестве с Республикой Бурятия.", "intended"),
    ("a signed agreement stays agreed beside a draft of another text", "RU-IRK",
     "Соглашение с Республикой Бурятия подписано в марте. Проект плана мероприятий к нему готовится.",
     "agreed"),
    ("joint work under way now is implemented", "RU-IRK",
     "Ведётся совместная работа с Республикой Бурятия по охране озера Байкал.", "implemented"),
    ("joining a working group is membership in force", "RU-TOM",
     "In 2024 the region joined the Siberian Accord working group on forestry.", "implemented"),
    ("students who have studied under an agreement", "RU-TOM",
     "Under the agreement with Pavlodar Region, 120 students have studied at Tomsk universities.",
     "implemented"),
]


@pytest.mark.parametrize("name, author, text, status", STATUS_CASES, ids=[c[0] for c in STATUS_CASES])
def test_status(name, author, text, status):
    assert _only(author, text).status.value == status


SPHERE_CASES = [
    ("protecting a lake is environment", "RU-IRK",
     "Ведётся совместная работа с Республикой Бурятия по охране озера Байкал.", {"environment"}),
    ("timber processing is industry", "RU-IRK",
     "Область развивает связи с Красноярским краем в сфере лесопереработки.", {"industry"}),
]


@pytest.mark.parametrize("name, author, text, spheres", SPHERE_CASES, ids=[c[0] for c in SPHERE_CASES])
def test_spheres(name, author, text, spheres):
    assert {s.value for s in _only(author, text).spheres} == spheres


def test_the_states_relation_describing_the_regions_own_cooperation_keeps_it():
    fact = _only("RU-SE", "Республика будет развивать сотрудничество с Республикой Армения в создании "
                          "логистического центра для обслуживания грузопотока между Россией и Арменией.")
    assert fact.parties == ("AM", "RU-SE")


def test_the_states_relation_alone_is_still_no_regional_fact():
    assert not _facts("RU-SE", "Соглашение о сотрудничестве в области образования между Россией и Арменией "
                               "ратифицировано в 2023 году.")


@pytest.mark.parametrize("text, level", [
    ("Республика будет развивать сотрудничество с Республикой Армения в создании логистического центра "
     "«Алания-Транзит».", "detailed"),
    ("Республика будет развивать сотрудничество с Республикой Армения в создании логистического центра "
     "«Армения».", "formal"),
])
def test_a_quoted_name_counts_when_it_says_more_than_a_party(text, level):
    assert _only("RU-SE", text).specificity.value == level


def test_the_one_with_a_whereas_the_one_with_b_are_separate_in_an_authorless_text():
    text = ("Novosibirsk Region concluded agreements on trade, economic and scientific cooperation with the "
            "Chinese provinces of Shaanxi (2015) and Sichuan (2018). The one with Shaanxi has produced a joint "
            "agricultural technology park near Xi'an, whereas the one with Sichuan has remained declaratory.")
    facts = {f.parties: f for f in _facts(None, text)}
    assert set(facts) == {("CN-SN", "RU-NVS"), ("CN-SC", "RU-NVS")}
    assert "agriculture" in {s.value for s in facts[("CN-SN", "RU-NVS")].spheres}
    assert "agriculture" not in {s.value for s in facts[("CN-SC", "RU-NVS")].spheres}
    assert facts[("CN-SN", "RU-NVS")].specificity.value == "detailed"
    assert facts[("CN-SC", "RU-NVS")].status.value == "agreed"


def test_a_contrast_opens_a_clause_of_its_own():
    facts = {f.parties: f for f in _facts("RU-OMS",
             "Область поддерживает связи с Павлодарской областью, где работает совместный технопарк, тогда как с "
             "Северо-Казахстанской областью — только протокол о намерениях.")}
    assert set(facts) == {("KZ-PAV", "RU-OMS"), ("KZ-SEV", "RU-OMS")}
    assert facts[("KZ-PAV", "RU-OMS")].specificity.value == "detailed"
    assert facts[("KZ-SEV", "RU-OMS")].specificity.value == "formal"


def test_a_region_named_like_a_city_on_a_road_is_the_road():
    text = ('The backbone of our interregional ties remains the "Cooperation" programme of Tyumen Region, '
            "Khanty-Mansi Autonomous Okrug – Yugra and the Yamal-Nenets Autonomous Okrug. In 2022 the three regions "
            "financed 46 joint projects, including the reconstruction of sections of the Tyumen–Tobolsk–Khanty-Mansiysk "
            "highway.")
    assert [f.parties for f in _facts("RU-YAN", text)] == [("RU-KHM", "RU-TYU", "RU-YAN")]


def test_moscow_on_a_route_stays_a_subject():
    facts = _facts("RU-KLU", "Калужская область и Москва договорились о запуске поезда Калуга — Москва — Тверь.")
    assert [f.parties for f in facts] == [("RU-KLU", "RU-MOW")]


def test_talks_that_continued_without_a_document_are_no_fact():
    assert not _facts("RU-YAN", "Talks with the Government of Shandong Province (China) on Arctic shipbuilding "
                                "continued, but no document was signed.")


def test_work_that_continued_after_a_meeting_in_its_own_clause_stays():
    facts = _facts("RU-YAN", "After the meeting in Minsk, joint supplies of road machinery from Minsk Region "
                             "continued under the 2021 agreement.")
    assert [(f.parties, f.status.value) for f in facts] == [(("BY-MI", "RU-YAN"), "implemented")]


def test_a_state_that_only_frames_the_next_passage_joins_its_regions_fact():
    text = ("Cooperation with Vietnam also continued. Under the 2019 agreement with Quang Ninh Province, the two "
            "mining regions exchanged delegations of mine rescuers in November 2022.")
    facts = _facts("RU-KEM", text)
    assert [f.parties for f in facts] == [("RU-KEM", "VN-13")]
    assert len(facts[0].evidence) == 2


def test_a_state_with_content_of_its_own_keeps_its_fact():
    text = ("Trade with Vietnam grew by 12 % in 2022. Under the 2019 agreement with Quang Ninh Province, the two "
            "mining regions exchanged delegations of mine rescuers in November 2022.")
    assert sorted(f.parties for f in _facts("RU-KEM", text)) == [("RU-KEM", "VN"), ("RU-KEM", "VN-13")]


@pytest.mark.parametrize("text", [
    "Buryatia also intends to offer Irkutsk Region a joint cargo hub for Belarusian goods bound for China.",
    "Республика предложит Иркутской области создать совместный грузовой терминал для товаров, следующих в Китай.",
])
def test_where_goods_are_bound_is_no_partner(text):
    assert [f.parties for f in _facts("RU-BU", text)] == [("RU-BU", "RU-IRK")]


def test_an_actor_word_after_with_belongs_to_the_partner_not_the_subject():
    text = ("Заключены соглашения о социально-экономическом сотрудничестве с Правительством Москвы, Республикой "
            "Татарстан и Пензенской областью.")
    assert sorted(f.parties for f in _facts("RU-MO", text)) == [("RU-MO", "RU-MOW"), ("RU-MO", "RU-PNZ"),
                                                                 ("RU-MO", "RU-TA")]


def test_governments_as_the_subject_still_sign_without_the_author():
    text = "Правительства Пензенской области и Республики Татарстан подписали соглашение о сотрудничестве в туризме."
    assert [f.parties for f in _facts("RU-MO", text)] == [("RU-PNZ", "RU-TA")]


def test_a_negation_reaches_the_first_status_word_only():
    fact = _only(None, "Sverdlovsk Region's 2011 agreement with Kocaeli Province on industrial cooperation was "
                       "never implemented and lapsed in 2016.")
    assert fact.status.value == "terminated"


def test_talks_going_on_after_a_denied_signing_are_a_plan():
    fact = _only("RU-KB", "С Согдийской областью Республики Таджикистан соглашение о сотрудничестве в сфере "
                          "трудовой миграции пока не подписано: стороны продолжают согласование его текста.")
    assert fact.status.value == "intended"


def test_a_sentence_opening_with_its_belongs_to_the_territory_before():
    text = ("Bashkortostan is an exception. Its joint commission with the Republic of Belarus has met every year "
            "since 2008.")
    assert [f.parties for f in _facts(None, text)] == [("BY", "RU-BA")]


def test_ukraines_oblasts_before_2014_in_a_euroregion():
    fact = _only("RU-ROS", "Деятельность еврорегиона «Донбасс», созданного в 2010 году вместе с Луганской и "
                           "Донецкой областями Украины, с 2014 года приостановлена.")
    assert fact.parties == ("RU-ROS", "UA-09", "UA-14", "euroregion:donbass")
    assert fact.status.value == "terminated"


def test_days_of_a_region_held_are_an_event():
    fact = _only("RU-ROS", "С Республикой Армения укрепляются гуманитарные связи: в 2018 году в Ереване прошли "
                           "Дни Ростовской области.")
    assert fact.specificity.value == "detailed"


def test_supplies_of_construction_materials_are_industry_and_trade():
    fact = _only("RU-ROS", "В рамках соглашения с Республикой Крым предприятия области поставили на полуостров "
                           "строительные материалы.")
    assert {s.value for s in fact.spheres} == {"industry", "trade_investment"}


def test_a_district_a_region_is_part_of_is_no_group_of_partners():
    text = ("Bashkortostan and Orenburg Region, although part of the Volga Federal District, are members of the "
            "Greater Urals Association.")
    facts = _facts(None, text)
    assert sorted(f.parties for f in facts) == [("RU-BA", "assoc:greater-urals"), ("RU-ORE", "assoc:greater-urals")]
    assert all(f.implied == () for f in facts)


def test_humanitarian_aid_delivered_to_a_named_region():
    fact = _only(None, "Dagestan delivered 140 tonnes of humanitarian aid to Kherson Region in November.")
    assert fact.parties == ("RU-DA", "UA-65")
    assert {s.value for s in fact.spheres} == {"health_social"} and fact.status.value == "implemented"


def test_the_two_regions_go_on_in_an_authorless_text_even_mid_sentence():
    text = ("Volgograd Region, which took patronage over three districts of the Donetsk People's Republic in 2022, "
            "has rebuilt two hospitals there this year. In October the two regions signed a road map on restoring "
            "two power substations.")
    fact = _only(None, text)
    assert fact.parties == ("RU-VGG", "UA-14") and len(fact.evidence) == 2
    assert "energy" in {s.value for s in fact.spheres}


def test_one_joint_programme_with_two_named_regions_is_one_fact():
    fact = _only("RU-DA", "С Республикой Калмыкия и Астраханской областью предстоит разработать совместную "
                          "программу сохранения популяции каспийского тюленя.")
    assert fact.parties == ("RU-AST", "RU-DA", "RU-KL")


def test_within_the_cis_framework_is_the_organisation():
    fact = _only("RU-ROS", "Within the CIS framework, the region takes part in the programme of interregional "
                           "cooperation of the CIS member states, with a focus on vocational training.")
    assert "org:cis" in fact.parties


def test_a_capacity_in_vehicles_is_a_quantity():
    fact = _only("RU-DA", "Совместно с азербайджанской стороной планируется довести пропускную способность пункта "
                          "пропуска до 2 500 автомобилей в сутки.")
    assert fact.specificity.value == "detailed"


def test_kabardino_balkar_republic_in_english():
    facts = _facts("RU-STA", "In 2023 Stavropol Territory, the Kabardino-Balkar Republic and the Karachay-Cherkess "
                             "Republic launched a joint tourist route linking their resorts.")
    assert [f.parties for f in facts] == [("RU-KB", "RU-KC", "RU-STA")]


def test_an_agreements_article_with_the_parties_supporting_is_a_commitment():
    text = ("Протокол о намерениях между Правительством Республики Калмыкия и хякимликом Балканского велаята.\n"
            "1. Стороны поддерживают прямые связи между хозяйствующими субъектами в сфере животноводства.")
    facts = _facts("RU-KL", text)
    assert [(f.parties, f.status.value) for f in facts if len(f.parties) > 1] == [(("RU-KL", "TM-B"), "agreed")]


@pytest.mark.parametrize("text", [
    "С Мангистауской областью достигнута договорённость подготовить к весне 2024 года соглашение о морских перевозках.",
    "Stavropol Territory and Mangystau Region agreed to sign an agreement on tourism next spring.",
])
def test_agreeing_to_prepare_an_agreement_is_a_plan(text):
    assert _only("RU-STA" if text.startswith("Stav") else "RU-AST", text).status.value == "intended"


def test_an_indicator_row_with_figures_reports_what_was_measured():
    text = ("Показатель | Единица | 2022 (факт) | 2024 | 2025\n"
            "Объём товарооборота с Республикой Казахстан | млн долл. | 1 146 | 1 300 | 1 450\n")
    facts = _facts("RU-CHE", text)
    assert [(f.parties, f.status.value) for f in facts] == [(("KZ", "RU-CHE"), "implemented")]


def test_preparing_an_agreement_in_a_plan_row_is_a_plan():
    fact = _only("RU-CHE", "6 | Preparation of an agreement with the Republic of Bashkortostan on road construction "
                           "| 2021 | Ministry of Roads and Transport")
    assert fact.status.value == "intended"


def test_an_agreements_preamble_and_legislation_name_no_partner():
    text = ("СОГЛАШЕНИЕ\nмежду Правительством Смоленской области (Российская Федерация)\nи Витебским областным "
            "исполнительным комитетом (Республика Беларусь)\nо торгово-экономическом сотрудничестве\n\n"
            "Правительство Смоленской области (Российская Федерация) и Витебский областной исполнительный комитет "
            "(Республика Беларусь), именуемые в дальнейшем «Стороны»,\n\n"
            "руководствуясь Договором о создании Союзного государства и Соглашением между Правительством "
            "Российской Федерации и Правительством Республики Беларусь о сотрудничестве приграничных регионов,\n\n"
            "договорились о нижеследующем:\n\n"
            "Статья 1\nСтороны развивают сотрудничество в пределах компетенции, установленной законодательством "
            "Российской Федерации и законодательством Республики Беларусь.\n\n"
            "Статья 2\nСтороны содействуют взаимным поставкам сельскохозяйственной продукции.\n")
    with_partners = {f.parties for f in _facts("RU-SMO", text) if len(f.parties) > 1}
    assert with_partners == {("BY-VI", "RU-SMO")}  # the title's parties; not BY, whose law or treaty is cited


def test_talks_on_an_agreement_are_a_step():
    fact = _only("RU-ORE", "Talks with Kostanay Region on a cooperation agreement have been under way since 2021.")
    assert fact.parties == ("KZ-KUS", "RU-ORE") and fact.status.value == "intended"


def test_a_part_that_came_to_an_end_is_terminated():
    fact = _only("RU-MUR", "The Region's cooperation with the Barents Euro-Arctic Council has come to an end.")
    assert fact.status.value == "terminated"


def test_restoring_schools_in_a_named_territory_is_cooperation():
    fact = _only(None, "Vladimir Region has been restoring schools in the DPR's Khartsyzsk district since 2022.")
    assert fact.parties == ("RU-VLA", "UA-14") and fact.status.value == "implemented"


def test_russia_and_a_state_as_the_subject_is_the_states_relation():
    assert not _facts("RU-MUR", "Russia and Norway continue to manage fish stocks through the Joint "
                                "Russian-Norwegian Fisheries Commission.")
    assert _facts("RU-VLA", "Область является членом Ассоциации «Центральная Россия» и участвует в работе её "
                            "комиссий.")


def test_trade_between_the_region_and_a_state():
    fact = _only("RU-ORE", "Trade between Orenburg Region and Kazakhstan reached USD 1.1 billion in 2022.")
    assert fact.parties == ("KZ", "RU-ORE") and fact.status.value == "implemented"


def test_republika_srpska_in_the_instrumental():
    fact = _only("RU-NIZ", "Переговоры о заключении соглашения с Республикой Сербской (Босния и Герцеговина) пока "
                           "не завершены.")
    assert fact.parties == ("BA-SRP", "RU-NIZ")


@pytest.mark.parametrize("text", [
    "Ties with the Republic of Armenia rest on the 2018 agreement with the Government of Armenia. Days of Rostov "
    "Region have been held in Yerevan every year since 2019.",
    "С Республикой Армения укрепляются гуманитарные связи. В 2018 году в Ереване прошли Дни Ростовской области.",
])
def test_days_of_the_region_held_at_the_partners_join_its_fact(text):
    fact = _only("RU-ROS", text)
    assert fact.parties == ("AM", "RU-ROS") and len(fact.evidence) == 2
    assert fact.specificity.value == "detailed" and "culture" in {s.value for s in fact.spheres}


def test_ties_named_after_the_partner():
    fact = _only("RU-ROS", "С Республикой Армения укрепляются гуманитарные связи.")
    assert fact.parties == ("AM", "RU-ROS")


def test_the_japanese_prefecture_after_hyogo_is_hyogo():
    text = ("Hyogo delegation visits the Territory\n\nKhabarovsk Territory and the Japanese prefecture established "
            "sister-region relations in 1969, and since then 3,000 students have taken part in exchanges between "
            "them. On 17 October the Governor of Khabarovsk Territory and the vice-governor of Hyogo signed a "
            "programme of exchanges for 2024–2026.")
    assert [f.parties for f in _facts("RU-KHA", text)] == [("JP-28", "RU-KHA")]


def test_the_side_of_a_state_named_as_such_stays_the_state():
    text = ("Программа приграничного сотрудничества «Карелия», софинансируемая Европейским союзом, Российской "
            "Федерацией и Финляндией, в 2022 году приостановлена финляндской стороной. Соглашение с Региональным "
            "союзом Северной Карелии о сотрудничестве в сфере культуры также приостановлено.")
    assert sorted(f.parties for f in _facts("RU-KR", text)) == [("FI", "RU-KR", "org:eu"), ("FI-13", "RU-KR")]


def test_conducting_talks_with_words_between_is_a_meeting():
    text = ("Представители правительств Новосибирской, Омской и Томской областей провели на полях форума "
            "«Технопром-2023» переговоры с делегациями провинций Ляонин и Цзилинь. Стороны обменялись мнениями, "
            "однако документов по итогам встреч подписано не было.")
    assert not _facts(None, text)


def test_a_visit_where_the_sides_agreed_to_prepare_a_memorandum_is_a_step():
    fact = _only("RU-SA", "During a visit to Yakutsk in 2023, a delegation of Lam Dong Province and the Government "
                          "of the Republic agreed to prepare a memorandum on tourism.")
    assert fact.parties == ("RU-SA", "VN-35") and fact.status.value == "intended"


def test_trade_that_grew_faster_in_one_region_than_another_is_a_comparison():
    assert not _facts(None, "Between 2015 and 2021 trade with China grew faster in Amur Region than in Primorsky "
                            "Territory.")


def test_a_shared_tourist_route_with_neighbours_named_by_their_adjectives():
    fact = _only("RU-TYU", "С соседними Курганской и Свердловской областями мы продвигаем общий туристский маршрут "
                           "«Сибирский тракт»: в 2023 году по нему путешествовали более 12 тыс. человек.")
    assert fact.parties == ("RU-KGN", "RU-SVE", "RU-TYU") and fact.status.value == "implemented"


def test_hosting_a_session_of_an_associations_council_is_its_work():
    fact = _only("RU-KHA", "In December the Territory will host a session of the council of the Far East and "
                           "Transbaikalia Association in Khabarovsk, devoted to regional air services.")
    assert fact.parties == ("RU-KHA", "assoc:far-east-transbaikal") and fact.status.value == "intended"


def test_the_largest_trading_partner_is_trade_statistics():
    assert not _facts("RU-BU", "По итогам 2022 года Китай остаётся крупнейшим внешнеторговым партнёром республики.")


def test_a_joint_project_with_them_beside_the_separate_agreements():
    text = ("Соглашения подписаны также с Тверской и Псковской областями. Совместно с ними область подготовила и "
            "в ноябре направила в Ростуризм заявку на межрегиональный туристский маршрут «Западный рубеж».")
    assert sorted(f.parties for f in _facts("RU-SMO", text)) == [
        ("RU-PSK", "RU-SMO"), ("RU-PSK", "RU-SMO", "RU-TVE"), ("RU-SMO", "RU-TVE")]


def test_a_body_held_by_another_region_is_that_regions_tie():
    fact = _only("RU-AMU", "Похожая рабочая группа с провинцией Хэйлунцзян действует у Еврейской автономной "
                           "области: в прошлом году она согласовала график работы моста Нижнеленинское — Тунцзян.")
    assert fact.parties == ("CN-HL", "RU-YEV")


def test_a_project_within_the_association_just_named_includes_it():
    text = ("Воронежская область является членом Ассоциации экономического взаимодействия «Черноземье». В её рамках "
            "область совместно с Липецкой и Тамбовской областями предполагает сформировать межрегиональный кластер "
            "по глубокой переработке сахарной свёклы.")
    facts = {f.parties: f for f in _facts("RU-VOR", text)}
    assert set(facts) == {("RU-VOR", "assoc:black-earth"), ("RU-LIP", "RU-TAM", "RU-VOR", "assoc:black-earth")}
    assert {s.value for s in facts[("RU-LIP", "RU-TAM", "RU-VOR", "assoc:black-earth")].spheres} == {
        "agriculture", "industry"}


def test_taking_part_in_a_programme_of_the_union_state():
    fact = _only("RU-TVE", "Область также участвует в мероприятиях программы Союзного государства по развитию "
                           "льняного комплекса на 2021–2025 годы.")
    assert fact.parties == ("RU-TVE", "org:union-state")


def test_universities_in_the_sco_network_university_are_institutions():
    assert not _facts("RU-TOM", "Томский государственный университет и Томский политехнический университет "
                                "участвуют в Сетевом университете ШОС.")


@pytest.mark.parametrize("author, text, status", [
    ("RU-BA", "Республики сотрудничают в сфере нефтехимии с 2012 года, когда было подписано соглашение с Татарстаном.",
     "implemented"),
    ("RU-SMO", "Статья 4\nСтороны взаимодействуют в сфере здравоохранения с Витебской областью.", "agreed"),
])
def test_present_tense_cooperation_runs_but_an_article_commits(author, text, status):
    assert _only(author, text).status.value == status


def test_two_euroregions_listed_before_their_type_noun():
    facts = _facts("RU-KGD", "The Region's participation in the Baltic and Neman euroregions has also been frozen "
                             "since 2022.")
    assert sorted(f.parties for f in facts) == [("RU-KGD", "euroregion:baltic"), ("RU-KGD", "euroregion:neman")]
    assert all(f.status.value == "terminated" for f in facts)


@pytest.mark.parametrize("author, text, parties", [
    ("RU-KLU", "Вместе с соседними Тульской, Брянской и Смоленской областями мы развиваем межрегиональный туристский "
               "маршрут «Засечная черта».", ("RU-BRY", "RU-KLU", "RU-SMO", "RU-TUL")),
    ("RU-KGN", "По итогам заседания Курганская область совместно с Тюменской и Челябинской областями предложила "
               "создать межрегиональный ресурсный центр подготовки кадров.", ("RU-CHE", "RU-KGN", "RU-TYU")),
])
def test_partners_named_only_by_coordinated_adjectives(author, text, parties):
    assert [f.parties for f in _facts(author, text)] == [parties]


def test_a_founding_member_of_an_association():
    fact = _only("RU-KLU", "Калужская область — одна из основательниц Ассоциации «Центральная Россия».")
    assert fact.parties == ("RU-KLU", "assoc:central-russia") and fact.status.value == "implemented"


def test_the_trilateral_agreement_named_again_is_the_joint_one():
    text = ("На форуме губернатор края подписал соглашение с Новосибирской областью, дорожную карту со Ставропольским "
            "краем и трёхстороннее соглашение с Республикой Адыгея и Карачаево-Черкесской Республикой. Дорожная карта "
            "со Ставропольским краем рассчитана на 2024–2025 годы. Трёхстороннее соглашение посвящено созданию горного "
            "туристического маршрута «Лаго-Наки – Архыз».")
    facts = {f.parties: f for f in _facts("RU-KDA", text)}
    assert "tourism" in {s.value for s in facts[("RU-AD", "RU-KC", "RU-KDA")].spheres}
    assert len(facts[("RU-AD", "RU-KC", "RU-KDA")].evidence) == 2


def test_patronage_districts_of_a_region():
    fact = _only("RU-KDA", "За 2023 год в подшефных Скадовском и Каланчакском муниципальных округах Херсонской "
                           "области при участии края восстановлено 26 объектов, в том числе девять школ.")
    assert fact.parties == ("RU-KDA", "UA-65")


@pytest.mark.parametrize("text, party", [
    ("In 2024 the Head of the Republic visited Sharjah and signed a memorandum with the Emirate of Sharjah on "
     "trade.", "AE-SH"),
    ("Nizhny Novgorod Region signed an agreement with the Province of La Habana on health care in 2023.", "CU-03"),
])
def test_emirates_and_cuban_provinces_are_known(text, party):
    assert party in _only("RU-BA" if "Republic" in text else "RU-NIZ", text).parties


def test_rows_of_a_table_of_agreements_are_facts():
    text = ("Таблица 8.1. Основные соглашения с субъектами Российской Федерации\n"
            "Субъект | Год подписания | Направления сотрудничества | Состояние\n"
            "Волгоградская область | 2021 | агропромышленный комплекс, охрана водных ресурсов | действует\n"
            "Пензенская область | 2017 | культура, туризм | прекратило действие в 2022 г.\n")
    facts = {f.parties: f for f in _facts("RU-SAR", text) if len(f.parties) > 1}  # the caption: author only
    assert set(facts) == {("RU-SAR", "RU-VGG"), ("RU-PNZ", "RU-SAR")}
    assert facts[("RU-PNZ", "RU-SAR")].status.value == "terminated"
    assert {s.value for s in facts[("RU-PNZ", "RU-SAR")].spheres} == {"culture", "tourism"}


def test_rows_of_another_table_are_not_agreements():
    text = ("Таблица 3. Крупнейшие предприятия области\n"
            "Предприятие | Город | Выручка\n"
            "Завод «Пример» | Волгоградская область | 12 млрд руб.\n")
    assert not _facts("RU-SAR", text)


def test_regional_parliaments_stand_for_their_regions():
    text = ("Самарская Губернская Дума и Саратовская областная Дума подписали соглашение о межпарламентском "
            "сотрудничестве. Саратовская областная Дума с 2023 года шефствует над Законодательным Собранием "
            "Запорожской области.")
    facts = {f.parties: f for f in _facts(None, text)}
    assert set(facts) == {("RU-SAM", "RU-SAR"), ("RU-SAR", "UA-23")}
    assert facts[("RU-SAR", "UA-23")].status.value == "implemented"


def test_regions_that_lead_a_ranking_are_compared():
    assert not _facts(None, "По числу действующих межпарламентских соглашений среди регионов лидируют Московская "
                            "городская Дума и Законодательное Собрание Санкт-Петербурга.")


def test_growth_over_the_previous_year_is_no_comparison():
    fact = _only("RU-BA", "Товарооборот РБ с ОАЭ в 2023 году составил 148 млн долларов США, увеличившись в 1,6 раза "
                          "по сравнению с предыдущим годом.")
    assert fact.parties == ("AE", "RU-BA")


def test_where_students_come_from_is_no_partner():
    assert not any(len(f.parties) > 1 for f in _facts(
        "RU-KGD", "The Baltic Federal University runs a joint programme with St Petersburg State University, and "
                  "many of its students come from Moscow and Pskov Region."))
