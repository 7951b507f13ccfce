"""Storing what a poll found: once per contribution, question or statement, with its passage,
tone, councils and member; a stored question that has since been answered is updated."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feeds.councils import council_matcher
from feeds.parliament.sources import Found
from feeds.parliament.text import passage
from feeds.tone import tone_of
from models.bulk import batches, one_of
from models.notices import schedule_notice, team_recipients
from models.parliament import MENTION_NOTICE, ParliamentMember, ParliamentMention, ParliamentMentionCouncil

NOTABLE_ORIGINS = frozenset({"organisation", "programme"})


@dataclass
class Matched:
    """One item and the watch terms (with their origins) it matched."""

    found: Found
    terms: dict[str, str] = field(default_factory=dict)  # term → origin

    def add(self, term: str, origin: str) -> None:
        self.terms.setdefault(term, origin)

    @property
    def notable(self) -> bool:
        return any(origin in NOTABLE_ORIGINS for origin in self.terms.values())


def store_found(session: Session, matched: list[Matched], members: dict[int, ParliamentMember], now: datetime,
                settings) -> tuple[int, int]:
    """Insert the new, update the answered; (created, updated)."""
    existing: dict[str, ParliamentMention] = {}
    keys = [m.found.ext_id for m in matched]
    for chunk in batches(session, keys):
        existing.update({row.ext_id: row for row in session.scalars(
            select(ParliamentMention).where(one_of(session, ParliamentMention.ext_id, chunk)))})
    matcher = council_matcher(session) if matched else None
    created = updated = 0
    new_rows: list[tuple[ParliamentMention, list[str]]] = []
    for match in matched:
        row = existing.get(match.found.ext_id)
        if row is None:
            row = _new_mention(match, members, now)
            session.add(row)
            new_rows.append((row, matcher.find(f"{row.heading}. {row.text}")))
            created += 1
        else:
            was_notable = row.notable
            if _refresh(row, match, now):
                updated += 1
            if row.notable and not was_notable:  # a newly watched name of ours found it: announce it now
                announce_mention(session, row, settings, now)
    session.flush()
    for row, codes in new_rows:
        session.add_all(ParliamentMentionCouncil(mention_id=row.id, council_code=code) for code in codes)
        if row.notable:
            announce_mention(session, row, settings, now)
    session.flush()
    return created, updated


def _new_mention(match: Matched, members: dict[int, ParliamentMember], now: datetime) -> ParliamentMention:
    f = match.found
    member = members.get(f.member_id) if f.member_id else None
    term = next(iter(match.terms), None)
    text = f.text or f.heading
    around = passage(text, term) or f.heading
    tone, score = tone_of(around)
    return ParliamentMention(
        ext_id=f.ext_id, kind=f.kind, house=f.house, section=f.section, member_id=f.member_id,
        member_name=(member.name if member else f.member_name) or (f"Member {f.member_id}" if f.member_id else None),
        party=f.party or (member.party if member else None), heading=f.heading, debate_id=f.debate_id,
        occurred_at=f.occurred_at, text=text, passage=around, url=f.url, terms=sorted(match.terms),
        tone=tone, tone_score=score, answering_body=f.answering_body, answer_text=f.answer_text,
        answered_at=f.answered_at, expected_answer_on=f.expected_answer_on, notable=match.notable,
        created_at=now, updated_at=now)


def _refresh(row: ParliamentMention, match: Matched, now: datetime) -> bool:
    """Bring a stored mention up to date: a new answer, new terms. Whether anything changed."""
    changed = False
    f = match.found
    if f.answer_text and f.answer_text != row.answer_text:
        row.answer_text, row.answered_at = f.answer_text, f.answered_at
        changed = True
    if f.expected_answer_on and f.expected_answer_on != row.expected_answer_on and not row.answer_text:
        row.expected_answer_on = f.expected_answer_on
        changed = True
    terms = sorted(set(row.terms or []) | set(match.terms))
    if terms != sorted(row.terms or []):
        row.terms = terms
        row.notable = row.notable or match.notable
        changed = True
    if changed:
        row.updated_at = now
    return changed


def announce_mention(session: Session, mention: ParliamentMention, settings, now: datetime) -> int:
    """Owe each team channel one alert about this mention (its key names the mention and the channel,
    so every poll and process that finds it lands on the same notice); how many were newly owed."""
    return sum(schedule_notice(session, key=f"parliament:mention:{mention.ext_id}:{to.platform}:{to.address}",
                               kind=MENTION_NOTICE, subject_id=mention.id, to=to, due_at=now, now=now)
               for to in team_recipients(settings))
