"""Per-team Teams settings read from the environment: webhook secrets and Workflows URLs.

`TEAMS_OUTGOING_WEBHOOK_SECRET` holds one security token, or one per team:

    TEAMS_OUTGOING_WEBHOOK_SECRET="vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA="
    TEAMS_OUTGOING_WEBHOOK_SECRET="finance=<token>,comms=<token>"

A named team's webhook calls `/teams/outgoing?team=finance`; a bare token serves calls without
`?team=`. `TEAMS_WORKFLOWS_URL` has the same shape with Workflows URLs ("https://…" or
"finance=https://… comms=https://…"): where a slow command's answer is posted. Both are secrets:
error messages name the setting and the team, never the value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from bot.teams.signing import decode_secret
from bot.teams.workflows import check_workflows_url
from config import ConfigError, Settings

DEFAULT_TEAM = ""
_TEAM_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_SECRET_SPLIT = re.compile(r"[,\s]+")
_URL_SPLIT = re.compile(r"[,\s]+(?=[A-Za-z0-9_-]+=https?://|https?://)")


@dataclass(frozen=True)
class TeamsSettings:
    """HMAC keys and Workflows URLs by team name ("" is the team called without `?team=`)."""

    keys: Mapping[str, bytes] = field(default_factory=dict)
    workflows_urls: Mapping[str, str] = field(default_factory=dict)

    @property
    def enabled(self) -> bool:
        return bool(self.keys)

    def describe(self, team: str) -> str:
        """How a team is named in messages: its name, or "the default team"."""
        return f"team {team[:40]!r}" if team else "the default team (no ?team=)"


def load_teams_settings(settings: Settings) -> TeamsSettings:
    """Parse both settings or raise `ConfigError` naming the setting and entry (never the secret)."""
    keys = {team: _key(team, value) for team, value in _entries(
        "TEAMS_OUTGOING_WEBHOOK_SECRET", _SECRET_SPLIT.split(settings.TEAMS_OUTGOING_WEBHOOK_SECRET.strip()),
        bare=_is_bare_secret)}
    urls = {team: _url(team, value) for team, value in _entries(
        "TEAMS_WORKFLOWS_URL", _URL_SPLIT.split(settings.TEAMS_WORKFLOWS_URL.strip()),
        bare=lambda entry: entry.lower().startswith(("http://", "https://")))}
    unknown = sorted(set(urls) - set(keys))
    if unknown:
        raise ConfigError(f"TEAMS_WORKFLOWS_URL: {', '.join(repr(t) for t in unknown)} has no matching entry "
                          "in TEAMS_OUTGOING_WEBHOOK_SECRET")
    return TeamsSettings(keys=keys, workflows_urls=urls)


def _is_bare_secret(entry: str) -> bool:
    # Base64 has "=" only as trailing padding, so "name=token" always has text after its first "=".
    return entry.partition("=")[2].strip("=") == ""


def _entries(setting: str, parts: list[str], bare) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for position, entry in enumerate((p for p in parts if p), start=1):
        if bare(entry):
            team, value = DEFAULT_TEAM, entry
        else:
            team, _, value = entry.partition("=")
            team = team.strip().lower()
            if not _TEAM_NAME.match(team):
                raise ConfigError(f"{setting}: entry {position} must be a team name (a-z, 0-9, - or _) "
                                  "then '=' then the value")
        if team in found:
            raise ConfigError(f"{setting}: {'the default team' if not team else repr(team)} is given twice")
        found[team] = value.strip()
    return list(found.items())


def _key(team: str, token: str) -> bytes:
    try:
        return decode_secret(token)
    except ValueError as exc:
        who = f"team {team!r}" if team else "the default team"
        raise ConfigError(f"TEAMS_OUTGOING_WEBHOOK_SECRET: the token for {who} is {exc} "
                          "(paste the security token Teams showed when the webhook was created)") from None


def _url(team: str, url: str) -> str:
    try:
        return check_workflows_url(url)
    except ValueError as exc:
        who = f"team {team!r}" if team else "the default team"
        raise ConfigError(f"TEAMS_WORKFLOWS_URL: the URL for {who} {exc}") from None
