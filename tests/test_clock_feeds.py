"""The clock's feed job: it polls due feeds and sends new items' alerts to Slack."""
import json
from datetime import datetime, timedelta, timezone

from digests.clock import ClockOptions, clock_jobs
from tests.coverage_fixtures import FAST_FEEDS, Entry, conditional, rss, run
from tests.fakes.http import FakeServer
from tests.fakes.slack_api import FakeSlackAPI

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def test_the_clock_polls_feeds_and_alerts_reach_slack(make_app, sqlite_url, clock):
    feed_job = next(job for job in clock_jobs(ClockOptions()) if job.id == "feeds:poll")
    with FakeSlackAPI() as slack, FakeServer() as feed:
        herald = make_app(sqlite_url, SLACK_BOT_TOKEN="xoxb-test", SLACK_API_URL=slack.api_url,
                          **FAST_FEEDS).extensions["herald"]
        old = Entry("Thurrock Council budget", "https://www.lgcplus.com/a", guid="a", published=NOW - timedelta(hours=2))
        feed.script("/rss", conditional(rss([old]), etag='"v1"'))
        run(herald, f"feeds add {feed.url}/rss LGC tier:trade")
        run(herald, "coverage alert add Thurrock", channel="CALERTS")
        feed_job.run(herald, "holder")  # the first poll is a silent baseline
        assert slack.calls("chat.postMessage") == []

        new = Entry("Thurrock Council <!channel> wins award", "https://www.lgcplus.com/b", guid="b",
                    published=NOW - timedelta(minutes=5))
        feed.script("/rss", conditional(rss([new, old]), etag='"v2"'))
        clock.advance(minutes=16)
        feed_job.run(herald, "holder")
        posts = slack.calls("chat.postMessage")
    assert [p["channel"] for p in posts] == ["CALERTS"]
    blocks = json.dumps(posts[0]["blocks"])
    assert "wins award" in blocks and "<!channel>" not in blocks and "&lt;!channel&gt;" in blocks
