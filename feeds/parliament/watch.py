"""The watch list starts from what Herald knows: the organisation's names (HERALD_ORGANISATION_NAMES),
its programmes, its campaigns and its spokespeople. HERALD_PARLIAMENT_WATCH_FROM says which of
these four seed it; a seeded term an admin removes stays switched off (seeding never revives it)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import Campaign
from models.parliament import seed_terms, term_refusal
from models.programme import Programme
from models.relevance import spokespeople


def known_terms(session: Session, settings) -> list[tuple[str, str]]:
    """(term, origin) for everything Herald knows that the settings say to watch."""
    wanted = set(settings.HERALD_PARLIAMENT_WATCH_FROM)
    out: list[tuple[str, str]] = []
    if "organisation" in wanted:
        out += [(name, "organisation") for name in settings.HERALD_ORGANISATION_NAMES]
    if "programme" in wanted:
        for name, aliases in session.execute(select(Programme.name, Programme.aliases)):
            out += [(n, "programme") for n in (name, *(a for a in aliases or () if len(a.split()) >= 2))]
    if "campaign" in wanted:
        out += [(name, "campaign") for name in session.scalars(select(Campaign.name))]
    if "spokesperson" in wanted:
        out += [(name, "spokesperson") for name in spokespeople(session)]
    return [(term, origin) for term, origin in out if term_refusal(term) is None]


def seed_watch_list(session: Session, settings, now: datetime) -> int:
    """Add the known terms not stored yet; returns how many."""
    return seed_terms(session, known_terms(session, settings), now)
