"""`/support` over real HTTP (signed slash commands into the app, the loopback fake Slack), both
databases: figures on a hand-computed fixture, the follow-up reminder through the shared notices
(once, to the owner, cancelled on close), and bad input answered with usage, never a traceback."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.slack.post import Pacer
from digests.notices import send_due_notices
from handlers.context import Actor
from models.deadlines import DeadlineQuestion, parse_deadline
from handlers.support import FOLLOW_UP_TIME
from tests.digest_fixtures import VirtualTime

pytest_plugins = ("tests.slack_fixtures",)

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def harness(make_slack, database_url, clock):
    time_ = VirtualTime(clock)
    return make_slack(database_url, HERALD_TEAM_CHANNEL="CTEAM", SLACK_ADMIN_USER_IDS=("UADMIN",),
                      PACER=Pacer(monotonic=time_.monotonic, sleep=time_.sleep))


def slash(harness, text: str, user: str = "U1") -> str:
    """`/support …` typed in Slack now; the answer's JSON text (from the ack or the response URL)."""
    harness.now = int(harness.herald.clock.now().timestamp())
    word, _, rest = text.partition(" ")
    trigger = f"T-{word}-{abs(hash((text, user, harness.now)))}"
    return json.dumps(harness.answer(word, rest, user=user, trigger=trigger), ensure_ascii=False)


def fields(answer: str) -> list[str]:
    """Every text of an answer's blocks (fields, sections), in order."""
    found = []
    for block in json.loads(answer).get("blocks", []):
        found += [f["text"] for f in block.get("fields", [])]
        if isinstance(block.get("text"), dict):
            found.append(block["text"]["text"])
    return found


def test_support_figures_are_right_on_a_hand_computed_fixture(harness, clock):
    clock.set(datetime(2026, 9, 15, 10, 0, tzinfo=timezone.utc))  # Q2 2026/27: not in this quarter
    assert "Logged support request #1" in slash(harness, '/support log council:Woking issue:"Chief exec departs" '
                                                         "category:leadership")
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))  # Q3 2026/27
    for line, user in (('council:Thurrock issue:"Section 114 notice" category:finance', "U1"),
                       ('council:"Thurrock Council" issue:"Commissioners" category:finance', "U2"),
                       ('council:Thurrock issue:"Governance review" category:governance', "U1"),
                       ('council:"Woking BC" issue:"Debt" category:Finance', "U2"),
                       ('council:Croydon issue:"Press office overwhelmed" category:media', "U1")):
        assert "Logged support request" in slash(harness, f"/support log {line}", user)
    assert "Only admins or its author" in slash(harness, "/support close 3", "U1")  # U2 owns #3
    assert "Closed support request #3" in slash(harness, "/support close 3 Advice taken", "U2")
    texts = fields(slash(harness, "/support stats this quarter", "U3"))
    assert "*Support requests*\n5" in texts and "*Still open*\n4" in texts
    at = texts.index("*By council*")
    assert texts[at + 1:at + 4] == ["Thurrock\n3 requests", "Croydon\n1 request", "Woking\n1 request"]
    at = texts.index("*By issue*")
    assert texts[at + 1:] == ["finance\n3 requests", "governance\n1 request", "media\n1 request"]
    assert "*Spotlights raised*\n0" in texts
    last = fields(slash(harness, "/support stats last quarter", "U3"))
    assert "*Support requests*\n1" in last and "leadership\n1 request" in last
    listed = slash(harness, "/support list", "U3")
    assert "Support requests (open): 5" in listed and "#3 " not in listed  # Q2's is still open
    reply, _ = harness.herald.run_command("support export this quarter", Actor("U3", platform="slack"))
    rows = list(csv.DictReader(io.StringIO(reply.attachments[0].content.decode())))
    assert sorted(r["council"] for r in rows) == ["Croydon", "Thurrock", "Thurrock", "Thurrock", "Woking"]
    assert [r["status"] for r in rows].count("closed") == 1


def _dms(harness, user: str) -> list[dict]:
    return [c for c in harness.api.calls("chat.postMessage") if c["channel"] == f"D{user}"]


def test_follow_up_reminder_reaches_the_owner_once_and_closing_cancels_it(harness, clock):
    answer = slash(harness, '/support log council:Thurrock issue:"Section 114 notice" followup:"Friday" '
                            "category:finance", "U5")
    assert "reminded to follow up Fri 27 Nov 2026 09:00" in answer
    slash(harness, '/support log council:Woking issue:"Debt" followup:"Thursday 3pm"', "U6")
    assert "Closed" in slash(harness, "/support close 2", "U6")
    clock.set(datetime(2026, 11, 27, 8, 59, tzinfo=timezone.utc))
    assert send_due_notices(harness.herald, "clock:a") == 0 and not _dms(harness, "U5")
    clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc))
    assert send_due_notices(harness.herald, "clock:a") == 1
    assert send_due_notices(harness.herald, "clock:b") == 0
    clock.advance(days=2)
    assert send_due_notices(harness.herald, "clock:a") == 0
    (dm,) = _dms(harness, "U5")
    assert "Time to follow up: Thurrock, Section 114 notice (#1)" in dm["text"]
    assert not _dms(harness, "U6")  # closed before its follow-up: cancelled


@pytest.mark.parametrize("line, expected", [
    ('/support log council:Thurrock issue:"Budget" followup:"next Friday"', "could mean Fri 27 Nov or Fri 4 Dec"),
    ('/support log council:Thurrock issue:"Budget" followup:"1/1/2020"', "has already passed"),
    ('/support log council:Thurrock issue:"Budget" followup:"8am"', "has already passed"),
    ('/support log council:Thurrock issue:"Budget" followup:"whenever"', "could mean more than one time"),
    ('/support log council:Thurrock issue:"Budget" category:sport', "is not a category"),
    ('/support log issue:"Budget"', "Which council asked?"),
    ('/support log council:Thurrock', "What is the issue?"),
    ('/support log council:Narnia issue:"Budget"', "I don't know a council called"),
    ('/support log council:Thurrock issue:"Budget" owner:@sam', "member id"),
    ("/support log Thurrock budget", "name each part"),
    ("/support close", "Give"),
    ("/support show 99", "There is no support request #99"),
    ("/support stats next decade", "Try a period"),
    ("/support spotlight dismiss 7", "There is no spotlight #7"),
    ("/support frobnicate", "Use log, list, show, close, stats, export or spotlight"),
])
def test_bad_input_gets_a_clear_answer_with_usage(harness, line, expected):
    answer = slash(harness, line)
    assert expected in answer, answer
    assert "something went wrong" not in answer


MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, at", [
    ("Friday", datetime(2026, 11, 27, 9, 0)), ("tomorrow 10:00", datetime(2026, 11, 24, 10, 0)),
    ("4pm", datetime(2026, 11, 23, 16, 0)), ("Fri 3pm", datetime(2026, 11, 27, 15, 0)),
    ("12/12/2026", datetime(2026, 12, 12, 9, 0)), ("December 12th 3pm", datetime(2026, 12, 12, 15, 0)),
    ("3 Dec", datetime(2026, 12, 3, 9, 0)),
])
def test_a_follow_up_reads_british_phrasing_in_local_time(text, at):
    found = parse_deadline(text, MONDAY_9, LONDON, default_time=FOLLOW_UP_TIME, what="follow-up")
    assert found.at == at.replace(tzinfo=LONDON).astimezone(timezone.utc)


def test_a_follow_up_reads_summer_time_at_the_start_of_the_day():
    june = datetime(2026, 6, 1, 8, 0, tzinfo=timezone.utc)  # Monday 09:00 BST
    assert parse_deadline("Wednesday", june, LONDON, default_time=FOLLOW_UP_TIME).at == datetime(
        2026, 6, 3, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text", ["next Friday", "Monday", "8am", "1/1/2020", "yesterday", "", "soonish"])
def test_a_follow_up_in_past_ambiguous_or_unreadable_words_is_questioned(text):
    with pytest.raises(DeadlineQuestion):
        parse_deadline(text, MONDAY_9, LONDON, default_time=FOLLOW_UP_TIME, what="follow-up")


def test_weekly_round_up_and_board_update_carry_the_support_figures(harness, clock):
    from datetime import date

    from digests.board import build_board_update
    from digests.compose import Window, weekly_roundup
    from models.periods import parse_period
    herald = harness.herald
    clock.set(datetime(2026, 11, 17, 10, 0, tzinfo=timezone.utc))  # Tuesday of the week 16–22 Nov
    for line in ('council:Thurrock issue:"Section 114 notice" category:finance',
                 'council:Thurrock issue:"Commissioners" category:governance',
                 'council:Croydon issue:"Press office" category:media'):
        assert "Logged" in slash(harness, f"/support log {line}")
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc))
    slash(harness, '/support log council:Woking issue:"Debt" category:finance')  # the next week
    with herald.reading() as session:
        week = weekly_roundup(session, Window(date(2026, 11, 16), date(2026, 11, 23), LONDON), clock.now())
        (section,) = [s for s in week.sections if s.heading == "Support for councils"]
        assert [(f.label, f.value) for f in section.facts][:1] == [("Support requests", "3")]
        assert [(i.title, i.meta) for i in section.items] == [("Thurrock", ("2 requests",)),
                                                              ("Croydon", ("1 request",))]
        assert section.text == "By issue: finance 1, governance 1, media 1."
        board = build_board_update(session, parse_period("Q3 2026/27", clock.now(), LONDON), clock.now())
        (part,) = [s for s in board.sections if s.heading == "Communications support and improvement"]
        assert part.figures[0] == ("Calls on the team for communications support: 4 from 3 councils "
                                   "(4 still open).")
        assert part.figures[1] == "By issue: finance 2, governance 1, media 1."


def test_teams_logs_a_request_and_its_reminder_reaches_the_team_channel_once(make_app, database_url, clock):
    from tests.fakes.http import Answer, FakeServer
    from tests.teams_fixtures import DOC_SECRET, activity, teams_auth
    with FakeServer(default=lambda rec: Answer(202, {})) as workflows:
        app = make_app(database_url, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET, HERALD_ALLOW_PRIVATE_FEEDS=True,
                       HERALD_TEAM_WORKFLOWS_URL=f"{workflows.url}/team")
        raw = activity('<at>Herald</at> support log council:Thurrock issue:"Section 114 notice" '
                       'followup:"tomorrow 10:00" category:finance')
        response = app.test_client().post("/teams/outgoing", data=raw, headers={
            "Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})
        assert response.status_code == 200
        card = json.dumps(response.get_json(), ensure_ascii=False)
        assert "Logged support request #1" in card and "in the team channel" in card
        herald = app.extensions["herald"]
        clock.set(datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc))
        assert send_due_notices(herald, "clock:a") == 1 and send_due_notices(herald, "clock:b") == 0
        posts = [r for r in workflows.requests if r.path.startswith("/team")]
        assert len(posts) == 1 and "Time to follow up: Thurrock" in json.dumps(posts[0].json())


def test_herald_help_lists_support_and_support_help_prints_its_usage(harness):
    assert "/support" in slash(harness, "/herald help") and "/support log council:Thurrock" in slash(
        harness, "/herald help")
    usage = slash(harness, "/support help")
    assert "/support stats [period]" in usage and "/support spotlight assign|dismiss" in usage


@pytest.mark.parametrize("question, command", [
    ("which councils are in the media spotlight?", "/support spotlight"),
    ("how many support requests did we get last quarter?", "/support stats last quarter"),
    ("support requests from Thurrock", "/support list all council:Thurrock"),
])
def test_questions_about_support_run_the_support_look_up_they_mean(harness, question, command):
    reply, _ = harness.herald.run_command(question, Actor("U3", platform="slack"))
    assert reply.understood == command and not reply.is_error
