"""The Teams bot's own bearer tokens: a client-credentials grant against its single Entra tenant.

Every post into Teams (a reply or a proactive message) carries `Authorization: Bearer <token>` for
scope `https://api.botframework.com/.default` (reference/teams.md §2). Tokens are cached per scope
until five minutes before they expire, by Herald's clock. MSAL is not used: it insists on an https
authority and discovers it over the network, so its endpoint could not be pointed at a test fake.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import requests

from config import Settings
from models.clock import Clock

TIMEOUT_SECONDS = 10.0
EARLY_REFRESH = timedelta(minutes=5)


class BotTokenError(Exception):
    """No token: the endpoint refused (the message has its error code, never the secret) or was down."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


def token_url(settings: Settings) -> str:
    """The single-tenant Entra token endpoint, unless `TEAMS_BOT_TOKEN_URL` overrides it (tests)."""
    return (settings.TEAMS_BOT_TOKEN_URL or
            f"https://login.microsoftonline.com/{settings.TEAMS_BOT_TENANT_ID}/oauth2/v2.0/token")


@dataclass
class BotTokens:
    """Bot tokens by scope, fetched when missing or nearly expired."""

    settings: Settings
    clock: Clock
    http: requests.Session = field(default_factory=requests.Session)
    _cache: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def token(self, scope: str, force_refresh: bool = False) -> str:
        """A bearer token for `scope`; `BotTokenError` if none can be had."""
        with self._lock:
            cached = self._cache.get(scope)
            if cached and not force_refresh and self.clock.now() < cached[1] - EARLY_REFRESH:
                return cached[0]
            token, expires_at = self._fetch(scope)
            self._cache[scope] = (token, expires_at)
            return token

    def _fetch(self, scope: str) -> tuple[str, datetime]:
        form = {"grant_type": "client_credentials", "client_id": self.settings.TEAMS_BOT_APP_ID,
                "client_secret": self.settings.TEAMS_BOT_APP_PASSWORD, "scope": scope}
        try:
            response = self.http.post(token_url(self.settings), data=form, timeout=TIMEOUT_SECONDS)
            body = response.json() if response.content else {}
        except (requests.RequestException, ValueError) as exc:
            raise BotTokenError(f"the bot token endpoint could not be reached ({type(exc).__name__})") from None
        if response.status_code != 200 or not isinstance(body, dict) or not body.get("access_token"):
            code = str(body.get("error", "no error code"))[:60] if isinstance(body, dict) else "no error code"
            raise BotTokenError(f"the bot token request was refused (HTTP {response.status_code}, {code})",
                                response.status_code)
        try:
            lifetime = timedelta(seconds=int(body.get("expires_in") or 3600))
        except (TypeError, ValueError):
            lifetime = timedelta(hours=1)
        return str(body["access_token"]), self.clock.now() + lifetime
