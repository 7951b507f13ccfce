"""The twenty-third round of council rules, on headlines written for these tests (none is from a labelled file): a
council's leader named alone, "Khan" alone for the Mayor of London, a stance won or a decision called in, London's
City Hall and "the Mayor" beside a borough, Westminster joined to a borough, a county's scheme in a district's centre,
a name acting after a label's colon, a possessive's bid beside its metro mayor, and an abolished council's place
beside its successor's combined authority."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    # a council's leader or elected mayor by full name is the council
    ("Susan Aitken defends city's low emission zone", ["GLG"]),
    ("Tim Oliver: Surrey reorganisation will save millions", ["SRY"]),
    ("Lutfur Rahman to scrap low traffic neighbourhoods", ["TWH"]),
    ("Sheffield council leader Tom Hunt sets out budget", ["SHF"]),
    # "Khan" alone, with no forename or title, is the Mayor of London
    ("Khan's congestion charge rise comes into force", ["GLA"]),
    ("Khan and Brabin demand bus powers", ["GLA", "WYCA"]),
    ("Mayor Khan launches rough sleeping fund", ["GLA"]),
    # another Khan: a forename or title before, a place after
    ("Amir Khan opens boxing gym", []),
    ("Councillor Khan cleared of misconduct", []),
    ("Aid convoy reaches Khan Younis", []),
])
def test_a_leader_or_mayor_named_alone(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a stance won is the council's; a decision called in or overturned is the council's
    ("Rugby club secures Wandsworth backing for new stand", ["WND"]),
    ("Arena wins Salford approval for second hall", ["SLF"]),
    ("Minister calls in Bristol harbourside flats approval", ["BST"]),
    ("High Court quashes Kirklees warehouse permission", ["KIR"]),
    # a strict name is still Parliament without another council
    ("Holyrood bill wins Westminster approval", []),
])
def test_a_stance_won_or_a_decision_called_in(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("London's City Hall backs new river crossing", ["GLA"]),
    ("London's City Hall opens to visitors for heritage weekend", ["GLA"]),
    ("Belfast City Hall lights up for Pride", []),
    # "the Mayor" with a capital beside a borough's council is London's; "the Mayor of …" is the borough's own
    ("Camden council signs housing pact with the Mayor", ["CMD", "GLA"]),
    ("Camden council honours the Mayor of Camden", ["CMD"]),
    # Westminster joined to a London borough found as its council is the borough
    ("Islington and Westminster back joint recycling deal", ["ISL", "WSM"]),
    ("Westminster and Holyrood clash over budget", []),
])
def test_londons_city_hall_mayor_and_westminster(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a county's scheme in a district's town or city centre is the county's
    ("Norfolk bus gates to open in Norwich city centre", ["NFK"]),
    ("Kent to widen pavements in Canterbury city centre", ["KEN"]),
    # a district acting itself is still the district
    ("Norwich approves city centre flats", ["NOW"]),
])
def test_a_countys_scheme_in_a_districts_centre(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a name opening the clause after a label's colon, a council's verb after it, acts
    ("Arsenal training ground: Enfield approves new pitches", ["ENF"]),
    ("Old Pier Hotel site: Mid Devon signs sale agreement", ["MDE"]),
    # sport news after the colon stays sport
    ("Cup round-up: Bury beats Wigan in league thriller", []),
])
def test_a_name_acting_after_a_labels_colon(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a member place's possessive bid beside its metro mayor is its council bidding
    ("Brabin backs Kirklees's bid for new leisure centre funding", ["WYCA", "KIR"]),
    # an abolished council's place beside its successor's combined authority is a place in its area
    ("Mayor David Skaith backs Harrogate station upgrade", ["YNYC"]),
])
def test_a_metro_mayors_places(matcher, headline, codes):
    assert matcher.find(headline) == codes
