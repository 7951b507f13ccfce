"""Where a Teams bot may post proactively: one stored conversation reference per channel or chat.

Teams lets a bot post unprompted only into a conversation it was installed in, and only through the
regional service URL that conversation came from. Both are captured from the install event (or any
later message) and kept here, so a digest can reach the channel without anyone speaking first.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.db import Base


class TeamsConversation(Base):
    """A Teams channel, group chat or personal chat Herald's bot was installed in."""

    __tablename__ = "teams_conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), unique=True)
    service_url: Mapped[str] = mapped_column(String(500))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    conversation_type: Mapped[str | None] = mapped_column(String(20))
    team_id: Mapped[str | None] = mapped_column(String(255))
    bot_id: Mapped[str] = mapped_column(String(200))
    channel_id: Mapped[str] = mapped_column(String(20))
    installed_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]


@dataclass(frozen=True)
class ConversationRef:
    """What is needed to post into a Teams conversation later (a Bot Framework conversation reference)."""

    conversation_id: str
    service_url: str
    bot_id: str
    channel_id: str = "msteams"
    tenant_id: str | None = None
    conversation_type: str | None = None
    team_id: str | None = None


def remember_conversation(session: Session, ref: ConversationRef, now: datetime) -> TeamsConversation:
    """Store or refresh a conversation reference; a re-install clears an earlier removal."""
    row = session.scalar(select(TeamsConversation).where(TeamsConversation.conversation_id == ref.conversation_id))
    if row is None:
        row = TeamsConversation(conversation_id=ref.conversation_id, installed_at=now)
        session.add(row)
    row.service_url, row.bot_id, row.channel_id = ref.service_url, ref.bot_id, ref.channel_id
    row.tenant_id = ref.tenant_id or row.tenant_id
    row.conversation_type = ref.conversation_type or row.conversation_type
    row.team_id = ref.team_id or row.team_id
    row.updated_at, row.removed_at = now, None
    session.flush()
    return row


def forget_conversation(session: Session, conversation_id: str, now: datetime) -> bool:
    """Mark a conversation as uninstalled (kept for the record); False if it was never stored."""
    row = session.scalar(select(TeamsConversation).where(TeamsConversation.conversation_id == conversation_id))
    if row is None:
        return False
    row.removed_at = row.updated_at = now
    return True


def conversation_ref(session: Session, conversation_id: str) -> ConversationRef | None:
    """The stored reference for a conversation the bot is still installed in, else None."""
    row = session.scalar(select(TeamsConversation).where(
        TeamsConversation.conversation_id == conversation_id, TeamsConversation.removed_at.is_(None)))
    if row is None:
        return None
    return ConversationRef(conversation_id=row.conversation_id, service_url=row.service_url, bot_id=row.bot_id,
                           channel_id=row.channel_id, tenant_id=row.tenant_id,
                           conversation_type=row.conversation_type, team_id=row.team_id)


def installed_conversations(session: Session) -> list[TeamsConversation]:
    """Every conversation the bot is still installed in, oldest install first."""
    return list(session.scalars(select(TeamsConversation).where(TeamsConversation.removed_at.is_(None))
                                .order_by(TeamsConversation.installed_at, TeamsConversation.id)))
