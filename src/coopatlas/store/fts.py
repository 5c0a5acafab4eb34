"""Full-text search over passages: FTS5 on SQLite, a tsvector GIN index on PostgreSQL.

User text never becomes SQL or query syntax: it is cut into words, each word is quoted as a
prefix term (`"word"*` for FTS5, `'word':*` for tsquery), the terms are ANDed, and the result is
passed as a bound parameter. Quotes, NEAR, AND/OR, column filters and SQL are just words.
"""
from __future__ import annotations

import re
from typing import Iterable

from sqlalchemy import Connection, text

from coopatlas.store.records import SearchHit
from coopatlas.store.schema import FTS_CONFIG, FTS_TABLE

MAX_TERMS = 32
WORD = re.compile(r"\w+")
DEFAULT_MARK = ("[", "]")


def fold(value: str) -> str:
    """ё and е are one letter for search (same length, so offsets are kept)."""
    return value.replace("ё", "е").replace("Ё", "Е")


# Russian inflectional endings, longest first: a query word loses one, so that its prefix matches
# the other cases ("сотрудничество" finds "сотрудничестве"). PostgreSQL stems with Snowball instead.
ENDINGS = tuple(sorted("""
    иями ями ами ого его ому ему ыми ими ией ие ия ий ой ей ый ая яя ое ее ую юю ых их ах ях ам ям ом ем
    ов ев ью а я о е ы и у ю ь й
""".split(), key=len, reverse=True))
MIN_STEM = 4
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def query_terms(query: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(WORD.findall(fold(query))))[:MAX_TERMS]


def stem(word: str) -> str:
    """`word` without one Russian ending, keeping at least MIN_STEM letters (other words unchanged)."""
    if not CYRILLIC.search(word):
        return word
    for ending in ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def fts5_match(terms: Iterable[str]) -> str:
    return " ".join(f'"{stem(t)}"*' for t in terms)


def tsquery(terms: Iterable[str]) -> str:
    return " & ".join(f"'{t}':*" for t in terms)


# -- keeping the SQLite index in step (PostgreSQL's expression index needs nothing)

def index_passages(connection: Connection, rows: Iterable[tuple[int, str]]) -> None:
    if connection.dialect.name != "sqlite":
        return
    params = [{"id": pid, "text": fold(body)} for pid, body in rows]
    if params:
        connection.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, text) VALUES (:id, :text)"), params)


def unindex_document(connection: Connection, document_id: int) -> None:
    if connection.dialect.name != "sqlite":
        return
    connection.execute(
        text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN (SELECT id FROM passages WHERE document_id = :d)"),
        {"d": document_id},
    )


# -- searching

_SQLITE_SEARCH = text(f"""
SELECT p.id AS passage_id, p.document_id, p.start, p."end", p.text, d.path, d.title, d.author,
       snippet({FTS_TABLE}, 0, :open, :close, '…', 16) AS snippet,
       -bm25({FTS_TABLE}) AS rank
FROM {FTS_TABLE}
JOIN passages p ON p.id = {FTS_TABLE}.rowid
JOIN documents d ON d.id = p.document_id
WHERE {FTS_TABLE} MATCH :match
ORDER BY bm25({FTS_TABLE}), p.id
LIMIT :limit
""")

_POSTGRES_SEARCH = text(f"""
SELECT p.id AS passage_id, p.document_id, p.start, p."end", p.text, d.path, d.title, d.author,
       ts_headline('{FTS_CONFIG}', p.text, q.query, :options) AS snippet,
       ts_rank(to_tsvector('{FTS_CONFIG}', p.text), q.query) AS rank
FROM passages p
JOIN documents d ON d.id = p.document_id
CROSS JOIN (SELECT to_tsquery('{FTS_CONFIG}', :tsquery) AS query) q
WHERE to_tsvector('{FTS_CONFIG}', p.text) @@ q.query
ORDER BY rank DESC, p.id
LIMIT :limit
""")


def search(connection: Connection, query: str, limit: int = 20,
           mark: tuple[str, str] = DEFAULT_MARK) -> list[SearchHit]:
    """Passages containing every word of `query` (as a word prefix), best first."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    if connection.dialect.name == "sqlite":
        rows = connection.execute(_SQLITE_SEARCH, {
            "match": fts5_match(terms), "open": mark[0], "close": mark[1], "limit": limit})
    else:
        rows = connection.execute(_POSTGRES_SEARCH, {
            "tsquery": tsquery(terms), "options": _headline_options(mark), "limit": limit})
    return [_hit(row) for row in rows.mappings()]


def _headline_options(mark: tuple[str, str]) -> str:
    if any('"' in m for m in mark):
        raise ValueError("search marks cannot contain a double quote")
    return f'StartSel="{mark[0]}", StopSel="{mark[1]}", MinWords=10, MaxWords=30'


def _hit(row) -> SearchHit:
    return SearchHit(
        document_id=row["document_id"], path=row["path"], title=row["title"], author=row["author"],
        passage_id=row["passage_id"], start=row["start"], end=row["end"], text=row["text"],
        snippet=row["snippet"], rank=float(row["rank"]),
    )
