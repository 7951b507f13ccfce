"""Helpers for the coverage and feeds tests: feed documents, a recording notifier, a feed server."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest

import bot.webhooks.coverage as coverage_webhook
from handlers.context import Actor
from handlers.reply import Reply
from models import stories
from models.sentence_meaning import forget_sentences
from tests.fakes.http import Answer, FakeServer

FAST_FEEDS = {"HERALD_ALLOW_PRIVATE_FEEDS": True, "HERALD_FEED_DOMAIN_INTERVAL": 0,
              "HERALD_FEED_TOTAL_TIMEOUT": 3, "HERALD_FEED_READ_TIMEOUT": 2,
              "HERALD_FEED_FAILURES_BEFORE_ALERT": 2, "HERALD_ADMIN_CHANNEL": "CADMIN"}


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    guid: str | None = None
    published: datetime | None = None
    summary: str = ""


def rss(entries: list[Entry], title: str = "Test feed") -> bytes:
    """A well-formed RSS 2.0 document."""
    items = []
    for e in entries:
        parts = [f"<title>{escape(e.title)}</title>", f"<link>{escape(e.link)}</link>"]
        if e.guid:
            parts.append(f"<guid isPermaLink=\"false\">{escape(e.guid)}</guid>")
        if e.published:
            parts.append(f"<pubDate>{format_datetime(e.published)}</pubDate>")
        if e.summary:
            parts.append(f"<description>{escape(e.summary)}</description>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://example.org/</link>{''.join(items)}</channel></rss>").encode()


def feed_answer(body: bytes, etag: str | None = None, **headers: str) -> Answer:
    extra = {"Content-Type": "application/rss+xml; charset=utf-8", **headers}
    if etag:
        extra["ETag"] = etag
    return Answer(200, body, extra)


def conditional(body: bytes, etag: str):
    """A responder that answers 304 when the request carries our ETag, else the feed."""
    def respond(rec):
        if rec.headers.get("if-none-match") == etag:
            return Answer(304, b"", {"ETag": etag})
        return feed_answer(body, etag)
    return respond


@dataclass
class RecordingNotifier:
    """A `Notifier` that keeps what it was asked to send."""

    sent: list[tuple[str, str, Reply]] = field(default_factory=list)

    def send(self, platform: str, destination: str, reply: Reply) -> None:
        self.sent.append((platform, destination, reply))


def run(herald, text: str, channel: str | None = "CCOMMS", user: str = "U1", admin: bool = True) -> Reply:
    """Run a command as a Slack user (by default an admin: these tests are about coverage, not roles)."""
    actor = Actor(user_id=user, name="Test", platform="slack", is_admin=admin)
    reply, _ctx = herald.run_command(text, actor, channel=channel)
    return reply


def reply_text(reply: Reply) -> str:
    from bot.plaintext import render_text
    return render_text(reply)


@pytest.fixture
def feed_server():
    with FakeServer() as server:
        yield server


def ingest_into_regional_feed(session, host: str, name: str, titles: tuple[str, ...], now: datetime):
    """Ingest one item per title, an hour old, into a new regional feed past its baseline: the result says
    which items the feed's relevance rule kept (`created`) and how many it left out."""

    from feeds.ingest import ingest_feed_entries
    from feeds.normalize import from_fields
    from models.outlet import add_feed

    feed = add_feed(session, f"https://{host}/rss", name, host, "regional", "U1", now)
    feed.baseline_done = True
    entries = [from_fields(f"https://{host}/{n}", title, "", now - timedelta(hours=1), now)
               for n, title in enumerate(titles)]
    return ingest_feed_entries(session, feed, entries, now, timedelta(hours=72))


def first_poll_of_pair(herald, pair: tuple[tuple[str, str], ...], now: datetime):
    """A regional feed of these (title, summary) items, 20 hours apart, added and polled once: the poll's report."""
    from feeds.poll import poll_due_feeds
    entries = [Entry(title, f"https://news.example/{n}", guid=f"g{n}", published=now - timedelta(hours=n * 20),
                     summary=summary) for n, (title, summary) in enumerate(pair)]
    with FakeServer() as server:
        server.script("/rss", feed_answer(rss(entries)))
        assert "added" in run(herald, f"feeds add {server.url}/rss Cumberland tier:regional").title
        return poll_due_feeds(herald, RecordingNotifier())


@pytest.fixture
def no_time_to_judge(monkeypatch):
    """A post with no time to compare its items or read their texts: what a 500-item post meets past its 2 s."""
    monkeypatch.setattr(coverage_webhook, "WEBHOOK_GROUPING_SECONDS", 0.0)
    monkeypatch.setattr(coverage_webhook, "WEBHOOK_SENTENCE_SECONDS", 0.0)
    monkeypatch.setattr(stories, "SENTENCE_SECONDS", 0.0)
    forget_sentences()
    yield
    forget_sentences()
