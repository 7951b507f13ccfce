"""A campaign plan from a spreadsheet (CSV: activity, date, status, channel): read, check, import whole.

Reading collects every row's problem (line number and why) instead of stopping at the first, so
a person can fix the file in one go; importing adds all rows in the caller's transaction or none.
Dates are read as people write them in plans: 17/02/2011, 17.02.11, "w/b 14.02.11", 22 March 2011.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.campaign import Campaign, CampaignActivity, CampaignDataError, activity_status, campaign_channel
from models.periods import PeriodError, parse_day

COLUMN_NAMES = {"activity": "activity", "activities": "activity", "title": "activity", "date": "date",
                "when": "date", "due": "date", "status": "status", "channel": "channel"}
REQUIRED = ("activity", "date")
MAX_TITLE = 500


class PlanFileError(ValueError):
    """The file as a whole cannot be read as a plan (no header, missing columns)."""


@dataclass(frozen=True)
class PlanRow:
    """One checked line of a plan."""

    line: int
    title: str
    due_on: date
    status: str
    channel: str | None


@dataclass(frozen=True)
class RowError:
    """Why one line of a plan cannot be imported."""

    line: int
    message: str


@dataclass
class PlanReading:
    """A plan file read through: the good rows and every error found."""

    rows: list[PlanRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def split_plan(text: str) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The column positions and the (line number, cells) of every non-blank data line."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = [(n, cells) for n, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1)
             if any(c.strip() for c in cells)]
    if not lines:
        raise PlanFileError("The file is empty: it needs a header line (activity, date, status, channel).")
    header = [COLUMN_NAMES.get(c.strip().lower()) for c in lines[0][1]]
    columns = {name: i for i, name in enumerate(header) if name}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise PlanFileError(f"The header needs the column(s) {', '.join(missing)}; it has: "
                            + ", ".join(c.strip() for c in lines[0][1]))
    return columns, lines[1:]


def read_plan_row(line: int, cells: list[str], columns: dict[str, int], today: date) -> PlanRow:
    """Check one line; raise ValueError with a message naming the column at fault."""
    def cell(name: str) -> str:
        i = columns.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    title = " ".join(cell("activity").split())
    if not title:
        raise ValueError("activity: empty")
    if len(title) > MAX_TITLE:
        raise ValueError(f"activity: longer than {MAX_TITLE} characters")
    raw_date = re.sub(r"^(w/?b|w/?c|week (beginning|commencing))\s*", "", cell("date"), flags=re.I)
    if not raw_date:
        raise ValueError("date: empty")
    try:
        due_on = parse_day(raw_date, today)
    except PeriodError as exc:
        raise ValueError(f"date: {exc}") from None
    try:
        status = activity_status(cell("status") or "planned")
        channel = campaign_channel(cell("channel")) if cell("channel") else None
    except CampaignDataError as exc:
        raise ValueError(str(exc)) from None
    return PlanRow(line, title, due_on, status, channel)


def read_plan(lines: Iterable[tuple[int, list[str]]], columns: dict[str, int], today: date) -> PlanReading:
    """Check every line, keeping the good rows and the reason for each bad one."""
    reading = PlanReading()
    for line, cells in lines:
        try:
            reading.rows.append(read_plan_row(line, cells, columns, today))
        except ValueError as exc:
            reading.errors.append(RowError(line, str(exc)))
    return reading


@dataclass(frozen=True)
class ImportResult:
    """How many rows an import added, and how many were already in the plan."""

    added: int
    already_there: int


def import_plan(session: Session, campaign: Campaign, rows: Iterable[PlanRow], actor: ActorLike, now: datetime,
                source: str, on_row: Callable[[], None] = lambda: None) -> ImportResult:
    """Add each row not already in the plan (same activity and date); audited as one import."""
    have = {(a.title, a.due_on) for a in session.scalars(
        select(CampaignActivity).where(CampaignActivity.campaign_id == campaign.id))}
    added = skipped = 0
    for row in rows:
        if (row.title, row.due_on) in have:
            skipped += 1
        else:
            session.add(CampaignActivity(campaign_id=campaign.id, title=row.title, due_on=row.due_on,
                                         status=row.status, channel=row.channel, created_by=actor.user_id,
                                         created_at=now, done_on=row.due_on if row.status == "done" else None))
            have.add((row.title, row.due_on))
            added += 1
        on_row()
    session.flush()
    record_audit(session, at=now, actor=actor, action="campaign.plan_import", entity="campaign",
                 entity_id=campaign.id, detail={"source": source, "added": added, "already_there": skipped})
    return ImportResult(added, skipped)
