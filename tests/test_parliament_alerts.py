"""A mention of the organisation or a programme posts once to the team channel (the shared notices);
a plain member cannot change the watch list; bad input gets usage; terms that match everything are refused."""
from __future__ import annotations

from bot.delivery import Pacer
from digests.notices import send_due_notices
from feeds.parliament.poll import poll_parliament
from tests.coverage_fixtures import reply_text, run
from tests.digest_fixtures import pacing, slack  # noqa: F401 (fixtures)
from tests.parliament_fixtures import parliament_fake  # noqa: F401 (fixtures)


def _team_posts(slack) -> list[dict]:
    return [c for c in slack.calls("chat.postMessage") if c["channel"] == "CTEAM"]


def test_a_mention_of_the_organisation_posts_once_to_the_team_channel(make_app, database_url, parliament_fake,
                                                                       slack, pacing, clock):
    herald = make_app(database_url, **parliament_fake.settings, SLACK_API_URL=slack.api_url,
                      SLACK_BOT_TOKEN="xoxb-test", HERALD_TEAM_CHANNEL="CTEAM", HERALD_ORGANISATION_NAMES=("LGA",),
                      PACER=Pacer(monotonic=pacing.monotonic, sleep=pacing.sleep)).extensions["herald"]
    run(herald, 'parliament watch add "sector support"')
    poll_parliament(herald)
    poll_parliament(herald)  # found again: still one notice
    assert send_due_notices(herald, "clock:a") == 1
    assert send_due_notices(herald, "clock:b") == 0
    clock.advance(hours=3)
    poll_parliament(herald)
    assert send_due_notices(herald, "clock:a") == 0
    (post,) = _team_posts(slack)
    words = post["text"] + " " + str(post.get("blocks"))
    assert "Mentioned in Parliament" in words and "Jim Example (Con)" in words and "Council Finances" in words
    assert "hansard.parliament.uk/Commons/2026-11-23/debates/D-COMMONS-1" in words
    assert "<!channel>" not in words and "&lt;!channel&gt;" in words  # the speech's text can never ping
    assert "Baroness Example" not in words  # an admin's own term is listed, not announced


def test_a_plain_member_cannot_change_the_watch_list(make_app, database_url, parliament_fake):
    herald = make_app(database_url, **parliament_fake.settings).extensions["herald"]
    refused = run(herald, 'parliament watch add "sector support"', admin=False)
    assert refused.title == "Not allowed" and "Only admins can add a term to the Parliament watch list" in \
        reply_text(refused)
    run(herald, 'parliament watch add "sector support"')
    assert run(herald, 'parliament watch remove "sector support"', admin=False).title == "Not allowed"
    assert "sector support" in reply_text(run(herald, "parliament watch list", admin=False))
    assert run(herald, "parliament tone 1 negative", admin=False).title == "Not allowed"


def test_terms_that_are_too_short_or_match_everything_are_refused_with_a_reason(sqlite_url, make_app):
    herald = make_app(sqlite_url).extensions["herald"]
    for term, reason in (('"ab"', "too short"), ("council", "match nearly every debate"),
                         ('"local government"', "match nearly every debate"), ('"of the"', "nearly every")):
        answer = run(herald, f"parliament watch add {term}")
        assert answer.is_error and reason in reply_text(answer) and "/parliament watch add" in reply_text(answer), term
    for bad in ("next fortnight", "this week house:senate", "this week colour:red", "tone x positive",
                "tone 1 glowing", "watch frobnicate", 'watch add "unclosed'):
        answer = run(herald, f"parliament {bad}")
        assert answer.is_error and "Usage" in reply_text(answer), bad
    assert "not on the watch list" in reply_text(run(herald, 'parliament watch remove "nothing here"'))
    assert run(herald, "parliament this week").title == "Nothing in Parliament this week"


def test_a_stored_mention_newly_matching_the_organisation_is_announced_once(make_app, sqlite_url, parliament_fake,
                                                                          slack, pacing, clock):
    from dataclasses import replace
    herald = make_app(sqlite_url, **parliament_fake.settings, SLACK_API_URL=slack.api_url,
                      SLACK_BOT_TOKEN="xoxb-test", HERALD_TEAM_CHANNEL="CTEAM", HERALD_ORGANISATION_NAMES=(),
                      PACER=Pacer(monotonic=pacing.monotonic, sleep=pacing.sleep)).extensions["herald"]
    run(herald, 'parliament watch add "sector support"')
    poll_parliament(herald)
    assert send_due_notices(herald, "clock:a") == 0  # nothing of ours named yet
    herald.settings = replace(herald.settings, HERALD_ORGANISATION_NAMES=("LGA",))
    clock.advance(hours=2)
    poll_parliament(herald)
    poll_parliament(herald)
    assert send_due_notices(herald, "clock:a") == 1 and send_due_notices(herald, "clock:b") == 0
    (post,) = _team_posts(slack)
    assert "Jim Example" in post["text"] + str(post.get("blocks"))


def test_the_clock_polls_a_source_only_when_it_is_due(make_app, sqlite_url, parliament_fake, clock):
    herald = make_app(sqlite_url, **parliament_fake.settings).extensions["herald"]
    run(herald, 'parliament watch add "sector support"')
    assert poll_parliament(herald, everything=False).created == 4
    asked = len(parliament_fake.server.requests)
    clock.advance(minutes=119)
    report = poll_parliament(herald, everything=False)
    assert {o.status for o in report.outcomes} == {"skipped"} and len(parliament_fake.server.requests) == asked
    clock.advance(minutes=1)
    report = poll_parliament(herald, everything=False)
    assert {o.status for o in report.outcomes} == {"ok"} and report.created == 0
