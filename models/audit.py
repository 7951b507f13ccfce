"""The audit log: who changed what, from which platform and workspace."""
from __future__ import annotations

from datetime import datetime

from typing import Protocol

from sqlalchemy import JSON, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.db import Base


class ActorLike(Protocol):
    """Who made a change (handlers.context.Actor satisfies this; models do not import handlers)."""

    user_id: str
    name: str | None
    platform: str
    workspace: str | None


REFUSED = "refused"  # the entity of an audit entry recording a refused change


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(100))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(10))
    workspace: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[dict | None] = mapped_column(JSON)


def record_audit(session: Session, *, at: datetime, actor: ActorLike, action: str, entity: str,
                 entity_id: object = None, detail: dict | None = None) -> AuditEntry:
    """Add an audit entry for a change made by `actor`, in the caller's transaction."""
    entry = AuditEntry(
        at=at, actor=actor.user_id, actor_name=actor.name, platform=actor.platform,
        workspace=actor.workspace, action=action, entity=entity,
        entity_id=None if entity_id is None else str(entity_id), detail=detail)
    session.add(entry)
    return entry



def recent_audit(session: Session, limit: int = 20, refused_only: bool = False) -> list[AuditEntry]:
    """The newest audit entries first (changes made and changes refused), at most `limit`."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if refused_only:
        query = query.where(AuditEntry.entity == REFUSED)
    return list(session.scalars(query))
