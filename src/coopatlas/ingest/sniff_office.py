"""Recognise RTF, legacy Word and OpenDocument text from their first bytes (pure).

Checked before ``sniff.sniff_format``, which knows these formats only to refuse them.
"""
from __future__ import annotations

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # a directory entry name inside the OLE file
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def sniff_office(data: bytes) -> str | None:
    """'rtf', 'doc', 'odt', or None."""
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data.startswith(OLE_MAGIC) and WORD_STREAM in data:
        return "doc"
    if data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype" and data[38:38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE:
        return "odt"
    return None
