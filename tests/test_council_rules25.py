"""The twenty-fifth round of council rules, on headlines written for these tests (none is from a labelled file):
"combined authority" by no name beside its members, an abolished county before "mayor", a label's place with a
council's kind opening the clause, the mayor beside London's own bodies, a town's council by its service later in
the text, "the county's" and "says county", councils' named headquarters, a hall's people before its town, names
listed together sharing one verdict, a route by one of its ends, leaders by distinctive surname alone, a unitary
town's officers, a county's service in a court's news, a member place joined to its mayor, an ordinary-word town and
a place's own scheme by its proper name after its possessive."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Bolton and Wigan councils ask combined authority for more bus cash", ["BOL", "WGN", "GMCA"]),
    # councils of different authorities: no one authority to name
    ("Leeds and Wigan councils write to combined authority chiefs", ["LDS", "WGN"]),
])
def test_the_combined_authority_by_no_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_an_abolished_county_before_mayor_is_the_place(matcher):
    assert matcher.find("Cumberland leaders say a Cumbria mayor would cost too much") == ["CBD"]


@pytest.mark.parametrize("headline, codes", [
    ("Putney Pier: borough council pauses repair works", ["WND"]),
    ("Brixton Market: the council says stalls will stay", ["LBH"]),
    ("Croydon Park Hotel: borough finishes sale of the site", ["CRY"]),
])
def test_a_labels_place_with_a_council_kind_after_its_colon(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Mayor's budget pledges £30m for TfL bus routes", ["GLA"]),
    ("The mayor vows to keep London Fire Brigade stations open", ["GLA"]),
    # a place's own mayor beside the Met is that place's
    ("Mayor of Bristol meets Met Police chiefs", ["BST"]),
])
def test_the_mayor_beside_londons_own_bodies(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Skegness residents fight plan to cut bin collections", ["ELI"]),
    ("Lowestoft campaigners angry at street lighting switch-off", ["SFK"]),
])
def test_a_towns_service_later_in_the_text(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Roadworks in Bicester top the county's complaints list", ["OXF"]),
    ("Bicester is the county's fastest-growing town", []),
    ("Cambridge's bus gates to go ahead, says county", ["CAM"]),
])
def test_the_county_speaking_of_a_districts_place(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Lys Kernow to cut 150 posts in back-office review", ["CON"]),
    ("Woodhatch Place staff told to work from home", ["SRY"]),
])
def test_councils_named_headquarters(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_halls_people_before_its_town(matcher):
    assert matcher.find("County Hall staff in Chelmsford vote to strike over pay") == ["ESS"]


def test_names_listed_together_share_one_verdict(matcher):
    assert matcher.find("Dundee, Angus and Perth and Kinross's shared incinerator hit by fire") == \
        ["DND", "ANS", "PKN"]


@pytest.mark.parametrize("headline, codes", [
    ("Red Funnel cuts winter sailings on Southampton route", []),
    ("GWR warns of delays on the Plymouth line", []),
])
def test_a_route_by_one_of_its_ends(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Soulsby defends Leicester workplace parking levy", ["LCE"]),
    # a title or forename before the surname makes it someone else
    ("Dr Soulsby publishes new study on sleep", []),
])
def test_a_leaders_distinctive_surname_alone(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_unitary_towns_officers(matcher):
    assert matcher.find("Harrogate spa repairs delayed again, Northallerton officers admit") == ["NYE"]


def test_a_countys_service_in_a_courts_news(matcher):
    assert matcher.find("Kent highways contractor fined over missed repairs") == ["KEN"]


def test_a_member_place_joined_to_its_mayor(matcher):
    assert matcher.find("West Midlands mayor and Solihull clash over bus depot") == ["WMCA", "SOL"]


def test_an_ordinary_word_town_in_a_councils_news(matcher):
    assert matcher.find("Council offices in Fleet to be sold") == ["HAT"]


@pytest.mark.parametrize("headline, codes", [
    ("Gateshead's Quays offices fully let", ["GAT"]),
    ("Medway's Rochester Riverside homes get the go-ahead", ["MDW"]),
    # a proper name before a venue's word is the venue's
    ("Cardiff's Principality Stadium hosts sell-out concert", []),
])
def test_a_places_own_scheme_by_its_proper_name(matcher, headline, codes):
    assert matcher.find(headline) == codes
