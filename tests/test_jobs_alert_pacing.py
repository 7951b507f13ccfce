"""Feed alerts go through the Herald's pacer: a burst to one Slack channel is spaced a second apart,
other channels are not held up. The clock's feed poll and `flask feeds poll` both post this way.

Feeds and Slack are loopback fakes; the pacer is the real one on virtual time, so its waits are
recorded, not slept.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.slack.post import Pacer
from digests.clock import poll_feeds
from tests.coverage_fixtures import FAST_FEEDS, Entry, feed_answer, rss, run
from tests.fakes.http import FakeServer
from tests.fakes.slack_api import FakeSlackAPI


class RecordedWaits:
    """Virtual time for a `Pacer`: every wait is recorded and moves the time on, nothing sleeps."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def monotonic(self) -> float:
        return 1000.0 + sum(self.waits)

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)


def stories(clock, *titles: str) -> bytes:
    return rss([Entry(title, f"https://www.lgcplus.com/{abs(hash(title))}", guid=title,
                      published=clock.now() - timedelta(minutes=5)) for title in titles])


@pytest.fixture
def slack_api():
    with FakeSlackAPI() as api:
        yield api


def alerting_app(make_app, url, slack_api, waits: RecordedWaits):
    """An app whose feed alerts go to the fake Slack, paced on `waits`' virtual time."""
    app = make_app(url, **FAST_FEEDS, SLACK_API_URL=slack_api.api_url, SLACK_BOT_TOKEN="xoxb-test",
                   PACER=Pacer(interval=1.0, monotonic=waits.monotonic, sleep=waits.sleep))
    herald = app.extensions["herald"]
    assert "added" in run(herald, "coverage alert add Thurrock", channel="CALERTS").title
    assert "added" in run(herald, "coverage alert add Woking", channel="CWOKING").title
    return app


def test_the_clocks_feed_poll_spaces_alerts_to_one_channel_by_the_pacer(make_app, database_url, slack_api, clock):
    waits = RecordedWaits()
    herald = alerting_app(make_app, database_url, slack_api, waits).extensions["herald"]
    with FakeServer() as feeds:
        feeds.script("/rss", feed_answer(stories(clock, "Older story")))
        assert "added" in run(herald, f"feeds add {feeds.url}/rss LGC tier:trade").title
        poll_feeds(herald, "holder")  # the first poll is a silent baseline
        clock.advance(minutes=30)
        feeds.script("/rss", feed_answer(stories(clock, "Thurrock one", "Woking news", "Thurrock two",
                                                 "Thurrock three", "Older story")))
        poll_feeds(herald, "holder")
    channels = [call["channel"] for call in slack_api.calls("chat.postMessage")]
    assert sorted(channels) == ["CALERTS", "CALERTS", "CALERTS", "CWOKING"]
    assert waits.waits == [1.0, 1.0]  # the 2nd and 3rd CALERTS post each waited; CWOKING went at once


def test_flask_feeds_poll_posts_through_the_same_pacer(make_app, sqlite_url, slack_api, clock):
    waits = RecordedWaits()
    app = alerting_app(make_app, sqlite_url, slack_api, waits)
    cli = app.test_cli_runner()
    with FakeServer() as feeds:
        feeds.script("/rss", feed_answer(stories(clock, "Older story")))
        assert "added" in run(app.extensions["herald"], f"feeds add {feeds.url}/rss LGC tier:trade").title
        assert cli.invoke(args=["feeds", "poll"]).exit_code == 0
        clock.advance(minutes=30)
        feeds.script("/rss", feed_answer(stories(clock, "Thurrock one", "Thurrock two", "Older story")))
        result = cli.invoke(args=["feeds", "poll"])
    assert result.exit_code == 0 and "2 alerts sent" in result.output
    assert [call["channel"] for call in slack_api.calls("chat.postMessage")] == ["CALERTS", "CALERTS"]
    assert waits.waits == [1.0]
