"""Events, buttons, forms, the message shortcut and App Home, over signed HTTP into Herald."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from handlers.errors import UsageError
from handlers.family import Family
from handlers.reply import Reply
from models.audit import AuditEntry
from tests.slack_helpers import audited_family, wait_until, with_families

pytest_plugins = ("tests.slack_fixtures",)  # slack, make_slack, slack_api fixtures


def _audits(harness) -> int:
    with harness.herald.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def _mention(text: str) -> dict:
    return {"type": "app_mention", "user": "U1", "text": f"<@UHERALD> {text}", "ts": "1795424400.000100",
            "channel": "C1", "event_ts": "1795424400.000100"}


# --- app_mention and Events API retries (checklist 4, 5) ------------------------------------------

def test_mention_is_answered_in_its_thread(slack, slack_api):
    assert slack.event(_mention("help")).status_code == 200
    posts = wait_until(lambda: slack_api.calls("chat.postMessage"))
    assert posts[0]["channel"] == "C1" and posts[0]["thread_ts"] == "1795424400.000100"
    assert posts[0]["unfurl_links"] is False and "link_names" not in posts[0]


def test_same_event_three_times_has_one_side_effect(make_slack, database_url, slack_api):
    harness = make_slack(database_url)
    with_families(harness, audited_family())
    retry = {"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"}
    for headers in (None, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}, retry):
        assert harness.event(_mention("note once"), event_id="EvSame", headers=headers).status_code == 200
    wait_until(lambda: slack_api.calls("chat.postMessage"))
    harness.runtime.worker.drain()
    assert _audits(harness) == 1 and len(slack_api.calls("chat.postMessage")) == 1


def test_retry_whose_first_delivery_never_arrived_is_processed(slack, slack_api):
    with_families(slack, audited_family())
    headers = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "connection_failed"}
    assert slack.event(_mention("note late"), event_id="EvNew", headers=headers).status_code == 200
    wait_until(lambda: slack_api.calls("chat.postMessage"))
    assert _audits(slack) == 1


# --- buttons (checklist 8) ------------------------------------------------------------------------

def _click(harness, action_id: str, value: str, action_ts: str = "1795424400.5", channel: str | None = "C1"):
    payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U1", "name": "alex", "team_id": "T1"},
               "api_app_id": "A1", "trigger_id": "tr", "response_url": f"{harness.api.server.url}/response/click",
               "container": {"type": "message", "is_ephemeral": True},
               "actions": [{"action_id": action_id, "block_id": "b", "value": value, "type": "button",
                            "action_ts": action_ts}]}
    if channel:
        payload["channel"] = {"id": channel}
    else:  # a button on App Home: no channel, no response_url
        payload["container"] = {"type": "view", "view_id": "V1"}
        del payload["response_url"]
    return harness.interaction(payload)


def test_button_double_click_runs_its_command_once(make_slack, database_url):
    harness = make_slack(database_url)
    with_families(harness, audited_family())
    assert _click(harness, "herald_run_0", "note clicked").status_code == 200
    assert _click(harness, "herald_run_0", "note clicked").status_code == 200
    answers = wait_until(lambda: harness.responses("click"))
    harness.runtime.worker.drain()
    assert _audits(harness) == 1 and len(harness.responses("click")) == 1
    assert answers[0]["blocks"][0]["text"]["text"] == "Noted: clicked"


def test_next_page_button_runs_the_next_page_command(slack):
    _click(slack, "herald_next", "herald help")
    answers = wait_until(lambda: slack.responses("click"))
    assert answers[0]["blocks"][0]["text"]["text"].startswith("Herald")


def test_share_in_channel_posts_the_same_answer_for_everyone(slack):
    ack = slack.command("/herald", "help", trigger="T-share").get_json()
    share = next(e for b in ack["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == "herald_share")
    _click(slack, "herald_share", share["value"])
    shared = wait_until(lambda: slack.responses("click"))[0]
    assert shared["response_type"] == "in_channel"
    assert shared["blocks"][0] == ack["blocks"][0] and "Shared by alex" in json.dumps(shared["blocks"])
    assert not any(e.get("action_id") == "herald_share" for b in shared["blocks"] if b["type"] == "actions"
                   for e in b["elements"])


def test_only_the_person_answered_can_share_the_answer(slack):
    ack = slack.command("/herald", "help", user="U7", trigger="T-owner").get_json()
    share = next(e for b in ack["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == "herald_share")
    _click(slack, "herald_share", share["value"])  # clicked by U1, not U7
    slack.runtime.worker.drain()
    assert slack.responses("click") == []


def test_link_button_click_is_only_acknowledged(slack, slack_api):
    assert _click(slack, "herald_url_0", "").status_code == 200
    slack.runtime.worker.drain()
    assert slack.responses("click") == [] and slack_api.calls("chat.postMessage") == []


def test_button_on_app_home_answers_in_a_direct_message(slack, slack_api):
    _click(slack, "herald_run_0", "herald help", channel=None)
    post = wait_until(lambda: slack_api.calls("chat.postMessage"))[0]
    assert post["channel"] == "U1" and "Herald" in post["text"]


# --- forms (press log, campaign activity add) ------------------------------------------------------

def test_bare_press_log_opens_the_form(slack, slack_api):
    response = slack.command("/press", "log", trigger="T-form")
    assert response.status_code == 200 and not response.get_data()
    opened = slack_api.calls("views.open")[0]
    view = json.loads(opened["view"]) if isinstance(opened["view"], str) else opened["view"]
    assert opened["trigger_id"] == "T-form" and view["callback_id"] == "herald_form_press_log"
    assert [b["block_id"] for b in view["blocks"]] == ["type", "title", "outlet", "date", "spokesperson",
                                                       "programme", "campaign", "link", "embargo"]


def test_bare_campaign_activity_add_opens_its_form(slack, slack_api):
    slack.command("/campaign", "activity add", trigger="T-form2")
    view = slack_api.calls("views.open")[0]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert [b["block_id"] for b in view["blocks"]] == ["campaign", "activity", "date", "status"]


def _submit(harness, callback_id: str, values: dict, view_hash: str = "h1"):
    state = {block: {"value": {"type": "plain_text_input", "value": value}} for block, value in values.items()}
    payload = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "name": "alex", "team_id": "T1"},
               "api_app_id": "A1", "trigger_id": "tr",
               "view": {"id": "V1", "hash": view_hash, "callback_id": callback_id, "type": "modal",
                        "private_metadata": json.dumps({"channel": "C1"}), "state": {"values": state}}}
    return harness.interaction(payload)


def _fake_press(seen: list[str]) -> Family:
    def handle(rest: str, ctx) -> Reply:
        seen.append(rest)
        if "outlet:" not in rest:
            raise UsageError("Which outlet was it for?", field="outlet")
        if "nowhere" in rest:
            raise UsageError("I can't read that.")
        return audited_family().handle(rest, ctx)

    return Family(name="press", summary="s", usage="u", examples=("/press log",), handle=handle)


def test_form_submission_runs_the_command_and_error_shows_on_its_field(slack, slack_api):
    seen: list[str] = []
    with_families(slack, _fake_press(seen))
    bad = _submit(slack, "herald_form_press_log", {"type": "statement", "title": 'Say "hello"'})
    assert bad.get_json() == {"response_action": "errors", "errors": {"outlet": "Which outlet was it for?"}}
    assert seen[-1] == "log \"statement\" \"Say 'hello'\""
    good = _submit(slack, "herald_form_press_log", {"type": "statement", "title": "Hi", "outlet": "LGC"})
    assert good.status_code == 200 and not good.get_data()
    assert seen[-1] == 'log "statement" "Hi" outlet:"LGC"'
    wait_until(lambda: slack_api.calls("chat.postEphemeral"))
    assert _audits(slack) == 1


def test_form_double_submit_logs_once_and_unfielded_error_shows_on_first_field(slack):
    seen: list[str] = []
    with_families(slack, _fake_press(seen))
    for _ in range(2):
        assert _submit(slack, "herald_form_press_log", {"type": "statement", "title": "Hi", "outlet": "LGC"}
                       ).status_code == 200
    assert _audits(slack) == 1
    bad = _submit(slack, "herald_form_press_log", {"type": "statement", "title": "x", "outlet": "nowhere"})
    assert bad.get_json()["errors"] == {"type": "I can't read that."}


# --- message shortcut and App Home ------------------------------------------------------------------

def _shortcut(harness, text: str):
    payload = {"type": "message_action", "callback_id": "herald_log_coverage", "team": {"id": "T1"},
               "user": {"id": "U1", "name": "alex"}, "channel": {"id": "C1"}, "action_ts": "1795424401.1",
               "trigger_id": "tr", "response_url": f"{harness.api.server.url}/response/shortcut",
               "message": {"type": "message", "text": text, "ts": "1795424300.000200"}}
    return harness.interaction(payload)


def test_log_as_coverage_shortcut_runs_coverage_log_with_the_link(slack):
    seen: list[str] = []

    def coverage(rest, ctx):
        seen.append(rest)
        return Reply(title="Logged")

    with_families(slack, Family(name="coverage", summary="s", usage="u", examples=("/coverage",), handle=coverage))
    assert _shortcut(slack, "Great piece <https://www.lgcplus.com/story?a=1&amp;b=2|in LGC> today").status_code == 200
    wait_until(lambda: slack.responses("shortcut"))
    assert seen == ["log https://www.lgcplus.com/story?a=1&b=2"]


def test_shortcut_on_a_message_without_a_link_says_so(slack):
    _shortcut(slack, "no link here")
    answer = wait_until(lambda: slack.responses("shortcut"))[0]
    assert "no link" in answer["text"]


def test_app_home_shows_coverage_programmes_and_digests(slack, slack_api):
    event = {"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1.2"}
    assert slack.event(event, event_id="EvHome").status_code == 200
    published = slack_api.calls("views.publish")[0]
    view = json.loads(published["view"]) if isinstance(published["view"], str) else published["view"]
    headers = [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]
    assert published["user_id"] == "U1" and view["type"] == "home" and len(headers) == 3
    assert len(view["blocks"]) <= 100


def test_refused_form_can_be_submitted_again_unchanged_and_is_answered_again(make_slack, database_url):
    harness = make_slack(database_url)
    with_families(harness, _fake_press([]))
    for _ in range(2):  # the refusal changed nothing, so its key was not kept
        bad = _submit(harness, "herald_form_press_log", {"type": "statement", "title": "No outlet"})
        assert bad.get_json()["response_action"] == "errors"


def test_concurrent_deliveries_of_one_event_make_one_job(make_slack, database_url, slack_api):
    import threading

    harness = make_slack(database_url)
    with_families(harness, audited_family())
    start = threading.Barrier(4)
    statuses: list[int] = []

    def deliver():
        start.wait()
        statuses.append(harness.event(_mention("note race"), event_id="EvRace").status_code)

    threads = [threading.Thread(target=deliver) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wait_until(lambda: slack_api.calls("chat.postMessage"))
    harness.runtime.worker.drain()
    assert statuses == [200] * 4
    assert _audits(harness) == 1 and len(slack_api.calls("chat.postMessage")) == 1


# --- questions in plain English: @mentions and direct messages (issue 21) -------------------------

def test_a_question_by_mention_or_direct_message_is_answered_as_the_command_it_means(slack, slack_api):
    assert slack.event(_mention("what feeds do we poll?")).status_code == 200
    dm = {"type": "message", "channel_type": "im", "user": "U1", "text": "which feeds do we poll?",
          "ts": "1795424401.000100", "channel": "D1", "event_ts": "1795424401.000100"}
    assert slack.event(dm, event_id="EvDm").status_code == 200
    herald_own = dict(dm, bot_id="B1", text="No feeds yet", ts="1795424402.0", event_ts="1795424402.0")
    assert slack.event(herald_own, event_id="EvBot").status_code == 200  # never answers itself
    posts = wait_until(lambda: len(slack_api.calls("chat.postMessage")) >= 2 and slack_api.calls("chat.postMessage"))
    slack.runtime.worker.drain()
    posts = slack_api.calls("chat.postMessage")
    assert sorted(p["channel"] for p in posts) == ["C1", "D1"]
    for post in posts:
        blocks = json.loads(post["blocks"]) if isinstance(post["blocks"], str) else post["blocks"]
        assert blocks[0]["type"] == "context" and "/feeds list" in blocks[0]["elements"][0]["text"]
