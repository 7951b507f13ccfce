"""Councils named by their people and bodies, on headlines written for these tests (none is from a labelled file):
a council's members and service people by their roles; a region's council leaders and a devolution area's councils;
an abolished county's new unitaries; a region listed with a combined authority; a district's county by its people;
a county's service at its districts' towns; a London borough's planning powers and the Mayor of London; a post's
holder's origin; a party running a council; a civic head after a possessive; council services by their own names;
leaders and elected mayors added to the leaders' table."""
import pytest

from feeds.council_people import people_named
from feeds.council_tokens import tokenize


@pytest.mark.parametrize("headline, codes", [
    ("Rotherham EHCP waiting list halved, says cabinet member", ["ROT"]),
    ("Oldham school merger: education chiefs open consultation", ["OLD"]),
    ("Portfolio holder defends Wigan parking charges", ["WGN"]),
    ("University of Leicester student flats refused by city planners", ["LCE"]),
])
def test_a_councils_members_or_service_people_by_role_make_the_one_place_its_council(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("text, role", [
    ("claims cabinet member for housing", "cabinet member"),
    ("highways team out overnight", "highways team"),
    ("refused by county planners", "county planners"),
    ("children's services bosses apologise", "children s services bosses"),
])
def test_people_named_by_role(text, role):
    assert people_named(tokenize(text)) == role


@pytest.mark.parametrize("text", [
    "Health chiefs warn of winter pressures",  # the NHS's, maybe
    "Cabinet ministers meet in Downing Street",
    "National Highways team closes M6",  # a capitalised service is a body's own name
    "Planning inspectors back appeal",  # the Planning Inspectorate's
])
def test_no_councils_people_named(text):
    assert people_named(tokenize(text)) is None


@pytest.mark.parametrize("headline, codes", [
    ("Conwy beach wardens turn away 400 cars at Llandudno", ["CWY"]),
    ("Wigan bin crews walk out over rota", ["WGN"]),
])
def test_a_councils_service_people_after_a_place(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_named_service_after_a_possessive(matcher):
    assert matcher.find("Norfolk's 'Stay Well' reablement service expands to Thetford") == ["NFK"]


@pytest.mark.parametrize("headline, codes", [
    ("West Yorkshire's five council leaders back bus franchising timetable", ["BRD", "CLD", "KIR", "LDS", "WKF"]),
    ("Tees Valley's five councils agree joint waste plan", ["DAL", "HPL", "MDB", "RCC", "STT"]),
])
def test_a_regions_councils_by_their_leaders_or_counted(matcher, headline, codes):
    assert set(codes) <= set(matcher.find(headline))


def test_a_regions_councils_as_one_are_not_each_member(matcher):
    assert "BOL" not in matcher.find("Andy Burnham seeks fairer funding for Greater Manchester councils")


def test_a_count_that_is_not_the_regions_names_no_members(matcher):
    assert "BNS" not in matcher.find("South Yorkshire's three council leaders write to minister")


def test_a_devolution_areas_councils_counted(matcher):
    assert sorted(matcher.find("Sussex and Brighton devolution: three councils sign shadow board terms")) == [
        "BNH", "ESX", "WSX"]


def test_a_devolution_areas_mayor_alone_is_no_councils(matcher):
    assert matcher.find("Greater Essex mayor candidates named") == ["ESS"]


def test_an_abolished_countys_new_unitaries(matcher):
    assert sorted(matcher.find("Northamptonshire's two unitaries report first joint underspend")) == ["NNT", "WNT"]


def test_a_region_listed_with_a_combined_authority(matcher):
    assert sorted(matcher.find("WMCA and Greater Manchester agree joint skills pilot")) == ["GMCA", "WMCA"]


@pytest.mark.parametrize("headline, codes", [
    ("Tendring households get new food bins in county-district scheme", ["ESS", "TEN"]),
    ("Potholes in Maldon to be fixed by the county's highways team", ["ESS", "MAL"]),
    ("Ashford plan angers district and county leaders", ["ASF", "KEN"]),
])
def test_a_districts_county_by_its_people(matcher, headline, codes):
    assert sorted(matcher.find(headline)) == codes


def test_a_countys_service_at_its_districts_towns(matcher):
    assert matcher.find("Library hours cut at Braintree and Colchester under Essex review") == ["ESS"]


@pytest.mark.parametrize("headline", [
    "Camden agrees to hand planning powers to mayor for Euston site",
    "New mayoral development corporation takes planning powers from Westminster",
    "Westminster signs planning powers over to City Hall",
])
def test_a_london_boroughs_planning_powers_and_londons_mayor(matcher, headline):
    assert "GLA" in matcher.find(headline) and len(matcher.find(headline)) == 2


def test_westminster_beside_parliament_stays_parliament(matcher):
    assert matcher.find("Westminster MPs debate planning powers for mayors") == []


def test_a_post_holders_origin_is_no_council_in_the_news(matcher):
    assert matcher.find("Mole Valley District Council appoints finance director from Kent") == ["MOL"]


@pytest.mark.parametrize("headline, codes", [
    ("Reform-led Kent pauses climate projects", ["KEN"]),
    ("Labour-run Reading sets council tax rise", ["RDG"]),
])
def test_a_party_running_a_council(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_civic_head_after_a_possessive(matcher):
    assert matcher.find("Edinburgh's Lord Provost opens winter festival") == ["EDH"]


@pytest.mark.parametrize("headline, codes", [
    ("Cityclean crews clear Hove seafront after storm", ["BNH"]),
    ("Streetpride fills record number of potholes", ["ROT"]),
])
def test_a_council_service_by_its_own_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Andy Abrahams warns of cuts to market stalls", ["MAS"]),
    ("Julian Brazil promises pothole blitz on rural lanes", ["DEV"]),
    ("Heather Kidd sets out savings plan", ["SHR"]),
])
def test_leaders_and_elected_mayors_by_full_name(matcher, headline, codes):
    assert matcher.find(headline) == codes
