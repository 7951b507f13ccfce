"""What Herald shows of Parliament: the CLI poll and ask, `/council`, CSV export, tone override, the
weekly round-up's "In Parliament" and the board update's "Public affairs"."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone

from sqlalchemy import select

from digests.board import build_board_update, board_markdown
from digests.compose import Window, weekly_roundup
from feeds.parliament.poll import poll_parliament
from models.audit import AuditEntry
from models.periods import quarter_period
from tests.coverage_fixtures import reply_text, run
from tests.parliament_fixtures import parl_herald, parliament_fake  # noqa: F401 (fixtures)


def test_parliament_poll_and_ask_from_the_shell(make_app, sqlite_url, parliament_fake):
    app = make_app(sqlite_url, **parliament_fake.settings)
    runner = app.test_cli_runner()
    with app.app_context():  # as the `flask` command provides
        added = runner.invoke(args=["ask", 'parliament watch add "sector support"'])
        assert added.exit_code == 0 and "Watching" in added.output
        for _ in range(2):
            polled = runner.invoke(args=["parliament", "poll"])
            assert polled.exit_code == 0 and "3 sources" in polled.output and "0 failed" in polled.output
        assert "hansard: ok, 0 new" in polled.output
        asked = runner.invoke(args=["ask", "parliament this week"])
    assert asked.exit_code == 0 and "In Parliament this week: 4 mentions" in asked.output
    assert asked.output.count("Baroness Example (Lab)") == 1 and "Local Government: Improvement" in asked.output


def test_council_export_and_a_tone_override_that_is_audited(parl_herald):
    herald = parl_herald
    run(herald, 'parliament watch add "sector support"')
    poll_parliament(herald)
    council = reply_text(run(herald, "council Thurrock"))
    assert "In Parliament (1 mention)" in council and "Baroness Example (Lab)" in council

    exported = run(herald, "parliament export this week")
    (sheet,) = exported.attachments
    rows = list(csv.DictReader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    assert len(rows) == 4 and {r["house"] for r in rows} == {"Lords", "Commons"}
    lords = next(r for r in rows if r["member"] == "Baroness Example")
    assert lords["councils"] == "THR" and lords["url"].endswith("#contribution-C-LORDS-1")
    mention_id = int(lords["id"])

    assert run(herald, f"parliament tone {mention_id} negative").title == f"Mention {mention_id} is now negative"
    assert "negative" in reply_text(run(herald, "parliament this week house:lords"))
    with herald.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "parliament.tone"))
        assert entry.entity_id == str(mention_id) or entry.entity_id == mention_id


def test_the_weekly_round_up_and_the_board_update_carry_parliament(parl_herald, clock):
    herald = parl_herald
    run(herald, 'parliament watch add "sector support"')
    poll_parliament(herald)
    run(herald, 'press log evidence "Written evidence to the LUHC Committee inquiry" date:24/11/2026')
    run(herald, 'press log briefing "Briefing for peers on sector support" date:24/11/2026')
    tz = herald.settings.tz
    with herald.reading() as session:
        week = weekly_roundup(session, Window(date(2026, 11, 23), date(2026, 11, 30), tz), clock.now())
        quarter = quarter_period(3, 2026, tz)
        board = build_board_update(session, quarter, datetime(2026, 12, 1, tzinfo=timezone.utc))
    section = next(s for s in week.sections if s.heading == "In Parliament")
    assert section.facts[0].value.startswith("4 (Commons: 1 spoken, 1 written question, 1 written statement; "
                                             "Lords: 1 spoken)")
    affairs = next(s for s in board.sections if s.heading == "Public affairs")
    text = "\n".join(affairs.figures)
    assert "Mentions in Parliament: 4 (Commons: 1 spoken" in text
    assert "House of Lords: Baroness Example (Lab), spoken on “Local Government: Improvement”" in text
    assert "https://hansard.parliament.uk/Lords/2026-11-23/debates/D-LORDS-1" in text
    assert "Public affairs work logged: 1 evidence submission, 1 briefing." in text
    assert "evidence — Written evidence to the LUHC Committee inquiry." in text
    assert "## Public affairs" in board_markdown(board)
