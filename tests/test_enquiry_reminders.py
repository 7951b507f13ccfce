"""Issue 20's enquiry bars over real HTTP, on SQLite and PostgreSQL: an enquiry logged from Slack (a
signed slash command) and from Teams (the HMAC outgoing webhook) with a deadline two hours ahead; on
an injected clock the owner gets exactly one direct message an hour before and one at the deadline,
and the missed deadline reaches the team channel once, however many senders run; closing it with a
statement links the press activity and stops every reminder.

Real parts: the Flask app, the loopback fake of Slack's Web API, a loopback Teams Workflows server.
"""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.slack.post import Pacer
from digests import notices as sender
from models.enquiry import Enquiry
from models.notices import Notice
from models.press import PressActivity
from tests.digest_fixtures import VirtualTime
from tests.fakes.http import Answer, FakeServer
from tests.slack_helpers import wait_until
from tests.teams_fixtures import DOC_SECRET, activity, teams_auth

pytest_plugins = ("tests.slack_fixtures",)  # make_slack, slack_api

OWNER = "U7SAM"
TEAM = "CTEAM"


@pytest.fixture
def workflows():
    with FakeServer(default=lambda rec: Answer(202, "")) as server:
        yield server


@pytest.fixture
def harness(make_slack, database_url, workflows, clock):
    """Herald on the test database, reached over signed Slack HTTP and the Teams outgoing webhook."""
    pacing = VirtualTime(clock)
    return make_slack(database_url, HERALD_TEAM_CHANNEL=TEAM, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET,
                      HERALD_TEAM_WORKFLOWS_URL=f"{workflows.url}/flow/invoke?sig=S", HERALD_ALLOW_PRIVATE_FEEDS=True,
                      PACER=Pacer(monotonic=pacing.monotonic, sleep=pacing.sleep))


def slack_command(harness, text: str, user: str = "U1") -> str:
    """`/enquiry <text>` typed in Slack; the answer's JSON as text."""
    trigger = f"T-{abs(hash(text)) % 10**8}"
    harness.now = int(harness.herald.clock.now().timestamp())  # signed at the injected clock's time
    return json.dumps(harness.answer("/enquiry", text, user=user, trigger=trigger), ensure_ascii=False)


def teams_message(harness, text: str, n: int = 1) -> str:
    """`@Herald <text>` in a Teams channel, signed as Teams signs it; the card's JSON as text."""
    raw = activity(f"<at>Herald</at> {text}", activity_id=str(1795424400000 + n))
    response = harness.app.test_client().post(
        "/teams/outgoing", data=raw,
        headers={"Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.dumps(response.get_json(), ensure_ascii=False)


def posts_to(harness, channel: str, enquiry_id: int) -> list[str]:
    """The texts Herald posted to `channel` (D<user> for a DM) about one enquiry."""
    found = []
    for call in harness.api.calls("chat.postMessage"):
        words = call.get("text", "") + json.dumps(call.get("blocks") or [])
        if call["channel"] == channel and f"#{enquiry_id}" in words:
            found.append(words)
    return found


def send_twice(harness) -> None:
    """Two clocks' senders run one after the other, as after a failover: each notice goes once."""
    sender.send_due_notices(harness.herald, "clock:a")
    sender.send_due_notices(harness.herald, "clock:b")


def the_enquiry(harness, topic: str) -> Enquiry:
    with harness.herald.reading() as session:
        return session.scalars(select(Enquiry).where(Enquiry.topic == topic)).one()


def test_logged_from_slack_the_owner_is_reminded_once_at_each_step_and_the_team_told_once(harness, clock,
                                                                                         workflows):
    start = clock.now()  # Monday 23 Nov 2026 09:00 GMT: office hours, so the hour-before stays an hour before
    answer = slack_command(harness, f'log "Funding gap at Thurrock" outlet:LGC journalist:"Jane Smith" '
                                    f'deadline:"11:00" council:Thurrock owner:<@{OWNER}|sam>')
    assert "Logged enquiry #" in answer and "direct message" in answer, answer
    enquiry = the_enquiry(harness, "Funding gap at Thurrock")
    assert (enquiry.deadline - start, enquiry.owner_id, enquiry.platform) == (timedelta(hours=2), OWNER, "slack")
    assert enquiry.council_codes == ["THR"]

    clock.set(start + timedelta(minutes=59))
    send_twice(harness)
    assert posts_to(harness, f"D{OWNER}", enquiry.id) == []
    clock.set(start + timedelta(hours=1))
    send_twice(harness)
    (before,) = posts_to(harness, f"D{OWNER}", enquiry.id)
    assert "due in 1 h" in before
    clock.set(start + timedelta(hours=2))
    send_twice(harness)
    assert len(posts_to(harness, f"D{OWNER}", enquiry.id)) == 2
    assert "due now" in posts_to(harness, f"D{OWNER}", enquiry.id)[1]
    clock.set(start + timedelta(hours=2, minutes=14))
    send_twice(harness)
    assert posts_to(harness, TEAM, enquiry.id) == []
    clock.set(start + timedelta(hours=2, minutes=15))
    send_twice(harness)
    clock.set(start + timedelta(hours=5))
    send_twice(harness)
    (missed,) = posts_to(harness, TEAM, enquiry.id)
    assert "Missed deadline" in missed
    assert len(posts_to(harness, f"D{OWNER}", enquiry.id)) == 2
    with harness.herald.reading() as session:
        notices = session.scalars(select(Notice).where(Notice.subject_id == enquiry.id,
                                                       Notice.kind.like("enquiry.%"))).all()
    assert sorted((n.kind, n.address, n.status) for n in notices) == [
        ("enquiry.before", OWNER, "sent"), ("enquiry.due", OWNER, "sent"), ("enquiry.missed", TEAM, "sent"),
        ("enquiry.missed", "workflows", "sent")]  # the team's Teams channel is told once too
    (card,) = workflows.received("/flow/invoke")
    assert "Missed deadline" in json.dumps(card.json())


def test_logged_from_teams_the_reminders_go_to_the_team_channels_naming_the_owner(harness, clock, workflows):
    start = clock.now()
    card = teams_message(harness, 'enquiry log "Pay dispute at Woking" outlet:"The MJ" deadline:"in 2 hours" '
                                  "council:Woking")
    assert "Logged enquiry #" in card and "team channel" in card, card
    enquiry = the_enquiry(harness, "Pay dispute at Woking")
    assert (enquiry.deadline - start, enquiry.platform) == (timedelta(hours=2), "teams")
    clock.set(start + timedelta(hours=1))
    send_twice(harness)
    (before,) = posts_to(harness, TEAM, enquiry.id)
    assert "Jo Bloggs" in before  # the owner, named, since Herald cannot message them alone in Teams
    assert len(workflows.received("/flow/invoke")) == 1


def test_closing_with_a_statement_links_the_press_activity_and_stops_the_reminders(harness, clock):
    start = clock.now()
    slack_command(harness, f'log "Thurrock finance recovery" outlet:LGC deadline:"11:00" owner:<@{OWNER}|sam>')
    enquiry = the_enquiry(harness, "Thurrock finance recovery")
    refused = slack_command(harness, f"close {enquiry.id} statement", user="U9OTHER")
    assert "Not allowed" in refused  # neither its owner nor who logged it, nor an admin
    answer = slack_command(harness, f"close {enquiry.id} statement", user=OWNER)
    assert "closed: statement" in answer and "press activity #" in answer, answer
    closed = the_enquiry(harness, "Thurrock finance recovery")
    with harness.herald.reading() as session:
        press = session.get(PressActivity, closed.press_id)
        assert (press.kind, press.title, press.outlet_name) == ("statement", "Thurrock finance recovery", "LGC")
    assert (closed.status, closed.closed_at) == ("statement", start)
    for hours in (1, 2, 3):
        clock.set(start + timedelta(hours=hours))
        send_twice(harness)
    assert posts_to(harness, f"D{OWNER}", enquiry.id) == [] and posts_to(harness, TEAM, enquiry.id) == []
    assert f"#{press.id}" in slack_command(harness, f"show {enquiry.id}")
    harness.now = int(clock.now().timestamp())
    shown = harness.command("/press", f"show {press.id}", trigger="T-press-show").get_data(as_text=True)
    assert f"Answers media enquiry #{enquiry.id}" in shown


def test_closing_links_an_existing_press_activity(harness, clock):
    slack_command(harness, 'log "Leisure centre closures" deadline:"Friday"', user="U1")
    enquiry = the_enquiry(harness, "Leisure centre closures")
    trigger_text = harness.command("/press", 'log statement "Leisure centres: our response" outlet:LGC',
                                   user="U1", trigger="T-press").get_data(as_text=True)
    assert "Logged statement #" in trigger_text
    with harness.herald.reading() as session:
        press_id = session.scalars(select(PressActivity.id)).one()
    answer = slack_command(harness, f"close {enquiry.id} answered press:{press_id}", user="U1")
    assert f"press activity #{press_id}" in answer
    assert the_enquiry(harness, "Leisure centre closures").press_id == press_id


def test_a_new_owner_gets_the_reminders_and_the_old_owner_none(harness, clock):
    start = clock.now()
    slack_command(harness, f'log "Housing repairs backlog" deadline:"11:00" owner:<@{OWNER}|sam>')
    enquiry = the_enquiry(harness, "Housing repairs backlog")
    assert "now belongs to kim" in slack_command(harness, f"assign {enquiry.id} <@U8KIM|kim>", user=OWNER)
    moved = slack_command(harness, f'deadline {enquiry.id} "12:00"', user="U8KIM")
    assert "is due" in moved
    for minutes in (60, 120, 180, 195, 240):
        clock.set(start + timedelta(minutes=minutes))
        send_twice(harness)
    assert posts_to(harness, f"D{OWNER}", enquiry.id) == []
    assert len(posts_to(harness, "DU8KIM", enquiry.id)) == 2
    assert len(posts_to(harness, TEAM, enquiry.id)) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_vague_or_past_deadline_is_asked_about_and_nothing_is_stored(harness):
    for words in ('deadline:"soon"', 'deadline:"8am"', 'deadline:"12/13"', 'deadline:"next Friday"', ""):
        answer = slack_command(harness, f'log "Bin collections" {words}')
        assert "couldn't do that" in answer and "/enquiry log" in answer, answer
    with harness.herald.reading() as session:
        assert session.scalars(select(Enquiry)).all() == []


def submit_form(harness, values: dict, owner: str | None = None):
    """The "Log a media enquiry" modal, saved as Slack posts it (a users_select for the owner)."""
    state = {block: {"value": {"type": "plain_text_input", "value": value}} for block, value in values.items()}
    if owner:
        state["owner"] = {"value": {"type": "users_select", "selected_user": owner}}
    harness.now = int(harness.herald.clock.now().timestamp())
    payload = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "name": "alex", "team_id": "T1"},
               "api_app_id": "A1", "trigger_id": "tr",
               "view": {"id": "V1", "hash": f"h{len(values)}", "callback_id": "herald_form_enquiry_log",
                        "type": "modal", "private_metadata": json.dumps({"channel": "C1"}),
                        "state": {"values": state}}}
    return harness.interaction(payload)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_slack_form_logs_one_and_a_vague_deadline_is_asked_on_its_field(harness, clock):
    response = harness.command("/enquiry", "log", trigger="T-form")
    assert response.status_code == 200 and not response.get_data()
    view = harness.api.calls("views.open")[0]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert [b["block_id"] for b in view["blocks"]] == ["topic", "deadline", "outlet", "journalist", "council",
                                                       "owner", "embargo", "notes"]
    bad = submit_form(harness, {"topic": "Libraries closing", "deadline": "soon"}, owner=OWNER)
    errors = bad.get_json()["errors"]
    assert list(errors) == ["deadline"] and "does not guess" in errors["deadline"]
    good = submit_form(harness, {"topic": "Libraries closing", "deadline": "11:00", "outlet": "LGC",
                                 "council": "Thurrock"}, owner=OWNER)
    assert good.status_code == 200 and not good.get_data()
    enquiry = wait_until(lambda: the_enquiries(harness, "Libraries closing"))[0]
    assert (enquiry.owner_id, enquiry.outlet_name, enquiry.council_codes) == (OWNER, "LGC", ["THR"])
    clock.advance(hours=1)
    send_twice(harness)
    assert len(posts_to(harness, f"D{OWNER}", enquiry.id)) == 1


def the_enquiries(harness, topic: str) -> list[Enquiry]:
    with harness.herald.reading() as session:
        return list(session.scalars(select(Enquiry).where(Enquiry.topic == topic)))


def test_a_reminder_slack_took_before_a_crash_is_not_sent_again(harness, clock):
    start = clock.now()
    slack_command(harness, f'log "Council tax referendum" outlet:LGC deadline:"11:00" owner:<@{OWNER}|sam>')
    enquiry = the_enquiry(harness, "Council tax referendum")
    clock.set(start + timedelta(hours=1))
    sender.send_due_notices(harness.herald, "clock:a")
    with harness.herald.session() as session:  # as a clock killed after Slack took the post leaves it
        notice = session.scalars(select(Notice).where(Notice.kind == "enquiry.before",
                                                      Notice.subject_id == enquiry.id)).one()
        notice.status, notice.claimed_by, notice.sent_at = "sending", "clock:dead", None
    clock.advance(minutes=1)
    send_twice(harness)
    assert len(posts_to(harness, f"D{OWNER}", enquiry.id)) == 1


def test_two_clocks_sending_at_once_escalate_a_missed_deadline_once(harness, clock):
    import threading
    start = clock.now()
    slack_command(harness, f'log "Care home closures" outlet:LGC deadline:"11:00" owner:<@{OWNER}|sam>')
    enquiry = the_enquiry(harness, "Care home closures")
    clock.set(start + timedelta(hours=3))  # the clocks were down: every step is due at once
    barrier = threading.Barrier(2)

    def send(holder: str) -> None:
        barrier.wait()
        sender.send_due_notices(harness.herald, holder)

    threads = [threading.Thread(target=send, args=(h,)) for h in ("clock:a", "clock:b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    send_twice(harness)
    assert len(posts_to(harness, TEAM, enquiry.id)) == 1
    assert len(posts_to(harness, f"D{OWNER}", enquiry.id)) == 1  # "was due at …"; the hour-before is moot


def test_after_downtime_past_the_deadline_the_owner_is_told_when_it_was_due_once(harness, clock):
    start = clock.now()  # Monday 09:00 GMT
    slack_command(harness, f'log "Libraries review" outlet:LGC deadline:"11:00" owner:<@{OWNER}|sam>')
    enquiry = the_enquiry(harness, "Libraries review")
    clock.set(start + timedelta(hours=3))  # the clock was down through both reminders
    send_twice(harness)
    (late,) = posts_to(harness, f"D{OWNER}", enquiry.id)  # no "due in" after the deadline has gone
    assert "was due at Mon 23 Nov 2026 11:00" in late and "due in" not in late
    (missed,) = posts_to(harness, TEAM, enquiry.id)
    assert "Missed deadline" in missed
