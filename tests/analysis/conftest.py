"""Fixtures for the analysis tests: the hand-built atlas (handbuilt.py) on SQLite, and its frames."""
from handbuilt import frames, handbuilt_db, handbuilt_ids  # noqa: F401  (pytest fixtures)
