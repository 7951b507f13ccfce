"""What a line's review reminder says when it falls due (the composer for notices of kind `line_review`)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from handlers.reply import Button, Fact, Reply, Section
from models.lines import Line, current_version
from models.notices import Notice


def compose_line_review(session: Session, notice: Notice, now: datetime, settings) -> Reply | None:
    """"Line #12 is due for review in a week / today"; None when that version is no longer current."""
    line = session.get(Line, notice.subject_id) if notice.subject_id is not None else None
    version = current_version(line) if line is not None else None
    if version is None or version.review_by is None:
        return None  # withdrawn, or never approved
    if f":v{version.number}:review{version.review_by:%Y%m%d}:" not in notice.key:
        return None  # a newer version or another review date replaced the one this reminder was for
    today = now.astimezone(settings.tz).date()
    when = "today" if version.review_by <= today else f"on {version.review_by:%a %-d %b %Y}"
    owner = "" if notice.address == line.owner_id else f" (owner: {line.owner_name or line.owner_id})"
    return Reply(title=f"Line to take due for review {when}: {line.topic}{owner}",
                 sections=(Section(text=version.text),
                           Section(facts=(Fact("Review by", f"{version.review_by:%a %-d %b %Y}"),
                                          Fact("Version", f"v{version.number} of line #{line.id}")))),
                 context=(f"Update it with /lines edit {line.id} text:\"…\" review:\"…\", or ask an admin to "
                          f"withdraw it.",),
                 buttons=(Button("History", command=f"lines history {line.id}"),), visibility="channel")
