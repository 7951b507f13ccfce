"""Import the programme plan (seed 001's columns) from CSV; peer challenge records are
`models.challenge_import`'s, with the row reading and report shared from here.

Both imports read every row first, report each bad row by its line number and import the rest;
importing the same file again updates what is there instead of adding duplicates.
"""
from __future__ import annotations

import calendar
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.periods import MONTHS
from models.programme import Programme, RagRating, RatingError, parse_rating, squash

MAX_FIELD = 5000


@dataclass(frozen=True)
class RowError:
    """A row that was not imported, and why (line numbers count from 1, header included)."""

    line: int
    message: str


@dataclass
class ImportReport:
    """What an import did: counts of records created/updated/unchanged and the rows it refused."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ratings_added: int = 0
    ratings_updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    def summary(self, noun: str) -> str:
        parts = [f"{self.created} {noun} created", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.ratings_added or self.ratings_updated:
            parts.append(f"{self.ratings_added} ratings added, {self.ratings_updated} changed")
        parts.append(f"{len(self.errors)} row{'s' if len(self.errors) != 1 else ''} with errors")
        return "; ".join(parts)


class PlanFileError(ValueError):
    """The file as a whole cannot be read (no header row with the needed columns)."""


def read_rows(text: str) -> list[list[str]]:
    """A CSV file's rows (any dialect Excel writes: comma, semicolon or tab), cells stripped."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), dialect)]


def header_key(text: str) -> str:
    """A column header as the imports compare it: lower case, punctuation as single spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


# --- Programme plan --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReviewColumn:
    """A review's rating column: its position, its name ("Oct 2011 review") and when it happened."""

    index: int
    name: str
    held_at: datetime | None


@dataclass
class PlanColumns:
    """Which column holds what in a programme plan."""

    name: int
    outcome: int | None = None
    outputs: int | None = None
    timescales: int | None = None
    comments: int | None = None
    owner: int | None = None
    aliases: int | None = None
    managers: int | None = None
    reviews: list[ReviewColumn] = field(default_factory=list)


@dataclass
class PlanEntry:
    """One programme as the plan describes it, built from its row and any continuation rows."""

    line: int
    name: str
    outcome: str | None
    outputs: list[str]
    timescales: list[str]
    comments: list[str]
    ratings: dict[str, str]  # review name → rating
    owner: str | None = None
    aliases: list[str] = field(default_factory=list)
    managers: list[str] = field(default_factory=list)


def plan_columns(header: list[str], now: datetime) -> PlanColumns | None:
    """Recognise a header row by its words; None when it is not the plan's header."""
    keys = [header_key(h) for h in header]
    name = next((i for i, k in enumerate(keys) if k in ("project", "programme", "name", "project name",
                                                          "programme name")), None)
    if name is None:
        name = next((i for i, k in enumerate(keys) if k.startswith(("project", "programme"))
                     and "outcome" not in k and "output" not in k), None)
    if name is None:
        return None
    cols = PlanColumns(name=name)
    for i, k in enumerate(keys):
        if i == name or not k:
            continue
        if "outcome" in k:
            cols.outcome = i
        elif "output" in k:
            cols.outputs = i
        elif "timescale" in k or k in ("timescale", "timing", "deadline"):
            cols.timescales = i
        elif "comment" in k or k == "notes":
            cols.comments = i
        elif "review" in k or "rag" in k.split() or "rating" in k:
            cols.reviews.append(_review_column(i, header[i], now))
        elif k in ("owner", "lead", "lead officer"):
            cols.owner = i
        elif k in ("aliases", "also known as", "alias"):
            cols.aliases = i
        elif k in ("managers", "manager", "manager ids", "slack ids"):
            cols.managers = i
    known = (cols.outcome, cols.outputs, cols.timescales, cols.comments, *(r.index for r in cols.reviews))
    return cols if any(i is not None for i in known) else None  # a title line is not a header


def _review_column(index: int, header: str, now: datetime) -> ReviewColumn:
    """ "Oct 2011 review red Amber green)" → "Oct 2011 review", held at the end of October 2011."""
    cut = re.search(r"review", header, re.IGNORECASE)
    name = header[:cut.end()] if cut else header
    name = " ".join(name.replace("(", " ").replace(")", " ").split())[:100] or f"Review {index + 1}"
    when = re.search(r"([A-Za-z]+)\.?\s+(\d{4})", name)
    held_at = None
    if when and when.group(1).lower() in MONTHS:
        year, month = int(when.group(2)), MONTHS[when.group(1).lower()]
        held_at = datetime(year, month, calendar.monthrange(year, month)[1], 12, tzinfo=timezone.utc)
    return ReviewColumn(index=index, name=name, held_at=held_at)


def cell_text(row: list[str], index: int | None) -> str:
    """The text of a row's column (empty when the file has no such column or the row is short), capped."""
    return row[index][:MAX_FIELD] if index is not None and index < len(row) else ""


def parse_plan(rows: list[list[str]], now: datetime) -> tuple[list[PlanEntry], list[RowError], PlanColumns]:
    """Programmes from a plan's rows: title lines before the header are skipped, blank project cells
    continue the programme above (as merged cells do in the plan), blank outcomes repeat the one above."""
    header_at, cols = next(((i, c) for i, row in enumerate(rows) if (c := plan_columns(row, now))), (None, None))
    if cols is None:
        raise PlanFileError("No header row found: the plan needs a 'Project' column (and outcome indicator, "
                           "outputs, timescales, review and comments columns as in the programme plan).")
    entries: list[PlanEntry] = []
    errors: list[RowError] = []
    outcome: str | None = None
    for line, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(row):
            continue
        outcome = cell_text(row, cols.outcome) or outcome
        name = cell_text(row, cols.name)
        try:
            ratings = _row_ratings(row, cols)
        except RatingError as exc:
            errors.append(RowError(line, str(exc)))
            continue
        if not name:
            _continue_entry(entries, row, cols, ratings, line, errors)
            continue
        if len(name) > 200 or len(cell_text(row, cols.owner)) > 200:
            errors.append(RowError(line, "project name or owner is longer than 200 characters"))
            continue
        entries.append(PlanEntry(
            line=line, name=" ".join(name.split()), outcome=outcome,
            outputs=[v for v in [cell_text(row, cols.outputs)] if v],
            timescales=[v for v in [cell_text(row, cols.timescales)] if v],
            comments=[v for v in [cell_text(row, cols.comments)] if v], ratings=ratings,
            owner=cell_text(row, cols.owner) or None, aliases=_list(cell_text(row, cols.aliases)),
            managers=_list(cell_text(row, cols.managers))))
    return entries, errors, cols


def _row_ratings(row: list[str], cols: PlanColumns) -> dict[str, str]:
    ratings = {}
    for review in cols.reviews:
        raw = cell_text(row, review.index)
        if raw:
            try:
                ratings[review.name] = parse_rating(raw)
            except RatingError as exc:
                raise RatingError(f"{review.name}: {exc}") from None
    return ratings


def _continue_entry(entries: list[PlanEntry], row: list[str], cols: PlanColumns, ratings: dict[str, str],
                    line: int, errors: list[RowError]) -> None:
    if not entries:
        errors.append(RowError(line, "no project name, and no project above it to continue"))
        return
    entry = entries[-1]
    for values, index in ((entry.outputs, cols.outputs), (entry.timescales, cols.timescales),
                          (entry.comments, cols.comments)):
        if value := cell_text(row, index):
            values.append(value)
    entry.ratings.update(ratings)


def _list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def import_plan(session: Session, text: str, actor: ActorLike, now: datetime) -> ImportReport:
    """Create or update every programme in a plan CSV and its review ratings; audited as one import."""
    entries, errors, cols = parse_plan(read_rows(text), now)
    report = ImportReport(errors=errors)
    reviews = {r.name: r for r in cols.reviews}
    existing = list(session.scalars(select(Programme)))
    index = {squash(n): p for p in existing for n in [p.name, *(p.aliases or [])]}
    for entry in entries:
        programme = index.get(squash(entry.name))
        if programme is None:
            programme = Programme(name=entry.name, created_at=now, aliases=[], keywords=[], manager_user_ids=[])
            session.add(programme)
            index[squash(entry.name)] = programme
            report.created += 1
            _apply_entry(programme, entry)
        elif _apply_entry(programme, entry):
            report.updated += 1
        else:
            report.unchanged += 1
        session.flush()
        _apply_ratings(session, programme, entry, reviews, actor, now, report)
    record_audit(session, at=now, actor=actor, action="programme.import", entity="programme",
                 detail={"created": report.created, "updated": report.updated, "errors": len(report.errors)})
    session.flush()
    return report


def _apply_entry(programme: Programme, entry: PlanEntry) -> bool:
    """Copy the plan's text onto the programme; True if anything changed."""
    values = {"outcome_indicator": entry.outcome, "outputs": "\n".join(entry.outputs) or None,
              "timescales": "\n".join(entry.timescales) or None}
    if entry.owner:
        values["owner"] = entry.owner
    changed = False
    for attr, value in values.items():
        if getattr(programme, attr) != value:
            setattr(programme, attr, value)
            changed = True
    for attr, extra in (("aliases", entry.aliases), ("manager_user_ids", entry.managers)):
        merged = list(dict.fromkeys([*(getattr(programme, attr) or []), *extra]))
        if merged != (getattr(programme, attr) or []):
            setattr(programme, attr, merged)
            changed = True
    return changed


def _apply_ratings(session: Session, programme: Programme, entry: PlanEntry, reviews: dict[str, ReviewColumn],
                   actor: ActorLike, now: datetime, report: ImportReport) -> None:
    """One rating per review: added when new, changed in place when the plan says otherwise."""
    if not entry.ratings:
        return
    have = {r.review.lower(): r for r in session.scalars(
        select(RagRating).where(RagRating.programme_id == programme.id, RagRating.review.is_not(None)))}
    latest = max(entry.ratings, key=lambda name: (reviews[name].held_at or now, reviews[name].index))
    for name, rating in entry.ratings.items():
        comment = ("\n".join(entry.comments) or None) if name == latest else None
        current = have.get(name.lower())
        if current is None:
            session.add(RagRating(programme_id=programme.id, rating=rating, review=name, comment=comment,
                                  rated_by=(actor.name or actor.user_id)[:100], platform=actor.platform,
                                  rated_at=reviews[name].held_at or now))
            report.ratings_added += 1
        elif (current.rating, current.comment) != (rating, comment or current.comment):
            current.rating, current.comment = rating, comment or current.comment
            report.ratings_updated += 1
