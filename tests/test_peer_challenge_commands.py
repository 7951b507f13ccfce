"""`/peer-challenge` on a fresh demo: a council's challenge, the numbers, what is due, and bad input."""
import pytest

from bot.plaintext import render_text
from handlers.context import Actor

pytest_plugins = ("tests.programme_fixtures",)  # demo_herald: one shared demo database


def ask(herald, command):
    reply, _ = herald.run_command(command, Actor.cli())
    return reply, render_text(reply)


@pytest.mark.parametrize("command", ["peer-challenge Thurrock", "peer-challenge thurrock council",
                                     "peer challenge Thurrock – status", "cpc Thurock"])
def test_thurrock_shows_its_challenge(demo_herald, command):
    reply, text = ask(demo_herald, command)
    assert reply.title == "Thurrock: corporate report published (1 Nov 2011)" and not reply.is_error
    assert "• [G] on site  (12 Sep 2011)" in text and "• [-] action plan  (not yet)" in text
    assert "Leader and chief executive shared their improvement journey" in text


def test_woking_bc_and_abolished_councils(demo_herald):
    reply, text = ask(demo_herald, "peer-challenge Woking BC")
    assert reply.title == "Woking: corporate report published (1 Sep 2019)"
    reply, text = ask(demo_herald, "peer-challenge Harrogate")
    assert reply.title == "North Yorkshire: no peer challenge on record"
    assert "Harrogate Borough Council was abolished on 1 April 2023; showing its successor" in text
    reply, text = ask(demo_herald, "peer-challenge Cumbria")
    assert reply.is_error and "Did you mean: Cumberland, Westmorland and Furness?" in text


def test_unknown_council_gets_did_you_mean(demo_herald):
    reply, text = ask(demo_herald, "peer-challenge Kingston")
    assert reply.is_error and "I don't know a council called 'Kingston'" in text
    assert "Kingston upon Hull" in text and "Kingston upon Thames" in text


def test_stats_on_the_demo(demo_herald):
    reply, text = ask(demo_herald, "peer-challenge stats")
    facts = {f.label: f.value for f in reply.sections[0].facts}
    assert facts == {
        "Councils offered a challenge": "2", "Councils committed (scheduled or beyond)": "2",
        "On site this month": "0", "Reports published in 2026/27": "0",
        "Progress reviews due (overdue or within 30 days)": "0", "Three-year cycle coverage": "0 of 317 (0%)",
        "Peers signed up": "3"}
    assert "this year = 2026/27 (financial year)" in text


def test_stats_by_region_type_and_year_and_for_one_group(demo_herald):
    reply, _ = ask(demo_herald, "peer-challenge stats region")
    by_region = {s.heading: {f.label: f.value for f in s.facts} for s in reply.sections}
    assert len(by_region) == 9 and by_region["South East"]["Councils offered a challenge"] == "1"
    assert by_region["London"]["Three-year cycle coverage"] == "0 of 33 (0%)"
    assert by_region["London"]["Peers signed up"] == "1"  # Cllr Ruth Cadbury, Hounslow
    reply, _ = ask(demo_herald, "peer-challenge stats type")
    assert {s.heading for s in reply.sections} >= {"Unitary authority", "Non-metropolitan district"}
    reply, text = ask(demo_herald, "peer-challenge stats district")
    assert reply.title == "Peer challenge numbers: Non-metropolitan district"
    assert "0 of 164 (0%)" in text
    reply, text = ask(demo_herald, "peer-challenge stats east of england")
    assert reply.title == "Peer challenge numbers: East of England"
    reply, text = ask(demo_herald, "peer-challenge stats year")
    assert "2011/12  1 offered · 1 on site · 1 reports published" in text


def test_due_lists_nothing_when_all_follow_ups_have_lapsed(demo_herald):
    reply, text = ask(demo_herald, "peer-challenge due")
    assert reply.title == "Nothing due in the next 30 days" and "lapsed" in text


@pytest.mark.parametrize("command, message", [
    ("peer-challenge", "Which council?"),
    ("peer-challenge stats purple", "'purple' is not a region, council type or breakdown"),
    ("peer-challenge update Woking", "Say which stage"),
    ("peer-challenge update on site", "Say which council comes first"),
    ("peer-challenge update Woking report published 1 Jan 2099", "is in the future"),
    ("peer-challenge update Woking on site 31/02/2023", "not a date"),
    ("peer-challenge update Woking on site kind:gardening", "not a kind of challenge"),
    ("peer-challenge update Wigan on site days:lots", "days:lots is not a number"),
    ("peer-challenge Thurrock lead:x", "only works with /peer-challenge update"),
])
def test_bad_input_gets_usage_and_an_example(demo_herald, command, message):
    reply, text = ask(demo_herald, command)
    assert reply.is_error and message in text and "Usage" in text and "Examples" in text


def test_overlong_details_are_refused_before_anything_is_saved(demo_herald):
    reply, text = ask(demo_herald, f'peer-challenge update Woking on site lead:"{"x" * 201}"')
    assert reply.is_error and "lead is longer than 200 characters" in text
