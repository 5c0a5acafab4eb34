"""The limits the atlas build reads with: one declarative table, defaults that are safe.

Each ``Setting`` has a name, a default, a type and help text; ``Settings`` is the frozen record the
walker and the readers receive. ``parse_settings({"max_file_bytes": "5000000"})`` turns strings
(from a command line ``--set name=value`` or a config file) into a ``Settings``, refusing unknown
names and bad values with a ``SettingsError``. ``settings_help()`` prints the table for the docs.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from coopatlas.errors import CoopatlasError
from coopatlas.ingest.options import ReadLimits

MB = 1_000_000


class SettingsError(CoopatlasError):
    """An unknown setting or a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: int | float | bool | str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_file_bytes", 100 * MB, "Largest file (or archive member) read, in bytes; larger ones are recorded as too large."),
    Setting("max_expanded_bytes", 200 * MB, "Largest uncompressed main part of a DOCX or ODT, in bytes."),
    Setting("max_archive_total_bytes", 1000 * MB, "Largest total uncompressed size of one .zip archive (nested archives included), in bytes."),
    Setting("max_archive_ratio", 100, "Largest uncompressed / compressed size ratio of an archive member; above it the member is treated as a zip bomb."),
    Setting("ratio_floor_bytes", 1 * MB, "Members smaller than this (uncompressed) are not checked for their ratio: small text compresses well."),
    Setting("max_archive_members", 10_000, "Most members one .zip archive may have."),
    Setting("max_archive_depth", 2, "Deepest nesting of .zip archives read (1: no zip inside a zip)."),
    Setting("max_pdf_pages", 2_000, "Most pages of a PDF read."),
    Setting("ocr", False, "Run PDFs without a text layer through Tesseract (Russian and English)."),
    Setting("ocr_max_pages", 500, "Most pages of one PDF sent to OCR."),
    Setting("ocr_dpi", 300, "Resolution pages are rendered at for OCR."),
    Setting("ocr_languages", "rus+eng", "Tesseract languages, joined with +."),
    Setting("tool_timeout", 120.0, "Seconds one run of antiword, catdoc or tesseract (one page) may take."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    max_file_bytes: int = 100 * MB
    max_expanded_bytes: int = 200 * MB
    max_archive_total_bytes: int = 1000 * MB
    max_archive_ratio: int = 100
    ratio_floor_bytes: int = 1 * MB
    max_archive_members: int = 10_000
    max_archive_depth: int = 2
    max_pdf_pages: int = 2_000
    ocr: bool = False
    ocr_max_pages: int = 500
    ocr_dpi: int = 300
    ocr_languages: str = "rus+eng"
    tool_timeout: float = 120.0

    def read_limits(self) -> ReadLimits:
        """The readers' view of these settings."""
        return ReadLimits(max_bytes=self.max_file_bytes, max_expanded=self.max_expanded_bytes,
                          max_pages=self.max_pdf_pages, ocr=self.ocr, ocr_max_pages=self.ocr_max_pages,
                          ocr_dpi=self.ocr_dpi, ocr_languages=self.ocr_languages, tool_timeout=self.tool_timeout)


def parse_settings(values: Mapping[str, str | int | float | bool], base: Settings | None = None) -> Settings:
    """``base`` (the defaults) with ``values`` applied; strings are converted to the setting's type."""
    changes = {name: _convert(name, value) for name, value in values.items()}
    return replace(base or Settings(), **changes)


def parse_assignments(pairs: list[str], base: Settings | None = None) -> Settings:
    """``["max_file_bytes=5000000", "ocr=yes"]`` → Settings."""
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise SettingsError(f"setting {pair!r}: expected name=value")
        values[name.strip()] = value.strip()
    return parse_settings(values, base)


def settings_help() -> str:
    """One line per setting: name, default, help (for docs and ``--help``)."""
    return "\n".join(f"{s.name} (default {s.default!r}): {s.help}" for s in SETTINGS)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _convert(name: str, value):
    if name not in _BY_NAME:
        raise SettingsError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")
    kind = type(_BY_NAME[name].default)
    try:
        converted = _to_kind(kind, value)
    except ValueError:
        raise SettingsError(f"setting {name}: {value!r} is not a valid {kind.__name__}") from None
    if kind in (int, float) and converted <= 0:
        raise SettingsError(f"setting {name}: must be positive, not {value!r}")
    return converted


def _to_kind(kind: type, value):
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise ValueError(value)
    if kind is int:
        if isinstance(value, bool):
            raise ValueError(value)
        return int(str(value).replace("_", "")) if not isinstance(value, int) else value
    if kind is float:
        return float(value)
    return str(value)

