"""Rules written in the session of the ninth tuning batch (decisions 76-): one illustrative case each, with
sentences written for these tests."""
import pytest

from extracted import facts as _facts, relations as _pairs


def test_distributors_from_states_are_no_partners():
    text = ("Firms from the region signed supply contracts with distributors from the UAE, Saudi Arabia and Oman "
            "at the fair.")
    assert _pairs("RU-CE", text) == set()


def test_companies_from_a_state_in_russian_are_no_partners():
    text = "Предприятия области заключили контракты на поставку оборудования с компаниями из Китая и Индии."
    assert _pairs("RU-TUL", text) == set()


def test_a_university_in_a_foreign_region_is_an_institution():
    text = "The regional university and a private university in Dubai signed a memorandum on student exchange."
    assert _pairs("RU-CE", text) == set()


def test_a_trade_house_and_a_chamber_of_commerce_name_no_partner():
    text = "Talks with the Dubai Chamber of Commerce on a regional trade house in Dubai have not produced an agreement."
    assert _pairs("RU-KDA", text) == set()


def test_restoring_schools_in_a_region_keeps_that_region():
    text = "Vladimir Region has been restoring schools in the Donetsk People's Republic since 2022."
    assert ("RU-VLA", "UA-14") in _pairs(None, text)


def test_the_place_of_an_exhibition_the_delegation_went_to_is_a_venue():
    text = ("The regional delegation has returned from Dubai, where it took part in the Gulfood exhibition and "
            "showed dairy products at a joint stand.")
    assert _pairs("RU-CE", text) == set()


def test_the_venue_rule_keeps_a_partner_the_delegation_signed_with():
    text = "Делегация области вернулась из Минска, где подписала соглашение о сотрудничестве с Минской областью."
    assert ("BY-MI", "RU-TUL") in _pairs("RU-TUL", text)


def test_lasting_ties_and_partners_taken_in_turn():
    text = ("Устойчивые связи сложились у Ростовской области с Ширакской и Армавирской областями Республики Армения. "
            "С первой из них в 2019 году подписано соглашение о промышленной кооперации; со второй в 2021 году "
            "подписано соглашение о сотрудничестве в аграрной сфере.")
    facts = _facts(None, text)
    assert {f.parties for f in facts} == {("AM-SH", "RU-ROS"), ("AM-AV", "RU-ROS")}
    assert all(f.status.value == "implemented" for f in facts)
    assert all("agriculture" in {s.value for s in f.spheres} for f in facts)


def test_together_with_both_of_them_adds_a_joint_fact():
    text = ("Kuban has signed separate agreements on transport with the Republic of Crimea and the federal city of "
            "Sevastopol. Together with both of them it markets a Black Sea cruise route.")
    parties = {f.parties for f in _facts("RU-KDA", text)}
    assert {("RU-KDA", "UA-43"), ("RU-KDA", "UA-40"), ("RU-KDA", "UA-40", "UA-43")} <= parties


def test_work_on_one_joint_project_is_one_fact_of_all():
    text = ("Мы продолжили работу с Республикой Тыва и Республикой Бурятия по совместному проекту «Буддийские "
            "святыни России»: по единому маршруту трёх республик проехали 2 300 паломников.")
    assert {f.parties for f in _facts("RU-KL", text)} == {("RU-BU", "RU-KL", "RU-TY")}


def test_areas_bordering_a_state_name_no_partner():
    text = ("Совместный учёт снежного барса в приграничных с Монголией горных массивах ведётся по соглашению с "
            "Республикой Тыва.")
    assert {f.parties for f in _facts("RU-AL", text)} == {("RU-AL", "RU-TY")}


def test_cross_border_cooperation_with_a_state_stays():
    assert {f.parties for f in _facts("RU-AL", "Область развивает приграничное сотрудничество с Монголией.")} \
        == {("MN", "RU-AL")}


def test_a_draft_with_an_adjective_before_the_agreement_is_a_plan():
    text = ("| 11 | Подготовка проекта трёхстороннего соглашения с Республикой Тыва и аймаком Баян-Улгий (Монголия) "
            "о создании охраняемой природной территории | до 1 октября 2026 г. |")
    assert {f.status.value for f in _facts("RU-AL", text)} == {"intended"}


def test_an_egyptian_governorate_after_muhafaza():
    text = ("С Арабской Республикой Египет прорабатывается вопрос о заключении соглашения с мухафазой Южный Синай "
            "о развитии курортного туризма.")
    assert {f.parties for f in _facts("RU-KB", text)} == {("EG-JS", "RU-KB")}


def test_a_count_of_unnamed_regions_names_one_side_only():
    text = ("MOSCOW, 28 November 2023 – More than 80 Russian regions now have patronage ties with districts of the "
            "Donetsk and Luhansk People's Republics and the Zaporozhye and Kherson regions.")
    assert _pairs(None, text) == set()


def test_a_named_region_with_unnamed_many_keeps_its_own_fact():
    text = "Lipetsk Region signed a patronage agreement with the Luhansk People's Republic in October."
    assert _pairs(None, text) == {("RU-LIP", "UA-09")}


def test_a_named_association_is_no_centre():
    text = "Смоленская область входит в Ассоциацию «Центральная Россия»."
    (fact,) = _facts("RU-SMO", text)
    assert fact.parties == ("RU-SMO", "assoc:central-russia")
    assert fact.specificity.value == "formal"


def test_a_joint_project_with_a_partner_next_to_membership_is_kept():
    text = "Вместе с Брянской областью Смоленская область реализует проект туристского кольца «Западные рубежи»."
    assert ("RU-BRY", "RU-SMO") in {f.parties for f in _facts("RU-SMO", text)}


def test_the_two_regions_are_the_two_named_after_it():
    text = ("Bashkortostan and Orenburg Region are members of the Greater Urals Association.\n\n"
            "Such ties are not merely formal. The two regions signed a cooperation agreement in 2016; in 2018 timber "
            "shipments from Komi to Kirov Region reached 1.2 million cubic metres.")
    assert ("RU-KIR", "RU-KO") in {f.parties for f in _facts(None, text)}
    assert not any("RU-KIR" in f.parties and "RU-BA" in f.parties for f in _facts(None, text))


def test_both_regions_and_a_new_one_bring_the_previous_parties_in():
    text = ("Тульская область подписала соглашение с Калужской областью. Оба региона и Рязанская область "
            "договорились о создании общего туристского маршрута.")
    assert ("RU-KLU", "RU-RYA", "RU-TUL") in {f.parties for f in _facts("RU-TUL", text)}


def test_the_association_as_the_subject_joins_the_fact():
    text = ("Within the Siberian Accord, Novosibirsk Region and Altai Krai launched a joint tourist route in 2017. "
            "The association has also acted as a party in its own right: in 2018 it signed a memorandum on grain "
            "logistics with Kazakhstan's Pavlodar Region.")
    assert ("KZ-PAV", "assoc:siberian-accord") in {f.parties for f in _facts(None, text)}


def test_within_the_association_adds_the_body_named_before():
    text = ("The Region remains a member of the North-West Association of economic interaction. Within the "
            "Association, Kaliningrad Region, St Petersburg and Leningrad Region agreed in 2023 a joint timetable of "
            "ferry services.")
    assert ("RU-KGD", "RU-LEN", "RU-SPE", "assoc:north-west") in {f.parties for f in _facts("RU-KGD", text)}


def test_after_a_session_of_the_council_the_body_joins():
    text = ("Вопросы подготовки кадров обсуждались на заседании Совета Ассоциации «Большой Урал» в Тюмени. По итогам "
            "заседания Курганская область совместно с Тюменской и Челябинской областями предложила создать "
            "межрегиональный ресурсный центр.")
    assert ("RU-CHE", "RU-KGN", "RU-TYU", "assoc:greater-urals") in {f.parties for f in _facts("RU-KGN", text)}


def test_the_responsible_ministry_adds_no_sphere():
    text = ("ПЛАН МЕРОПРИЯТИЙ по реализации Соглашения между Правительством Республики Алтай и Правительством "
            "Республики Тыва\n| № | Мероприятие | Срок | Ответственный |\n"
            "| 1 | Совместный учёт снежного барса и аргали в горных массивах двух республик | март 2025 г. | "
            "Министерство экономического развития и промышленности Республики Алтай |")
    spheres = {s.value for f in _facts("RU-AL", text) for s in f.spheres}
    assert "industry" not in spheres


def test_federal_ministries_of_two_states_make_no_regional_fact():
    text = ("На полях форума Министерство культуры Российской Федерации и Министерство культуры Республики Беларусь "
            "подписали программу сотрудничества на 2024–2026 годы.")
    assert _pairs("RU-RYA", text) == set()


def test_a_city_after_the_abbreviation_of_city_is_a_venue():
    text = ("Получили развитие связи с Республикой Беларусь: в 2016 году в г. Минске проведены Дни Республики "
            "Башкортостан.")
    assert _pairs("RU-BA", text) == {("BY", "RU-BA")}


def test_joining_a_federal_district_is_no_cooperation():
    assert _pairs(None, "Buryatia and Zabaykalsky Territory joined the district in 2018.") == set()
    assert _pairs(None, "В 2018 году Бурятия и Забайкальский край вошли в состав Дальневосточного федерального "
                        "округа.") == set()


def test_the_author_joining_the_partners_route_is_its_own_fact():
    text = ("Главным событием форума стало подписание соглашения между Правительством Тульской области и "
            "Администрацией Липецкой области о создании туристского маршрута «Дворянские гнёзда».\n\n"
            "Губернатор Рязанской области отметил, что регион готов присоединиться к маршруту «Дворянские гнёзда», "
            "если тульская и липецкая стороны согласятся продлить его.")
    parties = {f.parties for f in _facts("RU-RYA", text)}
    assert ("RU-LIP", "RU-TUL") in parties
    assert {p for fact in parties if "RU-RYA" in fact for p in fact} == {"RU-LIP", "RU-RYA", "RU-TUL"}


def test_a_consul_who_discussed_exchanges_is_only_talks():
    text = ("Генеральный консул Японии во Владивостоке обсудил с нами туристические обмены, однако документов "
            "подписано не было.")
    assert _facts("RU-PRI", text) == ()


def test_member_states_of_organisations_are_no_organisation():
    text = "Задачи раздела: расширение внешнеэкономических связей с государствами – членами ШОС и БРИКС."
    parties = {p for f in _facts("RU-ARK", text) for p in f.parties}
    assert not parties & {"org:sco", "org:brics"}


def test_federal_level_contracts_are_not_the_regions():
    text = ("Sales of rough diamonds to India are handled under federal-level contracts and are not part of the "
            "road map.")
    assert _pairs("RU-SA", text) == set()


def test_each_signed_with_the_same_partner():
    text = "Tula and Kaluga regions each signed a memorandum with Henan Province on machine-tool building."
    assert _pairs(None, text) == {("CN-HA", "RU-TUL"), ("CN-HA", "RU-KLU")}


def test_leaders_by_the_number_of_agreements_is_a_ranking():
    text = ("Moscow and Tatarstan remain the leaders by the number of agreements with Chinese provinces, with 14 "
            "and 11 documents respectively.")
    assert _pairs(None, text) == set()


def test_one_other_region_as_the_subject_leaves_the_author_out():
    assert _pairs("RU-MOW", "Separately, the Moscow Region government has had a cooperation agreement with "
                            "Vietnam's Binh Duong Province since 2021.") == {("RU-MOS", "VN-57")}
    assert _pairs("RU-KLU", "Тульская область подписала соглашение с Орловской областью.") == {("RU-ORL", "RU-TUL")}


def test_a_locative_or_first_person_sentence_keeps_the_author():
    assert ("RU-KLU", "RU-ORL") in _pairs("RU-KLU", "По примеру Тульской области мы подписали соглашение с "
                                                    "Орловской областью.")
    assert ("RU-KLU", "RU-TUL") in _pairs("RU-KLU", "С Тульской областью подписано соглашение о сотрудничестве.")


RUNNING_CASES = [
    ("run a joint programme", None, "Tyumen Region, Yugra and Yamal run the joint Cooperation programme."),
    ("has run since", None, "Since 2016 Tomsk Region has run a joint programme with Kazakhstan's Pavlodar Region."),
    ("jointly support", None, "Tyva and Krasnoyarsk Krai jointly support the Kyzyl – Kuragino railway project."),
    ("projects were carried out", "RU-PSK", "Совместно с регионом Латгалия реализовывались проекты по развитию туризма."),
    ("a joint forum was held", None, "В Кондопоге завершился первый совместный молодёжный форум Республики Карелия и "
                                     "Мурманской области."),
]


@pytest.mark.parametrize("name, author, text", RUNNING_CASES, ids=[c[0] for c in RUNNING_CASES])
def test_running_cooperation_is_implemented(name, author, text):
    assert {f.status.value for f in _facts(author, text)} == {"implemented"}


def test_what_an_agreement_brought_is_implemented():
    text = ("По соглашениям с Приморским и Хабаровским краями летом 2023 года 120 школьников из области отдохнули на "
            "профильных сменах в детских лагерях двух краёв.")
    assert {f.status.value for f in _facts("RU-YEV", text)} == {"implemented"}


def test_supplies_as_a_noun_is_no_status():
    text = "The region signed an agreement with Irkutsk Region on supplies of coal."
    assert {f.status.value for f in _facts("RU-SA", text)} == {"agreed"}


def test_a_tourist_route_named_again_is_no_transport():
    text = ("С Белгородской областью реализуется проект совместного туристского маршрута «Огненная дуга»; маршрут "
            "включён в федеральный реестр.")
    spheres = {s.value for f in _facts("RU-KRS", text) for s in f.spheres}
    assert "tourism" in spheres and "transport_logistics" not in spheres


def test_a_bus_route_is_transport():
    text = "По соглашению с Белгородской областью открыт автобусный маршрут Курск – Белгород."
    assert "transport_logistics" in {s.value for f in _facts("RU-KRS", text) for s in f.spheres}


def test_a_state_framing_after_its_regions_fact_joins_it():
    text = ("The Moscow Government and the People's Committee of Hanoi have signed a programme of cooperation for "
            "2025–2027. Vietnam remains one of Moscow's key partners in Asia. The new programme covers public "
            "transport and exchanges between schools.")
    facts = _facts("RU-MOW", text)
    assert {f.parties for f in facts} == {("RU-MOW", "VN-HN")}
    assert "transport_logistics" in {s.value for s in facts[0].spheres}


def test_a_state_with_its_own_signing_after_a_regions_fact_stays():
    text = ("The Moscow Government and the People's Committee of Hanoi have signed a programme of cooperation. "
            "Moscow also signed a separate agreement with Vietnam on trade.")
    assert ("RU-MOW", "VN") in {f.parties for f in _facts("RU-MOW", text)}


def test_talks_on_a_sister_region_agreement_are_a_step():
    text = "Talks with Anhui Province on a sister-region agreement continued in 2024, but no document has been signed yet."
    (fact,) = _facts("RU-PNZ", text)
    assert fact.parties == ("CN-AH", "RU-PNZ") and fact.status.value == "intended"


def test_membership_of_the_body_named_before():
    text = ("Делегация республики приняла участие в ассамблее Ассоциации региональных администраций стран "
            "Северо-Восточной Азии (АРСВА). Бурятия входит в неё с 1996 года.")
    assert ("RU-BU", "org:nearc") in {f.parties for f in _facts("RU-BU", text)}


def test_regions_that_left_the_body_are_each_its_former_members():
    text = ("The Greater Volga Association has been a shadow of itself since 2008, when Samara and Saratov regions "
            "left it.")
    facts = _facts(None, text)
    assert {f.parties for f in facts} == {("RU-SAM", "assoc:greater-volga"), ("RU-SAR", "assoc:greater-volga")}
    assert {f.status.value for f in facts} == {"terminated"}


def test_an_association_signing_with_another_association():
    text = ("Совет Ассоциации «Большая Волга» утвердил план работы на 2025 год. Кроме того, ассоциация подписала "
            "соглашение о взаимодействии с Ассоциацией «Большой Урал».")
    assert ("assoc:greater-urals", "assoc:greater-volga") in {f.parties for f in _facts(None, text)}


def test_admitted_and_leaving_members():
    assert {(f.parties, f.status.value) for f in _facts(None, "Совет Ассоциации «Большая Волга» принял в состав "
                                                              "объединения Ульяновскую область.")} \
        == {(("RU-ULY", "assoc:greater-volga"), "implemented")}
    assert {(f.parties, f.status.value) for f in _facts(None, "Саратовская область, покинувшая «Большую Волгу» в "
                                                              "2008 году, возвращаться в неё не намерена.")} \
        == {(("RU-SAR", "assoc:greater-volga"), "terminated")}


def test_regions_that_founded_a_euroregion():
    text = "Belgorod Region and Ukraine's Kharkiv Region founded the Slobozhanshchina euroregion in 2003."
    assert ("RU-BEL", "UA-63", "euroregion:slobozhanshchina") in {f.parties for f in _facts(None, text)}


SESSION_CASES = [
    ("regions that border states", None,
     "Regions that border Kazakhstan and Belarus renew their agreements more often than the national average.", set()),
    ("leaders by a count", None, "Moscow, Tatarstan and Bashkortostan still lead by the number of agreements in force.",
     set()),
    ("each prolonged", None, "Kurgan and Tyumen regions each prolonged their agreements with Kazakhstan's North "
                             "Kazakhstan Region for another five years.", {("KZ-SEV", "RU-KGN"), ("KZ-SEV", "RU-TYU")}),
    ("work in the association", "RU-ROS", "Мы продолжили работу в Ассоциации «Северный Кавказ».",
     {("RU-ROS", "assoc:north-caucasus")}),
    ("a Union State programme along a corridor", "RU-SMO",
     "Smolensk Region will take part in a new Union State programme for roadside infrastructure along the "
     "Moscow–Minsk corridor in 2025–2027.", {("RU-SMO", "org:union-state")}),
]


@pytest.mark.parametrize("name, author, text, pairs", SESSION_CASES, ids=[c[0] for c in SESSION_CASES])
def test_session_cases(name, author, text, pairs):
    assert _pairs(author, text) == pairs


def test_members_of_the_council_named_before():
    text = ("На региональном уровне работал Баренцев региональный совет. С российской стороны членами регионального "
            "совета являлись Мурманская и Архангельская области.")
    facts = _facts(None, text)
    assert {f.parties for f in facts} == {("RU-MUR", "org:beac"), ("RU-ARK", "org:beac")}
    assert {f.status.value for f in facts} == {"implemented"}


def test_within_its_framework_after_a_named_agreement_adds_no_body():
    text = ("Республика является членом Межрегиональной ассоциации «Сибирское соглашение». Соглашение с Республикой "
            "Тыва, заключённое в 2012 году, в 2023 году пролонгировано до 2028 года; в его рамках ведётся совместная "
            "подготовка обоснования инвестиций в строительство автомобильной дороги Абаза – Ак-Довурак.")
    assert ("RU-KK", "RU-TY") in {f.parties for f in _facts("RU-KK", text)}


def test_a_frame_and_a_later_membership_of_it_in_one_document():
    # the frame of decision 71 once overwrote the list of bodies named in the text that decision 92 reads
    text = ("Область является членом Ассоциации «Черноземье». В её рамках область совместно с Липецкой и Тамбовской "
            "областями предполагает сформировать туристский кластер.\n\n"
            "Отдельно действует Ассоциация «Центральная Россия». Область входит в неё с 1998 года.")
    parties = {f.parties for f in _facts("RU-VOR", text)}
    assert ("RU-VOR", "assoc:central-russia") in parties


def test_a_resumed_agreement_is_in_force_again():
    text = ("A separate agreement with Minsk Region, signed in 2015, was suspended in 2020 at the request of the "
            "Belarusian side. It was resumed in March 2024.")
    assert {f.status.value for f in _facts("RU-CHE", text)} == {"agreed"}


def test_a_resumption_only_wished_for_keeps_the_ending():
    text = ("Сотрудничество с аймаком Увс (Монголия) приостановлено в 2020 году. Республика выступает за "
            "возобновление соглашения.")
    assert {f.status.value for f in _facts("RU-KK", text)} == {"terminated"}


def test_an_ended_clause_is_no_ended_agreement():
    text = ("Дополнительное соглашение к Соглашению между Правительством Пермского края и Правительством Республики "
            "Коми о сотрудничестве. 1. Продлить срок действия Соглашения до 2029 года. 2. Пункт 3 статьи 4 "
            "Соглашения признать утратившим силу.")
    assert "terminated" not in {f.status.value for f in _facts("RU-PER", text)}


def test_work_under_way_in_english_is_implemented():
    text = ("Under a road map for 2024–2026 with Kazakhstan's Kostanay Region, the two regions are setting up a joint "
            "wholesale food market.")
    assert {f.status.value for f in _facts("RU-CHE", text)} == {"implemented"}


def test_euroregions_by_their_bare_english_names():
    text = ("Belgorod Region and Ukraine's Kharkiv Region founded Slobozhanshchina in 2003. Kursk Region and Sumy "
            "Region set up Yaroslavna in 2007.")
    parties = {f.parties for f in _facts(None, text)}
    assert ("RU-BEL", "UA-63", "euroregion:slobozhanshchina") in parties
    assert ("RU-KRS", "UA-59", "euroregion:yaroslavna") in parties


def test_companies_from_russia_and_other_states_name_no_partner():
    text = ("По линии программы в Омске прошла приграничная ярмарка, на которой были представлены 230 предприятий из "
            "России, Казахстана и Киргизии.")
    assert not {p for f in _facts("RU-OMS", text) for p in f.parties} & {"KZ", "KG"}
