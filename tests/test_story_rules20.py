"""Round twenty of the story evidence (issue 19, recall on train18's odd rows): a change told as its size beside its
end ("another 500 places" / "from 1,500 to 2,000") is one figure; a total beside one council's share of it is two
sums of one matter; figures of two kinds within a day, the same council's, one headline's event told by the other
item, are one matter's; an age is no figure; emergency help sought is a bailout; an appeal that succeeds is a
ruling; a ruling group is no court's ruling; and for the council finder, a compass word opening a council's name is
no forename, and a town straight before an ordinary-word name ("Matlock Bath") is one place, not the council."""
from __future__ import annotations

import pytest

from models.story_councils import _NOT_ACTOR, headline_councils
from models.story_events import headline_events
from models.story_evidence import evidence
from models.story_figures import figures, step_agrees, total_beside_share
from tests.story_items import story_item


@pytest.mark.parametrize("title, other, agrees", [
    ("500 more school places promised", "The plan lifts capacity from 1,500 to 2,000 places.", True),
    ("Parking permits up by £20", "Permits will rise from £80 to £100 a year.", True),
    ("Rents rise 2 points", "The share rose from 12% to 14% of income.", True),
    ("500 more school places promised", "The plan lifts capacity from 1,500 to 2,200 places.", False),
    ("500 more school places promised", "The plan adds 700 places across the city.", False),  # no step told
    ("£1m more for roads", "Spending goes from 1,000 to 2,000 miles of road.", False),  # a count is no money's scale
])
def test_a_figure_told_as_a_step(title, other, agrees):
    assert step_agrees(title, other) is agrees


def test_a_step_lifts_the_figures_veto():
    target = story_item("Eastmoor lifts school places target to 2,000", "The target rises from 1,500 to 2,000 places.",
                        0, ("EAS",))
    more = story_item("Another 500 school places for Eastmoor", "The council's cabinet agreed the plan.", 10,
                      ("EAS",))
    assert evidence(target, more).veto is None


@pytest.mark.parametrize("title", [
    "Library plan for 600-year-old guildhall", "Tributes to 101-year-old volunteer", "Repairs to 200 years old bridge",
])
def test_an_age_is_no_figure(title):
    assert figures(title) == frozenset()


def test_a_figure_beside_an_age_stays():
    assert figures("£3m for 600-year-old guildhall") == frozenset({(3e6, 1e6)})


@pytest.mark.parametrize("title, kind", [
    ("Westvale asks government for emergency help to set budget", "bailout"),
    ("Borough seeks urgent financial support from ministers", "bailout"),
    ("Eastmoor applies for emergency cash as reserves run dry", "bailout"),
    ("Harbour homes appeal succeeds", "court ruling"),
    ("Council's appeal against housing ruling fails", "court ruling"),
])
def test_event_told_in_other_words(title, kind):
    assert kind in headline_events(title)


@pytest.mark.parametrize("title, not_kind", [
    ("Flood victims get emergency help from council", "bailout"),  # no council asking for it
    ("Eastmoor's ruling group loses its majority", "court ruling"),
    ("Ruling party picks new leader", "court ruling"),
    ("Ruling coalition collapses at county hall", "incident"),
])
def test_no_such_event(title, not_kind):
    assert not_kind not in headline_events(title)


def test_figures_of_two_kinds_within_a_day_of_one_council():
    rise = story_item("Westvale approves 4.99% council tax rise", "The budget was passed on Thursday.", 0, ("WVL",))
    bill = story_item("Westvale households face £90 more on Band D", "The council's budget, approved this week, "
                      "raises bills for all.", 20, ("WVL",))
    assert evidence(rise, bill).veto is None
    later = story_item("Westvale households face £90 more on Band D", "Bills land on doormats next month.", 30,
                       ("WVL",))
    assert evidence(rise, later).veto == "different figures in the headlines"  # past a day, and not told


@pytest.mark.parametrize("text, codes", [
    # a person's role ending the headline is no forename of the summary's first council
    ("Budget gap may force cuts, warns director\nNorth Somerset Council says savings are needed.", ["NSM"]),
    ("Care homes review, says leader\nWest Sussex County Council will consult in June.", ["WSX"]),
    ("Council leader Barry Lewis resigns", []),  # still a forename after a person's title
])
def test_a_compass_word_is_no_forename(matcher, text, codes):
    assert matcher.find(text) == codes


@pytest.mark.parametrize("text, codes", [
    ("Cafes on Matlock Bath's parade reopen after floods", []),  # a village of Derbyshire Dales, not Bath's council
    ("Plans for new homes in Bath rejected", ["BAS"]),
    ("Bath's council approves budget", ["BAS"]),
])
def test_a_town_before_an_ordinary_word_name(matcher, text, codes):
    assert matcher.find(text) == codes


@pytest.mark.parametrize("one, other, share", [
    ("Bus grant: £300m more for councils next year", "Bus grant: Eastmoor to get £6m more", True),
    ("Pothole fund rises to £500m", "Westvale's £8m pothole fund share confirmed", True),
    ("Bus grant: £300m more for councils next year", "Eastmoor cuts £6m from libraries", False),  # no matter shared
    ("Bus grant: £30m more for councils", "Bus grant: Eastmoor to get £6m more", False),  # not a total's share
    ("Bus grant: 300 routes saved", "Bus grant: Eastmoor to get £6m more", False),  # not two sums of money
])
def test_a_total_beside_one_councils_share(one, other, share):
    assert total_beside_share(one, other) is share


@pytest.mark.parametrize("title, actors", [
    ("Derby's Mary Stone to lead Nottingham council", {"NGM"}),  # where she comes from is not the news's council
    ("Nottingham picks Derby finance chief as chief executive", {"NGM"}),
    ("Derby finance chief quits", {"DER"}),  # her own council's news
])
def test_a_persons_former_council_is_no_actor(title, actors):
    item = story_item(title, "", 0, ("DER", "NGM"))
    assert headline_councils(_NOT_ACTOR.sub(" ", item.title), item.councils, False) == actors
