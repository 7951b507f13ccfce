"""The story rule's gazetteer (`models.places`): towns named in a text, towns in a council's area, and
a town one item names near the council the other names as evidence of one place."""
from models.places import _key, distance_km, place_link, town_in_area, towns_named
from models.story_evidence import evidence
from models.story_match import same_story
from tests.story_items import story_item


def test_towns_are_capitalised_names_with_joining_words_and_hyphens():
    assert towns_named("Councillors meeting in Newtown St Boswells approved the Hawick scheme") == \
        {"newtown st boswells", "hawick"}
    assert towns_named("Bills stay flat after the Trowbridge-based unitary used savings") == {"trowbridge"}
    assert towns_named("Stoke-on-Trent's budget gap widens") == {"stoke on trent"}
    assert towns_named("Councillors in Wallasey keep Hoylake course open") == {"wallasey", "hoylake"}


def test_a_town_that_is_an_everyday_word_or_a_month_needs_capitals_inside_a_sentence():
    assert towns_named("Street lights to go off at midnight from March") == frozenset()
    assert towns_named("Shoppers in Street back the bypass") == {"street"}


def test_a_town_is_in_the_area_of_the_council_around_it_not_its_neighbour():
    assert town_in_area("sandbach", "CHE") is not None  # Cheshire East
    assert town_in_area("sandbach", "CHW") is None  # Cheshire West and Chester
    assert town_in_area("kirkcaldy", "FIF") is not None
    assert town_in_area("kirkcaldy", "EDH") is None  # Edinburgh, across the Forth
    assert town_in_area("trowbridge", "WIL") is not None
    assert 40 < distance_km(51.5074, -0.1278, 51.752, -1.2577) < 90  # London to Oxford


def test_a_councils_own_name_is_no_town_for_the_link_since_the_council_finder_saw_it():
    assert place_link(("SND",), "Sunderland AFC sale completed") is None
    assert str(place_link(("CHE",), "Top officer at Sandbach HQ stood down")) == "Sandbach is in Cheshire East's area"


def test_a_town_near_the_council_the_other_names_counts_as_that_council_and_explains_why():
    a = story_item("Pupils to finish early on Fridays", "The change, agreed by councillors in Glenrothes, saves £3m.")
    b = story_item("Fife schools to move to four-and-a-half-day week", "Fife Council's education committee backed "
                   "shortening Friday lessons.", 10, ("FIF",))
    found = evidence(a, b)
    assert found.place == "Glenrothes is in Fife's area"
    match = same_story(a, b)
    assert "Glenrothes is in Fife's area" in match.reason


def test_a_town_far_from_the_council_named_is_no_evidence():
    a = story_item("Pupils to finish early on Fridays", "The change was agreed by councillors in Kendal.")
    b = story_item("Fife schools to move to a shorter week", "Fife Council backed shortening Friday lessons.", 10, ("FIF",))
    assert evidence(a, b).place is None


def test_an_areas_nickname_names_its_council_but_the_united_kingdom_is_not_fife():
    assert str(place_link(("BUC",), "Caddies arrive on doorsteps across Bucks")) == "'Bucks' is Buckinghamshire"
    assert str(place_link(("FIF",), "Halls to close across the Kingdom")) == "'Kingdom' is Fife"
    assert place_link(("FIF",), "United Kingdom growth slows") is None
    assert str(place_link(("CRF",), "Contracts signed for the Welsh capital's new arena")) == "'Welsh Capital' is Cardiff"


def test_a_place_told_two_ways_counts_as_a_word_shared_but_not_when_both_name_the_town():
    a = story_item("Halls to close in savings drive", "Community groups in Glenrothes fear losing meeting places.")
    b = story_item("Fife shuts community halls", "Fife Council's cabinet agreed to close 15 halls.", 8, ("FIF",))
    assert "a place told two ways" in evidence(a, b).shared
    c = story_item("Wiltshire Council approves Salisbury regeneration", "The council backed a plan for Salisbury.", 0, ("WIL",))
    d = story_item("Salisbury regeneration plan gets go-ahead", "Work on the plan starts next year.", 8)
    assert evidence(c, d).place == "Salisbury is in Wiltshire's area"
    assert "a place told two ways" not in evidence(c, d).shared


def test_a_cathedral_or_an_airport_is_another_organisations_news():
    a = story_item("Salisbury Cathedral spire restoration", "Work has begun on the spire.")
    b = story_item("Wiltshire Council approves Salisbury regeneration", "The council backed a £30m plan.", 8, ("WIL",))
    assert "another organisation" in same_story(a, b).reason


def test_a_listed_town_is_in_its_own_councils_area_and_its_familys_and_no_neighbours():
    """The towns listed by hand with their council (`data/places/council_towns.csv`) answer exactly,
    whatever the distances say: Crewe is Cheshire East's, not Cheshire West's, however near."""
    assert town_in_area("crewe", "CHE") == 0.0
    assert town_in_area("crewe", "CHW") is None
    assert town_in_area("clacton", "TEN") == 0.0 and town_in_area("clacton", "ESS") == 0.0  # its county too


def test_the_council_finder_and_the_story_rule_read_one_table_of_towns():
    from feeds.council_towns import TOWNS
    from models.places import listed_town_councils
    listed = listed_town_councils()
    assert sorted(TOWNS.values()) == sorted(listed.values()) and len(TOWNS) == len(listed)
    assert not [name for name in listed if _key(name) not in towns_named(f"Council news from {name}")]


def test_a_combined_authoritys_own_name_in_the_other_item_links_them_and_is_told_by_name():
    """A combined authority has no point or radius in the register; its name in the other item still links the
    two (this raised KeyError inside story grouping, so one such pair stopped a feed's items being grouped)."""
    link = place_link(("WMCA",), "Buses in the West Midlands to be franchised")
    assert link is not None and link.words == {"west", "midlands"}
    assert str(link) == "'West Midlands' is West Midlands"
    wmca = story_item("Combined authority approves bus franchising", "The WMCA board voted for franchising.",
                      councils=("WMCA",))
    buses = story_item("Buses in the West Midlands to be franchised", "Routes will come under public control.", 5)
    assert evidence(wmca, buses).place == str(link)
    same_story(wmca, buses)  # judged, whichever way, without an error
