"""Rules written in the session of the twelfth tuning batches (decisions 98-): one illustrative case each, with
sentences written for these tests."""
from extracted import facts as _facts, relations as _pairs


def test_an_export_destination_is_a_market_not_a_partner():
    text = ("Правительство края намерено содействовать наращиванию экспорта пиломатериалов в Китай и Узбекистан, "
            "однако соглашений об этом не заключалось.")
    assert _pairs("RU-KYA", text) == set()


def test_exports_to_a_state_in_english_name_no_partner():
    text = "The regional government has signed an agreement with a dairy holding to double exports of cheese to Kazakhstan."
    assert _pairs("RU-ALT", text) == set()


def test_an_export_rule_keeps_a_partner_named_as_such():
    text = ("Для расширения экспорта область подписала соглашение о сотрудничестве с Павлодарской областью "
            "Республики Казахстан.")
    assert ("KZ-PAV", "RU-OMS") in _pairs("RU-OMS", text)


def test_a_buyer_from_a_foreign_region_is_a_company_not_a_partner():
    text = "Компания «Таёжный лес» заключила контракт на поставку пиломатериалов покупателю из провинции Шаньдун."
    assert _pairs("RU-KYA", text) == set()


def test_goods_sent_to_a_state_name_no_partner():
    text = "По меморандуму хабаровские рыбопромышленники отправят во Вьетнам первую партию минтая в 2025 году."
    assert _pairs("RU-KHA", text) == set()


def test_exhibitors_from_states_are_no_partners():
    text = ("Within the CIS programme the Krai hosted a cross-border fair in Barnaul, with 180 exhibitors from "
            "Kazakhstan, Kyrgyzstan and Uzbekistan.")
    assert not {p for pair in _pairs("RU-ALT", text) for p in pair} & {"KZ", "KG", "UZ"}


def test_states_and_a_body_after_a_takzhe_are_separate_relations():
    text = ("Область будет развивать торгово-экономические связи с Республикой Казахстан и Республикой Узбекистан, "
            "а также участвовать в программах Союзного государства.")
    assert {f.parties for f in _facts("RU-PNZ", text)} == {
        ("KZ", "RU-PNZ"), ("RU-PNZ", "UZ"), ("RU-PNZ", "org:union-state")}


def test_a_body_after_naryadu_s_is_not_a_party_of_the_sentence():
    text = ("Наряду с программами Союзного государства республика поддерживает прямые связи с Могилёвской "
            "областью Республики Беларусь.")
    assert {f.parties for f in _facts("RU-CU", text)} == {("BY-MA", "RU-CU")}


def test_two_eu_programmes_named_in_quotes_are_two_relations():
    text = ("До 2022 года область участвовала в двух программах приграничного сотрудничества, софинансировавшихся "
            "Европейским союзом, – «Россия – Латвия» и «Россия – Эстония».")
    assert {f.parties for f in _facts("RU-PSK", text)} == {("LV", "RU-PSK", "org:eu"), ("EE", "RU-PSK", "org:eu")}


def test_region_adjectives_before_a_multi_word_type_noun():
    text = "Действуют соглашения с Минским и Витебским областными исполнительными комитетами."
    assert _pairs("RU-LEN", text) == {("BY-MI", "RU-LEN"), ("BY-VI", "RU-LEN")}


def test_a_fact_of_foreign_parties_alone_is_out_of_scope():
    text = ("From 2014 to 2020 the European Union co-financed cross-border cooperation programmes: South-East "
            "Finland – Russia, Russia – Estonia and Russia – Latvia.")
    assert all(any(p.startswith("RU-") for p in f.parties) for f in _facts(None, text))


def test_a_council_that_brings_members_together_is_no_meeting_alone():
    text = ('The International Coordination Council "Our Common Home – Altai" brings together Altai Krai, the Altai '
            "Republic, East Kazakhstan Region of Kazakhstan, Bayan-Ölgii Aimag of Mongolia and the Xinjiang Uygur "
            "Autonomous Region of China. Its members host the annual sessions in turn.")
    assert {f.parties for f in _facts("RU-ALT", text)} == {("CN-XJ", "KZ-VOS", "MN-071", "RU-AL", "RU-ALT")}


def test_the_regions_after_a_year_refer_to_the_region_of_the_sentence_before():
    text = ("С Республикой Бурятия область связывает общая ответственность за сохранение озера Байкал. В 2023 году "
            "регионы подписали соглашение о взаимодействии в сфере охраны озера.")
    assert _pairs("RU-IRK", text) == {("RU-BU", "RU-IRK")}


def test_one_sentence_framing_two_states_before_their_regions():
    text = ("Основными зарубежными партнёрами области остаются Монголия и Китай. С аймаком Хувсгел действует "
            "соглашение 2016 года, на основе которого каждое лето проходит совместный фестиваль. С провинцией Ляонин "
            "(КНР) в 2024 году подписан протокол о намерениях по сотрудничеству в лесопереработке.")
    assert _pairs("RU-IRK", text) == {("MN-041", "RU-IRK"), ("CN-LN", "RU-IRK")}


ASSOCIATION = ("Республика – член Ассоциации экономического взаимодействия субъектов Российской Федерации "
               "«Северо-Запад» с момента её основания в 1991 году. ")


def test_chairing_the_council_of_the_association_named_before():
    filler = "Лесная отрасль остаётся основой экономики республики, в ней занято около 20 тысяч человек. " * 8
    text = ASSOCIATION + "\n\n" + filler + "\n\nВ 2024 году Карелия председательствовала в Совете Ассоциации."
    chair = [f for f in _facts("RU-KR", text) if any("председательствовала" in e.quote for e in f.evidence)]
    assert [f.parties for f in chair] == [("RU-KR", "assoc:north-west")]


def test_the_chair_passing_to_another_region_leaves_the_author_out():
    text = ASSOCIATION + ("На заседании Совета в Пскове в декабре 2024 года председательство на 2025 год перешло к "
                          "Псковской области.")
    assert ("RU-PSK", "assoc:north-west") in {f.parties for f in _facts("RU-KR", text)}
    assert ("RU-KR", "RU-PSK") not in _pairs("RU-KR", text)


def test_another_region_elected_to_chair_the_council():
    text = ("В Новосибирске прошло заседание Совета Межрегиональной ассоциации «Сибирское соглашение». "
            "Председателем Совета на 2025 год избран губернатор Томской области.")
    assert ("RU-TOM", "assoc:siberian-accord") in {f.parties for f in _facts("RU-NVS", text)}
    assert ("RU-NVS", "RU-TOM") not in _pairs("RU-NVS", text)


def test_within_the_association_by_its_capitalised_short_name():
    text = ("Пензенская область – один из учредителей Ассоциации экономического взаимодействия субъектов Российской "
            "Федерации «Большая Волга».\n\nОсновными направлениями сотрудничества являются:\n– создание в рамках "
            "Ассоциации совместно с Республикой Мордовия и Ульяновской областью межрегионального кластера.")
    assert ("RU-MO", "RU-PNZ", "RU-ULY", "assoc:greater-volga") in {f.parties for f in _facts("RU-PNZ", text)}


def test_a_lower_case_association_is_not_read_as_the_one_named_before():
    text = ("Пензенская область – один из учредителей Ассоциации «Большая Волга».\n\nВ рамках ассоциации "
            "туроператоров область совместно с Республикой Мордовия готовит новый маршрут.")
    assert ("RU-MO", "RU-PNZ") in _pairs("RU-PNZ", text)
    assert ("RU-MO", "assoc:greater-volga") not in _pairs("RU-PNZ", text)


def test_the_state_of_a_programme_name_is_the_party_when_none_of_its_regions_is_named():
    text = ("Область участвовала в программе приграничного сотрудничества «Юго-Восточная Финляндия – Россия», "
            "софинансировавшейся Европейским союзом; по ней реализовано 27 проектов.")
    assert {f.parties for f in _facts("RU-LEN", text)} == {("FI", "RU-LEN", "org:eu")}


def test_a_speaker_announcing_a_topic_makes_no_fact():
    text = "Отдельно скажу о внешних связях. С монгольским аймаком Дорнод продлили соглашение о сотрудничестве."
    assert {f.parties for f in _facts("RU-ZAB", text)} == {("MN-061", "RU-ZAB")}


def test_a_memorandum_to_be_signed_at_a_forum_of_two_states_regions():
    text = ("Grodno Region of the Republic of Belarus is a newer partner: a memorandum on tourism and dairy farming "
            "is expected to be signed at the Forum of Regions of Russia and Belarus in 2025.")
    facts = _facts("RU-LEN", text)
    assert [(f.parties, f.status.value) for f in facts] == [(("BY-HR", "RU-LEN"), "intended")]


def test_a_region_that_joined_the_agreement_before_becomes_its_party():
    text = ("Проект запустили в 2021 году Тверская, Ярославская и Костромская области, подписав трёхстороннее "
            "соглашение о создании единого туристского маршрута по Волге. В 2023 году к соглашению присоединилась "
            "Нижегородская область, в 2024-м – Ивановская.")
    assert {f.parties for f in _facts("RU-KOS", text)} == {("RU-IVA", "RU-KOS", "RU-NIZ", "RU-TVE", "RU-YAR")}


PROGRAMMES_TABLE = ("Таблица 4.1. Перечень программ и проектов межрегионального и приграничного сотрудничества\n\n"
                    "| № | Программа (проект) | Участники | Срок |\n|---|---|---|---|\n")


def test_a_row_of_a_table_of_joint_programmes_under_a_markdown_rule():
    text = PROGRAMMES_TABLE + ("| 3 | Туристский маршрут «Степное кольцо» | Оренбургская и Челябинская области, "
                               "Республика Башкортостан | 2025–2027 |")
    assert {f.parties for f in _facts("RU-ORE", text)} == {("RU-BA", "RU-CHE", "RU-ORE")}


def test_the_ural_river_is_not_the_urals():
    text = PROGRAMMES_TABLE + ("| 4 | Программа мониторинга качества воды реки Урал | Оренбургская область, "
                               "Западно-Казахстанская область | 2019–2023 |")
    facts = _facts("RU-ORE", text)
    assert [(f.parties, f.implied) for f in facts] == [(("KZ-ZAP", "RU-ORE"), ())]


def test_a_council_which_brings_regions_together():
    text = ("The Baikal–Selenge council, which brings together Buryatia, Zabaykalsky Krai and Mongolia's Selenge and "
            "Dornod aimags, has a shared secretariat and a common budget.")
    assert {f.parties for f in _facts(None, text)} == {("MN-049", "MN-061", "RU-BU", "RU-ZAB")}


def test_a_dissolved_council_is_terminated():
    text = "Pskov Region's council on border trade with Vitebsk Region last met in 2019 and was dissolved in 2023."
    assert [(f.parties, f.status.value) for f in _facts(None, text)] == [(("BY-VI", "RU-PSK"), "terminated")]


def test_an_agreement_the_sides_did_not_extend_is_terminated():
    text = ("Соглашение с Костанайской областью, подписанное в 2014 году, действовало пять лет. "
            "Продлевать его стороны не стали.")
    assert [f.status.value for f in _facts("RU-ORL", text)] == ["terminated"]


def test_a_lower_case_word_is_no_body_named_before():
    text = ("Kazakhstan's government and Omsk Region have approved a road map on freight traffic across the border "
            "near Isilkul. Tatarstan, Bashkortostan and Udmurtia have formed a joint council for the Kama river "
            "cruise route, with Tatarstan's Prime Minister as its first chair.")
    assert not any("org:nearc" in f.parties for f in _facts(None, text))


def test_a_state_in_brackets_after_a_city_mark_locates_an_event():
    text = ("УТВЕРЖДЁН\nпостановлением Правительства Амурской области\nот 14.02.2025 № 97\n\nПЛАН МЕРОПРИЯТИЙ\n"
            "по реализации Соглашения о сотрудничестве между Правительством Амурской области\n"
            "и Правительством Хабаровского края на 2025–2027 годы\n\n"
            "№ | Мероприятие | Срок | Ответственный исполнитель\n"
            "6 | Организация единого стенда Амурской области и Хабаровского края на Российско-Китайском ЭКСПО "
            "(г. Харбин, КНР) | июнь 2026 г. | Министерство внешнеэкономических связей, туризма и предпринимательства "
            "области\n")
    facts = _facts("RU-AMU", text)
    assert facts and not any("CN" in f.parties for f in facts)


def test_both_means_the_two_regions_of_the_sentence_before():
    text = ("In 2018 Buryatia and Zabaykalsky Krai were transferred to the Far Eastern Federal District. Both, "
            "however, remain members of the Siberian Accord association.")
    assert {f.parties for f in _facts(None, text)} == {("RU-BU", "assoc:siberian-accord"),
                                                       ("RU-ZAB", "assoc:siberian-accord")}


def test_work_under_way_with_a_named_ministry_is_a_plan():
    text = ("С Министерством здравоохранения Иркутской области прорабатывается направление забайкальских "
            "ординаторов на стажировку в областную больницу.")
    assert [(f.parties, f.status.value) for f in _facts("RU-ZAB", text)] == [(("RU-IRK", "RU-ZAB"), "intended")]


def test_rather_than_under_agreements_denies_cooperation():
    text = ("Cargo from Yakutia and Chukotka reaches Primorye's ports through shipping companies rather than under "
            "regional agreements.")
    assert _facts("RU-PRI", text) == ()


def test_a_capital_speaking_for_its_state():
    text = ('"Tashkent regards Bashkortostan as one of its key partners among the regions of Russia," the Deputy '
            "Minister said after the signing of the road map.")
    assert _pairs(None, text) == {("RU-BA", "UZ")}


def test_a_capital_that_signs_is_the_city():
    text = "Москва и Минск подписали программу сотрудничества на 2024–2026 годы."
    assert _pairs("RU-MOW", text) == {("BY-HM", "RU-MOW")}


def test_a_foreign_partners_release_is_written_by_its_region():
    text = ("KARSHI, 9 September 2024. The Khokim of Kashkadarya Region and the Governor of Samara Region signed a "
            "road map for 2024–2026 on a joint textile cluster and the training of technologists from our region.\n\n"
            "An agreement with Orenburg Region, signed in 2021, covers gas chemistry and veterinary services.")
    assert _pairs(None, text) == {("RU-SAM", "UZ-QA"), ("RU-ORE", "UZ-QA")}


def test_without_our_region_a_single_region_gets_no_foreign_writer():
    text = ("KARSHI, 9 September 2024. The Khokim of Kashkadarya Region and the Governor of Samara Region signed a "
            "road map for 2024–2026.\n\nAn agreement with Orenburg Region, signed in 2021, covers gas chemistry.")
    assert ("RU-ORE", "UZ-QA") not in _pairs(None, text)


def test_a_fixed_lower_case_form_after_a_governorate_word():
    text = "Соглашение с мухафазой Асуан (Арабская Республика Египет), подписанное в 2019 году, прекратило действие."
    assert _pairs("RU-DA", text) == {("EG-ASN", "RU-DA")}


def test_talks_under_way_with_a_named_partner_are_a_plan():
    text = "Третий год мы ведём переговоры с эмиратом Рас-эль-Хайма о строительстве туристического комплекса."
    assert [(f.parties, f.status.value) for f in _facts("RU-DA", text)] == [(("AE-RK", "RU-DA"), "intended")]


def test_a_visit_that_ends_in_keeping_in_touch_is_no_fact():
    text = ("В Бурсе состоялась встреча с губернатором провинции Бурса. Стороны обсудили возможность открытия прямого "
            "рейса. «Спешить с подписанием документов не будем», – отметил Председатель Правительства. По итогам "
            "встречи стороны договорились поддерживать рабочие контакты.")
    assert _facts("RU-SE", text) == ()


def test_a_breadcrumb_and_a_partner_outside_a_body():
    text = ("Penza Region Investment Portal\nInternational partners › Turkey\n\nTurkey remains one of Penza Region's key "
            "partners outside the CIS. In 2021 the Government of Penza Region and the Governorship of Konya Province "
            "signed an agreement on cooperation in agriculture.")
    assert _pairs("RU-PNZ", text) == {("RU-PNZ", "TR-42")}


def test_an_eu_programme_named_after_the_word_programme_russia_first():
    text = "По программе «Россия – Эстония» область работала с уездом Ида-Вирумаа над очисткой реки Нарвы."
    assert {f.parties for f in _facts("RU-LEN", text)} == {("EE-45", "RU-LEN", "org:eu")}


def test_eu_programmes_in_straight_quotes_are_separate_relations():
    text = ('The Governor recalled that Leningrad Region had taken part in the "South-East Finland – Russia" and '
            '"Russia – Estonia" cross-border programmes, which financed border-crossing upgrades.')
    assert {f.parties for f in _facts("RU-LEN", text)} == {("EE", "RU-LEN", "org:eu"), ("FI", "RU-LEN", "org:eu")}


def test_a_state_containers_are_routed_via_is_no_partner():
    text = ("A memorandum signed with the Maharashtra side in 2023 set up a joint logistics working group, which "
            "agreed on a through rate for containers routed via Iran.")
    assert "IR" not in {p for f in _facts("RU-AST", text) for p in f.parties}


def test_cities_listed_after_an_exhibition_with_a_city_mark_are_venues():
    text = ("| 4 | Совместное продвижение курортов на туристических выставках в г. Сочи и г. Хошимине | 2025 г. | "
            "Министерство курортов |")
    assert "VN-SG" not in {p for f in _facts("RU-KDA", "ПЛАН мероприятий по сотрудничеству\n\n" + text) for p in f.parties}


def test_programmes_named_by_their_sides_go_with_the_region_before_them():
    text = ("Leningrad Region worked in the South-East Finland – Russia programme, and Pskov Region took part in both "
            "the Estonia – Russia and the Latvia – Russia programmes.")
    assert {f.parties for f in _facts(None, text)} == {("FI", "RU-LEN", "org:eu"), ("EE", "RU-PSK", "org:eu"),
                                                       ("LV", "RU-PSK", "org:eu")}


def test_respectively_pairs_two_lists_in_order():
    text = ("Since 2022, Pskov Region and Leningrad Region have turned to Belarusian partners, signing action plans "
            "with Vitebsk Region and Mogilev Region respectively.")
    assert {f.parties for f in _facts(None, text)} == {("BY-VI", "RU-PSK"), ("BY-MA", "RU-LEN")}


def test_a_rank_among_foreign_trade_partners_is_trade_statistics():
    text = ("Республика Корея остаётся вторым по объёму внешнеторговым партнёром области после Японии. На полях "
            "выставки Сахалинский государственный университет подписал соглашение с Пусанским национальным "
            "университетом.")
    assert not {p for f in _facts("RU-SAK", text) for p in f.parties} & {"KR", "JP"}


def test_crimea_and_sevastopol_are_russian_subjects_for_the_scope_rule():
    text = ("В 2022 году Республика Крым, город Севастополь и Республика Абхазия подписали трёхстороннее соглашение "
            "об организации морской пассажирской линии.")
    assert {f.parties for f in _facts(None, text)} == {("GE-AB", "UA-40", "UA-43")}


def test_regions_that_have_each_taken_patronage_of_a_third():
    text = ("KURSK – Tatarstan and Nizhny Novgorod Region have each taken patronage of a border district of Kursk "
            "Region damaged during last summer's incursion.")
    assert {f.parties for f in _facts(None, text)} == {("RU-KRS", "RU-TA"), ("RU-KRS", "RU-NIZ")}


def test_a_name_label_gives_the_partner_of_the_sentence_after_it():
    text = ("Kherson Region. An agreement signed in 2023 covers supplies of vegetables to city markets and joint "
            "forest fire-fighting.")
    assert _pairs("UA-40", text) == {("UA-40", "UA-65")}


def test_the_list_after_buyers_goes_on_past_a_type_noun():
    text = ("Курские предприятия заключили на форуме 14 контрактов с покупателями из Брянской и Орловской областей и "
            "Республики Беларусь.")
    assert "BY" not in {p for f in _facts("RU-KRS", text) for p in f.parties}


def _spheres(author, text):
    return {s.value for f in _facts(author, text) for s in f.spheres}


def test_rarer_sphere_words():
    assert "environment" in _spheres("RU-KL", "С Республикой Дагестан подготовлен проект соглашения о совместной охране "
                                              "сайгака на Черных землях.")
    assert "governance_security" in _spheres("RU-KEM", "Соглашение с Иркутской областью о совместной подготовке "
                                                       "горноспасателей продлено до 2026 года.")
    assert "agriculture" in _spheres("RU-NEN", "С Ямало-Ненецким автономным округом заключено соглашение о поддержке "
                                               "традиционного оленеводства.")
    assert "trade_investment" in _spheres("RU-CHU", "The memorandum with Magadan Region on reindeer herding provides "
                                                    "for the supply of venison.")


def test_a_foreign_writer_named_only_in_the_letterhead():
    text = ("Канцелярия по иностранным делам Народного правительства провинции Цзилинь\nПресс-релиз, 21 марта 2025 г.\n\n"
            "С Хабаровским краем нашу провинцию связывает соглашение, подписанное в 2017 году.")
    assert _pairs(None, text) == {("CN-JL", "RU-KHA")}


def test_the_patron_before_the_author_is_not_the_authors_partner():
    text = ("Since January 2025 Kurgan Region has taken over from Sverdlovsk Region the patronage of the Starobelsk "
            "district of the Luhansk People's Republic. Kurgan builders are now repairing the district's hospital.")
    pairs = _pairs("RU-KGN", text)
    assert ("RU-KGN", "UA-09") in pairs and ("RU-KGN", "RU-SVE") not in pairs


def test_elided_adjectives_after_a_dash_go_on_after_i():
    text = ("Наиболее тесные связи у нас сложились с двумя соседними областями Казахстана – Павлодарской и "
            "Северо-Казахстанской.")
    assert _pairs("RU-OMS", text) == {("KZ-PAV", "RU-OMS"), ("KZ-SEV", "RU-OMS")}


def test_the_first_and_the_second_of_them_in_sentences_of_their_own():
    text = ("Наиболее тесные связи у нас сложились с двумя соседними областями Казахстана – Павлодарской и "
            "Северо-Казахстанской. С первой в марте мы подписали план мероприятий по поставкам семенного картофеля. "
            "Со второй мы продлили соглашение о гуманитарном сотрудничестве, а в сентябре прошли Дни культуры.")
    spheres = {f.parties: {s.value for s in f.spheres} for f in _facts("RU-OMS", text)}
    assert "culture" in spheres[("KZ-SEV", "RU-OMS")] and "culture" not in spheres[("KZ-PAV", "RU-OMS")]
