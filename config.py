"""Herald's settings: read once from the environment (or a test's overrides) and validated.

Every setting has one name, the environment variable that sets it. A bad value stops start-up
with a `ConfigError` whose message names the setting; `app.py` prints it as one line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(__file__).resolve().parent
_DB_PASSWORD = re.compile(r"(://[^:/@]*:)[^/]*@")
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'instance' / 'herald.db'}"


class ConfigError(Exception):
    """A setting is missing or wrong; the message starts with the setting's name."""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _csv(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


@dataclass(frozen=True, repr=False)
class Settings:
    """Everything Herald reads from its environment. Secrets are never printed (see `redacted`)."""

    DATABASE_URL: str = DEFAULT_DATABASE_URL
    HERALD_TIMEZONE: str = "Europe/London"
    SLACK_SIGNING_SECRET: str = ""
    SLACK_BOT_TOKEN: str = ""
    SLACK_APP_TOKEN: str = ""
    SLACK_CLIENT_ID: str = ""
    SLACK_CLIENT_SECRET: str = ""
    SLACK_API_URL: str = "https://slack.com/api/"
    SLACK_ADMIN_USER_IDS: tuple[str, ...] = ()
    SLACK_ADMIN_USERGROUP_ID: str = ""
    TEAMS_OUTGOING_WEBHOOK_SECRET: str = ""
    TEAMS_WORKFLOWS_URL: str = ""
    TEAMS_ADMIN_USER_IDS: tuple[str, ...] = ()
    HERALD_DIGEST_EDITORS: tuple[str, ...] = ()
    HERALD_PROGRAMME_MANAGERS: tuple[str, ...] = ()
    HERALD_LINE_APPROVERS: tuple[str, ...] = ()
    HERALD_LINES_SELF_APPROVE: bool = False
    HERALD_EMAIL_DOMAINS: tuple[str, ...] = ()
    HERALD_ALLOWED_WORKSPACES: tuple[str, ...] = ()
    HERALD_ALLOWED_TENANTS: tuple[str, ...] = ()
    TEAMS_BOT_APP_ID: str = ""
    TEAMS_BOT_APP_PASSWORD: str = ""
    TEAMS_BOT_TENANT_ID: str = ""
    TEAMS_BOT_OPENID_URL: str = "https://login.botframework.com/v1/.well-known/openidconfiguration"
    TEAMS_BOT_TOKEN_URL: str = ""
    HERALD_WEBHOOK_TOKEN: str = ""
    HERALD_WEBHOOK_TOKENS: str = ""
    HERALD_ALLOW_PRIVATE_FEEDS: bool = False
    HERALD_FEED_POLL_MINUTES: int = 15
    HERALD_FEED_CONNECT_TIMEOUT: float = 5.0
    HERALD_FEED_READ_TIMEOUT: float = 10.0
    HERALD_FEED_TOTAL_TIMEOUT: float = 20.0
    HERALD_FEED_MAX_BYTES: int = 5_000_000
    HERALD_FEED_MAX_REDIRECTS: int = 5
    HERALD_FEED_PARSE_TIMEOUT: float = 10.0
    HERALD_FEED_PARSE_MEMORY_MB: int = 512
    HERALD_FEED_MAX_BACKOFF_MINUTES: int = 24 * 60
    HERALD_FEED_FAILURES_BEFORE_ALERT: int = 5
    HERALD_FEED_DOMAIN_INTERVAL: float = 2.0  # seconds between two requests to one host
    HERALD_FEED_WORKERS: int = 8
    HERALD_ALERT_MAX_AGE_HOURS: int = 72
    HERALD_DIGEST_GRACE_HOURS: int = 12
    HERALD_CLOCK_LEASE_SECONDS: int = 60
    HERALD_CLOCK_SWEEP_SECONDS: int = 60
    HERALD_RAG_STALE_DAYS: int = 180
    HERALD_ENQUIRY_GRACE_MINUTES: int = 15
    HERALD_PROGRAMME_CHANNEL: str = ""
    HERALD_ADMIN_CHANNEL: str = ""
    HERALD_SPOTLIGHT_MIN_NEGATIVE: int = 3  # negative items about one council that make a spotlight…
    HERALD_SPOTLIGHT_WINDOW_HOURS: int = 48  # …within this many hours…
    HERALD_SPOTLIGHT_MIN_OUTLETS: int = 2  # …from at least this many outlets (models/spotlight.py)
    HERALD_HANSARD_API_URL: str = "https://hansard-api.parliament.uk"
    HERALD_PQ_API_URL: str = "https://questions-statements-api.parliament.uk/api"
    HERALD_MEMBERS_API_URL: str = "https://members-api.parliament.uk/api"
    HERALD_PARLIAMENT_POLL_MINUTES: int = 120
    HERALD_PARLIAMENT_LOOKBACK_DAYS: int = 7  # how far back the first poll reaches
    HERALD_PARLIAMENT_PAGE_SIZE: int = 100
    HERALD_PARLIAMENT_RETRIES: int = 4  # tries after the first, per request (429, 5xx, timeouts, bad JSON)
    HERALD_PARLIAMENT_RETRY_SECONDS: float = 2.0  # first backoff; doubles per retry
    HERALD_PARLIAMENT_REQUEST_INTERVAL: float = 0.1  # seconds between two requests (Parliament allows ~10/s)
    HERALD_PARLIAMENT_WATCH_FROM: tuple[str, ...] = ("organisation", "programme", "campaign", "spokesperson")
    HERALD_ORGANISATION_NAMES: tuple[str, ...] = ("Local Government Association",)
    HERALD_TEAM_CHANNEL: str = ""
    HERALD_TEAM_WORKFLOWS_URL: str = ""
    HERALD_BASE_URL: str = "http://127.0.0.1:5000"
    SMTP_URL: str = ""
    SMTP_FROM: str = "herald@localhost"
    HERALD_WEBHOOK_MAX_BYTES: int = 1_000_000
    CHECK_SCHEMA: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    SECRET_NAMES = (
        "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_CLIENT_SECRET",
        "TEAMS_OUTGOING_WEBHOOK_SECRET", "TEAMS_WORKFLOWS_URL", "TEAMS_BOT_APP_PASSWORD", "HERALD_WEBHOOK_TOKEN",
        "HERALD_WEBHOOK_TOKENS",
        "SMTP_URL",
    )

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None,
             environ: Mapping[str, str] | None = None) -> "Settings":
        """Build settings from the environment, then apply a test's or caller's overrides."""
        env = os.environ if environ is None else environ
        overrides = dict(overrides or {})
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        for name, f in known.items():
            if name in overrides:
                values[name] = overrides.pop(name)
            elif name in env and env[name] != "":
                values[name] = _coerce(name, f.type, env[name])
        extra.update(overrides)
        settings = cls(**values, extra=extra)
        settings.validate()
        return settings

    def validate(self) -> None:
        """Reject values that cannot work, naming the setting."""
        try:
            ZoneInfo(self.HERALD_TIMEZONE)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f"HERALD_TIMEZONE: unknown timezone {self.HERALD_TIMEZONE!r} "
                "(use an IANA name such as Europe/London)") from None
        if not self.DATABASE_URL.split(":", 1)[0].startswith(("sqlite", "postgresql")):
            raise ConfigError("DATABASE_URL: only sqlite:/// and postgresql:// URLs are supported")
        if bool(self.SLACK_CLIENT_ID) != bool(self.SLACK_CLIENT_SECRET):
            raise ConfigError("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET: set both for OAuth, or neither")
        bot = (self.TEAMS_BOT_APP_ID, self.TEAMS_BOT_APP_PASSWORD, self.TEAMS_BOT_TENANT_ID)
        if any(bot) and not all(bot):
            raise ConfigError("TEAMS_BOT_APP_ID, TEAMS_BOT_APP_PASSWORD and TEAMS_BOT_TENANT_ID: set all three "
                              "(a single-tenant Entra app registration), or none")
        if self.HERALD_CLOCK_LEASE_SECONDS < 2 or self.HERALD_CLOCK_SWEEP_SECONDS < 1:
            raise ConfigError("HERALD_CLOCK_LEASE_SECONDS / HERALD_CLOCK_SWEEP_SECONDS: too small (at least 2 and 1)")
        if not 0 <= self.HERALD_ENQUIRY_GRACE_MINUTES <= 24 * 60:
            raise ConfigError("HERALD_ENQUIRY_GRACE_MINUTES: must be between 0 and 1440 minutes")
        if self.HERALD_FEED_POLL_MINUTES < 1:
            raise ConfigError("HERALD_FEED_POLL_MINUTES: must be at least 1")
        if min(self.HERALD_SPOTLIGHT_MIN_NEGATIVE, self.HERALD_SPOTLIGHT_WINDOW_HOURS,
               self.HERALD_SPOTLIGHT_MIN_OUTLETS) < 1:
            raise ConfigError("HERALD_SPOTLIGHT_MIN_NEGATIVE / _WINDOW_HOURS / _MIN_OUTLETS: must be at least 1")
        self._validate_feed_limits()
        if self.HERALD_PARLIAMENT_POLL_MINUTES < 1 or self.HERALD_PARLIAMENT_PAGE_SIZE < 1:
            raise ConfigError("HERALD_PARLIAMENT_POLL_MINUTES / HERALD_PARLIAMENT_PAGE_SIZE: must be at least 1")
        unknown = set(self.HERALD_PARLIAMENT_WATCH_FROM) - {"organisation", "programme", "campaign", "spokesperson"}
        if unknown:
            raise ConfigError("HERALD_PARLIAMENT_WATCH_FROM: each of organisation, programme, campaign, spokesperson; "
                              f"not {', '.join(sorted(unknown))}")

    def _validate_feed_limits(self) -> None:
        for name, least in _FEED_LIMIT_FLOORS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < least:
                raise ConfigError(f"{name}: must be a number of at least {least:g}, got {value!r}")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.HERALD_TIMEZONE)

    @property
    def database_url(self) -> str:
        """The URL with the driver SQLAlchemy should use (psycopg 3 for PostgreSQL)."""
        url = self.DATABASE_URL
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://"):]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        return url

    def __repr__(self) -> str:
        """Every setting, with secrets and the database password masked: safe in a log or a traceback."""
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in self.SECRET_NAMES and value:
                value = "***"
            elif f.name == "DATABASE_URL":
                value = _DB_PASSWORD.sub(r"\1***@", value)
            shown.append(f"{f.name}={value!r}")
        return f"Settings({', '.join(shown)})"

    def redacted(self, text: str) -> str:
        """`text` with every configured secret replaced, for logs and error replies."""
        for name in self.SECRET_NAMES:
            secret = getattr(self, name)
            if secret and len(secret) >= 4:
                text = text.replace(secret, f"<{name}>")
        return text


# The feed limits and the least each may be (timeouts in seconds; memory in MB).
_FEED_LIMIT_FLOORS = {
    "HERALD_FEED_CONNECT_TIMEOUT": 0.1, "HERALD_FEED_READ_TIMEOUT": 0.1, "HERALD_FEED_TOTAL_TIMEOUT": 0.1,
    "HERALD_FEED_MAX_BYTES": 1024, "HERALD_FEED_MAX_REDIRECTS": 0, "HERALD_FEED_PARSE_TIMEOUT": 0.1,
    "HERALD_FEED_PARSE_MEMORY_MB": 64, "HERALD_FEED_MAX_BACKOFF_MINUTES": 1,
    "HERALD_FEED_FAILURES_BEFORE_ALERT": 1, "HERALD_FEED_DOMAIN_INTERVAL": 0, "HERALD_FEED_WORKERS": 1,
}


def _coerce(name: str, type_name: Any, raw: str) -> Any:
    type_name = str(type_name)
    if type_name == "bool":
        return _flag(raw)
    if type_name == "float":
        try:
            return float(raw)
        except ValueError:
            raise ConfigError(f"{name}: expected a number, got {raw!r}") from None
    if type_name == "int":
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{name}: expected a whole number, got {raw!r}") from None
    if type_name.startswith("tuple"):
        return _csv(raw)
    return raw
