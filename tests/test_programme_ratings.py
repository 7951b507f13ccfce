"""Ratings as people write them, and which way a change goes."""
import pytest

from models.programme import RatingError, initials, parse_rating, rating_change, squash


@pytest.mark.parametrize("written, rating", [
    ("Red", "red"), ("R", "red"), ("r", "red"), ("amber", "amber"), ("A", "amber"), (" GREEN ", "green"),
    ("Amber/Green", "amber_green"), ("amber-green", "amber_green"), ("A/G", "amber_green"), ("AG", "amber_green"),
    ("Green/Amber", "amber_green"), ("Amber/Red", "amber_red"), ("red amber", "amber_red"), ("RA", "amber_red"),
    ("", "not_rated"), (None, "not_rated"), ("n/a", "not_rated"), ("Not rated", "not_rated"),
])
def test_ratings_as_written(written, rating):
    assert parse_rating(written) == rating


@pytest.mark.parametrize("written", ["Purple", "Red/Green", "RAG", "amber green red", "5"])
def test_what_is_not_a_rating_says_what_is(written):
    with pytest.raises(RatingError, match="red, amber, green"):
        parse_rating(written)


def test_change_between_reviews():
    assert rating_change("red", "amber") == 1
    assert rating_change("green", "amber_green") == -1
    assert rating_change("amber", "amber") == 0
    assert rating_change(None, "green") == 0
    assert rating_change("not_rated", "red") == 0


def test_names_reduced_for_matching():
    assert squash("LG Inform") == squash("LGInform") == squash("lg-inform") == "lginform"
    assert initials("National Graduate Development Programme") == "ngdp"
    assert initials("Be a Councillor") == "bc"
