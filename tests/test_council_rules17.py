"""The seventeenth round of council rules, on headlines written for these tests (none is from a labelled file):
councils' own companies by their full names, a place by its nickname in a council's news, trading standards, taxi
drivers and care workers after a place, a combined authority's "first mayor", councils listed acting "jointly", and
a party's seats won "in" a place."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    # a council's wholly owned company, named, is the council's (lower-case joining words and all)
    ("Gateshead Energy Company signs up new hospital to heat scheme", ["GAT"]),
    ("Seahorse Homes buys 40 more flats", ["TWH"]),
    ("Herts Living sells first homes at Hatfield site", ["HRT"]),
    ("Wolverhampton Homes chief executive steps down", ["WLV"]),
    ("Homes for Lambeth wound up", ["LBH"]),
    # the same words in lower case are no company's name
    ("Wolverhampton homes sell fast as prices rise", []),
])
def test_a_councils_own_company(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Pompey council raises parking charges", ["POR"]),
    ("Brum council tax to rise by 10%", ["BIR"]),
    ("Auld Reekie councillors back tram extension", ["EDH"]),
    # a nickname with no council word is the club's or the place's
    ("Pompey win at Fratton Park", []),
    ("Steel City marathon draws record field", []),
])
def test_a_place_by_its_nickname_in_a_councils_news(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Essex trading standards warns of fake parcel texts", ["ESS"]),
    ("Norfolk Trading Standards warns of fake energy advisers", ["NFK"]),
    ("Wakefield taxi drivers face new safeguarding training", ["WKF"]),
    ("Shropshire care workers get pay rise", ["SHR"]),
])
def test_a_service_or_licensed_trade_after_a_place(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a combined authority's region before its first or new mayor is the authority
    ("Hull and East Yorkshire's new mayor sets out transport plan", ["HYCA"]),
    # councils listed, acting jointly
    ("East Suffolk and Suffolk jointly oppose pylon route", ["ESK", "SFK"]),
    # a party's seats "in" a place are its council's
    ("Greens gain 8 seats in Bristol", ["BST"]),
    ("Lib Dems lose seats in Somerset", ["SMT"]),
])
def test_authorities_listed_and_elections(matcher, headline, codes):
    assert matcher.find(headline) == codes
