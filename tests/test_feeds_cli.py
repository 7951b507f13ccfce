"""`flask --app app feeds add|list|poll|remove` against a loopback feed."""
from datetime import datetime, timedelta, timezone

from tests.coverage_fixtures import FAST_FEEDS, Entry, feed_answer, rss
from tests.fakes.http import FakeServer

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def test_feed_commands_from_the_shell(make_app, sqlite_url):
    app = make_app(sqlite_url, **FAST_FEEDS)
    runner = app.test_cli_runner()
    with FakeServer() as server:
        server.script("/rss", feed_answer(rss([Entry("Slough council story", "https://a.org/1", guid="1",
                                                     published=NOW - timedelta(hours=2))])))
        added = runner.invoke(args=["feeds", "add", f"{server.url}/rss", "Local News", "--tier", "regional"])
        assert added.exit_code == 0 and "Feed 1 added: Local News" in added.output
        polled = runner.invoke(args=["feeds", "poll"])
        assert polled.exit_code == 0 and "1 feeds polled, 1 new items, 0 failed" in polled.output
    listed = runner.invoke(args=["feeds", "list"])
    assert "Local News" in listed.output and "healthy" in listed.output and "1 item " in listed.output
    bad = runner.invoke(args=["feeds", "add", "file:///etc/passwd"])
    assert bad.exit_code == 1 and "can't poll" in bad.output
    assert "removed" in runner.invoke(args=["feeds", "remove", "1"]).output
