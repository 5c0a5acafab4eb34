"""Region profiles: a region's partners, spheres, levels and statuses by year, and who names whom back.

A region's cooperation is read from its own documents (those it authored): the facts of those
documents in which it is a party. A partner is any other named party of such a fact.

    profile = region_profile(frames, "RU-KLU")
    profile.partners[["partner", "facts", "spheres", "reciprocal"]]
    #   partner  facts  spheres                          reciprocal
    #   BY       1      transport_logistics              None   (not a subject)
    #   RU-TA    1      education|science_innovation     True   (d7 names Kaluga)
    #   RU-TUL   1      trade_investment|culture         True   (d3 names Kaluga)
    reciprocity(frames)   # one row per (region, partner subject) pair
    profiles(frames)      # one summary row per author region

Conventions (docs/analysis-districts.md): domestic partners are the Russian subjects of the selection's
legal frame (`Selection.frame`, codebook 2) and the associations of Russian regions; reciprocity is
judged inside the selection: a partner with no document there cannot be judged (named_back None).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from coopatlas.analysis.frames import LEVELS, AtlasFrames, highest_level
from coopatlas.model import Sphere, Status

__all__ = ["MAX_QUOTES", "ProfileIndex", "Quote", "RegionProfile", "own_facts", "profile_index", "profiles",
           "reciprocity", "region_profile"]

MAX_QUOTES = 3
SPHERES = tuple(s.value for s in Sphere)
STATUSES = tuple(s.value for s in Status)
LEVEL_CATEGORIES = (*LEVELS, "none")
PARTNER_COLUMNS = ["partner", "name", "kind", "domestic", "documents", "facts", "spheres", "first_year", "last_year",
                   "quotes", "reciprocal"]
RECIPROCITY_COLUMNS = ["region", "partner", "documents", "fact_ids", "partner_has_documents", "named_back",
                       "back_fact_ids"]
SUMMARY_COLUMNS = ["region", "name", "district", "documents", "facts", "partners", "domestic_partners",
                   "domestic_share", "highest_level", "reciprocity_rate"]
_LINK_COLUMNS = ["region", "partner", "fact_id", "document_id", "year"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One evidence quote and where it comes from."""

    fact_id: int
    document_id: int
    quote: str


@dataclass(frozen=True)
class RegionProfile:
    """Everything the report shows about one region; each table is described in docs/analysis-districts.md."""

    region: str
    name: str
    documents: pd.DataFrame        # document_id, title, doc_type, year, level, facts
    partners: pd.DataFrame         # PARTNER_COLUMNS
    spheres_by_year: pd.DataFrame  # year, sphere, documents, facts
    levels_by_year: pd.DataFrame   # year, level, documents
    statuses_by_year: pd.DataFrame  # year, status, documents, facts
    orientation: pd.DataFrame      # orientation (domestic / international / unnamed), partners, facts, documents
    associations: pd.DataFrame     # association, name, valid_from, valid_to, note, facts


@dataclass(frozen=True)
class ProfileIndex:
    """What every profile of one selection looks up, computed once (`profile_index`)."""

    pairs: pd.DataFrame   # reciprocity(frames)
    named_back: dict      # (region, partner) -> True / False / None
    quotes: dict          # fact_id -> list of (pos, document_id, quote)


def profile_index(frames: AtlasFrames) -> ProfileIndex:
    pairs = reciprocity(frames)
    quotes: dict = {}
    for row in frames.evidence.sort_values(["fact_id", "pos"]).itertuples(index=False):
        quotes.setdefault(row.fact_id, []).append((row.pos, row.document_id, row.quote))
    return ProfileIndex(pairs, dict(zip(zip(pairs["region"], pairs["partner"]), pairs["named_back"])), quotes)


def region_profile(frames: AtlasFrames, region: str, lang: str = "en", index: ProfileIndex | None = None) -> RegionProfile:
    """The profile of `region` (a party id) from its own documents in the selection; pass `index`
    (`profile_index(frames)`) when profiling many regions of the same selection."""
    index = index or profile_index(frames)
    documents = frames.documents[frames.documents["author"] == region]
    facts = own_facts(frames, region)
    links = _links(facts)
    return RegionProfile(
        region, _name(frames.reference, region, lang), _document_table(documents, facts),
        _partner_table(frames, links, facts, lang, index), _spheres_by_year(facts), _levels_by_year(documents),
        _statuses_by_year(facts), _orientation(frames, links, facts), _associations(frames, region, links, lang))


def own_facts(frames: AtlasFrames, region: str) -> pd.DataFrame:
    """Facts of the documents `region` authored in which it is itself a party."""
    facts = frames.facts
    mine = (facts["author"] == region) & facts["parties_list"].map(lambda parties: region in parties).astype(bool)
    return facts[mine]


def reciprocity(frames: AtlasFrames) -> pd.DataFrame:
    """One row per (region, partner) where an authored document of the region names a Russian subject as partner.

    named_back is True when the partner's own documents name the region as a partner, False when they
    do not, None when the partner has no document in the selection (partner_has_documents False).
    """
    named = _links(_authored_facts(frames))
    back = named.groupby(["region", "partner"])["fact_id"].agg(_ids).to_dict()
    subject = {p: frames.reference.is_domestic(p, frames.selection.frame) for p in set(named["partner"])}
    links = named[named["partner"].map(subject).astype(bool)]
    authors = set(frames.documents["author"].dropna())
    grouped = links.groupby(["region", "partner"]).agg(documents=("document_id", "nunique"), fact_ids=("fact_id", _ids))
    rows = [_reciprocity_row(key, documents, fact_ids, authors, back)
            for key, documents, fact_ids in zip(grouped.index, grouped["documents"], grouped["fact_ids"])]
    return pd.DataFrame(rows, columns=RECIPROCITY_COLUMNS)


def profiles(frames: AtlasFrames, lang: str = "en", index: ProfileIndex | None = None) -> pd.DataFrame:
    """One summary row per author region: documents, facts, partners, domestic share, level, reciprocity;
    pass `index` (`profile_index(frames)`) when it is at hand, so that reciprocity is not computed again."""
    pairs = index.pairs if index else reciprocity(frames)
    rows = [_summary_row(frames, region, pairs, lang) for region in sorted(set(frames.documents["author"].dropna()))]
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    for column in ("district", "highest_level"):  # None when unknown, as in the frames
        table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


# -- links: (region, partner, fact)


def _authored_facts(frames: AtlasFrames) -> pd.DataFrame:
    facts = frames.facts[frames.facts["author"].notna()]
    party = [a in parties for a, parties in zip(facts["author"], facts["parties_list"])]
    return facts[pd.Series(party, index=facts.index, dtype=bool)]


def _links(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per partner of each fact: the fact's author (as region), the partner, fact, document and year."""
    rows = [(f.author, p, f.fact_id, f.document_id, f.year) for f in facts.itertuples() for p in f.partners_list]
    links = pd.DataFrame(rows, columns=_LINK_COLUMNS)
    return links.astype({"year": "Int64"})


def _reciprocity_row(key, documents: int, fact_ids: list, authors: set, back: dict) -> dict:
    region, partner = key
    has_documents = partner in authors
    back_ids = back.get((partner, region), [])
    return {"region": region, "partner": partner, "documents": int(documents), "fact_ids": list(fact_ids),
            "partner_has_documents": has_documents, "named_back": bool(back_ids) if has_documents else None,
            "back_fact_ids": list(back_ids)}


# -- the profile's tables


def _document_table(documents: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    counts = facts.groupby("document_id")["fact_id"].count()
    table = documents[["document_id", "title", "doc_type", "year", "level"]]
    return table.assign(facts=table["document_id"].map(counts).fillna(0).astype(int)).reset_index(drop=True)


def _partner_table(frames: AtlasFrames, links: pd.DataFrame, facts: pd.DataFrame, lang: str,
                   index: ProfileIndex) -> pd.DataFrame:
    spheres = facts.set_index("fact_id")["spheres_list"]
    rows = [_partner_row(frames, partner, group, spheres, index, lang) for partner, group in links.groupby("partner")]
    table = pd.DataFrame(rows, columns=PARTNER_COLUMNS).astype({"first_year": "Int64", "last_year": "Int64"})
    return table.sort_values(["facts", "partner"], ascending=[False, True]).reset_index(drop=True)


def _partner_row(frames, partner: str, links: pd.DataFrame, spheres: pd.Series, index: ProfileIndex, lang: str) -> dict:
    region = links["region"].iloc[0]
    named = {s for fact_id in links["fact_id"] for s in spheres[fact_id]}
    return {"partner": partner, "name": _name(frames.reference, partner, lang),
            "kind": _kind(frames.reference, partner), "domestic": frames.reference.counts_as_domestic(partner, frames.selection.frame), "documents": links["document_id"].nunique(),
            "facts": links["fact_id"].nunique(), "spheres": "|".join(s for s in SPHERES if s in named),
            "first_year": links["year"].min(), "last_year": links["year"].max(),
            "quotes": _quotes(index.quotes, links), "reciprocal": index.named_back.get((region, partner))}


def _quotes(quotes: dict, links: pd.DataFrame) -> list[Quote]:
    """Up to MAX_QUOTES evidence quotes of the linked facts, earliest year first (unknown years last)."""
    years: dict = {}
    for fact_id, year in zip(links["fact_id"], links["year"]):
        years.setdefault(int(fact_id), year)
    order = sorted(years, key=lambda f: (1, 0, f) if pd.isna(years[f]) else (0, int(years[f]), f))
    found = [Quote(f, int(d), q) for f in order for _, d, q in quotes.get(f, [])]
    return found[:MAX_QUOTES]


def _spheres_by_year(facts: pd.DataFrame) -> pd.DataFrame:
    exploded = facts[["fact_id", "document_id", "year", "spheres_list"]].explode("spheres_list")
    exploded = exploded[exploded["spheres_list"].notna()].rename(columns={"spheres_list": "sphere"})
    return _count_by_year(exploded, "sphere", SPHERES)


def _statuses_by_year(facts: pd.DataFrame) -> pd.DataFrame:
    return _count_by_year(facts[["fact_id", "document_id", "year", "status"]], "status", STATUSES)


def _count_by_year(rows: pd.DataFrame, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    """Documents and facts per (year, value of `column`), values in codebook order; only pairs that occur."""
    grouped = rows.groupby(["year", column], dropna=False)
    table = grouped.agg(documents=("document_id", "nunique"), facts=("fact_id", "nunique")).reset_index()
    table["rank"] = table[column].map(lambda v: order.index(v) if v in order else len(order))
    return table.sort_values(["year", "rank"]).drop(columns="rank").reset_index(drop=True)


def _levels_by_year(documents: pd.DataFrame) -> pd.DataFrame:
    levels = documents.assign(level=documents["level"].map(lambda v: v if isinstance(v, str) else "none"))
    counts = levels.groupby(["year", "level"], dropna=False)["document_id"].nunique().rename("documents").reset_index()
    counts["rank"] = counts["level"].map(LEVEL_CATEGORIES.index)
    return counts.sort_values(["year", "rank"]).drop(columns="rank").reset_index(drop=True)


def _orientation(frames: AtlasFrames, links: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Domestic and international partners with their facts and documents; facts naming no partner apart."""
    domestic = links["partner"].map(lambda p: frames.reference.counts_as_domestic(p, frames.selection.frame)).astype(bool)
    unnamed = facts[facts["partners_list"].map(len).astype(int) == 0]
    rows = [_orientation_row("domestic", links[domestic]), _orientation_row("international", links[~domestic]),
            {"orientation": "unnamed", "partners": 0, "facts": len(unnamed),
             "documents": unnamed["document_id"].nunique()}]
    return pd.DataFrame(rows, columns=["orientation", "partners", "facts", "documents"])


def _orientation_row(orientation: str, links: pd.DataFrame) -> dict:
    return {"orientation": orientation, "partners": links["partner"].nunique(), "facts": links["fact_id"].nunique(),
            "documents": links["document_id"].nunique()}


def _associations(frames: AtlasFrames, region: str, links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The associations `region` belongs to (reference, with dates), and how many of its facts name each."""
    named = links.groupby("partner")["fact_id"].nunique()
    rows = [{"association": m.group, "name": _name(frames.reference, m.group, lang), "valid_from": m.period.start,
             "valid_to": m.period.end, "note": m.note, "facts": int(named.get(m.group, 0))}
            for m in frames.reference.association_membership if m.member == region]
    return pd.DataFrame(rows, columns=["association", "name", "valid_from", "valid_to", "note", "facts"])


# -- the summary row


def _summary_row(frames: AtlasFrames, region: str, pairs: pd.DataFrame, lang: str) -> dict:
    documents = frames.documents[frames.documents["author"] == region]
    facts = own_facts(frames, region)
    partners = sorted({p for ps in facts["partners_list"] for p in ps})
    domestic = sum(frames.reference.counts_as_domestic(p, frames.selection.frame) for p in partners)
    judged = pairs.loc[(pairs["region"] == region) & pairs["partner_has_documents"], "named_back"]
    return {"region": region, "name": _name(frames.reference, region, lang), "district": _latest_district(documents),
            "documents": len(documents), "facts": len(facts), "partners": len(partners), "domestic_partners": domestic,
            "domestic_share": domestic / len(partners) if partners else float("nan"),
            "highest_level": highest_level(documents["level"]),
            "reciprocity_rate": float(judged.astype(bool).mean()) if len(judged) else float("nan")}


def _latest_district(documents: pd.DataFrame) -> str | None:
    """The district of the region's latest document (a region can change district, e.g. Buryatia in 2018)."""
    known = documents[documents["district"].notna()].sort_values("year", na_position="first")
    return known["district"].iloc[-1] if len(known) else None


# -- parties


def _name(reference, party: str, lang: str) -> str:
    if not _known(reference, party):
        return party
    record = reference.party(party)
    return record.name_ru if lang == "ru" else record.name_en


def _kind(reference, party: str) -> str:
    return reference.party(party).kind if _known(reference, party) else party.split(":", 1)[0]


def _known(reference, party: str) -> bool:
    return party in reference.parties or party in reference.id_aliases


def _ids(values) -> list[int]:
    return sorted(int(v) for v in set(values))
