"""Reading a line's tags: councils by exact name (their code), programmes and campaigns by name, else words."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import Campaign
from models.council import CouncilName, name_variants
from models.councils_data import normalize_name
from models.lines import Tag
from models.programme import Programme

MAX_TAGS = 20


def resolve_tags(session: Session, text: str) -> list[Tag]:
    """Comma-separated tags, each read once: a council only by an exact name (never a fuzzy guess)."""
    tags: list[Tag] = []
    for raw in [t.strip()[:200] for t in text.split(",") if t.strip()][:MAX_TAGS]:
        tags.append(_council_tag(session, raw) or _named_tag(session, raw) or Tag(raw, "word", raw.lower()))
    return tags


def _council_tag(session: Session, raw: str) -> Tag | None:
    code = session.scalar(select(CouncilName.council_code).where(CouncilName.normalized.in_(name_variants(raw))).limit(1))
    return Tag(raw, "council", code) if code else None


def _named_tag(session: Session, raw: str) -> Tag | None:
    wanted = normalize_name(raw)
    for model, kind in ((Programme, "programme"), (Campaign, "campaign")):
        for thing in session.scalars(select(model)):
            if wanted in {normalize_name(n) for n in (thing.name, *(thing.aliases or []))}:
                return Tag(thing.name, kind, thing.name.lower())
    return None
