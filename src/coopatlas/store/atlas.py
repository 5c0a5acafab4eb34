"""coopatlas.Atlas: the stored atlas as pandas DataFrames, queries and full-text search.

    >>> atlas = Atlas("atlas.sqlite")                                    # doctest: +SKIP
    >>> atlas.query(district="north-west", sphere="education", level="detailed")  # doctest: +SKIP

`region` is the author of the document (whose document it is); `district` is the federal district
of that author in the year the document was adopted (today's districts when the year is unknown);
`partner` is a named (not implied) party of the fact; the period (`year_from`, `year_to`) is the
document's year adopted, or the fact's first year when the document has none.
"""
from __future__ import annotations

import os
from datetime import date

import pandas as pd

from coopatlas.store import queries
from coopatlas.store.queries import FactFilter, Values, as_values
from coopatlas.store.schema import fact_parties, fact_spheres, runs
from coopatlas.store.store import Store, open_store

MID_YEAR = (7, 1)


class Atlas:
    """Read-only view of an atlas database: documents, facts, parties and spheres as DataFrames."""

    def __init__(self, db: str | os.PathLike | Store, reference=None):
        self.store = db if isinstance(db, Store) else open_store(db)
        self._reference = reference

    @property
    def reference(self):
        if self._reference is None:
            from coopatlas.reference import load_reference
            self._reference = load_reference()
        return self._reference

    # -- tables
    def documents(self) -> pd.DataFrame:
        """One row per document (without its text), with the author's federal district; `current` is
        False for an earlier version of a file whose content has changed since (its facts are history)."""
        frame = self._read(queries.documents_select())
        frame["district"] = [self.district_of(a, y) for a, y in zip(frame["author"], frame["year_adopted"])]
        frame["current"] = frame["id"] == frame.groupby("path")["id"].transform("max")
        return frame

    def runs(self) -> pd.DataFrame:
        return self._read(runs.select().order_by(runs.c.id))

    def mentions(self) -> pd.DataFrame:
        """Long table: document_id, party, start, end, surface, how (the rule that found it), weak."""
        from coopatlas.store.schema import mentions

        return self._read(mentions.select().order_by(mentions.c.document_id, mentions.c.start))

    def file_errors(self, run_id: int | None = None) -> pd.DataFrame:
        """Files that could not be read, in the given run (default: the latest run): path, reason."""
        from sqlalchemy import func, select
        from coopatlas.store.schema import file_errors

        latest = select(func.max(runs.c.id)).scalar_subquery() if run_id is None else run_id
        statement = select(file_errors.c.run_id, file_errors.c.path, file_errors.c.sha256, file_errors.c.reason,
                           file_errors.c.at).where(file_errors.c.run_id == latest).order_by(file_errors.c.path)
        return self._read(statement)

    def facts(self, include_superseded: bool = False) -> pd.DataFrame:
        """One row per fact; parties, implied parties and spheres as `|`-joined strings and as lists."""
        return self._facts(FactFilter(include_superseded=include_superseded))

    def parties(self, include_superseded: bool = False) -> pd.DataFrame:
        """Long table: fact_id, document_id, party, implied, is_author."""
        selected = queries.fact_select(FactFilter(include_superseded=include_superseded))
        frame = self._read(queries.children_of(fact_parties, selected))
        owners = self._read(selected)[["fact_id", "document_id", "author"]]
        frame = frame.merge(owners, on="fact_id")
        frame["implied"] = frame["implied"].astype(bool)
        frame["is_author"] = frame["party"] == frame["author"]
        return frame[["fact_id", "document_id", "party", "implied", "is_author"]]

    def spheres(self, include_superseded: bool = False) -> pd.DataFrame:
        """Long table: fact_id, document_id, sphere."""
        selected = queries.fact_select(FactFilter(include_superseded=include_superseded))
        frame = self._read(queries.children_of(fact_spheres, selected))
        owners = self._read(selected)[["fact_id", "document_id"]]
        return frame.merge(owners, on="fact_id")[["fact_id", "document_id", "sphere"]]

    def evidence(self, include_superseded: bool = False) -> pd.DataFrame:
        """Long table: fact_id, document_id, pos, start, end, quote."""
        selected = queries.fact_select(FactFilter(include_superseded=include_superseded))
        frame = self._read(queries.evidence_select(selected))
        return frame[["fact_id", "document_id", "pos", "start", "end", "quote"]]

    # -- queries
    def query(self, region: Values = None, district: Values = None, sphere: Values = None,
              level: Values = None, status: Values = None, year_from: int | None = None,
              year_to: int | None = None, partner: Values = None, direction: Values = None,
              include_superseded: bool = False) -> pd.DataFrame:
        """Current facts matching every given condition; each condition takes one value or several."""
        wanted = FactFilter(
            region=as_values(region), authors_by_year=self._authors_in(as_values(district)),
            sphere=as_values(sphere), level=as_values(level), status=as_values(status),
            direction=as_values(direction), partner=as_values(partner),
            year_from=year_from, year_to=year_to, include_superseded=include_superseded,
        )
        return self._facts(wanted)

    def search(self, text: str, limit: int = 20) -> pd.DataFrame:
        """Passages matching every word of `text`, best first: document, passage, snippet, rank."""
        hits = self.store.search(text, limit)
        columns = ["document_id", "path", "title", "author", "passage_id", "start", "end", "text", "snippet", "rank"]
        return pd.DataFrame([[getattr(h, c) for c in columns] for h in hits], columns=columns)

    def text(self, document_id: int) -> str | None:
        """A document's extracted text (evidence offsets point into it)."""
        from sqlalchemy import select
        from coopatlas.store.schema import documents
        with self.store.engine.connect() as connection:
            return connection.execute(select(documents.c.text).where(documents.c.id == document_id)).scalar_one()

    def district_of(self, author: str | None, year) -> str | None:
        if not isinstance(author, str):
            return None
        day = date.today() if pd.isna(year) else date(int(year), *MID_YEAR)
        try:
            return self.reference.district_of(author, day)
        except Exception:  # an identifier the reference tables do not know: no district
            return None

    def close(self) -> None:
        self.store.close()

    # -- helpers
    def _authors_in(self, districts: tuple[str, ...] | None):
        if districts is None:
            return None
        pairs = self._read(queries.author_years()).itertuples(index=False)
        return tuple((a, None if pd.isna(y) else int(y)) for a, y in pairs if self.district_of(a, y) in districts)

    def _facts(self, wanted: FactFilter) -> pd.DataFrame:
        selected = queries.fact_select(wanted)
        frame = self._read(selected)
        if not wanted.include_superseded:
            frame = frame.drop(columns="superseded_by_run")
        frame["district"] = [self.district_of(a, y) for a, y in zip(frame["author"], frame["year_adopted"])]
        parties = self._read(queries.children_of(fact_parties, selected))
        spheres = self._read(queries.children_of(fact_spheres, selected))
        quotes = self._read(queries.evidence_select(selected))
        named = parties[~parties["implied"].astype(bool)]
        _attach(frame, "parties", named, "party")
        _attach(frame, "implied", parties[parties["implied"].astype(bool)], "party")
        _attach(frame, "spheres", spheres, "sphere")
        frame["partners"] = [[p for p in ps if p != a] for ps, a in zip(frame["parties_list"], frame["author"])]
        frame["quote"] = frame["fact_id"].map(quotes.groupby("fact_id")["quote"].agg(" … ".join)).fillna("")
        return frame

    def _read(self, statement) -> pd.DataFrame:
        with self.store.engine.connect() as connection:
            return pd.read_sql(statement, connection)


def _attach(frame: pd.DataFrame, name: str, rows: pd.DataFrame, column: str) -> None:
    """Add `name` (values joined with |) and `name_list` (a list) per fact, in stored order."""
    lists = rows.groupby("fact_id")[column].agg(list)
    frame[f"{name}_list"] = [lists.get(i, []) for i in frame["fact_id"]]
    frame[name] = ["|".join(v) for v in frame[f"{name}_list"]]
