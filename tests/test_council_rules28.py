"""The twenty-eighth round of council rules, on headlines written for these tests (none is from a labelled file):
the nations' ombudsmen and Wales's schools inspector as watchdogs of councils; the second of two councils listed,
and its plural verb before a preposition; places a council owns and runs by their own names; a member council
handed a sum by its metro mayor; two regions before "mayors"; Shropshire's Shirehall; island towns missing from the
towns' table; a council's school crossing patrols and school support staff."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("SPSO upholds complaint against Moray over school transport refusal", ["MRY"]),
    ("PSOW criticises Newport over delayed repairs", ["NWP"]),
    ("Estyn raises concerns over Powys education service", ["POW"]),
])
def test_an_ombudsman_or_inspector_heading_its_finding_on_a_council(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Fife and Dumfries and Galloway call for more road repair funding", ["DGY", "FIF"]),
    ("Angus and Perth and Kinross call on ministers to fund ferry links", ["ANS", "PKN"]),
])
def test_the_second_of_two_councils_listed_calls_for_something(matcher, headline, codes):
    assert sorted(matcher.find(headline)) == codes


def test_a_call_centre_after_the_second_place_is_no_councils_verb(matcher):
    assert "BRD" not in matcher.find("Leeds and Bradford call centre staff win pay rise")


@pytest.mark.parametrize("headline, codes", [
    ("Madeira Terrace arches reopen to the public", ["BNH"]),
    ("Torbay's Oldway Mansion gets new tenant", ["TOB"]),
    ("Cowes floating bridge back in service after repairs", ["IOW"]),
    ("Stockport's Produce Hall traders given rent holiday", ["SKP"]),
])
def test_a_place_a_council_owns_and_runs_by_its_own_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Andy Burnham hands Bolton £12m for new homes", ["BOL", "GMCA"]),
    ("Richard Parker gives Walsall £8m for town centre revamp", ["WLL", "WMCA"]),
])
def test_a_member_council_handed_a_sum_by_its_mayor(matcher, headline, codes):
    assert sorted(matcher.find(headline)) == codes


def test_a_place_in_the_mayors_news_without_a_sum_stays_a_place(matcher):
    assert matcher.find("Andy Burnham visits Bolton market") == ["GMCA"]


@pytest.mark.parametrize("headline", [
    "North East and Tees Valley mayors meet over bus franchising",
    "Tees Valley and North East mayors back joint port plan",
])
def test_two_regions_before_mayors(matcher, headline):
    assert sorted(matcher.find(headline)) == ["NECA", "TVCA"]


def test_shirehall_is_shropshires_headquarters(matcher):
    assert matcher.find("Shirehall bosses agree to sell car park") == ["SHR"]


@pytest.mark.parametrize("headline, codes", [
    ("Stromness harbour repairs approved by council", ["ORK"]),
    ("Hugh Town seafront wall to be rebuilt, council says", ["IOS"]),
    ("Rothesay pavilion reopening delayed again, council admits", ["AGB"]),
    ("Ventnor cliff path closed by council after landslip", ["IOW"]),
])
def test_an_island_town_in_a_councils_news(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("GMB ballots Wigan school support staff over pay", ["WGN"]),
    ("Stockton school crossing patrols to be cut", ["STT"]),
])
def test_a_councils_school_staff_and_patrols(matcher, headline, codes):
    assert matcher.find(headline) == codes
