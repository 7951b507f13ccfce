"""Named webhook tokens: each integration its own bearer token, allowed onto named webhooks.

`HERALD_WEBHOOK_TOKENS` holds entries `name/scope+scope=token`, comma- or space-separated, e.g.
`meltwater/coverage=Tk1 analytics/campaign-metrics=Tk2 meltwater/coverage=Tk3` (scopes: `coverage`,
`campaign-metrics`, or `*` for every webhook). Two entries with one name are both valid, so a token is
rotated by adding the new one, moving the integration over, then removing the old. The older
`HERALD_WEBHOOK_TOKEN` still works: one token, named `webhook`, allowed everywhere. What each
integration stores is marked with its name (`webhook:<name>`), and so is its audit trail.
"""
from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

from config import ConfigError, Settings

SCOPES = ("coverage", "campaign-metrics")
_ENTRY = re.compile(r"^(?P<name>[a-z0-9][a-z0-9_-]{0,39})/(?P<scopes>[a-z*+-]+)=(?P<token>\S+)$")
MIN_TOKEN_LENGTH = 16
LEGACY_NAME = "webhook"


@dataclass(frozen=True)
class WebhookToken:
    """One integration's token and the webhooks it may post to."""

    name: str
    scopes: frozenset[str]
    token: str

    def allows(self, scope: str) -> bool:
        return "*" in self.scopes or scope in self.scopes

    @property
    def who(self) -> str:
        """How stored records and the audit log name this integration."""
        return f"webhook:{self.name}"


def webhook_tokens(settings: Settings) -> tuple[WebhookToken, ...]:
    """Every valid token; `ConfigError` naming the setting and the entry (never the token) if one is wrong."""
    found = []
    for number, entry in enumerate(settings.HERALD_WEBHOOK_TOKENS.replace(",", " ").split(), start=1):
        match = _ENTRY.match(entry.strip())
        where = f"HERALD_WEBHOOK_TOKENS: entry {number}"
        if match is None:
            raise ConfigError(f"{where} is not name/scope=token (e.g. meltwater/coverage=<token>)")
        scopes = frozenset(match["scopes"].split("+"))
        if unknown := scopes - set(SCOPES) - {"*"}:
            raise ConfigError(f"{where} ({match['name']}): unknown scope {sorted(unknown)[0]!r}; "
                              f"use {', '.join(SCOPES)} or *")
        if len(match["token"]) < MIN_TOKEN_LENGTH:
            raise ConfigError(f"{where} ({match['name']}): the token is shorter than {MIN_TOKEN_LENGTH} characters")
        found.append(WebhookToken(match["name"], scopes, match["token"]))
    if settings.HERALD_WEBHOOK_TOKEN:
        found.append(WebhookToken(LEGACY_NAME, frozenset({"*"}), settings.HERALD_WEBHOOK_TOKEN))
    return tuple(found)


def token_for(tokens: tuple[WebhookToken, ...], presented: str) -> WebhookToken | None:
    """The token `presented` matches (each compared in constant time), or None."""
    match = None
    for token in tokens:
        if hmac.compare_digest(presented.encode(), token.token.encode()):
            match = match or token
    return match
