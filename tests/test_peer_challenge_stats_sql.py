"""`/peer-challenge stats` counted by the database: grouped counts, one region or type, and the date rules
(month ends, leap days, the financial year, lapsed follow-ups) at their exact edges, on SQLite and PostgreSQL."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.plaintext import render_text
from handlers.context import Actor
from models.council import ENGLISH_PRINCIPAL_TYPES, Council
from models.peer_challenge import CYCLE, DUE_WITHIN_DAYS, PROGRESS_REVIEW_DUE, Peer, PeerChallenge, PeerChallengeStage
from models.peer_challenge_stats import (CouncilGroup, StatsWindow, challenge_stats, challenges_by_year,
                                         earliest_start_due_from, latest_start_due_by)

NOW = datetime(2025, 1, 1, tzinfo=timezone.utc)
TODAY = date(2025, 1, 29)  # due horizon 28 Feb 2025; cycle (and lapse) from 29 Jan 2022


@dataclass(frozen=True)
class Made:
    """A challenge the fixture records: its council and its stages."""

    council: str
    stages: tuple[tuple[str, date], ...]


CHALLENGES = (
    # Hounslow (London): visited on a leap day, so its review falls due 28 Feb 2025, the horizon itself.
    Made("HNS", (("offered", date(2024, 1, 10)), ("scheduled", date(2024, 1, 20)), ("on site", date(2024, 2, 29)),
                 ("report published", date(2024, 4, 1)))),  # first day of 2024/25
    # Southwark (London): review due 1 Mar 2025, a day past the horizon; report on the last day of 2023/24.
    Made("SWK", (("offered", date(2024, 2, 1)), ("on site", date(2024, 3, 1)),
                 ("report published", date(2024, 3, 31)))),
    Made("SWK", (("offered", date(2024, 11, 1)), ("on site", date(2024, 12, 31)))),  # last month, not this
    # Thurrock (East of England): review due 29 Jan 2022, first day before lapsing; a new offer this month.
    Made("THR", (("offered", date(2020, 6, 1)), ("on site", date(2021, 1, 29)),
                 ("report published", date(2021, 3, 1)))),
    Made("THR", (("offered", date(2025, 1, 15)),)),
    # Wokingham (South East): review due 28 Jan 2022, lapsed today; nothing in the current cycle.
    Made("WOK", (("offered", date(2020, 1, 1)), ("on site", date(2021, 1, 28)))),
    # Woking (South East, district): on site on the first of this month.
    Made("WOI", (("offered", date(2024, 6, 1)), ("on site", date(2025, 1, 1)))),
    # Cardiff (Wales): no visit recorded, so the report's date starts the review clock; not an English council.
    Made("CRF", (("offered", date(2023, 5, 1)), ("report published", date(2024, 2, 29)))),
    # Harrogate (abolished; Yorkshire): review done, so nothing due; not a current council.
    Made("HAG", (("offered", date(2022, 1, 1)), ("on site", date(2023, 6, 1)), ("progress review", date(2024, 6, 1)))),
    Made("KEN", ()),  # Kent (South East, county): a challenge with no stage recorded yet
)
PEERS = (("HNS", date(2024, 1, 1)), (None, date(2024, 1, 1)), ("THR", date(2025, 2, 1)), ("CRF", date(2020, 1, 1)))
ENGLISH_CURRENT = {"HNS", "SWK", "THR", "WOK", "WOI", "KEN"}


@pytest.fixture
def challenged(herald):
    """The fixture's challenges and peers recorded; the herald on the test database."""
    with herald.session() as session:
        for made in CHALLENGES:
            challenge = PeerChallenge(council_code=made.council, created_at=NOW, updated_at=NOW,
                                      stage=made.stages[-1][0] if made.stages else "offered")
            challenge.stages = [PeerChallengeStage(stage=stage, occurred_on=on, recorded_at=NOW)
                                for stage, on in made.stages]
            session.add(challenge)
        session.add_all(Peer(name=f"Peer {n}", council_code=code, signed_up_on=on)
                        for n, (code, on) in enumerate(PEERS))
    return herald


def english_councils(herald, **where) -> int:
    """How many current English principal councils there are (in a region or of a type): the cycle's total."""
    with herald.session() as session:
        return session.scalar(select(func.count()).select_from(Council).where(
            Council.current.is_(True), Council.nation == "England", Council.type_code.in_(ENGLISH_PRINCIPAL_TYPES),
            *[getattr(Council, column) == value for column, value in where.items()]))


def numbers(stats) -> tuple:
    return (stats.offered, stats.committed, stats.on_site_this_month, stats.reports_this_year,
            stats.progress_reviews_due, stats.cycle_covered, stats.cycle_total, stats.peers)


# --- The date rules inverted into bounds on the visit date -----------------------------------------

@pytest.mark.parametrize("after", [PROGRESS_REVIEW_DUE, CYCLE, timedelta(weeks=8)])
def test_bounds_on_the_start_date_are_exact_on_every_day(after):
    days = [date(2019, 1, 1) + timedelta(days=n) for n in range(14 * 366)]  # three leap days
    shifted = [day + after for day in days]
    assert shifted == sorted(shifted)  # never decreasing: so the edge decides membership everywhere
    for bound in days[400:-400]:
        first, last = earliest_start_due_from(after, bound), latest_start_due_by(after, bound)
        assert first + after >= bound > first - timedelta(days=1) + after
        assert last + after <= bound < last + timedelta(days=1) + after


def test_month_ends_and_leap_days_where_subtracting_would_be_a_day_out():
    assert latest_start_due_by(PROGRESS_REVIEW_DUE, date(2025, 2, 28)) == date(2024, 2, 29)  # not the 28th
    assert earliest_start_due_from(PROGRESS_REVIEW_DUE, date(2028, 2, 29)) == date(2027, 3, 1)  # not 28 Feb
    assert latest_start_due_by(PROGRESS_REVIEW_DUE, date(2024, 2, 29)) == date(2023, 2, 28)
    assert earliest_start_due_from(PROGRESS_REVIEW_DUE, date(2025, 2, 28)) == date(2024, 2, 28)
    assert StatsWindow.at(TODAY).review_due_visits == (date(2021, 1, 29), date(2024, 2, 29))


# --- Known answers -----------------------------------------------------------------------------------

def test_overall_numbers(challenged):
    with challenged.session() as session:
        (overall,) = challenge_stats(session, StatsWindow.at(TODAY))
    assert overall.label == "All councils"
    # offered: 8 councils (Thurrock twice); committed: all but Kent; on site this month: Woking;
    # reports in 2024/25: Hounslow; reviews due: Hounslow, Thurrock, Cardiff; cycle: HNS, SWK, THR, WOI;
    # peers: all but Thurrock's (signs up next month), the one without a council included.
    assert numbers(overall) == (8, 7, 1, 1, 3, 4, english_councils(challenged), 3)


def test_numbers_by_region(challenged):
    with challenged.session() as session:
        by_region = {s.label: numbers(s) for s in challenge_stats(session, StatsWindow.at(TODAY), group_by="region")}
    regions = {region: english_councils(challenged, region=region) for region in by_region if region != "Wales"}
    assert list(by_region) == sorted(by_region) and len(by_region) == 10  # nine English regions and Wales
    assert by_region["London"] == (2, 2, 0, 1, 1, 2, regions["London"], 1)
    assert by_region["East of England"] == (1, 1, 0, 0, 1, 1, regions["East of England"], 0)
    assert by_region["South East"] == (3, 2, 1, 0, 0, 1, regions["South East"], 0)
    assert by_region["Wales"] == (1, 1, 0, 0, 1, 0, 0, 1)  # challenged, but outside the English cycle
    assert by_region["Yorkshire and The Humber"] == (1, 1, 0, 0, 0, 0, regions["Yorkshire and The Humber"], 0)
    assert by_region["North East"] == (0, 0, 0, 0, 0, 0, regions["North East"], 0)


def test_numbers_by_type(challenged):
    with challenged.session() as session:
        by_type = {s.label: numbers(s) for s in challenge_stats(session, StatsWindow.at(TODAY), group_by="type")}
    assert by_type["Unitary authority"] == (2, 2, 0, 0, 1, 1, english_councils(challenged, type_code="UA"), 0)
    assert by_type["London borough"] == (2, 2, 0, 1, 1, 2, english_councils(challenged, type_code="LBO"), 1)
    assert by_type["Non-metropolitan district"][:6] == (2, 2, 1, 0, 0, 1)  # Woking, and Harrogate (abolished)
    assert by_type["County"][:6] == (1, 0, 0, 0, 0, 0)  # Kent: offered, nothing recorded since
    assert by_type["Welsh unitary authority"] == (1, 1, 0, 0, 1, 0, 0, 1)


def test_one_region_or_type_counts_what_the_breakdown_shows_for_it(challenged):
    window = StatsWindow.at(TODAY)
    with challenged.session() as session:
        by_region = {s.label: s for s in challenge_stats(session, window, group_by="region")}
        by_type = {s.label: s for s in challenge_stats(session, window, group_by="type")}
        assert challenge_stats(session, window, group_by="region", only=CouncilGroup(region="London")) == [
            by_region["London"]]
        assert challenge_stats(session, window, group_by="type",
                               only=CouncilGroup(type_name="Unitary authority")) == [by_type["Unitary authority"]]
        (selected,) = challenge_stats(session, window, only=CouncilGroup(region="South East"))
        assert selected.label == "Selected councils" and numbers(selected) == numbers(by_region["South East"])
        assert challenge_stats(session, window, group_by="region", only=CouncilGroup(region="Atlantis")) == []


def test_the_command_for_one_region_and_the_financial_year_turning_at_midnight_in_bst(challenged, clock):
    clock.set(datetime(2025, 1, 29, 9, tzinfo=timezone.utc))
    reply, _ = challenged.run_command("peer-challenge stats london", Actor.cli())
    assert reply.title == "Peer challenge numbers: London"
    assert {f.label: f.value for f in reply.sections[0].facts} == {
        "Councils offered a challenge": "2", "Councils committed (scheduled or beyond)": "2",
        "On site this month": "0", "Reports published in 2024/25": "1",
        "Progress reviews due (overdue or within 30 days)": "1",
        "Three-year cycle coverage": f"2 of {english_councils(challenged, region='London')} (6%)",
        "Peers signed up": "1"}
    clock.set(datetime(2025, 3, 31, 23, 30, tzinfo=timezone.utc))  # 00:30 on 1 April in London (BST)
    reply, _ = challenged.run_command("peer-challenge stats", Actor.cli())
    assert {f.label: f.value for f in reply.sections[0].facts}["Reports published in 2025/26"] == "0"
    assert "this year = 2025/26 (financial year)" in render_text(reply)


def test_counts_per_financial_year_split_on_1_april(challenged):
    with challenged.session() as session:
        years = [(y.label, y.offered, y.on_site, y.reports) for y in challenges_by_year(session)]
    assert years == [("2019/20", 1, 0, 0), ("2020/21", 1, 2, 1), ("2021/22", 1, 0, 0),
                     ("2023/24", 3, 3, 2), ("2024/25", 3, 2, 1)]


# --- The rules, day by day -------------------------------------------------------------------------

def rule_numbers(today: date) -> tuple[int, int, int, int, int]:
    """What the reply's own words say, applied to the fixture directly: (on site this month, reports
    this year, progress reviews due, councils in the cycle, peers)."""
    window = StatsWindow.at(today)
    on_site = reports = due = 0
    covered = set()
    for made in CHALLENGES:
        latest = {}
        for stage, on in made.stages:
            latest[stage] = max(on, latest.get(stage, on))
        on_site += window.month_start <= latest.get("on site", date.min) <= today
        reports += window.year_start <= latest.get("report published", date.min) <= today
        visited = latest.get("on site") or latest.get("report published")
        if visited and "progress review" not in latest:
            due += today - CYCLE <= visited + PROGRESS_REVIEW_DUE <= today + timedelta(days=DUE_WITHIN_DAYS)
        if made.council in ENGLISH_CURRENT and any(on >= today - CYCLE for on in latest.values()):
            covered.add(made.council)
    return on_site, reports, due, len(covered), sum(on <= today for _, on in PEERS)


def sweep_days() -> list[date]:
    """Every day around the fixture's edges, and each month's first and last day for four years."""
    edges = [date(2025, 1, 1) + timedelta(days=n) for n in range(70)]
    edges += [date(2024, 2, 26) + timedelta(days=n) for n in range(8)]
    months = [date(year, month, 1) for year in range(2022, 2026) for month in range(1, 13)]
    return sorted(set(edges + months + [m - timedelta(days=1) for m in months]))


def test_the_database_agrees_with_the_rules_day_by_day(challenged):
    with challenged.session() as session:
        for today in sweep_days():
            (overall,) = challenge_stats(session, StatsWindow.at(today))
            counted = (overall.on_site_this_month, overall.reports_this_year, overall.progress_reviews_due,
                       overall.cycle_covered, overall.peers)
            assert counted == rule_numbers(today), today
