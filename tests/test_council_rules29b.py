"""Councils named by the places and things they run, on headlines written for these tests (none is from a labelled
file): a kind of place a council runs after its place's name (a market, a bus station, a seafront's upkeep, beach
huts, a museum, a crematorium, a central library, the council's own buildings, a park by its own name after the
place's possessive, a service of its own name); more headquarters by their proper names (`feeds.council_offices`);
parks, markets, museums, crematoria, lidos and festivals one council owns and runs (`feeds.council_venues`); and the
traps: a crime, accident or police story there, a Christmas market, a privately owned market, a university's
museum, a stadium's or a theme park's name, crowds on a seafront, another council acting on a place it does not
run."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Rochdale Market traders protest over rent rise", ["RCH"]),
    ("Huddersfield Open Market to shut for six weeks of repairs", ["KIR"]),
    ("Doncaster's market hall roof to be replaced", ["DNC"]),
    ("Wigan bus station to close for resurfacing", ["WGN"]),
    ("Skegness seafront toilets refit gets go-ahead", ["ELI"]),
    ("Morecambe promenade shelters to be replaced", ["LAC"]),
    ("Lowestoft beach hut rents to rise by 5%", ["ESK"]),
    ("Bolton Museum opens new Egyptian gallery", ["BOL"]),
    ("Ipswich Central Library to close for roof repairs", ["SFK"]),  # a county's libraries in a two-tier area
])
def test_a_kind_of_place_a_council_runs_after_its_place(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Staff sent home from Trowbridge's County Hall as storm hits", ["WIL"]),
    ("Sandbags on offer at Gainsborough's Guildhall as river rises", ["WLI"]),
    ("Doncaster Civic Office closed after storm damage", ["DNC"]),
])
def test_a_councils_building_in_a_storm_or_not_heading_the_text(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Basildon's Gloucester Park paddling pool reopens", ["BAI"]),
    ("Oldham's Alexandra Park boating lake restoration approved", ["OLD"]),
])
def test_a_park_by_its_own_name_after_its_places_possessive(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_service_of_its_own_name_after_its_places_possessive(matcher):
    assert matcher.find("Calderdale's 'Stay Connected' adult social care scheme shortlisted for award") == ["CLD"]


@pytest.mark.parametrize("headline", [
    "Teenager hurt in Burnley bus station assault",
    "Chester Christmas Market breaks visitor record",
    "Camden Market traders win street food award",
    "Manchester Museum unveils dinosaur skeleton",
    "Crowds pack Scarborough seafront in heatwave",
    "Police close Bournemouth beach after sea rescue",
    "Derby's Pride Park pitch inspection after storm",
    "Margate's Dreamland theme park reopens after storm",
    "Bradford's National Railway Gallery reopens after refit",
    "Kent's Sunrise fostering agency wins award",
    "Whitby beach closed after cliff fall",
    "Southwold beach huts sell for record price",
])
def test_where_something_happened_or_what_others_run(matcher, headline):
    assert matcher.find(headline) == []


@pytest.mark.parametrize("headline, codes", [
    ("Fred Perry House staff told to return to the office", ["SKP"]),
    ("Marischal College agrees budget with 5% council tax rise", ["ABE"]),
    ("Number One Riverside staff balloted over pay", ["RCH"]),
    ("Pullar House cuts 40 posts", ["PKN"]),
])
def test_a_headquarters_by_its_proper_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Roundhay Park closed after gales bring down trees", ["LDS"]),
    ("Sefton Park lake to be drained for repairs", ["LIV"]),
    ("Moor Market stallholders fear steep rent rise", ["SHF"]),
    ("Lawnswood Crematorium fees to rise by 6%", ["LDS"]),
    ("Tooting Bec Lido opens early as temperatures soar", ["WND"]),
    ("Idea Store opening hours cut in savings drive", ["TWH"]),
    ("Cambridge Folk Festival adds Sunday stage", ["CAB"]),
])
def test_a_place_one_council_owns_and_runs_by_its_own_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_listed_place_beside_another_council_acting_is_not_its_owners(matcher):
    assert matcher.find("Bradford council objects to Lawnswood Crematorium extension") == ["BRD"]


def test_a_listed_place_beside_a_club_is_the_clubs_news(matcher):
    assert matcher.find("Newcastle United eye Exhibition Park for fan zone") == []


def test_a_listed_place_in_a_storm_with_nothing_of_its_running_is_where_it_happened(matcher):
    assert matcher.find("Storm batters Heaton Park") == []
