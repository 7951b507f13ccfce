"""Round thirteen of the story evidence (issue 19): one council's two ombudsman cases are two stories; a halt beside a
step of one council, the one item naming the council and the other only its town, is a step and its reversal."""
from __future__ import annotations

from models.story_evidence import evidence
from tests.story_items import story_item


def test_one_councils_two_ombudsman_cases_are_two_stories():
    send = story_item("Croydon ombudsman finds delay in SEND plan",
                      "The ombudsman has found Croydon Council took 48 weeks to issue an EHC plan.", 0, ("CRY",))
    damp = story_item("Croydon ordered to pay £3,000 to family in mouldy temporary home",
                      "The ombudsman found the family's complaints about damp were ignored by the council.", 12, ("CRY",))
    assert evidence(send, damp).veto == \
        "one council's two ombudsman cases (nothing shared but the council and the finding's words)"
    # One case told twice names its subject both times.
    retold = story_item("Croydon told to pay family over mouldy flat",
                        "The ombudsman said the council ignored complaints about damp in the temporary home.", 5, ("CRY",))
    assert evidence(damp, retold).veto is None
    # A finding whose headline tells no subject of its own may be the other's case told by its payout.
    paid = story_item("Ombudsman orders Croydon to pay family £3,000", "The watchdog upheld the complaint.", 3, ("CRY",))
    assert evidence(send, paid).veto is None


def test_a_halt_beside_a_step_of_one_council_named_by_its_town():
    green = story_item("Green light for Coventry's tram-style transport",
                       "Coventry City Council has approved the Very Light Rail scheme.", 0, ("COV",))
    delayed = story_item("Coventry Very Light Rail trial delayed", "The trial on city streets will not start until "
                         "next year.", 20)
    assert evidence(green, delayed).veto == "opposite turns of a matter (halted / decided)"
    running = story_item("Coventry Very Light Rail trial begins", "Passengers rode the tram on city streets.", 20)
    assert evidence(green, running).veto is None
