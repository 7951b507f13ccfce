"""Polling feeds served over loopback HTTP, then asking about them through the handlers."""
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from feeds.poll import poll_due_feeds
from models.alerts import AlertDelivery
from models.coverage import CoverageItem
from models.outlet import Feed, FeedEntry
from tests.coverage_fixtures import (FAST_FEEDS, Entry, RecordingNotifier, conditional, feed_answer, reply_text, rss,
                                     run)
from tests.fakes.http import Answer, FakeServer

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def _entries(n: int, start: int = 0) -> list[Entry]:
    return [Entry(f"Thurrock Council story {i}", f"https://www.lgcplus.com/story-{i}?utm_source=rss",
                  guid=f"lgc-{i}", published=NOW - timedelta(hours=i + 1)) for i in range(start, start + n)]


def test_first_poll_is_a_silent_baseline_then_304_adds_nothing_then_new_items_alert_once(make_app, database_url, clock):
    herald = make_app(database_url, **FAST_FEEDS).extensions["herald"]
    notifier = RecordingNotifier()
    with FakeServer() as server:
        server.script("/rss", conditional(rss(_entries(3)), etag='"v1"'))
        assert "added" in run(herald, f"feeds add {server.url}/rss LGC tier:trade").title
        assert "added" in run(herald, "coverage alert add Thurrock", channel="CALERTS").title

        first = poll_due_feeds(herald, notifier)
        assert [(o.status, o.created) for o in first.outcomes] == [("baseline", 3)]
        assert notifier.sent == []

        clock.advance(minutes=15)
        second = poll_due_feeds(herald, notifier)
        assert [(o.status, o.created) for o in second.outcomes] == [("unchanged", 0)]
        assert server.received("/rss")[-1].headers["if-none-match"] == '"v1"'

        stale = Entry("Thurrock Council story from last month", "https://lgcplus.com/old", guid="old",
                      published=NOW - timedelta(days=30))
        server.script("/rss", conditional(rss(_entries(1, start=10) + _entries(3) + [stale]), etag='"v2"'))
        clock.advance(minutes=15)
        third = poll_due_feeds(herald, notifier)
        assert [(o.status, o.created) for o in third.outcomes] == [("new", 2)]  # the stale one is kept, not alerted
        clock.advance(minutes=15)
        poll_due_feeds(herald, notifier)
    assert [(dest, r.sections[0].items[0].title) for _p, dest, r in notifier.sent] == \
        [("CALERTS", "Thurrock Council story 10")]
    with herald.session() as s:
        assert s.scalar(select(func.count()).select_from(CoverageItem)) == 5
        assert s.scalar(select(func.count()).select_from(AlertDelivery).where(AlertDelivery.status == "sent")) == 1
        feed = s.scalar(select(Feed))
        assert (feed.etag, feed.items_total, feed.consecutive_failures) == ('"v2"', 5, 0)
    answer = reply_text(run(herald, "coverage last 7 days"))
    assert "Coverage last 7 days: 4 items" in answer and "Thurrock Council story 10" in answer and "LGC" in answer


def test_one_feed_failing_in_any_way_does_not_stop_the_others(make_app, sqlite_url):
    herald = make_app(sqlite_url, **{**FAST_FEEDS, "HERALD_FEED_TOTAL_TIMEOUT": 1,
                                     "HERALD_FEED_READ_TIMEOUT": 1}).extensions["herald"]
    cp1252 = rss([Entry("Caf\u00e9 culture in Woking", "https://woking.example/cafe", guid="w1")]).replace(
        "Caf\u00e9".encode(), "Caf\xe9".encode("cp1252"))
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;">]>'
            b'<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title>'
            b'<link>https://bomb.example/1</link></item></channel></rss>')
    xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b'<rss version="2.0"><channel><item><title>&xxe;</title><link>https://xxe.example/1</link></item></channel></rss>')
    with FakeServer() as server:
        server.script("/good", feed_answer(rss(_entries(2))))
        server.script("/500", Answer(500, b"oops"))
        server.script("/garbage", feed_answer(b"<html><body>not a feed"))
        server.script("/cp1252", feed_answer(cp1252))
        server.script("/bomb", feed_answer(bomb))
        server.script("/xxe", feed_answer(xxe))
        server.script("/loop", Answer(302, b"", {"Location": "/loop"}))
        server.script("/slow", Answer(200, rss(_entries(1, 50)), delay=3))
        for path in ("500", "garbage", "slow", "loop", "bomb", "xxe", "cp1252", "good"):
            assert "added" in run(herald, f"feeds add {server.url}/{path} {path}").title
        report = poll_due_feeds(herald, RecordingNotifier())
    by_name = {o.name: o for o in report.outcomes}
    assert by_name["good"].created == 2 and by_name["cp1252"].created == 1
    assert {n for n, o in by_name.items() if o.status == "failed"} == {"500", "garbage", "slow", "loop", "bomb", "xxe"}
    assert "HTTP 500" in by_name["500"].error and "not valid RSS" in by_name["garbage"].error
    assert "entity bomb" in by_name["bomb"].error and "redirected more than" in by_name["loop"].error
    with herald.session() as s:
        feeds = {f.name: f for f in s.scalars(select(Feed))}
        assert feeds["cp1252"].bozo_reason  # kept its entries, recorded why it was bozo
        assert sorted(s.scalars(select(CoverageItem.title)))[0].startswith("Caf\u00e9 culture")
        assert feeds["500"].consecutive_failures == 1 and feeds["500"].next_poll_at > feeds["good"].last_success_at
    listing = reply_text(run(herald, "feeds list"))
    assert "8 feeds, 6 failing" in listing and "The feed answered HTTP 500" in listing


def test_a_failing_feed_backs_off_and_admins_hear_once_then_on_recovery(make_app, sqlite_url, clock):
    herald = make_app(sqlite_url, **FAST_FEEDS).extensions["herald"]
    notifier = RecordingNotifier()
    with FakeServer() as server:
        server.script("/rss", Answer(500, b""))
        run(herald, f"feeds add {server.url}/rss Flaky")
        gaps = []
        for _ in range(4):
            poll_due_feeds(herald, notifier, everything=True)
            with herald.session() as s:
                gaps.append(s.scalar(select(Feed.next_poll_at)) - clock.now())
        assert gaps == [timedelta(minutes=15), timedelta(minutes=30), timedelta(minutes=60), timedelta(minutes=120)]
        assert [r.title for _p, dest, r in notifier.sent if dest == "CADMIN"] == ["Feed failing: Flaky"]
        assert poll_due_feeds(herald, notifier).outcomes == []  # not due while backing off
        server.script("/rss", feed_answer(rss(_entries(1))))
        poll_due_feeds(herald, notifier, everything=True)
        poll_due_feeds(herald, notifier, everything=True)
    assert [r.title for _p, _d, r in notifier.sent] == ["Feed failing: Flaky", "Feed recovered: Flaky"]


def test_google_alerts_items_dedupe_against_the_outlets_own_feed(make_app, sqlite_url):
    herald = make_app(sqlite_url, **FAST_FEEDS).extensions["herald"]
    google = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
              b'<title>Google Alert - Thurrock</title><entry><id>tag:google.com,2013:googlealerts/1</id>'
              b'<title type="html">&lt;b&gt;Thurrock&lt;/b&gt; Council commissioners extended</title>'
              b'<link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.themj.co.uk/thurrock-commissioners%3Futm_source%3Dalert&amp;ct=ga&amp;usg=x"/>'
              b'<published>2026-11-22T10:00:00Z</published></entry></feed>')
    own = rss([Entry("Thurrock Council commissioners extended", "https://themj.co.uk/thurrock-commissioners",
                     guid="mj-1", published=NOW - timedelta(hours=20))])
    with FakeServer() as server:
        server.script("/google", feed_answer(google, **{"Content-Type": "application/atom+xml"}))
        server.script("/mj", feed_answer(own))
        run(herald, f"feeds add {server.url}/google Google Alerts")
        run(herald, f"feeds add {server.url}/mj The MJ tier:trade")
        poll_due_feeds(herald)
    with herald.session() as s:
        items = s.execute(select(CoverageItem.title, CoverageItem.canonical_url)).all()
        assert items == [("Thurrock Council commissioners extended", "https://themj.co.uk/thurrock-commissioners")]
        assert s.scalar(select(func.count()).select_from(FeedEntry)) == 2


def test_repeated_and_out_of_order_dates_and_missing_guids_lose_nothing_and_repost_nothing(make_app, sqlite_url):
    herald = make_app(sqlite_url, **FAST_FEEDS).extensions["herald"]
    same_day = NOW - timedelta(days=1)
    entries = [Entry("Woking budget", "https://a.example/1", published=same_day),
               Entry("Slough budget", "https://a.example/2", published=same_day),
               Entry("Croydon budget", "https://a.example/3", published=NOW - timedelta(days=5)),
               Entry("No date at all", "https://a.example/4"),
               Entry("Dup guid one", "https://a.example/5", guid="dup"),
               Entry("Dup guid two", "https://a.example/6", guid="dup")]
    with FakeServer() as server:
        server.script("/rss", feed_answer(rss(entries[:2])))
        run(herald, f"feeds add {server.url}/rss Mixed")
        poll_due_feeds(herald)
        server.script("/rss", feed_answer(rss(entries)))
        second = poll_due_feeds(herald, everything=True)
        third = poll_due_feeds(herald, everything=True)
    assert second.created == 3 and third.created == 0
    with herald.session() as s:
        undated = s.scalar(select(CoverageItem).where(CoverageItem.title == "No date at all"))
        assert undated.published_at == undated.first_seen_at


def test_feeds_add_refuses_unsafe_urls_and_duplicates_and_remove_keeps_coverage(make_app, sqlite_url):
    herald = make_app(sqlite_url).extensions["herald"]  # private feeds NOT allowed here
    for url in ("file:///etc/passwd", "http://127.0.0.1:5432/", "http://169.254.169.254/latest", "ftp://x.org/f"):
        reply = run(herald, f"feeds add {url}")
        assert reply.is_error and "can't poll" in reply_text(reply) and "Usage" in reply_text(reply)
    herald2 = make_app(sqlite_url, **FAST_FEEDS).extensions["herald"]
    with FakeServer() as server:
        server.script("/rss", feed_answer(rss(_entries(1))))
        run(herald2, f"feeds add {server.url}/rss LGC")
        assert "Already polling" in run(herald2, f"feeds add {server.url}/rss LGC").title
        poll_due_feeds(herald2)
    assert "removed" in run(herald2, "feeds remove 1").title
    assert run(herald2, "feeds remove 1").is_error
    assert "1 item" in run(herald2, "coverage this week").title
