"""A batch's own texts are read as sentences before its write transaction (`models.stories.read_story_texts`), so a
500-item webhook or a big feed groups its rewrites as it would one item at a time, even when the time a batch may
spend reading inside its transaction (`models.stories.SENTENCE_SECONDS`) is spent. Each test sets that time to
nothing, so only the reading done ahead can join the pair below: a rewrite that is one story read as sentences
and two without (the control test shows it)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from models import stories
from models.coverage import CoverageItem
from models.sentence_meaning import forget_sentences, sentence_budget, sentences_alike
from models.story_text import StoryText
from tests.coverage_fixtures import FAST_FEEDS, first_poll_of_pair, reply_text, run
from tests.story_items import GRITTING, REWRITE

NOW = datetime(2026, 1, 14, 9, tzinfo=timezone.utc)
TOKEN = "read-ahead-token"


@pytest.fixture(autouse=True)
def no_time_inside_the_transaction(monkeypatch):
    monkeypatch.setattr(stories, "SENTENCE_SECONDS", 0.0)
    forget_sentences()
    yield
    forget_sentences()


def _story_ids(herald) -> dict[str, int]:
    with herald.reading() as s:
        return dict(s.execute(select(CoverageItem.title, CoverageItem.story_id)).all())


def test_control_without_reading_ahead_the_pair_is_two_stories(make_app, sqlite_url):
    herald = make_app(sqlite_url).extensions["herald"]
    with herald.session() as s:
        classify_and_store(s, [from_fields(f"https://news.example/{n}", title, summary, NOW + timedelta(hours=n * 20),
                                           NOW) for n, (title, summary) in enumerate((GRITTING, REWRITE))],
                           source="webhook", now=NOW)
    found = _story_ids(herald)
    assert found[GRITTING[0]] != found[REWRITE[0]]


def test_a_webhook_batch_reads_its_texts_first_and_groups_the_rewrite(make_app, database_url):
    app = make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    herald = app.extensions["herald"]
    items = [{"url": f"https://news.example/{n}", "title": title, "summary": summary, "outlet": outlet,
              "published_at": (NOW + timedelta(hours=n * 20)).isoformat()}
             for n, ((title, summary), outlet) in enumerate(zip((GRITTING, REWRITE), ("Cumberland News", "BBC News")))]
    response = app.test_client().post("/webhooks/coverage", json={"items": items},
                                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.get_json()["created"] == 2
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]
    with herald.reading() as s:
        first = s.scalar(select(CoverageItem.id).where(CoverageItem.title == GRITTING[0]))
    explained = reply_text(run(herald, f"coverage explain {first}"))
    assert "likely one story" in explained and "not read as sentences" not in explained


def test_a_webhook_item_reads_the_stored_items_it_meets_first(make_app, sqlite_url):
    """The first report came in through another process (the clock's feed poll), so this one has not read it."""
    app = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    herald = app.extensions["herald"]
    with herald.session() as s:
        classify_and_store(s, [from_fields("https://news.example/0", *GRITTING, NOW, NOW)], source="feed", now=NOW)
    forget_sentences()
    item = {"url": "https://news.example/1", "title": REWRITE[0], "summary": REWRITE[1],
            "published_at": (NOW + timedelta(hours=20)).isoformat()}
    response = app.test_client().post("/webhooks/coverage", json=item, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]


def test_a_feed_poll_reads_its_new_entries_first_and_groups_the_rewrite(make_app, sqlite_url, clock):
    herald = make_app(sqlite_url, **FAST_FEEDS).extensions["herald"]
    outcome = first_poll_of_pair(herald, (GRITTING, REWRITE), clock.now())
    assert [(o.status, o.created) for o in outcome.outcomes] == [("baseline", 2)]
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]


def test_reading_ahead_stops_when_its_time_is_spent(make_app, sqlite_url):
    herald = make_app(sqlite_url).extensions["herald"]
    arriving = [StoryText(title, summary, NOW) for title, summary in (GRITTING, REWRITE, GRITTING)]
    with herald.reading() as session:
        with sentence_budget(0):
            assert stories.read_story_texts(session, arriving) == 0
        assert stories.read_story_texts(session, arriving) == 4  # each text of the pair once
        assert stories.read_story_texts(session, arriving) == 0  # already read


def test_a_batch_s_allowance_bounds_the_reading_in_its_transaction_too():
    with sentence_budget(0):
        with sentence_budget(60):  # the transaction's own allowance cannot outlast the batch's
            assert sentences_alike(*GRITTING) is None
