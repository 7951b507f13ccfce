"""Who is asking, and what a handler may use to answer: session, clock, settings."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from config import Settings
from models.access import AccessPolicy, Action
from models.clock import Clock

Platform = Literal["slack", "teams", "cli", "webhook", "system"]


@dataclass(frozen=True)
class Actor:
    """The person (or system) behind a command, as the platform identified them."""

    user_id: str
    name: str | None = None
    platform: Platform = "cli"
    workspace: str | None = None
    is_admin: bool = False

    @classmethod
    def cli(cls) -> "Actor":
        """The local operator at the shell: an admin."""
        return cls(user_id="cli", name="command line", platform="cli", is_admin=True)

    @classmethod
    def system(cls) -> "Actor":
        return cls(user_id="herald", name="Herald", platform="system", is_admin=True)


@dataclass(frozen=True)
class Notice:
    """Something a handler wants posted to a configured channel (e.g. a RAG change)."""

    destination: str
    text: str


@dataclass
class Context:
    """Everything a handler needs; built by `bot/` (or the CLI) for one command."""

    session: Session
    actor: Actor
    clock: Clock
    settings: Settings
    channel: str | None = None
    notices: list[Notice] = field(default_factory=list)
    asked: list[Action] = field(default_factory=list)  # what the policy was asked during this command
    derived_writes: bool = False  # a read that stores derived data (suggestions): not a change a person makes

    @property
    def policy(self) -> AccessPolicy:
        """The access policy with this Herald's role members."""
        return policy_from(self.settings, self.actor.platform)

    def require(self, action: Action, owner_id: str | None = None, managers: tuple[str, ...] = (),
                owner_name: str | None = None) -> None:
        """Ask the policy before a change; raises `AccessDenied` (the router answers and audits it)."""
        self.asked.append(action)
        self.policy.require(self.actor, action, owner_id, managers, owner_name)

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

    def now(self) -> datetime:
        return self.clock.now()


def policy_from(settings: Settings, platform: str = "slack") -> AccessPolicy:
    """The access policy for these settings; a refusal names the admins of the asker's platform."""
    admins = settings.TEAMS_ADMIN_USER_IDS if platform == "teams" else settings.SLACK_ADMIN_USER_IDS
    return AccessPolicy(digest_editors=frozenset(settings.HERALD_DIGEST_EDITORS),
                        programme_managers=frozenset(settings.HERALD_PROGRAMME_MANAGERS),
                        line_approvers=frozenset(settings.HERALD_LINE_APPROVERS),
                        admin_contacts=tuple(admins))
