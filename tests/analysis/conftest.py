"""Fixtures for the analysis tests: the hand-built atlas (handbuilt.py) on SQLite, and its frames."""
from __future__ import annotations

import pytest

import handbuilt
from coopatlas.analysis.frames import load_frames
from coopatlas.store.atlas import Atlas


@pytest.fixture(scope="session")
def handbuilt_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("handbuilt") / "atlas.sqlite"
    handbuilt.build(path)
    return path


@pytest.fixture(scope="session")
def handbuilt_ids(handbuilt_db):
    atlas = Atlas(handbuilt_db)
    try:
        documents = atlas.documents()
        current = documents[documents["current"]]
        return dict(zip(current["path"].str.split("-").str[0], current["id"]))  # "d1" -> id
    finally:
        atlas.close()


@pytest.fixture(scope="session")
def frames(handbuilt_db):
    atlas = Atlas(handbuilt_db)
    try:
        return load_frames(atlas)
    finally:
        atlas.close()
