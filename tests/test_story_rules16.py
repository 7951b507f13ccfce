"""Round sixteen of the story evidence (issue 19, precision): a headline telling only a closure beside one telling
only something new (built, opened) is one council's two matters of one kind, never one event told two ways; a
closure for a time, or one ruled out, is no closure here."""
from __future__ import annotations

import pytest

from models.story_closures import closure_beside_new
from models.story_evidence import evidence
from tests.story_items import story_item


@pytest.mark.parametrize("title_a, title_b, expected", [
    ("Eastborough to shut two day centres", "New day centre opens in Eastborough", "closure / new"),
    ("Council approves new leisure centre for Westport", "Westport swimming pool closure confirmed", "new / closure"),
    ("Northshire closes three rural libraries", "Northshire to build library hub in market town", "closure / new"),
    ("Care home closures spark concern in Southvale", "Southvale opened new care home last spring", "closure / new"),
])
def test_a_closure_beside_something_new_is_two_matters(title_a, title_b, expected):
    assert closure_beside_new(title_a, title_b) == expected


@pytest.mark.parametrize("title_a, title_b", [
    # a closure for a time is the works the other headline tells as a revamp
    ("Town museum to close for a year for refurbishment", "Museum's £8m revamp gets go-ahead"),
    ("Westport theatre to close for repairs", "New roof for Westport theatre approved"),
    # a closure ruled out is no closure
    ("Mayor: the airport will not close", "New owner for the airport confirmed"),
    # both headlines tell both sides: one plan told twice
    ("Two schools to close and new academy to open", "New academy to replace closing schools"),
    # neither is new: one closure told twice
    ("Eastborough to close day centres", "Day centre closures approved in Eastborough"),
])
def test_no_closure_against_new(title_a, title_b):
    assert closure_beside_new(title_a, title_b) is None


def test_one_councils_closure_and_new_school_are_vetoed():
    closing = story_item("Northshire approves closure of four village primaries",
                         "Northshire County Council's cabinet agreed the closures after falling rolls.", 0, ("NSH",))
    building = story_item("Northshire approves new secondary school for Eastbridge",
                          "Northshire County Council will build a 900-place school by 2029.", 20, ("NSH",))
    assert evidence(closing, building).veto == "a closure beside something new (closure / new)"


def test_one_closure_told_twice_is_not_vetoed_by_it():
    one = story_item("Northshire approves closure of four village primaries",
                     "Northshire County Council's cabinet agreed the closures after falling rolls.", 0, ("NSH",))
    two = story_item("Four Northshire village schools to shut",
                     "Cabinet members backed closing the primaries, which have fewer than 40 pupils each.", 5, ("NSH",))
    assert not (evidence(one, two).veto or "").startswith("a closure beside")
