"""Demo lines to take, from the seeds' topics (seed 004): Oflog, the sector support offer, peer challenge
and assurance, Be a Councillor. Approved a month before the demo's "now", one past its review date and
one still a draft, with the press statements that used them. Idempotent: a topic already there is left."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.lines import Line, LineDraft, Tag, approve_line, draft_line, record_line_use
from models.press import PressActivity

DEMO = "demo"


@dataclass(frozen=True)
class DemoActor:
    """Who wrote and approved the demo lines (the audit log names it)."""

    user_id: str = DEMO
    name: str | None = "Herald demo"
    platform: str = "system"
    workspace: str | None = None


@dataclass(frozen=True)
class DemoLine:
    topic: str
    text: str
    tags: tuple[Tag, ...]
    review_in_days: int | None  # from the demo's now; negative: past its review date
    approved: bool = True
    use: str = "on_request"
    used_by_press: tuple[str, ...] = ()  # titles of demo press activity that used it


LINES = (
    DemoLine("Oflog launch",
             "We welcome the launch of the Office for Local Government. Councils are committed to transparency and "
             "to using data to improve services; Oflog must work with the sector, drawing on the LGA's assurance "
             "framework and LG Inform, rather than adding burdens.",
             (Tag("Oflog", "word", "oflog"), Tag("assurance", "word", "assurance")), 120, use="volunteer",
             used_by_press=("Response to Oflog launch",)),
    DemoLine("Sector support offer 2023/24",
             "Our sector support offer helps every council in England improve and address current and emerging "
             "challenges, from peer challenge and leadership programmes to cyber, digital and technology support.",
             (Tag("sector support", "word", "sector support"),), 60, use="volunteer",
             used_by_press=("Launch of the Sector Support Programme for 2023/24",)),
    DemoLine("Peer challenge and assurance",
             "Corporate peer challenges provide effective strategic challenge and improvement support to councils. "
             "They are not forensic investigations into council finances. We are leading work with the sector to "
             "map the assurance framework for local government.",
             (Tag("Woking", "council", "WOI"), Tag("peer challenge", "word", "peer challenge"),
              Tag("assurance", "word", "assurance")), -3,
             used_by_press=("Comment on Woking Corporate Peer Challenge report",)),
    DemoLine("Be a Councillor",
             "Councils need councillors who reflect their communities. Our Be a Councillor campaign helps people "
             "from every background find out what the role involves and how to stand.",
             (Tag("Be a Councillor", "word", "be a councillor"),), 180, approved=False),
)


def ensure_lines(session: Session, now: datetime, tz: ZoneInfo, added: dict) -> None:
    """Add the demo lines not yet there, approved a month ago, with the press activity that used them."""
    actor, approver = DemoActor(), DemoActor(user_id="demo-approver", name="Demo approver")
    existing = set(session.scalars(select(Line.topic).where(Line.owner_id == DEMO)))
    added.setdefault("lines", 0)
    then = now - timedelta(days=30)
    for spec in LINES:
        if spec.topic in existing:
            continue
        review = (now.astimezone(tz) + timedelta(days=spec.review_in_days)).date() if spec.review_in_days else None
        line = draft_line(session, spec.topic, LineDraft(spec.text, "Cllr Abi Brown", review), list(spec.tags),
                          spec.use, None, actor, then)
        added["lines"] += 1
        if not spec.approved:
            continue
        approve_line(session, line, approver, then)
        for title in spec.used_by_press:
            press = session.scalar(select(PressActivity).where(PressActivity.title == title).limit(1))
            if press is not None:
                record_line_use(session, line.id, actor=actor, now=then, press_id=press.id)
