"""Who is asking, from a Slack request: user, workspace, and whether they are a Herald admin.

Admins are the users listed in `SLACK_ADMIN_USER_IDS` and the members of the Slack user group
`SLACK_ADMIN_USERGROUP_ID` (read with usergroups.users.list and remembered for a minute, so a
burst of commands costs one call).
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from config import Settings
from handlers.context import Actor

log = logging.getLogger("herald.slack.actors")
GROUP_CACHE_SECONDS = 60.0


class AdminDirectory:
    """Answers "is this Slack user an admin?" from settings and the admin user group."""

    def __init__(self, settings: Settings, monotonic: Callable[[], float] = time.monotonic):
        self.settings = settings
        self._monotonic = monotonic
        self._members: dict[str, tuple[float, frozenset[str]]] = {}
        self._lock = threading.Lock()

    def is_admin(self, user_id: str, team: str | None, client: WebClient) -> bool:
        if user_id in self.settings.SLACK_ADMIN_USER_IDS:
            return True
        if not self.settings.SLACK_ADMIN_USERGROUP_ID:
            return False
        return user_id in self._group_members(team, client)

    def _group_members(self, team: str | None, client: WebClient) -> frozenset[str]:
        key = team or "-"
        now = self._monotonic()
        with self._lock:
            cached = self._members.get(key)
            if cached and now - cached[0] < GROUP_CACHE_SECONDS:
                return cached[1]
        try:
            response = client.usergroups_users_list(usergroup=self.settings.SLACK_ADMIN_USERGROUP_ID)
            members = frozenset(response.get("users") or ())
        except SlackApiError as exc:
            log.warning("cannot read admin user group: %s", exc.response.get("error"))
            members = cached[1] if cached else frozenset()
        with self._lock:
            self._members[key] = (now, members)
        return members


def slack_actor(user_id: str, name: str | None, team: str | None, is_admin: bool) -> Actor:
    """The `Actor` for a Slack user in a workspace."""
    return Actor(user_id=user_id, name=name, platform="slack", workspace=team, is_admin=is_admin)
