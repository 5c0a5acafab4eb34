import io
import zipfile

import pytest

from coopatlas.errors import ReadError
from coopatlas.ingest import read_bytes, read_document

from ingest_builders import build_docx

BLOCKS = [
    ("h", "Соглашение о сотрудничестве"),
    ("p", "Стороны: Республика Карелия и область Лаппи (Финляндия)."),
    ("table", [["Сфера", "Мероприятие", "Год"], ["туризм", "совместный маршрут", "2019"]]),
    ("p", "Соглашение действует пять лет."),
]


def test_paragraphs_and_table_in_document_order(write):
    doc = read_document(write("agreement.docx", build_docx(BLOCKS)))
    assert doc.format == "docx"
    assert doc.text.split("\n") == [
        "Соглашение о сотрудничестве",
        "Стороны: Республика Карелия и область Лаппи (Финляндия).",
        "Сфера | Мероприятие | Год",
        "туризм | совместный маршрут | 2019",
        "Соглашение действует пять лет.",
    ]
    assert doc.title == "Соглашение о сотрудничестве"


def test_title_from_core_properties():
    doc = read_bytes(build_docx([("p", "Текст.")], title="Программа"), "p.docx")
    assert doc.title == "Программа"


def test_merged_cells_count_once_and_headers_skipped():
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Колонтитул"
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Алтайский край"
    table.cell(0, 2).text = "Монголия"
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_bytes(buffer.getvalue(), "m.docx")
    assert doc.text == "Алтайский край | Монголия"


def test_corrupt_docx():
    with pytest.raises(ReadError, match="^corrupt DOCX: "):
        read_bytes(b"PK\x03\x04 not really a zip", "broken.docx")


def test_zip_without_word_part():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(ReadError, match="^corrupt DOCX: no word/document.xml"):
        read_bytes(buffer.getvalue(), "odd.docx")


def test_zip_bomb_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * 3_000_000)
    data = buffer.getvalue()
    assert len(data) < 50_000
    with pytest.raises(ReadError, match="^archive expands too much$"):
        read_bytes(data, "bomb.docx", max_expanded=1_000_000)


def test_truncated_docx():
    data = build_docx(BLOCKS)
    with pytest.raises(ReadError, match="^corrupt DOCX: "):
        read_bytes(data[: len(data) // 2], "cut.docx")


def test_nested_table_follows_its_row():
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Приморский край"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Китай"
    inner.cell(0, 1).text = "Корея"
    buffer = io.BytesIO()
    document.save(buffer)
    lines = read_bytes(buffer.getvalue(), "n.docx").text.split("\n")
    assert lines[0].startswith("Приморский край | ")
    assert lines[-1] == "Китай | Корея"
