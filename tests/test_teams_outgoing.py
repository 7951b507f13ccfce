"""`POST /teams/outgoing`: signed requests into the real app, answered with Adaptive Cards."""
from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import select

from bot.teams.activity import command_text
from bot.teams.outgoing import EXTENSION
from config import ConfigError
from models.inbound import ReceivedEvent
from tests.fakes.http import Answer, FakeServer
from tests.teams_fixtures import DOC_SECRET, OTHER_SECRET, activity, card_validator, teams_auth


class RecordingRoute:
    """Routes with Herald's real router, recording each command; optionally held until `gate` opens."""

    def __init__(self, route, gate: threading.Event | None = None):
        self.route, self.gate, self.calls = route, gate, []

    def __call__(self, text, ctx):
        self.calls.append((text, ctx.actor, ctx.channel))
        if self.gate is not None:
            self.gate.wait(30)
        return self.route(text, ctx)


@pytest.fixture
def teams_app(make_app, sqlite_url):
    built = []

    def build(url=sqlite_url, **overrides):
        app = make_app(url, TEAMS_OUTGOING_WEBHOOK_SECRET=overrides.pop("secret", DOC_SECRET), **overrides)
        endpoint = app.extensions[EXTENSION]
        endpoint.replies.route = RecordingRoute(endpoint.replies.route)
        built.append(endpoint)
        return app, endpoint
    yield build
    for endpoint in built:
        endpoint.replies.worker.stop()


def post(client, raw: bytes, secret: str | None = DOC_SECRET, team: str | None = None, auth: str | None = None):
    headers = {"Content-Type": "application/json"}
    if auth is not None or secret is not None:
        headers["Authorization"] = auth if auth is not None else teams_auth(secret, raw)
    path = "/teams/outgoing" + (f"?team={team}" if team else "")
    return client.post(path, data=raw, headers=headers)


def card_of(response) -> dict:
    body = response.get_json()
    assert body["type"] == "message"
    [attachment] = body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    card_validator().validate(card)
    assert card["version"] == "1.4"
    return card


def card_text(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def test_a_signed_mention_runs_the_command_and_answers_with_a_card(teams_app):
    app, endpoint = teams_app()
    response = post(app.test_client(), activity("<at>Herald</at> help"))
    assert response.status_code == 200
    assert "Herald: what I can do" in card_text(card_of(response))
    [(text, actor, channel)] = endpoint.replies.route.calls
    assert text == "help" and channel == "19:abc123@thread.tacv2"
    assert (actor.platform, actor.user_id, actor.name) == ("teams", "a1b2c3d4-0000-4000-8000-000000000001", "Jo Bloggs")
    assert actor.workspace == "72f988bf-0000-4000-8000-000000000000" and not actor.is_admin


def test_listed_teams_users_are_admins(teams_app):
    app, endpoint = teams_app(TEAMS_ADMIN_USER_IDS=("a1b2c3d4-0000-4000-8000-000000000001",))
    assert post(app.test_client(), activity("<at>Herald</at> help")).status_code == 200
    assert endpoint.replies.route.calls[0][1].is_admin


def test_a_body_over_the_size_limit_is_413(teams_app):
    app, endpoint = teams_app(HERALD_WEBHOOK_MAX_BYTES=2000)
    response = post(app.test_client(), activity("<at>Herald</at> help " + "x" * 3000))
    assert response.status_code == 413 and endpoint.replies.route.calls == []


def test_an_en_dash_body_verifies_on_its_raw_utf8_bytes(teams_app):
    app, endpoint = teams_app()
    raw = activity("<at>Herald</at> peer-challenge Thurrock – status")
    assert "–".encode() in raw
    assert post(app.test_client(), raw).status_code == 200
    assert endpoint.replies.route.calls[0][0] == "peer-challenge Thurrock – status"


@pytest.mark.parametrize("case", ["missing header", "wrong key", "truncated body", "re-serialised body",
                                  "bearer scheme"])
def test_a_bad_signature_is_401_and_nothing_runs(teams_app, case):
    app, endpoint = teams_app()
    raw = activity("<at>Herald</at> help")
    sent, auth = raw, teams_auth(DOC_SECRET, raw)
    if case == "missing header":
        auth = None
    elif case == "wrong key":
        auth = teams_auth(OTHER_SECRET, raw)
    elif case == "truncated body":
        sent = raw[:-10]
    elif case == "re-serialised body":
        sent = json.dumps(json.loads(raw), indent=1).encode()
    elif case == "bearer scheme":
        auth = auth.replace("HMAC", "Bearer")
    headers = {"Content-Type": "application/json", **({"Authorization": auth} if auth else {})}
    response = app.test_client().post("/teams/outgoing", data=sent, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["reason"]
    assert endpoint.replies.route.calls == []
    with endpoint.herald.session() as session:
        assert session.scalars(select(ReceivedEvent)).all() == []


@pytest.mark.parametrize("raw, reason", [
    (b'{"type":"message","id":"1","te', "not valid JSON"),
    (b"coverage this week", "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[]", "JSON object"),
    (b'{"type":"conversationUpdate","id":"1"}', "only 'message' activities"),
    (b'{"type":"message","from":{"id":"29:x"},"conversation":{"id":"19:c"}}', "no 'id'"),
    (b'{"type":"message","id":"1","conversation":{"id":"19:c"}}', "no 'from.id'"),
    (b'{"type":"message","id":"1","from":{"id":"29:x"}}', "no 'conversation.id'"),
])
def test_a_signed_body_that_is_not_a_message_is_400_with_the_reason(teams_app, raw, reason):
    app, endpoint = teams_app()
    response = post(app.test_client(), raw)
    assert response.status_code == 400 and reason in response.get_json()["reason"]
    assert endpoint.replies.route.calls == []


def test_a_repeated_activity_is_answered_but_not_run_twice(teams_app, database_url):
    app, endpoint = teams_app(database_url)
    client = app.test_client()
    raw = activity("<at>Herald</at> help", "1795424400001")
    first, second = post(client, raw), post(client, raw)
    assert first.status_code == second.status_code == 200
    assert "Already answered" in second.get_json()["text"]
    elsewhere = activity("<at>Herald</at> help", "1795424400001", conversation="19:other@thread.tacv2")
    assert "attachments" in post(client, elsewhere).get_json()
    assert len(endpoint.replies.route.calls) == 2
    with endpoint.herald.session() as session:
        assert len(session.scalars(select(ReceivedEvent).where(ReceivedEvent.platform == "teams")).all()) == 2


def test_each_team_is_checked_with_its_own_secret(teams_app):
    app, endpoint = teams_app(secret=f"finance={DOC_SECRET},comms={OTHER_SECRET}")
    client, raw = app.test_client(), activity("<at>Herald</at> help", "7")
    assert post(client, raw, secret=OTHER_SECRET, team="finance").status_code == 401
    assert post(client, raw, secret=DOC_SECRET, team="finance").status_code == 200
    assert post(client, activity("<at>Herald</at> help", "8"), secret=OTHER_SECRET, team="comms").status_code == 200
    unknown = post(client, raw, team="housing")
    assert unknown.status_code == 401 and "team 'housing'" in unknown.get_json()["reason"]
    assert post(client, raw).status_code == 401          # no ?team= and no default token
    assert len(endpoint.replies.route.calls) == 2


def test_teams_off_answers_503(make_app, sqlite_url):
    app = make_app(sqlite_url)
    response = post(app.test_client(), activity("help"))
    assert response.status_code == 503 and "TEAMS_OUTGOING_WEBHOOK_SECRET" in response.get_json()["reason"]


def test_a_malformed_secret_stops_start_up_without_echoing_it(make_app, sqlite_url):
    with pytest.raises(ConfigError) as raised:
        make_app(sqlite_url, TEAMS_OUTGOING_WEBHOOK_SECRET="finance=not-base64-at-all!!")
    assert "TEAMS_OUTGOING_WEBHOOK_SECRET" in str(raised.value) and "not-base64" not in str(raised.value)


def test_a_slow_command_says_working_on_it_then_posts_through_workflows(teams_app):
    with FakeServer() as workflows:
        workflows.script("/flow", Answer(202))
        url = f"{workflows.url}/flow?api-version=1&sig=SECRET-SIG"
        app, endpoint = teams_app(TEAMS_WORKFLOWS_URL=url)
        gate = threading.Event()
        endpoint.replies.route = RecordingRoute(endpoint.replies.route.route, gate)
        endpoint.reply_budget = 0.05
        response = post(app.test_client(), activity("<at>Herald</at> help"))
        assert response.status_code == 200
        card = card_text(card_of(response))
        assert "Working on it" in card and "SECRET-SIG" not in card and workflows.url not in card
        gate.set()
        assert endpoint.drain(timeout=30)
        [request] = workflows.received("/flow")
        posted = request.json()["attachments"][0]["content"]
        card_validator().validate(posted)
        assert "Herald: what I can do" in card_text(posted) and "In answer to Jo Bloggs: help" in card_text(posted)


def test_a_slow_command_without_a_workflows_url_says_so(teams_app):
    app, endpoint = teams_app()
    gate = threading.Event()
    endpoint.replies.route = RecordingRoute(endpoint.replies.route.route, gate)
    endpoint.reply_budget = 0.05
    card = card_text(card_of(post(app.test_client(), activity("<at>Herald</at> help"))))
    assert "no Workflows URL is set" in card
    gate.set()
    assert endpoint.drain(timeout=30)


@pytest.mark.parametrize("raw, expected", [
    ("<at>Herald</at> coverage this week", "coverage this week"),
    ("<at>Comms Bot</at>&nbsp;coverage&nbsp;last month outlet:MJ", "coverage last month outlet:MJ"),
    ("<at>Herald</at> press log interview spokesperson:<at>Abi Brown</at>",
     "press log interview spokesperson:Abi Brown"),
    ("<at>Herald</at> coverage tag:&quot;A &amp; B&quot; &lt;at&gt;x&lt;/at&gt;", 'coverage tag:"A & B" <at>x</at>'),
    ("<div><at>Herald</at> programme <b>LG Inform</b></div>\n", "programme LG Inform"),
    ("<at>Herald</at>", ""),
])
def test_command_text_drops_herald_mention_tags_and_entities(raw, expected):
    assert command_text(raw) == expected


def test_a_question_after_at_herald_is_answered_as_its_command_named_first(teams_app):
    app, _endpoint = teams_app()
    response = post(app.test_client(), activity("<at>Herald</at> which feeds do we poll?"))
    assert response.status_code == 200
    card = card_of(response)
    assert card["body"][0]["inlines"][0] == {"type": "TextRun", "text": "/feeds list", "isSubtle": True,
                                             "size": "Small"}
    assert "I don't know the command" not in card_text(card)
