"""Demo support requests: councils' calls for communications support, in the spirit of seed 004
("calls on the LGA for communications support – from councils in the media spotlight"; the dedicated
communications officer funded for Thurrock). Keyed by (council, issue), so reloading adds nothing."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.support import SupportRequest

When = Callable[[str], datetime]  # the demo's relative specs ("last:D", "ahead:D"…) → a UTC instant
DEMO_OWNER = "demo"


@dataclass(frozen=True)
class DemoSupport:
    council: str  # local-authority-code
    issue: str
    category: str
    contact: str
    advised: str
    logged: str  # when spec
    followup: str | None = None
    closed: bool = False


REQUESTS = (
    DemoSupport("THR", "Section 114 notice and commissioners' arrival", "finance", "Head of Communications",
                "Media handling advice; holding statement; a dedicated communications officer for three months",
                "last:1", followup="ahead:3"),
    DemoSupport("WOI", "Debt levels in the national press", "finance", "Communications Manager",
                "Background briefing for journalists; Q&A for the leader", "last:3", closed=True),
    DemoSupport("CRY", "Governance review findings published", "governance", "Director of Communications",
                "Statement drafting; spokesperson preparation for local radio", "last:4", followup="ahead:6"),
    DemoSupport("SLG", "New leader in the spotlight after resignations", "leadership", "Press Officer",
                "Media relations advice for the first 100 days", "last:0", closed=True),
    DemoSupport("BIR", "Bin strike coverage", "service failure", "Head of Media",
                "Reactive lines; social media handling plan", "this:30", followup="ahead:2"),
)


def ensure_support(session: Session, now: datetime, when: When, added: dict) -> None:
    """Add the demo support requests not already there."""
    have = set(session.execute(select(SupportRequest.council_code, SupportRequest.issue)).all())
    for r in REQUESTS:
        if (r.council, r.issue) in have:
            continue
        logged = when(r.logged)
        session.add(SupportRequest(
            council_code=r.council, issue=r.issue, category=r.category, contact=r.contact, advised=r.advised,
            followup_at=when(r.followup) if r.followup else None, owner_id=DEMO_OWNER, owner_name="Demo officer",
            platform="cli", status="closed" if r.closed else "open", logged_by=DEMO_OWNER, created_at=logged,
            closed_at=logged + timedelta(days=1) if r.closed else None))
        added["support requests"] = added.get("support requests", 0) + 1
