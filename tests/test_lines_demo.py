"""The demo's lines to take, from the seeds' topics: current, review due, a draft, and their uses."""
from __future__ import annotations

from tests.press_fixtures import BOB, ask, demo_herald, demo_sqlite_template, text_of  # noqa: F401


def test_the_demo_has_current_review_due_and_draft_lines_joined_to_its_press(demo_herald):
    oflog = text_of(ask(demo_herald, "lines Oflog", BOB))
    assert oflog.startswith("Line to take: Oflog launch") and "Approved      Demo approver" in oflog
    woking = ask(demo_herald, "have we said anything about Woking's finances?", BOB)
    assert woking.title == "Line to take: Peer challenge and assurance" and "REVIEW DUE" in text_of(woking)
    assert "No approved line on Be a Councillor" in text_of(ask(demo_herald, "lines Be a Councillor", BOB))
    history = text_of(ask(demo_herald, "lines history Oflog launch", BOB))
    assert "Response to Oflog launch" in history and "1 use(s) recorded" in history
    assert "/lines" in text_of(ask(demo_herald, "herald help", BOB))  # /herald help lists the family
