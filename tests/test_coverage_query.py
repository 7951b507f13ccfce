"""`/coverage`: periods, filters, counts, breakdowns, paging, export, log, tone and bad input."""
import csv
import io
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from models.audit import AuditEntry
from models.coverage import CoverageItem
from models.outlet import outlet_for
from models.press import PressActivity, PressCoverageLink
from models.programme import Programme
from tests.coverage_fixtures import reply_text, run

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)  # Monday


def _add(session, title, when, outlet="LGC", tier="trade", tone=None, slug=None):
    outlet_row = outlet_for(session, outlet, None, tier)
    url = f"https://{outlet.lower().replace(' ', '')}.example/{slug or title.lower().replace(' ', '-')}"
    result = classify_and_store(session, [from_fields(url, title, "", when, NOW)], source="webhook", now=NOW,
                                outlet_id=outlet_row.id, tone=tone)
    return result.stored[0].item_id


def _seed(herald):
    with herald.session() as s:
        s.add(Programme(name="Corporate Peer Challenge", aliases=["CPC"], keywords=["peer challenge"],
                        created_at=NOW))
        s.flush()
        ids = [_add(s, f"Thurrock Council praised in peer challenge {i}", NOW - timedelta(hours=i + 1))
               for i in range(3)]
        ids.append(_add(s, "Woking Borough Council debt disaster deepens", NOW - timedelta(hours=5),
                        outlet="The MJ", tone="negative"))
        ids += [_add(s, f"Reading council budget story {i}", NOW - timedelta(days=3, hours=i), outlet="Sky News",
                     tier="broadcast") for i in range(12)]
        ids.append(_add(s, "Slough council wins award", NOW - timedelta(hours=6), outlet="Sky News", tier="broadcast"))
        press = PressActivity(kind="statement", title="Peer challenge release", occurred_at=NOW, logged_by="U1",
                              platform="slack", created_at=NOW, updated_at=NOW)
        s.add(press)
        s.flush()
        s.add(PressCoverageLink(press_id=press.id, coverage_id=ids[0], status="confirmed"))
        s.add(PressCoverageLink(press_id=press.id, coverage_id=ids[1], status="suggested"))
    return ids


def test_this_week_counts_compares_breaks_down_and_lists(herald):
    _seed(herald)
    reply = run(herald, "coverage this week")
    text = reply_text(reply)
    assert reply.title == "Coverage this week: 5 items"
    assert "5 (up 5 on the same point last week: 0)" in text  # Monday 09:00: last week to Monday 09:00
    assert "12 (up 12 on the week before: 0)" in reply_text(run(herald, "coverage last week"))
    assert "Positive + neutral  80%" in text
    assert "Proactive           1 from our press activity" in text
    assert "Trade      4" in text and "Broadcast  1" in text
    assert "Negative  1" in text
    items = reply.sections[-1].items
    assert [i.title for i in items][:2] == ["Thurrock Council praised in peer challenge 0",
                                            "Thurrock Council praised in peer challenge 1"]
    assert "Thurrock" in items[0].meta[-1] and items[0].meta[0] == "LGC"
    assert reply.next_page is None


def test_filters_outlet_council_tag_tone_and_words(herald):
    _seed(herald)
    assert run(herald, "coverage this week outlet:MJ").title == "Coverage this week: 1 item"
    assert run(herald, "coverage this week council:Thurrock").title == "Coverage this week: 3 items"
    assert run(herald, "coverage this week council:\"Woking BC\" negative").title == "Coverage this week: 1 item"
    assert run(herald, 'coverage this week tag:"peer challenge"').title == "Coverage this week: 3 items"
    assert run(herald, "coverage this week negative").title == "Coverage this week: 1 item"
    assert run(herald, 'coverage "debt disaster"').title == "Coverage this week: 1 item"
    assert run(herald, "coverage last month outlet:\"Sky News\"").title.startswith("Coverage last month")


def test_a_current_council_includes_the_councils_it_replaced(herald):
    with herald.session() as s:
        _add(s, "Kettering Borough Council's last budget", NOW - timedelta(hours=2))
        _add(s, "North Northamptonshire Council opens hub", NOW - timedelta(hours=3))
    reply = run(herald, "coverage this week council:\"North Northamptonshire\"")
    assert reply.title == "Coverage this week: 2 items"
    assert "Kettering" in reply_text(reply)
    assert run(herald, "coverage this week council:Kettering").title == "Coverage this week: 1 item"


def test_paging_ten_at_a_time_and_export_everything(herald):
    _seed(herald)
    first = run(herald, "coverage last 30 days")
    assert len(first.sections[-1].items) == 10
    assert first.next_page == "coverage last 30 days page:2"
    second = run(herald, first.next_page)
    assert len(second.sections[-1].items) == 7 and second.next_page is None
    exported = run(herald, "coverage last 30 days export")
    rows = list(csv.DictReader(io.StringIO(exported.attachments[0].content.decode("utf-8-sig"))))
    assert len(rows) == 17 and exported.attachments[0].filename == "coverage-last-30-days.csv"
    assert rows[0]["outlet"] and rows[0]["tone"] in ("positive", "neutral", "negative")


def test_periods_in_london_time_and_financial_quarters(herald, clock):
    with herald.session() as s:
        _add(s, "Late Sunday story", datetime(2026, 11, 22, 23, 30, tzinfo=timezone.utc))
        _add(s, "Summer story", datetime(2026, 6, 30, 23, 30, tzinfo=timezone.utc))  # 1 July 00:30 BST
    assert run(herald, "coverage yesterday").title == "Coverage yesterday: 1 item"
    assert run(herald, "coverage Q2 2026/27").title == "Coverage Q2 2026/27: 1 item"
    assert run(herald, "coverage June 2026").title == "Coverage June 2026: 0 items"


def test_unreadable_queries_get_usage_and_a_close_example(herald):
    for text, expected in (("coverage last fortnite", "/coverage last"), ("coverage outlt:MJ", "outlet:"),
                           ("coverage this week page:x", "page:2"), ("coverage positive negative", "negative")):
        reply = run(herald, text)
        out = reply_text(reply)
        assert reply.is_error and "Usage" in out and expected in out, (text, out)
    missing = run(herald, "coverage this week outlet:Nowhere")
    assert missing.is_error and "don't know the outlet" in reply_text(missing)


def test_log_by_hand_and_tone_override_is_audited_and_wins(herald):
    reply = run(herald, 'coverage log https://news.sky.com/story/thurrock-123 "Sky News" negative Cllr on Thurrock debts')
    assert reply.title.startswith("Logged coverage id")
    item_id = int(reply.title.rsplit(" ", 1)[1])
    again = run(herald, "coverage log https://www.news.sky.com/story/thurrock-123?utm_source=x")
    assert again.title == f"Already logged as id {item_id}"
    assert run(herald, f"coverage tone {item_id} positive").title == f"Tone of item {item_id} set to positive"
    assert run(herald, "coverage tone 99999 positive").is_error
    assert run(herald, "coverage tone x").is_error
    with herald.session() as s:
        item = s.get(CoverageItem, item_id)
        assert (item.tone, item.tone_overridden, item.source, item.outlet.name) == ("positive", True, "manual", "Sky News")
        assert item.councils[0].council_code == "THR"
        audit = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert audit == ["coverage.log", "coverage.tone"]
    assert "(set by a person)" in reply_text(run(herald, "coverage today"))
    assert run(herald, "coverage log not-a-url").is_error


def test_the_comparison_stories_and_tiers_honour_every_filter(herald):
    """One statement answers the summary: the comparison figure must carry the same filters, and a
    running week is set against last week up to the same moment (Monday 09:00 here)."""
    with herald.session() as s:
        for i in range(3):
            _add(s, f"Thurrock Council story {i}", NOW - timedelta(hours=i + 1))
        for i in range(2):
            _add(s, f"Thurrock Council older story {i}", NOW - timedelta(days=7, hours=i + 1))
        _add(s, "Thurrock Council later last week", NOW - timedelta(days=6))  # after the same point
        _add(s, "Woking Borough Council debt row", NOW - timedelta(days=7, hours=3), outlet="The MJ",
             tone="negative")
        _add(s, "Rugby club wins cup", NOW - timedelta(hours=2), outlet="The MJ", slug="cup")
        _add(s, "Rugby club wins cup", NOW - timedelta(hours=3), outlet="LGC", slug="cup-lgc")
        classify_and_store(s, [from_fields("https://nowhere.example/x", "An item with no outlet", "",
                                           NOW - timedelta(hours=4), NOW)], source="webhook", now=NOW)
    thurrock = reply_text(run(herald, "coverage this week council:Thurrock"))
    assert "3 (up 1 on the same point last week: 2)" in thurrock
    woking = reply_text(run(herald, "coverage this week council:Woking negative"))
    assert "0 (down 1 on the same point last week: 1)" in woking and "Proactive" not in woking
    everything = reply_text(run(herald, "coverage this week"))
    assert "6 (up 3 on the same point last week: 3)" in everything
    assert "Stories             5 (some in several outlets)" in everything
    assert "Trade    5" in everything and "Unknown  1" in everything


def test_a_council_name_resolves_with_what_it_replaced_in_one_answer(herald):
    from models.council_lookup import council_match
    with herald.session() as s:
        north = council_match(s, "North Northamptonshire Council")
        kettering = council_match(s, "kettering borough council")
        nothing = council_match(s, "Atlantis")
    assert north.named == [("NNT", "North Northamptonshire")]
    replaced = [nice for _code, nice in north.replaced]
    assert {"Corby", "East Northamptonshire", "Kettering", "Wellingborough"} <= set(replaced)
    assert replaced == sorted(replaced) and "North Northamptonshire" not in replaced
    assert [code for code, _nice in kettering.named] == ["KET"] and kettering.replaced == []
    assert nothing.named == [] and nothing.replaced == []
