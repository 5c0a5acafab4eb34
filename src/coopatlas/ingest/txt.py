"""Plain text reader: detect the encoding, clean, done."""
from __future__ import annotations

from coopatlas.ingest.clean import clean_text
from coopatlas.ingest.encoding import decode_text
from coopatlas.ingest.limits import Limits
from coopatlas.model import RawDocument


def read_txt(data: bytes, path: str, limits: Limits) -> RawDocument:
    decoded = decode_text(data)
    return RawDocument(path=path, text=clean_text(decoded.text), format="txt", encoding=decoded.encoding)
