"""Reports and exports built from `AtlasFrames`: HTML pages, charts, maps and files for other tools.

    from coopatlas.report.qdpx import write_qdpx
    write_qdpx(frames, atlas.text, "atlas.qdpx")
"""
