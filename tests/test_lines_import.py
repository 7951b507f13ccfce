"""`flask --app app lines import`: a team's lines from CSV, checked in full, imported whole or not at all;
`/lines export` writes what the import reads."""
from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select

from models.audit import AuditEntry
from models.lines import Line, current_version
from tests.press_fixtures import BOB, ask, text_of

GOOD = """Topic,Text,Spokesperson,Review_by,Tags,Use,Status
Oflog launch,"We welcome the launch of Oflog, with its focus on assurance.",Cllr Abi Brown,31/03/2027,"Oflog,assurance,Thurrock",volunteer,approved
Sector support offer,Our offer helps every council improve.,,30 June 2027,sector support,,draft
"""


@pytest.fixture
def app(make_app, database_url):
    return make_app(database_url)


def run(app, tmp_path, text: str, *extra: str):
    path = tmp_path / "lines.csv"
    path.write_text(text, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["lines", "import", str(path), *extra])


def test_a_clean_file_imports_approved_and_draft_lines_and_exports_again(app, tmp_path):
    assert "2 lines are fine (dry run" in run(app, tmp_path, GOOD, "--dry-run").output
    with app.extensions["herald"].session() as s:
        assert s.scalars(select(Line)).all() == []
    result = run(app, tmp_path, GOOD)
    assert result.exit_code == 0 and "2 lines imported" in result.output
    herald = app.extensions["herald"]
    with herald.session() as s:
        lines = {line.topic: line for line in s.scalars(select(Line))}
        oflog = current_version(lines["Oflog launch"])
        assert (oflog.approved_by, oflog.spokesperson, str(oflog.review_by)) == ("cli", "Cllr Abi Brown", "2027-03-31")
        assert {(t.kind, t.ref) for t in lines["Oflog launch"].tag_rows} >= {("council", "THR"), ("word", "oflog")}
        assert current_version(lines["Sector support offer"]) is None
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "line")).all().count("lines.approve") == 1
    assert text_of(ask(herald, "lines assuring", BOB)).startswith("Line to take: Oflog launch")
    exported = ask(herald, "lines export", BOB).attachments[0].content.decode()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [(r["topic"], r["status"]) for r in rows] == [("Oflog launch", "current"), ("Sector support offer", "draft")]


def test_every_bad_row_is_reported_and_nothing_is_imported(app, tmp_path):
    bad = GOOD + """,No topic,,,,,
Past review,Words,,31/03/2020,,,
Unreadable review,Words,,whenever,,,
Oflog launch,Twice,,,,,
Odd use,Words,,,,sometimes,
"""
    result = run(app, tmp_path, bad)
    assert result.exit_code != 0 and "5 line(s) need fixing; nothing was imported" in result.output
    for expected in ("line 4: topic and text are both needed", "line 5: review_by 31/03/2020 is in the past",
                     'line 6: review_by "whenever" is not a date', 'line 7: "Oflog launch" is in the file twice',
                     'line 8: use "sometimes" is not volunteer or on request'):
        assert expected in result.output
    with app.extensions["herald"].session() as s:
        assert s.scalars(select(Line)).all() == []
    assert "missing: text" in run(app, tmp_path, "topic\nOflog\n").output
