"""Importing the programme plan (seed 001's columns) from CSV, through the `flask` command line."""
from sqlalchemy import func, select

from models.audit import AuditEntry
from models.demo import load_demo
from models.plan_import import parse_plan, read_rows
from models.programme import Programme, RagRating
from tests.programme_data import DEMO_NOW, HEADER, PLAN_CSV, PLAN_ROWS, to_csv


def import_file(app, tmp_path, text, *flags):
    path = tmp_path / "plan.csv"
    path.write_text(text, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["programme", "import", str(path), *flags])


def ratings(session, name):
    return session.execute(select(RagRating.review, RagRating.rating, RagRating.comment).join(Programme)
                           .where(Programme.name == name).order_by(RagRating.rated_at)).all()


def test_the_seed_plan_imports_with_its_outputs_timescales_and_ratings(make_app, database_url, tmp_path):
    app = make_app(database_url)
    result = import_file(app, tmp_path, PLAN_CSV)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == ("8 programmes created; 0 updated; 0 unchanged; 12 ratings added, 0 changed; "
                                     "0 rows with errors.")
    with app.extensions["herald"].session() as session:
        lg = session.scalar(select(Programme).where(Programme.name == "LG Inform – Benchmarking tool"))
        assert lg.outputs == "Launch of LG Inform as benchmarking tool for sector."
        assert lg.timescales == "Prototype launched in June 2011; development ongoing"
        assert lg.outcome_indicator.startswith("Councils are more locally accountable")  # carried down
        assert ratings(session, lg.name) == [
            ("March 2011 review", "red", None),
            ("Oct 2011 review", "red", "The next phase of LGInform, known as Prototype Plus, is under procurement.")]
        assert ratings(session, "Peer Support – Peer Challenges") == [
            ("March 2011 review", "amber", None), ("Oct 2011 review", "amber_green", None)]
        assert ratings(session, "Change of Control peer support") == []  # blank cells: not rated
        creative = session.scalar(select(Programme).where(Programme.name.like("Creative Councils%")))
        assert creative.timescales == "April 2011\nOctober 2011\nJanuary 2012"  # continuation rows
        assert creative.outcome_indicator == "Innovation in the sector is identified and supported"
        assert session.scalar(select(AuditEntry.detail).where(AuditEntry.action == "programme.import")) == {
            "created": 8, "updated": 0, "errors": 0}
    again = import_file(app, tmp_path, PLAN_CSV)
    assert again.exit_code == 0 and "0 programmes created; 0 updated; 8 unchanged" in again.output
    with app.extensions["herald"].session() as session:
        assert session.scalar(select(func.count()).select_from(Programme)) == 8
        assert session.scalar(select(func.count()).select_from(RagRating)) == 12


def test_reimport_updates_changed_cells_and_reports_bad_rows_by_line(make_app, sqlite_url, tmp_path):
    app = make_app(sqlite_url)
    herald = app.extensions["herald"]
    with herald.session() as session:
        load_demo(session, DEMO_NOW, herald.settings.tz)
    rows = [list(r) for r in PLAN_ROWS]
    rows[6][3] = "Prototype Plus by late summer 2012"  # LG Inform timescales
    rows[6][4] = "Amber"  # its Oct 2011 rating
    rows[5][4] = "Purple"  # Peer Challenges: not a rating
    rows.insert(4, ["", "", "An output with no project above it", "", "", "", ""])
    result = import_file(app, tmp_path, to_csv(rows))
    assert result.exit_code == 1
    assert "line 5: no project name, and no project above it to continue" in result.output
    assert "line 7: Oct 2011 review: 'Purple' is not a rating" in result.output
    assert "0 programmes created; 3 updated; 4 unchanged" in result.output  # demo programmes, matched by alias
    with herald.session() as session:
        assert session.scalar(select(func.count()).select_from(Programme)) == 15
        lg = session.scalar(select(Programme).where(Programme.name == "LG Inform"))
        assert lg.timescales == "Prototype Plus by late summer 2012"
        assert [r[:2] for r in ratings(session, "LG Inform")] == [
            ("March 2011 review", "red"), ("Oct 2011 review", "amber")]


def test_dry_run_saves_nothing_and_a_file_without_a_header_is_refused(make_app, sqlite_url, tmp_path):
    app = make_app(sqlite_url)
    result = import_file(app, tmp_path, PLAN_CSV, "--dry-run")
    assert result.exit_code == 0 and result.output.startswith("Dry run, nothing saved: 8 programmes created")
    with app.extensions["herald"].session() as session:
        assert session.scalar(select(func.count()).select_from(Programme)) == 0
    result = import_file(app, tmp_path, "just,some,words\n1,2,3\n")
    assert result.exit_code == 1 and "No header row found" in result.output


def test_semicolons_bom_and_review_dates_are_read():
    text = "\ufeff" + to_csv([HEADER, ["Outcome", "LG Inform", "Out", "Soon", "G", "R", ""]]).replace(",", ";")
    entries, errors, cols = parse_plan(read_rows(text), DEMO_NOW)
    assert errors == [] and [e.name for e in entries] == ["LG Inform"]
    assert [(r.name, r.held_at.date().isoformat()) for r in cols.reviews] == [
        ("Oct 2011 review", "2011-10-31"), ("March 2011 review", "2011-03-31")]
    assert entries[0].ratings == {"Oct 2011 review": "green", "March 2011 review": "red"}
