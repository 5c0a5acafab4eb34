"""The evidence behind each figure: groups of facts (and documents) that a chart bar links to.

    table = with_links(level_table, "level")          # adds `href` = "#ev-level-central-detailed"
    groups = evidence_groups(table, "level", frames)  # one EvidenceGroup per row, for the report page

A bar's group lists the documents it counts and, under each, the quotes of the facts that put it
there; a group is cut at `MAX_FACTS` facts in the page (the full id lists are in the XLSX tables).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

MAX_FACTS = 60      # facts shown per bar in the page
MAX_QUOTE = 400     # characters of one quote shown in the page

__all__ = ["EvidenceGroup", "EvidenceItem", "anchor", "with_links", "evidence_groups", "MAX_FACTS", "MAX_QUOTE"]


@dataclass(frozen=True)
class EvidenceItem:
    """One document of a group with the facts (id, quote) that count for the figure."""

    document_id: int
    label: str
    facts: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class EvidenceGroup:
    key: str
    title: str
    documents: int
    facts: int
    items: tuple[EvidenceItem, ...]
    cut: int  # facts left out of the page (MAX_FACTS)


def anchor(*parts) -> str:
    """An HTML id made of `parts`: lower-case ASCII letters, digits and dashes only."""
    text = "-".join(str(p) for p in parts if p is not None and str(p) != "")
    return "ev-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x")


def with_links(table: pd.DataFrame, figure: str) -> pd.DataFrame:
    """`table` (district, measure, category, …) with an `href` column pointing at each row's group."""
    links = [f"#{anchor(figure, d, m, c)}" if n else None  # an empty bar links nowhere
             for d, m, c, n in zip(table["district"], table["measure"], table["category"], table["n"])]
    return table.assign(href=links)


def evidence_groups(table: pd.DataFrame, figure: str, frames, name_of=lambda d: d) -> list[EvidenceGroup]:
    """One group per row of a share table with `document_ids` and `fact_ids` (rows with n=0 are skipped)."""
    labels = _document_labels(frames.documents)
    quotes = dict(zip(frames.facts["fact_id"], frames.facts["quote"]))
    fact_document = dict(zip(frames.facts["fact_id"], frames.facts["document_id"]))
    groups = []
    for row in table.itertuples(index=False):
        if not row.n:
            continue
        title = f"{name_of(row.district)}: {row.measure} = {row.category} ({row.n} of {row.total})"
        groups.append(_group(anchor(figure, row.district, row.measure, row.category), title, list(row.document_ids),
                             list(row.fact_ids), labels, quotes, fact_document))
    return groups


def _group(key, title, document_ids, fact_ids, labels, quotes, fact_document) -> EvidenceGroup:
    shown = fact_ids[:MAX_FACTS]
    by_document: dict[int, list[tuple[int, str]]] = {d: [] for d in document_ids}
    for fact_id in shown:
        by_document.setdefault(fact_document[fact_id], []).append((int(fact_id), _short(quotes.get(fact_id, ""))))
    items = tuple(EvidenceItem(int(d), labels.get(d, f"document {d}"), tuple(f)) for d, f in by_document.items())
    return EvidenceGroup(key, title, len(document_ids), len(fact_ids), items, len(fact_ids) - len(shown))


def _document_labels(documents: pd.DataFrame) -> dict[int, str]:
    labels = {}
    for row in documents.itertuples(index=False):
        name = row.title or row.path
        when = "" if pd.isna(row.year) else f", {row.year}"
        labels[int(row.document_id)] = f"{name} ({row.author or 'no author'}{when})"
    return labels


def _short(quote: str) -> str:
    quote = " ".join(str(quote).split())
    return quote if len(quote) <= MAX_QUOTE else quote[: MAX_QUOTE - 1] + "…"
