"""`flask --app app campaign import`: a plan from CSV, checked in full, imported whole or not at all."""
from datetime import date

import pytest
from sqlalchemy import select

from models.audit import AuditEntry
from models.campaign import Campaign, CampaignActivity

SEED_000_PLAN = """Activity,Date,Status,Channel
Letter from Chairman to ministers,14/02/2011,done,letter
LGA launches 'light touch' sector regulation blueprint – LGC,15.02.11,done,trade media
"Regular e-bulletins: LGA weekly, Knowledge e-bulletin",w/b 14.02.11,done,e-bulletin
Improvement and Innovation conference,22 March 2011,done,conference
Roadshows with regional LGAs and RIEPs,16/05/2011,,events
"""


@pytest.fixture
def app(make_app, sqlite_url, clock):
    flask_app = make_app(sqlite_url)
    with flask_app.extensions["herald"].session() as s:
        s.add(Campaign(name="Taking the Lead launch", aliases=["Taking the lead"], keywords=[], channels=[],
                       created_at=clock.now()))
    return flask_app


def run(app, tmp_path, text: str, *extra: str, campaign: str = "Taking the lead"):
    path = tmp_path / "plan.csv"
    path.write_text(text, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["campaign", "import", campaign, str(path), *extra])


def activities(app) -> list[tuple[str, date, str, str | None]]:
    with app.extensions["herald"].session() as s:
        return [(a.title, a.due_on, a.status, a.channel)
                for a in s.scalars(select(CampaignActivity).order_by(CampaignActivity.due_on, CampaignActivity.id))]


def test_the_seed_000_plan_imports_with_the_dates_as_written(app, tmp_path):
    result = run(app, tmp_path, SEED_000_PLAN)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Taking the Lead launch: 5 activities imported, 0 already in the plan."
    assert activities(app) == [
        ("Letter from Chairman to ministers", date(2011, 2, 14), "done", "email"),
        ("Regular e-bulletins: LGA weekly, Knowledge e-bulletin", date(2011, 2, 14), "done", "e-bulletins"),
        ("LGA launches 'light touch' sector regulation blueprint – LGC", date(2011, 2, 15), "done", "press"),
        ("Improvement and Innovation conference", date(2011, 3, 22), "done", "events"),
        ("Roadshows with regional LGAs and RIEPs", date(2011, 5, 16), "planned", "events")]
    again = run(app, tmp_path, SEED_000_PLAN)
    assert again.output.strip() == "Taking the Lead launch: 0 activities imported, 5 already in the plan."
    with app.extensions["herald"].session() as s:
        (entry, _) = s.scalars(select(AuditEntry).where(AuditEntry.action == "campaign.plan_import"))
        assert entry.detail == {"source": "plan.csv", "added": 5, "already_there": 0}


def test_bad_rows_are_all_reported_and_nothing_is_imported(app, tmp_path):
    bad = SEED_000_PLAN + "Webinar,31/02/2011,planned,website\n,01/03/2011,done,\nPodcast,01/04/2011,maybe,carrier pigeon\n"
    result = run(app, tmp_path, bad)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "plan.csv: 3 of 8 lines cannot be imported:",
        "  line 7: date: '31/02/2011' is not a date I can read (try 17/02/2011 or 1 June 2023)",
        "  line 8: activity: empty",
        '  line 9: "maybe" is not a status (use planned, done or cancelled)',
        "Error: 3 line(s) need fixing; nothing was imported."]
    assert activities(app) == []


def test_a_large_plan_shows_progress_and_a_dry_run_imports_nothing(app, tmp_path):
    rows = "".join(f"Bulletin {n},{1 + n % 28}/0{1 + n % 9}/2027,planned,e-bulletins\n" for n in range(300))
    plan = "activity,date,status,channel\n" + rows
    dry = run(app, tmp_path, plan, "--dry-run")
    assert dry.exit_code == 0 and "300 rows are fine (dry run: nothing imported)." in dry.output
    assert activities(app) == []
    result = run(app, tmp_path, plan)
    assert result.exit_code == 0, result.output
    assert "Checking" in result.output and "Importing" in result.output  # click's progress bars (stderr)
    assert len(activities(app)) == 300


@pytest.mark.parametrize("text, message", [
    ("", "Error: plan.csv: The file is empty: it needs a header line (activity, date, status, channel)."),
    ("name,when\nx,1/1/2027\n", "Error: plan.csv: The header needs the column(s) activity; it has: name, when"),
])
def test_a_file_that_is_not_a_plan(app, tmp_path, text, message):
    result = run(app, tmp_path, text)
    assert (result.exit_code, result.output.strip()) == (1, message)


def test_an_unknown_campaign_suggests(app, tmp_path):
    result = run(app, tmp_path, SEED_000_PLAN, campaign="Taking the plunge")
    assert result.exit_code == 1
    assert result.output.strip() == ('Error: I don\'t know the campaign "Taking the plunge". '
                                     "Did you mean: Taking the Lead launch?")
    assert activities(app) == []
