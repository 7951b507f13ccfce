"""Full-text search over lines with each database's own engine (SQLite FTS5, PostgreSQL tsvector), on both:
word forms, ranking, the index kept in step with edits and withdrawals, and no query syntax leaking in."""
from __future__ import annotations

from datetime import date

import pytest

from handlers.context import Actor
from models.lines import LineDraft, Tag, approve_line, draft_line, edit_line, withdraw_line
from models.lines_search import lines_matching, search_lines
from models.press import Viewer

WRITER = Actor(user_id="UWRITER", name="Wren", platform="slack")
APPROVER = Actor(user_id="UAPPROVER", name="Abe", platform="slack")
TEAM = Viewer(user_id="UMEMBER")


@pytest.fixture
def three(session, clock):
    """Three lines: one about Oflog in its topic, one mentioning Oflog once in its text, one about housing."""
    now = clock.now()
    made = {}
    for key, topic, text, tags in (
            ("topic", "Oflog launch", "We welcome the new office and its focus on assurance.", [Tag("Oflog", "word", "oflog")]),
            ("text", "Council finances", "Councils need sustainable funding; Oflog will report on it.", []),
            ("other", "Housing", "Councils are building homes again.", [Tag("housing", "word", "housing")])):
        line = draft_line(session, topic, LineDraft(text, None, date(2027, 3, 31)), tags, "on_request", None, WRITER, now)
        approve_line(session, line, APPROVER, now)
        made[key] = line
    session.flush()
    return made


def _topics(session, words, clock) -> list[str]:
    return [line.topic for line in search_lines(session, words, TEAM, clock.now())]


def test_word_forms_ranking_and_tags(session, clock, three):
    assert _topics(session, "assuring", clock) == ["Oflog launch"]  # "assurance" by its stem
    assert _topics(session, "oflog", clock) == ["Oflog launch", "Council finances"]  # topic and tag rank first
    assert _topics(session, "homes building", clock) == ["Housing"]
    assert _topics(session, "housing councils", clock)[0] == "Housing"  # all words first
    assert _topics(session, "zebra crossings", clock) == []


@pytest.mark.parametrize("hostile", ['"', "Oflog OR", "NEAR(oflog", "oflog*", "-oflog", "oflog:", "' ; DROP", "!!", ""])
def test_query_syntax_never_reaches_the_engine(session, clock, three, hostile):
    found = _topics(session, hostile, clock)
    assert found in ([], ["Oflog launch", "Council finances"])


def test_the_index_follows_edits_approvals_and_withdrawals(session, clock, three):
    now = clock.now()
    line = three["other"]
    edit_line(session, line, LineDraft("Councils want more social rent.", None, None), WRITER, now)
    assert _topics(session, "social rent", clock) == ["Housing"]  # a waiting draft is findable (as a draft)
    approve_line(session, line, APPROVER, now)
    assert _topics(session, "building homes", clock) == []  # the superseded words are gone from the index
    withdraw_line(session, line, "Out of date", APPROVER, now)
    assert _topics(session, "social rent", clock) == []
    assert [found.topic for found in lines_matching(session, "Oflog", now=now)] == ["Oflog launch", "Council finances"]
