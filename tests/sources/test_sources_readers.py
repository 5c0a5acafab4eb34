"""The readers added for the atlas build: RTF, ODT, legacy DOC, OCR of scanned PDFs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coopatlas.errors import ReadError
from coopatlas.ingest import ReadLimits, read_bytes, read_document
from coopatlas.ingest import tool
from coopatlas.ingest.doc import antiword_command, catdoc_command, first_success
from coopatlas.ingest.ocr import render_scale
from coopatlas.ingest.rtf import rtf_codepage
from coopatlas.ingest.tesseract import missing_languages, tesseract_command
from coopatlas.ingest.tool import ToolMissing, run_tool

from sources_builders import DEJAVU, build_odt, rtf_cp1251, scanned_pdf, tesseract_with

AGREEMENT = "Соглашение о сотрудничестве между Калужской областью и Минской областью"


# --- RTF ---------------------------------------------------------------------------------------------

def test_rtf_cp1251_escapes_are_decoded_with_the_declared_code_page():
    doc = read_bytes(rtf_cp1251(AGREEMENT + "\nСтороны развивают торговлю."), "letter.rtf")
    assert doc.format == "rtf" and doc.encoding == "cp1251"
    assert doc.text.splitlines()[:2] == [AGREEMENT, "Стороны развивают торговлю."]


def test_rtf_without_ansicpg_uses_the_cyrillic_font_charset():
    data = rtf_cp1251("Псковская область", declare=False)
    assert rtf_codepage(data) == "cp1251"
    assert "Псковская область" in read_bytes(data, "x.rtf").text


def test_rtf_default_code_page_and_unicode_escapes():
    assert rtf_codepage(b"{\\rtf1\\ansi Hello}") == "cp1252"
    doc = read_bytes(b"{\\rtf1\\ansi\\ansicpg1252 Caf\\'e9 \\u1058?\\u1099? \\par}", "cafe.rtf")
    assert doc.text.strip() == "Café Ты"


def test_rtf_title_and_sniffing_without_suffix():
    doc = read_bytes(rtf_cp1251("Текст", title="Меморандум"), "attachment")
    assert doc.format == "rtf" and doc.title == "Меморандум"


def test_rtf_without_header_is_corrupt():
    with pytest.raises(ReadError, match=r"^corrupt RTF: no \{\\rtf header$"):
        read_bytes(b"just text pretending", "fake.rtf")


# --- ODT ---------------------------------------------------------------------------------------------

def test_odt_paragraphs_headings_lists_and_tables():
    data = build_odt([
        ("h", "План мероприятий"),
        ("p", "Калужская область и Минская область проводят ярмарку."),
        ("list", ["первый пункт", "второй пункт"]),
        ("table", [["Мероприятие", "Срок"], ["Ярмарка", "2024"]]),
    ], title="План на 2024 год")
    doc = read_bytes(data, "plan.odt")
    assert doc.format == "odt" and doc.title == "План на 2024 год"
    assert doc.text.splitlines() == [
        "План мероприятий", "Калужская область и Минская область проводят ярмарку.",
        "первый пункт", "второй пункт", "Мероприятие | Срок", "Ярмарка | 2024",
    ]


def test_odt_title_falls_back_to_the_first_heading_and_is_sniffed():
    doc = read_bytes(build_odt([("p", "вступление"), ("h", "Стратегия"), ("p", "текст")]), "download.bin")
    assert doc.format == "odt" and doc.title == "Стратегия"


def test_corrupt_odt():
    with pytest.raises(ReadError, match="^corrupt ODT: not a zip archive"):
        read_bytes(b"PK\x03\x04 broken", "broken.odt")


def test_odt_expanding_too_much_is_refused():
    with pytest.raises(ReadError, match="^archive expands too much$"):
        read_bytes(build_odt([("p", "x" * 5000)]), "big.odt", max_expanded=1000)


# --- DOC: a real Word 97 file (tests/data/legacy, made once with LibreOffice), the adapter's commands,
# its fallback order and its error paths ------

LEGACY_DOC = Path(__file__).resolve().parent.parent / "data" / "legacy" / "soglashenie-vologda-karelia.doc"


@pytest.mark.parametrize("program", ["antiword", "catdoc"])
def test_real_word97_file_reads_with_either_program(program, monkeypatch):
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed (scripts/system-deps.sh)")
    other = {"antiword": "catdoc", "catdoc": "antiword"}[program]
    real_which = tool.shutil.which
    monkeypatch.setattr(tool.shutil, "which", lambda name: None if name == other else real_which(name))
    document = read_bytes(LEGACY_DOC.read_bytes(), "soglashenie.doc")
    assert document.format == "doc"
    assert "Правительством Республики Карелия о торгово-экономическом" in document.text
    assert "«Онежское кольцо»" in document.text
    assert document.text.count("Стороны ") == 2  # both paragraphs that start with it, nothing doubled


def test_real_word97_file_gives_facts():
    if shutil.which("antiword") is None and shutil.which("catdoc") is None:
        pytest.skip("neither antiword nor catdoc is installed (scripts/system-deps.sh)")
    from coopatlas.extract import extract_text

    document = read_bytes(LEGACY_DOC.read_bytes(), "soglashenie.doc")
    result = extract_text(document.text, author="RU-VLG")
    partners = {p for fact in result.facts for p in fact.parties} - {"RU-VLG"}
    assert partners == {"RU-KR"}
    assert {"trade_investment", "tourism", "culture"} <= {s for fact in result.facts for s in fact.spheres}

def test_doc_commands_are_argument_lists_with_utf8_output():
    assert antiword_command("/tmp/x.doc") == ["antiword", "-m", "UTF-8.txt", "-w", "0", "/tmp/x.doc"]
    assert catdoc_command("/tmp/x.doc") == ["catdoc", "-d", "utf-8", "-w", "/tmp/x.doc"]


def test_doc_without_ole_header_is_refused_before_any_program_runs(monkeypatch):
    monkeypatch.setattr(tool.shutil, "which", lambda name: pytest.fail("no program should run"))
    with pytest.raises(ReadError, match="^corrupt DOC: not an OLE compound document"):
        read_bytes(b"plain words in a .doc file", "notes.doc")


@pytest.mark.skipif(shutil.which("antiword") is None and shutil.which("catdoc") is None,
                    reason="neither antiword nor catdoc is installed (scripts/system-deps.sh)")
def test_broken_ole_file_gives_a_clean_reason_naming_the_file_not_the_temporary_copy():
    with pytest.raises(ReadError) as caught:
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.doc")
    message = str(caught.value)
    assert message.startswith("corrupt DOC: ") and "coopatlas-doc-" not in message


def test_doc_without_either_program(monkeypatch):
    monkeypatch.setattr(tool.shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="^cannot read .doc: neither antiword nor catdoc is installed"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.doc")


def test_first_success_falls_back_to_the_next_program():
    assert first_success([["false"], ["printf", "текст"]], 5, hide="", shown="") == "текст".encode()
    assert first_success([["no-such-program-xyz"], ["printf", "ok"]], 5, hide="", shown="") == b"ok"


def test_run_tool_timeout_missing_program_and_stdin():
    with pytest.raises(ReadError, match=r"^sleep timed out after 0.2 s$"):
        run_tool(["sleep", "5"], timeout=0.2)
    with pytest.raises(ToolMissing, match="^no-such-program-xyz is not installed"):
        run_tool(["no-such-program-xyz"])
    assert run_tool(["cat"], stdin=b"piped") == b"piped"
    with pytest.raises(ReadError, match=r"^sh failed: exit code 3$"):
        run_tool(["sh", "-c", "exit 3"])


# --- OCR ---------------------------------------------------------------------------------------------

def test_tesseract_command_reads_stdin_and_writes_stdout():
    assert tesseract_command("rus+eng", 300) == ["tesseract", "stdin", "stdout", "-l", "rus+eng", "--dpi", "300",
                                                 "--psm", "3"]
    assert missing_languages("rus+eng", {"eng", "osd"}) == ["rus"]


def test_render_scale_caps_the_bitmap():
    assert render_scale(595, 842, 300) == pytest.approx(300 / 72)
    huge = render_scale(14400, 14400, 300, max_pixels=40_000_000)
    assert (14400 * huge) ** 2 <= 40_000_001


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    import os

    if not os.path.exists(DEJAVU):
        pytest.skip("DejaVuSans is missing: install fonts-dejavu-core")
    path = tmp_path_factory.mktemp("ocr") / "scan.pdf"
    path.write_bytes(scanned_pdf(["Калужская область", "Минская область"]))
    return path


def test_scanned_pdf_without_ocr_keeps_the_no_text_layer_error(scanned):
    with pytest.raises(ReadError, match="^PDF has no text layer"):
        read_document(scanned)


def test_ocr_reads_a_scanned_pdf_in_russian(scanned):
    reason = tesseract_with("rus", "eng")
    if reason:
        pytest.skip(reason)
    doc = read_document(scanned, ocr=True)
    assert doc.format == "pdf" and doc.encoding == "ocr" and doc.pages == (0,)
    assert "Калужская область" in doc.text


def test_ocr_page_limits(scanned):
    with pytest.raises(ReadError, match=r"^too many pages for OCR: 1 > 0$"):
        read_document(scanned, limits=ReadLimits(ocr=True, ocr_max_pages=0))
    with pytest.raises(ReadError, match=r"^too many pages: 1 > 0$"):
        read_document(scanned, limits=ReadLimits(max_pages=0))


def test_ocr_flag_on_limits_and_missing_tesseract(scanned, monkeypatch):
    monkeypatch.setattr(tool.shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="^tesseract is not installed"):
        read_document(scanned, limits=ReadLimits(ocr=True))


@pytest.mark.parametrize("suffix", [".rtf", ".odt", ".doc"])
@pytest.mark.parametrize("seed", range(5))
def test_any_bytes_give_a_document_or_a_read_error(suffix, seed):
    import random

    prefixes = {".rtf": b"{\\rtf1\\ansi ", ".odt": b"PK\x03\x04", ".doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"}
    data = prefixes[suffix] + random.Random(seed).randbytes(300 * (seed + 1))
    try:
        read_bytes(data, "random" + suffix)
    except ReadError:
        pass
