"""The benchmark's own tools: sizes, percentiles, generated data that is valid and identical on
both backends (so SQLite and PostgreSQL numbers measure the same thing), the bare-Bolt floor and its
verdicts, the per-layer timer, and the mixed load's requests and verdict. No timing here."""
from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import bolt_floor, datagen, databases, floors, mixload, report
from bench.__main__ import parse_options, parse_size
from bench.loadclient import LoadOutcome, sign, slash_command_body
from bench.report import Result
from bench.stats import percentile, summarize
from bench.suites import floor as floor_suite
from bench.suites import layers
from bench.suites import mixed as mixed_suite
from bench.suites.floor import Comparison, Rounds
from bench.suites.http import procfile_web_shape
from models.periods import parse_period

LONDON = ZoneInfo("Europe/London")
ANCHOR = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
SPEC = datagen.DataSpec(items=600, anchor=ANCHOR)  # default 500 programmes, 400 challenged councils


@pytest.fixture(scope="module")
def generated(tmp_path_factory, sqlite_template) -> Path:
    path = tmp_path_factory.mktemp("bench") / "generated.db"
    shutil.copy(sqlite_template, path)
    datagen.fill(path, SPEC)
    return path


def test_sizes_and_options():
    assert [parse_size(s) for s in ("10k", "100K", "1M", "2500", "1.5m")] == [10_000, 100_000, 1_000_000,
                                                                             2_500, 1_500_000]
    options = parse_options(["--sizes", "1M,10k", "--backends", "sqlite", "--suites", "commands,http"])
    assert options.sizes == (10_000, 1_000_000) and options.http_size == 10_000
    with pytest.raises(SystemExit):
        parse_options(["--backends", "oracle"])
    with pytest.raises(SystemExit):
        parse_options(["--sizes", "ten"])


def test_the_http_bench_runs_gunicorn_in_the_procfiles_shape(tmp_path):
    assert procfile_web_shape() == (2, 1)  # what the README's HTTP table was measured with
    edited = tmp_path / "Procfile"
    edited.write_text("release: x\nweb: gunicorn --workers ${WEB_CONCURRENCY:-3} --threads ${WEB_THREADS:-4} app:app\n")
    assert procfile_web_shape(edited) == (3, 4)
    edited.write_text("web: gunicorn --workers 3 app:app\n")
    with pytest.raises(ValueError, match="WEB_CONCURRENCY"):
        procfile_web_shape(edited)


def test_percentiles_are_nearest_rank():
    samples = [float(v) for v in range(1, 101)]
    assert (percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 0.99)) == (50, 95, 99)
    summary = summarize([3.0, 1.0, 2.0])
    assert (summary.n, summary.p50, summary.p99, summary.mean) == (3, 2.0, 3.0, 2.0)


def test_the_anchor_is_thursday_noon_all_week():
    for day in (23, 26, 29):
        assert datagen.week_anchor(datetime(2026, 11, day, 23, 59, tzinfo=timezone.utc)) == ANCHOR
    assert datagen.week_start(ANCHOR) == datetime(2026, 11, 23, tzinfo=timezone.utc)


def test_generated_data_is_valid_and_realistic(generated):
    conn = sqlite3.connect(generated)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        count, urls, first, last = conn.execute(
            "SELECT count(*), count(DISTINCT canonical_url), min(published_at), max(published_at) "
            "FROM coverage_items").fetchone()
        assert count == urls == SPEC.items
        assert datagen.ts(datetime(2023, 11, 1, tzinfo=timezone.utc)) < first and last < datagen.ts(ANCHOR)
        tones = dict(conn.execute("SELECT tone, count(*) FROM coverage_items GROUP BY tone"))
        assert set(tones) == {"positive", "neutral", "negative"} and tones["neutral"] > tones["negative"]
        tiers = {row[0] for row in conn.execute(
            "SELECT DISTINCT o.tier FROM coverage_items c JOIN outlets o ON o.id = c.outlet_id")}
        assert tiers == {"trade", "national", "regional", "broadcast", "online"}
        assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] < SPEC.items
        assert conn.execute("SELECT count(*) FROM peer_challenges").fetchone()[0] == SPEC.challenge_councils
        assert conn.execute("SELECT count(*) FROM programmes").fetchone()[0] == SPEC.programmes
    finally:
        conn.close()


def test_postgres_copy_holds_the_same_rows(database_url, generated):
    engine = create_engine(database_url)
    try:
        if engine.dialect.name == "postgresql":
            target = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
            databases.copy_from_sqlite(generated, target)
        else:
            shutil.copy(generated, make_url(database_url).database)
        period = parse_period("last month", ANCHOR, LONDON)
        code = floors.council_code(engine, "Thurrock")
        by_tone = dict(floors.period_floor(engine, period)())
        with engine.connect() as conn:
            total = conn.execute(text("SELECT count(*) FROM coverage_items")).scalar_one()
        assert total == SPEC.items and sum(by_tone.values()) > 0
        expected = sqlite_counts(generated, period)
        assert by_tone == expected
        assert code == "THR"
        floors.council_tone_floor(engine, period, code, "negative")()
    finally:
        engine.dispose()


def sqlite_counts(path: Path, period) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute(
            "SELECT tone, count(*) FROM coverage_items WHERE published_at >= ? AND published_at < ? GROUP BY tone",
            (datagen.ts(period.start), datagen.ts(period.end))))
    finally:
        conn.close()



def _outcome(p50: float, p99: float, per_second: float, errors: int = 0) -> LoadOutcome:
    return LoadOutcome(requests=int(per_second * 5), errors=errors, statuses={"200": 1}, seconds=5.0, p50=p50,
                       p95=p99, p99=p99, mean=p50)


def test_the_floor_comparison_reads_medians_of_the_rounds_against_the_targets():
    floor_1 = Rounds((_outcome(1.0, 3, 800), _outcome(1.4, 3, 700), _outcome(1.2, 3, 750)))
    herald_1 = Rounds((_outcome(2.3, 9, 400), _outcome(9.0, 30, 100), _outcome(2.5, 9, 390)))
    one = Comparison(1, herald_1, floor_1)
    assert one.p50_ratio == pytest.approx(2.5 / 1.2) and not one.met  # 2.08× the floor: over 2×
    assert Comparison(1, Rounds((_outcome(2.4, 9, 400),)), floor_1).met
    floor_50 = Rounds((_outcome(60, 120, 1000),))
    assert Comparison(50, Rounds((_outcome(80, 140, 650),)), floor_50).met
    assert not Comparison(50, Rounds((_outcome(80, 140, 590),)), floor_50).met  # 59 % of its throughput
    assert not Comparison(50, Rounds((_outcome(80, 151, 650),)), floor_50).met  # p99 over 150 ms
    assert not Comparison(50, Rounds((_outcome(80, 140, 650, errors=1),)), floor_50).met
    herald_row = floor_suite.rows(one, "sqlite 100,000", 3)[1]
    assert herald_row.verdict == "MISS" and herald_row.latency.p50 == 2.5 and "2.08× floor" in herald_row.ratio


def test_the_bolt_floor_answers_a_signed_command_with_its_constant_and_refuses_a_forged_one():
    from tests.fakes.slack_api import FakeSlackAPI
    with FakeSlackAPI() as slack_api:
        client = bolt_floor.create_app("floor-secret", slack_api.api_url).test_client()
        body = slash_command_body("/coverage", "this week", "floor-1")
        answered = client.post("/slack/events", data=body, headers=sign("floor-secret", body, int(time.time())))
        forged = client.post("/slack/events", data=body, headers=sign("not-the-secret", body, int(time.time())))
    assert answered.status_code == 200 and answered.get_json()["text"] == bolt_floor.ANSWER_TEXT
    assert forged.status_code == 401


def test_layer_times_are_exclusive_so_they_add_up_to_the_whole_request():
    collector = layers.Collector(active=True)
    with collector.span(layers.REQUEST):
        with collector.span("outer"):
            with collector.span("inner"):
                sum(range(20_000))
            sum(range(20_000))
        with collector.span(layers.SQL):
            pass
    whole = collector.inclusive[layers.REQUEST]
    times = collector.take()
    assert sum(times.values()) == whole and times["inner"] > 0 and times["outer"] > 0
    assert collector.take()[layers.HANDOFF] == 0  # taken: the next request starts from nothing
    with layers.Collector().span("not measured"):  # outside a request (the job worker's thread): no-op
        pass


def test_the_mixed_load_requests_are_accepted_by_herald_and_store_their_records(database_url, make_app):
    from tests.fakes.slack_api import FakeSlackAPI
    from tests.teams_fixtures import DOC_SECRET
    with FakeSlackAPI() as slack_api:
        keys = mixload.Keys(slack="mixed-secret", teams=DOC_SECRET, webhook="mixed-token",
                            response_url=f"{slack_api.server.url}/response")
        flask_app = make_app(database_url, SLACK_SIGNING_SECRET=keys.slack, SLACK_BOT_TOKEN="xoxb-mixed",
                             SLACK_API_URL=slack_api.api_url, HERALD_WEBHOOK_TOKEN=keys.webhook,
                             TEAMS_OUTGOING_WEBHOOK_SECRET=keys.teams)
        client = flask_app.test_client()
        now = int(flask_app.extensions["herald"].clock.now().timestamp())
        sent = []
        for kind in mixload.KINDS:
            path, body, headers, names = mixload.request_for(kind, f"t-{kind}", keys, now)
            answer = client.post(path, data=body, headers=headers)
            sent.append(mixload.Sent(kind, answer.status_code, 1.0,
                                     mixload.accepted(kind, answer.status_code, answer.get_data()), names))
    assert [(s.kind, s.status) for s in sent if not s.accepted] == []
    tally = mixload.Tally(sent)
    press = tally.accepted_records("press")
    assert len(press) == 3 and len(tally.accepted_records("coverage")) == mixload.BATCH + 1
    with flask_app.extensions["herald"].engine.connect() as conn:
        titles = {row[0] for row in conn.execute(text("SELECT title FROM press_activities"))}
        urls = {row[0] for row in conn.execute(text("SELECT url FROM coverage_items"))}
    # The button's `coverage log` is a job the worker finishes later; the others are stored at once.
    assert set(press) <= titles and set(tally.accepted_records("coverage")[:mixload.BATCH]) <= urls
    assert not mixload.accepted("webhook", 503, b'{"error": "database_unavailable"}')
    assert not mixload.accepted("press_command", 200, b'{"text": "Sorry: the database is busy"}')


def test_the_mixed_load_verdict_counts_records_per_second_the_tail_and_refusals():
    def tally(refused: int) -> mixload.Tally:
        ok = [mixload.Sent("webhook", 200, 20.0, True, tuple(f"u{i}-{k}" for k in range(5))) for i in range(400)]
        return mixload.Tally(ok + [mixload.Sent("press_command", 503, 30.0, False, ("t",))] * refused)
    stored = {"coverage": 2000, "press": 0, "feed items": 400}
    assert mixed_suite.rows(tally(0), 10.0, stored, "sqlite 100,000")[-1].verdict == "ok"  # 200 records/s
    assert mixed_suite.rows(tally(0), 10.5, stored, "sqlite 100,000")[-1].verdict == "MISS"  # 190/s
    refused = mixed_suite.rows(tally(1), 10.0, stored, "sqlite 100,000")[-1]
    assert refused.verdict == "MISS" and "refused 1" in refused.note


def test_the_bars_summary_names_each_bar_per_database_and_the_batch_it_cannot_measure():
    floor_rows = floor_suite.rows(Comparison(1, Rounds((_outcome(2.5, 9, 300),)), Rounds((_outcome(1.2, 5, 700),))),
                                  "postgresql 100,000", 3)
    mixed_rows = mixed_suite.rows(mixload.Tally([mixload.Sent("form", 200, 12.0, True, ("t",))] * 3000), 10.0,
                                  {"coverage": 0, "press": 3000, "feed items": 400}, "postgresql 100,000")
    lines = report.bars(floor_rows + mixed_rows)
    assert lines[0].startswith("- postgresql 100,000, floor, 1 client: p50 2.08× floor") and lines[0].endswith("MISS")
    assert lines[1].startswith("- postgresql 100,000, mixed load: 300 accepted writes/s, p99 12.00 ms, refused 0")
    assert lines[1].endswith(": ok") and "not measured" in lines[2] and report.BATCH_CASE in lines[2]
    batch = Result(report.BATCH_SUITE, report.BATCH_CASE, "postgresql, demo + 2,000 items",
                   summarize([900.0, 1100.0, 1000.0]), target="≤ 2,000 ms", verdict="ok")
    with_batch = report.bars(floor_rows + [batch])
    assert with_batch[1] == "- postgresql, demo + 2,000 items, POST /webhooks/coverage, 500 items: p50 1000 ms; " \
                            "target ≤ 2,000 ms: ok"
