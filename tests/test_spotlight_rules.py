"""The spotlight rules on both databases: the outlet rule, the 90-day-baseline spike rule, a spike
extended rather than restarted, and two checks at once starting one spotlight."""
from __future__ import annotations

import itertools
import threading
from datetime import timedelta

from digests.spotlight_alerts import run_spotlight_check
from models.coverage import NewItem, store_items
from models.outlet import outlet_for
from models.spotlight import Spotlight, SpotlightRules, check_spotlights, negative_baseline
from models.notices import Notice

_n = itertools.count(1)
RULES = SpotlightRules()


def add_negative(session, code: str, outlet: str, at) -> None:
    """One negative item about council `code`, published at `at` (stored as ingest stores it)."""
    n = next(_n)
    url = f"https://{outlet.lower().replace(' ', '')}.example.com/{code}/{n}"
    store_items(session, [NewItem(url=url, canonical_url=url, title=f"{code} story {n}", summary=None,
                                  published_at=at, first_seen_at=at, source="webhook",
                                  outlet_id=outlet_for(session, outlet, None, "trade").id, feed_id=None, guid=None,
                                  tone="negative", tone_score=None, tone_overridden=True, council_codes=(code,),
                                  tags=(), note=None, logged_by="test")])


def test_a_spike_from_one_outlet_needs_twice_the_minimum_over_a_quiet_baseline(session, clock):
    now = clock.now()
    for hours in range(5):  # five from one outlet: below both rules
        add_negative(session, "WOI", "The MJ", now - timedelta(hours=hours + 1))
    assert check_spotlights(session, now, RULES) == []
    add_negative(session, "WOI", "The MJ", now - timedelta(minutes=5))  # six: 2 × 3 over a zero baseline
    (spotlight,) = check_spotlights(session, now, RULES)
    assert spotlight.council_code == "WOI" and "baseline of 0.0" in spotlight.reason


def test_a_noisy_baseline_raises_the_spike_threshold(session, clock):
    now = clock.now()
    for day in range(4, 88, 2):  # the 90 days before: bursts of 0 or 8 negative items per 48 h
        for k in range(8 if day % 8 == 0 else 0):
            add_negative(session, "CRY", "The MJ", now - timedelta(days=day, hours=k))
    mean, sigma = negative_baseline(session, "CRY", now - RULES.window, RULES)
    assert mean > 1 and sigma > 2
    for hours in range(7):  # seven from one outlet: a spike for a quiet council, not for this one
        add_negative(session, "CRY", "The MJ", now - timedelta(hours=hours + 1))
    assert check_spotlights(session, now, RULES) == []


def test_new_items_extend_a_spike_and_a_quiet_window_starts_a_new_one(session, clock):
    now = clock.now()
    for hours, outlet in ((10, "LGC"), (9, "The MJ"), (8, "LGC")):
        add_negative(session, "THR", outlet, now - timedelta(hours=hours))
    (first,) = check_spotlights(session, now, RULES)
    later = now + timedelta(hours=40)
    for hours, outlet in ((3, "LGC"), (2, "The MJ"), (1, "BBC")):
        add_negative(session, "THR", outlet, later - timedelta(hours=hours))
    assert check_spotlights(session, later, RULES) == []
    assert first.last_item_at == later - timedelta(hours=1)
    quiet = later + timedelta(hours=60)
    for hours, outlet in ((3, "LGC"), (2, "The MJ"), (1, "BBC")):
        add_negative(session, "THR", outlet, quiet - timedelta(hours=hours))
    (second,) = check_spotlights(session, quiet, RULES)
    assert second.id != first.id


def test_two_checks_at_once_start_one_spotlight_and_one_alert(make_app, database_url, clock):
    herald = make_app(database_url, HERALD_TEAM_CHANNEL="CTEAM").extensions["herald"]
    with herald.session() as session:
        for hours, outlet in ((10, "LGC"), (9, "The MJ"), (8, "LGC")):
            add_negative(session, "THR", outlet, clock.now() - timedelta(hours=hours))
    barrier, started = threading.Barrier(2), []

    def check(holder: str) -> None:
        barrier.wait()
        started.append(run_spotlight_check(herald, holder))

    threads = [threading.Thread(target=check, args=(h,)) for h in ("clock:a", "clock:b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(started) == [0, 1]
    with herald.reading() as session:
        assert session.query(Spotlight).count() == 1 and session.query(Notice).count() == 1

