"""The twenty-sixth round of council rules, on headlines written for these tests (none is from a labelled file): a
civic head's office and a council's committees after its place, a participle of change opening the text, a
county hall's review, academy trusts and housing associations by their kind, councils listed closing or sharing a
service, headquarters after a place's possessive, a pair of councils written short, a place and its metro mayor
named after it acting together, and a place's party group in the council's business."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Leeds Lord Mayor opens new library wing", ["LDS"]),
    ("Green councillor sworn in as Glasgow Lord Provost", ["GLG"]),
    ("Harrow scrutiny committee calls in leisure centre deal", ["HRW"]),
    ("Bury planning committee defers decision on warehouse", ["BUR"]),
])
def test_civic_heads_and_committees_after_a_place(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_the_lord_lieutenant_is_no_council_office(matcher):
    assert matcher.find("Essex Lord Lieutenant presents honours") == []


@pytest.mark.parametrize("headline, codes", [
    ("Rising demand forces Hackney to consult on care cuts", ["HCK"]),
    ("Soaring costs push Wandsworth to consult on parking charges", ["WND"]),
])
def test_a_participle_of_change_opening_the_text_names_no_organisation(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_county_halls_review_is_the_county_councils(matcher):
    assert matcher.find("County Hall in Trowbridge announces review of care homes") == ["WIL"]


@pytest.mark.parametrize("headline", [
    "Academy trust to close Bolton primary school",
    "Housing association fined over mould in Woking flats",
])
def test_a_trust_or_housing_association_by_its_kind_is_not_the_council(matcher, headline):
    assert matcher.find(headline) == []


def test_a_council_beside_a_housing_association_is_still_the_council(matcher):
    assert matcher.find("Woking Borough Council and housing association agree repairs deal") == ["WOI"]


@pytest.mark.parametrize("headline, codes", [
    ("Moray and Angus close schools as blizzard hits", ["MRY", "ANS"]),
    ("Harrow, Brent and Barnet end shared legal service", ["HRW", "BEN", "BNE"]),
])
def test_councils_listed_closing_or_sharing_a_service(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Leeds's Merrion House to shed 100 posts", ["LDS"]),
    ("Mossley Mill staff offered voluntary redundancy", ["ANN"]),
])
def test_a_councils_headquarters_by_its_own_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Cardiff and Vale councils agree joint bus contract", ["CRF", "VGL"]),
    ("South and Vale councils to share planning team", ["SOX", "VAL"]),
])
def test_a_pair_of_councils_written_short(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_health_boards_pair_is_not_the_councils(matcher):
    assert matcher.find("Cardiff and Vale University Health Board cuts beds") == []


@pytest.mark.parametrize("headline, codes", [
    ("Wirral and the Liverpool City Region mayor clash over bus fares", ["WRL", "LCR"]),
    ("Stockport and Andy Burnham agree housing deal", ["SKP", "GMCA"]),
])
def test_a_place_and_its_mayor_named_after_it_acting(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_mayors_place_with_no_shared_verb_is_the_place(matcher):
    assert matcher.find("Andy Burnham promises Stockport tram extension") == ["GMCA"]


@pytest.mark.parametrize("headline, codes", [
    ("Sutton Lib Dems unveil council tax freeze plan", ["STN"]),
    ("Harrow Conservatives attack council budget", ["HRW"]),
])
def test_a_places_party_group_in_the_councils_business(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_places_party_with_no_council_business_is_not_the_council(matcher):
    assert matcher.find("Richmond Conservatives pick new candidate") == []
