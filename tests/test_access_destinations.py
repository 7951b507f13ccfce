"""Digest destinations are guarded whoever sets them: a `teams:` Workflows URL must be https on
Microsoft's Power Platform / Logic Apps hosts and resolve to public addresses (the feeds' SSRF guard,
`models.netguard`), checked when subscribing and again at send time, redirects never followed;
e-mail goes only to HERALD_EMAIL_DOMAINS; a subscription that breaks the rules is held and reported."""
from __future__ import annotations

import socket
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from bot.teams.workflows import WorkflowsError, post_reply
from digests import runner
from handlers.context import Actor
from handlers.reply import Reply
from models import netguard
from models.audit import AuditEntry
from models.digest import DigestSubscription
from tests.digest_fixtures import add_items, posts, runs, subscribe, slack  # noqa: F401  (fixture)
from tests.fakes.http import Answer, FakeServer

ADMIN = Actor(user_id="UADMIN", name="Ada Admin", platform="slack", workspace="T1", is_admin=True)
POWER = "https://default1234.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc" \
        "/triggers/manual/paths/invoke?api-version=1&sig=SECRET"
REFUSED_URLS = {
    "loopback": "http://127.0.0.1:8080/hook",
    "localhost redis": "http://localhost:6379/",
    "metadata": "https://169.254.169.254/latest/meta-data",
    "private": "https://10.1.2.3/hook",
    "ipv6 loopback": "https://[::1]/hook",
    "mapped loopback": "https://[::ffff:127.0.0.1]/hook",
    "not microsoft": "https://hooks.example.org/flow?sig=x",
    "retired connector": "https://council.webhook.office.com/webhookb2/x",
    "plain http": POWER.replace("https://", "http://"),
    "other port": POWER.replace(".com/", ".com:8443/"),
    "credentials": POWER.replace("https://", "https://me:pw@"),
}


def resolving(monkeypatch, answers: dict[str, str]) -> None:
    """DNS (the stdlib seam) answering `host -> address` for these hosts, as a resolver would."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], port))]
        return real(host, port, *args, **kwargs)
    monkeypatch.setattr(netguard.socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def herald(make_app, sqlite_url, slack):  # noqa: F811
    """Herald as deployed: private addresses off, e-mail to council.example only, admins told in CADMIN."""
    return make_app(sqlite_url, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test",
                    HERALD_ADMIN_CHANNEL="CADMIN", HERALD_EMAIL_DOMAINS=("council.example",)).extensions["herald"]


def subscribe_as_admin(herald, where: str) -> Reply:
    reply, _ = herald.run_command(f"digest subscribe weekly {where}", ADMIN, channel="C1")
    return reply


def subscriptions(herald) -> int:
    with herald.session() as session:
        return session.query(DigestSubscription).count()


@pytest.mark.parametrize("case", sorted(REFUSED_URLS))
def test_a_teams_url_off_microsofts_hosts_or_on_a_private_address_is_refused_even_for_an_admin(herald, case):
    reply = subscribe_as_admin(herald, f"teams:{REFUSED_URLS[case]}")
    assert reply.is_error and "Teams Workflows URL refused" in reply.sections[0].text
    assert "SECRET" not in str(reply) and subscriptions(herald) == 0


def test_a_microsoft_host_that_resolves_to_a_private_address_is_refused(herald, monkeypatch):
    resolving(monkeypatch, {"default1234.environment.api.powerplatform.com": "10.0.0.7"})
    reply = subscribe_as_admin(herald, f"teams:{POWER}")
    assert reply.is_error and "must be on the public internet" in reply.sections[0].text
    assert "10.0.0.7" not in str(reply) and subscriptions(herald) == 0


def test_a_public_power_platform_url_is_accepted_and_checked_again_at_send_time(herald, slack, monkeypatch,
                                                                                 clock):
    resolving(monkeypatch, {"default1234.environment.api.powerplatform.com": "20.50.2.1"})
    reply = subscribe_as_admin(herald, f"teams:{POWER}")
    assert not reply.is_error and "SECRET" not in str(reply)
    resolving(monkeypatch, {"default1234.environment.api.powerplatform.com": "169.254.169.254"})  # moved since
    clock.set(datetime(2026, 11, 30, 8, 0, 5, tzinfo=timezone.utc))
    runner.sweep(herald, "clock:a")
    (run,) = runs(herald)
    assert run.status == "held" and "public internet" in run.last_error
    (told,) = posts(slack, "CADMIN")
    assert "was held, not sent" in str(told) and "SECRET" not in str(told)


def test_e_mail_goes_only_to_the_listed_domains(herald, make_app, sqlite_url):
    assert not subscribe_as_admin(herald, "email:leader@council.example").is_error
    assert not subscribe_as_admin(herald, "email:chief@dept.council.example").is_error
    reply = subscribe_as_admin(herald, "email:someone@elsewhere.example")
    assert reply.is_error and "only e-mail addresses at council.example" in reply.sections[0].text
    unset = make_app(sqlite_url).extensions["herald"]
    reply = subscribe_as_admin(unset, "email:leader@council.example")
    assert reply.is_error and "HERALD_EMAIL_DOMAINS" in reply.sections[0].text


def test_existing_subscriptions_that_break_the_rules_are_held_and_reported_not_sent(herald, slack, clock):
    with FakeServer(default=lambda rec: Answer(202, "")) as inside:
        teams = subscribe(herald, platform="teams", destination="Teams channel",
                          secret_url=f"{inside.url}/flow?sig=SECRET")
        mail = subscribe(herald, platform="email", destination="someone@elsewhere.example")
        with herald.session() as session:
            add_items(session, 3, datetime(2026, 11, 23, tzinfo=timezone.utc))
        clock.set(datetime(2026, 11, 30, 8, 0, 5, tzinfo=timezone.utc))
        runner.sweep(herald, "clock:a")
        assert inside.requests == []
    assert {r.subscription_id: r.status for r in runs(herald)} == {teams: "held", mail: "held"}
    told = " ".join(str(p) for p in posts(slack, "CADMIN"))
    assert f"Digest #{teams}" in told and f"Digest #{mail}" in told and "SECRET" not in told
    assert [p for p in posts(slack) if p.get("channel") != "CADMIN"] == []


def test_a_workflows_redirect_is_not_followed():
    with FakeServer() as other, FakeServer() as flow:
        flow.script("/flow", Answer(307, b"", {"Location": f"{other.url}/inside"}))
        with pytest.raises(WorkflowsError):
            post_reply(f"{flow.url}/flow", Reply(title="Weekly"), sleep=lambda s: None)
        assert len(flow.received("/flow")) == 1 and other.requests == []


def test_a_members_refused_subscription_keeps_no_workflows_url_in_the_audit_log(herald):
    member = Actor(user_id="UMEMBER", name="Mo Member", platform="slack", workspace="T1")
    reply, _ = herald.run_command(f"digest subscribe weekly teams:{POWER}", member, channel="C1")
    assert reply.title == "Not allowed" and subscriptions(herald) == 0
    with herald.session() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.actor == "UMEMBER")).all()
    assert entry.action == "digest.subscribe" and entry.detail["command"] == "digest subscribe weekly …"
