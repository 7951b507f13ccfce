"""The council copy of `published_at` and `tone` in coverage_councils: written on store, kept in
step by set_tone, backfilled by its migration, and the council filter answers from it."""
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, text

from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from handlers.context import Actor
from models.coverage import CoverageCouncil, set_tone
from models.coverage_query import CoverageFilters, coverage_between
from models.councils_data import load_councils
from models.db import make_engine, make_session_factory, transaction
from models.migrate import upgrade
from models.outlet import outlet_for
from models.periods import parse_period

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)  # Monday


def _store(session, title: str, when: datetime, tone: str) -> int:
    outlet = outlet_for(session, "LGC", None, "trade")
    url = f"https://lgc.example/{title.lower().replace(' ', '-')}"
    result = classify_and_store(session, [from_fields(url, title, "", when, NOW)], source="webhook", now=NOW,
                                outlet_id=outlet.id, tone=tone)
    return result.stored[0].item_id


def _thurrock_negative_this_week(session, tz) -> int:
    period = parse_period("this week", NOW, tz)
    return coverage_between(session, period, CoverageFilters(council_codes=("THR",), tone="negative")).count


def test_store_copies_published_at_and_tone_and_set_tone_keeps_them_in_step(herald):
    with herald.session() as s:
        item_id = _store(s, "Thurrock Council budget row deepens", NOW - timedelta(hours=2), "neutral")
        _store(s, "Thurrock Council old news", NOW - timedelta(days=20), "negative")
        rows = s.execute(select(CoverageCouncil.council_code, CoverageCouncil.published_at, CoverageCouncil.tone)
                         .where(CoverageCouncil.coverage_id == item_id)).all()
        assert rows == [("THR", NOW - timedelta(hours=2), "neutral")]
        assert _thurrock_negative_this_week(s, herald.settings.tz) == 0
        set_tone(s, item_id, "negative", Actor.cli(), NOW)
        assert s.scalars(select(CoverageCouncil.tone).where(CoverageCouncil.coverage_id == item_id)).all() \
            == ["negative"]
        assert _thurrock_negative_this_week(s, herald.settings.tz) == 1


def test_migration_backfills_existing_mentions(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        upgrade(engine, "teams2_conversations")
        with transaction(make_session_factory(engine)) as session:
            load_councils(session)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO coverage_items (id, url, canonical_url, title, source, published_at, "
                              "first_seen_at, tone, tone_overridden, classified) VALUES (7, 'u', 'u', 't', 'feed', "
                              "'2026-11-20 10:00:00.000000', '2026-11-20 10:05:00.000000', 'negative', 0, 1)"))
            conn.execute(text("INSERT INTO coverage_councils (coverage_id, council_code) VALUES (7, 'THR')"))
        upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT published_at, tone FROM coverage_councils WHERE coverage_id = 7")).one()
        assert tuple(row) == ("2026-11-20 10:00:00.000000", "negative")
    finally:
        engine.dispose()
