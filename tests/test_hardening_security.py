"""Security end to end: SSRF through `/feeds add` (typed to Herald and sent as a signed Slack command,
then polled), credentials and size caps on every write endpoint, and secrets kept out of logs and
replies. HERALD_ALLOW_PRIVATE_FEEDS is off throughout; DNS and routing are faked at the socket
layer (outside Herald), so Herald's own guard decides everything.
"""
from __future__ import annotations

import base64
import logging

import pytest
from sqlalchemy import func, select

from feeds.poll import poll_due_feeds
from models.campaign import CampaignMetric
from models.coverage import CoverageItem
from models.inbound import ReceivedEvent
from models.outlet import Feed
from tests.coverage_fixtures import Entry, feed_answer, reply_text, rss, run
from tests.fakes.http import Answer, FakeServer
from tests.harden_fixtures import PUBLIC_ADDRESS, FakeInternet, outage_db  # noqa: F401 - fixture
from tests.slack_helpers import SIGNING_SECRET, wait_until
from tests.teams2_fixtures import bot_app, bot_framework, bot_framework_server, post_activity  # noqa: F401

pytest_plugins = ("tests.slack_fixtures",)  # slack, make_slack, slack_api fixtures

INTRANET = "intranet.council.test"  # resolves to a private 10.x address
NEWS = "news.example.test"  # resolves to a public address, routed to a loopback fake server
UNSAFE_FEEDS = {
    "gopher": "gopher://example.org/1/feed",
    "file": "file:///etc/passwd",
    "decimal loopback": "http://2130706433/rss",
    "mapped loopback": "http://[::ffff:127.0.0.1]/rss",
    "dns to 10.x": f"http://{INTRANET}/rss",
    "metadata": "http://169.254.169.254/latest/meta-data/",
    "postgres port": "http://127.0.0.1:5432/",
}
FEED_SETTINGS = {"HERALD_FEED_DOMAIN_INTERVAL": 0, "HERALD_FEED_TOTAL_TIMEOUT": 3, "HERALD_FEED_READ_TIMEOUT": 2}


@pytest.fixture
def internet(monkeypatch):
    """A fake internet: the intranet name resolves to 10.x; `news` to a public address whose port 80
    is routed to `internet.server`, a loopback feed server."""
    with FakeServer() as server:
        fake = FakeInternet(names={INTRANET: "10.20.30.40", NEWS: PUBLIC_ADDRESS},
                            routes={(PUBLIC_ADDRESS, 80): ("127.0.0.1", server.port)})
        fake.install(monkeypatch)
        fake.server = server
        yield fake


def _count(herald, model) -> int:
    with herald.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("case", sorted(UNSAFE_FEEDS))
def test_feeds_add_refuses_unsafe_urls_typed_to_herald(make_app, database_url, internet, case):
    herald = make_app(database_url).extensions["herald"]
    reply = run(herald, f"feeds add {UNSAFE_FEEDS[case]} Sneaky")
    assert reply.is_error and "I can't poll that feed" in reply_text(reply)
    assert "Usage" in reply_text(reply) and "10.20.30.40" not in reply_text(reply)
    assert _count(herald, Feed) == 0


@pytest.mark.parametrize("case", ["gopher", "dns to 10.x", "decimal loopback", "mapped loopback"])
def test_feeds_add_refuses_unsafe_urls_sent_as_signed_slack_commands(make_slack, sqlite_url, internet, case):
    harness = make_slack(sqlite_url, SLACK_ADMIN_USER_IDS=("U1",))  # an admin may add feeds, never these
    trigger = "T-ssrf-" + case.replace(" ", "-")
    ack = harness.command("/feeds", f"add {UNSAFE_FEEDS[case]}", trigger=trigger)
    assert ack.status_code == 200  # `feeds add` is slow: acknowledged, then answered through response_url
    answer = wait_until(lambda: harness.responses(trigger))[0]
    assert "can't poll that feed" in str(answer).replace("&#39;", "'")
    assert _count(harness.herald, Feed) == 0


@pytest.mark.parametrize("location", ["http://127.0.0.1/latest", "http://2130706433/", f"http://{INTRANET}/rss",
                                      "http://[::ffff:127.0.0.1]:80/", "file:///etc/passwd"])
def test_a_public_feed_redirecting_inward_is_refused_at_that_hop(make_app, sqlite_url, internet, location):
    herald = make_app(sqlite_url, **FEED_SETTINGS).extensions["herald"]
    assert "added" in run(herald, f"feeds add http://{NEWS}/rss News").title  # public, so allowed
    internet.server.script("/rss", Answer(302, b"", {"Location": location}))
    [outcome] = poll_due_feeds(herald).outcomes
    assert outcome.status == "failed" and outcome.error
    assert len(internet.server.received("/rss")) == 1
    assert _count(herald, CoverageItem) == 0


def test_the_same_public_feed_without_a_redirect_is_polled(make_app, sqlite_url, internet):
    """The control for the test above: the fake internet itself works, so the refusals are the guard's."""
    herald = make_app(sqlite_url, **FEED_SETTINGS).extensions["herald"]
    run(herald, f"feeds add http://{NEWS}/rss News")
    internet.server.script("/rss", feed_answer(rss([Entry("Council story", "https://news.example.test/1")])))
    assert [o.status for o in poll_due_feeds(herald).outcomes] == ["baseline"]
    assert internet.server.received("/rss")[0].headers["host"] == NEWS


# --- credentials and size on the write endpoints ----------------------------------------------------

WEBHOOK_TOKEN = "security-webhook-token-0123"
METRIC = {"campaign": "Be a Councillor", "metric": "page_views", "value": 10, "date": "2026-11-20"}


@pytest.mark.parametrize("auth", [None, "", "Bearer wrong", f"Basic {WEBHOOK_TOKEN}", f"Bearer {WEBHOOK_TOKEN[:-1]}",
                                  f"Token {WEBHOOK_TOKEN}"])
def test_campaign_metrics_without_the_token_is_401_and_stores_nothing(make_app, sqlite_url, auth):
    flask_app = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=WEBHOOK_TOKEN)
    headers = {"Authorization": auth} if auth is not None else {}
    response = flask_app.test_client().post("/webhooks/campaign-metrics", json=METRIC, headers=headers)
    assert response.status_code == 401 and response.get_json()["reason"]
    assert _count(flask_app.extensions["herald"], CampaignMetric) == 0


def test_oversized_campaign_metrics_are_413_and_store_nothing(make_app, sqlite_url):
    flask_app = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=WEBHOOK_TOKEN, HERALD_WEBHOOK_MAX_BYTES=2_000)
    body = {"metrics": [dict(METRIC, source=f"s{i}") for i in range(100)]}
    response = flask_app.test_client().post("/webhooks/campaign-metrics", json=body,
                                            headers={"Authorization": f"Bearer {WEBHOOK_TOKEN}"})
    assert response.status_code == 413 and response.get_json()["reason"]
    assert _count(flask_app.extensions["herald"], CampaignMetric) == 0


def test_teams_outgoing_for_an_unknown_team_or_wrong_secret_is_401_and_stores_nothing(make_app, sqlite_url):
    secret = base64.b64encode(b"s" * 32).decode()
    flask_app = make_app(sqlite_url, TEAMS_OUTGOING_WEBHOOK_SECRET=secret)
    client = flask_app.test_client()
    body = b'{"type":"message","id":"1","text":"<at>Herald</at> help","from":{"id":"29:x"},"conversation":{"id":"19:c"}}'
    for path, auth in [("/teams/outgoing?team=nobody", "HMAC x"), ("/teams/outgoing", "HMAC " + secret),
                       ("/teams/outgoing", "HMAC " + base64.b64encode(b"\0" * 32).decode())]:
        response = client.post(path, data=body, headers={"Authorization": auth, "Content-Type": "application/json"})
        assert response.status_code == 401 and response.get_json()["reason"], path
        assert secret not in response.get_data(as_text=True)
    assert _count(flask_app.extensions["herald"], ReceivedEvent) == 0


def test_an_oversized_teams_bot_activity_is_413_and_nothing_runs(bot_app, bot_framework):
    flask_app = bot_app(HERALD_WEBHOOK_MAX_BYTES=2_000)
    response = post_activity(flask_app.test_client(), bot_framework, bot_framework.activity("help " + "x" * 5_000))
    assert response.status_code == 413 and response.get_json()["reason"]
    assert bot_framework.replies() == [] and _count(flask_app.extensions["herald"], ReceivedEvent) == 0


# --- secrets never in logs or replies ---------------------------------------------------------------

SECRETS = {
    "SLACK_BOT_TOKEN": "xoxb-secret-bot-token-7f3a9c",
    "HERALD_WEBHOOK_TOKEN": "secret-webhook-token-7f3a9c",
    "TEAMS_OUTGOING_WEBHOOK_SECRET": base64.b64encode(b"secret-teams-outgoing-7f3a9c-123").decode(),
    "TEAMS_BOT_APP_PASSWORD": "secret-teams-bot-password-7f3a9c",
}
DB_PASSWORD = "secret-db-password-7f3a9c"


def test_secrets_never_reach_logs_or_replies_on_failing_paths(outage_db, make_slack, slack_api, caplog):
    """Wrong credentials, a refusing Slack, and the database going away — with every secret set,
    the database URL carrying a password (the test cluster trusts loopback, so it is accepted)."""
    url, outage = outage_db
    caplog.set_level(logging.DEBUG)
    with_password = url.replace("postgres@", f"postgres:{DB_PASSWORD}@")
    harness = make_slack(with_password, **SECRETS, TEAMS_BOT_APP_ID="11111111-2222-3333-4444-555555555555",
                         TEAMS_BOT_TENANT_ID="66666666-7777-8888-9999-000000000000",
                         TEAMS_BOT_OPENID_URL="http://127.0.0.1:9/openid")
    client = harness.app.test_client()
    slack_api.server.script("/api/chat.postMessage", Answer(200, {"ok": False, "error": "invalid_auth"}))
    slack_api.server.script("/api/views.open", Answer(500, {"ok": False, "error": "internal_error"}))
    bodies = [
        client.post("/webhooks/coverage", json={"url": "https://a.org/x", "title": "T"},
                    headers={"Authorization": "Bearer wrong"}),
        client.post("/teams/outgoing", data=b"{}", headers={"Authorization": "HMAC AAAA"}),
        client.post("/api/messages", json={"type": "message"}, headers={"Authorization": "Bearer x.y.z"}),
        harness.command("/press", "log", trigger="T-secret-form"),  # opening the form fails at Slack
    ]
    outage.begin()
    bodies += [client.post("/webhooks/coverage", json={"url": "https://a.org/x", "title": "T"},
                           headers={"Authorization": f"Bearer {SECRETS['HERALD_WEBHOOK_TOKEN']}"}),
               harness.command("/coverage", "this week", trigger="T-secret-db"),
               harness.command("/feeds", "add https://a.org/rss", trigger="T-secret-slow")]
    outage.end()
    shown = [b.get_data(as_text=True) for b in bodies] + [caplog.text] + [repr(harness.herald)]
    assert [b.status_code for b in bodies] == [401, 401, bodies[2].status_code, 200, 503, 200, 200]
    assert bodies[2].status_code in (401, 503)
    for secret in [*SECRETS.values(), DB_PASSWORD, SIGNING_SECRET]:
        assert not [text for text in shown if secret in text], secret


# --- entity bombs the pre-parse check cannot see --------------------------------------------------

def _hidden_billion_laughs() -> bytes:
    """The classic bomb, its DOCTYPE pushed past the 64 KB the pre-parse check reads."""
    from tests.test_feeds_parse import BILLION_LAUGHS
    return BILLION_LAUGHS.replace(b"<!DOCTYPE", b"<!--" + b" " * 70_000 + b"--><!DOCTYPE", 1)


def _quadratic_blowup() -> bytes:
    """One allowed-size entity referenced 200,000 times: ~0.8 MB in, 200 MB if expanded."""
    refs = b"&a;" * 200_000
    return (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 1000 + b'">]>'
            b'<rss version="2.0"><channel><title>t</title><item><title>' + refs
            + b"</title><link>https://bomb.example/1</link></item></channel></rss>")


@pytest.fixture(scope="module")
def parser():
    from feeds.parse import ParserProcess
    worker = ParserProcess(memory_mb=256)
    yield worker
    worker.stop()


@pytest.mark.parametrize("bomb", [_hidden_billion_laughs, _quadratic_blowup], ids=["hidden", "quadratic"])
def test_entity_bombs_past_the_check_are_cut_short_and_the_parser_lives_on(parser, bomb):
    from feeds.parse import ParseError
    body = bomb()
    try:
        parsed = parser.parse(body, "application/rss+xml", None, timeout=10)
    except ParseError as exc:
        assert str(exc)
    else:  # expat's amplification limit stopped it; the loose fallback leaves entities unexpanded
        assert "amplification" in parsed.bozo_reason
        assert all("lol" * 10 not in e.title and "x" * 1000 not in e.title for e in parsed.entries)
        assert sum(len(e.title) + len(e.summary) for e in parsed.entries) < len(body)
    fine = parser.parse(rss([Entry("Fine", "https://a.org/x")]), "application/rss+xml", None, timeout=10)
    assert [e.title for e in fine.entries] == ["Fine"]
