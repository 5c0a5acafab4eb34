"""Readers: one per format (txt, html, pdf, docx, doc, odt, rtf), each returning a RawDocument.

    from coopatlas.ingest import read_document, read_bytes
    doc = read_document("strategy.pdf")
    doc = read_bytes(data, "page.html")
    doc = read_document("scan.pdf", ocr=True)   # Tesseract for PDFs without a text layer

Failures raise ``coopatlas.errors.ReadError`` with a one-line reason.
"""
from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.limits import Limits
from coopatlas.ingest.options import ReadLimits
from coopatlas.ingest.read import read_bytes, read_document

__all__ = ["Limits", "ReadLimits", "clean_text", "read_bytes", "read_document"]
