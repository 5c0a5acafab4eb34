import pytest

from coopatlas.errors import CoopatlasError, ReadError
from coopatlas.ingest import read_bytes, read_document
from coopatlas.model import RawDocument

from ingest_builders import build_docx


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\xef\xbb\xbf  \r\n", b"\xff\xfe \x00\n\x00"])
def test_empty_file(write, data):
    with pytest.raises(ReadError, match="^empty file$"):
        read_document(write("blank.txt", data))


def test_too_large_file_is_refused_before_reading(write):
    path = write("big.txt", b"a" * 101)
    with pytest.raises(ReadError, match=r"^file too large: 101 bytes > 100$"):
        read_document(path, max_bytes=100)


def test_read_bytes_respects_the_same_limit():
    with pytest.raises(ReadError, match="^file too large"):
        read_bytes(b"x" * 11, "a.txt", max_bytes=10)


@pytest.mark.parametrize("name, data", [
    ("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
    ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
])
def test_unsupported_formats(name, data):
    suffix = "." + name.rsplit(".", 1)[1]
    with pytest.raises(ReadError, match=rf"^unsupported format: \{suffix}$"):
        read_bytes(data, name)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadError, match="^cannot open"):
        read_document(tmp_path / "nope.pdf")
    with pytest.raises(ReadError, match="^not a regular file"):
        read_document(tmp_path)


def test_unknown_suffix_text_is_read_as_text():
    doc = read_bytes("Соглашение с Абхазией".encode("cp1251"), "notes.log")
    assert doc.format == "txt" and doc.text == "Соглашение с Абхазией"


@pytest.mark.parametrize("name", ["attachment", "file.bin", "file.dat"])
def test_sniffing_finds_docx_and_html(name):
    assert read_bytes(build_docx([("p", "Тыва и Монголия")]), name).format == "docx"
    assert read_bytes(b"<!DOCTYPE html><p>Tuva</p>", name).format == "html"


def test_suffix_is_case_insensitive():
    assert read_bytes(b"<p>Tuva</p>", "PAGE.HTM").format == "html"


def test_library_errors_never_escape(monkeypatch):
    from coopatlas.ingest import read

    def explode(data, path, limits):
        raise KeyError("word/styles.xml")

    monkeypatch.setitem(read.READERS, "docx", explode)
    with pytest.raises(ReadError, match=r"^cannot read x\.docx: KeyError: 'word/styles.xml'$"):
        read_bytes(b"PK", "x.docx")


def test_read_error_is_a_coopatlas_error():
    assert issubclass(ReadError, CoopatlasError)


def test_returns_raw_document(write):
    doc = read_document(write("a.md", "# Заголовок\nТекст".encode()))
    assert isinstance(doc, RawDocument) and doc.path.endswith("a.md") and doc.pages == ()
