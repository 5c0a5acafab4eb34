"""PDF reader: the only module that imports pypdfium2.

Text is taken page by page, cleaned, de-hyphenated (``hyphenation.py``) and joined with one
``\\n`` between pages; ``RawDocument.pages`` holds the offset where each page starts. A break
across a page boundary is not joined. Every pdfium object is closed before returning.
"""
from __future__ import annotations

from contextlib import closing

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import clean_text, is_blank
from coopatlas.ingest.hyphenation import join_hyphenation
from coopatlas.ingest.limits import Limits
from coopatlas.model import RawDocument

PAGE_SEPARATOR = "\n"
_PASSWORD_ERRORS = frozenset({pdfium_raw.FPDF_ERR_PASSWORD, pdfium_raw.FPDF_ERR_SECURITY})


def read_pdf(data: bytes, path: str, limits: Limits) -> RawDocument:
    with closing(_open(data)) as document:
        pages = [_page_text(document, index) for index in range(len(document))]
        title = _title(document)
    if not pages:
        raise ReadError("corrupt PDF: no pages")
    if all(is_blank(page) for page in pages):
        raise ReadError("PDF has no text layer (scanned?); OCR is not enabled")
    text, starts = join_pages(pages)
    return RawDocument(path=path, text=text, format="pdf", title=title, pages=starts)


def join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(pages), tuple(starts)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) in _PASSWORD_ERRORS:
            raise ReadError("encrypted PDF") from None
        raise ReadError(f"corrupt PDF: {_reason(error)}") from None


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    try:
        with closing(document[index]) as page, closing(page.get_textpage()) as textpage:
            raw = textpage.get_text_range()
    except pdfium.PdfiumError as error:
        raise ReadError(f"corrupt PDF: page {index + 1}: {_reason(error)}") from None
    return join_hyphenation(clean_text(raw))


def _title(document: pdfium.PdfDocument) -> str | None:
    try:
        title = clean_text(document.get_metadata_value("Title")).strip()
    except (pdfium.PdfiumError, KeyError, ValueError):
        return None
    return title or None


def _reason(error: Exception) -> str:
    """``Failed to load document (PDFium: Data format error).`` → ``data format error``."""
    message = str(error).strip().rstrip(".")
    inner = message.partition("PDFium: ")[2].rstrip(")")
    return (inner or message or type(error).__name__).lower()
