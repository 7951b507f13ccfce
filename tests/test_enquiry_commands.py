"""`/enquiry` through the one router on both databases: the figures on a hand-computed fixture (in the
reply, the weekly round-up and the board update), the list order, embargo and privacy as `/press`,
the CSV export, and a usage answer with an example for every kind of nonsense."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

import pytest

from digests.board import build_board_update
from digests.compose import Window, weekly_roundup
from handlers.context import Actor
from models.enquiry_stats import enquiry_stats
from models.periods import parse_period
from tests.press_fixtures import ADMIN, ALICE, BOB, ask, error_of, text_of

MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)  # GMT: London time is UTC
FRIDAY_NOON = datetime(2026, 11, 6, 12, 0, tzinfo=timezone.utc)


def logged(herald, text: str, actor: Actor = ALICE) -> int:
    reply = ask(herald, text, actor)
    assert reply.title.startswith("Logged enquiry #"), text_of(reply)
    return int(reply.title.rsplit("#", 1)[1])


def closed(herald, clock, enquiry_id: int, at: datetime, outcome: str) -> None:
    clock.set(at)
    reply = ask(herald, f"enquiry close {enquiry_id} {outcome}")
    assert not reply.is_error, text_of(reply)


@pytest.fixture
def week(herald, clock):
    """Six enquiries in the week of Monday 2 November 2026 and one the week before (hand-computed below)."""
    clock.set(MONDAY - timedelta(days=3))
    old = logged(herald, 'enquiry log "Last month" outlet:LGC deadline:"5pm"')
    closed(herald, clock, old, MONDAY - timedelta(days=3, hours=-1), "answered")
    clock.set(MONDAY)
    one = logged(herald, 'enquiry log "Council tax rise" outlet:LGC deadline:"12:00" council:Thurrock')
    two = logged(herald, 'enquiry log "Funding gap" outlet:LGC deadline:"11:00" council:"Woking BC"')
    three = logged(herald, 'enquiry log "Council tax rise" outlet:"The MJ" deadline:"16:00" council:Thurrock')
    logged(herald, 'enquiry log "Bin strike" outlet:BBC deadline:"tomorrow 10:00"')
    closed(herald, clock, one, MONDAY + timedelta(hours=1, minutes=30), "answered")   # 1 h 30, on time
    closed(herald, clock, two, MONDAY + timedelta(hours=2, minutes=30), "statement")  # 2 h 30, late
    closed(herald, clock, three, MONDAY + timedelta(hours=4), "declined")             # 4 h, on time
    clock.set(FRIDAY_NOON - timedelta(hours=3))
    logged(herald, 'enquiry log "Pothole claims" outlet:LGC deadline:"Monday"')        # open, not yet due
    logged(herald, 'enquiry log "Chief executive to leave" outlet:LGC deadline:"Monday" embargo:"Mon 00:01"')
    clock.set(FRIDAY_NOON)


def test_the_figures_are_right_on_a_hand_computed_week(herald, clock, week):
    period = parse_period("this week", clock.now(), herald.settings.tz)
    with herald.reading() as session:
        stats = enquiry_stats(session, period.start, period.end, clock.now())
    # Five received (the embargoed one is left out), three closed; four due (three closed, the bin strike
    # past its deadline), two of them answered by the deadline; responses 1 h 30, 2 h 30, 4 h.
    assert (stats.handled, stats.closed, stats.still_open, stats.due, stats.answered_by_deadline) == (5, 3, 2, 4, 2)
    assert stats.share_by_deadline == 0.5 and stats.median_response == timedelta(hours=2, minutes=30)
    assert stats.by_outcome == (("answered", 1), ("declined", 1), ("statement", 1))
    assert stats.by_outlet == (("LGC", 3), ("BBC", 1), ("The MJ", 1))
    assert stats.by_topic[0] == ("Council tax rise", 2) and len(stats.by_topic) == 4
    assert stats.by_council == (("Thurrock", 2), ("Woking", 1))
    words = text_of(ask(herald, "enquiry stats this week"))
    for expected in ("Handled               5", "50% (2 of 4 due)", "2 h 30 min", "By outlet", "Thurrock"):
        assert expected in words, words
    assert "Chief executive" not in words


def test_the_weekly_round_up_and_the_board_update_carry_the_figures(herald, clock, week):
    tz = herald.settings.tz
    with herald.reading() as session:
        roundup = weekly_roundup(session, Window(MONDAY.date(), MONDAY.date() + timedelta(days=7), tz), clock.now())
        quarter = parse_period("Q3 2026/27", clock.now(), tz)
        board = build_board_update(session, quarter, clock.now())
    (section,) = [s for s in roundup.sections if s.heading == "Media enquiries"]
    assert [(f.label, f.value) for f in section.facts][:3] == [
        ("Handled", "5"), ("Answered by deadline", "50% (2 of 4 due)"), ("Median response time", "2 h 30 min")]
    (media,) = [s for s in board.sections if s.heading == "Media relations"]
    # The quarter adds the week before's one (answered in 1 h, by its deadline): 6 handled, 3 of 5 due.
    assert "We handled 6 media enquiries, 60% answered by deadline; median response time 2 h." in media.figures
    assert "Enquiries by council: Thurrock 2, Woking 1." in media.figures


def test_open_ones_are_listed_soonest_deadline_first_and_the_embargo_holds(herald, clock, week):
    listed = text_of(ask(herald, "enquiry list", BOB))
    assert listed.index("Bin strike") < listed.index("Pothole claims")
    assert "OVERDUE" in listed and "Chief executive" not in listed
    assert "Chief executive" in text_of(ask(herald, "enquiry list", ALICE))  # who logged it
    assert "Chief executive" in text_of(ask(herald, "enquiry list", ADMIN))
    assert "no enquiry #7 that you can see" in error_of(ask(herald, "enquiry show 7", BOB))
    export = ask(herald, "enquiry export this week", ADMIN)
    rows = list(csv.DictReader(io.StringIO(export.attachments[0].content.decode())))
    assert [r["topic"] for r in rows] == ["Council tax rise", "Funding gap", "Council tax rise", "Bin strike",
                                          "Pothole claims"]
    assert [r["by_deadline"] for r in rows[:3]] == ["yes", "no", "yes"]
    assert rows[1]["response_minutes"] == "150"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("line, says", [
    ("enquiry log", "Say what the enquiry is about"),
    ('enquiry log "Housing"', "When is the journalist's deadline"),
    ('enquiry log "Housing" deadline:"soon"', "Herald does not guess"),
    ('enquiry log "Housing" deadline:"4pm" owner:@sam', "can't tell who"),
    ('enquiry log "Housing" deadline:"4pm" colour:red', '"colour:" is not an option'),
    ('enquiry log "Housing" deadline:"4pm" embargo:"yesterday"', "already passed"),
    ("enquiry frobnicate", 'I don\'t know "/enquiry frobnicate"'),
    ("enquiry close", "how it was closed"),
    ("enquiry close 1 maybe", "how it was closed"),
    ("enquiry close x answered", '"x" is not a media enquiry number'),
    ("enquiry assign 1", "Say who takes it over"),
    ("enquiry deadline 1", "the new deadline"),
    ("enquiry note 1", "Write the note after the enquiry number"),
    ("enquiry stats someday", "Try a period"),
    ("enquiry list everything", "takes nothing after it"),
])
def test_nonsense_gets_usage_with_an_example(herald, line, says):
    reply = ask(herald, line)
    assert says in error_of(reply), text_of(reply)
    assert "/enquiry" in text_of(reply).split("Examples", 1)[-1]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_councils_resolve_as_coverage_resolves_them_and_an_unknown_one_stores_nothing(herald):
    assert "I don't know a council called 'Narnia'" in error_of(
        ask(herald, 'enquiry log "Housing" deadline:"4pm" council:Narnia'))
    assert "Open enquiries: none" in text_of(ask(herald, "enquiry list"))
    reply = ask(herald, 'enquiry log "Housing" deadline:"4pm" council:"Thurrok, Woking BC"')  # a typo forgiven
    assert "Thurrock, Woking" in text_of(reply)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cli_runs_it_through_the_router(app, clock):
    runner = app.test_cli_runner()
    with app.app_context():
        result = runner.invoke(args=["ask", 'enquiry log "Adult social care charges" deadline:"in 3 hours" outlet:LGC'])
        listed = runner.invoke(args=["ask", "enquiry list"])
    assert "Logged enquiry #1" in result.output, result.output
    assert "Adult social care charges" in listed.output and "LGC" in listed.output


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_demo_has_realistic_enquiries_and_loading_twice_adds_none(herald, clock):
    from models.demo import load_demo
    with herald.session() as session:
        first = load_demo(session, clock.now(), herald.settings.tz)
    with herald.session() as session:
        second = load_demo(session, clock.now(), herald.settings.tz)
    assert first["enquiries"] == 8 and second["enquiries"] == 0
    listed = text_of(ask(herald, "enquiry list"))
    assert listed.index("Nottingham") < listed.index("Slough") and "Open enquiries: 2" in listed
    stats = text_of(ask(herald, "enquiry stats last 30 days"))
    assert "Handled               8" in stats and "Thurrock" in stats


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_herald_help_lists_the_family_and_enquiry_help_its_usage(herald):
    assert "/enquiry" in text_of(ask(herald, "herald help"))
    usage = text_of(ask(herald, "enquiry help"))
    assert "/enquiry close <id> answered|declined|referred|statement" in usage and "deadline:" in usage


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("question, command", [
    ("how many media enquiries did we handle last month?", "/enquiry stats last month"),
    ("which enquiries are still open?", "/enquiry list"),
    ("how do I log an enquiry?", "/enquiry help"),
])
def test_a_question_about_enquiries_runs_the_read_it_means(herald, question, command):
    reply = ask(herald, question)
    assert reply.understood == command, text_of(reply)
