"""Readers: one per format (txt, html, pdf, docx), each returning a RawDocument.

    from coopatlas.ingest import read_document, read_bytes
    doc = read_document("strategy.pdf")
    doc = read_bytes(data, "page.html")

Failures raise ``coopatlas.errors.ReadError`` with a one-line reason.
"""
from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.limits import Limits
from coopatlas.ingest.read import read_bytes, read_document

__all__ = ["Limits", "clean_text", "read_bytes", "read_document"]
