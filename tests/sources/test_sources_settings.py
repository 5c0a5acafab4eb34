"""The settings table: one declarative list with help, a frozen record, parsing with clear errors."""
from __future__ import annotations

from dataclasses import fields

import pytest

from coopatlas.ingest import ReadLimits
from coopatlas.sources import SETTINGS, Settings, SettingsError, parse_assignments, parse_settings, settings_help


def test_table_and_record_agree():
    assert {s.name: s.default for s in SETTINGS} == {f.name: f.default for f in fields(Settings)}
    assert all(s.help.strip() for s in SETTINGS)


def test_safe_defaults():
    s = Settings()
    assert (s.max_file_bytes, s.max_archive_total_bytes, s.max_archive_ratio, s.max_archive_members,
            s.max_pdf_pages, s.max_archive_depth, s.ocr) == (100_000_000, 1_000_000_000, 100, 10_000, 2_000, 2, False)


def test_read_limits_carry_the_reader_settings():
    limits = Settings(max_file_bytes=5, ocr=True, tool_timeout=3.0, max_pdf_pages=7).read_limits()
    assert isinstance(limits, ReadLimits)
    assert (limits.max_bytes, limits.ocr, limits.tool_timeout, limits.max_pages) == (5, True, 3.0, 7)


def test_parse_assignments_converts_types():
    s = parse_assignments(["max_file_bytes=5_000_000", "ocr=yes", "tool_timeout=2.5", "ocr_languages=rus"])
    assert (s.max_file_bytes, s.ocr, s.tool_timeout, s.ocr_languages) == (5_000_000, True, 2.5, "rus")
    assert parse_settings({"ocr": False, "max_archive_depth": 1}, base=s).ocr is False


@pytest.mark.parametrize("pairs, message", [
    (["max_size=1"], "unknown setting 'max_size'"),
    (["max_file_bytes=lots"], "setting max_file_bytes: 'lots' is not a valid int"),
    (["max_file_bytes=0"], "setting max_file_bytes: must be positive"),
    (["ocr=maybe"], "setting ocr: 'maybe' is not a valid bool"),
    (["ocr"], "setting 'ocr': expected name=value"),
])
def test_bad_settings(pairs, message):
    with pytest.raises(SettingsError) as caught:
        parse_assignments(pairs)
    assert str(caught.value).startswith(message)


def test_help_lists_every_setting():
    text = settings_help()
    assert all(f"{s.name} (default" in text for s in SETTINGS)
