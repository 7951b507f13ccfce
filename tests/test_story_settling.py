"""A webhook post whose story judgement ran short of time answers at once and has its stories settled moments later
(`models.story_settling`, `bot.webhooks.settling`), as they would be had its items come one at a time.

Each test gives the post no time to compare its items or read them as sentences, so only settling can join the pair
below: a rewrite that is one story only when read as sentences (`tests/test_story_read_ahead.py` shows it splits
unread)."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

import feeds.poll
from bot.jobs import EXTENSION
from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from models import stories
from models.coverage import CoverageItem
from models.inbound import Job
from models.sentence_meaning import forget_sentences, sentence_budget
from models.story_corrections import merge_items, split_item
from models.story_settling import SETTLE_JOB, apply_settling, plan_settling
from tests.access_fixtures import ADMIN
from tests.coverage_fixtures import FAST_FEEDS, first_poll_of_pair, no_time_to_judge, reply_text, run  # noqa: F401
from tests.story_items import GRITTING, REWRITE

NOW = datetime(2026, 1, 14, 9, tzinfo=timezone.utc)
TOKEN = "settling-token"
ELSEWHERE = ("Leicester library hours cut to save £200,000",
             "Leicester City Council will shorten opening hours at eight branch libraries from April.")


def _post(app, *texts: tuple[str, str]):
    items = [{"url": f"https://news.example/{n}", "title": title, "summary": summary,
              "published_at": (NOW + timedelta(hours=n * 20)).isoformat()} for n, (title, summary) in enumerate(texts)]
    response = app.test_client().post("/webhooks/coverage", json={"items": items},
                                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.get_json()
    return [row["id"] for row in response.get_json()["items"]]


def _story_ids(herald) -> dict[str, int]:
    with herald.reading() as s:
        return dict(s.execute(select(CoverageItem.title, CoverageItem.story_id)).all())


def _settle_jobs(herald) -> list[tuple[str, dict]]:
    with herald.reading() as s:
        return [(job.status, job.payload) for job in s.scalars(select(Job).where(Job.kind == SETTLE_JOB))]


def _wait_until_settled(herald, seconds: float = 60.0) -> None:
    """The web process's worker thread takes the job up on its own; wait for it as a client would."""
    ends = time.monotonic() + seconds
    while any(status != "done" for status, _ in _settle_jobs(herald)):
        assert time.monotonic() < ends, f"settling not done: {_settle_jobs(herald)}"
        time.sleep(0.05)


def test_a_post_out_of_time_answers_first_and_its_stories_settle_moments_later(make_app, database_url,
                                                                               no_time_to_judge):
    app = make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    herald = app.extensions["herald"]
    ids = _post(app, GRITTING, REWRITE, ELSEWHERE)
    assert [payload for _status, payload in _settle_jobs(herald)] == [{"items": ids}]
    _wait_until_settled(herald)
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]] != found[ELSEWHERE[0]]
    explained = reply_text(run(herald, f"coverage explain {ids[1]}"))
    assert "Story" in explained and "likely one story" in explained


def test_a_job_left_by_a_process_that_died_is_settled_by_the_next(make_app, sqlite_url, no_time_to_judge):
    first = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    first.extensions[EXTENSION].stop()  # the process dies after answering, before its worker looks
    ids = _post(first, GRITTING, REWRITE)
    herald = first.extensions["herald"]
    found = _story_ids(herald)
    assert found[GRITTING[0]] != found[REWRITE[0]]  # what the client's answer left
    assert "Being settled" in reply_text(run(herald, f"coverage explain {ids[1]}"))
    second = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    assert second.extensions[EXTENSION].drain() == 1
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]
    assert [status for status, _ in _settle_jobs(herald)] == ["done"]
    assert "likely one story" in reply_text(run(herald, f"coverage explain {ids[1]}"))


def test_a_post_judged_in_full_leaves_nothing_to_settle(make_app, database_url):
    app = make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    herald = app.extensions["herald"]
    _post(app, GRITTING, REWRITE)
    assert _settle_jobs(herald) == []
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]


def test_an_item_out_of_comparing_time_still_joins_the_story_of_its_very_headline(make_app, sqlite_url,
                                                                                   no_time_to_judge):
    app = make_app(sqlite_url, HERALD_WEBHOOK_TOKEN=TOKEN)
    app.extensions[EXTENSION].stop()  # no settling: what the answer itself gave
    _post(app, GRITTING, (GRITTING[0].upper() + "!", "The same report in capitals."))
    assert len(set(_story_ids(app.extensions["herald"]).values())) == 1


def _stored_apart(herald) -> list[int]:
    """The pair stored with no time to read it as sentences: two stories."""
    forget_sentences()
    with herald.session() as s, sentence_budget(0):
        result = classify_and_store(s, [from_fields(f"https://news.example/{n}", title, summary,
                                                    NOW + timedelta(hours=n * 20), NOW)
                                        for n, (title, summary) in enumerate((GRITTING, REWRITE))],
                                    source="webhook", now=NOW)
    found = _story_ids(herald)
    assert found[GRITTING[0]] != found[REWRITE[0]]
    return result.created


def _settle(herald, ids: list[int]) -> list:
    with herald.reading() as s:
        moves = plan_settling(s, ids)
    with herald.session() as s:
        return apply_settling(s, moves)


def test_settling_twice_changes_nothing_more(make_app, database_url):
    herald = make_app(database_url).extensions["herald"]
    ids = _stored_apart(herald)
    assert len(_settle(herald, ids)) == 1
    assert _settle(herald, ids) == []
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]


def test_settling_leaves_a_person_s_split_as_they_left_it(make_app, sqlite_url, clock):
    herald = make_app(sqlite_url).extensions["herald"]
    ids = _stored_apart(herald)
    with herald.session() as s:
        merge_items(s, ids[1], ids[0], ADMIN, clock.now())  # a person joins them, then thinks better of it
        split_item(s, ids[1], ADMIN, clock.now())
    assert _settle(herald, ids) == []
    found = _story_ids(herald)
    assert found[GRITTING[0]] != found[REWRITE[0]]


def test_a_move_planned_before_another_change_is_not_made(make_app, sqlite_url, clock):
    herald = make_app(sqlite_url).extensions["herald"]
    ids = _stored_apart(herald)
    with herald.reading() as s:
        moves = plan_settling(s, ids)
    assert len(moves) == 1
    with herald.session() as s:  # meanwhile another item joined the story the move would take its item from
        other = classify_and_store(s, [from_fields("https://news.example/late", "Lakes gritters", "More salt.",
                                                   NOW, NOW)], source="webhook", now=NOW).created[0]
        s.get(CoverageItem, other).story_id = moves[0].from_story
    with herald.session() as s:
        assert apply_settling(s, moves) == []
        assert s.scalar(select(func.count()).select_from(CoverageItem)
                        .where(CoverageItem.story_id == moves[0].from_story)) == 2


def _gritting_reports(count: int) -> list:
    endings = ("", " tonight", " again", " says council", " as snow nears", " on main routes", " and side roads")
    return [from_fields(f"https://news.example/grit/{n}", f"Gritters out overnight as Cumbria braces for ice{end}",
                        GRITTING[1], NOW + timedelta(hours=n), NOW) for n, end in enumerate(endings[:count])]


def test_short_of_time_each_item_is_compared_with_its_likeliest_and_the_rest_is_left_to_settling(
        make_app, sqlite_url, monkeypatch):
    herald = make_app(sqlite_url).extensions["herald"]
    monkeypatch.setattr(stories, "PAIR_SECONDS", 3600.0)  # as if a pair took an hour: only the likeliest are met
    with herald.session() as s, stories.grouping_budget(60) as grouping:
        classify_and_store(s, _gritting_reports(stories.QUICK_COMPARED + 3), source="webhook", now=NOW)
    assert grouping.ran_short
    assert len(set(_story_ids(herald).values())) == 1  # each met its likeliest, which were enough here


def test_with_time_enough_a_batch_is_compared_in_full(make_app, sqlite_url):
    herald = make_app(sqlite_url).extensions["herald"]
    with herald.session() as s, stories.grouping_budget(60) as grouping:
        classify_and_store(s, _gritting_reports(stories.QUICK_COMPARED + 3), source="webhook", now=NOW)
    assert not grouping.ran_short
    assert len(set(_story_ids(herald).values())) == 1


def test_a_feed_poll_whose_reading_ran_short_settles_its_stories_before_it_ends(make_app, sqlite_url, clock,
                                                                                monkeypatch):
    monkeypatch.setattr(feeds.poll, "FEED_SENTENCE_SECONDS", 0.0)  # a first poll too big to read in its time
    monkeypatch.setattr(stories, "SENTENCE_SECONDS", 0.0)
    forget_sentences()
    herald = make_app(sqlite_url, **FAST_FEEDS).extensions["herald"]
    outcome = first_poll_of_pair(herald, (GRITTING, REWRITE), clock.now())
    assert [(o.status, o.created) for o in outcome.outcomes] == [("baseline", 2)]
    found = _story_ids(herald)
    assert found[GRITTING[0]] == found[REWRITE[0]]
    assert _settle_jobs(herald) == []  # settled in the poll itself: the clock process has no job worker
