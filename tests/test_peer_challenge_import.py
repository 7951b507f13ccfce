"""Importing peer challenges from CSV: names resolved, one column per stage, re-import updates."""
from datetime import date

from sqlalchemy import func, select

from handlers.context import Actor

from models.peer_challenge import PeerChallenge, PeerChallengeStage
from tests.programme_data import to_csv

HEADER = ["Council", "Kind", "Offered", "On-site", "Report published", "Lead peer", "Report link", "Notes"]
ROWS = [
    HEADER,
    ["Thurrock", "Corporate", "01/04/2011", "12/09/2011", "01/11/2011", "Cllr Peter Fleming", "", "First CPC"],
    ["Woking BC", "CPC", "15/01/2019", "10/06/2019", "1 September 2019", "", "https://www.local.gov.uk/woking", ""],
    ["Thurock", "finance", "2/3/2024", "", "", "", "", ""],
    ["Harrogate", "corporate", "", "20/10/2026", "", "", "", ""],
    ["Atlantis", "corporate", "01/01/2024", "", "", "", "", ""],
    ["Wigan MBC", "gardening", "01/01/2024", "", "", "", "", ""],
    ["Leeds", "corporate", "31/02/2024", "", "", "", "", ""],
    ["Leeds", "corporate", "", "", "", "", "", ""],
    ["Cumbria", "corporate", "01/01/2020", "", "", "", "", ""],
]


def import_file(app, tmp_path, text):
    path = tmp_path / "challenges.csv"
    path.write_text(text, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["peer-challenge", "import", str(path)])


def test_import_resolves_names_reports_bad_rows_and_updates_on_reimport(make_app, database_url, tmp_path):
    app = make_app(database_url)
    result = import_file(app, tmp_path, to_csv(ROWS))
    assert result.exit_code == 1
    assert result.output.startswith("4 challenges created; 0 updated; 0 unchanged; 5 rows with errors.")
    assert "line 6: unknown council 'Atlantis'" in result.output
    assert "line 7: 'gardening' is not a kind of challenge" in result.output
    assert "line 8: '31/02/2024' is not a date" in result.output
    assert "line 9: no stage dates on this row" in result.output
    assert "line 10: Cumbria County Council was abolished on 1 April 2023 and replaced by Cumberland and" in result.output
    herald = app.extensions["herald"]
    with herald.session() as session:
        woking = session.scalars(select(PeerChallenge).where(PeerChallenge.council_code == "WOI")).one()
        assert (woking.kind, woking.stage, woking.stage_on, woking.report_url) == (
            "corporate", "report published", date(2019, 9, 1), "https://www.local.gov.uk/woking")
        assert session.scalar(select(PeerChallenge.kind).where(PeerChallenge.council_code == "NYE")) == "corporate"
        assert sorted(session.scalars(select(PeerChallenge.kind).where(PeerChallenge.council_code == "THR"))) == [
            "corporate", "finance"]
    fixed = [list(r) for r in ROWS[:5]]
    fixed[2][4] = "02/09/2019"  # Woking's report date corrected
    again = import_file(app, tmp_path, to_csv(fixed))
    assert again.exit_code == 0 and again.output.strip() == (
        "0 challenges created; 1 updated; 3 unchanged; 0 rows with errors.")
    with herald.session() as session:
        assert session.scalar(select(func.count()).select_from(PeerChallenge)) == 4
        assert session.scalar(select(func.count()).select_from(PeerChallengeStage)) == 8
        woking_on = session.scalar(select(PeerChallenge.stage_on).where(PeerChallenge.council_code == "WOI"))
        assert woking_on == date(2019, 9, 2)
    reply, _ = herald.run_command("peer-challenge Woking", Actor.cli())
    assert reply.title == "Woking: corporate report published (2 Sep 2019)"
