"""PDF reading with an optional OCR pass, and the page limit.

``read_pdf_checked`` is the reader registered for PDFs: it refuses a PDF with more pages than
``max_pages``, reads the text layer (``pdf.read_pdf``) and, only when the text layer is empty and
OCR is switched on (``ReadLimits.ocr``), renders each page with pypdfium2 and reads it with
Tesseract (``tesseract.py``). Pages are rendered at ``ocr_dpi`` but never larger than
``MAX_PIXELS``, so a page with a giant media box cannot exhaust memory.

This module and ``pdf.py`` are the two that import pypdfium2: one reads text, one renders.
"""
from __future__ import annotations

import io
import math
from contextlib import closing

import pypdfium2 as pdfium

from coopatlas.errors import ReadError
from coopatlas.ingest.clean import clean_text, is_blank
from coopatlas.ingest.hyphenation import join_hyphenation
from coopatlas.ingest.limits import Limits
from coopatlas.ingest.options import ReadLimits
from coopatlas.ingest.pdf import _open, join_pages, read_pdf  # _open: the reader's own errors (encrypted, corrupt)
from coopatlas.ingest.tesseract import recognise
from coopatlas.model import RawDocument

NO_TEXT_LAYER = "PDF has no text layer"  # how pdf.read_pdf's message starts
MAX_PIXELS = 40_000_000
_DEFAULTS = ReadLimits()


def read_pdf_checked(data: bytes, path: str, limits: Limits) -> RawDocument:
    max_pages = _option(limits, "max_pages")
    count = page_count(data)
    if count > max_pages:
        raise ReadError(f"too many pages: {count} > {max_pages}")
    try:
        return read_pdf(data, path, limits)
    except ReadError as error:
        if not (_option(limits, "ocr") and str(error).startswith(NO_TEXT_LAYER)):
            raise
    return ocr_pdf(data, path, limits)


def ocr_pdf(data: bytes, path: str, limits: Limits) -> RawDocument:
    """Every page rendered and read by Tesseract; pages offsets as for a text PDF."""
    count = page_count(data)
    if count > _option(limits, "ocr_max_pages"):
        raise ReadError(f"too many pages for OCR: {count} > {_option(limits, 'ocr_max_pages')}")
    pages = [join_hyphenation(clean_text(recognise(png, languages=_option(limits, "ocr_languages"),
                                                   dpi=_option(limits, "ocr_dpi"),
                                                   timeout=_option(limits, "tool_timeout"))))
             for png in render_pages(data, _option(limits, "ocr_dpi"))]
    if all(is_blank(page) for page in pages):
        raise ReadError("PDF has no text layer and OCR found no text")
    text, starts = join_pages(pages)
    return RawDocument(path=path, text=text, format="pdf", encoding="ocr", pages=starts)


def page_count(data: bytes) -> int:
    with closing(_open(data)) as document:
        return len(document)


def render_pages(data: bytes, dpi: int):
    """PNG bytes of each page, one at a time (only one bitmap is alive at once)."""
    with closing(_open(data)) as document:
        for index in range(len(document)):
            with closing(document[index]) as page:
                yield _render(page, dpi, index)


def render_scale(width_pt: float, height_pt: float, dpi: int, max_pixels: int = MAX_PIXELS) -> float:
    """Points to pixels at ``dpi``, reduced so that the bitmap stays within ``max_pixels``."""
    scale = dpi / 72
    area = max(width_pt * height_pt * scale * scale, 1.0)
    return scale if area <= max_pixels else scale * math.sqrt(max_pixels / area)


def _render(page: pdfium.PdfPage, dpi: int, index: int) -> bytes:
    width, height = page.get_size()
    try:
        bitmap = page.render(scale=render_scale(width, height, dpi), grayscale=True)
    except pdfium.PdfiumError as error:
        raise ReadError(f"corrupt PDF: page {index + 1} cannot be rendered ({error})") from None
    buffer = io.BytesIO()
    with closing(bitmap):  # the PIL image shares the bitmap's memory: encode before closing
        bitmap.to_pil().save(buffer, format="PNG")
    return buffer.getvalue()


def _option(limits: Limits, name: str):
    return getattr(limits, name, getattr(_DEFAULTS, name))
