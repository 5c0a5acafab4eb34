"""Rules written against the fourth tuning batch (tests/data/gold/tune/t4*): one illustrative case each,
with sentences written for these tests."""
import pytest

from coopatlas import extract_text


def _pairs(author, text):
    return sorted(tuple(sorted(f.parties)) for f in extract_text(text, author, infer=False).facts)


PAIR_CASES = [
    ("a status word denied after it: talks only", None,
     "Тверская и Новгородская области обсудили создание общего туристского маршрута, однако соглашение "
     "по итогам встречи подписано не было.", []),
    ("'produced no agreement' denies the agreement", "RU-OMS",
     "Talks with a delegation from Kazakhstan's Pavlodar Region produced no agreement.", []),
    ("'almost no joint projects' is no cooperation", None,
     "Kamchatka Krai and Chukotka report almost no cross-border projects.", []),
    ("a ranking of regions by agreements signed is no cooperation", None,
     "Больше всего соглашений на форуме подписали регионы Сибири; наибольшее число документов заключили "
     "Новосибирская и Томская области.", []),
    ("regions that outperform or lag behind others are compared, not partners", None,
     "Between 2015 and 2020 Tula Region outperformed the district average in joint projects, while Oryol "
     "Region lagged behind Kursk Region.", []),
    ("main trading partners are trade statistics", "RU-KRS",
     "Основными торговыми партнёрами области в сфере сотрудничества являются Республика Беларусь и Казахстан.", []),
    ("talks in a later clause about a draft do not make the passage a meeting", "RU-UD",
     "The republic hopes to sign an agreement on dairy supplies with Kazakhstan's Pavlodar Region; the draft "
     "is still being discussed.", [("KZ-PAV", "RU-UD")]),
    ("a joint working commission that holds sessions is cooperation", "RU-AMU",
     "Amur Region and Heilongjiang Province have held annual sessions of a joint working commission since 2010.",
     [("CN-HL", "RU-AMU")]),
    ("an agreement reported by its verb 'agreed'", None,
     "Zabaykalsky Krai and Inner Mongolia agreed in 2015 on a new road crossing near Zabaikalsk.",
     [("CN-NM", "RU-ZAB")]),
    ("agreeing to keep in touch is a meeting", "RU-NGR",
     "\"We have agreed to keep in touch,\" the Minister said after the meeting.", []),
    ("shared traditions are affinity, not cooperation", "RU-BU",
     "С Монголией республику связывают общие буддийские традиции и язык.", []),
    ("the signing of an agreement between two other regions that the author hosts", "RU-CHE",
     "Chelyabinsk hosted the signing of an agreement between Kurgan Region and Tyumen Region on joint "
     "promotion of their health resorts. Chelyabinsk Region is not a party to it.", [("RU-KGN", "RU-TYU")]),
    ("'заключила соглашения о … с A и B' are separate agreements", None,
     "Оренбургская область заключила соглашения о сотрудничестве в животноводстве с Актюбинской и "
     "Западно-Казахстанской областями.", [("KZ-AKT", "RU-ORE"), ("KZ-ZAP", "RU-ORE")]),
    ("working on a matter with a partner's side", "RU-AST",
     "Проработка с азербайджанской стороной вопроса об открытии паромной линии Оля — Баку (2025 год).",
     [("AZ", "RU-AST")]),
    ("talks towards an agreement are a step, not a meeting", "RU-ME",
     "Продолжить переговоры с Кировской областью о заключении соглашения о сотрудничестве в туризме.",
     [("RU-KIR", "RU-ME")]),
    ("days of the author's region hosted by a partner", "RU-MO",
     "Организация Дней Республики Мордовия в Гродненской области (выставка, концерт).", [("BY-HR", "RU-MO")]),
    ("sister cities are the cities' ties, not the regions'", "RU-KHA",
     "The city of Khabarovsk has been twinned with Niigata since 1965.", []),
    ("an item of a list of partners opened by a colon, with no cue of its own", "RU-NEN",
     "Приоритетными партнёрами округа определены:\nа) Республика Коми — совместная охрана рыбных запасов;\n"
     "б) Ямало-Ненецкий автономный округ — поддержка оленеводства.\n", [("RU-KO", "RU-NEN"), ("RU-NEN", "RU-YAN")]),
    ("items of other lists name no partner by their place alone", "RU-IVA",
     "Угрозы:\n– конкуренция со стороны производителей Китая и Вьетнама;\n– отток кадров.\n", []),
    ("patronage over another region's districts", "UA-23",
     "Республика Татарстан оказывает шефскую помощь Васильевскому муниципальному округу.", [("RU-TA", "UA-23")]),
    ("'together with' partners", "RU-SVE",
     "Together with Perm Territory, Sverdlovsk Region promotes the \"Ural Ring\" tourist route.",
     [("RU-PER", "RU-SVE")]),
    ("a joint interregional centre", "RU-LIP",
     "С Тамбовской областью планируется создание межрегионального селекционного центра.", [("RU-LIP", "RU-TAM")]),
    ("'Соглашение с X' names its own partner: the sentence before is not pulled in", "RU-KL",
     "С Монголией республику роднят степные пейзажи. Соглашение с Синьцзян-Уйгурским автономным районом "
     "подписано в 2017 году.", [("CN-XJ", "RU-KL")]),
    ("members of a body are each its member, not partners of one another", None,
     "Primorsky Krai and Khabarovsk Krai are also members of the Association of North East Asia Regional "
     "Governments.", [("RU-KHA", "org:nearc"), ("RU-PRI", "org:nearc")]),
    ("a sentence about a city's twinning names no regional partner", "RU-KHA",
     "Its twinning with Portland, Oregon, has been inactive since 2014, when the American partners stopped "
     "exchanging delegations.", []),
    ("something agreed with a named partner ('согласован')", "RU-MOW",
     "Отдельно с Министерством труда Республики Узбекистан согласован порядок тестирования мигрантов.",
     [("RU-MOW", "UZ")]),
    ("a council that brings together its members is one joint body", "RU-ALT",
     "The coordination council brings together Altai Krai, the Altai Republic and Kazakhstan's East Kazakhstan Region.",
     [("KZ-VOS", "RU-AL", "RU-ALT")]),
    ("'the three regions' after separate names joins them", "RU-YAN",
     "Tyumen Region, Khanty-Mansi Autonomous Okrug – Yugra and the Okrug run a joint programme. In 2022 the "
     "three regions financed 46 joint projects.", [("RU-KHM", "RU-TYU", "RU-YAN")]),
    ("'the one with A …, while the one with B …' goes on about the agreements before", "RU-YAN",
     "The Okrug has agreements with Krasnoyarsk Krai and the Republic of Bashkortostan. The one with Krasnoyarsk "
     "Krai covers Arctic shipping, while the one with Bashkortostan covers dairy supplies.",
     [("RU-BA", "RU-YAN"), ("RU-KYA", "RU-YAN")]),
    ("coordinated executive committees", "RU-TVE",
     "Действуют соглашения с Витебским и Могилёвским облисполкомами.", [("BY-MA", "RU-TVE"), ("BY-VI", "RU-TVE")]),
    ("trade between Russia and a state is the states' relation", "RU-CE",
     "Напомним, товарооборот между Россией и Узбекистаном по итогам прошлого года превысил 9 млрд долларов.", []),
    ("an agreement's title in capitals on several lines names the Parties below", "RU-ZAB",
     "СОГЛАШЕНИЕ\nмежду Правительством Забайкальского края\nи Администрацией аймака Хэнтий (Монголия)\n"
     "о приграничном сотрудничестве\n\nСтатья 1\nСтороны осуществляют сотрудничество в животноводстве.",
     [("MN-039", "RU-ZAB")]),
    ("days of the author's region held in a partner's territory, whatever its name's length", "RU-LEN",
     "2 | Дни Ленинградской области в Республике Узбекистан (г. Ташкент) | 2023 | Комитет по культуре",
     [("RU-LEN", "UZ")]),
    ("work under way with listed neighbours", "RU-LEN",
     "С соседними регионами — Новгородской и Псковской областями — ведётся работа по созданию туристского кольца.",
     [("RU-LEN", "RU-NGR", "RU-PSK")]),
    ("a table row is an item of its own, not a continuation of the row before", "RU-LEN",
     "3 | Подготовка соглашения о сотрудничестве в сфере образования с Донецкой Народной Республикой | 2023 |\n"
     "4 | Мониторинг внешнеторгового оборота области | ежеквартально |", [("RU-LEN",), ("RU-LEN", "UA-14")]),
    ("an authorless text: one region's ties with two others are two relations", None,
     "Наиболее устойчивые приграничные связи сложились у Курганской области с Костанайской и "
     "Северо-Казахстанской областями.", [("KZ-KUS", "RU-KGN"), ("KZ-SEV", "RU-KGN")]),
    ("'больше всего соглашений у X' is a ranking", None,
     "Больше всего действующих соглашений у Свердловской и Тюменской областей, меньше всего — у Курганской.", []),
    ("days of a region in English", "RU-CHE",
     "2 | Days of Chelyabinsk Region in the Republic of Uzbekistan | 2022 | Ministry of Culture", [("RU-CHE", "UZ")]),
    ("organisations of states listed as an area", "RU-IRK",
     "Beyond these partners, the region's exporters look to markets across the CIS and ASEAN.", [("RU-IRK",)]),
    ("the Sea of Japan is no party", "RU-PRI",
     "A 2018 memorandum with South Korea's Gangwon Province covers cooperation in protecting the Sea of Japan.",
     [("KR-42", "RU-PRI")]),
]


@pytest.mark.parametrize("author,text,expected", [c[1:] for c in PAIR_CASES], ids=[c[0] for c in PAIR_CASES])
def test_pairs(author, text, expected):
    assert _pairs(author, text) == expected


CODE_CASES = [
    ("a one-line title names no fact; a title on several lines neither", "RU-MO", "status",
     "ПЛАН МЕРОПРИЯТИЙ\nпо развитию межрегионального и международного сотрудничества Республики Мордовия\n\n"
     "Подписано соглашение с Пензенской областью о сотрудничестве в сфере здравоохранения.", ["agreed"]),
    ("talks towards an agreement with no status word are a plan", "RU-ME", "status",
     "Переговоры с Кировской областью о заключении соглашения о сотрудничестве в туризме.", ["intended"]),
    ("the rows of an action plan's table add their spheres to the plan", "RU-SAR", "spheres",
     "ПЛАН МЕРОПРИЯТИЙ\nпо реализации Соглашения между Правительством Саратовской области и хокимиятом "
     "Самаркандской области на 2024–2026 годы\n\n| № | Мероприятие | Срок |\n"
     "| 1 | Приём студентов из Самаркандской области в аграрный университет | ежегодно |\n"
     "| 2 | Телемедицинские консультации врачей | 2025 |\n",
     [["agriculture", "education", "health_social"]]),
    ("fighting forest fires is emergency work", "RU-KK", "spheres",
     "С Республикой Тыва мы договорились о совместной борьбе с лесными пожарами.", [["governance_security"]]),
    ("cities' and universities' agreements after a regions' agreement add nothing to it", "RU-IN", "spheres",
     "Ингушетия и Татарстан подписали соглашение о сотрудничестве в сельском хозяйстве. Администрации городов "
     "Назрань и Альметьевск заключили договор о побратимских связях и обмене школьниками.", [["agriculture"]]),
    ("items '(a)' of an agreement's list join it", "RU-BRY", "spheres",
     "The Parties to the agreement with the Gomel Region shall promote:\n(a) radiation monitoring of "
     "contaminated land;\n(b) coordination of the employment services.\n",
     [["environment", "governance_security", "migration_labour"]]),
    ("a hedge is a plan even beside an agreement noun", "RU-PER", "status",
     "We are considering a tourism agreement with Uzbekistan's Bukhara Region.", ["intended"]),
    ("an agreement the other side refused to sign ended", "RU-KK", "status",
     "Подготовленное соглашение с Алтайским краем так и не было подписано: от его заключения алтайская "
     "сторона отказалась.", ["terminated"]),
    ("a memorandum declared void ended", "RU-KL", "status",
     "Меморандум с провинцией Гилян 2015 года в 2019 году признан утратившим силу.", ["terminated"]),
    ("deliveries made under an agreement: implemented", "RU-BEL", "status",
     "Соглашение с Витебской областью продлено до 2028 года; витебские партнёры поставили в регион 40 автобусов.",
     ["implemented"]),
    ("'set up' in an agreement's provisions is no implementation", "RU-KLU", "status",
     "The agreement with the Minsk Region provides that the Parties set up a joint working group.", ["agreed"]),
    ("a named sea route as the object is concrete", "RU-MUR", "specificity",
     "In 2022 the Region signed an agreement with Arkhangelsk Region on the development of the Northern Sea Route.",
     ["detailed"]),
    ("a lake to protect is an area, not an object", "RU-BU", "specificity",
     "Бурятия и Иркутская область заключили соглашение о сотрудничестве в сфере охраны озера Байкал.", ["formal"]),
    ("a task with a dated deadline is concrete", "RU-ME", "specificity",
     "В рамках соглашения с Чувашской Республикой до 1 марта 2022 г. подготовить предложения по кооперации.",
     ["detailed"]),
    ("chairing an association's working group is membership work", "RU-PER", "specificity",
     "Perm Krai is an active member of the Greater Urals Association, where we chair the working group on forestry.",
     ["formal"]),
    ("the noun 'action plan' is no intention", "RU-YAN", "status",
     "With the Republic of Belarus we implement the action plan to the agreement.", ["implemented"]),
    ("the clause of each agreement keeps its spheres", "RU-YAN", "spheres",
     "The Okrug has agreements with Krasnoyarsk Krai and the Republic of Bashkortostan. The one with Krasnoyarsk "
     "Krai covers Arctic shipping, while the one with Bashkortostan covers dairy supplies.",
     [["transport_logistics"], ["agriculture", "trade_investment"]]),
    ("an agreement not yet signed is a plan", "RU-KB", "status",
     "С Хатлонской областью соглашение о сотрудничестве пока не подписано: стороны продолжают согласование.",
     ["intended"]),
    ("an agreement that expired and was not renewed ended", "RU-OMS", "status",
     "The agreement between Omsk Region and Xinjiang, signed in 2008, expired in 2013 and was not renewed.",
     ["terminated"]),
    ("preparing an agreement is a plan", "RU-TVE", "status",
     "| 3.5 | Подготовка соглашения о сотрудничестве с Ширакской областью Республики Армения | 2023 |", ["intended"]),
    ("'ежегодно' in a plan's schedule column reports nothing done", "RU-TVE", "status",
     "| 3.2 | Участие в работе Совета Ассоциации «Центральная Россия» | ежегодно |", ["intended"]),
    ("'organised recruitment' is an adjective, not work done", "RU-IVA", "status",
     "The memorandum with Sughd Region provides for organised recruitment of seamstresses.", ["agreed"]),
    ("a figure with words between it and its unit is a quantity", "RU-IVA", "specificity",
     "Under the 2020 agreement with Kyrgyzstan, 420 Kyrgyz workers found jobs at garment factories.", ["detailed"]),
    ("the signing ceremony is not work done", "RU-KIR", "status",
     "The Governor of Kirov Region and the Head of the Komi Republic signed an agreement. The ceremony took place "
     "in Syktyvkar.", ["agreed"]),
    ("ties kept up are implemented", "RU-MO", "status",
     "Мордовия поддерживает гуманитарные связи с Венгрией.", ["implemented"]),
    ("a route named by its ends is concrete", "RU-AST", "specificity",
     "Проработка с азербайджанской стороной вопроса об открытии паромной линии Оля — Баку.", ["detailed"]),
]


@pytest.mark.parametrize("author,field,text,expected", [c[1:] for c in CODE_CASES], ids=[c[0] for c in CODE_CASES])
def test_codes(author, field, text, expected):
    facts = extract_text(text, author, infer=False).facts
    values = [getattr(f, field) for f in facts]
    assert [[v.value for v in x] if isinstance(x, tuple) else x.value for x in values] == expected
