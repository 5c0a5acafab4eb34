"""Which named territories are parties: the coding decisions applied to the mentions the NLP found.

Each rule is a small named function over one mention; `partner_mentions` keeps the mentions that no
rule rejects (docs/coding-decisions.md).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Callable, Iterable, Sequence

from coopatlas.model import Mention

_TYPE_WORDS = (r"област\w*|кра[яеюй]\w*|округ\w*|провинци\w*|аймак\w*|губерни\w*|уезд\w*|воеводств\w*|лен\w*|"
               r"фюльке|штат\w*|regions?|oblasts?|provinces?|counties|county|prefectures?|states?")
_LOCATING_GAP = re.compile(
    r"^(?:\s+(?:[A-ZА-ЯЁ][\w-]*|of|the|" + _TYPE_WORDS + r"))*\s*\(?\s*(?:of\s+the\s+|of\s+|in\s+the\s+|in\s+)?$")
_POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:[A-Z][\w-]*\s+)?$")
NOT_PARTIES = frozenset({"RU"})  # the Russian Federation frames the document; it is never a partner
_QUOTED = re.compile(r"«[^«»]{1,120}»|“[^“”]{1,120}”|\"[^\"]{1,120}\"")
_NAMED_THING = re.compile(r"(проект\w*|project|фестивал\w*|festival|"
                          r"форум\w*|forum|маршрут\w*|route|конкурс\w*|выставк\w*|ярмарк\w*|завод\w*|"
                          r"компани\w*|пункт\w* пропуска|издани\w*)\W{0,3}$", re.I)


FEDERAL_CITY_TYPES = frozenset({"federal_city"})  # Moscow, Saint Petersburg, Sevastopol: subjects even on a route
CITY_TYPES = frozenset({"city", "state_city", "special city", "capital_city", "capital city", "metropolitan city",
                        "federal_city", "capital_territory"})
# first-level units that are cities but typed "municipality" by ISO 3166-2 (Baku, Beijing, Shanghai, …);
# Latvian "municipalities" are not cities
CITY_MUNICIPALITIES = frozenset({"AZ-BA", "CN-BJ", "CN-SH", "CN-TJ", "CN-CQ"})
_VENUE = re.compile(r"(?:^|\s)(?:в|во|in|at)\s*(?:г\.\s*|городе\s+|the\s+city\s+of\s+)?$", re.I)  # "в г. Минске"
# "next held in Lithuania", "пройдёт в Уфе": where an event takes place, whatever the territory's kind
_HELD_IN = re.compile(r"(?i)(?:held|take place|takes place|пройд[её]т|пройдут|состоится|состоятся|проходит|проходят|"
                      r"проводится|проводятся)\s+(?:[\w-]+\s+){0,3}?(?:in|в|во)\s*$")
# "a cargo hub for Belarusian goods bound for China", "грузов, следующих в Китай": where goods go; "экспорта
# лесопродукции в Китай", "exports of timber to China": where a region sells (decision 98: a market, no partner)
_BOUND_FOR = re.compile(r"(?i)(?:bound\s+for|destined\s+for|en\s+route\s+to|(?:routed\s+)?via|транзитом\s+через|следующ\w+\s+в|направляем\w+\s+в|"
                        r"с\s+последующей\s+отправкой\s+в|экспорт\w*\s+(?:[\w-]+\s+){0,3}?(?:в|во)|"
                        r"(?:отправ\w*(?<!ся)(?<!сь)|поставля\w*ся|поставляем\w*)\s+(?:[\w-]+\s+){0,2}?(?:в|во)|"
                        r"exports?\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?to)\s*(?:the\s+)?$")
# "many of its students come from Moscow and Pskov Region": where people come from
_ORIGIN = re.compile(r"(?i)(?:(?:come|came|coming)\s+from|(?:приезжа\w+|родом)\s+из)\s+(?:the\s+)?$")
# "distributors from the UAE, Saudi Arabia and Oman", "a private university in Dubai", "компаниями из Китая":
# the place says whose institution it is (decision 37, docs/coding-decisions.md 76)
_INSTITUTION_FROM = re.compile(
    r"(?i)(?:compan(?:y|ies)|firms?|enterprises?|producers?|distributors?|importers?|exporters?|manufacturers?|"
    r"buyers?|investors?|exhibitors?|universit(?:y|ies)|hospitals?|clinics?|schools?)\s+from\s+(?:the\s+)?$|"
    # "in" only after nouns that a region does not build or restore ("restoring schools in the DPR" is patronage)
    r"(?:compan(?:y|ies)|firms?|distributors?|importers?|buyers?|investors?|universit(?:y|ies)|trade\s+houses?)"
    r"\s+(?:based\s+)?in\s+(?:the\s+)?$|"
    r"(?i:компани|предприяти|фирм|дистрибьютор|импорт[её]р|экспорт[её]р|производител|инвестор|вуз|университет|"
    r"покупател|поставщик|закупщик|экспонент)"
    r"\w*\s+из\s+$|торгов\w+\s+дом\w*\s+(?:[\w-]+\s+)?(?:в|во)\s+$")
# "returned from Dubai, where it took part in the Gulfood exhibition", "из Ташкента, где приняла участие в
# выставке": the place of an event the delegation went to (decision 31: an exhibition is no cooperation)
_EVENT_AFTER_VENUE = re.compile(
    r",\s*(?:where|где)\s+(?:[\w-]+\s+){0,3}?(?:took|takes|take|will\s+take|принял[аи]?|примут|примет|принимает|"
    r"принимают)\s+(?:part|участие)\s+(?:in|в|во)\s+(?:the\s+)?(?:[\w«»\"-]+\s+){0,4}?"
    r"(?i:exhibition|fair|forum|conference|summit|festival|выставк|ярмарк|форум|конференц|саммит|фестивал)")
# "с государствами – членами ШОС и БРИКС", "member states of the SCO": a group of states, not the organisation
_MEMBER_STATES = re.compile(r"(?i)(?:государств\w*|стран\w*)\s*[–—-]?\s*член\w*\s+$|"
                            r"member\s+(?:states|countries)\s+of\s+(?:the\s+)?$")
# "at the Forum … in Chelyabinsk", "на выставке … в Казани": where the event is
_EVENT_IN = re.compile(r"(?i)(?:форум|выставк|ярмарк|конференц|саммит|forum|exhibition|fair|conference|summit)"
                       # "на туристических выставках в г. Сочи и г. Хошимине": a city mark, and the places listed
                       r"[^.;!?]{0,80}?\s(?:in|в|во)\s+(?:г\.\s*)?(?:[А-ЯЁA-Z][\w-]*\s*(?:,|и|and)\s*(?:г\.\s*)?){0,3}$")
# "руководствуясь Договором о создании Союзного государства": the legal basis of an agreement
_LEGAL_BASIS = re.compile(r"(?i)(?:(?:руководствуясь|принимая во внимание|учитывая|guided by|taking into account|"
                          r"bearing in mind)[^.;:]{0,80}|законодательств\w*(?:\s+Российской\s+Федерации\s+и)?\s+|"
                          r"(?:the\s+)?legislation\s+of\s+(?:the\s+Russian\s+Federation\s+and\s+)?(?:the\s+)?)$")
# "авиарейс Красноярск – Улан-Батор", "bus service Barnaul – Ust-Kamenogorsk": the ends of a route
_ROUTE = re.compile(r"(?i)(?:рейс|маршрут|лини|сообщени|трасс|магистрал|мост|flight|route|line|service|bridge)\w*"
                    r"\s+(?:[\w-]+\s+){0,2}?(?:[А-ЯЁA-Z][\w-]*(?:\s+[А-ЯЁA-Z][\w-]*)?\s*[–—-]\s*)*$")
# "second only to that of Buryatia", "уступая лишь Татарстану": a region named in a comparison
_COMPARED = re.compile(r"(?i)(?:second only to(?: that of)?|ahead of|уступая(?: лишь| только)?|опережая)\s*$")
# "Форум регионов Беларуси и России", "Forum of Interregional Cooperation of Russia and Kazakhstan": the
# countries in an event's name are not partners
_EVENT_NAME = re.compile(r"(?:[Фф]орум\w*|Forum)\s+(?:of\s+)?(?:(?:the\s+)?[Rr]egions|регионов|"
                         r"межрегионального\s+сотрудничества|[Ii]nterregional\s+[Cc]ooperation)"
                         r"(?:\s+of)?\s+(?:[\w-]+\s+(?:и|and)\s+)?$")

# "Наряду с программами Союзного государства республика поддерживает прямые связи с …", "In addition to the
# CIS programme, …": the sentence contrasts that relation with its own (decision 99)
_ALONGSIDE = re.compile(r"(?:^|[.!?]\s+|\n)(?:Наряду\s+с|Помимо|In\s+addition\s+to|Alongside)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")

# what comes right before a name that makes it an event's place or name, a comparison or a legal basis
# "has taken over from Sverdlovsk Region the patronage of …", "шефство … передано Ивановской области", "который до этого
# курировала Ярославская область": the patron before or after the author is no partner of the author (decision 127)
_HANDOVER = re.compile(r"(?i)(?:t(?:aken|ook)\s+over\s+from|handed\s+over\s+to|передан[аоы]?|(?:до\s+этого|прежде|ранее)\s+"
                       r"курировал[аои]?)\s+(?:the\s+)?$")
# "one of Penza Region's key partners outside the CIS", "за пределами СНГ": what lies outside is no partner
_OUTSIDE = re.compile(r"(?i)(?:outside|beyond|за\s+пределами|вне)\s+(?:the\s+)?$")
# "на Российско-Китайском ЭКСПО (г. Харбин, КНР)": a place given in brackets after a city mark locates an event
_CITY_IN_BRACKETS = re.compile(r"\((?:г\.|город|city\s+of)\s*[^()]{0,40}$")
_NOT_A_PARTNER_AFTER = (_HELD_IN, _EVENT_IN, _LEGAL_BASIS, _COMPARED, _EVENT_NAME, _BOUND_FOR, _ORIGIN, _MEMBER_STATES,
                        _ALONGSIDE, _CITY_IN_BRACKETS, _OUTSIDE, _HANDOVER)


def _any_of(patterns) -> re.Pattern:
    """One pattern that matches where any of `patterns` does (one search per name instead of five);
    a leading (?i) becomes a scoped flag."""
    parts = []
    for p in patterns:
        body = p.pattern[4:] if p.pattern.startswith("(?i)") else p.pattern
        parts.append(f"(?i:{body})" if p.flags & re.IGNORECASE else f"(?:{body})")
    return re.compile("|".join(parts))


_NOT_A_PARTNER_AFTER_ANY = _any_of(_NOT_A_PARTNER_AFTER)
# a word each of those patterns needs (lower case): most names have none of them before them, and a
# substring test is far cheaper than the search
_NOT_A_PARTNER_KEYS = ("come from", "came from", "coming from", "приезжа", "родом", "законодательств", "legislation",
                       "held", "take", "пройд", "состоит", "состоят", "проход", "провод", "форум", "выставк",
                       "ярмарк", "конференц", "саммит", "forum", "exhibition", "fair", "conference", "summit",
                       "руководств", "принимая", "учитывая", "guided", "taking", "bearing", "second only",
                       "ahead of", "уступая", "опережая", "bound", "destined", "en route", "следующ", "направляем",
                       "отправкой", "экспорт", "export", "член", "member", "наряду", "помимо", "addition", "alongside",
                       "отправ", "поставля", "exhibitor", "экспонент", "(г.", "(город", "(city", "outside", "beyond",
                       "пределами", "вне", "via", "транзитом", "over from", "over to", "передан", "курировал")


_NOT_A_PARTNER_KEY = re.compile("|".join(re.escape(k) for k in _NOT_A_PARTNER_KEYS))


def _after_words_of_no_partner(before: str) -> bool:
    if before.endswith(_PLACE_PREPOSITIONS) and _INSTITUTION_FROM.search(before):
        return True
    return bool(_NOT_A_PARTNER_KEY.search(before.lower())) and bool(_NOT_A_PARTNER_AFTER_ANY.search(before))


_PLACE_PREPOSITIONS = (" from ", " from the ", " in ", " in the ", " из ", " в ", " во ")  # _INSTITUTION_FROM ends so
_CONTEXT_REACH = 90  # characters before a name that these patterns read


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """The parties in the order first named, each once."""
    return tuple(dict.fromkeys(items))


def party_attribute(ref, party: str, name: str) -> str | None:
    """`ref.parties[party].<name>` (country, type, kind), or None for a party the tables do not know."""
    found = getattr(ref, "parties", {}).get(party)
    return getattr(found, name, None) if found else None


# "Tashkent regards Bashkortostan as one of its key partners", "Astana was ready to consider joining", "Минск
# поддержал предложение": a state's capital as the subject of a verb of stance or decision speaks for the state
_STANCE_AFTER = re.compile(r"\s+(?:regards|regarded|supports|supported|welcomes|welcomed|backs|backed|insists|"
                           r"(?:is|was|are|were)\s+ready|will\s+(?:pay|fund|finance|cover)|has\s+offered|"
                           r"поддержал\w*|поддерживает|считает|рассматривает|готов[аы]?|приветствует|приветствовал\w*|"
                           r"настаивает|профинансирует|оплатит)\b")


def capitals_as_states(text: str, mentions: Sequence[Mention], state_of_capital: dict[str, str]) -> list[Mention]:
    """A mention of a foreign state's capital city that speaks for the state ("Tashkent regards …") becomes a
    mention of the state (decision 114); the city itself (its executive committee, "the city of Minsk") stays."""
    out = []
    for m in mentions:
        state = state_of_capital.get(m.party)
        if state and _STANCE_AFTER.match(text, m.end):
            m = Mention(state, m.start, m.end, m.surface, f"{m.how}+capital-as-state", m.weak)
        out.append(m)
    return out


def states_of_capitals(ref) -> dict[str, str]:
    """{city party: state} for foreign states whose capital is a first-level unit of their own (BY-HM, KZ-AST)."""
    capitals = getattr(ref, "capitals", None)
    out: dict[str, str] = {}
    if not capitals:
        return out
    for party in getattr(ref, "parties", {}).values():
        if party.kind != "foreign_region":
            continue
        capital = capitals.get(party.country)
        if capital is not None and party.name_en == capital.name_en:
            out[party.id] = party.country
    return out


# what stands between two names of one list: "A, B", "A и B", "A, and the B" (use with fullmatch)
LIST_GLUE = re.compile(r"\s*(?:,|и|and|,\s*и|,\s*and)\s*(?:the\s+)?")
# the list goes on after a dropped name, past a plural type noun: "покупателями из Брянской и Орловской областей и
# Республики Беларусь"
_LIST_ON = re.compile(r"(?:\s*(?:областей|краев|краёв|республик|regions|provinces))?" + LIST_GLUE.pattern)


def partner_mentions(text: str, mentions: Sequence[Mention], country_of: Callable[[str], str | None],
                     type_of: Callable[[str], str | None] = lambda p: None) -> list[Mention]:
    country_of, type_of = cache(country_of), cache(type_of)  # a few parties, looked up many times
    quoted = _quoted_names(text)
    borders = _border_lists(text)
    # the countries of the foreign regions named (not of a city at a route's end: "с азербайджанской
    # стороной … линии Оля — Баку" is Azerbaijan)
    region_countries = {country_of(m.party) for m in mentions if country_of(m.party) not in (None, m.party)
                        and not _foreign_route_end(m, text[max(0, m.start - _CONTEXT_REACH):m.start], type_of,
                                                   country_of)}
    regions_of: dict = {}
    named_states = {m.party for m in mentions if m.how != "adjective+partner" and country_of(m.party) == m.party}
    for m in mentions:
        country = country_of(m.party)
        if country not in (None, m.party) and m.how != "adjective+partner":
            regions_of.setdefault(country, set()).add(m.party)
    kept = []
    dropped_at, dropped_before = -100, ""
    for i, m in enumerate(mentions):
        before = text[max(0, m.start - _CONTEXT_REACH):m.start]
        if m.party in NOT_PARTIES:
            if _after_words_of_no_partner(before):  # "предприятий из России, Казахстана и Киргизии": the list
                dropped_at, dropped_before = m.end, before  # after the dropped name goes with it
            continue
        if _inside_any(m, quoted) or _inside_any(m, borders):
            continue
        after = text[m.end:m.end + _CONTEXT_REACH]
        if _venue(m, text, type_of) or _dateline(m, text) or _EVENT_AFTER_VENUE.match(after) \
                or _foreign_route_end(m, before, type_of, country_of, after) or _area_of_states(m, before, after) \
                or _district_as_location(m, before) or names_an_institution(m, text) or _after_words_of_no_partner(before):
            dropped_at, dropped_before = m.end, before  # "come from Moscow and Pskov Region": the list goes with it
            continue
        if 0 <= m.start - dropped_at <= 20 and _LIST_ON.fullmatch(text[dropped_at:m.start]) \
                and _after_words_of_no_partner(dropped_before):
            dropped_at = m.end
            continue
        if _locates_the_region_before(m, mentions[i - 1] if i else None, text, country_of):
            continue
        if _more_member_states(m, mentions[i - 1] if i else None, text):
            continue
        if _city_of_the_state_before(m, mentions[i - 1] if i else None, text, country_of, type_of):
            continue
        if _owns_the_region_after(m, mentions[i + 1] if i + 1 < len(mentions) else None, text, country_of):
            continue
        if _side_of_a_named_region(m, region_countries):
            region = regions_of.get(m.party)
            if region and len(region) == 1 and m.party not in named_states and _SINGULAR_SIDE.match(text, m.end):
                # "the Japanese prefecture", "китайская сторона" after Hyogo, Heilongjiang: that region
                kept.append(Mention(next(iter(region)), m.start, m.end, m.surface, "side of the named region"))
            continue
        kept.append(m)
    return kept


def _more_member_states(m: Mention, previous: Mention | None, text: str) -> bool:
    """"с государствами – членами ШОС и БРИКС": the organisation after the member states of another is read the
    same way, as its member states (decision 85)."""
    return previous is not None and previous.party.startswith("group:") and m.party.startswith("org:") \
        and bool(re.search(r"(?i)член|member", previous.surface)) and bool(LIST_GLUE.fullmatch(text[previous.end:m.start]))


def _foreign_route_end(m: Mention, before: str, type_of, country_of, after: str = "") -> bool:
    """A foreign city at the end of a named route ("авиарейс Калуга — Минск") is where the route goes;
    the cooperation is with its region or state, named elsewhere (the coders never code the city). A Russian
    federal city at the end of a route (Moscow, Sevastopol in the Russian frame) is a subject, and stays.
    A one-word name in a chain of places before a road word ("the Tyumen–Tobolsk–Khanty-Mansiysk highway")
    is a city on the road, whatever region shares its name (decision 5)."""
    is_city = type_of(m.party) in CITY_TYPES or m.party in CITY_MUNICIPALITIES
    if is_city and country_of(m.party) != "RU" and bool(_ROUTE.search(before)):
        return True
    if _CORRIDOR_AFTER.match(after) and _in_a_chain(before, after):
        return True  # "along the Moscow–Minsk corridor": the places say where the corridor runs, Moscow included
    return " " not in m.surface.strip() and type_of(m.party) not in FEDERAL_CITY_TYPES \
        and bool(_ROUTE_CHAIN_AFTER.match(after)) and _in_a_chain(before, after)


# "Tyumen–Tobolsk–Khanty-Mansiysk highway", "трассы Тюмень – Тобольск": the rest of a chain of places and
# the road word after it
_ROUTE_CHAIN_AFTER = re.compile(r"(?:\s*[–—-]\s*[A-ZА-ЯЁ][\w-]*)*\s+(?:highway|road|railway|motorway|rail\s+link|"
                                r"flight|bus\s+route|автодорог\w*|трасс\w*|магистрал\w*|железн\w+\s+дорог\w*)\b")


_CORRIDOR_AFTER = re.compile(r"(?:\s*[–—-]\s*[A-ZА-ЯЁ][\w-]*)*\s+(?:corridor|коридор\w*)\b")


def _in_a_chain(before: str, after: str) -> bool:
    return bool(re.search(r"[A-ZА-ЯЁ][\w-]*\s*[–—-]\s*$", before)) or bool(re.match(r"\s*[–—-]\s*[A-ZА-ЯЁ]", after))


# organisations of states that texts also use as the name of an area: "партнёры в СНГ", "экспорт в ЕАЭС"
# (not the EU: "in the EU" is as often its programmes as its area)
AREAS_OF_STATES = frozenset({"org:cis", "org:eaeu", "org:sco", "org:brics", "org:asean", "org:apec"})
_IN_AREA = re.compile(r"(?i)(?:^|\s)(?:в|во|из|на пространстве|по всему|within|across|in|from)\s+(?:the\s+)?"
                      r"(?:[A-ZА-ЯЁ]{2,6}\s+(?:и|and)\s+(?:the\s+)?)?$")  # "across the CIS and ASEAN"


# "although part of the Volga Federal District", "входит в состав Приволжского федерального округа": where a
# region lies, not whom it cooperates with
_PART_OF = re.compile(r"(?i)(?:part\s+of|belongs?\s+to|belonged\s+to|sits?\s+in|lies\s+in|located\s+in|"
                      r"входит\s+в(?:\s+состав)?|входят\s+в(?:\s+состав)?|в\s+составе|расположен\w*\s+в|"
                      r"относится\s+к|относятся\s+к)\s+(?:the\s+)?$")


def _district_as_location(m: Mention, before: str) -> bool:
    return m.party.startswith("group:") and bool(_PART_OF.search(before))


def _area_of_states(m: Mention, before: str, after: str = "") -> bool:
    """"Приоритетные партнёры в СНГ — Беларусь и Казахстан": "в СНГ" is where the partners are, not the
    organisation; "в рамках СНГ", "участвует в работе … СНГ" stay (README-tune: framing is not org:cis)."""
    return m.party in AREAS_OF_STATES and bool(_IN_AREA.search(before)) and not _FRAMEWORK_AFTER.match(after)


# "Within the CIS framework": the organisation's framework, as "в рамках СНГ"
_FRAMEWORK_AFTER = re.compile(r"\s*(?:framework|programme|program|format)\b", re.IGNORECASE)


# "Tomsk and Novosibirsk universities", "Novosibirsk State University", "Kazakh companies": a place name
# before an institution noun says whose institution it is; their ties are not the territories' (README-tune)
_INSTITUTION_AFTER = re.compile(
    r"(?:\s*(?:,|and|or)\s*[A-Z][\w-]*)*\s+(?:State\s+|Federal\s+|Medical\s+|Technical\s+)?"
    r"(?i:universit|compan|firms?\b|enterprises?\b|producers?\b|business(?:es)?\b|scientists?\b|students?\b|"
    r"hospitals?\b|schools?\b|museums?\b|theatres?\b|clubs?\b|teams?\b|exporters?\b|manufacturers?\b|"
    r"chambers?\s+of\s+commerce)")


def names_an_institution(m: Mention, text: str) -> bool:
    return bool(_INSTITUTION_AFTER.match(text, m.end)) or bool(_INSTITUTION_BEFORE.search(text, max(0, m.start - 40),
                                                                                            m.start))


# "в Сетевом университете ШОС", "the SCO University": a university or school named after an organisation
_INSTITUTION_BEFORE = re.compile(r"(?:[Уу]ниверситет\w*|[Uu]niversity\s+of(?:\s+the)?)\s+$")


def _venue(m: Mention, text: str, type_of) -> bool:
    """"Дни культуры … в Минске": a city named as the place of an event is not a partner
    (docs/coding-decisions.md, 5)."""
    return type_of(m.party) in CITY_TYPES and bool(_VENUE.search(text[max(0, m.start - 20):m.start]))


_DATELINE_TAIL = re.compile(r"\s*(?:,|—|–|-|\()\s*(?:\d|[А-ЯЁA-Z][а-яёa-z]+\s+\d|\d{1,2}\s+\w+)")


def _dateline(m: Mention, text: str) -> bool:
    """"ST PETERSBURG, 1 July 2021 —", "Тюмень, 18 декабря": the place a news item was filed from."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if text[line_start:m.start].strip():
        return False
    return bool(_DATELINE_TAIL.match(text, m.end))


def _owns_the_region_after(m: Mention, following: Mention | None, text: str, country_of) -> bool:
    """"Kazakhstan's Kostanay Region": the possessive state only says where the region is."""
    if following is None or country_of(following.party) != m.party or following.party == m.party:
        return False
    return bool(_POSSESSIVE_GAP.match(text[m.end:following.start]))


# one side after its adjective: "… side", "… prefecture", "… стороной" (not "Belarusian partners": many)
_SINGULAR_SIDE = re.compile(r"\s+(?:side|prefecture|province|region|county|partner|government|delegation)\b|"
                            r"\s+(?:сторон[аыеуо]й?|провинци[яиейю]й?|префектур[аыеуо]й?|делегаци[яиейю]й?|"
                            r"правительств[аоуе]м?)\b")


def _side_of_a_named_region(m: Mention, region_countries: set) -> bool:
    """"с китайской стороной" in a text about Heilongjiang: the side is the region already named."""
    return m.how == "adjective+partner" and m.party in region_countries


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """Quoted names of projects, events, routes, companies: «Дружба народов» names no partner.
    Programme names do (codebook 2: "Литва – Польша – Россия" is cooperation with LT and PL)."""
    spans = []
    for q in _QUOTED.finditer(text):
        if _names_a_thing(text, q.start()):
            spans.append((q.start(), q.end()))
    return spans


_THING_STEMS = ("проект", "фестивал", "форум", "маршрут", "конкурс", "выставк", "ярмарк", "завод", "компани",
                "издани")
_THING_WORDS = ("project", "festival", "forum", "route")


def _names_a_thing(text: str, at: int) -> bool:
    """_NAMED_THING read at text[:at] without a regex search: the word that ends at most three
    non-word characters before `at` holds one of its stems (5x faster on texts full of quotes)."""
    end = at
    while end > at - 3 and end > 0 and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    if start == end:
        return False
    word = text[start:end].lower()
    if word.endswith(_THING_WORDS) or any(stem in word for stem in _THING_STEMS):
        return True
    if word.startswith("пропуска"):
        return bool(_NAMED_THING.search(text[max(0, at - 60):at]))
    return False


_BORDER = re.compile(r"(?i)(?<![\w-])(?:гранич(?:ит|ат|ащ\w*)|приграничн\w*(?=\s+со?\s)|на границе|(?:общую |протяж[её]нную )?границу|"
                     r"border(?:s|ing|ed)(?: on)?|border with|(?<=that )border|(?<=which )border)(?!\w)\s*(?:с|со|with)?")
# (the noun "border" — "Cross-Border Programme", "border crossing" — lists no neighbours)
_CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:а|но|и\s+(?:развива|сотруднича|подписа))\b|\b(?:and|but)\s+(?:has|have|develops|signed|cooperates)\b")


def _border_lists(text: str) -> list[tuple[int, int]]:
    """"граничит с Республикой Казахстан, а также с Тюменской … областями", "borders Finland and
    Estonia": the neighbours a sentence lists are geography, not partners (to the end of the clause)."""
    spans = []
    searched_to = 0
    for at in _border_word_positions(text):  # the pattern is tried only near its key words (10x faster)
        if at < searched_to:
            continue
        m = _BORDER.search(text, max(searched_to, at - _BORDER_LEAD), at + _BORDER_TAIL)
        if m is None:
            continue
        searched_to = m.end()
        if m.group().lower().startswith("приграничн"):  # "в приграничных с Монголией массивах": the names only
            names = _NAMES_AFTER_WITH.match(text, m.end())
            spans.append((m.start(), names.end() if names else m.end()))
            continue
        end = _CLAUSE_END.search(text, m.end())
        spans.append((m.start(), end.start() if end else len(text)))
    return spans


_NAMES_AFTER_WITH = re.compile(r"(?:\s+со?)?\s+(?:[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)*(?:\s*,\s*|\s+и\s+)?)+")
_BORDER_KEYS = ("ранич", "раниц", "РАНИЧ", "РАНИЦ", "order", "ORDER")
_BORDER_LEAD = 24   # characters of the pattern before a key word ("протяжённую г")
_BORDER_TAIL = 40   # and after its start


def _border_word_positions(text: str) -> list[int]:
    positions = []
    for key in _BORDER_KEYS:
        i = text.find(key)
        while i != -1:
            positions.append(i)
            i = text.find(key, i + 1)
    return sorted(positions)


_CITY_IN_BRACKETS = re.compile(r"\s*\(\s*(?:г\.|город|city\s+of)?\s*$")


def _city_of_the_state_before(m: Mention, previous: Mention | None, text: str, country_of, type_of) -> bool:
    """"в Республике Узбекистан (г. Ташкент)": the city in brackets says where in the state; the state is the
    party."""
    if previous is None or country_of(m.party) != previous.party:
        return False
    if type_of(m.party) not in CITY_TYPES and m.party not in CITY_MUNICIPALITIES:
        return False
    return bool(_CITY_IN_BRACKETS.fullmatch(text[previous.end:m.start]))


def _inside_any(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """Is the mention inside one of the sorted spans (a quoted name, a list of neighbours)?"""
    i = bisect_right(spans, (m.start, float("inf"))) - 1   # the last span starting at or before m
    return i >= 0 and spans[i][0] <= m.start and m.end <= spans[i][1]


def _locates_the_region_before(m: Mention, previous: Mention | None, text: str, country_of) -> bool:
    """"с Минской областью Республики Беларусь": the state only says where the region is; also "с Луганской и
    Донецкой областями Украины" (UA-coded subjects, Ukraine's oblasts in their ISO codes)."""
    if previous is None or previous.party == m.party:
        return False
    if country_of(previous.party) != m.party and not (m.party == "UA" and previous.party.startswith("UA-")):
        return False
    return bool(_LOCATING_GAP.match(text[previous.end:m.start]))
