"""Plain-text decoding: every common Cyrillic code page, short and long samples."""
import codecs

import pytest

from coopatlas.errors import ReadError
from coopatlas.ingest import read_bytes
from coopatlas.ingest.cyrillic import plausibility
from coopatlas.ingest.encoding import decode_text

CODEPAGES = ["cp1251", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic"]

SHORT = [  # illustrative sentences written for these tests
    "Привет",
    "Ярославль",
    "обмен опытом",
    "в сфере туризма",
    "Договор подписан в 2021 году.",
    "Сотрудничество с регионами",
    "Хабаровский край",
    "СТРАТЕГИЯ РАЗВИТИЯ",
]
LONG = (
    "Правительство Омской области и Павлодарская область Республики Казахстан подписали "
    "соглашение о торгово-экономическом сотрудничестве. Стороны договорились развивать "
    "приграничную торговлю, обмениваться делегациями и проводить совместные ярмарки. "
    "В 2022 году в рамках соглашения открыт логистический центр, а студенты двух регионов "
    "прошли стажировки в университетах Омска и Павлодара.\n"
    "Межрегиональное взаимодействие с Тюменской областью и Ханты-Мансийским автономным "
    "округом — Югрой охватывает нефтегазовую отрасль, образование и здравоохранение."
)


@pytest.mark.parametrize("codepage", CODEPAGES)
@pytest.mark.parametrize("sample", SHORT)
def test_short_samples_in_each_codepage(sample, codepage):
    decoded = decode_text(sample.encode(codepage))
    assert decoded.text == sample


@pytest.mark.parametrize("codepage", CODEPAGES)
def test_long_sample_in_each_codepage(codepage):
    data = LONG.replace("—", "-").encode(codepage)
    decoded = decode_text(data)
    assert decoded.text == LONG.replace("—", "-")
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(codepage).name


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
])
def test_unicode_encodings(encoding, prefix):
    assert decode_text(prefix + LONG.encode(encoding)).text == LONG


def test_latin1_text_is_not_taken_for_cyrillic():
    assert decode_text("Grüße aus Köln, café crème".encode("latin-1")).text == "Grüße aus Köln, café crème"


def test_wrong_codepage_scores_lower():
    data = "Сотрудничество регионов".encode("koi8_r")
    assert plausibility(data.decode("koi8_r")) > plausibility(data.decode("cp1251"))


@pytest.mark.parametrize("data", [
    b"abc\x00def\x00" * 20,
    bytes(range(256)) * 4,
    b"\x01\x02\x03\x04\x05\x06text\x0e\x0f\x10\x11\x12",
])
def test_binary_is_refused(data):
    with pytest.raises(ReadError, match="binary file, not text"):
        decode_text(data)


def test_txt_reader_records_encoding_and_cleans(write):
    from coopatlas.ingest import read_document
    path = write("news.txt", "Соглашение с Тывой\r\nподписано.".encode("koi8_r"))
    doc = read_document(path)
    assert doc.text == "Соглашение с Тывой\nподписано."
    assert doc.format == "txt" and doc.encoding == "koi8-r" and doc.title is None


def test_txt_with_bom_has_no_bom_in_text():
    doc = read_bytes(codecs.BOM_UTF8 + "Тыва".encode(), "a.txt")
    assert doc.text == "Тыва" and doc.encoding == "utf-8-sig"


def test_letter_table_covers_the_russian_alphabet_once():
    from coopatlas.ingest.cyrillic import letter_scores
    scores = letter_scores()
    assert set(scores) == set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
    assert all(score < 0 for score in scores.values())
