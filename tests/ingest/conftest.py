"""Fixtures for the reader tests (builders live in ingest_builders.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest_builders import NO_FONT, find_cyrillic_font


@pytest.fixture(scope="session")
def cyrillic_font() -> str:
    font = find_cyrillic_font()
    if font is None:
        pytest.skip(NO_FONT)
    return font


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path
    return _write
