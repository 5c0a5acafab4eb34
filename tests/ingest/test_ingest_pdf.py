import pytest

from coopatlas.errors import ReadError
from coopatlas.ingest import read_bytes, read_document

from ingest_builders import build_pdf

PAGE_ONE = (
    "Соглашение между Тюменской областью и Ханты-\n"
    "Мансийским автономным округом о строительстве автомаги-\n"
    "страли подписано в 2021 году."
)
PAGE_TWO = "Стороны развивают социально-\nэкономическое сотрудничество."


def test_cyrillic_pdf_pages_offsets_and_hyphenation(write, cyrillic_font):
    path = write("strategy.pdf", build_pdf([PAGE_ONE, PAGE_TWO], cyrillic_font, title="Стратегия"))
    doc = read_document(path)
    assert doc.format == "pdf" and doc.title == "Стратегия"
    assert "Ханты-Мансийским" in doc.text
    assert "автомагистрали" in doc.text
    assert "социально-экономическое" in doc.text
    assert "\r" not in doc.text and "\ufffe" not in doc.text
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    assert doc.text[doc.pages[1]:].startswith("Стороны")


def test_page_without_text_keeps_its_offset(cyrillic_font):
    doc = read_bytes(build_pdf(["Первая страница.", "", "Третья страница."], cyrillic_font), "x.pdf")
    assert len(doc.pages) == 3
    assert doc.text[doc.pages[2]:].startswith("Третья")
    assert doc.text[doc.pages[1]:doc.pages[2]].strip() == ""


def test_pdf_without_text_layer():
    with pytest.raises(ReadError, match=r"PDF has no text layer \(scanned\?\); OCR is not enabled"):
        read_bytes(build_pdf(["", ""]), "scan.pdf")


def test_encrypted_pdf():
    with pytest.raises(ReadError, match="^encrypted PDF$"):
        read_bytes(build_pdf(["Secret agreement text."], encrypt=True), "locked.pdf")


@pytest.mark.parametrize("keep", [0.1, 0.5])
def test_truncated_pdf(keep):
    data = build_pdf(["Cooperation agreement between two regions."] * 3)
    with pytest.raises(ReadError, match="^corrupt PDF: "):
        read_bytes(data[: int(len(data) * keep)], "cut.pdf")


def test_not_a_pdf_at_all():
    with pytest.raises(ReadError, match="^corrupt PDF: "):
        read_bytes(b"this is not a pdf, only text", "fake.pdf")


def test_pdf_found_by_magic_without_suffix():
    doc = read_bytes(build_pdf(["Regional cooperation."]), "download")
    assert doc.format == "pdf" and "Regional cooperation." in doc.text


def test_line_ends_inside_names_and_number_ranges(cyrillic_font):
    page = "Кабардино -\nБалкарской Республикой, 2021-\n2025 годы, кто-\nто"
    doc = read_bytes(build_pdf([page], cyrillic_font), "x.pdf")
    assert doc.text == "Кабардино -\nБалкарской Республикой, 2021-\n2025 годы, кто-то"
