"""Round eighteen of the story evidence (issue 19, recall): a rounded figure ("almost £20m") is the exact one the other
item gives ("£18.4m"); a scheme's value and its homes, both headlines telling the one council's approval, are one
matter's figures told two ways within two days; commissioners or a panel to step or stand down end an intervention;
leave to borrow to balance the books is a bailout; a planning appeal lost by the council and won by the scheme is
one ruling; two services graded by their inspectors are two reports."""
from __future__ import annotations

import pytest

from models.story_events import events
from models.story_evidence import evidence
from models.story_figures import approximate_figures, roughly_agree
from models.story_outcomes import outcomes_apart
from tests.story_items import story_item

FIGURES = "different figures in the headlines"


@pytest.mark.parametrize("title, other, agree", [
    ("Westvale overspending by almost £20m as care costs rise", "Westvale forecasts £18.4m overspend", True),
    ("Northshire faces nearly £100m black hole", "The gap is put at £98.6m over three years.", True),
    ("Council earned close to £20m in interest", "Interest brought in £18.3m last year.", True),
    ("Eastborough spent more than £600m on adult care", "Spending reached £640m.", True),
    ("Westvale overspending by almost £20m", "Children's services are £14m over budget.", False),  # not a tenth
    ("Westvale overspending by £20m", "Westvale forecasts £18.4m overspend", False),  # not a rounding
    ("Nearly 20% of roads in poor condition", "The council will spend £19m on roads.", False),  # a share, not money
])
def test_a_rounded_figure_agrees_within_a_tenth(title, other, agree):
    assert roughly_agree(title, other) is agree


def test_only_rounded_figures_are_read():
    assert approximate_figures("Almost £20m over budget, with £3m of savings") == {(2e7, 1e6)}


def test_a_rounded_figure_lifts_the_figures_veto():
    one = story_item("Westvale forecasts £18.4m overspend", "Placements cost more.", 0, ("WVL",))
    other = story_item("Westvale overspending by almost £20m", "Councillors heard of the care costs.", 4, ("WVL",))
    assert evidence(one, other).veto is None
    far = story_item("Westvale overspending by almost £30m", "Councillors heard of the care costs.", 4, ("WVL",))
    assert evidence(one, far).veto == FIGURES


def test_a_schemes_value_and_its_homes_approved_are_one_matter():
    value = story_item("Homebuilder gets green light for £80m Northfield estate",
                       "The scheme has been approved by Westvale District Council.", 0, ("WVL",))
    homes = story_item("Westvale approves 400 homes at Northfield", "Councillors approved the plans.", 20, ("WVL",))
    assert evidence(value, homes).veto is None
    later = story_item(homes.title, homes.summary, 60, ("WVL",))  # beyond two days: two matters' figures
    assert evidence(value, later).veto == FIGURES
    other_council = story_item(homes.title, homes.summary, 20, ("EBR",))
    assert evidence(value, other_council).veto is not None


@pytest.mark.parametrize("title", [
    "Westvale commissioners to step down a year early",
    "Improvement and assurance panel to stand down next spring",
    "Northshire's commissioners to stand down after turnaround",
])
def test_commissioners_standing_down_end_an_intervention(title):
    assert events(title) == {"intervention ends"}


@pytest.mark.parametrize("title", [
    "Westvale gets go-ahead to borrow £40m to balance books",
    "Eastborough's £30m borrowing approved by ministers",
    "Northshire given permission to borrow to cover running costs",
])
def test_leave_to_borrow_is_a_bailout(title):
    assert "bailout" in events(title)


def test_leader_to_step_down_is_no_event():
    assert events("Westvale leader to step down in May") == frozenset()


def test_two_services_graded_are_two_reports():
    adults = story_item("Westvale adult social care gets 'good' rating", "The CQC praised the council.", 0, ("WVL",))
    children = story_item("Westvale children's services told they 'require improvement to be good'",
                          "Ofsted found help for children in need too variable.", 8, ("WVL",))
    assert evidence(adults, children).veto == "inspections of two services (adult social care / children's services)"


@pytest.mark.parametrize("title_a, title_b", [
    ("Westvale loses appeal over Northfield homes", "Northfield 190-home scheme wins on appeal"),
    ("Eastborough wins appeal over warehouse", "Developer loses appeal over Eastborough warehouse"),
])
def test_an_appeals_two_sides_are_one_ruling(title_a, title_b):
    assert outcomes_apart(title_a, title_b) is None


@pytest.mark.parametrize("title_a, title_b", [
    ("Westvale wins planning appeal", "Westvale loses planning appeal"),
    ("Developer wins appeal over Northfield homes", "Developer loses appeal over Southmoor flats"),
])
def test_one_sides_two_outcomes_stay_two_results(title_a, title_b):
    assert outcomes_apart(title_a, title_b) is not None
