"""Section "District figures": level, sphere and orientation shares per district, bars linked to evidence."""
from __future__ import annotations

from coopatlas.analysis.districts import district_figures, district_name
from coopatlas.report.charts import share_chart
from coopatlas.report.evidence import evidence_groups, with_links
from coopatlas.report.page import Detail, Section
from coopatlas.report.sections.part import ChartSpec, Context, Part, table

__all__ = ["build"]

CHART_COLUMNS = ["district", "measure", "category", "n", "total", "share", "ci_low", "ci_high", "href"]
FIGURES = (  # (key, DistrictFigures field, measure shown, title word)
    ("levels", "levels", "level", "levels_title"),
    ("region-levels", "region_levels", "level", "region_levels_title"),
    ("spheres", "spheres", "sphere", "spheres_title"),
    ("orientation", "orientation", None, "orientation_title"),
)


def build(ctx: Context) -> Part:
    figures = district_figures(ctx.frames)
    name = lambda d: district_name(ctx.frames.reference, d, ctx.lang)  # noqa: E731
    charts, groups, sheets, tables = [], [], {}, []
    for key, field, measure, title_word in FIGURES:
        linked = with_links(getattr(figures, field), key)
        title = ctx.words[title_word]
        for shown_measure in ([measure] if measure else list(dict.fromkeys(linked["measure"]))):
            rows = linked[linked["measure"] == shown_measure]
            caption = title if measure else f"{title}: {shown_measure}"
            charts.append(ChartSpec(f"{key}-{shown_measure}", share_chart(rows[CHART_COLUMNS], shown_measure, caption,
                                                                         ctx.lang), caption))
        groups += evidence_groups(linked, key, ctx.frames, name)
        sheets[f"district {key}"] = linked.drop(columns="href")
        tables.append(Detail(f"table-{key}", title, tables=(table(key, title, _readable(linked)),)))
    counts = figures.counts.assign(district=[name(d) for d in figures.counts["district"]])
    sheets["district counts"] = figures.counts
    section = Section("districts", ctx.words["districts"], (ctx.words["districts_intro"], ctx.words["method"]),
                      tables=(table("counts", ctx.words["counts_title"], counts),), details=tuple(tables))
    return Part(section, tuple(charts), sheets, tuple(groups))


def _readable(linked):
    shown = linked.drop(columns=["document_ids", "fact_ids", "href"])
    return shown.round({"share": 3, "ci_low": 3, "ci_high": 3})
