"""The one-line `/press` and `/campaign` grammar: every example in the issue, and the malformed ones.

Error messages are compared exactly: they are what the person reads. Each error names the form
field at fault, which is how the Slack form shows it beside the right input.
"""
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select

from models.press import PressActivity
from tests.press_fixtures import ALICE, ask, demo_herald, demo_sqlite_template, error_of, logged_id  # noqa: F401


@pytest.fixture
def herald(demo_herald):
    """Demo data on SQLite (the grammar does not depend on the database)."""
    return demo_herald


def logged(herald, command: str) -> PressActivity:
    press_id = logged_id(ask(herald, command))
    with herald.session() as s:
        return s.get(PressActivity, press_id)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_the_design_example_logs_a_statement_with_outlet_and_spokesperson(herald):
    activity = logged(herald, '/press log statement "Response to Oflog launch" outlet:LGC spokesperson:"Cllr Abi Brown"')
    assert (activity.kind, activity.title, activity.outlet_name, activity.spokesperson) == (
        "statement", "Response to Oflog launch", "LGC", "Cllr Abi Brown")
    assert activity.outlet_id is not None  # matched to the known outlet
    assert activity.occurred_at == utc(2026, 11, 23, 9, 0)  # no date: now
    assert (activity.logged_by, activity.platform) == (ALICE.user_id, "slack")


def test_smart_quotes_as_slack_and_word_type_them(herald):
    activity = logged(herald, "press log interview \u201cCllr Abi Brown on Oflog\u201d outlet:\u201cThe MJ\u201d")
    assert (activity.kind, activity.title, activity.outlet_name) == ("interview", "Cllr Abi Brown on Oflog", "The MJ")


@pytest.mark.parametrize("command, kind, occurred_at", [
    ('press log "press release" "Sector support offer" date:today', "press release", utc(2026, 11, 23, 9, 0)),
    ('press log release "Sector support offer" date:"tomorrow 10am"', "press release", utc(2026, 11, 24, 10, 0)),
    ('press log exclusive "Leadership offer with Solace" date:17/02/2011', "exclusive", utc(2011, 2, 17, 9, 0)),
    ('press log briefing "Background on assurance" date:17.02.11', "briefing", utc(2011, 2, 17, 9, 0)),
    ('press log article or op-ed "New era of regulation" date:"Tue 00:01"', "article", utc(2026, 11, 17, 0, 1)),
    ('press log op-ed "New era of regulation"', "article", utc(2026, 11, 23, 9, 0)),
    ('press log podcast "The Local Authority Podcast"', "podcast", utc(2026, 11, 23, 9, 0)),
    ('press log broadcast "Sky News on the census"', "broadcast", utc(2026, 11, 23, 9, 0)),
    ('press log event "Innovation Zone"', "event", utc(2026, 11, 23, 9, 0)),
    ('press log response "Reply to the audit proposals"', "response", utc(2026, 11, 23, 9, 0)),
])
def test_every_type_and_forgiving_dates(herald, command, kind, occurred_at):
    activity = logged(herald, command)
    assert (activity.kind, activity.occurred_at) == (kind, occurred_at)


def test_programme_campaign_link_and_embargo_options(herald):
    activity = logged(herald, 'press log "press release" "Be a Councillor toolkit" programme:"LG Inform" '
                              'campaign:BaC link:https://www.local.gov.uk/news/toolkit embargo:"Tue 00:01"')
    with herald.session() as s:
        activity = s.merge(activity)
        assert activity.campaign_id is not None and activity.programme_id is not None
        assert activity.link == "https://www.local.gov.uk/news/toolkit"
        assert activity.embargo_until == utc(2026, 11, 24, 0, 1)


def test_embargo_on_a_bare_day_lifts_at_one_minute_past_midnight(herald):
    activity = logged(herald, 'press log "press release" "Toolkit" embargo:Thursday')
    assert activity.embargo_until == utc(2026, 11, 26, 0, 1)


@pytest.mark.parametrize("command, message, field", [
    ("press log", "Say what you are logging: a type and a title in quotes.", "type"),
    ('press log statement "Response to Oflog', 'There is an unclosed quote: "Response to Oflog', None),
    ('press log pressrelease "Launch"', '"pressrelease" is not a type of press activity. Did you mean press release? '
     "Types: press release, statement, response, interview, exclusive, briefing, article (op-ed), podcast, "
     "broadcast, event, evidence (to a select committee).", "type"),
    ('press log tweet "Launch"', '"tweet" is not a type of press activity. Types: press release, statement, '
     "response, interview, exclusive, briefing, article (op-ed), podcast, broadcast, event, evidence (to a select "
     "committee).", "type"),
    ("press log statement", 'Give the title in quotes after the type, e.g. "Response to Oflog launch".', "title"),
    ('press log statement "Launch" date:31/02/2024',
     'date: "31/02/2024" is not a date I can read (try 17/02/2011, "tomorrow 10am" or "Tue 00:01")', "date"),
    ('press log statement "Launch" date:"Tue 25:00"', "date: \"Tue 25:00\" has a time I can't read: use 10am or 10:00",
     "date"),
    ('press log statement "Launch" embargo:"17/02/2011 00:01"',
     "embargo: Thu 17 Feb 2011 00:01 has already passed; an embargo must lift in the future.", "embargo"),
    ('press log statement "Launch" link:www.lgcplus.com',
     'link: "www.lgcplus.com" is not a web address (start it with https://)', "link"),
    ('press log statement "Launch" outlett:LGC', '"outlett:" is not an option of /press log. Options: campaign:, '
     "date:, embargo:, link:, notes:, outlet:, programme:, spokesperson:.", None),
    ('press log statement "Launch" LGC', "I didn't understand 'LGC' after the title. Put options as key:value, "
     "e.g. outlet:LGC.", "title"),
])
def test_malformed_press_log_says_exactly_what_is_wrong(herald, command, message, field):
    reply = ask(herald, command)
    assert error_of(reply) == message
    assert reply.error_field == field
    assert any(s.heading == "Usage" for s in reply.sections)  # and how to say it


def test_unknown_campaign_and_programme_suggest_the_nearest(herald):
    reply = ask(herald, 'press log statement "Launch" campaign:"Be a Chancellor"')
    assert error_of(reply) == 'I don\'t know the campaign "Be a Chancellor".\nDid you mean: Be a Councillor?'
    reply = ask(herald, 'press log statement "Launch" programme:"Knowledge Bank"')
    assert error_of(reply) == 'I don\'t know the programme "Knowledge Bank".\nDid you mean: Knowledge Hub?'
    assert reply.error_field == "programme" and reply.is_error  # a form shows it on that field
    with herald.session() as s:  # nothing was logged by the failed commands
        assert not s.scalar(select(PressActivity).where(PressActivity.title == "Launch"))


@pytest.mark.parametrize("command, message, field", [
    ("press show twelve", '"twelve" is not a press activity number', None),
    ("press show 999", "There is no press activity #999 that you can see.", None),
    ("press edit 1", "Say what to change, as key:value: campaign:, date:, embargo:, link:, notes:, outlet:, "
     "programme:, spokesperson:, title:, type:", None),
    ("press list next decade", "I don't know the period 'next decade'. Try a period such as this week, last month, "
     "Q1 2023/24 or 2023/24.", None),
    ("press frobnicate", 'I don\'t know "/press frobnicate". Use log, list, show, edit, delete, restore, link or unlink.', None),
    ("press link 1", "Give the press activity number and the coverage number: /press link 12 345", None),
])
def test_malformed_press_commands(herald, command, message, field):
    reply = ask(herald, command)
    assert error_of(reply) == message
    assert reply.error_field == field


@pytest.mark.parametrize("command, message, field", [
    ('campaign activity add "Be a Councillor"', "Give the campaign and the activity, each in quotes "
     "(the activity is missing).", "activity"),
    ('campaign activity add "Be a Councillor" "Roadshow"', "Give the activity's date, e.g. date:17/02/2011.", "date"),
    ('campaign activity add "Be a Councillor" "Roadshow" date:32/01/2027',
     'date: "32/01/2027" is not a date I can read (try 17/02/2011, "tomorrow 10am" or "Tue 00:01")', "date"),
    ('campaign activity add "Be a Councillor" "Roadshow" date:tomorrow status:maybe',
     'status: "maybe" is not a status (use planned, done or cancelled)', "status"),
    ('campaign metric "Be a Councillor" page_views lots', '"lots" is not a number (e.g. 2200 or 2,200).', "value"),
    ('campaign metric "Be a Councillor" 2200', "Give the campaign, the metric and its value.", None),
    ('campaign metric "Be a Councillor" page_views 10 date:tomorrow',
     "date: a metric is reported for today or a day that has passed.", "date"),
])
def test_malformed_campaign_commands(herald, command, message, field):
    reply = ask(herald, command)
    assert error_of(reply) == message
    assert reply.error_field == field


def test_unknown_campaign_in_campaign_commands_suggests(herald):
    for command in ('campaign activity add "Be a Chancellor" "Roadshow" date:tomorrow',
                    'campaign metric "Be a Chancellor" page_views 10', "campaign Be a Chancellor"):
        assert error_of(ask(herald, command)) == 'I don\'t know the campaign "Be a Chancellor".\nDid you mean: Be a Councillor?'


def test_the_issue_campaign_examples(herald):
    reply = ask(herald, '/campaign activity add "Be a Councillor" "Letters to ministers" date:17/02/2027 status:planned')
    assert reply.title == "Added to Be a Councillor" and not reply.is_error
    reply = ask(herald, '/campaign activity add "Taking the Lead launch" "Trade media" date:17.02.11 status:done')
    assert reply.sections[0].items[0].meta == ("Thu 17 Feb 2011", "done")
    reply = ask(herald, '/campaign metric "Sector support offer launch 2023/24" page_views 2200 date:30/06/2023')
    assert reply.title == "Already recorded for Sector support offer launch 2023/24"  # the demo has it
    reply = ask(herald, '/campaign metric "Be a Councillor" page_views 2,200')
    assert reply.title == "Recorded for Be a Councillor"
    assert reply.sections[0].facts[0].value == "2,200 on Mon 23 Nov 2026 (first report)"


def run_form(herald, submit, fields):
    """Submit a form the way the Slack modal does: fields in, Reply or a field-named error out."""
    from handlers.context import Context
    with herald.session() as s:
        ctx = Context(session=s, actor=ALICE, clock=herald.clock, settings=herald.settings)
        return submit(fields, ctx)


def test_the_press_form_is_checked_by_the_same_code_and_names_the_field(herald):
    from handlers.errors import NotFound, UsageError
    from handlers.press import press_log_form
    from handlers.press_grammar import PressFields
    reply = run_form(herald, press_log_form, PressFields(type="Press release", title='A "quoted" title',
                                                         outlet="LGC", embargo="Tue 00:01"))
    assert reply.title.startswith("Logged press release #")
    with pytest.raises(UsageError) as caught:
        run_form(herald, press_log_form, PressFields(type="statement", title="x", date="31/02/2024"))
    assert caught.value.field == "date"
    with pytest.raises(UsageError) as caught:
        run_form(herald, press_log_form, PressFields(type="statement", title="  "))
    assert (str(caught.value), caught.value.field) == ("The title is empty.", "title")
    with pytest.raises(NotFound) as caught:
        run_form(herald, press_log_form, PressFields(type="statement", title="x", campaign="Be a Chancellor"))
    assert (caught.value.suggestions, caught.value.field) == (("Be a Councillor",), "campaign")


def test_the_campaign_activity_form(herald):
    from handlers.campaign import ActivityFields, activity_add_form
    from handlers.errors import UsageError
    reply = run_form(herald, activity_add_form, ActivityFields("BaC", "Roadshow", "17/02/2027", "planned"))
    assert reply.title == "Added to Be a Councillor"
    with pytest.raises(UsageError) as caught:
        run_form(herald, activity_add_form, ActivityFields("BaC", "Roadshow", "17/02/2027", "someday"))
    assert caught.value.field == "status"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from('ab1:/" \u201c\u201d\'#.-date:embargo:campaign:'), max_size=40))
def test_no_input_gets_an_apology_instead_of_an_answer(herald, tail):
    """Whatever is typed, the answer is a reply or a usage error: never "something went wrong"."""
    for command in (f"press log statement {tail}", f"press edit 1 {tail}", f"press list {tail}",
                    f"campaign metric {tail}", f"campaign activity add {tail}"):
        reply = ask(herald, command)
        assert reply.title != "Sorry, something went wrong", command
