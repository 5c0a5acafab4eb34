"""What the atlas build reads: walk folders and .zip archives, load bytes once per content,
infer metadata, let a manifest override it.

    from coopatlas.sources import Settings, walk, load, read_loaded, infer_metadata, read_manifest
    settings = Settings(ocr=True)
    for found in load(walk(["corpus/"], settings), settings):
        ...  # Loaded (bytes + sha256) or SourceProblem (path, reason, kind)

Nothing here raises for a bad file: each becomes a ``SourceProblem`` with a one-line reason.
"""
from coopatlas.sources.load import Loaded, content_hash, fetch, load, read_loaded
from coopatlas.sources.manifest import (
    EMPTY, Manifest, ManifestEntry, ManifestError, apply_manifest, normalise_path, read_manifest,
)
from coopatlas.sources.metadata import (
    DocType, DocumentMeta, infer_doc_type, infer_metadata, infer_year_adopted, infer_year_horizon, override,
)
from coopatlas.sources.records import DUPLICATE, ERROR, SKIPPED, SourceGone, SourceItem, SourceProblem
from coopatlas.sources.settings import SETTINGS, Setting, Settings, SettingsError, parse_assignments, parse_settings, settings_help
from coopatlas.sources.walk import walk

__all__ = [
    "DUPLICATE", "DocType", "DocumentMeta", "EMPTY", "ERROR", "Loaded", "Manifest", "ManifestEntry",
    "ManifestError", "SETTINGS", "SKIPPED", "Setting", "Settings", "SettingsError", "SourceGone",
    "SourceItem", "SourceProblem", "apply_manifest", "content_hash", "fetch", "infer_doc_type",
    "infer_metadata", "infer_year_adopted", "infer_year_horizon", "load", "normalise_path", "override",
    "parse_assignments", "parse_settings", "read_loaded", "read_manifest", "settings_help", "walk",
]
