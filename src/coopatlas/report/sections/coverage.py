"""Section "Coverage of the survey": which subjects have which documents and years, and which have none."""
from __future__ import annotations

from coopatlas.analysis.survey import survey
from coopatlas.report.maps import tile_map
from coopatlas.report.page import Section
from coopatlas.report.sections.part import ChartSpec, Context, Part, table

__all__ = ["build"]


def build(ctx: Context) -> Part:
    found = survey(ctx.frames, ctx.lang)
    legend = ctx.words["documents_legend"]
    values = found.subjects.rename(columns={"subject": "party", "documents": legend})[["party", legend]]
    chart = tile_map(values, legend, ctx.words["coverage_map"], lang=ctx.lang)
    subjects = found.subjects.drop(columns="document_ids")
    section = Section("coverage", ctx.words["coverage"], (ctx.words["coverage_intro"],), tables=(
        table("coverage-districts", ctx.words["coverage_districts"], found.districts.round(3)),
        table("coverage-subjects", ctx.words["coverage_subjects"], subjects, max_rows=100)))
    sheets = {"coverage districts": found.districts, "coverage subjects": found.subjects}
    return Part(section, (ChartSpec("coverage-map", chart, ctx.words["coverage_map"]),), sheets)
