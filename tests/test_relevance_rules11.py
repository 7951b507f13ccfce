"""The eleventh round of relevance rules, on headlines written for these tests (none is from a labelled
file): a regional feed keeps a council's services and acts told without the word council, each in its
council sense, drops a council word that is only an address or a former member, and says why."""
from datetime import datetime, timezone

import pytest

from models.relevance import judge_relevance, off_topic, speaks_of_a_council
from models.relevance_words import SERVICES, service_named
from tests.coverage_fixtures import ingest_into_regional_feed

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def judged(matcher, headline):
    return judge_relevance("mentions", matcher.find(headline), (), (), speaks_of_a_council(headline),
                           off_topic(headline))


@pytest.mark.parametrize("headline, service", [
    ("Black bins to be emptied every three weeks", "bins and recycling"),
    ("Gritters out overnight as temperatures plunge", "roads and highways"),
    ("Snow ploughs and gritting lorries on standby as cold snap bites", "roads and highways"),
    ("Village library saved by volunteers' offer", "libraries and leisure"),
    ("Pay and display to replace free parking on seafront", "parking"),
    ("Rest centre set up for families evacuated from flooded street", "emergencies"),
    ("Residents fear fly-tipping rise as tip opening hours cut", "bins and recycling"),
    ("Pupils face two-hour journeys after school transport shake-up", "schools and send"),
    ("Parents wait 40 weeks for EHCP decisions", "schools and send"),
    ("Waiting times for SEND assessments soar", "schools and send"),
    ("Care packages cut for 300 older people", "social care"),
    ("Temporary accommodation bill tops £40m", "housing and homelessness"),
    ("Selective licensing to cover every rented home in the borough", "licensing"),
    ("Independent group takes control after Labour group splits", "council politics"),
    ("Ward by-election called after death of long-serving member", "elections"),
    ("Trading standards warn of doorstep scam surge", "trading standards and environmental health"),
    ("Crematorium to get new chapel", "cemeteries"),
    ("Market traders fear rent rise as market hall revamp begins", "markets"),
    ("Plans for 450 homes on farmland thrown out", "planning decisions"),
    ("Green light for 120 flats on former bus depot", "planning decisions"),
    ("Housing estate refused over flood risk", "planning decisions"),  # flood risk: a decision's reason
])
def test_a_council_service_or_act_counts_without_the_word_council_and_says_which(matcher, headline, service):
    result = judged(matcher, headline)
    assert result.relevant, result.reason
    assert service in result.reason


@pytest.mark.parametrize("headline", [
    "Hospital parking fees scrapped for blood donors",  # the NHS's parking
    "Airport car park charges rise again",
    "Station car park to close for six months",  # the railway's
    "Nursing home rated inadequate by CQC inspectors",  # a private care home
    "Care home owner jailed for neglect",
    "Waste recycling firm fined £50,000 over fire",  # a company's, not the council's collections
    "Fly-tipper jailed for dumping asbestos in lay-by",  # a crime's setting
    "Teenager arrested after fire at village library",
    "Man stabbed in town centre car park",
    "University library reopens after refit",
    "Couple spent a year planning their dream wedding",
    "National Highways closes motorway for repairs",
    "Police and crime commissioner sets out policing plan",
    "Kent police and crime commissioner election: candidates named",  # the police's election, not a council's
    "PCC election turnout falls in Essex",
    "Arts Council England awards grant to theatre",
    "MP holds advice surgery at Barnsley library",
    "Tory MP wins parliamentary by-election",
    "Holiday park parks owners fined over sewage",
])
def test_the_same_words_in_another_sense_do_not_count(matcher, headline):
    result = judged(matcher, headline)
    assert not result.relevant, result.reason


@pytest.mark.parametrize("headline, kept", [
    ("Ex-councillor's daughter wins talent show", False),  # a member's private life
    ("Former councillor jailed for benefit fraud", False),
    ("Retired councillor honoured for 40 years with the scouts", False),
    ("Burglars target homes on council estate", False),  # an address
    ("Council estate regeneration scheme gets £30m", True),  # the estate's regeneration is the council's
    ("Councillor calls for review of bus lane fines", True),
    ("Former mayor dies aged 91", False),
    ("Ex-councillor jailed for stealing from the council", False),  # a person's crime, whatever else it names
    ("Former Wigan councillor jailed for fraud against the council", False),
    ("Councillor jailed for fraud", True),  # a sitting member's conviction is the council's news
    ("Mayor pledges free bus travel for under-18s", True),  # a mayor is a council's or a combined authority's
])
def test_a_council_word_counts_unless_it_is_only_an_address_or_a_former_member(matcher, headline, kept):
    result = judged(matcher, headline)
    assert result.relevant is kept, result.reason


@pytest.mark.parametrize("headline, kept", [
    ("Bradford to demolish derelict multi-storey", True),  # what the place does is its council's
    ("Leeds leader warns of £60m gap", True),
    ("Swindon apologises to family over delays", True),
    ("Sheffield to fine drivers using bus gates", True),
    ("Bradford shipyard wins £20m order", False),  # a business of the place
    ("Nottingham employer to cut 200 jobs", False),
    ("York Minster spire repairs begin", False),
])
def test_a_place_acting_is_its_council_and_a_place_of_business_is_not(matcher, headline, kept):
    result = judged(matcher, headline)
    assert result.relevant is kept, result.reason


def test_the_reason_names_the_words_that_spoke_of_a_council():
    assert speaks_of_a_council("Street lights to go dark after midnight") == "street lights (roads and highways)"
    assert speaks_of_a_council("Council leader resigns") == "council"
    assert speaks_of_a_council("Student council wins award") == ""
    result = judge_relevance("mentions", [], (), (), speaks_of_a_council("Street lights to go dark after midnight"))
    assert result.reason == "speaks of a council (street lights (roads and highways))"
    assert judge_relevance("mentions", [], (), (), True).reason == "speaks of a council"  # a plain flag still works


def test_every_service_has_phrases_and_a_phrase_is_found_as_written():
    for service in SERVICES:
        assert service.phrases, service.name
        phrase = service.phrases[0]
        words = phrase.replace("'", " ").replace("-", " ").split()
        found = service_named(words, phrase)
        assert found is not None and found[1] == service, phrase


def test_a_regional_feed_stores_a_service_story_and_leaves_out_the_nhs_parking_one(herald):
    with herald.session() as s:
        titles = ("Bin collections move to fortnightly from April", "Hospital parking charges to rise",
                  "Former councillor's son fined for speeding")
        result = ingest_into_regional_feed(s, "gazette.example", "Gazette", titles, NOW)
        assert len(result.created) == 1 and result.left_out == 2
