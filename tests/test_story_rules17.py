"""Round seventeen of the story evidence (issue 19, recall): one ruling told from its two sides (an inspector's
go-ahead and the council's lost appeal; a claim won and the council's tribunal defeat) names one event, while an
appeal lodged and the appeal decided stay two; figures of two kinds within hours, about one council, are one matter's
figures told two ways, not a veto."""
from __future__ import annotations

import pytest

from models.story_events import different_events, headline_events
from models.story_evidence import evidence
from models.story_figures import figure_kinds, figures_of_two_kinds
from tests.story_items import story_item


@pytest.mark.parametrize("title", [
    "Inspector gives go-ahead to 300 homes at Northfield",
    "Planning inspector allows 80 flats despite Westvale objections",
    "Eastborough loses appeal over Mill Lane housing",
    "Westvale's refusal of 120 homes overturned",
    "Eastborough wins appeal over warehouse scheme",
    "Warehouse appeal dismissed",
    "Former finance director wins unfair dismissal claim against council",
    "Southvale to repay grant after High Court defeat",
    "Northshire 'will learn lessons' after tribunal loss",
    "Inspector overrules Westvale on green belt homes",
])
def test_a_decided_appeal_or_claim_is_a_ruling(title):
    assert headline_events(title) == {"court ruling"}


@pytest.mark.parametrize("title_a, title_b", [
    ("Inspector gives go-ahead to 300 homes at Northfield", "Eastborough loses appeal over Northfield homes"),
    ("Warehouse appeal dismissed", "Eastborough wins appeal over warehouse scheme"),
    ("Care worker wins race discrimination claim against council", "Northshire 'reviewing' tribunal defeat"),
    ("Judge rules Southvale acted unlawfully over grant", "Southvale to repay grant after losing appeal"),
])
def test_one_ruling_told_from_two_sides_is_one_event(title_a, title_b):
    assert not different_events(headline_events(title_a), headline_events(title_b))


@pytest.mark.parametrize("title_a, title_b", [
    # an appeal lodged and the appeal decided are two events
    ("Developer appeals Westvale refusal of riverside flats", "Inspector allows 190 riverside flats"),
    ("Appeal lodged over solar farm refusal", "Inspector allows solar farm near Eastbridge"),
    # a council's own approval and an inspector's ruling on another scheme are two
    ("Northshire approves new quarry near Eastbridge", "Inspector allows quarry extension at Southmoor"),
])
def test_an_appeal_brought_and_decided_are_still_two_events(title_a, title_b):
    assert different_events(headline_events(title_a), headline_events(title_b))


@pytest.mark.parametrize("title", [
    "Planning inspector finds Westvale local plan unsound",  # an examination, no appeal decided
    "Westvale golf course closures overturned",  # the council's own U-turn, no ruling
    "Ofsted inspector praises Northfield school",
])
def test_no_ruling_without_an_appeal_decided(title):
    assert "court ruling" not in headline_events(title)


@pytest.mark.parametrize("title, kinds", [
    ("Westvale sets 4.99% council tax rise", {"share"}),
    ("Band D bill in Westvale passes £2,300", {"money"}),
    ("300 jobs to go in Eastborough", {"count"}),
    ("Eastborough agrees £28m cuts and 300 job losses", {"money", "count"}),
    ("Eastborough budget for 2026", set()),  # a year is no figure
])
def test_figure_kinds(title, kinds):
    assert figure_kinds(title) == kinds


def test_one_councils_figures_of_two_kinds_within_hours_are_no_veto():
    share = story_item("Westvale approves 4.99% council tax rise", "Councillors agreed the budget on Monday.", 0,
                       ("WVL",))
    money = story_item("Westvale households face £98 more on Band D bill", "The budget vote was on Monday night.", 6,
                       ("WVL",))
    assert figures_of_two_kinds(share.title, money.title)
    assert evidence(share, money).veto is None
    days_on = story_item(money.title, money.summary, 40, ("WVL",))  # days apart: still two matters' figures
    assert evidence(share, days_on).veto == "different figures in the headlines"


def test_figures_of_one_kind_that_differ_are_still_vetoed():
    one = story_item("Westvale approves £28m of savings", "The budget was agreed on Monday.", 0, ("WVL",))
    other = story_item("Westvale to borrow £40m for new leisure centre", "Cabinet backed the loan.", 5, ("WVL",))
    assert evidence(one, other).veto == "different figures in the headlines"
