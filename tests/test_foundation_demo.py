"""Demo data: from the seeds, idempotent, and "this week" / "last week" always have content."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from models.campaign import Campaign
from models.coverage import CoverageItem
from models.demo import load_demo
from models.periods import parse_period
from models.programme import Programme


def count(session, model):
    return session.scalar(select(func.count()).select_from(model))


def test_loading_twice_changes_nothing(herald, clock):
    with herald.session() as s:
        first = load_demo(s, clock.now(), herald.settings.tz)
    with herald.session() as s:
        second = load_demo(s, clock.now(), herald.settings.tz)
        assert count(s, Programme) == 15 and count(s, Campaign) == 4
        lg_inform = s.scalar(select(Programme).where(Programme.name == "LG Inform"))
        assert lg_inform.timescales == "Prototype launched in June 2011; development ongoing"
        assert [r.review for r in lg_inform.ratings] == ["March 2011 review", "Oct 2011 review"]
    assert first["coverage"] == 14 and not any(second.values())


@pytest.mark.parametrize("loaded_at", [
    datetime(2026, 11, 23, 0, 5, tzinfo=timezone.utc),    # Monday just after midnight
    datetime(2026, 11, 29, 23, 55, tzinfo=timezone.utc),  # Sunday night
    datetime(2026, 3, 29, 0, 30, tzinfo=timezone.utc),    # spring change Sunday
    datetime(2026, 10, 25, 23, 30, tzinfo=timezone.utc),  # autumn change, just into Monday
    datetime(2026, 3, 30, 23, 2, tzinfo=timezone.utc),    # Monday 00:02 BST
])
def test_this_week_and_last_week_have_content_whenever_loaded(sqlite_url, make_app, loaded_at):
    herald = make_app(sqlite_url).extensions["herald"]
    tz = herald.settings.tz
    with herald.session() as s:
        load_demo(s, loaded_at, tz)
        for label in ("this week", "last week"):
            period = parse_period(label, loaded_at, tz)
            n = s.scalar(select(func.count()).select_from(CoverageItem).where(
                CoverageItem.published_at >= period.start, CoverageItem.published_at < period.end,
                CoverageItem.published_at <= loaded_at))
            assert n >= 2, label
