"""The twenty-seventh round of council rules, on headlines written for these tests (none is from a labelled file):
places by the short names and old names local papers give them, with the council's people by its building; the
Western Isles' council by its Gaelic word; a county town missing from the towns' table; a compass word joined before a
name with two; Northern Ireland's police by its initials; a council's name opening the clause after a label's colon;
a county beside its own cricket ground; a relief road as a highway authority's scheme; a member place's plea beside
its metro mayor."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Donny council votes to freeze parking charges", ["DNC"]),
    ("Soton council to shut two libraries", ["STH"]),
    ("Scunny councillors back new leisure centre", ["NLN"]),
    ("Potteries town hall bosses approve budget", ["STE"]),
    ("Fair City council tax to rise by 5%", ["PKN"]),
])
def test_a_places_short_or_old_name_in_a_councils_news(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline", [
    "Donny fans celebrate promotion",
    "Potteries pottery museum welcomes visitors",
])
def test_a_places_short_name_alone_is_no_council(matcher, headline):
    assert matcher.find(headline) == []


def test_the_comhairle_is_the_western_isles_council(matcher):
    assert matcher.find("Comhairle to review ferry timetable after complaints") == ["ELS"]


def test_chester_is_cheshire_west_and_chesters_town(matcher):
    assert matcher.find("Chester car park charges to rise, council confirms") == ["CHW"]


def test_a_compass_word_joined_before_a_name_with_two(matcher):
    assert sorted(matcher.find("North and North East Lincolnshire councils agree to share waste contract")) == \
        ["NEL", "NLN"]


def test_northern_irelands_police_by_its_initials_is_an_emergency_service(matcher):
    assert matcher.find("PSNI appeal after car set alight in Belfast street") == []


@pytest.mark.parametrize("headline, codes", [
    ("Wembley arena plan: Harrow objects to parking scheme", ["HRW"]),
    ("Heathrow third runway: how Hillingdon fought the expansion", ["HIL"]),
])
def test_a_councils_name_opening_the_clause_after_a_label(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline", [
    "Nottinghamshire name squad for Trent Bridge opener",
    "Hampshire's Utilita Bowl to host cup final",
])
def test_a_county_beside_its_own_cricket_ground_is_the_club(matcher, headline):
    assert matcher.find(headline) == []


@pytest.mark.parametrize("headline, codes", [
    ("Nottinghamshire County Council resurfaces road outside Trent Bridge", ["NTT"]),
    ("Kent to repair New Road potholes", ["KEN"]),
])
def test_a_countys_own_news_or_another_countys_road_still_counts(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_relief_road_is_the_highway_authoritys_scheme(matcher):
    assert matcher.find("Kendal North Relief Road delayed again") == ["WAF"]


def test_a_member_places_plea_beside_its_metro_mayor(matcher):
    assert sorted(matcher.find("Liverpool City Region mayor backs Wirral's flood defence plea")) == ["LCR", "WRL"]
