"""What `coopatlas status` shows: which regions have which documents and years, and what failed."""
from __future__ import annotations

import pandas as pd


def coverage(documents: pd.DataFrame, facts: pd.DataFrame, subjects: dict[str, str]) -> pd.DataFrame:
    """One row per Russian subject (every subject, including those with no document): documents,
    types, first and latest year, facts, errors are separate."""
    ok = documents[(documents["status"] == "ok") & documents.get("current", True)]
    per_author = ok.groupby("author").agg(
        documents=("id", "count"),
        types=("doc_type", lambda s: ", ".join(sorted({t for t in s if isinstance(t, str)}))),
        first_year=("year_adopted", "min"),
        latest_year=("year_adopted", "max"),
    )
    fact_counts = facts.groupby("author")["fact_id"].count().rename("facts") if len(facts) else pd.Series(dtype=int, name="facts")
    table = pd.DataFrame({"subject": list(subjects), "name": list(subjects.values())}).set_index("subject")
    table = table.join(per_author).join(fact_counts)
    table[["documents", "facts"]] = table[["documents", "facts"]].fillna(0).astype(int)
    table[["first_year", "latest_year"]] = table[["first_year", "latest_year"]].astype("Int64")
    return table.reset_index().sort_values(["documents", "subject"], ascending=[False, True])


def unknown_author(documents: pd.DataFrame) -> int:
    ok = documents[documents["status"] == "ok"]
    return int(ok["author"].isna().sum())
