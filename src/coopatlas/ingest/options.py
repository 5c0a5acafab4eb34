"""Reading options beyond the size limits: page limits, OCR, external-program timeouts.

``ReadLimits`` extends ``Limits``, so every reader receives it through the usual ``limits``
argument; readers that need none of the extra fields ignore them. The defaults mirror the
settings table in ``coopatlas.sources.settings``.
"""
from __future__ import annotations

from dataclasses import dataclass

from coopatlas.ingest.limits import Limits

DEFAULT_MAX_PAGES = 2_000
DEFAULT_OCR_MAX_PAGES = 500
DEFAULT_OCR_DPI = 300
DEFAULT_OCR_LANGUAGES = "rus+eng"
DEFAULT_TOOL_TIMEOUT = 120.0


@dataclass(frozen=True, slots=True)
class ReadLimits(Limits):
    max_pages: int = DEFAULT_MAX_PAGES            # pages of a PDF, with or without OCR
    ocr: bool = False                             # run PDFs without a text layer through Tesseract
    ocr_max_pages: int = DEFAULT_OCR_MAX_PAGES    # pages of one PDF sent to Tesseract
    ocr_dpi: int = DEFAULT_OCR_DPI                # rendering resolution for OCR
    ocr_languages: str = DEFAULT_OCR_LANGUAGES    # Tesseract's -l argument
    tool_timeout: float = DEFAULT_TOOL_TIMEOUT    # seconds for one run of antiword, catdoc or tesseract (one page)
