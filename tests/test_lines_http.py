"""The lines-to-take bars, over signed Slack HTTP against the loopback fake Slack API, on SQLite and PostgreSQL:
draft, refused and allowed approval, finding by topic, tag and word form, editing, review due, withdrawal,
posting into the thread, and escaping."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models.audit import REFUSED, AuditEntry
from models.lines import Line, LineUse
from tests.lines_fixtures import ADMIN, APPROVER, MEMBER, OFLOG, WRITER, Lines, lines  # noqa: F401

pytest_plugins = ("tests.slack_fixtures",)


def _approved(lines: Lines) -> int:
    line = lines.line_id(lines.type(OFLOG, WRITER))
    assert "Approved v1" in lines.type(f"approve {line}", APPROVER)
    return line


def test_drafted_refused_for_a_member_approved_by_an_approver_and_found_three_ways(lines: Lines):
    drafted = lines.type(OFLOG, WRITER)
    line = lines.line_id(drafted)
    assert "Drafted line" in drafted and "DRAFT until an approver approves it" in drafted
    before = lines.type("Oflog launch")
    assert "No approved line on Oflog launch" in before and "DRAFT: not approved" in before and "Draft one" in before

    refused = lines.type('approve "Oflog launch"', MEMBER)
    assert "Not allowed" in refused and "Only admins or line approvers can approve a line to take" in refused
    assert "HERALD_LINE_APPROVERS" in refused
    with lines.herald.session() as s:
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.entity == REFUSED)).all() == ["lines.approve"]

    approved = lines.type('approve "Oflog launch"', APPROVER)
    assert "Approved v1: Oflog launch" in approved and "Approved" in approved
    for words in ("Oflog launch", "tag:assurance", "assuring", "council:Thurrock", "OFLOG"):
        found = lines.type(words)
        assert "Line to take: Oflog launch" in found, words
        assert "We welcome the launch" in found and "Cllr Abi Brown" in found and "31 Mar 2027" in found
        assert f"lines post {line}" in found  # the "Post this line" button
    assert "assuring" not in lines.type("assuring").split("text")[0]  # found by its stem, not the word itself
    with lines.herald.session() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "line")).all()
    assert actions == ["lines.draft", "lines.approve"]


def test_the_author_cannot_approve_their_own_draft_unless_allowed(lines: Lines, make_slack, database_url):
    line = lines.line_id(lines.type(OFLOG, APPROVER))
    refused = lines.type(f"approve {line}", APPROVER)
    assert "Not allowed" in refused and "another approver must approve it" in refused
    assert "Approved v1" in lines.type(f"approve {line}", ADMIN)


def test_an_edit_leaves_the_approved_text_in_use_until_approved_and_the_old_version_reads_as_superseded(lines: Lines):
    line = _approved(lines)
    edited = lines.type(f'edit {line} text:"We welcome Oflog and will work with it on assurance."', WRITER)
    assert "Drafted v2" in edited and "stays in use" in edited
    found = lines.type("Oflog")
    assert "We welcome the launch of the Office" in found and "A newer draft (v2) awaits approval" in found
    assert "Approved v2" in lines.type(f"approve {line}", APPROVER)
    found = lines.type("Oflog")
    assert "We welcome Oflog and will work with it" in found and "We welcome the launch of the Office" not in found
    history = lines.type(f"history {line}")
    assert "v2" in history and "CURRENT" in history and "SUPERSEDED" in history
    assert "We welcome the launch of the Office" in history


def test_a_line_past_its_review_date_is_review_due_and_is_not_posted(lines: Lines):
    line = _approved(lines)
    lines.clock.set(lines.clock.now().replace(year=2027, month=4, day=1))
    found = lines.type("Oflog")
    assert "REVIEW DUE" in found and f"lines post {line}" not in found
    refused = lines.click(f"lines post {line}")
    assert "was not posted: it is past its review date" in refused
    assert lines.api.calls("chat.postMessage") == []


def test_a_withdrawn_line_is_never_posted_by_a_button(lines: Lines):
    line = _approved(lines)
    assert "Not allowed" in lines.type(f'withdraw {line} reason:"Replaced"', APPROVER)  # admins only
    assert "Withdrawn line" in lines.type(f'withdraw {line} reason:"Replaced by the new framework"', ADMIN)
    refused = lines.click(f"lines post {line}")
    assert "was not posted: it has been withdrawn" in refused
    assert lines.api.calls("chat.postMessage") == []
    assert "No approved line" in lines.type("Oflog")
    history = lines.type(f"history {line}")
    assert "WITHDRAWN" in history and "Replaced by the new framework" in history


def test_post_this_line_goes_into_the_thread_where_it_was_asked_and_the_use_is_recorded(lines: Lines):
    line = _approved(lines)
    lines.click(f"lines post {line}", thread_ts="1795424400.000100")
    posts = lines.api.calls("chat.postMessage")
    assert [(p["channel"], p["thread_ts"]) for p in posts] == [("C1", "1795424400.000100")]
    assert "We welcome the launch" in posts[0]["text"] + str(posts[0].get("blocks"))
    with lines.herald.session() as s:
        uses = s.scalars(select(LineUse)).all()
    assert [(u.line_id, u.used_by, u.channel) for u in uses] == [(line, MEMBER, "C1")]
    assert "1 use(s) recorded" in lines.type(f"history {line}")


def test_line_text_is_shown_and_never_pings(lines: Lines):
    line = lines.line_id(lines.type('draft "Pings" text:"Hello @channel <!here> <!channel> <@U123> & co"', WRITER))
    lines.type(f"approve {line}", APPROVER)
    shown = lines.type("Pings")
    assert "&lt;!here&gt;" in shown and "&lt;@U123&gt;" in shown and "&amp; co" in shown
    assert "<!here>" not in shown and "<@U123>" not in shown and "<!channel>" not in shown
    posted = lines.click(f"lines post {line}")  # not in a thread: for everyone in the channel, by response_url
    assert '"response_type": "in_channel"' in posted
    assert "<!here>" not in posted and "&lt;!here&gt;" in posted and "link_names" not in posted


def test_review_dates_in_the_past_or_unreadable_are_questioned_not_guessed(lines: Lines):
    past = lines.type('draft "X" text:"Words" review:"31 March"', WRITER)
    assert "31 March 2026 is in the past" in past and "with its year" in past
    unreadable = lines.type('draft "X" text:"Words" review:"when it suits"', WRITER)
    assert "is not a date I can read" in unreadable and "Usage" in unreadable
    assert "Give the line" in lines.type('draft "X"', WRITER)
    with lines.herald.session() as s:
        assert s.scalars(select(Line)).all() == []


def test_a_plain_english_question_finds_the_line(lines: Lines):
    _approved(lines)
    reply, _ = lines.herald.run_command("what's our line on Oflog?", _actor(MEMBER))
    assert reply.understood == "/lines oflog" and reply.title == "Line to take: Oflog launch"
    reply, _ = lines.herald.run_command("have we said anything about Thurrock?", _actor(MEMBER))
    assert reply.title == "Line to take: Oflog launch"


def _actor(user: str):
    from handlers.context import Actor
    return Actor(user_id=user, name=user.lower(), platform="slack", workspace="T1")


def test_history_says_what_was_current_on_a_date(lines: Lines):
    line = _approved(lines)
    lines.clock.advance(days=40)
    lines.type(f'edit {line} text:"Second words."', WRITER)
    lines.type(f"approve {line}", APPROVER)
    then = (lines.clock.now() - timedelta(days=20)).strftime("%d/%m/%Y")
    history = lines.type(f'history {line} on:"{then}"')
    assert "What we said on" in history and "v1: We welcome the launch" in history


def test_a_line_renders_for_teams_without_mentions(lines: Lines):
    import json

    from bot.teams.cards import render_cards
    from tests.teams_fixtures import card_validator
    hostile = "Hello <at>Herald</at> @channel <!here> [click](https://evil.example) & co"
    line = lines.line_id(lines.type(f'draft "Pings" text:"{hostile}"', WRITER))
    lines.type(f"approve {line}", APPROVER)
    reply, _ = lines.herald.run_command(f"lines post {line}", _actor(MEMBER))
    cards = render_cards(reply)
    for card in cards:
        card_validator().validate(card)
        assert "entities" not in card.get("msteams", {})  # a Teams mention needs one: none, so no ping
    shown = []

    def walk(node):
        if isinstance(node, dict):
            if "evil.example" in str(node.get("text", "")):
                shown.append(node["type"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(cards)
    assert shown and set(shown) == {"TextRun"}  # a TextRun shows its text as typed: no markdown link, no mention
    assert "Hello" in json.dumps(cards, ensure_ascii=False)


def _submit(lines: Lines, values: dict[str, dict], user: str = WRITER) -> dict:
    import json
    payload = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": user, "name": "wren", "team_id": "T1"},
               "api_app_id": "A1", "trigger_id": "trf",
               "view": {"id": "VL1", "hash": f"h{len(str(values))}", "callback_id": "herald_form_lines_draft",
                        "type": "modal", "private_metadata": json.dumps({"channel": "C1"}),
                        "state": {"values": {k: {"value": v} for k, v in values.items()}}}}
    response = lines.harness.interaction(payload)
    assert response.status_code == 200
    return response.get_json() or {}


def test_bare_lines_draft_opens_a_form_whose_paragraphs_are_kept_and_whose_errors_show_on_their_field(lines: Lines):
    assert lines.harness.command("/lines", "draft", user=WRITER, trigger="T-form").status_code == 200
    [opened] = lines.api.calls("views.open")
    assert "herald_form_lines_draft" in str(opened)
    text = {"type": "plain_text_input", "value": "We welcome Oflog.\n\nWe will work with it on assurance."}
    topic = {"type": "plain_text_input", "value": "Oflog launch"}
    refused = _submit(lines, {"topic": topic, "text": text, "review": {"type": "datepicker",
                                                                      "selected_date": "2026-03-31"}})
    assert refused["response_action"] == "errors" and "in the past" in refused["errors"]["review"]
    assert _submit(lines, {"topic": topic, "text": text, "review": {"type": "datepicker", "selected_date": "2027-03-31"},
                           "use": {"type": "static_select", "selected_option": {"value": "volunteer"}}}) == {}
    with lines.herald.session() as s:
        [line] = s.scalars(select(Line)).all()
        assert (line.topic, line.use, line.versions[0].text) == (
            "Oflog launch", "volunteer", "We welcome Oflog.\n\nWe will work with it on assurance.")
