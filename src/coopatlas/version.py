"""Which extractor coded a document: the package version plus a fingerprint of the rules.

The fingerprint covers the code and the data files of the stages that decide the codes (reference
tables, cue lexicon, gazetteer, coding rules), so editing a cue row makes a new extractor version
and `coopatlas build` re-codes the atlas (keeping the earlier run's facts as history).
"""
from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from coopatlas import __version__

_PARTS = ("reference", "nlp", "coding")


@cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    root = resources.files("coopatlas")
    files = [root / "extract.py", root / "model.py"]
    for part in _PARTS:
        files.extend(_walk(root / part))
    for f in sorted(files, key=lambda p: str(p)):
        if f.name.endswith((".py", ".tsv")):
            digest.update(str(f.name).encode())
            digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _walk(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        else:
            yield entry
