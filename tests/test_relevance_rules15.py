"""The fifteenth round of relevance rules, on headlines written for these tests (none is from a labelled
file): a regional feed drops a council word used as a venue or an address and a place named in an
incident's, an outbreak's or an investor's news, and keeps a council told as "the authority", through
commissioners, an ombudsman, a venue's licence, its polling staff, bin crews and parking meters."""
from datetime import datetime, timezone

import pytest

from models.relevance import judge_relevance, off_topic, speaks_of_a_council
from models.relevance_senses import a_venue, the_authority
from tests.coverage_fixtures import ingest_into_regional_feed

NOW = datetime(2026, 12, 7, 9, tzinfo=timezone.utc)


def judged(matcher, headline):
    return judge_relevance("mentions", matcher.find(headline), (), (), speaks_of_a_council(headline),
                           off_topic(headline))


@pytest.mark.parametrize("headline, kept", [
    ("Craft fair at the town hall raises £2,000 for the air ambulance", False),  # a venue
    ("Jazz quartet plays sell-out gig at Halifax Town Hall", False),
    ("Youth orchestra returns to county hall for summer concert", False),  # an event beside it
    ("Thieves strip copper from town hall roof", False),  # a crime's setting
    ("Huddersfield Town Hall hosts brass band championships", False),
    ("Carol singers gather on the steps of city hall", False),
    ("Town hall to shut on Fridays to cut running costs", True),  # the building as the council
    ("Town hall's art collection to be sold to plug deficit", True),
    ("County hall staff told to expect a pay freeze", True),
    ("Parents protest outside county hall over special school cuts", True),  # heard by the council
    ("Residents demand answers from town hall over flooded drains", True),
])
def test_a_council_building_counts_unless_it_is_only_the_venue(matcher, headline, kept):
    result = judged(matcher, headline)
    assert result.relevant is kept, result.reason


@pytest.mark.parametrize("headline, kept", [
    ("Former council house in Fulham fetches £1.2m at auction", False),  # an address and its place
    ("Police seize guns in raid on council flat", False),
    ("Former Labour councillor admits £30,000 fraud", False),  # a former member's crime, the title no council
    ("Council flat tenants say leaks ignored for a year", True),  # the council as landlord
    ("Council house waiting list passes 12,000", True),
    ("Hundreds of new council homes to be built on old depot", True),
])
def test_a_council_home_counts_as_the_landlords_news_not_as_an_address(matcher, headline, kept):
    result = judged(matcher, headline)
    assert result.relevant is kept, result.reason


@pytest.mark.parametrize("headline", [
    "Lightning sets Swindon church ablaze",  # incidents beside a place's name
    "Burst main leaves Bradford homes without water",
    "Power cut leaves thousands of Leeds homes in the dark",
    "Norovirus outbreak closes Kirklees primary school",
    "Student flats in Durham sold to American investors",  # student housing is a market's
    "Fire at council flat leaves family homeless",  # an incident's homeless family, not a housing service
    "Civil Aviation Authority fines airline over refunds",  # another body's authority
    "Teacher jailed for abusing his position of authority",
    "Children's commissioner calls for smartphone ban in schools",  # a national commissioner
    "Church Commissioners sell farmland to housebuilder",
    "Financial Ombudsman rules against energy supplier",
    "Driving licence backlog grows at DVLA",
    "Firm axes 200 jobs to save money",  # "save" is the phrase's own word, not a change to a service
])
def test_the_same_words_in_another_sense_do_not_count(matcher, headline):
    result = judged(matcher, headline)
    assert not result.relevant, result.reason


@pytest.mark.parametrize("headline, why", [
    ("The authority must find £25m of savings next year", "the authority"),
    ("Authority to axe 300 posts in restructure", "the authority"),
    ("Government commissioners to stay until 2028", "intervention"),
    ("Best value notice issued over spending controls", "intervention"),
    ("Ombudsman orders payout to family over missed bins", "ombudsman"),
    ("Nightclub wins late licence despite neighbours' objections", "licensing"),
    ("Pub's licence revoked after stabbing", "licensing"),  # the licensing committee's review
    ("Polling staff shortage delays count", "elections"),
    ("Voter ID: dozens turned away at polling stations", "elections"),
    ("Bin men to get electric lorries", "bins and recycling"),
    ("Parking meters to take cards only from May", "parking"),
    ("Residents' permits to cost £100 a year", "parking"),
    ("Free swimming for children scrapped", "libraries and leisure"),
])
def test_a_council_told_without_its_name_counts_and_says_why(matcher, headline, why):
    result = judged(matcher, headline)
    assert result.relevant, result.reason
    assert why in result.reason


@pytest.mark.parametrize("headline", [
    "Salford to trial four-day week for office staff",  # "to trial": a pilot, not a court's trial
    "Wigan under fire over bin collection changes",  # "under fire": criticism, not a blaze
    "Hull's new administration scraps city centre plan",
    "Inspectors find Tower Hamlets failing",  # an inspection of a place is of its council
])
def test_a_place_acting_is_its_council_in_words_that_other_news_uses_otherwise(matcher, headline):
    result = judged(matcher, headline)
    assert result.relevant, result.reason


@pytest.mark.parametrize("headline, kept", [
    ("Plans for new rugby stadium approved", True),  # planners decide what is built, whoever it is for
    ("Cinema extension plans refused over parking fears", True),
    ("Supermarket plans thrown out by planners", True),
    ("Club takeover plan backed by league", False),  # nothing built: not a planning decision
    ("Plans for new hospital wing approved by NHS trust", False),  # the trust's own decision
])
def test_a_plan_decided_beside_other_news_is_a_planning_decision_when_something_is_built(matcher, headline, kept):
    result = judged(matcher, headline)
    assert result.relevant is kept, result.reason


def test_the_senses_say_what_they_read():
    assert a_venue("Fair at Rochdale Town Hall", ["fair", "at", "rochdale", "town", "hall"], [], "fair at rochdale ")
    assert not a_venue("Town hall wedding fees to double", ["town", "hall", "wedding", "fees", "to", "double"],
                       ["people and events"], "")
    assert the_authority(["authority", "to", "cut", "jobs"])
    assert not the_authority(["port", "authority", "warns"])
    assert off_topic("Former council house in Fulham fetches £1.2m") == "a home's, a person's or a venue's"


def test_a_regional_feed_stores_the_authoritys_story_and_leaves_out_the_town_hall_concert(herald):
    with herald.session() as s:
        titles = ("Authority agrees to raise council tax by 4.99%", "Brass band concert at the town hall sells out",
                  "Lightning sets church roof ablaze")
        result = ingest_into_regional_feed(s, "courier.example", "Courier", titles, NOW)
        assert len(result.created) == 1 and result.left_out == 2
