"""Importing lines to take from CSV (the document a team keeps today): checked in full, all rows or none.

Columns (a header row, any order, any case): topic, text (required); spokesperson, review_by, tags
(comma-separated), use (volunteer | on request), status (approved | draft; approved by default, the
operator approving). Every bad row is reported with its line number; a review date that cannot be
read or is in the past is an error, never guessed. A topic already in Herald, or twice in the file,
is an error too. `lines export` writes the same columns.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import ActorLike
from models.line_tags import resolve_tags
from models.lines import Line, LineDraft, approve_line, draft_line
from models.periods import PeriodError, parse_day

REQUIRED = ("topic", "text")
KNOWN = REQUIRED + ("spokesperson", "review_by", "tags", "use", "status", "id", "version", "approved_by",
                    "approved_at")
USES = {"": "on_request", "on request": "on_request", "on_request": "on_request", "volunteer": "volunteer"}


class LinesFileError(ValueError):
    """The file is not a lines CSV at all (no header, missing columns)."""


@dataclass(frozen=True)
class ImportRow:
    """One checked row, ready to write."""

    topic: str
    version: LineDraft
    tags: str
    use: str
    approved: bool


@dataclass
class ImportReading:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, what is wrong)


def read_lines_csv(session: Session, text: str, today: date) -> ImportReading:
    """Check every row; `errors` names each bad one by its line number in the file."""
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise LinesFileError(f"the header needs the columns {', '.join(REQUIRED)} (missing: {', '.join(missing)})")
    reading, seen = ImportReading(), set()
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        problem = _problem(session, row, today, seen)
        if problem:
            reading.errors.append((number, problem))
            continue
        seen.add(row["topic"].lower())
        review = parse_day(row["review_by"], today) if row.get("review_by") else None
        reading.rows.append(ImportRow(row["topic"], LineDraft(row["text"], row.get("spokesperson") or None, review),
                                      row.get("tags", ""), USES[row.get("use", "").lower()],
                                      row.get("status", "").lower() != "draft"))
    return reading


def _problem(session: Session, row: dict[str, str], today: date, seen: set[str]) -> str | None:
    if not row.get("topic") or not row.get("text"):
        return "topic and text are both needed"
    if row["topic"].lower() in seen:
        return f'"{row["topic"][:60]}" is in the file twice'
    if session.scalar(select(Line.id).where(func.lower(Line.topic) == row["topic"].lower()).limit(1)):
        return f'a line on "{row["topic"][:60]}" is already in Herald'
    if row.get("use", "").lower() not in USES:
        return f'use "{row["use"][:20]}" is not volunteer or on request'
    if row.get("status", "").lower() not in ("", "approved", "draft"):
        return f'status "{row["status"][:20]}" is not approved or draft'
    if row.get("review_by"):
        try:
            day = parse_day(row["review_by"], today)
        except PeriodError:
            return f'review_by "{row["review_by"][:30]}" is not a date (write 31/03/2027)'
        if day < today:
            return f"review_by {day:%d/%m/%Y} is in the past: give the next review date"
    return None


def import_lines(session: Session, rows: list[ImportRow], actor: ActorLike, now: datetime) -> int:
    """Write every checked row (in the caller's one transaction); approved ones approved by `actor`."""
    for row in rows:
        line = draft_line(session, row.topic, row.version, resolve_tags(session, row.tags), row.use, None, actor, now)
        if row.approved:
            approve_line(session, line, actor, now)
    return len(rows)
