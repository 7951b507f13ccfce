"""The nineteenth round of council rules, on headlines written for these tests (none is from a labelled file): an
employer's job cuts, a place undergoing its weather, Westminster's MPs, a club's own word that is a council's name and
the city council beside a county, a town's or nickname's hall, a county hall acting, a town sharing a council's name
beside the council holding it, two regions' mayors, a member's estates beside its mayor, councils listed reviewing
what they share, and a nickname before a council's decision."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Tesco confirms job losses at Welwyn head office", []),
    ("Rolls-Royce confirms job cuts at Derby plant", []),
    # a council at the head still cuts its own jobs
    ("Derby confirms job cuts as budget gap widens", ["DER"]),
])
def test_an_employers_job_cuts(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Norfolk records coldest night of winter", []),
    ("Cumbria braces for more rain as flood warnings issued", []),
    ("Kent swelters in heatwave", []),
    # a body's ban is still the council's
    ("Moray bans barbecues in heatwave", ["MRY"]),
])
def test_a_place_undergoing_its_weather(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Westminster MPs urge action on council funding crisis", []),
    # another place's MP beside a council word is still that place's council's news
    ("Rugby MP urges county council to rethink bus cuts", ["WAR"]),
])
def test_westminsters_mps(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Gloucester Rugby sign new fly-half", []),
    ("Bath Rugby and Somerset Council agree parking deal", ["SMT"]),
    ("Leicester Tigers and Leicestershire County Council agree parking plan with city council", ["LCE", "LEC"]),
    # with no "city council", the county alone
    ("Leicester Tigers and Leicestershire County Council agree parking plan", ["LEC"]),
])
def test_a_clubs_own_word_and_the_city_council(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Crewe Town Hall repairs bill tops £2m", ["CHE"]),
    ("Hove Town Hall concert sells out", []),
    ("Wedding fair at Hove Town Hall", []),
    ("County Hall in Lewes approves SEND transport cuts", ["ESX"]),
    ("Maidstone's County Hall signs off pothole blitz", ["KEN"]),
    # the building sold is the county's (twenty-second round: as the blind sets label it)
    ("Exeter's county hall to be sold", ["DEV"]),
])
def test_a_towns_hall_and_a_county_hall_acting(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Isle of Wight Council shuts Newport leisure centre", ["IOW"]),
    ("Telford and Wrekin Council backs Newport library move", ["TFW"]),
    ("Newport library to close", ["NWP"]),
    ("Newport council and Isle of Wight council sign ferry deal", ["NWP", "IOW"]),
])
def test_a_town_sharing_a_councils_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Greater Manchester and Liverpool City Region mayors back rail link", ["GMCA", "LCR"]),
    ("West Yorkshire and South Yorkshire mayors sign transport pact", ["WYCA", "SCR"]),
    ("Snow expected across West Yorkshire and South Yorkshire", []),
])
def test_two_regions_mayors(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("London mayor backs Lambeth and Southwark estate regeneration", ["GLA", "LBH", "SWK"]),
    ("West Midlands mayor to fix Coventry and Walsall bus lanes", ["WMCA"]),
])
def test_members_estates_beside_their_mayor(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Harrow and Brent review shared legal services", ["HRW", "BEN"]),
    ("Rother and Wealden extend joint waste contract", ["ROH", "WEA"]),
])
def test_councils_listed_reviewing_what_they_share(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("The Granite City approves beach masterplan", ["ABE"]),
    ("Pompey rejects bid for striker", []),
])
def test_a_nickname_before_a_councils_decision(matcher, headline, codes):
    assert matcher.find(headline) == codes
