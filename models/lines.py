"""Lines to take: the team's statements on a topic, each a line with versions that are approved in turn.

A line (topic, tags, owner, volunteer or on request, an optional embargo link to a press activity)
has versions. A version is a `draft` until an approver approves it; approving supersedes the version
that was current, so a line has at most one `approved` version and the approved text stays in use
while a newer draft waits. Withdrawing ends the current version (and any waiting draft) with a reason.
Every version is kept: `version_on(line, when)` answers "what did we say about Oflog in June?".
Uses record where a version went (an enquiry, a press activity, a channel and thread).

`lines.search_body` and `lines.tags` hold what full-text search reads (`models.lines_search`); the
migration's triggers keep SQLite's FTS5 table in step with them, PostgreSQL indexes them directly.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, func, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.audit import ActorLike, record_audit
from models.db import Base
from models.press import PressActivity, Viewer, embargo_lifted

USES = ("volunteer", "on_request")
STATUSES = ("draft", "approved", "superseded", "withdrawn")
TAG_KINDS = ("council", "programme", "campaign", "word")


class Line(Base):
    """A line to take on one topic; its words live in its versions."""

    __tablename__ = "lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(300), index=True)
    tags: Mapped[str] = mapped_column(Text, default="")  # display form, comma-separated; searched
    search_body: Mapped[str] = mapped_column(Text, default="")  # text of its current and waiting versions
    use: Mapped[str] = mapped_column(String(12), default="on_request")
    press_id: Mapped[int | None] = mapped_column(ForeignKey("press_activities.id", ondelete="SET NULL"))
    owner_id: Mapped[str] = mapped_column(String(100))
    owner_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    workspace: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    versions: Mapped[list["LineVersion"]] = relationship(
        back_populates="line", order_by="LineVersion.number", cascade="all, delete-orphan")
    tag_rows: Mapped[list["LineTag"]] = relationship(cascade="all, delete-orphan")


class LineVersion(Base):
    """One wording of a line, with who wrote and approved it and when it stopped being current."""

    __tablename__ = "line_versions"
    __table_args__ = (Index("ix_line_versions_line_status", "line_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("lines.id", ondelete="CASCADE"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    spokesperson: Mapped[str | None] = mapped_column(String(200))
    review_by: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    author_id: Mapped[str] = mapped_column(String(100))
    author_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_by_name: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(index=True)
    ended_at: Mapped[datetime | None]  # superseded or withdrawn at
    withdrawn_by: Mapped[str | None] = mapped_column(String(100))
    withdraw_reason: Mapped[str | None] = mapped_column(Text)

    line: Mapped[Line] = relationship(back_populates="versions")


class LineTag(Base):
    """A tag of a line, read once: a council (its code), a programme or campaign (its name), or a word."""

    __tablename__ = "line_tags"
    __table_args__ = (Index("ix_line_tags_kind_ref", "kind", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("lines.id", ondelete="CASCADE"), index=True)
    tag: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    ref: Mapped[str] = mapped_column(String(200))  # council code, or the lower-cased name / word


class LineUse(Base):
    """A version of a line used somewhere: in answer to an enquiry, in a press statement, in a thread."""

    __tablename__ = "line_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("lines.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("line_versions.id", ondelete="CASCADE"))
    enquiry_id: Mapped[int | None]
    press_id: Mapped[int | None] = mapped_column(ForeignKey("press_activities.id", ondelete="SET NULL"))
    channel: Mapped[str | None] = mapped_column(String(100))
    thread_ts: Mapped[str | None] = mapped_column(String(40))
    used_by: Mapped[str] = mapped_column(String(100))
    used_by_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    used_at: Mapped[datetime] = mapped_column(index=True)


@dataclass(frozen=True)
class Tag:
    """A tag as read: what was typed, its kind, and what it refers to."""

    tag: str
    kind: str
    ref: str


@dataclass(frozen=True)
class LineDraft:
    """A version about to be written, already read and checked."""

    text: str
    spokesperson: str | None = None
    review_by: date | None = None


class LineStateError(ValueError):
    """A change that the line's state does not allow (approving with no draft…); the message says why."""


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def visible_to(viewer: Viewer, now: datetime):
    """SQL condition: the line has no embargoed press activity `viewer` may not see yet (as `/press`)."""
    return or_(Line.press_id.is_(None), Line.press_id.in_(select(PressActivity.id).where(embargo_lifted(viewer, now))))


def current_version(line: Line) -> LineVersion | None:
    """The approved version in use, or None (never a superseded, withdrawn or draft one)."""
    return next((v for v in line.versions if v.status == "approved"), None)


def waiting_draft(line: Line) -> LineVersion | None:
    """The newest draft awaiting approval, or None."""
    drafts = [v for v in line.versions if v.status == "draft"]
    return drafts[-1] if drafts else None


def latest_version(line: Line) -> LineVersion:
    return line.versions[-1]


def review_due(version: LineVersion, today: date) -> bool:
    """Whether `version` is past its review-by date on `today` (local), so not to be used as current."""
    return version.review_by is not None and version.review_by < today


def version_on(line: Line, when: datetime) -> LineVersion | None:
    """The version that was current at `when`: approved by then, not yet superseded or withdrawn."""
    for version in reversed(line.versions):
        if version.approved_at is not None and version.approved_at <= when and (
                version.ended_at is None or version.ended_at > when):
            return version
    return None


def line_by_topic(session: Session, topic: str, viewer: Viewer, now: datetime) -> Line | None:
    """The visible line whose topic is exactly `topic` (any case), or None."""
    return session.scalars(select(Line).where(func.lower(Line.topic) == topic.strip().lower(),
                                              visible_to(viewer, now)).order_by(Line.id).limit(1)).first()


def get_visible_line(session: Session, line_id: int, viewer: Viewer, now: datetime) -> Line | None:
    """One line if it exists and `viewer` may see it now (an embargo holds as for `/press`)."""
    return session.scalar(select(Line).where(Line.id == line_id, visible_to(viewer, now)))


def lines_tagged(session: Session, kind: str | None, ref: str, viewer: Viewer, now: datetime,
                 limit: int = 20) -> list[Line]:
    """Visible lines with a tag (`kind` None: any kind) whose ref is `ref`, newest first."""
    query = select(LineTag.line_id).where(LineTag.ref == (ref if kind == "council" else ref.lower()))
    if kind is not None:
        query = query.where(LineTag.kind == kind)
    return list(session.scalars(select(Line).where(Line.id.in_(query), visible_to(viewer, now))
                                .order_by(Line.updated_at.desc(), Line.id.desc()).limit(limit)))


def uses_of(session: Session, line: Line) -> list[LineUse]:
    """Where the line was used, newest first."""
    return list(session.scalars(select(LineUse).where(LineUse.line_id == line.id)
                                .order_by(LineUse.used_at.desc(), LineUse.id.desc())))


# ---------------------------------------------------------------------------------------------
# Changing (the handler has asked the access policy; every change is audited here)
# ---------------------------------------------------------------------------------------------

def _reindex(line: Line) -> None:
    """What search reads: the topic, the tags and the text of the current and waiting versions."""
    line.tags = ", ".join(t.tag for t in line.tag_rows)
    line.search_body = "\n\n".join(
        " ".join(filter(None, (v.text, v.spokesperson))) for v in line.versions if v.status in ("approved", "draft"))


def draft_line(session: Session, topic: str, draft: LineDraft, tags: list[Tag], use: str, press_id: int | None,
               actor: ActorLike, now: datetime) -> Line:
    """A new line with its first version as a draft, audited."""
    line = Line(topic=topic, use=use, press_id=press_id, owner_id=actor.user_id, owner_name=actor.name,
                platform=actor.platform, workspace=actor.workspace, created_at=now, updated_at=now)
    line.tag_rows = [LineTag(tag=t.tag, kind=t.kind, ref=t.ref) for t in tags]
    line.versions = [_version(1, draft, actor, now)]
    _reindex(line)
    session.add(line)
    session.flush()
    record_audit(session, at=now, actor=actor, action="lines.draft", entity="line", entity_id=line.id,
                 detail={"topic": topic, "version": 1})
    return line


def _version(number: int, draft: LineDraft, actor: ActorLike, now: datetime) -> LineVersion:
    return LineVersion(number=number, text=draft.text, spokesperson=draft.spokesperson, review_by=draft.review_by,
                       status="draft", author_id=actor.user_id, author_name=actor.name, created_at=now)


def edit_line(session: Session, line: Line, draft: LineDraft, actor: ActorLike, now: datetime) -> LineVersion:
    """A new draft version (any waiting draft is replaced by it); the approved text stays in use."""
    for old in line.versions:
        if old.status == "draft":
            old.status, old.ended_at = "superseded", now
    version = _version(latest_version(line).number + 1, draft, actor, now)
    line.versions.append(version)
    line.updated_at = now
    _reindex(line)
    session.flush()
    record_audit(session, at=now, actor=actor, action="lines.edit", entity="line", entity_id=line.id,
                 detail={"version": version.number})
    return version


def approve_line(session: Session, line: Line, actor: ActorLike, now: datetime) -> LineVersion:
    """Approve the waiting draft: it becomes current and the version it replaces is superseded."""
    draft = waiting_draft(line)
    if draft is None:
        raise LineStateError(f"Line #{line.id} has no draft waiting for approval.")
    previous = current_version(line)
    if previous is not None:
        previous.status, previous.ended_at = "superseded", now
    draft.status, draft.approved_by, draft.approved_by_name, draft.approved_at = "approved", actor.user_id, actor.name, now
    line.updated_at = now
    _reindex(line)
    session.flush()
    record_audit(session, at=now, actor=actor, action="lines.approve", entity="line", entity_id=line.id,
                 detail={"version": draft.number, "superseded": previous.number if previous else None})
    return draft


def withdraw_line(session: Session, line: Line, reason: str, actor: ActorLike, now: datetime) -> list[LineVersion]:
    """Withdraw the line at once: its current version and any waiting draft end, with the reason."""
    ended = [v for v in line.versions if v.status in ("approved", "draft")]
    if not ended:
        raise LineStateError(f"Line #{line.id} has nothing current or waiting to withdraw.")
    for version in ended:
        version.status, version.ended_at = "withdrawn", now
        version.withdrawn_by, version.withdraw_reason = actor.user_id, reason
    line.updated_at = now
    _reindex(line)
    session.flush()
    record_audit(session, at=now, actor=actor, action="lines.withdraw", entity="line", entity_id=line.id,
                 detail={"versions": [v.number for v in ended], "reason": reason})
    return ended


def record_line_use(session: Session, line_id: int, *, actor: ActorLike, now: datetime, enquiry_id: int | None = None,
                    press_id: int | None = None, channel: str | None = None,
                    thread_ts: str | None = None) -> LineUse:
    """Record that the line's current version was used (for an enquiry, a press activity, in a thread).

    Raises `LineStateError` when the line has no approved version (a withdrawn line cannot be used).
    """
    line = session.get(Line, line_id)
    version = current_version(line) if line is not None else None
    if version is None:
        raise LineStateError(f"Line #{line_id} has no approved version to use.")
    use = LineUse(line_id=line_id, version_id=version.id, enquiry_id=enquiry_id, press_id=press_id, channel=channel,
                  thread_ts=thread_ts, used_by=actor.user_id, used_by_name=actor.name, platform=actor.platform,
                  used_at=now)
    session.add(use)
    session.flush()
    record_audit(session, at=now, actor=actor, action="lines.use", entity="line", entity_id=line_id,
                 detail={"version": version.number, "enquiry_id": enquiry_id, "press_id": press_id,
                         "channel": channel})
    return use
