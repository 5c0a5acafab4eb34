"""Section "Region profiles": a line per author region, then each region's partners, orientation and
associations in a folded block."""
from __future__ import annotations

import pandas as pd

from coopatlas.analysis.profiles import region_profile
from coopatlas.report.page import Detail, Section
from coopatlas.report.sections.part import Context, Part, table

__all__ = ["build"]

MAX_DETAILED = 100  # regions with a folded profile in the page (the most documents first)


def build(ctx: Context) -> Part:
    overview = ctx.regions
    regions = list(overview.sort_values(["documents", "region"], ascending=[False, True])["region"])[:MAX_DETAILED]
    details, partner_rows = [], []
    for region in regions:
        profile = region_profile(ctx.frames, region, ctx.lang, ctx.index)
        partners = _partners(profile.partners)
        partner_rows.append(partners.assign(region=region))
        details.append(Detail(
            f"profile-{region.lower().replace(':', '-')}", f"{profile.name} ({region})",
            tables=(table(f"{region}-partners", ctx.words["partners_title"], partners),
                    table(f"{region}-orientation", ctx.words["orientation_small"], profile.orientation),
                    table(f"{region}-levels", ctx.words["levels_by_year"], profile.levels_by_year),
                    table(f"{region}-statuses", ctx.words["statuses_by_year"], profile.statuses_by_year),
                    table(f"{region}-spheres", ctx.words["spheres_by_year"], profile.spheres_by_year),
                    table(f"{region}-associations", ctx.words["associations_title"], profile.associations))))
    sheets = {"regions": overview}
    if partner_rows:
        sheets["region partners"] = pd.concat(partner_rows, ignore_index=True)
    section = Section("profiles", ctx.words["profiles"], (ctx.words["profiles_intro"],),
                      tables=(table("regions", ctx.words["overview_title"], overview.round(3)),), details=tuple(details))
    return Part(section, sheets=sheets)


def _partners(partners: pd.DataFrame) -> pd.DataFrame:
    """The partner table with its quotes as text: "#fact: quote" for the first one."""
    first = [f"#{q[0].fact_id}: {q[0].quote}" if len(q) else "" for q in partners["quotes"]]
    return partners.drop(columns="quotes").assign(quote=first)
