"""`/digest` in chat: subscribing (days, times, destinations, holidays, approval), listing with next
and last runs, unsubscribing, previews, usage on nonsense, and the Teams URL that is never shown."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.plaintext import render_text
from digests import runner
from handlers.context import Actor
from digests import stored
from models.digest import DigestRun, DigestSubscription
from tests.digest_fixtures import add_items, digest_app, digest_herald, pacing, posts, runs, slack  # noqa: F401
from tests.fakes.http import Answer, FakeServer

SLACK_USER = Actor(user_id="U1", name="Ana", platform="slack", workspace="T1")
TEAMS_USER = Actor(user_id="29:1", name="Ben", platform="teams")


def ask(herald, text, actor=SLACK_USER, channel="CCOMMS"):
    reply, _ = herald.run_command(text, actor, channel=channel)
    return reply, render_text(reply)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_subscribe_reads_days_times_destinations_and_rules(digest_herald):
    reply, text = ask(digest_herald, "digest subscribe weekly friday 4:30pm #leaders holidays:next region:scotland")
    assert not reply.is_error and "Subscribed: weekly digest #1" in text
    assert "fri at 16:30; bank holidays (scotland): next" in text and "Next     Fri 27 Nov 2026 16:30" in text
    _, text = ask(digest_herald, "digest subscribe daily here 9am")
    assert "Goes to  CCOMMS" in text and "mon-fri at 09:00" in text
    _, text = ask(digest_herald, "digest subscribe weekly email:leader@council.example approval:#comms deadline:90 unapproved:hold")
    assert "e-mail leader@council.example" in text and "draft to #comms; unapproved: hold" in text
    with digest_herald.session() as session:
        subs = session.query(DigestSubscription).order_by(DigestSubscription.id).all()
    assert [(s.kind, s.platform, s.day_of_week, s.hour, s.minute) for s in subs] == [
        ("weekly", "slack", "fri", 16, 30), ("daily", "slack", "mon-fri", 9, 0), ("weekly", "email", "mon", 8, 0)]
    assert (subs[2].approval_required, subs[2].approval_deadline_minutes, subs[2].on_unapproved) == (True, 90, "hold")


@pytest.mark.parametrize("text, complaint", [
    ("digest subscribe", "Say which digest"),
    ("digest subscribe hourly", "Say which digest"),
    ("digest subscribe weekly funday", "'funday' is not a day"),
    ("digest subscribe weekly mon-fri", "A weekly digest goes on one day"),
    ("digest subscribe weekly 25:00", "is not a time"),
    ("digest subscribe weekly 13pm", "is not a time"),
    ("digest subscribe weekly email:not-an-address", "is not an e-mail address"),
    ("digest subscribe weekly holidays:sometimes", "holidays: use one of send, skip, next"),
    ("digest subscribe weekly teams:ftp://evil.example/hook", "Only http:// and https:// Workflows URLs"),
    ("digest subscribe weekly #x deadline:0 approval:#comms", "deadline: minutes"),
    ("digest unsubscribe first", "Give the number shown by /digest list"),
    ("digest preview monthly", "Say which digest"),
    ("digest frobnicate", "I don't know /digest 'frobnicate'"),
])
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_nonsense_gets_usage_with_an_example_and_changes_nothing(digest_herald, text, complaint):
    reply, rendered = ask(digest_herald, text)
    assert reply.is_error and complaint in rendered and "Usage" in rendered and "/digest" in rendered
    with digest_herald.session() as session:
        assert session.query(DigestSubscription).count() == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_teams_subscription_keeps_the_workflows_url_secret_and_posts_a_card_linking_the_chart(
        digest_app, digest_herald, clock):
    with FakeServer(default=lambda rec: Answer(202, "")) as teams:
        url = f"{teams.url}/workflows/abc/triggers/manual/paths/invoke?sig=SECRET-SIG"
        reply, text = ask(digest_herald, f"digest subscribe weekly teams:{url}", actor=TEAMS_USER, channel=None)
        assert not reply.is_error and "SECRET-SIG" not in text and "Workflows URL saved, not shown" in text
        _, listing = ask(digest_herald, "digest list", actor=TEAMS_USER, channel=None)
        assert "SECRET-SIG" not in listing and teams.url not in listing
        reply, text = ask(digest_herald, "digest subscribe weekly here", actor=TEAMS_USER, channel=None)
        assert reply.is_error and "Workflows URL" in text
        clock.set(datetime(2026, 11, 30, 8, 0, 5, tzinfo=timezone.utc))
        runner.sweep(digest_herald, "clock:a")
        (post,) = teams.received("/workflows/abc/triggers/manual/paths/invoke")
    card = post.json()["attachments"][0]["content"]
    title = card["body"][0]["inlines"][0]["text"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4" and "Weekly round" in title
    run = runs(digest_herald)[0]
    assert run.status == "sent"
    link = f"/digests/charts/{run.id}/{run.draft['chart_token']}.png"
    assert any(a["type"] == "Action.OpenUrl" and a["url"].endswith(link) for a in card.get("actions", []))
    with digest_herald.session() as session:
        db_run = session.get(DigestRun, run.id)
        linked = runner.with_chart_link(digest_herald, run.id, stored.from_json(db_run.draft), db_run.subscription)
    assert linked.buttons[-1].url == f"https://herald.example{link}"
    client = digest_app.test_client()
    served = client.get(link)
    assert served.status_code == 200 and served.mimetype == "image/png" and served.data.startswith(b"\x89PNG")
    assert client.get(f"/digests/charts/{run.id}/wrong-token.png").status_code == 404
    assert client.get("/digests/charts/999/x.png").json["reason"] == "No chart at this address."


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_list_shows_next_and_last_run_and_unsubscribe_stops_it(digest_herald, slack, clock):
    ask(digest_herald, "digest subscribe weekly #leaders")
    _, listing = ask(digest_herald, "digest list")
    assert "#1 weekly" in listing and "Next     Mon 30 Nov 2026 08:00" in listing and "Last" not in listing
    clock.set(datetime(2026, 11, 30, 8, 0, 5, tzinfo=timezone.utc))
    runner.sweep(digest_herald, "clock:a")
    _, listing = ask(digest_herald, "digest list")
    assert "Last     sent · Mon 30 Nov 08:00 · run 1" in listing and "Next     Mon 7 Dec 2026 08:00" in listing
    reply, text = ask(digest_herald, "digest unsubscribe 1")
    assert "Unsubscribed digest #1" in text
    reply, text = ask(digest_herald, "digest unsubscribe 1")
    assert reply.is_error and "no active digest subscription #1" in text
    _, listing = ask(digest_herald, "digest list")
    assert "No digest subscriptions yet" in listing
    clock.set(datetime(2026, 12, 7, 8, 0, 5, tzinfo=timezone.utc))
    runner.sweep(digest_herald, "clock:a")
    assert len(posts(slack)) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_preview_is_private_and_shows_this_weeks_figures(digest_herald, slack):
    with digest_herald.session() as session:
        add_items(session, 12, datetime(2026, 11, 18, 9, tzinfo=timezone.utc), hours=24)
    reply, text = ask(digest_herald, "digest preview weekly")
    assert reply.visibility == "private" and "Only you can see this preview." in text
    assert "Items 12 (+12 on the week before)" in " ".join(text.split()) and reply.chart is not None
    assert "Proactive 0 earned by our press activity, 12 reactive" in " ".join(text.split())
    reply, text = ask(digest_herald, "digest preview daily")
    assert reply.visibility == "private" and "Daily coverage" in text
    assert posts(slack) == []
