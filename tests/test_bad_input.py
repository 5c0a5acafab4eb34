"""Bad input never stops a batch: each bad file is one stderr line and one JSON line with an error.

A batch mixes good files (UTF-8, windows-1251 and KOI8-R text, a PDF, a DOCX, malformed but readable
HTML, a folder) with bad ones (empty, binary garbage named .txt, a truncated PDF, random bytes named
.docx, an encrypted PDF, a PDF without a text layer, a refused suffix, a missing path). The batch runs
in a real ``coopatlas`` process (exit status and the absence of tracebacks are what a user sees);
smaller cases run in-process. Property tests: ``extract_text`` on any text keeps its evidence exact
and never raises; ``extract_file`` on any bytes gives a result or a ``CoopatlasError``.
"""
from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coopatlas
from coopatlas.cli import main
from coopatlas.errors import CoopatlasError
from coopatlas.ingest import read_document

COOPATLAS = Path(sys.executable).with_name("coopatlas")
STDERR_LINE = re.compile(r"^coopatlas: (?P<path>.+?): (?P<reason>\S.*)$")

RU = (
    "Правительство Калужской области\n"
    "Раздел 6. Межрегиональное и международное сотрудничество\n"
    "В 2022 году подписано соглашение о сотрудничестве с Минской областью Республики Беларусь. "
    "Проведены Дни культуры Калужской области, товарооборот за год вырос на 18 %.\n"
    "Область развивает торгово-экономическое сотрудничество с Тульской областью.\n"
)
EN = (
    "Government of the Republic of Tatarstan\n"
    "In 2021 the Republic of Tatarstan signed a cooperation agreement with the Samarkand Region of "
    "Uzbekistan on trade and education.\n"
)


# --- builders -----------------------------------------------------------------------------------

def pdf_bytes(text: str | None = None, *, rectangle: bool = False, password: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.add_page()
    if text:
        pdf.multi_cell(0, 7, text)
    if rectangle:
        pdf.rect(20, 20, 120, 60, style="F")
    return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def malformed_html(text: str) -> bytes:
    """Unclosed and mis-nested tags, a stray end tag, bare & and <, no closing body/html."""
    title, *rest = text.splitlines()
    body = "".join(f"<p>{line}<span>" for line in rest)
    return (f"<html><head><title>{title}</title><meta charset=utf-8><body><div><h1>{title}</h2></span>"
            f"<table><tr><td>R&D < 5 </b><i>{body}</div></div></td><li>").encode("utf-8")


@cache
def good_pdf() -> bytes:
    return pdf_bytes(EN)


@cache
def good_docx() -> bytes:
    return docx_bytes(RU)


GOOD = {  # name → bytes; each is read and gives its normal facts
    "ru-utf8.txt": RU.encode("utf-8"),
    "ru-cp1251.txt": RU.encode("windows-1251"),
    "ru-koi8r.txt": RU.encode("koi8-r"),
    "en.pdf": None,  # built lazily (fpdf2)
    "ru.docx": None,
    "malformed.html": malformed_html(RU),
    "folder/inside.txt": EN.encode("utf-8"),
}
BAD = {  # name → bytes, or None for a path that is not created
    "empty.txt": b"",
    "garbage.txt": random.Random(1).randbytes(4000),
    "truncated.pdf": None,
    "corrupt.docx": random.Random(2).randbytes(4000),
    "encrypted.pdf": None,
    "scanned.pdf": None,
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
    "folder/blank.txt": b"  \n\n \t\n",
    "missing.txt": None,
}
PARTIES = {  # a good file → parties one of its facts must have
    "ru-utf8.txt": ["BY-MI", "RU-KLU"], "ru-cp1251.txt": ["BY-MI", "RU-KLU"], "ru-koi8r.txt": ["BY-MI", "RU-KLU"],
    "ru.docx": ["BY-MI", "RU-KLU"], "malformed.html": ["BY-MI", "RU-KLU"],
    "en.pdf": ["RU-TA", "UZ-SA"], "folder/inside.txt": ["RU-TA", "UZ-SA"],
}


def file_bytes(name: str) -> bytes | None:
    built = {"en.pdf": good_pdf, "ru.docx": good_docx, "truncated.pdf": lambda: good_pdf()[: len(good_pdf()) // 2],
             "encrypted.pdf": lambda: pdf_bytes(EN, password="secret"),
             "scanned.pdf": lambda: pdf_bytes(rectangle=True)}
    if name in built:
        return built[name]()
    return {**GOOD, **BAD}[name]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    for name in [*GOOD, *BAD]:
        data = file_bytes(name)
        if data is not None:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    return folder


def arguments() -> list[str]:
    """What is passed on the command line: every top-level file, the folder, the missing path."""
    return sorted({name.split("/")[0] for name in [*GOOD, *BAD]})


def json_lines(stdout: str) -> dict[str, dict]:
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    by_name = {r["document"]: r for r in records}
    assert len(by_name) == len(records), "a document printed twice"
    return by_name


def check_good(record: dict, path: Path, name: str) -> None:
    assert "error" not in record, record
    text = read_document(path).text
    for fact in record["facts"]:
        assert fact["evidence"]
        for ev in fact["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"], (name, ev)
    assert PARTIES[name] in [f["parties"] for f in record["facts"]], (name, record["facts"])


# --- the mixed batch in a real process ----------------------------------------------------------

@pytest.fixture(scope="module")
def batch_run(batch) -> subprocess.CompletedProcess:
    assert COOPATLAS.exists(), COOPATLAS
    return subprocess.run([str(COOPATLAS), "extract", *arguments()], cwd=batch, capture_output=True,
                          text=True, timeout=120)


def test_batch_exit_status_is_1_and_nothing_crashes(batch_run):
    assert batch_run.returncode == 1, batch_run.stderr
    assert "Traceback" not in batch_run.stdout
    assert "Traceback" not in batch_run.stderr


def test_every_bad_file_is_one_stderr_line(batch_run):
    lines = batch_run.stderr.splitlines()
    parsed = [STDERR_LINE.match(line) for line in lines]
    assert all(parsed), [line for line, m in zip(lines, parsed) if not m]
    paths = [m["path"] for m in parsed]
    assert sorted(paths) == sorted(BAD), lines
    for m in parsed:
        assert len(m["reason"]) > 3


def test_every_file_has_one_json_line(batch_run):
    by_name = json_lines(batch_run.stdout)
    assert set(by_name) == set(GOOD) | set(BAD)


def test_bad_files_give_an_error_line(batch_run):
    by_name = json_lines(batch_run.stdout)
    reasons = {m["path"]: m["reason"] for m in map(STDERR_LINE.match, batch_run.stderr.splitlines()) if m}
    for name in BAD:
        record = by_name[name]
        assert record.get("error"), record
        assert record["facts"] == []
        assert record["error"] == reasons[name]


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_files_are_still_processed(batch_run, batch, name):
    check_good(json_lines(batch_run.stdout)[name], batch / name, name)


def test_single_byte_encodings_read_like_utf8(batch):
    utf8 = read_document(batch / "ru-utf8.txt").text
    assert read_document(batch / "ru-cp1251.txt").text == utf8
    assert read_document(batch / "ru-koi8r.txt").text == utf8


def test_single_byte_encodings_give_the_same_facts(batch_run):
    by_name = json_lines(batch_run.stdout)
    expected = by_name["ru-utf8.txt"]["facts"]
    assert expected
    assert by_name["ru-cp1251.txt"]["facts"] == expected
    assert by_name["ru-koi8r.txt"]["facts"] == expected


# --- smaller cases in-process -------------------------------------------------------------------

@pytest.fixture
def in_batch(batch, monkeypatch) -> Path:
    monkeypatch.chdir(batch)
    return batch


def test_good_files_only_exit_0(in_batch):
    names = [n for n in GOOD if "/" not in n]
    result = CliRunner().invoke(main, ["extract", *names])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert set(json_lines(result.stdout)) == set(names)


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_alone(in_batch, name):
    result = CliRunner().invoke(main, ["extract", name])
    assert result.exit_code == 1, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    (line,) = result.stderr.splitlines()
    assert STDERR_LINE.match(line)["path"] == name
    (record,) = json_lines(result.stdout).values()
    assert record["document"] == name and record["error"]


def test_bad_files_in_summary_mode(in_batch):
    result = CliRunner().invoke(main, ["extract", "--summary", "ru-utf8.txt", "empty.txt", "missing.txt"])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 2
    assert "3 documents" in result.stdout and "2 failed." in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["missing.txt", "folder"])
def test_extract_file_refuses_what_is_not_a_file(batch, name):
    with pytest.raises(CoopatlasError):
        coopatlas.extract_file(batch / name)


# --- properties ---------------------------------------------------------------------------------

FRAGMENTS = [
    "Правительство Калужской области\n", "соглашение о сотрудничестве с ", "Минской областью ",
    "Республики Беларусь", "Тульской областью", ". ", "\n", "в 2023 году ", "подписано ", "проведены ",
    "Дни культуры ", "товарооборот вырос на 18 %", "торгово-экономическое сотрудничество ",
    "Republic of Tatarstan ", "signed an agreement with ", "Samarkand Region", "Uzbekistan",
    "«", "»", "–", "\u00ad", "\u0301", "ё", "Ё", " \u00a0", "\r\n", "\t", "𝔘", "🙂", "ﬁ",
]
pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=25).map("".join)


@st.composite
def noisy_documents(draw) -> str:
    """A real document with random text (soft hyphens, accents, emoji, …) inserted here and there."""
    text = draw(st.sampled_from([RU, EN, RU + EN]))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4))) + text[at:]
    return text


texts = st.one_of(pieces, noisy_documents())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, author=st.sampled_from([None, "RU-KLU", "RU-TA"]))
def test_extract_text_keeps_evidence_exact_and_never_raises(text, author):
    result = coopatlas.extract_text(text, author=author)
    assert isinstance(result, coopatlas.DocumentResult)
    json.dumps(result.to_json(), ensure_ascii=False)
    for fact in result.facts:
        assert fact.evidence
        for ev in fact.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert text[ev.start:ev.end] == ev.quote


@st.composite
def file_contents(draw) -> bytes:
    kind = draw(st.sampled_from(["random", "prefixed", "truncated", "mutated"]))
    if kind == "random":
        return draw(st.binary(max_size=2000))
    if kind == "prefixed":
        head = draw(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf",
                                     b"\xff\xfe", RU.encode("utf-8"), RU.encode("koi8-r")]))
        return head + draw(st.binary(max_size=500))
    real = draw(st.sampled_from([good_pdf, good_docx, lambda: malformed_html(RU)]))()
    if kind == "truncated":
        return real[: draw(st.integers(0, len(real)))]
    data = bytearray(real)
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("property-files")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=file_contents(), suffix=st.sampled_from([".txt", ".html", ".pdf", ".docx"]))
def test_extract_file_gives_a_result_or_a_coopatlas_error(scratch, data, suffix):
    path = scratch / f"input{suffix}"
    path.write_bytes(data)
    try:
        result = coopatlas.extract_file(path)
    except CoopatlasError as error:
        assert str(error).strip() and "\n" not in str(error)
        return
    assert isinstance(result, coopatlas.DocumentResult)
    text = read_document(path).text
    for fact in result.facts:
        for ev in fact.evidence:
            assert text[ev.start:ev.end] == ev.quote


def _explode_on_marker(real):
    def extract_text(text, *args, **kwargs):
        if "ВЗРЫВ" in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)
    return extract_text


def test_a_bug_on_one_document_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    import coopatlas.extract as ex

    monkeypatch.setattr(ex, "extract_text", _explode_on_marker(ex.extract_text))
    (tmp_path / "a-bug.txt").write_text("ВЗРЫВ " + RU, encoding="utf-8")
    (tmp_path / "good.txt").write_text(RU, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a-bug.txt"), str(tmp_path / "good.txt")])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert "internal error in the extractor (IndexError" in lines[0]["error"]
    assert lines[1]["facts"] and "error" not in lines[1]
    assert "Traceback" not in result.output


def test_a_bug_on_one_document_does_not_stop_a_build(tmp_path, monkeypatch):
    import coopatlas.extract as ex
    from coopatlas.build import build_atlas

    monkeypatch.setattr(ex, "extract_text", _explode_on_marker(ex.extract_text))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-bug.txt").write_text("ВЗРЫВ " + RU, encoding="utf-8")
    (corpus / "good.txt").write_text(RU, encoding="utf-8")
    report = build_atlas([corpus], tmp_path / "atlas.db")
    assert [(Path(p).name, "internal error" in reason) for p, reason in report.problems] == [("a-bug.txt", True)]
    assert report.stored == 1 and report.failed == 1 and report.facts > 0
