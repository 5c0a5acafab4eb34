"""Reports and exports built from `AtlasFrames`: HTML pages, charts, maps and files for other tools.

    from coopatlas.report import ReportOptions, write_report
    write_report(Atlas("atlas.db"), ReportOptions(out=Path("report")))

    from coopatlas.report.qdpx import write_qdpx
    write_qdpx(frames, atlas.text, "atlas.qdpx")
"""
from coopatlas.report.write import ReportFiles, ReportOptions, write_report

__all__ = ["ReportFiles", "ReportOptions", "write_report"]
