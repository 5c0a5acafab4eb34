"""coopatlas: an evidence-linked atlas of inter-regional and cross-border cooperation."""
from coopatlas.errors import CoopatlasError
from coopatlas.model import (
    Arity, Direction, DocumentResult, Evidence, Fact, Mention, RawDocument, Specificity, Sphere, Status,
)

__all__ = [
    "Arity", "CoopatlasError", "Direction", "DocumentResult", "Evidence", "Fact", "Mention",
    "RawDocument", "Specificity", "Sphere", "Status", "extract_text", "extract_file", "Atlas", "build_atlas",
]
__version__ = "0.1.0"


def __getattr__(name):  # lazy: importing the package stays cheap
    if name in ("extract_text", "extract_file"):
        from coopatlas import extract
        return getattr(extract, name)
    if name == "Atlas":
        from coopatlas.store.atlas import Atlas
        return Atlas
    if name == "build_atlas":
        from coopatlas.build import build_atlas
        return build_atlas
    raise AttributeError(name)
