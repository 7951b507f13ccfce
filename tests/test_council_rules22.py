"""The twenty-second round of council rules, on headlines written for these tests (none is from a labelled file): a
town's county hall in any news of the building (County Hall, Shire Hall, Shirehall) as its county's, and a club or
ground whose name is not its place's standing for its home council where a council acts."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    # the hall's fate, not only its acting, is the county's: before or after the town, or opening the text
    ("County Hall in Maidstone to close two floors to save energy", ["KEN"]),
    ("Ipswich County Hall repairs delayed again", ["SFK"]),
    ("County Hall, Chichester, to host new registry office", ["WSX"]),
    ("County Hall in Taunton to close for six-month refit", ["SMT"]),
    ("Truro's County Hall roof repairs to cost £4m", ["CON"]),
    ("Gloucester's Shire Hall to get new solar panels", ["GLS"]),
    ("Shrewsbury Shirehall staff moved to temporary offices", ["SHR"]),
    # a venue's news or a lit hall is the building's
    ("Matlock County Hall wedding fair returns", []),
    ("Matlock County Hall lit up blue for NHS birthday", []),
    # with the county named, the hall's town is only its place
    ("Suffolk County Council to let part of Ipswich County Hall", ["SFK"]),
])
def test_a_towns_county_hall_in_any_news_of_it(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Spurs stadium concert licence approved by council", ["HRY"]),
    ("Anfield road closures on matchdays extended by city council", ["LIV"]),
    ("Celtic fans' march route agreed with city council", ["GLG"]),
    ("Elland Road expansion gets go-ahead from city council planners", ["LDS"]),
    # a club's news that speaks of no council; an ordinary word that is no club
    ("Wolves' Molineux to host England under-21s", []),
    ("Hearts and minds: council tries new consultation", []),
    # a council named counts on its own words
    ("Everton fans thank Liverpool City Council for fan zone", ["LIV"]),
])
def test_a_club_or_ground_for_its_home_council(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a place named after another council's name is its own borough's: Brent Cross is Barnet's
    ("Barnet signs off Brent Cross tram link study", ["BNE"]),
    ("Brent approves Wembley Park tower", ["BEN"]),
    # Stratford beside Newham is its own Stratford, not Stratford-on-Avon's
    ("Newham opens new library in Stratford", ["NWM"]),
    ("Stratford-on-Avon District Council backs town centre plan", ["STR"]),
])
def test_a_place_sharing_another_councils_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # two councils joined by "and" before a verb act together; a place's trade is still its people's
    ("Gateshead and North Tyneside enlarge Follingsby business park", ["GAT", "NTY"]),
    ("Stoke pottery firm wins export award", []),
])
def test_two_councils_listed_before_their_verb(matcher, headline, codes):
    assert matcher.find(headline) == codes
