"""The twenty-first round of council rules, on headlines written for these tests (none is from a labelled file): a
London neighbourhood standing for its borough, a council giving a decision ("approval from", "scaled back by", "after
Merton backing"), member places' bid beside their metro mayor, three compass councils listed, Scilly, and a town's
county hall acting."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Teddington riverside: council picks developer for flats scheme", ["RIC"]),
    ("Camberwell estate rebuild approved by council", ["SWK"]),
    # a neighbourhood in news that speaks of no council is only a place
    ("Teddington rowing club wins regatta", []),
    ("Man arrested after Camberwell stabbing", []),
])
def test_a_neighbourhood_for_its_borough(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Rugby ground redevelopment wins approval from Wokingham", ["WOK"]),
    ("Museum extension scaled back by Cumberland", ["CBD"]),
    ("Airport expansion plan turned down by Wealden", ["WEA"]),
    ("Tower scheme wins final approval after Lambeth backing", ["LBH"]),
    # a strict name's stance needs another council beside it: Parliament objects too
    ("Holyrood presses ahead with bill despite Westminster objections", []),
    ("London mayor presses ahead with road scheme despite Westminster objections", ["GLA", "WSM"]),
])
def test_a_council_giving_a_decision(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("West Midlands mayor backs Coventry and Solihull bid for tram funding", ["WMCA", "COV", "SOL"]),
    # a member's place after a place word, with no bid, is still the mayor's scene
    ("West Midlands mayor opens new station in Coventry", ["WMCA"]),
])
def test_member_places_bidding_beside_their_mayor(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("North, South and East Ayrshire agree shared waste contract", ["NAY", "SAY", "EAY"]),
    ("North and South Lanarkshire agree bus deal", ["NLK", "SLK"]),
    # compass parts of a county are still parts
    ("Snow warning for North, South and East Kent", []),
])
def test_three_compass_councils_listed(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Devon and Scilly councils sign joint ferry deal", ["DEV", "IOS"]),
    ("Scilly approves new housing plan", ["IOS"]),
])
def test_scilly(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Beverley County Hall approves new bus shelters", ["ERY"]),
    ("Matlock's County Hall signs off SEND budget", ["DBY"]),
    # a county hall lit up is the building's
    ("Matlock County Hall lights up purple", []),
])
def test_a_towns_county_hall_acting(matcher, headline, codes):
    assert matcher.find(headline) == codes
