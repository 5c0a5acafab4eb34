from hypothesis import given, strategies as st

from coopatlas.nlp.normalize import normalise, normalise_key


def test_dashes_quotes_nbsp_and_yo_become_plain():
    assert normalise("Ханты-Мансийским автономным\u00a0округом – Югрой").text == \
        "ханты мансийским автономным округом югрой"
    assert normalise_key("Еврорегион «Карелия»") == "еврорегион карелия"
    assert normalise("Орёл").text == "орел"


def test_line_breaks_inside_a_name_collapse():
    text = "с Кабардино -\r\nБалкарской Республикой"
    assert normalise(text).text == "с кабардино балкарской республикой"


def test_soft_hyphen_is_dropped_and_offsets_still_map():
    text = "авто\u00adмагистраль  Москва"
    n = normalise(text)
    assert n.text == "автомагистраль москва"
    start = n.text.index("москва")
    s, e = n.span_to_original(start, start + len("москва"))
    assert text[s:e] == "Москва"


_alphabet = st.sampled_from(list("абвгдеёжАБЁЯ xyzXYZ-–—\u00a0\n\t\r«»\"'\u00ad.,1"))


@given(st.text(alphabet=_alphabet, max_size=60))
def test_every_normalised_character_maps_back_to_its_source(text):
    n = normalise(text)
    for i, ch in enumerate(n.text):
        if ch != " ":
            original = text[n.to_original(i)]
            assert original.lower().replace("ё", "е") == ch


@given(st.text(alphabet=_alphabet, max_size=60))
def test_spans_of_words_map_back_to_the_same_word(text):
    n = normalise(text)
    pos = 0
    for word in n.text.split(" "):
        if word:
            start = n.text.index(word, pos)
            s, e = n.span_to_original(start, start + len(word))
            assert normalise_key(text[s:e]).replace(" ", "") == word
            pos = start + len(word)


@given(st.text(alphabet=_alphabet, max_size=60))
def test_from_original_is_monotonic_and_inverts_to_original(text):
    n = normalise(text)
    mapped = [n.from_original(p) for p in range(len(text) + 1)]
    assert mapped == sorted(mapped)
    for i in range(len(n.text)):
        assert n.from_original(n.to_original(i)) == i


def test_latin_diacritics_fold_one_for_one_and_map_back():
    text = "Mongolia's Bayan-Ölgii aimag, Łódź Voivodeship and Jämtland; «Тюмень» и ёлка"
    n = normalise(text)
    assert "bayan olgii aimag" in n.text and "lodz voivodeship" in n.text and "jamtland" in n.text
    assert "тюмень" in n.text and "елка" in n.text and "й" not in n.text  # Cyrillic untouched (no й here)
    start = n.text.index("olgii")
    a, b = n.span_to_original(start, start + 5)
    assert text[a:b] == "Ölgii"


def test_diacritics_do_not_change_cyrillic_short_i():
    assert normalise("Йошкар-Ола").text == "йошкар ола"


def test_a_foreign_region_spelt_with_diacritics_is_found():
    from coopatlas import extract_text

    facts = extract_text("Altai Krai signed an agreement on tourism with Mongolia's Bayan-Ölgii aimag in 2023.",
                         "RU-ALT", infer=False).facts
    assert [f.parties for f in facts] == [("MN-071", "RU-ALT")]
