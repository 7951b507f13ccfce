"""Earned coverage: suggested from links and distinctive shared words, decided by a person with one click."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from models.coverage import CoverageItem
from models.periods import parse_period
from models.press import PressCoverageLink
from models.press_earned import coverage_split, suggest_for_new_coverage
from tests.press_fixtures import ADMIN, ALICE, BOB, ask, demo_herald, demo_sqlite_template, logged_id  # noqa: F401

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def add_coverage(herald, title: str, days_after: float, url: str | None = None, summary: str | None = None) -> int:
    with herald.session() as s:
        n = s.scalar(select(CoverageItem.id).order_by(CoverageItem.id.desc()).limit(1)) or 0
        url = url or f"https://example.org/story-{n + 1}"
        when = MONDAY + timedelta(days=days_after)
        item = CoverageItem(url=url, canonical_url=url, title=title, summary=summary, source="manual",
                            published_at=when, first_seen_at=when)
        s.add(item)
        s.flush()
        return item.id


@pytest.fixture
def herald(make_app, sqlite_url):
    h = make_app(sqlite_url).extensions["herald"]
    add_coverage(h, "Councils warned over adult social care funding gap", 1)  # unrelated background
    add_coverage(h, "Bin collections move to fortnightly in Kent", 2)
    return h


def links(herald, press_id: int) -> dict[int, str]:
    with herald.session() as s:
        return {link.coverage_id: link.status for link in s.scalars(
            select(PressCoverageLink).where(PressCoverageLink.press_id == press_id))}


def test_coverage_sharing_distinctive_words_within_14_days_is_suggested(herald):
    earned = add_coverage(herald, "LGA launches Oflog assurance framework for councils", 2)
    too_late = add_coverage(herald, "Oflog assurance framework one month on", 15)
    press_id = logged_id(ask(herald, 'press log "press release" "Oflog and the assurance framework" date:today'))
    assert links(herald, press_id) == {earned: "suggested"}
    reply = ask(herald, f"press show {press_id}")
    (item,) = next(s for s in reply.sections if s.heading == "Earned coverage").items
    assert item.title.startswith(f"#{earned} ") and item.detail == "shares: assurance, framework, oflog"
    assert [(b.label, b.command) for b in reply.buttons] == [
        (f"Confirm #{earned}", f"press link {press_id} {earned}"), (f"Reject #{earned}", f"press unlink {press_id} {earned}")]
    assert too_late not in links(herald, press_id)


def test_coverage_that_links_to_the_release_is_suggested_whatever_its_words(herald):
    press_id = logged_id(ask(herald, 'press log "press release" "Launch" link:https://www.local.gov.uk/news/launch-2026'))
    item = add_coverage(herald, "Something else entirely", 3,
                        summary="Read the release at http://local.gov.uk/news/launch-2026?utm_source=x")
    with herald.session() as s:
        assert suggest_for_new_coverage(s, [item]) == 1
        assert suggest_for_new_coverage(s, [item]) == 0  # once only
    assert links(herald, press_id) == {item: "suggested"}


def test_coverage_arriving_through_ingestion_is_suggested_at_once(herald):
    press_id = logged_id(ask(herald, 'press log "press release" "Launch" link:https://www.local.gov.uk/news/launch-2026'))
    candidate = from_fields("https://www.lgcplus.com/launch", "Something else entirely",
                            "Read the release at http://local.gov.uk/news/launch-2026", MONDAY + timedelta(days=1),
                            MONDAY + timedelta(days=1))
    with herald.session() as s:  # the path feeds, the coverage webhook and /coverage log share
        (item,) = classify_and_store(s, [candidate], source="webhook", now=MONDAY + timedelta(days=1)).created
    assert links(herald, press_id) == {item: "suggested"}


def test_one_common_word_is_not_enough(herald):
    add_coverage(herald, "Councils face funding gap", 1)
    press_id = logged_id(ask(herald, 'press log statement "Funding settlement response" date:today'))
    assert links(herald, press_id) == {}


def test_confirm_and_reject_are_kept_and_rejections_not_suggested_again(herald):
    first = add_coverage(herald, "Oflog assurance framework unveiled", 1)
    second = add_coverage(herald, "Assurance framework for Oflog era", 1)
    press_id = logged_id(ask(herald, 'press log "press release" "Oflog assurance framework" date:today'))
    assert ask(herald, f"press link {press_id} {first}").title == f"Coverage #{first} marked as earned by #{press_id}"
    assert not ask(herald, f"press unlink {press_id} {second}").is_error
    ask(herald, f"press show {press_id}")  # refreshes suggestions
    assert links(herald, press_id) == {first: "confirmed", second: "rejected"}
    listed = ask(herald, "press list").sections[0].items[0]
    assert "1 earned" in listed.meta
    assert ask(herald, f"press link {press_id} {first}", BOB).title == "Not allowed"
    assert not ask(herald, f"press link {press_id} {first}", ADMIN).is_error


def test_link_by_hand_and_an_unknown_coverage_number(herald):
    item = add_coverage(herald, "Unrelated words only", 30)
    press_id = logged_id(ask(herald, 'press log interview "Chair on sector support"', ALICE))
    assert not ask(herald, f"press link {press_id} {item}").is_error
    assert links(herald, press_id) == {item: "confirmed"}
    assert ask(herald, f"press link {press_id} 99999").sections[0].text == "There is no coverage item #99999."


def test_proactive_and_reactive_split(herald, clock):
    earned = add_coverage(herald, "Oflog assurance framework unveiled", 1)
    press_id = logged_id(ask(herald, 'press log "press release" "Oflog assurance framework" date:today'))
    week = parse_period("last 30 days", clock.now() + timedelta(days=5), herald.settings.tz)
    with herald.session() as s:
        before = coverage_split(s, week)
    ask(herald, f"press link {press_id} {earned}")
    with herald.session() as s:
        after = coverage_split(s, week)
    assert (before.total, before.proactive, before.unconfirmed) == (3, 0, 1)
    assert (after.total, after.proactive, after.reactive, after.unconfirmed) == (3, 1, 2, 0)
    assert ask(herald, "press list this week").context[-1] == (
        "Coverage this week: 3 items, 1 proactive (earned by logged press activity), 2 reactive.")


def test_the_demo_shows_earned_coverage_from_seed_004(demo_herald):
    reply = ask(demo_herald, "press list Q1 2023/24", ADMIN)
    by_title = {i.title.split(" ", 1)[1]: i.meta for i in reply.sections[0].items}
    assert "2 earned" in by_title["Assurance framework for local government: discussions begin"]
