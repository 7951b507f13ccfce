"""Round fifteen of the story evidence (issue 19): within hours of each other, one headline's event that the other
item reports is one event's two sides, not two events (a leader voted out and the new leader the same vote chose);
days apart, one side alone still dates the step before it and the items stay two events."""
from __future__ import annotations

from models.story_events import different_events, headline_events, told_both_ways, told_either_way
from models.story_evidence import SAME_HOURS, evidence
from tests.story_items import story_item


def _ousted_and_new(hours: float):
    ousted = story_item("Eastborough council leader resigns after group revolt",
                        "The ruling group has elected a new leader at a private meeting.", 0, ("EAS",))
    new = story_item("New leader named at Eastborough",
                     "The deputy will take over the council's top job, the group said.", hours, ("EAS",))
    return ousted, new


def test_one_side_of_one_event_within_hours_is_not_two_events():
    ousted, new = _ousted_and_new(6)
    events_a, events_b = headline_events(ousted.title), headline_events(new.title)
    assert different_events(events_a, events_b)  # a resignation and an appointment ...
    assert not told_both_ways(events_a, events_b, ousted.text, new.text)  # ... the new leader's item never says resigned
    assert told_either_way(events_a, events_b, ousted.text, new.text)  # ... but the resignation's says who was elected
    assert not (evidence(ousted, new).veto or "").startswith("different events")


def test_one_side_alone_days_apart_is_still_two_events():
    ousted, new = _ousted_and_new(SAME_HOURS.total_seconds() / 3600 + 18)
    assert (evidence(ousted, new).veto or "").startswith("different events")


def test_two_events_neither_item_reports_of_the_other_stay_apart_within_hours():
    notice = story_item("Eastborough issues section 114 notice",
                        "The council says it cannot balance its books this year.", 0, ("EAS",))
    chief = story_item("Eastborough appoints new chief executive",
                       "The council has named its director of housing to the top job.", 3, ("EAS",))
    events_a, events_b = headline_events(notice.title), headline_events(chief.title)
    assert not told_either_way(events_a, events_b, notice.text, chief.text)
    assert (evidence(notice, chief).veto or "").startswith("different events")
