"""`/programme` on a fresh demo: the board, one programme by the names people use, and its history."""
import pytest
from sqlalchemy import event

from bot.plaintext import render_text
from handlers.context import Actor
from models.demo import PROGRAMMES
from models.programme import RATINGS, board_counts, programme_board
from tests.programme_data import DEMO_NOW, add_programmes

pytest_plugins = ("tests.programme_fixtures",)  # demo_herald, read_session: one shared demo database


def ask(herald, command):
    reply, _ = herald.run_command(command, Actor.cli())
    return reply, render_text(reply)


def test_the_board_shows_every_programme_with_its_colour_change_and_staleness(demo_herald):
    reply, text = ask(demo_herald, "programme")
    items = [item for section in reply.sections for item in section.items]
    assert [item.title for item in items] == [p.name for p in PROGRAMMES]
    assert {item.title: item.marker for item in items} == {p.name: p.oct_2011 for p in PROGRAMMES}
    assert reply.title == "Programme board: 15 programmes" and not reply.is_error
    assert "[G] Knowledge Hub  (Green ▲ from Amber · Oct 2011 review · stale: last rated 31 Oct 2011)" in text
    assert "[A] Local Productivity Programme  (Amber ▼ from Green" in text
    assert "[A] LG Inform  (Amber · Oct 2011 review" in text
    facts = {fact.label: fact.value for fact in reply.sections[0].facts}
    assert facts == {"Red": "0", "Amber": "6", "Green": "9", "Not rated": "0", "Stale (over 180 days)": "15"}
    assert reply.sections[1].heading.startswith("Councils are more locally accountable")


def test_lg_inform_shows_outputs_timescales_ratings_and_this_months_coverage(demo_herald):
    reply, text = ask(demo_herald, "programme LG Inform")
    assert reply.title == "LG Inform: Amber"
    assert "Launch of LG Inform as benchmarking tool for sector." in text
    assert "Prototype launched in June 2011; development ongoing" in text
    assert "Current rating  Amber (Oct 2011 review, 31 Oct 2011)" in text
    assert "• [A] March 2011 review  (Amber · demo, 31 Mar 2011)" in text
    assert "The next phase of LGInform, known as Prototype Plus, is under procurement." in text
    coverage = next(s for s in reply.sections if (s.heading or "").startswith("Coverage this month"))
    assert coverage.heading == "Coverage this month (1)"
    assert [i.title for i in coverage.items] == ["Councils facing fresh data burden"]


@pytest.mark.parametrize("typed, name", [
    ("lg inform", "LG Inform"), ("LGInform", "LG Inform"), ("knowledge hub", "Knowledge Hub"),
    ("NGDP", "National Graduate Development Programme"), ("ngdp", "National Graduate Development Programme"),
    ("status LG Inform", "LG Inform"), ("Leadership Acadamy", "Leadership Academy"),
    ("Peer Support – Corporate Peer Challenge", "Corporate Peer Challenge"),
])
def test_programmes_answer_to_the_names_people_use(demo_herald, typed, name):
    reply, _ = ask(demo_herald, f"programme {typed}")
    assert reply.title.split(":")[0] == name


def test_unknown_programme_suggests_the_nearest(demo_herald):
    reply, text = ask(demo_herald, "programme lg infrom")
    assert reply.is_error and "Did you mean: LG Inform" in text
    reply, text = ask(demo_herald, "programme zzqx")
    assert reply.is_error and "I don't know a programme called 'zzqx'" in text


def test_stray_options_and_pages_are_usage_errors(demo_herald):
    reply, text = ask(demo_herald, "programme LG Inform review:Oct")
    assert reply.is_error and "Usage" in text and "/programme LG Inform" in text
    reply, text = ask(demo_herald, "programme page:9")
    assert reply.is_error and "only 1 pages" in text


def test_the_board_reads_ratings_in_a_fixed_number_of_queries(demo_herald):
    statements = []
    session = demo_herald.sessions()  # adds programmes, then rolls them back
    session.connection()  # begin first, so only the board's own statements are counted
    engine = session.get_bind()

    def count(*_args):
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        programme_board(session, DEMO_NOW, 180)
        few = len(statements)
        add_programmes(session, 120, DEMO_NOW)
        statements.clear()
        rows = programme_board(session, DEMO_NOW, 180)
        assert len(statements) == few == 1 and len(rows) == 135
        statements.clear()
        page = programme_board(session, DEMO_NOW, 180, offset=30, limit=30)
        counts = board_counts(session, DEMO_NOW, 180)
        assert len(statements) == 2 and page == rows[30:60]
        assert counts.total == 135 and sum(counts.by_rating.values()) == 135
        assert counts.stale == sum(row.stale for row in rows)
        assert all(counts.by_rating.get(r, 0) == sum(row.rating == r for row in rows) for r in RATINGS)
    finally:
        event.remove(engine, "before_cursor_execute", count)
        session.rollback()
        session.close()
