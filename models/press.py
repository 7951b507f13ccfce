"""Press activity (releases, statements, interviews…) and the coverage each one earned."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, ForeignKey, Select, String, Text, func, or_, select, true
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.access import AccessPolicy, Action
from models.audit import ActorLike, record_audit
from models.db import Base
from models.outlet import Outlet
from models.periods import Period

PRESS_TYPES = (
    "press release", "statement", "response", "interview", "exclusive", "briefing",
    "article", "podcast", "broadcast", "event", "evidence",
)
LINK_STATES = ("suggested", "confirmed", "rejected")


class PressActivity(Base):
    """Something the press office put out; hidden from others until its embargo lifts."""

    __tablename__ = "press_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(500))
    outlet_name: Mapped[str | None] = mapped_column(String(200))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    spokesperson: Mapped[str | None] = mapped_column(String(200))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    link: Mapped[str | None] = mapped_column(String(2000))
    embargo_until: Mapped[datetime | None] = mapped_column(index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str] = mapped_column(String(100))
    logged_by_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    workspace: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    deleted_at: Mapped[datetime | None]

    links: Mapped[list["PressCoverageLink"]] = relationship(cascade="all, delete-orphan")


class PressCoverageLink(Base):
    """A suggested, confirmed or rejected claim that a press activity earned a coverage item."""

    __tablename__ = "press_coverage_links"

    press_id: Mapped[int] = mapped_column(
        ForeignKey("press_activities.id", ondelete="CASCADE"), primary_key=True)
    coverage_id: Mapped[int] = mapped_column(
        ForeignKey("coverage_items.id", ondelete="CASCADE"), primary_key=True, index=True)
    status: Mapped[str] = mapped_column(String(10), default="suggested")
    score: Mapped[float | None]
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None]


# ---------------------------------------------------------------------------------------------
# Domain actions. Every reader goes through `visible_press`, so an embargo holds everywhere.
# ---------------------------------------------------------------------------------------------

TYPE_ALIASES = {
    "release": "press release", "pr": "press release", "press-release": "press release",
    "news release": "press release", "article or op-ed": "article", "op-ed": "article", "oped": "article",
    "op ed": "article", "opinion": "article", "comment": "statement", "reactive": "response",
    "podcasts": "podcast", "broadcast interview": "broadcast", "background briefing": "briefing",
    "written evidence": "evidence", "oral evidence": "evidence", "select committee evidence": "evidence",
    "mp briefing": "briefing", "parliamentary briefing": "briefing",
}
EDITABLE_FIELDS = ("kind", "title", "outlet_name", "occurred_at", "spokesperson", "programme_id",
                   "campaign_id", "link", "embargo_until", "notes")


def press_type(text: str) -> str | None:
    """The canonical press type for what someone typed ("release", "op-ed"…), or None."""
    word = " ".join(text.lower().split())
    return word if word in PRESS_TYPES else TYPE_ALIASES.get(word)


@dataclass(frozen=True)
class Viewer:
    """Who will see a list: a person (their id, whether admin) or `PUBLIC` (channels, digests, exports)."""

    user_id: str | None = None
    is_admin: bool = False


PUBLIC = Viewer()


@dataclass(frozen=True)
class PressFilters:
    """Optional narrowing of a press list; text filters match case-insensitively anywhere."""

    kind: str | None = None
    outlet: str | None = None
    spokesperson: str | None = None
    campaign_id: int | None = None
    programme_id: int | None = None


@dataclass(frozen=True)
class PressDraft:
    """A press activity about to be logged, already read and checked."""

    kind: str
    title: str
    occurred_at: datetime
    outlet_name: str | None = None
    spokesperson: str | None = None
    programme_id: int | None = None
    campaign_id: int | None = None
    link: str | None = None
    embargo_until: datetime | None = None
    notes: str | None = None


@dataclass(frozen=True)
class FieldChange:
    """One edit: a `PressActivity` attribute (one of EDITABLE_FIELDS) and its new value."""

    field: str
    value: object


def embargo_lifted(viewer: Viewer, now: datetime) -> ColumnElement[bool]:
    """SQL condition: not under embargo at `now`, or `viewer` is its author or an admin."""
    open_now = or_(PressActivity.embargo_until.is_(None), PressActivity.embargo_until <= now)
    if viewer.is_admin:
        return true()
    if viewer.user_id:
        return or_(open_now, PressActivity.logged_by == viewer.user_id)
    return open_now


def is_embargoed(activity: PressActivity, now: datetime) -> bool:
    """Whether the embargo on `activity` has yet to lift at `now`."""
    return activity.embargo_until is not None and activity.embargo_until > now


def visible_press(session: Session, viewer: Viewer, now: datetime, period: Period | None = None,
                  filters: PressFilters | None = None, limit: int | None = None) -> list[PressActivity]:
    """THE reader of press activity: what `viewer` may see at `now`, newest first, soft-deleted left out.

    Lists, `/campaign`, exports and digests all call this. Pass `PUBLIC` for anything a channel,
    a digest or an export will show: embargoed items stay out until `embargo_until`, even for
    their author. A person sees their own embargoed items; admins see every one.
    """
    query = select(PressActivity).where(PressActivity.deleted_at.is_(None), embargo_lifted(viewer, now))
    if period is not None:
        query = query.where(PressActivity.occurred_at >= period.start, PressActivity.occurred_at < period.end)
    query = _filtered(query, filters or PressFilters())
    query = query.order_by(PressActivity.occurred_at.desc(), PressActivity.id.desc())
    return list(session.scalars(query.limit(limit) if limit else query))


def _filtered(query: Select, f: PressFilters) -> Select:
    if f.kind:
        query = query.where(PressActivity.kind == f.kind)
    if f.outlet:
        query = query.where(func.lower(PressActivity.outlet_name).contains(f.outlet.lower(), autoescape=True))
    if f.spokesperson:
        query = query.where(func.lower(PressActivity.spokesperson).contains(f.spokesperson.lower(), autoescape=True))
    if f.campaign_id is not None:
        query = query.where(PressActivity.campaign_id == f.campaign_id)
    if f.programme_id is not None:
        query = query.where(PressActivity.programme_id == f.programme_id)
    return query


def get_visible_press(session: Session, press_id: int, viewer: Viewer, now: datetime) -> PressActivity | None:
    """One press activity if it exists, is not deleted and `viewer` may see it now; else None."""
    return session.scalar(select(PressActivity).where(
        PressActivity.id == press_id, PressActivity.deleted_at.is_(None), embargo_lifted(viewer, now)))


def match_outlet(session: Session, name: str) -> Outlet | None:
    """The known outlet called `name` (by name, alias or domain, any case), if there is one."""
    wanted = name.strip().lower()
    for outlet in session.scalars(select(Outlet)):
        names = {outlet.name.lower(), (outlet.domain or "").lower()}
        names |= {a.strip().lower() for a in (outlet.aliases or "").split(",") if a.strip()}
        if wanted in names:
            return outlet
    return None


def log_press_activity(session: Session, draft: PressDraft, actor: ActorLike, now: datetime) -> PressActivity:
    """Record a press activity, audit it, and suggest the coverage it may have earned so far."""
    outlet = match_outlet(session, draft.outlet_name) if draft.outlet_name else None
    activity = PressActivity(
        kind=draft.kind, title=draft.title, outlet_name=outlet.name if outlet else draft.outlet_name,
        outlet_id=outlet.id if outlet else None, occurred_at=draft.occurred_at,
        spokesperson=draft.spokesperson, programme_id=draft.programme_id, campaign_id=draft.campaign_id,
        link=draft.link, embargo_until=draft.embargo_until, notes=draft.notes,
        logged_by=actor.user_id, logged_by_name=actor.name, platform=actor.platform,
        workspace=actor.workspace, created_at=now, updated_at=now)
    session.add(activity)
    session.flush()
    record_audit(session, at=now, actor=actor, action="press.log", entity="press_activity",
                 entity_id=activity.id, detail={"kind": activity.kind, "title": activity.title,
                                                "embargo_until": _plain(activity.embargo_until)})
    from models.press_earned import suggest_earned_coverage
    suggest_earned_coverage(session, activity)
    return activity


def require_change_right(activity: PressActivity, actor: ActorLike, action: Action) -> None:
    """Raise `AccessDenied` unless the policy lets `actor` take `action` on `activity` (its author, an admin)."""
    AccessPolicy().require(actor, action, owner_id=activity.logged_by)


def edit_press_activity(session: Session, activity: PressActivity, changes: list[FieldChange],
                        actor: ActorLike, now: datetime) -> dict[str, list]:
    """Apply `changes` if `actor` may; audit old and new values; return what actually changed."""
    require_change_right(activity, actor, Action.PRESS_EDIT)
    changed: dict[str, list] = {}
    for change in changes:
        if change.field not in EDITABLE_FIELDS:
            raise ValueError(f"{change.field} is not an editable field")
        old = getattr(activity, change.field)
        if old != change.value:
            setattr(activity, change.field, change.value)
            changed[change.field] = [_plain(old), _plain(change.value)]
    if "outlet_name" in changed:
        outlet = match_outlet(session, activity.outlet_name) if activity.outlet_name else None
        activity.outlet_id = outlet.id if outlet else None
        activity.outlet_name = outlet.name if outlet else activity.outlet_name
    if changed:
        activity.updated_at = now
        record_audit(session, at=now, actor=actor, action="press.edit", entity="press_activity",
                     entity_id=activity.id, detail=changed)
        session.flush()
        from models.press_earned import suggest_earned_coverage
        suggest_earned_coverage(session, activity)
    return changed


def delete_press_activity(session: Session, activity: PressActivity, actor: ActorLike, now: datetime) -> None:
    """Soft-delete: hidden from every list but kept, with who deleted it in the audit log."""
    require_change_right(activity, actor, Action.PRESS_DELETE)
    activity.deleted_at = now
    activity.updated_at = now
    record_audit(session, at=now, actor=actor, action="press.delete", entity="press_activity",
                 entity_id=activity.id, detail={"title": activity.title})


def _plain(value: object) -> object:
    """A value as the audit log's JSON stores it."""
    return value.isoformat() if isinstance(value, datetime) else value


def deleted_press(session: Session, press_id: int) -> PressActivity | None:
    """A soft-deleted press activity, for restoring; None if it is not deleted (or never existed)."""
    return session.scalar(select(PressActivity).where(
        PressActivity.id == press_id, PressActivity.deleted_at.is_not(None)))


def restore_press_activity(session: Session, activity: PressActivity, actor: ActorLike, now: datetime) -> None:
    """Undo a soft delete (its author or an admin), audited."""
    require_change_right(activity, actor, Action.PRESS_RESTORE)
    activity.deleted_at = None
    activity.updated_at = now
    record_audit(session, at=now, actor=actor, action="press.restore", entity="press_activity",
                 entity_id=activity.id, detail={"title": activity.title})
