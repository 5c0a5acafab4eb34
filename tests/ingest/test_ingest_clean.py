import unicodedata

from hypothesis import given, strategies as st

from coopatlas.ingest.clean import clean_text


def test_newlines_become_lf():
    assert clean_text("а\r\nб\rв\nг") == "а\nб\nв\nг"


def test_controls_removed_but_tab_and_newline_kept():
    assert clean_text("Тыва\x00\x07\x1b\x7f\x85\tТува\n") == "Тыва\tТува\n"


def test_nfc_composes_decomposed_letters():
    decomposed = unicodedata.normalize("NFD", "Йошкар-Ола, ёлка")
    assert decomposed != "Йошкар-Ола, ёлка"
    assert clean_text(decomposed) == "Йошкар-Ола, ёлка"


def test_nothing_else_changes():
    text = "Республика\u00a0Алтай — партнёр;  двойной пробел, мяг\u00adкий перенос, «кавычки»."
    assert clean_text(text) == text


@given(st.text())
def test_idempotent_and_free_of_controls(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in once)
