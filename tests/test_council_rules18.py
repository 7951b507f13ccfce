"""The eighteenth round of council rules, on headlines written for these tests (none is from a labelled file): a
journey's word a few words after its two ends, two councils paired by their tiers acting together, a council's
people by its hall ("town hall bosses", "county hall staff"), a plan decided by councillors beside a mayor calling
it in, a quantity opening the text, and residents sandbagging homes as a flood's story."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    # the journey's word need not follow the far end at once
    ("Leeds to York express coach axed", []),
    ("Derby to Nottingham cycle path reopens after resurfacing", []),
    ("Hull to Beverley greenway extended", []),
    ("Coventry to Warwick cycle trail wins award", []),
    # a council's word ends the search: the places are councils talking
    ("Leeds to Bradford council talks stall", ["LDS", "BRD"]),
])
def test_a_journeys_ends(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Derby City and Derbyshire County agree joint bus plan", ["DER", "DBY"]),
    ("Derbyshire County and Derby City agree joint bus plan", ["DBY", "DER"]),
    ("Nottinghamshire and Nottingham City at odds over tram funding", ["NTT", "NGM"]),
    # clubs paired with clubs are still clubs
    ("Hull City and Hull KR fans clash", []),
    ("Cheshire East and Crewe Town fans clash", []),
])
def test_two_councils_paired_by_their_tiers(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Town hall chiefs in Skegness cut opening hours", ["ELI"]),
    # a town's county hall is its county's, in a two-tier area
    ("County hall staff in Matlock face pay freeze", ["DBY"]),
    # a hall with no council's people after it is a venue
    ("Concert at Huddersfield town hall sells out", []),
])
def test_a_councils_people_by_its_hall(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Mayor of London calls in Barnet housing scheme refused by councillors", ["GLA", "BNE"]),
    ("Mayor of London visits Croydon tram stop", ["GLA"]),
])
def test_a_plan_decided_by_councillors_beside_a_mayor(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("20mph limits to cover every Kirklees estate road by 2027", ["KIR"]),
    ("3M expands Bracknell plant", []),
])
def test_a_quantity_opening_the_text(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("River Severn in Worcester rises as residents sandbag doors", []),
    ("Council gives out sandbags in Shrewsbury", ["SHR"]),
])
def test_sandbagging_homes_is_a_floods_story(matcher, headline, codes):
    assert matcher.find(headline) == codes
