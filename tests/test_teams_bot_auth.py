"""`POST /api/messages`: only the Bot Connector, with a valid token for this bot, gets anything run."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from config import ConfigError
from models.inbound import ReceivedEvent
from tests.fakes.http import Answer
from models.teams_conversation import TeamsConversation
from tests.teams2_fixtures import (APP_ID, CONVERSATION, TENANT_ID, bot_app, bot_framework,  # noqa: F401
                                   bot_framework_server,
                                   post_activity, public_jwk)


def count(app, model) -> int:
    with app.extensions["herald"].session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_good_token_runs_the_command_and_replies_in_the_thread(bot_app, bot_framework):
    app = bot_app()
    response = post_activity(app.test_client(), bot_framework, bot_framework.activity("help"))
    assert response.status_code == 202
    [reply] = bot_framework.replies()
    assert reply.path == f"/teams/v3/conversations/{CONVERSATION};messageid=1795424400000/activities/1795424400000"
    assert reply.headers["authorization"] == "Bearer bot-token-1"
    [attachment] = reply.json()["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert attachment["content"]["version"] == "1.4"
    assert "coverage" in str(attachment["content"]).lower()  # the help reply lists the commands
    [token_request] = bot_framework.token_requests()
    assert token_request.form() == {"grant_type": "client_credentials", "client_id": APP_ID,
                                    "client_secret": "test-bot-client-secret-value",
                                    "scope": "https://api.botframework.com/.default"}


def test_a_token_just_inside_the_five_minute_skew_is_accepted(bot_app, bot_framework):
    app = bot_app()
    now = int(bot_framework.now.timestamp())
    headers = bot_framework.headers(exp=now - 240, nbf=now - 3600)
    assert post_activity(app.test_client(), bot_framework, bot_framework.activity("help"), headers).status_code == 202


def _forged(fake):
    return {"Authorization": f"Bearer {fake.token(key_name='attacker')}"}


def _hs256(fake):  # algorithm confusion: an HMAC token naming the RSA key's id
    return {"Authorization": f"Bearer {fake.token(algorithm='HS256')}"}


BAD_CALLERS = {
    "wrong issuer": lambda f: f.headers(iss="https://sts.windows.net/evil/"),
    "Entra issuer not on the allow-list": lambda f: f.headers(iss=f"https://login.microsoftonline.com/{TENANT_ID}/v2.0"),
    "wrong audience": lambda f: f.headers(aud="another-bot-app-id"),
    "no audience": lambda f: f.headers(aud=None),
    "expired beyond the skew": lambda f: f.headers(exp=int(f.now.timestamp()) - 301),
    "not valid yet": lambda f: f.headers(nbf=int(f.now.timestamp()) + 600),
    "wrong serviceurl claim": lambda f: f.headers(serviceurl="https://smba.trafficmanager.net/uk/"),
    "no serviceurl claim": lambda f: f.headers(serviceurl=None),
    "signed by another key": _forged,
    "unknown key id": lambda f: {"Authorization": f"Bearer {f.token(kid='nobody')}"},
    "HS256 with the RSA key id": _hs256,
    "missing header": lambda f: {},
    "not a bearer token": lambda f: {"Authorization": "Basic dXNlcjpwYXNz"},
    "garbled bearer": lambda f: {"Authorization": "Bearer not.a.jwt"},
    "empty bearer": lambda f: {"Authorization": "Bearer "},
}


@pytest.mark.parametrize("case", sorted(BAD_CALLERS))
def test_a_bad_caller_gets_401_and_nothing_runs(bot_app, bot_framework, case):
    app = bot_app()
    headers = {"Content-Type": "application/json", **BAD_CALLERS[case](bot_framework)}
    response = post_activity(app.test_client(), bot_framework, bot_framework.activity("help"), headers)
    assert response.status_code == 401, case
    assert response.get_json()["reason"].startswith("Not the Bot Connector for this bot")
    assert bot_framework.replies() == [] and bot_framework.token_requests() == []
    assert count(app, TeamsConversation) == 0 and count(app, ReceivedEvent) == 0


def test_a_key_not_endorsed_for_the_channel_is_refused(bot_app, bot_framework):
    bot_framework.keys[:] = [public_jwk(endorsements=("webchat",))]
    response = post_activity(bot_app().test_client(), bot_framework, bot_framework.activity("help"))
    assert response.status_code == 401 and "endorsed" in response.get_json()["reason"]
    assert bot_framework.replies() == []


def test_the_activity_service_url_must_match_the_claim(bot_app, bot_framework):
    body = bot_framework.activity("help", serviceUrl="https://attacker.example/teams/")
    response = post_activity(bot_app().test_client(), bot_framework, body)
    assert response.status_code == 401 and "serviceUrl" in response.get_json()["reason"]
    assert bot_framework.replies() == [] and bot_framework.token_requests() == []


def test_signing_keys_are_fetched_once_and_cached(bot_app, bot_framework, clock):
    client = bot_app().test_client()
    for n in range(3):
        assert post_activity(client, bot_framework, bot_framework.activity("help", activity_id=f"a{n}")).status_code == 202
    assert len(bot_framework.server.received("/v1/.well-known/keys")) == 1
    assert len(bot_framework.token_requests()) == 1  # the bot token is cached too
    clock.advance(days=5, minutes=1)
    bot_framework.now = clock.now()
    assert post_activity(client, bot_framework, bot_framework.activity("help", activity_id="a9")).status_code == 202
    assert len(bot_framework.server.received("/v1/.well-known/keys")) == 2
    assert len(bot_framework.token_requests()) == 2  # the cached bot token had expired too
    assert bot_framework.replies()[-1].headers["authorization"] == "Bearer bot-token-2"


def test_unreachable_signing_keys_answer_503_not_401(bot_app, bot_framework):
    app = bot_app(TEAMS_BOT_OPENID_URL="http://127.0.0.1:9/v1/.well-known/openidconfiguration")
    response = post_activity(app.test_client(), bot_framework, bot_framework.activity("help"))
    assert response.status_code == 503 and "try again" in response.get_json()["reason"]
    assert bot_framework.replies() == []


@pytest.mark.parametrize("raw", [b"not json", b"[]", b'{"type":"message"}'])
def test_a_good_token_with_a_bad_body_gets_400(bot_app, bot_framework, raw):
    response = bot_app().test_client().post("/api/messages", data=raw, headers=bot_framework.headers())
    assert response.status_code == 400
    assert bot_framework.replies() == []


def test_the_route_exists_only_when_the_bot_is_configured(make_app, sqlite_url):
    response = make_app(sqlite_url).test_client().post("/api/messages", json={"type": "message"})
    assert response.status_code == 404


@pytest.mark.parametrize("partial", [{"TEAMS_BOT_APP_ID": APP_ID}, {"TEAMS_BOT_APP_PASSWORD": "secret-value"},
                                     {"TEAMS_BOT_APP_ID": APP_ID, "TEAMS_BOT_TENANT_ID": TENANT_ID}])
def test_a_half_configured_bot_stops_start_up(partial):
    from config import Settings
    with pytest.raises(ConfigError, match="set all three") as err:
        Settings.load(partial, environ={})
    assert "secret-value" not in str(err.value)


def test_the_bot_password_is_redacted():
    from config import Settings
    settings = Settings.load({"TEAMS_BOT_APP_ID": APP_ID, "TEAMS_BOT_APP_PASSWORD": "s3cret-value",
                              "TEAMS_BOT_TENANT_ID": TENANT_ID}, environ={})
    assert settings.redacted("token request with s3cret-value") == "token request with <TEAMS_BOT_APP_PASSWORD>"


def test_cached_keys_keep_working_while_the_key_server_is_down(bot_app, bot_framework, clock):
    client = bot_app().test_client()
    assert post_activity(client, bot_framework, bot_framework.activity("help", activity_id="b1")).status_code == 202
    bot_framework.server.script("/v1/.well-known/keys", Answer(503, {"error": "down"}))
    clock.advance(days=6)
    bot_framework.now = clock.now()
    assert post_activity(client, bot_framework, bot_framework.activity("help", activity_id="b2")).status_code == 202
    unknown = {"Authorization": f"Bearer {bot_framework.token(kid='rotated-key')}"}
    assert post_activity(client, bot_framework, bot_framework.activity("help", activity_id="b3"), unknown).status_code == 503
