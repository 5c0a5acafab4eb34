"""Analysis of a stored atlas: pure functions from `AtlasFrames` (frames.py) to tables and graphs."""
from coopatlas.analysis.frames import AtlasFrames, Selection, load_frames, select

__all__ = ["AtlasFrames", "Selection", "load_frames", "select"]
