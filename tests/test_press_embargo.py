"""An embargoed press release is seen only by its author and admins until the embargo lifts.

It is absent for everyone else in `/press list`, `/press show` and `/campaign`, and for everyone
(its author included) in exports and digests, which read through `visible_press(…, PUBLIC, …)`.
Runs on SQLite and PostgreSQL.
"""
from datetime import date, datetime, timezone

import pytest

from models.campaign import Campaign
from models.periods import parse_period
from models.press import PUBLIC, visible_press
from tests.press_fixtures import ADMIN, ALICE, BOB, ask, error_of, logged_id

TITLE = "Be a Councillor relaunch"
LIFTS = datetime(2026, 11, 24, 0, 1, tzinfo=timezone.utc)  # Tue 00:01 GMT


@pytest.fixture
def embargoed(herald, clock):
    """Alice logs a release embargoed until Tuesday 00:01, under a campaign; returns its id."""
    with herald.session() as s:
        s.add(Campaign(name="Be a Councillor", aliases=["BaC"], keywords=[], channels=[], created_at=clock.now(),
                       starts_on=date(2012, 2, 1)))
    reply = ask(herald, f'press log "press release" "{TITLE}" campaign:BaC embargo:"Tue 00:01"', ALICE)
    return logged_id(reply)


def listed(herald, actor, command="press list this week") -> bool:
    reply = ask(herald, command, actor)
    assert not reply.is_error
    return any(TITLE in item.title for section in reply.sections for item in section.items)


def exported(herald, actor) -> bool:
    reply = ask(herald, "press list this week export", actor)
    (attachment,) = reply.attachments
    return TITLE in attachment.content.decode()


def in_digest(herald, clock) -> bool:
    """What the digests read: the public view of this week."""
    with herald.session() as s:
        week = parse_period("this week", clock.now(), herald.settings.tz)
        return any(p.title == TITLE for p in visible_press(s, PUBLIC, clock.now(), week))


def test_embargoed_release_is_hidden_until_it_lifts(herald, clock, embargoed):
    assert not listed(herald, BOB)
    assert error_of(ask(herald, f"press show {embargoed}", BOB)) == \
        f"There is no press activity #{embargoed} that you can see."
    assert not listed(herald, BOB, "campaign Be a Councillor")
    assert listed(herald, ALICE) and listed(herald, ADMIN)  # its author and admins see it, marked
    alice_item = next(i for s in ask(herald, "press list this week", ALICE).sections for i in s.items)
    assert alice_item.detail == "Embargoed until Tue 24 Nov 2026 00:01: only its author and admins see it"
    assert not exported(herald, ALICE) and not exported(herald, ADMIN)  # exports leave the room
    assert not in_digest(herald, clock)

    clock.set(LIFTS - (LIFTS - clock.now()) / 2)
    assert not listed(herald, BOB) and not in_digest(herald, clock)  # still Monday night

    clock.set(LIFTS)
    assert listed(herald, BOB) and exported(herald, BOB) and in_digest(herald, clock)
    assert listed(herald, BOB, "campaign Be a Councillor")
    assert not ask(herald, f"press show {embargoed}", BOB).is_error


def test_other_officers_cannot_edit_an_embargoed_item_they_cannot_see(herald, embargoed):
    reply = ask(herald, f"press edit {embargoed} outlet:LGC", BOB)
    assert error_of(reply) == f"There is no press activity #{embargoed} that you can see."


def test_embargo_in_british_summer_time(herald, clock):
    clock.set(datetime(2026, 6, 15, 8, 0, tzinfo=timezone.utc))  # Monday 09:00 BST
    press_id = logged_id(ask(herald, 'press log statement "Summer statement" embargo:"Tue 00:01"', ALICE))
    clock.set(datetime(2026, 6, 15, 23, 0, tzinfo=timezone.utc))  # Monday 23:59 BST
    assert ask(herald, f"press show {press_id}", BOB).is_error
    clock.set(datetime(2026, 6, 15, 23, 1, tzinfo=timezone.utc))  # Tuesday 00:01 BST
    assert not ask(herald, f"press show {press_id}", BOB).is_error
