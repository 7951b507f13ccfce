"""Reading the values commands share — moments, days, ids, campaigns, programmes — into user errors.

Each reader turns a domain "cannot read that" into a `UsageError` naming the form field at fault,
or a `NotFound` with the nearest names, so every command words these errors the same way.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time
from urllib.parse import urlsplit

from sqlalchemy import select

from handlers.context import Context
from handlers.errors import NotFound, UsageError
from models.campaign import Campaign, find_campaign
from models.lookup import UnknownName, resolve_name
from models.moments import Direction, MomentError, parse_local_day, parse_moment
from models.programme import Programme

CLEAR_WORDS = frozenset({"none", "-", "no", "clear", "nobody"})
MAX_ID = 2**31 - 1  # the largest id (and page) any table holds: PostgreSQL's `integer`


def read_moment(text: str, ctx: Context, field: str, example: str, *, direction: Direction = "past",
                default_time: time | None = None) -> datetime:
    """A UTC instant from "tomorrow 10am", "Tue 00:01", "17.02.11"…, or a UsageError on `field`."""
    try:
        return parse_moment(text, ctx.now(), ctx.tz, direction=direction, default_time=default_time).at
    except MomentError as exc:
        raise UsageError(f"{field}: {exc}", example=example, field=field) from None


def read_day(text: str, ctx: Context, field: str, example: str, direction: Direction = "past") -> date:
    """A calendar day ("today", "Tue", "17/02/2011"), or a UsageError on `field`."""
    try:
        return parse_local_day(text, ctx.now().astimezone(ctx.tz), direction)
    except MomentError as exc:
        raise UsageError(f"{field}: {exc}", example=example, field=field) from None


def is_id(text: str) -> bool:
    """Whether `text` is a record number Herald can look up: ASCII digits, at most `MAX_ID`
    (`"²".isdigit()` is true but `int("²")` fails, and SQLite cannot bind 10**20)."""
    return text.isascii() and text.isdigit() and len(text) <= 10 and int(text) <= MAX_ID


def read_id(text: str | None, what: str, example: str) -> int:
    """A record number as people type it ("12", "#12"), or a UsageError saying what was expected."""
    raw = (text or "").strip().lstrip("#")
    if not is_id(raw):
        shown = f'"{text.strip()[:30]}" is not' if text and text.strip() else "Give"
        raise UsageError(f"{shown} a {what} number" + ("" if text and text.strip() else f" (e.g. {example})"),
                         example=example)
    return int(raw)


def read_link(text: str, field: str, example: str) -> str:
    """A web address starting http(s)://, or a UsageError on `field`."""
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2000 or re.search(r"\s", url):
        raise UsageError(f'{field}: "{url[:80]}" is not a web address (start it with https://)',
                         example=example, field=field)
    return url


def not_found(exc: UnknownName, field: str) -> NotFound:
    """The user-facing NotFound for an unknown name; `field` tells a form which input is wrong."""
    return NotFound(str(exc), suggestions=exc.suggestions, field=field)


def campaign_named(ctx: Context, text: str, field: str = "campaign") -> Campaign:
    """The campaign `text` names (name or alias, typos forgiven), or NotFound with suggestions."""
    try:
        return find_campaign(ctx.session, text)
    except UnknownName as exc:
        raise not_found(exc, field) from None


def programme_named(ctx: Context, text: str, field: str = "programme") -> Programme:
    """The programme `text` names (name or alias, typos forgiven), or NotFound with suggestions."""
    programmes = ctx.session.scalars(select(Programme).order_by(Programme.name))
    try:
        return resolve_name("programme", text, ((p, p.name, p.aliases or ()) for p in programmes))
    except UnknownName as exc:
        raise not_found(exc, field) from None


def clearing(value: str) -> bool:
    """Whether an edit value means "remove this" (none, -, clear)."""
    return value.strip().lower() in CLEAR_WORDS or not value.strip()
