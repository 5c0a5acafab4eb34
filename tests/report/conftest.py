"""Fixtures for the report tests: the hand-built atlas of tests/analysis/handbuilt.py, its frames and texts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "analysis"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

import handbuilt  # noqa: E402

from coopatlas.analysis.frames import load_frames  # noqa: E402
from coopatlas.store.atlas import Atlas  # noqa: E402


@pytest.fixture(scope="session")
def handbuilt_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("report-handbuilt") / "atlas.sqlite"
    handbuilt.build(path)
    return path


@pytest.fixture(scope="session")
def handbuilt_ids(handbuilt_db):
    """Current document ids by short name: "d1" -> id."""
    atlas = Atlas(handbuilt_db)
    try:
        documents = atlas.documents()
        current = documents[documents["current"]]
        return dict(zip(current["path"].str.split("-").str[0], current["id"]))
    finally:
        atlas.close()


@pytest.fixture(scope="session")
def frames(handbuilt_db):
    atlas = Atlas(handbuilt_db)
    try:
        return load_frames(atlas)
    finally:
        atlas.close()


@pytest.fixture(scope="session")
def texts(handbuilt_db, frames):
    """Each current document's extracted text by id (what `Atlas.text` gives)."""
    atlas = Atlas(handbuilt_db)
    try:
        return {d: atlas.text(d) for d in frames.documents["document_id"]}
    finally:
        atlas.close()
