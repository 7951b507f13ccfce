"""Parliament in the digests: the weekly round-up's "In Parliament" section and the board update's
"Public affairs" figures (seed 004, paragraphs 25–27: counts by house and type, the notable
mentions quoted with their links, and the team's own evidence and briefings beside them)."""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from handlers.reply import Fact, Item, Section
from models.parliament import KINDS, MentionFilter, ParliamentMention, mentions_between
from models.press import PUBLIC, PressActivity, embargo_lifted

PUBLIC_AFFAIRS_TYPES = ("evidence", "briefing")
QUOTED = 8


def _who(m: ParliamentMention) -> str:
    return (m.member_name or "A member") + (f" ({m.party})" if m.party else "")


def _notable_first(mentions: list[ParliamentMention]) -> list[ParliamentMention]:
    """The organisation's and programmes' mentions first, then praise and criticism, newest first within."""
    return sorted(mentions, key=lambda m: (not m.notable, m.shown_tone == "neutral", -m.occurred_at.timestamp()))


def _counts(mentions: list[ParliamentMention]) -> str:
    by = Counter((m.house, m.kind) for m in mentions)
    houses = []
    for house in ("Commons", "Lords"):
        parts = [f"{n} {kind}{'s' if n != 1 else ''}" for kind in KINDS if (n := by[(house, kind)])]
        if parts:
            houses.append(f"{house}: {', '.join(parts)}")
    return "; ".join(houses)


def in_parliament_sections(session: Session, start: datetime, end: datetime, period: str,
                           tz: ZoneInfo) -> list[Section]:
    """The weekly round-up's "In Parliament": counts, then the notable mentions; none when there were none."""
    total, mentions = mentions_between(session, MentionFilter(start, end), limit=None)
    if not total:
        return []
    items = tuple(Item(title=m.heading, url=m.url, marker=m.shown_tone, detail=f"“{m.passage}”",
                       meta=(_who(m), m.house, m.kind, f"{m.occurred_at.astimezone(tz):%a %-d %b}"))
                  for m in _notable_first(mentions)[:5])
    return [Section(heading="In Parliament", items=items,
                    facts=(Fact("Mentions", f"{total} ({_counts(mentions)})", f"/parliament {period}"),))]


def public_affairs_figures(session: Session, start: datetime, end: datetime, now: datetime,
                           tz: ZoneInfo) -> tuple[str, ...]:
    """The quarter's Parliament mentions and the team's public affairs work, as board-paper lines."""
    total, mentions = mentions_between(session, MentionFilter(start, end), limit=None)
    lines = []
    if total:
        lines.append(f"Mentions in Parliament: {total} ({_counts(mentions)}).")
        for m in _notable_first(mentions)[:QUOTED]:
            lines.append(f"{m.occurred_at.astimezone(tz):%-d %B}, House of {m.house}: {_who(m)}, {m.kind} on "
                         f"“{m.heading}”: “{m.passage}” ({m.shown_tone}) {m.url}")
    else:
        lines.append("Mentions in Parliament: none found by Herald's watch list this quarter.")
    work = session.execute(
        select(PressActivity.kind, PressActivity.title, PressActivity.occurred_at)
        .where(PressActivity.kind.in_(PUBLIC_AFFAIRS_TYPES), PressActivity.occurred_at >= start,
               PressActivity.occurred_at < end, PressActivity.deleted_at.is_(None),
               embargo_lifted(PUBLIC, now))
        .order_by(PressActivity.occurred_at)).all()
    if work:
        counted = Counter(kind for kind, _t, _w in work)
        lines.append("Public affairs work logged: " + ", ".join(
            f"{counted[k]} {'evidence submission' if k == 'evidence' else 'briefing'}{'s' if counted[k] != 1 else ''}"
            for k in PUBLIC_AFFAIRS_TYPES if counted[k]) + ".")
        lines += [f"{when.astimezone(tz):%-d %B}: {kind} — {title}." for kind, title, when in work]
    return tuple(lines)
