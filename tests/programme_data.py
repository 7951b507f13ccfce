"""Test data for the programme area: seed 001's programme plan as a spreadsheet would export it.

The rows and columns are the seed's (title lines first, then outcome indicator, project, outputs,
timescales, the Oct 2011 and March 2011 review columns, comments; merged cells left blank). The
review cells are filled with the spellings people use ("Red", "R", "amber", "Amber/Green", blank).
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone

from sqlalchemy.orm import Session

from models.peer_challenge import Peer, PeerChallenge, PeerChallengeStage
from models.programme import Programme, RagRating

DEMO_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)  # the suite's frozen Monday

HEADER = ["Project outcome Indicator - (benefit to sector)", "Project",
          "Project outputs (Could relate to policy, lobbying and/or improvement)", "Timescales",
          "Oct 2011 review red Amber green)", "March 2011 review Red amber green", "Comments on progress"]
ACCOUNTABLE = ("Councils are more locally accountable and the LG Group are supporting councils to improve "
               "through the Taking the Lead offer.")
PLAN_ROWS = [
    ["Programme Plan"],
    ["Improvement Programme"],
    ["Business Plan Outcome: Supporting and leading the sector in self-regulation through Taking the Lead offer."],
    HEADER,
    [ACCOUNTABLE, "Peer Support – Corporate Peer Challenge", "Peer challenge support to sector",
     "All local authorities offered a free peer challenge over a 3 year period", "G", "amber", ""],
    ["", "Peer Support – Peer Challenges", "Peer challenge support to sector", "Ongoing", "Amber/Green", "Amber", ""],
    ["", "LG Inform – Benchmarking tool", "Launch of LG Inform as benchmarking tool for sector.",
     "Prototype launched in June 2011; development ongoing", "Red", "R",
     "The next phase of LGInform, known as Prototype Plus, is under procurement."],
    [],
    ["", "Change of Control peer support",
     "Councils undergoing a change in political control offered 5 free days of member peer support", "Ongoing.",
     "", "", ""],
    ["", "Knowledge Hub", "Launch of Knowledge Hub as a free service for the sector", "Sept 2011", "green", "", ""],
    ["The sector is supported to provide effective leadership to both councils and local communities",
     "Leadership Academy", "At least 8 main Programmes", "by March 2012", "Green", "Green", ""],
    ["", "National Graduate Development Programme", "Recruitment and leadership development of high-class graduates",
     "Recruitment Cohort 13 - Sept. 2011 Cohort 14 – Sept 2012", "green", "amber",
     "2,239 applications were received for the 2012 National Graduate Recruitment Programme."],
    ["Innovation in the sector is identified and supported", "Creative Councils programme (part NESTA-funded)",
     "Launch of Creative Councils programme with NESTA", "April 2011", "A/G", "", ""],
    ["", "", "Up to 20 Councils chosen and supported", "October 2011", "", "", ""],
    ["", "", "Shortlist reduced to 5 councils who receive additional support.", "January 2012", "", "", ""],
]


def to_csv(rows: list[list[str]]) -> str:
    """Rows as CSV text, quoted the way Excel writes it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


PLAN_CSV = to_csv(PLAN_ROWS)


def add_programmes(session: Session, count: int, now: datetime) -> None:
    """`count` programmes with two ratings each, inserted in bulk (for query-count tests)."""
    programmes = [Programme(name=f"Programme {i:04d}", outcome_indicator=f"Outcome {i % 7}", created_at=now,
                            aliases=[], keywords=[], manager_user_ids=[]) for i in range(count)]
    session.add_all(programmes)
    session.flush()
    ratings = ("red", "amber", "green")
    session.add_all(RagRating(programme_id=p.id, rating=ratings[(p.id + k) % 3], review=f"Review {k}",
                              rated_at=datetime(2026, 3 + 6 * k, 1, tzinfo=timezone.utc))
                    for p in programmes for k in (0, 1))
    session.flush()


def add_challenges(session: Session, codes: list[str], now: datetime) -> None:
    """A corporate challenge for each council, at stages spread over the last four years."""
    for n, code in enumerate(codes):
        challenge = PeerChallenge(council_code=code, kind="corporate", created_at=now, updated_at=now)
        offered = date(2022 + n % 4, 1 + n % 12, 1 + n % 28)
        steps = STAGE_STEPS[: 1 + n % len(STAGE_STEPS)]
        challenge.stages = [PeerChallengeStage(stage=s, occurred_on=offered.replace(year=offered.year + y),
                                               recorded_at=now) for s, y in steps]
        challenge.stage, challenge.stage_on = steps[-1][0], challenge.stages[-1].occurred_on
        session.add(challenge)
    session.add_all(Peer(name=f"Peer {i}", council_code=codes[i % len(codes)], signed_up_on=date(2023, 1, 1))
                    for i in range(40))
    session.flush()


STAGE_STEPS = (("offered", 0), ("scheduled", 0), ("on site", 0), ("report published", 1))
