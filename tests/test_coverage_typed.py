"""Commands read what people type (issue 21): each misreading the issue lists gets the right answer or a
question back; `/coverage log` dates, titles and tier defaults; feed tiers and a feed never polled.
Storage runs on SQLite and PostgreSQL; the clock is the suite's frozen Monday 23 November 2026."""
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.plaintext import render_text
from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from handlers.context import Actor
from models.coverage import CoverageItem
from models.outlet import Feed, Outlet, outlet_for

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)  # Monday, as the `clock` fixture


def run(herald, text):
    reply, _ctx = herald.run_command(text, Actor(user_id="U1", platform="slack", is_admin=True))
    return reply, render_text(reply)


def _item(herald, title, when, outlet="LGC", tier="trade"):
    with herald.session() as s:
        row = outlet_for(s, outlet, None, tier)
        url = f"https://example.org/{title.lower().replace(' ', '-')}"
        classify_and_store(s, [from_fields(url, title, "", when, NOW)], source="webhook", now=NOW, outlet_id=row.id)


def test_a_range_of_full_dates_is_read_whole(herald):
    _item(herald, "Peer challenge praised", datetime(2023, 6, 15, 12, tzinfo=timezone.utc))
    reply, text = run(herald, "coverage 1 June 2023 to 30 June 2023")
    assert reply.title == "Coverage 1 Jun 2023 to 30 Jun 2023: 1 item" and "mentioning" not in text


def test_a_day_that_does_not_exist_is_asked_about_not_searched(herald):
    reply, text = run(herald, "coverage 31 Feb")
    assert reply.is_error and '"31" looks like the day of a date' in text and "February" not in reply.title


def test_a_period_typed_as_one_word_or_misspelt_is_offered_as_a_reading(herald):
    reply, text = run(herald, "coverage lastweek")
    assert reply.is_error and '"lastweek" looks like the period "last week"' in text
    assert [b.command for b in reply.buttons] == ["/coverage last week"]
    reply, _ = run(herald, "coverage last wek negative")
    assert reply.is_error and [b.command for b in reply.buttons] == ["/coverage last week"]
    reply, _ = run(herald, 'coverage "lastweek"')  # quoted: searched for, as asked
    assert not reply.is_error and reply.title.startswith("Coverage this week")


def test_the_phrasing_officers_use_is_read(herald, clock):
    _item(herald, "Bournemouth, Christchurch and Poole Council budget agreed", NOW - timedelta(hours=2))
    reply, _ = run(herald, "coverage Q1 23/24")
    assert reply.title.startswith("Coverage Q1 2023/24")
    reply, _ = run(herald, "coverage 3/4/24")
    assert reply.title.startswith("Coverage Wed 3 Apr 2024")  # UK day first
    clock.set(NOW + timedelta(days=2))  # Wednesday
    reply, _ = run(herald, "coverage since monday")
    assert reply.title == "Coverage since 23 Nov 2026: 1 item"
    reply, text = run(herald, "coverage this week council:BCP")
    assert reply.title.endswith("1 item") and "council Bournemouth, Christchurch and Poole" in text
    reply, text = run(herald, 'coverage this week outlet:"Local Government Chronicle"')
    assert reply.title.endswith("1 item") and "Filters: outlet LGC" in text


def test_coverage_log_takes_a_date_and_a_title_and_says_its_defaults(herald):
    with herald.session() as s:
        s.add(Outlet(name="Sky News", domain="news.sky.com", tier="broadcast"))
    reply, text = run(herald, 'coverage log https://news.sky.com/story/123 "Sky News" positive date:yesterday '
                              'title:"Cllr Brown on council finances" on the 6pm news')
    assert reply.title.startswith("Logged coverage id") and "Sky News (broadcast)" in text
    assert "Defaults used: tier broadcast, the outlet's" in text and "ran now" not in text
    with herald.session() as s:
        item = s.scalars(select(CoverageItem)).one()
        assert item.title == "Cllr Brown on council finances" and item.note == "on the 6pm news"
        assert item.published_at.astimezone(timezone.utc) == datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
    reply, text = run(herald, "coverage log https://www.northumberlandgazette.co.uk/news/council-tax-rise")
    assert "Defaults used: ran now" in text and "tier online, the outlet's" in text and "headline from the link" in text
    with herald.session() as s:
        outlet = s.scalar(select(Outlet).where(Outlet.domain == "northumberlandgazette.co.uk"))
        assert outlet.tier == "online"  # not broadcast: a local paper no longer counts as broadcast
    reply, text = run(herald, "coverage log https://example.org/a tier:local date:3/4/24")
    assert "(local)" in text and "Wed 3 Apr 2024" in text
    reply, text = run(herald, "coverage log https://example.org/b date:tomorrow")
    assert reply.is_error and "future" in text


def test_feed_tiers_local_and_specialist_and_a_feed_never_polled(make_app, database_url):
    herald = make_app(database_url, HERALD_ALLOW_PRIVATE_FEEDS=True).extensions["herald"]  # loopback, never fetched
    reply, _ = run(herald, "feeds add http://127.0.0.1:9/rss Trade Weekly tier:specialist")
    assert not reply.is_error
    reply, _ = run(herald, "feeds add http://127.0.0.1:9/local.rss Gazette tier:local")
    assert not reply.is_error
    with herald.session() as s:
        assert {f.name: f.tier for f in s.scalars(select(Feed))} == {"Trade Weekly": "trade", "Gazette": "local"}
    reply, text = run(herald, "feeds list")
    assert reply.title == "2 feeds" and "not polled yet" in text and "healthy" not in text
    assert "Key: [-] not rated or not yet known" in text
    with herald.session() as s:
        feed = s.scalar(select(Feed).where(Feed.name == "Gazette"))
        feed.last_polled_at, feed.consecutive_failures = NOW, 3
    reply, text = run(herald, "feeds list")
    assert reply.title == "2 feeds, 1 failing" and "[R] 2. Gazette" in text and "Key: [-] not rated" in text
    assert "[R] red" in text
    reply, text = run(herald, "feeds add http://127.0.0.1:9/x.rss X tier:weekly")
    assert reply.is_error and "specialist is trade" in text
