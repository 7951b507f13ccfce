"""The twenty-fourth round of council rules, on headlines written for these tests (none is from a labelled file): a
county's highways service by its own name, foster carers as a council service, a decision won by its plain names
after a possessive, and a county before "mayor" as its combined authority."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    # "<county> Highways" is the county council's highways service, not a body of its own
    ("Norfolk Highways to patch 3,000 potholes before winter", ["NFK"]),
    ("Devon Highways gritters ready for first frost", ["DEV"]),
    # a national body's highways are not a council's
    ("National Highways shuts M6 overnight for repairs", []),
])
def test_a_countys_highways_service(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Wigan foster carer allowances rise by 10%", ["WGN"]),
    ("Stockport foster carers honoured at awards evening", ["SKP"]),
])
def test_foster_carers_are_a_council_service(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a decision's plain names won from a council, after its possessive or straight after its name
    ("Seafront lido revamp gets Torbay's green light", ["TOB"]),
    ("Riverside flats win Wirral go-ahead", ["WRL"]),
    ("Leisure centre rebuild gets Dudley's approval", ["DUD"]),
])
def test_a_decision_won_by_its_plain_names(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a county council has no mayor: "<county> mayor" is its combined authority's
    ("Cambridgeshire mayor pledges to freeze bus fares", ["CPCA"]),
    ("Lincolnshire mayor Andrea Jenkyns names new deputy", ["GLCA"]),
    # a county in no combined authority keeps its own reading
    ("Kent County Council chairman and mayor open summer fete", ["KEN"]),
])
def test_a_county_before_mayor(matcher, headline, codes):
    assert matcher.find(headline) == codes
