"""Composing digests: aggregate counts over a busy week, tiers first, the chart, the daily by story."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from digests.compose import Window, daily_digest, weekly_roundup
from tests.digest_fixtures import add_items

LONDON = ZoneInfo("Europe/London")


def test_weekly_round_up_counts_ten_thousand_items_in_aggregate(session, clock):
    add_items(session, 10_000, datetime(2026, 11, 16, 0, 30, tzinfo=timezone.utc), hours=160)
    reply = weekly_roundup(session, Window(date(2026, 11, 16), date(2026, 11, 23), LONDON), clock.now())
    coverage = reply.sections[0]
    assert coverage.facts[0].value == "10000 (+10000 on the week before)"
    assert coverage.facts[0].command == "/coverage 16/11/2026 to 22/11/2026"
    assert coverage.facts[1].value == "3334 positive · 3333 neutral · 3333 negative"
    assert len(coverage.items) == 5 and all(item.meta[0] == "The Guardian" for item in coverage.items)
    assert reply.chart.png.startswith(b"\x89PNG") and "Tue 17 Nov: 1500 (" in reply.chart.alt_text


def _store(session, url, title, summary, when, outlet, tier="trade"):
    from feeds.ingest import classify_and_store
    from feeds.normalize import from_fields
    from models.outlet import outlet_for
    outlet_id = outlet_for(session, outlet, None, tier).id
    return classify_and_store(session, [from_fields(url, title, summary, when, when)], source="webhook", now=when,
                              outlet_id=outlet_id).stored[0].item_id


def test_daily_digest_lists_one_line_per_story_with_its_outlets_tone_and_councils(session, clock):
    day = datetime(2026, 11, 20, 7, tzinfo=timezone.utc)
    thurrock = (("LGC", "trade"), ("The MJ", "trade"), ("Public Finance", "trade"), ("Essex Echo", "regional"))
    for n, (outlet, tier) in enumerate(thurrock):
        _store(session, f"https://news.example/thurrock/{n}", "Thurrock Council issues section 114 notice",
               "Thurrock Council has issued a section 114 notice after losses on its investments.",
               day + timedelta(hours=n), outlet, tier)
    _store(session, "https://news.example/wigan", "Wigan Council named council of the year",
           "Wigan Council won the top prize at the LGC Awards.", day + timedelta(hours=5), "LGC")
    reply = daily_digest(session, Window(date(2026, 11, 20), date(2026, 11, 21), LONDON), clock.now())
    coverage = reply.sections[0]
    assert [s.heading for s in reply.sections] == ["Coverage", "Alerts and tagging"]
    assert coverage.facts[0].value == "2 from 5 items" and coverage.facts[0].command == "/coverage 20/11/2026 to 20/11/2026"
    by_title = {item.title: item for item in coverage.items}
    assert len(coverage.items) == 2
    thurrock_line = by_title["Thurrock Council issues section 114 notice"]
    assert thurrock_line.meta == ("Public Finance, The MJ and 2 more", "trade", "Fri 20 Nov", "Thurrock")  # newest first
    assert thurrock_line.marker == "negative"
    assert by_title["Wigan Council named council of the year"].meta == ("LGC", "trade", "Fri 20 Nov", "Wigan")


def test_daily_digest_points_to_the_rest_says_when_there_is_none_and_counts_what_to_classify(session, clock):
    add_items(session, 66, datetime(2026, 11, 20, 0, 30, tzinfo=timezone.utc), hours=70)
    reply = daily_digest(session, Window(date(2026, 11, 20), date(2026, 11, 23), LONDON), clock.now())
    coverage, tagging = reply.sections
    assert len(coverage.items) == 60 and coverage.text == "6 more stories: /coverage 20/11/2026 to 22/11/2026"
    assert coverage.facts[0].value == "66 from 66 items"
    assert [item.meta[0] for item in coverage.items[:22]] == ["The Guardian"] * 22  # tiers first
    assert tagging.facts[1].value == "7" and len(tagging.items) == 7
    empty = daily_digest(session, Window(date(2026, 12, 1), date(2026, 12, 2), LONDON), clock.now())
    assert empty.sections[0].text == "No new coverage." and empty.sections[0].items == ()


def test_weekly_round_up_covers_press_campaigns_peers_ratings_and_keeps_embargoes(session, clock):
    from models.campaign import Campaign, CampaignActivity, CampaignMetric
    from models.peer_challenge import PeerChallenge, PeerChallengeStage
    from models.press import PressActivity
    from models.programme import Programme, RagRating
    now = clock.now()
    week = datetime(2026, 11, 18, 10, tzinfo=timezone.utc)

    def press(title, embargo=None):
        return PressActivity(kind="press release", title=title, occurred_at=week, embargo_until=embargo,
                             logged_by="U1", platform="slack", created_at=week, updated_at=week)
    session.add_all([press("Peer challenge figures out"), press("Budget response", embargo=now + timedelta(days=1))])
    campaign = Campaign(name="Be a Councillor", created_at=week)
    campaign.activities = [
        CampaignActivity(title="Toolkit e-bulletin", due_on=date(2026, 11, 17), done_on=date(2026, 11, 17),
                         status="done", created_at=week),
        CampaignActivity(title="Regional roadshow", due_on=date(2026, 11, 30), status="planned", created_at=week)]
    campaign.metrics = [CampaignMetric(name="page_views", value=v, measured_on=d, recorded_at=week)
                        for v, d in ((1200, date(2026, 11, 9)), (1850, date(2026, 11, 19)))]
    programme = Programme(name="LG Inform", created_at=week)
    programme.ratings = [RagRating(rating="amber", rated_at=week - timedelta(days=60)),
                         RagRating(rating="green", rated_at=week, comment="Prototype Plus live")]
    challenge = PeerChallenge(council_code="THR", stage="on site", created_at=week, updated_at=week)
    challenge.stages = [PeerChallengeStage(stage="on site", occurred_on=date(2026, 11, 19), recorded_at=week)]
    session.add_all([campaign, programme, challenge])
    session.flush()

    reply = weekly_roundup(session, Window(date(2026, 11, 16), date(2026, 11, 23), LONDON), now)
    by_heading = {s.heading: s for s in reply.sections}
    press_titles = [i.title for i in by_heading["Press activity"].items]
    assert press_titles == ["Peer challenge figures out"]  # the embargoed release is not shown
    assert by_heading["Press activity"].facts[0].value == "1"
    campaigns = [i.title for i in by_heading["Campaigns"].items]
    assert campaigns == ["Toolkit e-bulletin", "Be a Councillor: page views 1,850"]
    assert by_heading["Campaigns"].items[1].meta == ("was 1,200",)
    assert [i.title for i in by_heading["Peer challenges"].items] == ["Thurrock: on site"]
    assert [i.title for i in by_heading["Programme ratings changed"].items] == ["LG Inform: amber → green"]
    assert [i.title for i in by_heading["Coming up (next two weeks)"].items] == ["Regional roadshow"]
