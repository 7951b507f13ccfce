"""POST /slack/events over HTTP: signatures, slash commands, the 3-second path, retries, errors."""
from __future__ import annotations

import threading
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from models.audit import AuditEntry
from models.inbound import Job
from tests.slack_helpers import audited_family, wait_until, with_families

pytest_plugins = ("tests.slack_fixtures",)  # slack, make_slack, slack_api fixtures

FORM = "application/x-www-form-urlencoded"


def _audits(harness) -> int:
    # A read: on SQLite a writing session would queue behind the job worker's (holding the write lock while
    # the test's handler waits at its gate), and the test would see the gate time out instead.
    with harness.herald.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


# --- signatures (reliability checklist 1-3) ------------------------------------------------------

def _command_body() -> bytes:
    return urlencode({"command": "/herald", "text": "help", "user_id": "U1", "team_id": "T1",
                      "channel_id": "C1", "response_url": "http://127.0.0.1:9/r"}).encode()


@pytest.mark.parametrize("age", [0, 299, -299])
def test_fresh_signature_is_accepted(slack, age):
    response = slack.post(_command_body(), FORM, timestamp=str(slack.now - age))
    assert response.status_code == 200
    assert "Herald" in response.get_json()["blocks"][0]["text"]["text"]


@pytest.mark.parametrize("timestamp, signature", [
    ("stale", None), ("future", None), ("abc", None), ("9" * 5000, None), ("", None), ("-5", None),
    ("now", ""), ("now", "v0=" + "0" * 64), ("now", "v1=abc"), ("now", "v0=" + "é" * 64),
    ("1e9", None),
])
def test_bad_signatures_and_timestamps_get_401_and_run_nothing(slack, timestamp, signature):
    with_families(slack, audited_family())
    body = urlencode({"command": "/note", "text": "x", "user_id": "U1", "team_id": "T1", "channel_id": "C1",
                      "trigger_id": "T-x"}).encode()
    ts = {"stale": str(slack.now - 301), "future": str(slack.now + 301), "now": str(slack.now)}.get(timestamp, timestamp)
    response = slack.post(body, FORM, timestamp=ts, signature=signature)
    assert response.status_code == 401
    assert response.get_json()["error"] == "invalid_request"
    assert _audits(slack) == 0


def test_missing_headers_and_changed_body_get_401(slack):
    client = slack.app.test_client()
    assert client.post("/slack/events", data=_command_body(), content_type=FORM).status_code == 401
    body = _command_body()
    from tests.slack_helpers import sign
    good = sign(body, str(slack.now))
    tampered = body.replace(b"help", b"hel p")
    response = client.post("/slack/events", data=tampered, content_type=FORM,
                           headers={"X-Slack-Request-Timestamp": str(slack.now), "X-Slack-Signature": good})
    assert response.status_code == 401


def test_slack_routes_are_absent_without_slack_settings(make_app, sqlite_url):
    app = make_app(sqlite_url)
    assert app.test_client().post("/slack/events", data=b"x").status_code == 404


# --- slash commands ---------------------------------------------------------------------------------

def test_quick_command_answers_in_the_ack_ephemeral_with_share_button(slack):
    response = slack.command("/herald", "help")
    body = response.get_json()
    assert response.status_code == 200 and body["response_type"] == "ephemeral"
    actions = [e for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert any(e["action_id"] == "herald_share" for e in actions)


def test_unknown_command_gets_usage_not_an_error_page(slack):
    body = slack.command("/coverage", "help").get_json()
    assert "coverage" in body["blocks"][0]["text"]["text"].lower()
    body = slack.command("/herald", "frobnicate now", trigger="T-2").get_json()
    assert "frobnicate" in str(body["blocks"])


def test_command_that_writes_is_audited_with_slack_user_and_workspace(slack):
    with_families(slack, audited_family())
    slack.command("/herald", "note first", user="U42")
    with slack.herald.session() as s:
        entry = s.scalars(select(AuditEntry)).one()
    assert (entry.actor, entry.platform, entry.workspace) == ("U42", "slack", "T1")


def test_admin_comes_from_settings_and_the_user_group(make_slack, sqlite_url, slack_api):
    from tests.fakes.http import Answer
    harness = make_slack(sqlite_url, SLACK_ADMIN_USER_IDS=("UADMIN",), SLACK_ADMIN_USERGROUP_ID="S1")
    slack_api.server.script("/api/usergroups.users.list", Answer(200, {"ok": True, "users": ["UGROUP"]}))
    runtime = harness.runtime
    assert runtime.actor("UADMIN", None, "T1").is_admin
    assert runtime.actor("UGROUP", None, "T1").is_admin
    assert not runtime.actor("UOTHER", None, "T1").is_admin
    assert len(slack_api.calls("usergroups.users.list")) == 1  # remembered for a minute


def test_slow_command_is_acknowledged_at_once_and_answered_through_response_url(slack):
    """The 3-second path: the handler is still blocked when the acknowledgement comes back."""
    gate = threading.Event()
    with_families(slack, audited_family("report", slow=True, gate=gate))
    response = slack.command("/herald", "report quarterly", trigger="T-slow")
    assert response.status_code == 200
    assert response.get_json() == {"text": "Working on it…", "response_type": "ephemeral"}
    assert _audits(slack) == 0  # the work had not happened when Slack got its answer
    assert _job_statuses(slack) == ["pending"]  # but it was recorded before the acknowledgement
    gate.set()
    answers = wait_until(lambda: slack.responses("T-slow"))
    assert answers[0]["blocks"][0]["text"]["text"] == "Noted: quarterly"
    assert answers[0]["response_type"] == "ephemeral" and _audits(slack) == 1
    wait_until(lambda: _job_statuses(slack) == ["done"])


def _job_statuses(harness, kind="slack.reply"):
    with harness.herald.reading() as s:
        return s.scalars(select(Job.status).where(Job.kind == kind)).all()


def test_job_left_by_a_crash_is_finished_on_start_and_posted_once(make_slack, sqlite_url):
    """Checklist 7: a job accepted before a crash is finished by the next process, once."""
    first = make_slack(sqlite_url)
    with_families(first, audited_family("report", slow=True, gate=threading.Event()))
    first.runtime.worker.stop()  # the process "dies": its worker never runs the job
    first.command("/herald", "report crash", trigger="T-crash")
    assert _job_statuses(first) == ["pending"]
    second = make_slack(sqlite_url)
    with_families(second, audited_family("report", slow=True))
    second.runtime.worker.start()
    wait_until(lambda: _job_statuses(second) == ["done"])
    assert len(second.responses("T-crash")) == 1 and _audits(second) == 1


def test_handler_exception_gets_an_apology_with_a_reference(slack):
    from handlers.family import Family

    def broken(rest, ctx):
        raise ZeroDivisionError("boom")

    with_families(slack, Family(name="broken", summary="s", usage="u", examples=("/broken",), handle=broken))
    body = slack.command("/herald", "broken").get_json()
    text = str(body["blocks"])
    assert "reference" in text and "ZeroDivisionError" not in text and "boom" not in text


def test_bolt_level_error_is_an_apology_not_dispatch_failed(slack, slack_api, caplog):
    from tests.fakes.http import Answer
    slack_api.server.script("/api/views.open", Answer(200, {"ok": False, "error": "expired_trigger_id"}))
    response = slack.command("/press", "log")
    assert response.status_code == 200
    text = response.get_json()["text"]
    ref = text.rsplit(" ", 1)[-1]
    assert "reference" in text and "expired_trigger_id" not in text
    assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)  # the log has it, with the traceback


def test_long_answer_is_sent_as_several_messages_in_order(slack):
    from handlers.family import Family
    from handlers.reply import Item, Reply, Section

    def many(rest, ctx):
        items = tuple(Item(title=f"Story {i} " + "x" * 200, url=f"https://example.org/{i}") for i in range(120))
        return Reply(title="Lots", sections=(Section(items=items),))

    with_families(slack, Family(name="many", summary="s", usage="u", examples=("/many",), handle=many))
    ack = slack.command("/herald", "many", trigger="T-many")
    assert ack.status_code == 200 and not ack.get_data()  # empty ack: every part comes in order below
    answers = wait_until(lambda: len(slack.responses("T-many")) >= 2 and slack.responses("T-many"))
    assert answers[0]["blocks"][0]["type"] == "header"
    assert all(len(a["blocks"]) <= 50 for a in answers)


def test_attachments_and_chart_are_uploaded_to_the_asker_privately(slack, slack_api):
    from handlers.family import Family
    from handlers.reply import Attachment, Chart, Reply

    def export(rest, ctx):
        return Reply(title="Coverage export", attachments=(Attachment("coverage.csv", b"id,title\n1,A\n", "text/csv"),),
                     chart=Chart(title="Tone <!here>", png=b"\x89PNG fake", alt_text="Mostly positive"))

    with_families(slack, Family(name="export", summary="s", usage="u", examples=("/export",), handle=export))
    ack = slack.command("/herald", "export", trigger="T-files").get_json()
    assert ack["blocks"][0]["text"]["text"] == "Coverage export"
    wait_until(lambda: slack_api.calls("files.completeUploadExternal"))
    complete = slack_api.calls("files.completeUploadExternal")[0]
    assert complete["channel_id"] == "DU1"  # a DM with the asker, not the channel: the answer was private
    assert sorted(slack_api.uploads()) == sorted([b"\x89PNG fake", b"id,title\n1,A\n"])


@pytest.mark.parametrize("body, content_type", [
    (b"{not json", "application/json"), (b"[1, 2]", "application/json"), (b'"text"', "application/json"),
    (b"payload=notjson", FORM), (b'payload={"type": 5}', FORM), (b'payload=[]', FORM),
    (b'{"type": "event_callback", "event": "x"}', "application/json"), (b"", FORM),
])
def test_signed_but_malformed_bodies_get_4xx_never_500(slack, body, content_type):
    response = slack.post(body, content_type)
    assert 200 <= response.status_code < 500
    assert b"Traceback" not in response.get_data()


def test_old_share_copies_receipts_and_finished_jobs_are_pruned(slack, clock):
    from models.inbound import ReceivedEvent
    with_families(slack, audited_family())  # a command that writes keeps a receipt; a read keeps none
    slack.command("/herald", "note prune me", trigger="T-prune")
    with slack.herald.session() as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 1
        assert s.scalar(select(func.count()).select_from(ReceivedEvent)) == 1
    slack.runtime.worker.prune()
    with slack.herald.session() as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 1  # still young
    clock.advance(days=2)
    slack.runtime.worker.prune()
    with slack.herald.session() as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 0
        assert s.scalar(select(func.count()).select_from(ReceivedEvent)) == 0


def test_quick_command_that_overruns_its_budget_is_acknowledged_and_answered_later(slack):
    """Even a command not marked slow never makes Slack wait: past the budget it is answered later."""
    gate = threading.Event()
    with_families(slack, audited_family("note", gate=gate))
    slack.runtime.ack_budget_seconds = 0.05  # the setting, shortened so the test does not wait 2 s
    response = slack.command("/herald", "note unexpectedly slow", trigger="T-late")
    assert response.get_json() == {"text": "Working on it…", "response_type": "ephemeral"}
    gate.set()
    answer = wait_until(lambda: slack.responses("T-late"))[0]
    assert answer["blocks"][0]["text"]["text"] == "Noted: unexpectedly slow" and _audits(slack) == 1
