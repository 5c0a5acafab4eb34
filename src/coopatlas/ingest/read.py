"""Read a file into a RawDocument: choose a reader by suffix (or by sniffing), guard the edges.

Every failure leaves as ``ReadError`` with a one-line reason; library exceptions never escape.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Callable

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import is_blank
from coopatlas.ingest.doc import read_doc
from coopatlas.ingest.docx import read_docx
from coopatlas.ingest.encoding import decode_text
from coopatlas.ingest.html import read_html
from coopatlas.ingest.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_EXPANDED, Limits
from coopatlas.ingest.ocr import read_pdf_checked
from coopatlas.ingest.odt import read_odt
from coopatlas.ingest.options import ReadLimits
from coopatlas.ingest.rtf import read_rtf
from coopatlas.ingest.sniff import sniff_format
from coopatlas.ingest.sniff_office import sniff_office
from coopatlas.ingest.txt import read_txt
from coopatlas.model import RawDocument

Reader = Callable[[bytes, str, Limits], RawDocument]

READERS: dict[str, Reader] = {
    "txt": read_txt, "html": read_html, "pdf": read_pdf_checked, "docx": read_docx,
    "doc": read_doc, "odt": read_odt, "rtf": read_rtf,
}

SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc", ".dot": "doc",
    ".odt": "odt",
    ".rtf": "rtf",
}

# Suffixes refused outright: readable by someone, but reading them as plain text would be wrong.
REFUSED_SUFFIXES = frozenset({".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z"})


def read_document(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_expanded: int = DEFAULT_MAX_EXPANDED, ocr: bool = False,
                  limits: ReadLimits | None = None) -> RawDocument:
    """Read the file at ``path``; raise ``ReadError`` with a one-line reason when it cannot be read.

    ``ocr=True`` (or ``limits.ocr``) runs PDFs without a text layer through Tesseract; ``limits``,
    when given, replaces ``max_bytes`` and ``max_expanded``.
    """
    limits = _limits(max_bytes, max_expanded, ocr, limits)
    _check_size(_file_size(path), limits)
    return read_bytes(_read_file(path), os.fspath(path), limits=limits)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
               max_expanded: int = DEFAULT_MAX_EXPANDED, ocr: bool = False,
               limits: ReadLimits | None = None) -> RawDocument:
    """Read ``data``; the format comes from ``name``'s suffix, else from the first bytes."""
    limits = _limits(max_bytes, max_expanded, ocr, limits)
    _check_size(len(data), limits)
    if is_blank_bytes(data):
        raise ReadError("empty file")
    fmt = choose_format(data, name)
    document = _run_reader(READERS[fmt], data, name, limits)
    if is_blank(document.text):
        raise ReadError(f"empty document: no text found in {fmt.upper()}")
    return document


def _limits(max_bytes: int, max_expanded: int, ocr: bool, limits: ReadLimits | None) -> ReadLimits:
    if limits is None:
        return ReadLimits(max_bytes=max_bytes, max_expanded=max_expanded, ocr=ocr)
    return replace(limits, ocr=True) if ocr and not limits.ocr else limits


def choose_format(data: bytes, name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix in REFUSED_SUFFIXES:
        raise ReadError(f"unsupported format: {suffix}")
    sniffed = sniff_office(data) or sniff_format(data)
    if sniffed is None:
        return _text_or_refuse(data, suffix)
    if sniffed.startswith("unsupported:"):
        raise ReadError(f"unsupported format: {suffix or sniffed.removeprefix('unsupported:')}")
    return sniffed


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def is_blank_bytes(data: bytes) -> bool:
    """Nothing but a byte-order mark, ASCII whitespace and NULs (blank UTF-16 is mostly NULs)."""
    for bom in _BOMS:
        data = data.removeprefix(bom)
    return not data.replace(b"\x00", b"").strip()


def _text_or_refuse(data: bytes, suffix: str) -> str:
    """Unknown suffix and no known magic: accept it as text unless it looks binary."""
    try:
        decode_text(data[:65_536])
    except ReadError:
        raise ReadError(f"unsupported format: {suffix or '(no suffix)'}") from None
    return "txt"


def _run_reader(reader: Reader, data: bytes, name: str, limits: Limits) -> RawDocument:
    try:
        return reader(data, name, limits)
    except ReadError:
        raise
    except Exception as error:  # the edge: whatever a library raises becomes one clean line
        raise ReadError(f"cannot read {PurePath(name).name}: {_one_line(error)}") from error


def _one_line(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__


def _check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise ReadError(f"file too large: {size} bytes > {limits.max_bytes}")


def _file_size(path: str | os.PathLike) -> int:
    try:
        info = Path(path).stat()
    except OSError as error:
        raise ReadError(f"cannot open {os.fspath(path)}: {error.strerror or error}") from None
    if not Path(path).is_file():
        raise ReadError(f"not a regular file: {os.fspath(path)}")
    return info.st_size


def _read_file(path: str | os.PathLike) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ReadError(f"cannot read {os.fspath(path)}: {error.strerror or error}") from None
