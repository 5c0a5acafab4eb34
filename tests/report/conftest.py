"""Fixtures for the report tests: the hand-built atlas of tests/analysis/handbuilt.py, its frames and texts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "analysis"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from handbuilt import frames, handbuilt_db, handbuilt_ids  # noqa: E402,F401  (pytest fixtures)

from coopatlas.store.atlas import Atlas  # noqa: E402


@pytest.fixture(scope="session")
def texts(handbuilt_db, frames):
    """Each current document's extracted text by id (what `Atlas.text` gives)."""
    atlas = Atlas(handbuilt_db)
    try:
        return {d: atlas.text(d) for d in frames.documents["document_id"]}
    finally:
        atlas.close()
