"""Polling Parliament's APIs (loopback fakes of their documented shapes) and asking `/parliament`."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feeds.parliament.poll import poll_parliament
from models.parliament import ParliamentMention, ParliamentMentionCouncil, ParliamentSource
from tests.coverage_fixtures import RecordingNotifier, reply_text, run
from tests.fakes.http import Answer
from tests.fakes.parliament import HANSARD_PATH, QUESTIONS_PATH, question
from tests.parliament_fixtures import MONDAY, parl_herald, parliament_fake  # noqa: F401 (fixtures)


def _count(herald, model=ParliamentMention) -> int:
    with herald.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_two_polls_find_each_matching_contribution_question_and_statement_once(parl_herald, parliament_fake):
    assert "Watching “sector support”" in run(parl_herald, 'parliament watch add "sector support"').title
    first = poll_parliament(parl_herald)
    assert [(o.source, o.status, o.created) for o in first.outcomes] == \
        [("hansard", "ok", 2), ("questions", "ok", 1), ("statements", "ok", 1)]
    second = poll_parliament(parl_herald)
    assert second.created == 0 and not second.failed
    assert _count(parl_herald) == 4

    answer = run(parl_herald, "parliament this week")
    text = reply_text(answer)
    assert answer.title == "In Parliament this week: 4 mentions"
    for needle in ("Baroness Example (Lab)", "Lords", "Local Government: Improvement",
                   "https://hansard.parliament.uk/Lords/2026-11-23/debates/D-LORDS-1/LocalGovernmentImprovement"
                   "#contribution-C-LORDS-1", "Jim Example (Con)", "Westminster Hall", "Council Finances",
                   "Ms Diane Example (Labour)", "answer expected 30 Nov 2026",
                   "https://questions-statements.parliament.uk/written-questions/detail/2026-11-23/100001",
                   "written statement"):
        assert needle in text, needle
    assert text.count("Council Finances") == 1 and "Bus services" not in text
    assert "alert(1)" not in text and "<script>" not in text  # speech HTML stripped, script dropped
    lords = reply_text(run(parl_herald, "parliament this week house:lords"))
    assert "Baroness Example" in lords and "Jim Example" not in lords
    assert run(parl_herald, "parliament this week member:jim").title == "In Parliament this week: 1 mention"
    assert run(parl_herald, 'parliament this week term:"sector support offer"').title == \
        "In Parliament this week: 1 mention"
    # the passage is the sentence around the term, not the whole speech
    assert "transformed Thurrock Council's finances" in text and "Another point entirely" not in text


def test_a_mention_of_a_council_is_filed_under_it_and_council_shows_it(parl_herald):
    run(parl_herald, 'parliament watch add "sector support"')
    poll_parliament(parl_herald)
    with parl_herald.session() as s:
        assert list(s.scalars(select(ParliamentMentionCouncil.council_code))) == ["THR"]
    assert "Baroness Example" in reply_text(run(parl_herald, "parliament this week council:Thurrock"))


def test_a_later_answer_updates_the_stored_question(parl_herald, parliament_fake, clock):
    run(parl_herald, 'parliament watch add "sector support"')
    poll_parliament(parl_herald)
    clock.advance(days=2)
    parliament_fake.questions[0] = question(90001, parliament_fake.questions[0]["questionText"], MONDAY,
                                            member_id=172, answer="<p>The offer is <i>working</i>.</p>",
                                            answered=date(2026, 11, 25))
    report = poll_parliament(parl_herald)
    assert [(o.source, o.created, o.updated) for o in report.outcomes][1] == ("questions", 0, 1)
    with parl_herald.session() as s:
        q = s.scalar(select(ParliamentMention).where(ParliamentMention.ext_id == "wq:90001"))
        assert (q.answer_text, f"{q.answered_at:%Y-%m-%d}") == ("The offer is working.", "2026-11-25")
    assert _count(parl_herald) == 4


def test_429_then_200_loses_nothing_and_pages_through_everything(make_app, database_url, parliament_fake):
    from tests.fakes.parliament import contribution
    parliament_fake.contributions += [contribution(f"C-PAGE-{i}", f"<p>Sector support note {i}.</p>", MONDAY,
                                                   debate=f"D-{i}") for i in range(7)]
    settings = {**parliament_fake.settings, "HERALD_PARLIAMENT_PAGE_SIZE": 3}
    herald = make_app(database_url, **settings).extensions["herald"]
    run(herald, 'parliament watch add "sector support"')
    parliament_fake.server.script(HANSARD_PATH, Answer(429, {"message": "slow down"}, {"Retry-After": "0"}),
                                  parliament_fake._answer)
    waits: list[float] = []
    report = poll_parliament(herald, sleep=waits.append)
    assert report.outcomes[0].status == "ok" and report.outcomes[0].created == 9
    assert 0.0 in waits  # the Retry-After was honoured
    asked = parliament_fake.server.received(HANSARD_PATH)
    assert asked[0].query == asked[1].query  # the request that met the 429 was asked again
    skips = [r.query["queryParameters.skip"][0] for r in asked
             if r.query.get("queryParameters.searchTerm") == ["sector support"]]
    assert skips == ["0", "3", "6"]  # pages of 3 to the total (9 items)


def test_malformed_json_and_5xx_are_retried_recorded_reported_and_herald_keeps_serving(parl_herald, parliament_fake,
                                                                                      clock):
    run(parl_herald, 'parliament watch add "sector support"')
    parliament_fake.server.script(QUESTIONS_PATH, Answer(500, "boom"), Answer(200, b"{not json"))
    notifier = RecordingNotifier()
    herald = parl_herald
    from dataclasses import replace
    herald.settings = replace(herald.settings, HERALD_ADMIN_CHANNEL="CADMIN")
    report = poll_parliament(herald, notifier)
    statuses = {o.source: o.status for o in report.outcomes}
    assert statuses == {"hansard": "ok", "questions": "failed", "statements": "ok"}
    assert "not valid JSON" in report.failed[0].error
    assert [(dest, r.title) for _p, dest, r in notifier.sent] == [("CADMIN", "Parliament source failing: questions")]
    health = reply_text(run(herald, "parliament sources"))
    assert "questions" in health and "not valid JSON" in health and "1 failing" in health
    assert run(herald, "parliament this week").title == "In Parliament this week: 3 mentions"  # still serving
    poll_parliament(herald, notifier)
    assert len(notifier.sent) == 1  # reported once, not every poll

    parliament_fake.server.script(QUESTIONS_PATH, parliament_fake._answer)  # the API recovers
    clock.advance(hours=3)
    report = poll_parliament(herald, notifier)
    assert {o.source: o.created for o in report.outcomes}["questions"] == 1  # the gap is covered
    assert notifier.sent[-1][2].title == "Parliament source recovered: questions"
    with herald.session() as s:
        row = s.get(ParliamentSource, "questions")
        assert (row.consecutive_failures, row.last_error) == (0, None)


def test_two_polls_at_once_store_each_mention_once(parl_herald):
    import threading
    run(parl_herald, 'parliament watch add "sector support"')
    reports, start = [], threading.Barrier(2)

    def poll() -> None:
        start.wait()
        reports.append(poll_parliament(parl_herald))

    threads = [threading.Thread(target=poll) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(reports) == 2 and all(not r.failed for r in reports) and sum(r.created for r in reports) == 4
    assert _count(parl_herald) == 4


def test_a_timeout_is_retried_and_an_empty_page_ends_the_paging(make_app, sqlite_url, parliament_fake):
    settings = {**parliament_fake.settings, "HERALD_FEED_READ_TIMEOUT": 0.3, "HERALD_FEED_TOTAL_TIMEOUT": 1}
    herald = make_app(sqlite_url, **settings).extensions["herald"]
    run(herald, 'parliament watch add "sector support"')
    parliament_fake.server.script(HANSARD_PATH, Answer(200, {"Results": [], "TotalResultCount": 0}, delay=1.0),
                                  parliament_fake._answer)
    parliament_fake.server.script(QUESTIONS_PATH, Answer(200, {"results": []}))  # an empty page, no total
    report = poll_parliament(herald)
    assert [(o.source, o.status, o.created) for o in report.outcomes] == \
        [("hansard", "ok", 2), ("questions", "ok", 0), ("statements", "ok", 1)]
    assert len(parliament_fake.server.received(QUESTIONS_PATH)) == 4  # one empty page per term and query
