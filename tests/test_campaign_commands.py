"""`/campaign` on the demo data: the bar (`ask "campaign Be a Councillor"`), the list, plans and metrics."""
from datetime import date

import pytest
from sqlalchemy import func, select

from models.audit import AuditEntry
from models.campaign import Campaign, CampaignMetric
from models.coverage import CoverageItem
from models.demo import load_demo
from tests.press_fixtures import ALICE, ask, demo_herald, demo_sqlite_template, text_of  # noqa: F401


@pytest.fixture
def herald(demo_herald):
    return demo_herald


def section(reply, heading: str):
    return next(s for s in reply.sections if s.heading and s.heading.startswith(heading))


def test_ask_campaign_be_a_councillor_shows_activities_and_metrics(herald):
    """The issue's bar, through the same path as `flask --app app ask "campaign Be a Councillor"`."""
    reply = ask(herald, "campaign Be a Councillor")
    assert reply.title == "Campaign: Be a Councillor"
    assert [i.title for i in section(reply, "Done").items] == [
        "Relaunch reception in the House of Commons", "Online toolkit councils can download and tailor",
        "Evaluate the campaign ahead of the 2013 county elections"]
    assert [i.title for i in section(reply, "Next planned").items] == [
        "E-bulletin to council leaders on candidate toolkits"]
    assert [(f.label, f.value) for f in section(reply, "Metrics").facts] == [
        ("toolkit downloads", "610 on Sat 31 Mar 2012 (+270 since Wed 29 Feb 2012)")]
    assert [i.title for i in section(reply, "Coverage tagged to it").items] == [
        "Census shows how jobs have changed – a third of elected officials are over 65"]
    assert "Be a Councillor relaunched at House of Commons reception" in text_of(reply)


@pytest.mark.parametrize("name", ["BaC", "be a councillor", "Be a Councilor", "Be A Councillor campaign"])
def test_a_campaign_by_alias_or_with_a_typo(herald, name):
    assert ask(herald, f"campaign {name}").title == "Campaign: Be a Councillor"


def test_list_shows_status_next_and_overdue(herald, clock):
    clock.advance(days=30)  # the demo's planned activities are now overdue
    items = {i.title: i for i in ask(herald, "campaign list").sections[0].items}
    assert set(items) == {"Be a Councillor", "Sector support offer launch 2023/24", "Local government careers pilot",
                          "Taking the Lead launch"}
    assert items["Be a Councillor"].meta == ("running", "3 done", "1 overdue")
    assert items["Sector support offer launch 2023/24"].meta[0] == "ended"
    overdue = section(ask(herald, "campaign Be a Councillor"), "Overdue").items
    assert [(i.title, i.marker) for i in overdue] == [("E-bulletin to council leaders on candidate toolkits", "red")]


def test_metric_history_trend_and_idempotence(herald, clock):
    command = '/campaign metric "Sector support offer" page_views 2,600 date:31/07/2023'
    assert ask(herald, command).sections[0].facts[0].value == "2,600 on Mon 31 Jul 2023 (+400 since Fri 30 Jun 2023)"
    assert ask(herald, command).title.startswith("Already recorded")
    updated = ask(herald, command.replace("2,600", "2,650"))
    assert updated.title.startswith("Updated") and updated.context == ("Replaced 2,600 reported earlier for that day.",)
    with herald.session() as s:
        assert s.scalar(select(func.count()).select_from(CampaignMetric).where(CampaignMetric.name == "page_views")) == 2
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "campaign")))
    assert actions == ["campaign.metric_added", "campaign.metric_updated"]


def test_activity_add_appears_in_the_plan_and_is_audited(herald):
    reply = ask(herald, '/campaign activity add "Be a Councillor" "Roadshow in the North East" date:"next fri" '
                        "channel:Twitter", ALICE)
    assert reply.sections[0].items[0].meta == ("Fri 27 Nov 2026", "x", "planned")
    planned = section(ask(herald, "campaign BaC"), "Next planned").items
    assert [i.title for i in planned][:1] == ["Roadshow in the North East"]
    with herald.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "campaign.activity_add"))
        assert (entry.actor, entry.detail["due_on"]) == (ALICE.user_id, "2026-11-27")


def test_demo_reload_adds_nothing_and_keeps_user_changes(herald, clock):
    ask(herald, '/campaign metric "Be a Councillor" page_views 100')
    with herald.session() as s:
        added = load_demo(s, clock.now(), herald.settings.tz)
        assert not any(added.values()), added
        bac = s.scalar(select(Campaign).where(Campaign.name == "Be a Councillor"))
        assert {(m.name, m.measured_on) for m in bac.metrics} >= {("page_views", date(2026, 11, 23))}


def test_the_bar_from_the_command_line_on_a_fresh_demo(make_app, sqlite_url):
    """`flask --app app demo load` then `flask --app app ask "campaign Be a Councillor"`."""
    flask_app = make_app(sqlite_url)
    runner = flask_app.test_cli_runner()
    with flask_app.app_context():  # as the `flask` command provides
        assert runner.invoke(args=["demo", "load"]).exit_code == 0
        result = runner.invoke(args=["ask", "campaign Be a Councillor"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Campaign: Be a Councillor"
    assert "Status       running (since Wed 1 Feb 2012)" in lines
    assert "• Relaunch reception in the House of Commons  (Wed 1 Feb 2012 · events · done)" in lines
    assert "toolkit downloads  610 on Sat 31 Mar 2012 (+270 since Wed 29 Feb 2012)" in lines


def test_metric_history(herald):
    ask(herald, '/campaign metric "Be a Councillor" toolkit_downloads 580 date:30/04/2012')
    reply = ask(herald, '/campaign metric "Be a Councillor" "toolkit downloads"')
    assert reply.title == "Be a Councillor: toolkit downloads"
    assert [(f.label, f.value) for f in reply.sections[0].facts] == [
        ("Mon 30 Apr 2012", "580 (−30)"), ("Sat 31 Mar 2012", "610 (+270)"), ("Wed 29 Feb 2012", "340")]


def test_new_coverage_is_tagged_to_campaigns_by_keyword(herald, clock):
    from feeds.ingest import classify_and_store
    from feeds.normalize import from_fields
    candidate = from_fields("https://example.org/x", "Why you should stand for what you believe in",
                            "Be a councillor in 2027.", clock.now(), clock.now())
    with herald.session() as s:  # the path every arriving item takes (feeds, webhook, by hand)
        first = classify_and_store(s, [candidate], source="manual", now=clock.now())
        again = classify_and_store(s, [candidate], source="manual", now=clock.now())
        assert len(first.created) == 1 and again.created == []  # once only
        item = s.get(CoverageItem, first.created[0])
        assert [(t.tag, t.campaign_id is not None) for t in item.tags] == [("Be a Councillor", True)]
    reply = ask(herald, "campaign Be a Councillor")
    assert section(reply, "Coverage tagged to it").heading == "Coverage tagged to it (2)"
