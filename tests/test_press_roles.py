"""Who may change press activity: its author or an admin. Every change is audited; deletes are soft."""
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from models.audit import AuditEntry
from models.press import PressActivity
from tests.press_fixtures import ADMIN, ALICE, BOB, ask, logged_id, text_of


@pytest.fixture
def herald(make_app, sqlite_url):
    return make_app(sqlite_url).extensions["herald"]


@pytest.fixture
def alices(herald):
    return logged_id(ask(herald, 'press log statement "Response to Oflog launch" outlet:LGC', ALICE))


def audit_actions(herald, press_id: int) -> list[tuple[str, str, dict]]:
    with herald.session() as s:
        return [(e.action, e.actor, e.detail) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "press_activity", AuditEntry.entity_id == str(press_id)).order_by(AuditEntry.id))]


def test_the_author_edits_and_the_change_is_audited_with_old_and_new(herald, alices):
    reply = ask(herald, f'press edit {alices} outlet:"The MJ" date:"17/02/2011 10am" spokesperson:"Cllr Abi Brown"',
                ALICE)
    assert reply.title == f"Updated #{alices} Response to Oflog launch"
    assert [(f.label, f.value) for f in reply.sections[0].facts] == [
        ("Outlet", "The MJ"), ("Date", "Thu 17 Feb 2011 10:00"), ("Spokesperson", "Cllr Abi Brown")]
    with herald.session() as s:
        activity = s.get(PressActivity, alices)
        assert (activity.outlet_name, activity.spokesperson) == ("The MJ", "Cllr Abi Brown")
        assert activity.occurred_at == datetime(2011, 2, 17, 10, 0, tzinfo=timezone.utc)
    (_, (action, actor, detail)) = audit_actions(herald, alices)
    assert (action, actor) == ("press.edit", ALICE.user_id)
    assert detail["outlet_name"] == ["LGC", "The MJ"]
    assert detail["occurred_at"] == ["2026-11-23T09:00:00+00:00", "2011-02-17T10:00:00+00:00"]


def test_another_officer_is_refused_and_told_why(herald, alices):
    reply = ask(herald, f"press edit {alices} outlet:MJ", BOB)
    assert reply.title == "Not allowed"
    assert reply.sections[0].text == ("Only admins or its author, Alice Officer, can edit press activity. "
                                      "Nothing was changed: ask one of them to make the change for you.")
    assert ask(herald, f"press delete {alices}", BOB).title == "Not allowed"
    assert [a for a, _, _ in audit_actions(herald, alices)] == ["press.log"]


def test_an_admin_may_change_anything(herald, alices):
    assert not ask(herald, f"press edit {alices} type:interview embargo:none", ADMIN).is_error
    with herald.session() as s:
        assert s.get(PressActivity, alices).kind == "interview"
    assert audit_actions(herald, alices)[-1][:2] == ("press.edit", ADMIN.user_id)


def test_delete_is_soft_hidden_everywhere_and_audited(herald, alices):
    assert ask(herald, f"press delete {alices}", ALICE).title == f"Deleted #{alices} Response to Oflog launch"
    assert "Response to Oflog launch" not in text_of(ask(herald, "press list", ALICE))
    assert ask(herald, f"press show {alices}", ADMIN).is_error
    with herald.session() as s:
        assert s.get(PressActivity, alices).deleted_at is not None  # nothing lost
    assert audit_actions(herald, alices)[-1][:2] == ("press.delete", ALICE.user_id)
    assert ask(herald, f"press restore {alices}", BOB).title == "Not allowed"
    assert ask(herald, f"press restore {alices}", ALICE).title == f"Restored #{alices} Response to Oflog launch"
    assert "Response to Oflog launch" in text_of(ask(herald, "press list", BOB))
    assert audit_actions(herald, alices)[-1][:2] == ("press.restore", ALICE.user_id)
    assert ask(herald, f"press restore {alices}", ALICE).sections[0].text == \
        f"There is no deleted press activity #{alices}."


def test_an_edit_that_changes_nothing_says_so_and_audits_nothing(herald, alices):
    assert ask(herald, f"press edit {alices} outlet:LGC", ALICE).title == f"Nothing changed on #{alices}"
    assert len(audit_actions(herald, alices)) == 1


def test_a_failed_edit_changes_nothing(herald, alices):
    reply = ask(herald, f'press edit {alices} outlet:"The MJ" campaign:"No such campaign"', ALICE)
    assert reply.is_error
    with herald.session() as s:
        assert s.get(PressActivity, alices).outlet_name == "LGC"


def test_export_is_a_csv_a_spreadsheet_cannot_run(herald):
    ask(herald, 'press log statement "=1+2 budget row" outlet:LGC date:today', ALICE)
    reply = ask(herald, "press list this week export", BOB)
    (attachment,) = reply.attachments
    assert (attachment.filename, attachment.mimetype) == ("press-this-week.csv", "text/csv")
    rows = [line.split(",", 4) for line in attachment.content.decode("utf-8-sig").splitlines()]
    assert rows[0] == ["id", "date", "type", "title", "outlet,spokesperson,link,earned_confirmed,earned_suggested,logged_by"]
    assert rows[1][2:4] == ["statement", "'=1+2 budget row"]
