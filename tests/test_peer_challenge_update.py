"""`/peer-challenge update` records stages (audited); `due` and `stats` follow from the dates."""
from datetime import date

import pytest

from sqlalchemy import event, select

from bot.plaintext import render_text
from handlers.context import Actor
from models.audit import AuditEntry
from models.council import Council
from models.peer_challenge import PeerChallenge
from models.peer_challenge_stats import StatsWindow, challenge_stats
from tests.programme_data import DEMO_NOW, add_challenges

OFFICER = Actor(user_id="U0PEER", name="Chris Peers", platform="slack", workspace="T1")


@pytest.fixture
def herald(make_app, database_url):
    """Herald with the officer as a programme manager (who may record peer-challenge stages)."""
    return make_app(database_url, HERALD_PROGRAMME_MANAGERS=(OFFICER.user_id,)).extensions["herald"]


def run(herald, command):
    reply, _ = herald.run_command(command, OFFICER)
    assert not reply.is_error, render_text(reply)
    return reply, render_text(reply)


def test_a_challenge_moves_through_its_stages(herald):
    reply, text = run(herald, 'peer-challenge update Harrogate "on site" 16/11/2026 lead:"Cllr Jane Doe" '
                              'team:"Four member and officer peers"')
    assert reply.title == "New challenge: North Yorkshire on site on 16 Nov 2026"
    assert "Harrogate Borough Council was abolished" in text and "Lead peer  Cllr Jane Doe" in text
    reply, text = run(herald, "peer-challenge update North Yorkshire report published yesterday "
                              "https://www.local.gov.uk/nyc-cpc-report")
    assert reply.title == "North Yorkshire report published on 22 Nov 2026"
    assert "Report     https://www.local.gov.uk/nyc-cpc-report" in text
    reply, text = run(herald, "peer-challenge due")
    assert reply.title == "Nothing due in the next 30 days"  # action plan due 17 Jan 2027
    _, stats = run(herald, "peer-challenge stats")
    assert "On site this month                                1" in stats
    assert "Reports published in 2026/27                      1" in stats
    assert "Three-year cycle coverage                         1 of 317 (0%)" in stats
    with herald.session() as session:
        challenge = session.scalars(select(PeerChallenge).where(PeerChallenge.council_code == "NYE")).one()
        assert (challenge.stage, challenge.stage_on, challenge.team) == (
            "report published", date(2026, 11, 22), "Four member and officer peers")
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "peer_challenge.stage")).all()
        assert [(a.actor, a.detail["stage"]) for a in audits] == [("U0PEER", "on site"), ("U0PEER", "report published")]


def test_follow_ups_fall_due_and_offered_again_starts_the_next_challenge(herald):
    run(herald, "peer-challenge update Wigan on site 10/12/2025")
    run(herald, "peer-challenge update Wigan report published 1/9/2026")
    reply, text = run(herald, "peer-challenge due")
    assert "• [R] Wigan: action plan  (due 27 Oct 2026)" in text  # 8 weeks after the report
    assert "• [A] Wigan: progress review  (due 10 Dec 2025" not in text
    assert "• [A] Wigan: progress review  (due 10 Dec 2026)" in text  # 12 months after on site: within 30 days
    run(herald, "peer-challenge update Wigan action plan 30/10/2026")
    _, text = run(herald, "peer-challenge due")
    assert "action plan" not in text.split("Action plans are due")[0]
    # "offered" after a challenge has moved on starts the next one; change of control counts its days
    run(herald, "peer-challenge update Thurrock offered 1/10/2026")
    with herald.session() as session:
        kinds = session.scalars(select(PeerChallenge.stage).where(PeerChallenge.council_code == "THR")).all()
        assert kinds == ["offered"]
    reply, text = run(herald, 'peer-challenge update Thurrock on site 2/10/2026 kind:"change of control" days:3')
    assert "Days used  3 of 5" in text
    reply, text = herald.run_command("peer-challenge update Thurrock on site kind:coc days:9", OFFICER)
    assert reply.is_error and "days used must be between 0 and 5" in render_text(reply)


def test_stats_count_correctly_in_a_fixed_number_of_queries(herald):
    with herald.session() as session:
        codes = list(session.scalars(select(Council.code).where(Council.current.is_(True)).order_by(Council.code)))
        assert len(codes) >= 390
        add_challenges(session, codes, DEMO_NOW)
    window = StatsWindow.at(date(2026, 11, 23))
    statements = []
    def listener(_conn, _cursor, statement, *_args) -> None:
        if not statement.startswith("BEGIN"):  # SQLite's transaction start is Herald's, not the query's
            statements.append(1)
    event.listen(herald.engine, "before_cursor_execute", listener)
    try:
        with herald.reading() as session:
            (overall,) = challenge_stats(session, window)
            by_region = challenge_stats(session, window, group_by="region")
    finally:
        event.remove(herald.engine, "before_cursor_execute", listener)
    assert len(statements) == 2  # one statement each, whatever the number of councils
    assert overall.offered == len(codes) and overall.peers == 40
    assert overall.committed == len([n for n in range(len(codes)) if n % 4 >= 1])
    assert sum(r.offered for r in by_region) == overall.offered  # Scotland, Wales, NI are groups too
    assert sum(r.cycle_total for r in by_region) == overall.cycle_total == 317
