"""Decode bytes to text: byte-order marks, strict UTF-8, then the best single-byte code page.

The only module that imports charset-normalizer. Its guess is one candidate among the Cyrillic
code pages common in this corpus; the candidate whose decoding looks most like real writing
(``cyrillic.plausibility``) wins, ties going to the earlier, more common code page.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

from coopatlas.errors import ReadError
from coopatlas.ingest.cyrillic import plausibility

CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
FALLBACK_CODEPAGES = CYRILLIC_CODEPAGES + ("cp1252",)
SAMPLE_BYTES = 65_536
GUESS_BYTES = 262_144
MAX_CONTROL_BYTE_RATIO = 0.02
MIN_PRINTABLE_RATIO = 0.95

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python's canonical codec name: cp1251, koi8-r, utf-8, utf-8-sig, utf-16…


def decode_text(data: bytes) -> Decoded:
    """Decode ``data`` or raise ``ReadError("binary file, not text")``."""
    decoded = _decode_with_bom(data) or _decode_utf8(data) or _decode_single_byte(data)
    if not looks_printable(decoded.text):
        raise ReadError("binary file, not text")
    return decoded


def decode_declared(data: bytes, label: str) -> Decoded | None:
    """Decode with a declared charset label (HTML meta); None when unknown or not matching."""
    name = codec_name(label)
    if name is None:
        return None
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError:
        return None


def codec_name(label: str) -> str | None:
    try:
        info = codecs.lookup(label.strip().lower())
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def looks_printable(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t\r\f")
    return printable >= MIN_PRINTABLE_RATIO * len(sample)


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    return None


def _decode_utf8(data: bytes) -> Decoded | None:
    _refuse_binary(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _refuse_binary(data: bytes) -> None:
    sample = data[:SAMPLE_BYTES]
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    if b"\x00" in sample or controls > MAX_CONTROL_BYTE_RATIO * len(sample):
        raise ReadError("binary file, not text")


def _decode_single_byte(data: bytes) -> Decoded:
    sample = data[:SAMPLE_BYTES]
    scored = [(plausibility(text), -rank, name)
              for rank, name in enumerate(_candidates(data))
              if (text := _try_decode(sample, name)) is not None]
    if not scored:
        raise ReadError("binary file, not text")
    name = max(scored)[2]
    return Decoded(data.decode(name, errors="replace"), codec_name(name) or name)


def _candidates(data: bytes) -> tuple[str, ...]:
    guess = _guess(data[:GUESS_BYTES])
    extra = (guess,) if guess and guess not in FALLBACK_CODEPAGES else ()
    return FALLBACK_CODEPAGES + extra


def _guess(data: bytes) -> str | None:
    match = charset_normalizer.from_bytes(data).best()
    return None if match is None else codec_name(match.encoding)


def _try_decode(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None
