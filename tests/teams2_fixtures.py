"""Shared pieces for the Teams bot tests: a fake Bot Framework (keys, tokens, connector) on loopback.

One `FakeServer` plays three Microsoft services: the Bot Framework OpenID metadata and signing keys,
the Entra token endpoint, and the regional Teams connector (the activity's `serviceUrl`). Tokens are
signed with an RSA key made for the test run, so no network and no real credential is involved.
"""
from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.jobs import EXTENSION as JOBS
from bot.teams.agent_bot import EXTENSION
from tests.fakes.http import Answer, FakeServer

APP_ID = "6b7c1a2e-0000-4000-8000-00000000b07a"
TENANT_ID = "72f988bf-0000-4000-8000-000000000000"
APP_PASSWORD = "test-bot-client-secret-value"
BOT_ACCOUNT = f"28:{APP_ID}"
CONVERSATION = "19:abc123@thread.tacv2"
ISSUER = "https://api.botframework.com"
KID = "test-key-1"


_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def signing_key(name: str = "main") -> rsa.RSAPrivateKey:
    """An RSA key made once per test run (one per name, so a second key can forge signatures)."""
    if name not in _KEYS:
        _KEYS[name] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[name]


def public_jwk(kid: str = KID, endorsements: tuple[str, ...] = ("msteams",)) -> dict:
    jwk = jwt.algorithms.RSAAlgorithm.to_jwk(signing_key().public_key(), as_dict=True)
    return {**jwk, "kid": kid, "use": "sig", "endorsements": list(endorsements)}


@dataclass
class FakeBotFramework:
    """The fake Microsoft side of a Teams bot, with helpers to mint tokens and activities."""

    server: FakeServer
    now: datetime
    token_count: int = 0
    keys: list[dict] = field(default_factory=lambda: [public_jwk()])

    @property
    def service_url(self) -> str:
        return self.server.url + "/teams/"

    @property
    def settings(self) -> dict[str, str]:
        return {"TEAMS_BOT_APP_ID": APP_ID, "TEAMS_BOT_APP_PASSWORD": APP_PASSWORD,
                "TEAMS_BOT_TENANT_ID": TENANT_ID,
                "TEAMS_BOT_OPENID_URL": self.server.url + "/v1/.well-known/openidconfiguration",
                "TEAMS_BOT_TOKEN_URL": self.server.url + f"/{TENANT_ID}/oauth2/v2.0/token"}

    def token(self, key_name: str = "main", kid: str = KID, algorithm: str = "RS256", **claims: Any) -> str:
        """A Bot Connector token for this bot; keyword claims override or (as None) remove the defaults."""
        issued = int(self.now.timestamp())
        body = {"iss": ISSUER, "aud": APP_ID, "nbf": issued - 5, "iat": issued - 5, "exp": issued + 3600,
                "serviceurl": self.service_url, **claims}
        body = {k: v for k, v in body.items() if v is not None}
        key = signing_key(key_name) if algorithm == "RS256" else "a-shared-secret-of-enough-length-0123456789"
        return jwt.encode(body, key, algorithm=algorithm, headers={"kid": kid})

    def headers(self, **claims: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(**claims)}", "Content-Type": "application/json"}

    def activity(self, text: str = "", activity_id: str = "1795424400000", **extra: Any) -> dict:
        """A channel message to the bot, as the Teams connector posts it."""
        body = {
            "type": "message", "id": activity_id, "timestamp": "2026-11-23T09:00:00.000Z", "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": {"id": "29:1abcdef", "name": "Jo Bloggs", "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000001"},
            "recipient": {"id": BOT_ACCOUNT, "name": "Herald"},
            "conversation": {"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID,
                             "id": f"{CONVERSATION};messageid={activity_id}"},
            "text": f"<at>Herald</at> {text}", "textFormat": "plain", "locale": "en-GB",
            "entities": [{"type": "mention", "text": "<at>Herald</at>", "mentioned": {"id": BOT_ACCOUNT, "name": "Herald"}}],
            "channelData": {"teamsChannelId": CONVERSATION, "teamsTeamId": "19:team@thread.tacv2",
                            "channel": {"id": CONVERSATION}, "team": {"id": "19:team@thread.tacv2"},
                            "tenant": {"id": TENANT_ID}},
        }
        body.update(extra)
        return body

    def install(self, kind: str = "installationUpdate") -> dict:
        """The event Teams sends when the app is added to a team (either of the two kinds)."""
        body = self.activity(activity_id="f:install-1")
        body.update(type=kind, text=None, entities=None,
                    conversation={"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID,
                                  "id": CONVERSATION})
        if kind == "installationUpdate":
            body["action"] = "add"
        else:
            body["membersAdded"] = [{"id": BOT_ACCOUNT}]
        return body

    def replies(self) -> list:
        return [r for r in self.server.requests if r.path.startswith("/teams/v3/conversations/")]

    def token_requests(self) -> list:
        return self.server.received(f"/{TENANT_ID}/oauth2/v2.0/token")

    def _issue_token(self, _request) -> Answer:
        self.token_count += 1
        return Answer(200, {"token_type": "Bearer", "expires_in": 3599, "access_token": f"bot-token-{self.token_count}"})


def _connector(rec) -> Answer:
    """The Teams connector: every post into a conversation is accepted with a new id."""
    if not rec.path.startswith("/teams/v3/conversations/"):
        return Answer(404, {"error": "not scripted"})
    return Answer(201, {"id": f"reply-{next(_REPLY_IDS)}"})


_REPLY_IDS = itertools.count(1)


def script_fake_bot_framework(server: FakeServer, now: datetime) -> FakeBotFramework:
    """Forget earlier requests and script the metadata, keys and token endpoints afresh."""
    with server._lock:
        server.requests.clear()
    fake = FakeBotFramework(server=server, now=now)
    server.script("/v1/.well-known/openidconfiguration", lambda rec: Answer(200, {
        "issuer": ISSUER, "jwks_uri": server.url + "/v1/.well-known/keys",
        "id_token_signing_alg_values_supported": ["RS256"]}))
    server.script("/v1/.well-known/keys", lambda rec: Answer(200, {"keys": fake.keys}))
    server.script(f"/{TENANT_ID}/oauth2/v2.0/token", fake._issue_token)
    return fake


@pytest.fixture(scope="module")
def bot_framework_server():
    """One loopback server per test module (stopping a server takes half a second)."""
    with FakeServer(default=_connector) as server:
        yield server


@pytest.fixture
def bot_framework(bot_framework_server, clock):
    return script_fake_bot_framework(bot_framework_server, clock.now())


@pytest.fixture
def bot_app(make_app, sqlite_url, bot_framework):
    """An app with the bot configured against the fake (SQLite; storage tests use `database_url`)."""
    built = []

    def build(url: str = sqlite_url, **overrides):
        built.append(make_app(url, **{**bot_framework.settings, **overrides}))
        return built[-1]
    yield build
    for app in built:
        stop_jobs(app)


def stop_jobs(app) -> None:
    """Stop the app's job worker (its thread would otherwise outlive the test's database)."""
    app.extensions[JOBS].stop()


def post_activity(client, fake: FakeBotFramework, body: dict, headers: dict | None = None):
    """POST an activity to the bot exactly as the connector would (raw JSON bytes)."""
    raw = json.dumps(body, separators=(",", ":")).encode()
    return client.post("/api/messages", data=raw, headers=headers if headers is not None else fake.headers())


def bot_of(app):
    return app.extensions[EXTENSION]
