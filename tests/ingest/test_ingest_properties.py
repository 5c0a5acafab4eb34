"""Any bytes in, with any suffix: a RawDocument or a ReadError, never a library traceback."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from coopatlas.errors import ReadError
from coopatlas.ingest import read_bytes
from coopatlas.model import RawDocument

from ingest_builders import build_docx, build_pdf

SUFFIXES = [".txt", ".html", ".pdf", ".docx", ".png", ".bin", ""]
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]
SEEDS = {
    ".pdf": build_pdf(["Regional cooperation agreement.", "Second page."]),
    ".docx": build_docx([("p", "Тыва"), ("table", [["a", "b"]])]),
    ".html": "<meta charset='windows-1251'><p>Тыва<li>Монголия".encode("cp1251"),
    ".txt": "Соглашение о сотрудничестве".encode("koi8_r"),
}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except ReadError as error:
        assert str(error) and "\n" not in str(error)
        return error


@pytest.mark.parametrize("suffix", SUFFIXES)
@FAST
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600))
def test_arbitrary_bytes(suffix, prefix, body):
    result = outcome(prefix + body, "file" + suffix)
    assert isinstance(result, (RawDocument, ReadError))


@pytest.mark.parametrize("suffix", sorted(SEEDS))
@FAST
@given(data=st.data())
def test_damaged_real_documents(suffix, data):
    original = bytearray(SEEDS[suffix])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(original)))
    result = outcome(bytes(original[:cut]), "file" + suffix)
    assert isinstance(result, (RawDocument, ReadError))


@FAST
@given(text=st.text(max_size=300))
def test_text_round_trip_is_cleaned(text):
    result = outcome(text.encode("utf-8"), "t.txt")
    if isinstance(result, RawDocument):
        assert "\r" not in result.text and "\x00" not in result.text
