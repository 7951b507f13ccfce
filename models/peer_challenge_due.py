"""What peer-challenge follow-ups councils owe: an action plan after the report, a progress review after
the visit, overdue or due soon (a follow-up overdue for longer than a whole cycle has lapsed)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.council import Council
from models.db import column_rows
from models.peer_challenge import (ACTION_PLAN_DUE, CYCLE, DUE_WITHIN_DAYS, PROGRESS_REVIEW_DUE, PeerChallenge,
                                   PeerChallengeStage)


@dataclass(frozen=True)
class DueStep:
    """An action plan or progress review a council owes, and when it was (or is) due."""

    council_code: str
    council_name: str
    step: str
    due_on: date
    challenge_id: int

    def overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class _ChallengeFacts:
    """One challenge reduced to what the numbers need (read in bulk, never row by row)."""

    id: int
    council_code: str
    council_name: str
    region: str
    type_name: str
    stages: dict[str, date]  # each stage's latest date


def _challenge_facts(session: Session) -> list[_ChallengeFacts]:
    """Every challenge with its council and stage dates: two queries whatever the number."""
    heads = column_rows(session, select(PeerChallenge.id, PeerChallenge.council_code, Council.nice_name, Council.region,
                                  Council.type_name).join(Council, Council.code == PeerChallenge.council_code))
    stages: dict[int, dict[str, date]] = {}
    for cid, stage, occurred_on in column_rows(session, select(PeerChallengeStage.challenge_id, PeerChallengeStage.stage,
                                                         PeerChallengeStage.occurred_on)):
        known = stages.setdefault(cid, {})
        known[stage] = max(occurred_on, known.get(stage, occurred_on))
    return [_ChallengeFacts(cid, code, name, region, type_name, stages.get(cid, {}))
            for cid, code, name, region, type_name in heads]


def _due_steps(facts: list[_ChallengeFacts], today: date) -> list[DueStep]:
    """Follow-ups owed; one overdue for longer than a whole cycle has lapsed and is left out."""
    lapsed_before = today - CYCLE
    due = []
    for f in facts:
        published, on_site = f.stages.get("report published"), f.stages.get("on site")
        if published and "action plan" not in f.stages:
            due.append(DueStep(f.council_code, f.council_name, "action plan", published + ACTION_PLAN_DUE, f.id))
        visited = on_site or published
        if visited and "progress review" not in f.stages:
            due.append(DueStep(f.council_code, f.council_name, "progress review", visited + PROGRESS_REVIEW_DUE, f.id))
    return [d for d in due if d.due_on >= lapsed_before]


def due_steps(session: Session, today: date, within_days: int = DUE_WITHIN_DAYS) -> list[DueStep]:
    """Action plans and progress reviews overdue or due within `within_days`, most overdue first."""
    horizon = today + timedelta(days=within_days)
    return sorted((d for d in _due_steps(_challenge_facts(session), today) if d.due_on <= horizon),
                  key=lambda d: (d.due_on, d.council_name))
