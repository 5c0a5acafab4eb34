"""Guess a format from the first bytes when the file name does not tell (pure)."""
from __future__ import annotations

import io
import re
import zipfile

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_REFUSED = (  # formats recognised only to say clearly that they are not supported
    (b"{\\rtf", "rtf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office (.doc/.xls)"),
)


def sniff_format(data: bytes) -> str | None:
    """'pdf', 'docx', 'html', 'unsupported:<what>', or None (maybe plain text)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "unsupported:zip archive"
    if _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "html"
    for magic, what in _REFUSED:
        if head.startswith(magic):
            return f"unsupported:{what}"
    return None


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
