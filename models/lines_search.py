"""Full-text search over lines (topic, text, tags) with each database's own engine, ranked.

SQLite: the FTS5 table `lines_fts` (external content on `lines`, porter tokenizer, kept in step by
the migration's triggers), ranked by bm25 with the topic weighted above tags, tags above text.
PostgreSQL: the stored generated column `lines.search_vector` (to_tsvector('english', …) of the same
columns, weighted topic A, tags B, text C; made by the migration) with its GIN index `ix_lines_search`,
ranked by ts_rank on the stored vector, so nothing is re-parsed per row.
Both stem ("assuring" finds "assurance"). Every word must match; when none does, any word may.
"""
from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from models.lines import Line, visible_to
from models.press import Viewer

FTS_TABLE = "lines_fts"
PG_INDEX = "ix_lines_search"
PG_DOCUMENT = "search_vector"
# With its spinning-disk default (random_page_cost 4) the planner prefers a sequential scan that detoasts
# every line's vector over the GIN index (measured on 10,000 lines: 25-30 ms against 4 ms). 1.1 is
# PostgreSQL's advice for SSDs and cached data; SET LOCAL keeps it to this transaction.
PG_PLANNER = "SET LOCAL random_page_cost = 1.1"
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 12


def search_words(words: str) -> list[str]:
    """The searchable words of what someone typed: letters and digits only, so no query syntax leaks in."""
    return [w.lower() for w in _WORD.findall(words)][:MAX_WORDS]


def search_lines(session: Session, words: str, viewer: Viewer, now: datetime, limit: int = 10) -> list[Line]:
    """The visible lines that best match `words`, best first (empty when nothing matches)."""
    terms = search_words(words)
    if not terms:
        return []
    ranked = _ranked_ids(session, terms, "and", limit * 3) or (
        _ranked_ids(session, terms, "or", limit * 3) if len(terms) > 1 else [])
    if not ranked:
        return []
    found = {line.id: line for line in session.scalars(
        select(Line).where(Line.id.in_(ranked), visible_to(viewer, now)).options(selectinload(Line.versions)))}
    return [found[i] for i in ranked if i in found][:limit]


def _ranked_ids(session: Session, terms: list[str], joiner: str, limit: int) -> list[int]:
    if session.get_bind().dialect.name == "postgresql":
        return _postgresql(session, terms, joiner, limit)
    return _sqlite(session, terms, joiner, limit)


def _sqlite(session: Session, terms: list[str], joiner: str, limit: int) -> list[int]:
    """FTS5 MATCH; each term quoted (a string, not syntax), bm25 weights topic 10, tags 5, text 1."""
    query = f" {joiner.upper()} ".join('"' + t.replace('"', "") + '"' for t in terms)
    rows = session.execute(text(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q "
        f"ORDER BY bm25({FTS_TABLE}, 10.0, 5.0, 1.0) LIMIT :n"), {"q": query, "n": limit})
    return [row[0] for row in rows]


def _postgresql(session: Session, terms: list[str], joiner: str, limit: int) -> list[int]:
    """tsquery built from plain lexemes (to_tsquery of `w1 & w2` or `w1 | w2`), ranked by ts_rank."""
    query = f" {'&' if joiner == 'and' else '|'} ".join(terms)
    session.execute(text(PG_PLANNER))
    rows = session.execute(text(  # the query inline (not joined) so the planner takes the GIN index
        f"SELECT id FROM lines WHERE {PG_DOCUMENT} @@ to_tsquery('english', :q) "
        f"ORDER BY ts_rank({PG_DOCUMENT}, to_tsquery('english', :q)) DESC, id DESC LIMIT :n"), {"q": query, "n": limit})
    return [row[0] for row in rows]


def lines_matching(session: Session, text: str, *, now: datetime, viewer: Viewer | None = None,
                   limit: int = 5) -> list[Line]:
    """Lines with an approved version in use that match `text` (an enquiry's subject), best first: what
    closing an enquiry as "statement issued" offers. `viewer` defaults to the whole team's view (PUBLIC)."""
    from models.lines import current_version
    viewer = viewer if viewer is not None else Viewer()
    return [line for line in search_lines(session, text, viewer, now, limit * 2)
            if current_version(line) is not None][:limit]
