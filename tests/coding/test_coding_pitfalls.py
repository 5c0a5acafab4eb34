"""Pitfalls of ../shared/NLP-NOTES.md and the coding decisions, on the real reference tables.

Each case is a sentence written for this test and the set of parties a coder gives it.
"""
import pytest

from coopatlas.extract import extract_text

CASES = [
    ("RU-KLU", "Подписано соглашение о сотрудничестве с Гомель-\nской областью Республики Беларусь.", {"BY-HO", "RU-KLU"}),
    ("RU-KLU", "Подписано соглашение о сотрудничестве с Ханты-\nМансийским автономным округом – Югрой.", {"RU-KHM", "RU-KLU"}),
    ("RU-KLU", "Заключены соглашения с НСО, КЧР и ЕАО.", {"RU-KC", "RU-KLU", "RU-NVS", "RU-YEV"}),
    ("RU-KLU", "Развивается сотрудничество с Владимирской, Ивановской и Костромской областями.",
     {"RU-IVA", "RU-KLU", "RU-KOS", "RU-VLA"}),
    ("RU-ALT", "Сотрудничество с Баян-Ульгийским и Ховдским аймаками Монголии развивается.", {"MN-043", "MN-071", "RU-ALT"}),
    (None, "In 2011 the governments of the Sverdlovsk and Chelyabinsk regions signed an agreement on transport.",
     {"RU-CHE", "RU-SVE"}),
    ("RU-SVE", "The region signed a cooperation agreement with Kazakhstan's Kostanay Region.", {"KZ-KUS", "RU-SVE"}),
    ("RU-BA", "Соглашение между РБ и Павлодарской областью подписано в 2021 году.", {"KZ-PAV", "RU-BA"}),
    ("RU-TYU", "Тюменская область, ХМАО – Югра и ЯНАО подписали трёхстороннее соглашение.", {"RU-KHM", "RU-TYU", "RU-YAN"}),
    ("RU-PSK", "Область участвует в работе еврорегиона «Чудское озеро» и еврорегиона «Псков – Ливония».",
     {"RU-PSK", "euroregion:lake-peipsi", "euroregion:pskov-livonia"}),
    ("RU-KGD", "Область участвует в работе еврорегионов «Балтика» и «Неман».",
     {"RU-KGD", "euroregion:baltic", "euroregion:neman"}),
    ("RU-KLU", "Область сотрудничает с провинциями Хэнань и Шаньдун КНР.", {"CN-HA", "CN-SD", "RU-KLU"}),
    ("RU-KLU", "Подписаны соглашения с Костанайской и Северо-Казахстанской областями Казахстана.",
     {"KZ-KUS", "KZ-SEV", "RU-KLU"}),
    ("RU-MUR", "Область сотрудничает с губернией Финнмарк и ленами Норрботтен и Вестерботтен.",
     {"NO-54", "RU-MUR", "SE-AC", "SE-BD"}),
    ("RU-KLU", "В 2022 году проведены Дни культуры области в Минске, подписан меморандум с Минской областью.",
     {"BY-MI", "RU-KLU"}),
    ("RU-VLG", "Объём импорта из Республики Беларусь вырос на 12 % и превысил 140 млн долларов США; "
               "сотрудничество продолжится.", {"BY", "RU-VLG"}),
    ("RU-LEN", "В рамках программы приграничного сотрудничества «Юго-Восточная Финляндия – Россия» область "
               "реализует проекты совместно с регионом Кюменлааксо.", {"FI-09", "RU-LEN", "org:eu"}),
    ("RU-KGD", "Калининградская область участвует в работе Совета государств Балтийского моря и ХЕЛКОМ.",
     {"RU-KGD", "org:cbss", "org:helcom"}),
    ("RU-SAK", "Сахалинская область сотрудничает с губернаторством Хоккайдо.", {"JP-01", "RU-SAK"}),
    ("RU-SMO", "По объёму торговли с Беларусью область уступает Брянской и Псковской областям.", set()),
    ("RU-AST", "Губернатор провёл переговоры с акимом Атырауской области Республики Казахстан. "
               "Стороны подписали протокол к соглашению о сотрудничестве.", {"KZ-ATY", "RU-AST"}),
    ("RU-ZAB", "Правительство края и администрация аймака Дорнод Монголии подписали соглашение о сотрудничестве.",
     {"MN-061", "RU-ZAB"}),
    ("RU-KHA", "Развиваются связи с провинцией Хэйлунцзян КНР; мероприятия согласуются с китайской стороной.",
     {"CN-HL", "RU-KHA"}),
    ("RU-KR", "The region borders Finland and Estonia, and cooperates with Belarus in forestry.", {"BY", "RU-KR"}),
    ("RU-KLU", "Розничный товарооборот области вырос на 5 %.", set()),
    ("RU-SMO", "In 2021 the region signed agreements with the Minsk and Brest regions of Belarus.",
     {"BY-BR", "BY-MI", "RU-SMO"}),
    ("RU-SE", "Стороны, руководствуясь Договором о создании Союзного государства, заключили соглашение о "
              "сотрудничестве с Брестским облисполкомом.", {"BY-BR", "RU-SE"}),
    ("RU-KLU", "На выставке в Казани подписано соглашение с Республикой Татарстан.", {"RU-KLU", "RU-TA"}),
    ("RU-KLU", "На выставке «Иннопром» в Екатеринбурге подписано соглашение с Пермским краем.", {"RU-KLU", "RU-PER"}),
    ("RU-VLA", "В будущем году надеемся привлечь к проекту Московскую область.", {"RU-MOS", "RU-VLA"}),
    ("RU-ALT", "С правительством Синьцзян-Уйгурского автономного района КНР край намерен согласовать открытие "
               "грузового маршрута через перевал Канас.", {"CN-XJ", "RU-ALT"}),
    (None, "Irkutsk Region's trade with Mongolia reached USD 210 million in 2020, second only to that of Buryatia.",
     {"MN", "RU-IRK"}),
    ("RU-SAR", "Интерес к сотрудничеству с областью проявляет также Атырауская область РК, однако конкретные "
               "предложения пока не поступали.", set()),
    ("RU-NGR", "The region will continue to take part in the Hanseatic Days, next held in Lithuania in 2023, as a "
               "member of the Hanseatic League of New Time.", {"RU-NGR"}),
    ("RU-ME", "Совместно с венгерскими партнёрами подготовлена выставка, которую посетили 12 тыс. человек.",
     {"HU", "RU-ME"}),
    ("RU-KB", "The Republic intends to build ties in culture with Turkish and Jordanian regions.", {"JO", "RU-KB", "TR"}),
    (None, "Коммерческие контракты и межрегиональные соглашения подписаны на IX Форуме регионов Беларуси и России.",
     set()),
    ("RU-KGD", "Together with the Warmian-Masurian and Pomeranian Voivodeships, the region takes part in a joint "
               "project on the restoration of churches.", {"PL-22", "PL-28", "RU-KGD"}),
    ("RU-KGD", "The region takes part in the Poland–Russia Cross-Border Cooperation Programme together with the "
               "Pomeranian Voivodeship; its projects include the road to the border crossing.",
     {"PL", "PL-22", "RU-KGD", "org:eu"}),
    ("RU-KGD", "The region takes part in Euroregions Baltic and Neman.",
     {"RU-KGD", "euroregion:baltic", "euroregion:neman"}),
    ("RU-VLG", "По объёму внешнеторгового оборота область занимает третье место в Северо-Западном федеральном "
               "округе после Санкт-Петербурга и Ленинградской области.", set()),
    ("RU-KLU", "Товарооборот с Республикой Беларусь вырос на 12 % и составил 1,1 млрд долларов.", {"BY", "RU-KLU"}),
    ("RU-NGR", "Delegations from Tula and Vitebsk regions held talks on tourism, but no document was signed.", set()),
    ("RU-KLU", "Подписаны соглашения с Приморьем, Ставропольем, Прикамьем, Поморьем и Минщиной.",
     {"BY-MI", "RU-ARK", "RU-KLU", "RU-PER", "RU-PRI", "RU-STA"}),
]


@pytest.mark.parametrize("author,text,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_parties(author, text, expected):
    result = extract_text(text, author, infer=False)
    assert {p for f in result.facts for p in f.parties} == expected
    for fact in result.facts:
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote


# Each fact's parties, as a coder splits the text into facts (one tuple of sorted parties per fact).
FACT_CASES = [
    ("heading gives no fact, the text below does", "RU-SMO",
     "4.6. Приграничное сотрудничество с Республикой Беларусь\n\nС Витебской областью подписан план мероприятий.",
     [("BY-VI", "RU-SMO")]),
    ("research text without author: no general fact", None,
     "Российские регионы охотнее сотрудничают с зарубежными партнёрами.", []),
    ("the parties under a new heading do not revive a meeting", "RU-TAM",
     "В ходе встречи стороны обменялись мнениями о ситуации в агропромышленном комплексе.\n\n"
     "Липецкие коллеги рассказали об особой экономической зоне. Стороны выразили заинтересованность "
     "в продолжении диалога.", []),
    ("agreeing to keep in touch is a meeting", None,
     "Представители Республики Калмыкия и Брестской области обсудили возможные направления взаимодействия "
     "и договорились продолжить контакты.", []),
    ("both sides after a new partner: that partner and the author", "RU-TY",
     "In 2022 we continued to work with our partners in Mongolia's Uvs aimag under the 2014 cooperation "
     "agreement. The agreement with Zavkhan aimag, signed in 2019, has not yet produced joint projects; "
     "both sides intend to draft an action plan next year.",
     [("MN-046", "RU-TY"), ("MN-057", "RU-TY")]),
    ("separate agreements, then a trilateral one, in one sentence", "RU-SVE",
     "Губернатор Свердловской области подписал соглашения с Андижанской и Ферганской областями Республики "
     "Узбекистан и с Пермским краем, а также трёхстороннее соглашение с Челябинской и Курганской областями. "
     "Страной-партнёром выставки стала Республика Беларусь.",
     [("RU-CHE", "RU-KGN", "RU-SVE"), ("RU-PER", "RU-SVE"), ("RU-SVE", "UZ-AN"), ("RU-SVE", "UZ-FA")]),
    ("'between' after the partners does not leave the author out", "RU-KYA",
     "Совместно с Республикой Хакасия и Республикой Тыва край реализует проект, включая сооружение "
     "энергомоста между тремя регионами.", [("RU-KK", "RU-KYA", "RU-TY")]),
    ("a Russian federal city at the end of a route stays a partner", "RU-KLU",
     "Подписано соглашение о развитии туризма, по которому открыт авиарейс Калуга — Севастополь.",
     [("RU-KLU", "UA-40")]),
    ("short names of Kazakh oblasts", "RU-ALT",
     "«Восточный Казахстан — наш партнёр. Мы вместе открыли два совместных предприятия по переработке льна».",
     [("KZ-VOS", "RU-ALT")]),
    ("a third region in a row of a bilateral plan joins the parties", "RU-KYA",
     "ПЛАН МЕРОПРИЯТИЙ по реализации Соглашения между Правительством Красноярского края и Правительством "
     "Республики Хакасия о торгово-экономическом сотрудничестве на 2023–2025 годы\n\n"
     "5 | Подготовка совместно с Правительством Республики Тыва предложений о строительстве железнодорожной "
     "линии Курагино — Кызыл | 2023 | министерства транспорта Сторон",
     [("RU-KK", "RU-KYA"), ("RU-KK", "RU-KYA", "RU-TY")]),
    ("a partner whose own clause reports only talks has no fact", "RU-SMO",
     "С Минской областью подписан план мероприятий на 2023–2025 годы, с Гродненской областью обсуждены "
     "перспективы сотрудничества.", [("BY-MI", "RU-SMO")]),
    ("English: a partner in talks only, after a semicolon, has no fact", "RU-TOM",
     "A memorandum with Pavlodar Region was signed in 2019; talks with Almaty Region are ongoing.",
     [("KZ-PAV", "RU-TOM")]),
    ("two regions as the subject on a third region's portal", "RU-KIR",
     "Губернаторы Нижегородской и Владимирской областей подписали соглашение о сотрудничестве в сфере туризма.",
     [("RU-NIZ", "RU-VLA")]),
    ("two regions as the subject, with a plural verb", "RU-KIR",
     "Нижегородская и Владимирская области подписали соглашение о развитии туризма.", [("RU-NIZ", "RU-VLA")]),
    ("the author in the list keeps it in", "RU-KIR",
     "Кировская, Нижегородская и Владимирская области подписали соглашение о развитии туризма.",
     [("RU-KIR", "RU-NIZ", "RU-VLA")]),
]


@pytest.mark.parametrize("author,text,expected", [c[1:] for c in FACT_CASES], ids=[c[0] for c in FACT_CASES])
def test_facts(author, text, expected):
    facts = extract_text(text, author, infer=False).facts
    assert sorted(tuple(sorted(f.parties)) for f in facts) == expected



def test_a_road_map_still_to_be_drafted_is_not_a_mechanism():
    text = "Стороны подписали меморандум о сотрудничестве с Шанхаем; дорожную карту предстоит разработать."
    (fact,) = extract_text(text, "RU-SPE").facts
    assert fact.specificity.value == "formal"
    assert fact.status.value == "agreed"


def test_participation_in_a_body_is_implemented():
    (fact,) = extract_text("Область входит в состав ассоциации «Северо-Запад».", "RU-PSK").facts
    assert fact.parties == ("RU-PSK", "assoc:north-west")
    assert fact.status.value == "implemented"
    assert fact.direction.value == "interregional"
    assert fact.arity.value == "multilateral"


def test_the_parties_of_an_agreement_title_are_the_parties_of_its_articles():
    """An agreement names its parties in its title and calls them "Стороны" below; a heading alone is
    no fact, but the articles under it are, with the title's parties (and the title as evidence)."""
    text = ("Соглашение между Правительством Вологодской области и Правительством Республики Карелия "
            "о торгово-экономическом сотрудничестве\n\n"
            "Стороны договорились проводить совместные ярмарки.\n\n"
            "С другой стороны, область развивает собственную промышленность.")
    facts = extract_text(text, author="RU-VLG").facts
    assert [set(f.parties) for f in facts] == [{"RU-KR", "RU-VLG"}]
    assert facts[0].evidence[0].quote.startswith("Соглашение между Правительством")
    # "с другой стороны" (on the other hand) is not "the Parties": no title parties without the word
    assert extract_text(text.replace("Стороны договорились", "Область намерена"), author="RU-VLG").facts[0].parties \
        == ("RU-VLG",)


@pytest.mark.parametrize("follow_up", [
    "В его рамках налажены поставки сельскохозяйственной продукции.",
    "В рамках этого документа налажены поставки сельскохозяйственной продукции.",
    "Для его реализации налажены поставки сельскохозяйственной продукции.",
])
def test_a_paragraph_about_the_agreement_above_adds_its_spheres(follow_up):
    text = f"Калужская область подписала соглашение о сотрудничестве с Республикой Беларусь.\n\n{follow_up}"
    facts = extract_text(text, author="RU-KLU").facts
    assert len(facts) == 1 and set(facts[0].parties) == {"BY", "RU-KLU"}
    assert "agriculture" in facts[0].spheres


def test_members_of_a_body_listed_in_the_next_sentence_are_parties():
    text = ("Республика является членом Международного координационного совета «Наш общий дом – Алтай». "
            "Вместе с ней в совет входят Алтайский край и Восточно-Казахстанская область.")
    parties = {p for f in extract_text(text, author="RU-AL").facts for p in f.parties}
    assert {"RU-ALT", "KZ-VOS", "RU-AL"} <= parties


def test_a_plan_approved_on_the_basis_of_the_agreement_before_joins_its_fact():
    text = ("Соглашение с Баян-Улгийским аймаком Монголии заключено в 2015 году. Утверждённый на его основе план "
            "мероприятий на 2018–2020 годы предусматривает совместную охрану снежного барса в приграничных заповедниках.")
    facts = extract_text(text, author="RU-AL").facts
    assert [set(f.parties) for f in facts] == [{"MN-071", "RU-AL"}]
    assert "environment" in facts[0].spheres and facts[0].specificity == "detailed"


def test_a_list_of_adjectives_before_a_partner_word():
    text = "Калужская область развивает сотрудничество с белорусскими и казахстанскими партнёрами."
    assert {p for f in extract_text(text, author="RU-KLU").facts for p in f.parties} == {"BY", "KZ", "RU-KLU"}


def test_a_joint_working_group_with_a_named_region_is_cooperation_but_an_own_one_is_not():
    joint = ("С городом федерального значения Севастополем в 2019 году создана межведомственная рабочая группа "
             "по транспортному обслуживанию населения.")
    assert [set(f.parties) for f in extract_text(joint, author="UA-43").facts] == [{"UA-40", "UA-43"}]
    for own in ("В области создана рабочая группа по развитию туризма.",
                "Рабочая группа Калужской области по туризму провела заседание."):
        assert extract_text(own, author="RU-KLU").facts == ()


def test_results_under_a_heading_that_say_they_were_reached_under_the_programme_join_it():
    text = ("Программа реализуется в соответствии с Договором между органами государственной власти Тюменской "
            "области и Ханты-Мансийского автономного округа – Югры.\n\n2. Итоги предыдущего периода\n\n"
            "За 2016–2020 годы в рамках программы построены 11 школ и 4 больничных корпуса.")
    facts = extract_text(text, author="RU-TYU").facts
    assert [set(f.parties) for f in facts] == [{"RU-KHM", "RU-TYU"}]
    assert {"education", "health_social"} <= set(facts[0].spheres)


def test_rows_of_a_plan_that_name_the_parties_add_their_spheres_to_the_agreement():
    text = ("ПЛАН МЕРОПРИЯТИЙ по реализации Соглашения между Правительством Красноярского края и Правительством "
            "Республики Хакасия о торгово-экономическом сотрудничестве на 2023–2025 годы\n\n"
            "1 | Согласование перетоков электроэнергии между энергосистемами края и республики | 2023 | органы Сторон\n"
            "2 | Разработка единой схемы туристских маршрутов | 2024 | министерства туризма Сторон")
    facts = extract_text(text, author="RU-KYA").facts
    assert [set(f.parties) for f in facts] == [{"RU-KK", "RU-KYA"}]
    assert {"energy", "tourism", "trade_investment"} <= set(facts[0].spheres)


@pytest.mark.parametrize("text,status", [
    ("В 2024 году будет открыт авиарейс Калуга — Минск в рамках сотрудничества с Республикой Беларусь.", "intended"),
    ("The agreement with Belarus is expected to be signed later this year.", "intended"),
    ("Соглашение с Республикой Беларусь было подписано в 2019 году.", "agreed"),
    ("An agreement with Belarus was signed in May 2021.", "agreed"),
])
def test_a_status_word_after_a_modal_is_a_plan(text, status):
    assert {f.status for f in extract_text(text, author="RU-KLU").facts} == {status}


def test_together_with_named_regions_consultations_and_continued_participation():
    text = ("Сотрудничество с Республикой Корея в 2020 году ограничилось онлайн-консультациями о возможных проектах. "
            "Край продолжает участвовать в работе Ассоциации региональных администраций стран Северо-Восточной Азии. "
            "Вместе с Хабаровским краем и Сахалинской областью край разрабатывает единую туристскую программу. "
            "Вместе с тем край развивает собственные курорты.")
    facts = extract_text(text, author="RU-PRI").facts
    assert {frozenset(f.parties) for f in facts} == {frozenset({"RU-PRI", "org:nearc"}),
                                                     frozenset({"RU-KHA", "RU-PRI", "RU-SAK"})}
    assert len(facts) == 2


def test_a_foreign_city_at_the_end_of_a_route_is_not_a_partner_but_its_state_is():
    text = "Открыт авиарейс Калуга — Минск, товарооборот с Республикой Беларусь вырос на 12 %."
    assert {p for f in extract_text(text, author="RU-KLU").facts for p in f.parties} == {"BY", "RU-KLU"}
    assert [f.parties for f in extract_text("С Минском подписано соглашение о сотрудничестве.", author="RU-KLU").facts] \
        == [("BY-HM", "RU-KLU")]


def test_lower_case_group_references_expand():
    facts = extract_text("Развивается сотрудничество с соседними регионами.", author="RU-VLG").facts
    assert facts[0].parties == ("RU-VLG",) and {"RU-ARK", "RU-KOS", "RU-YAR"} <= set(facts[0].implied)


def test_a_suspended_cross_border_programme_is_with_the_eu():
    text = ("The Russia–Latvia cross-border programme, which had co-financed joint projects on lake protection, "
            "was suspended by the European Commission in the same year.")
    facts = extract_text(text, author="RU-PSK").facts
    assert [(set(f.parties), f.status) for f in facts] == [({"LV", "RU-PSK", "org:eu"}, "terminated")]


def test_member_states_of_an_organisation_are_a_group():
    text = "Задача: расширение сотрудничества со странами — членами Шанхайской организации сотрудничества."
    facts = extract_text(text, author="RU-KYA").facts
    assert [f.parties for f in facts] == [("RU-KYA",)] and {"CN", "IN", "KZ"} <= set(facts[0].implied)


def test_a_sentence_about_one_of_two_agreements_belongs_to_that_one():
    text = ("С Архангельской и Ярославской областями действуют двусторонние соглашения о сотрудничестве. "
            "В рамках соглашения с Архангельской областью реализуется совместный проект реконструкции дороги.")
    facts = {frozenset(f.parties): f for f in extract_text(text, author="RU-VLG").facts}
    assert "transport_logistics" in facts[frozenset({"RU-ARK", "RU-VLG"})].spheres
    assert facts[frozenset({"RU-VLG", "RU-YAR"})].spheres == ()


@pytest.mark.parametrize("title,author", [
    ("Invest in Tyumen Region | Partners and networks", "RU-TYU"),
    ("Annual Report of the Head of the Republic of Tyva for 2022", "RU-TY"),
    ("Послание Главы Республики Саха (Якутия) Государственному Собранию", "RU-SA"),
])
def test_author_from_an_investor_page_or_an_annual_address(title, author):
    text = f"{title}\n\nThe region cooperates with Mongolia in tourism."
    assert extract_text(text).author == author


def test_each_partner_keeps_the_content_of_its_own_clause():
    text = ("Омская область подписала соглашение с Павлодарской областью о сотрудничестве в сфере образования, "
            "а с Северо-Казахстанской областью — дорожную карту по развитию туризма.")
    facts = {f.parties: f for f in extract_text(text, author="RU-OMS").facts}
    assert set(facts) == {("KZ-PAV", "RU-OMS"), ("KZ-SEV", "RU-OMS")}
    assert facts[("KZ-PAV", "RU-OMS")].spheres == ("education",) and facts[("KZ-PAV", "RU-OMS")].status == "agreed"
    assert facts[("KZ-SEV", "RU-OMS")].spheres == ("tourism",) and facts[("KZ-SEV", "RU-OMS")].status == "agreed"
    # the second fact's evidence is the shared head and its own clause, each a real slice of the text
    quotes = [e.quote for e in facts[("KZ-SEV", "RU-OMS")].evidence]
    assert quotes[0].startswith("Омская область подписала") and quotes[-1].startswith(", а с Северо-Казахстанской")
    # a shared head ("Сотрудничество с X ведётся в …, с Y — в …") lends no sphere of the first clause
    text = ("Сотрудничество с Чукотским автономным округом ведётся в сфере энергетики, с Камчатским краем — "
            "в рыболовстве.")
    assert {f.parties: f.spheres for f in extract_text(text, author="RU-MAG").facts} == {
        ("RU-CHU", "RU-MAG"): ("energy",), ("RU-KAM", "RU-MAG"): ("agriculture",)}
    # a plain list keeps one content for every partner
    listed = extract_text("Подписаны соглашения с Павлодарской и Северо-Казахстанской областями о развитии туризма.",
                          author="RU-OMS").facts
    assert [f.spheres for f in listed] == [("tourism",), ("tourism",)]


def test_an_adjective_after_s_with_its_type_noun_left_out():
    text = "Соглашение с Ярославской областью подписано в 2018 году, с Ивановской – в 2019 году."
    facts = extract_text(text, author="RU-KOS").facts
    assert sorted((f.parties, f.status, f.years) for f in facts) == [
        (("RU-IVA", "RU-KOS"), "agreed", (2019,)), (("RU-KOS", "RU-YAR"), "agreed", (2018,))]
    # an adjective followed by a noun of its own is not a left-out region
    other = "Соглашение с Ярославской областью подписано в 2018 году одновременно с Ивановской ярмаркой."
    assert {p for f in extract_text(other, author="RU-KOS").facts for p in f.parties} == {"RU-KOS", "RU-YAR"}


@pytest.mark.parametrize("text,status", [
    ("The agreement with Mongolia's Khovsgol aimag (2016) covers tourism.", "agreed"),
    ("Соглашение с Республикой Беларусь охватывает торговлю и образование.", "agreed"),
    ("Сотрудничество с Республикой Беларусь охватывает торговлю и образование.", "intended"),
    ("Задачи на период до 2030 года:\n– подписание соглашения с Минской областью.", "intended"),
])
def test_an_agreement_named_with_no_status_word_is_in_force(text, status):
    assert {f.status for f in extract_text(text, author="RU-IRK").facts} == {status}


def test_english_regions_of_a_and_b_and_a_similar_document_in_a_clause_of_its_own():
    text = "Ties with the Kazakh regions of Kostanay and North Kazakhstan are developing in agriculture."
    assert sorted(f.parties for f in extract_text(text, author="RU-KGN").facts) == [
        ("KZ-KUS", "RU-KGN"), ("KZ-SEV", "RU-KGN")]
    text = ("The agreement with Mongolia's Khovsgol aimag (2016) covers tourism; a similar document with "
            "Selenge aimag is being prepared.")
    facts = {f.parties: f for f in extract_text(text, author="RU-IRK").facts}
    assert facts[("MN-041", "RU-IRK")].spheres == ("tourism",) and facts[("MN-049", "RU-IRK")].spheres == ()


def test_a_road_map_is_no_road_and_one_still_to_prepare_is_no_mechanism():
    text = "In 2021 the Governor met the Ambassador of Belarus; the sides agreed to prepare a road map on dairy supplies."
    (fact,) = extract_text(text, author="RU-VLG").facts
    assert "transport_logistics" not in fact.spheres and fact.specificity == "formal"


def test_partners_in_an_area_of_states_with_their_own_spheres_in_parentheses():
    text = ("Приоритетными партнёрами области в СНГ являются Республика Беларусь (машиностроение, АПК) "
            "и Республика Казахстан (транспорт, логистика).")
    facts = {f.parties: f.spheres for f in extract_text(text, author="RU-KIR").facts}
    assert facts == {("BY", "RU-KIR"): ("agriculture", "industry"), ("KZ", "RU-KIR"): ("transport_logistics",)}
    # "в рамках СНГ" is the organisation
    framed = extract_text("Область участвует в реализации программ сотрудничества в рамках СНГ.", author="RU-KIR").facts
    assert {p for f in framed for p in f.parties} == {"RU-KIR", "org:cis"}


def test_humanitarian_aid_is_social_support():
    text = "В 2022 году подписано соглашение с Луганской Народной Республикой, оказана гуманитарная помощь."
    (fact,) = extract_text(text, author="RU-VOR").facts
    assert fact.spheres == ("health_social",)


def test_a_section_heading_names_the_partner_of_the_text_below_it():
    text = ("4.3. Сотрудничество с Республикой Беларусь\n\nОсновными направлениями сотрудничества являются "
            "машиностроение и сельское хозяйство. В 2021 году подписан план мероприятий на 2021–2023 годы.\n\n"
            "4.4. Туризм\n\nОбласть развивает сотрудничество в сфере туризма.")
    facts = {f.parties: f for f in extract_text(text, author="RU-SMO").facts}
    assert set(facts) == {("BY", "RU-SMO"), ("RU-SMO",)}  # the next heading ends the section
    assert set(facts[("BY", "RU-SMO")].spheres) == {"agriculture", "industry"}
    # a news headline is not a section heading: the separate item below it stays the author's own
    news = ("Novgorod Region regrets end of partnership with Schleswig-Holstein\n\n"
            "Separately, the region will continue to take part in the Hanseatic Days as a member of the "
            "Hanseatic League of New Time.")
    assert [f.parties for f in extract_text(news, author="RU-NGR").facts] == [("RU-NGR",)]


def test_a_sentence_naming_only_the_author_goes_on_about_the_partner_before():
    text = ("The region's main partner is Heilongjiang Province. In 2019 the two sides opened a road bridge "
            "across the Amur.")
    (fact,) = extract_text(text, author="RU-AMU").facts
    assert fact.parties == ("CN-HL", "RU-AMU") and fact.status == "implemented"
    assert fact.spheres == ("transport_logistics",)


def test_english_parallel_clauses_read_at_the_last_names_and_institutions_are_not_territories():
    text = ("In 2022 the region signed new agreements with the Republic of Bashkortostan and Khabarovsk Krai; the "
            "agreement with Bashkortostan covers oil and gas equipment, while the one with Khabarovsk Krai focuses "
            "on forestry.\n\nTomsk and Novosibirsk universities run a joint master's programme in materials science.")
    facts = {f.parties: f.spheres for f in extract_text(text, author="RU-TOM").facts}
    assert facts == {("RU-BA", "RU-TOM"): ("energy", "industry"), ("RU-KHA", "RU-TOM"): ("agriculture",)}


def test_an_agreement_text_items_without_cues_and_its_closing_line():
    text = ("Соглашение между Правительством Омской области и Акиматом Павлодарской области о сотрудничестве\n\n"
            "Статья 2. Стороны содействуют:\n"
            "а) установлению кооперационных связей между предприятиями машиностроения;\n"
            "б) взаимным поставкам продукции агропромышленного комплекса;\n"
            "в) сотрудничеству учреждений профессионального образования.\n\n"
            "Совершено в г. Омске 12 сентября 2019 года в двух экземплярах на русском языке.")
    (fact,) = extract_text(text, author="RU-OMS").facts
    assert fact.parties == ("KZ-PAV", "RU-OMS") and fact.years == (2019,)
    assert set(fact.spheres) == {"agriculture", "education", "industry", "trade_investment"}  # no culture: "языке"


@pytest.mark.parametrize("text,author", [
    ("Делегация Удмуртии приняла участие в Днях Беларуси\n\nИжевск, 5 июня 2024 года. Подписана дорожная карта.",
     "RU-UD"),
    ("Amur Region and Heilongjiang open a bridge\n\nBlagoveshchensk, 10 June 2022. The bridge opened.", "RU-AMU"),
    # filed from another region's capital: the headline's region is a guest, not the author
    ("Делегация Липецкой области посетила Тамбов\n\nТамбов, 12 мая 2018 года. Стороны обсудили туризм.", None),
])
def test_author_from_a_headline_filed_from_its_capital(text, author):
    assert extract_text(text).author == author


def test_a_memorandum_with_a_third_partner_keeps_its_own_year_and_english_association_names():
    text = ("The region signed cooperation agreements with the Minsk and Gomel regions of Belarus in 2015 and 2017 "
            "respectively, and a memorandum of understanding with the Chinese province of Henan in 2019. "
            "Kaluga also participates in the Association of Economic Interaction \"Central Russia\".")
    facts = {f.parties: f.years for f in extract_text(text, author="RU-KLU").facts}
    assert facts[("CN-HA", "RU-KLU")] == (2019,) and facts[("BY-MI", "RU-KLU")] == (2015, 2017)
    assert ("RU-KLU", "assoc:central-russia") in facts


def test_a_clause_opened_by_its_own_verb_before_the_partners():
    text = ("В 2022 году проведены Дни Оренбургской области в Актюбинской области, подписаны планы мероприятий "
            "на 2023–2025 годы с Костанайской областью и с Атырауской областью.")
    facts = {f.parties: (f.status, f.specificity) for f in extract_text(text, author="RU-ORE").facts}
    assert facts == {("KZ-AKT", "RU-ORE"): ("implemented", "detailed"),  # an event held (codebook 4)
                     ("KZ-KUS", "RU-ORE"): ("agreed", "detailed"), ("KZ-ATY", "RU-ORE"): ("agreed", "detailed")}
