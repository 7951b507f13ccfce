"""Herald as deployed settles a big webhook post's stories after answering it, on SQLite and on PostgreSQL.

gunicorn serves the app in the Procfile's shape; a client posts 500 items of a real week's coverage (the labelled
story pairs, as `bench/suites/webhook.py` does), among them a rewrite that is one story only when read as sentences.
Such a post cannot judge every pair in its time, so it leaves a `stories.settle` job that the web worker's job thread
takes up after the answer (`bot.webhooks.settling`). Afterwards: every item stored, the job done (none failed), and
the rewrite in one story with its report. Had the machine been fast enough to judge the batch in full, the post
leaves no job and the rewrite is joined in the post itself; either way, the end is the same.

A job left by a process that died is taken up by a fresh gunicorn worker as it starts (`app.py` starts each web
process's job worker), with no request to wake it.
"""
from __future__ import annotations

import json
import secrets
import time
import urllib.request
from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text

from bench.databases import BenchDatabase
from bench.suites.http import start_server
from bench.suites.webhook import real_week
from bot.jobs import EXTENSION
from models.clock import SystemClock
from tests.coverage_fixtures import no_time_to_judge  # noqa: F401
from tests.fakes.slack_api import FakeSlackAPI
from tests.story_items import GRITTING, REWRITE

pytestmark = pytest.mark.slow
SETTLED_WITHIN = 90.0  # seconds; 2–4 s idle in the benchmark


def _post(url: str, token: str, items: list[dict]) -> dict:
    request = urllib.request.Request(url + "/webhooks/coverage", data=json.dumps({"items": items}).encode(),
                                     method="POST", headers={"Authorization": f"Bearer {token}",
                                                             "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return json.loads(response.read())


def _gunicorn(database_url: str, slack: FakeSlackAPI, token: str):
    """Herald under gunicorn as the Procfile runs it, on this database, taking webhook posts with `token`."""
    backend = database_url.split(":", 1)[0].split("+", 1)[0]
    return start_server(BenchDatabase(backend, 0, database_url), secrets.token_hex(16), slack.api_url,
                        {"HERALD_WEBHOOK_TOKEN": token})


def _stories_of(engine, url_prefix: str) -> list[int]:
    with engine.connect() as connection:
        return connection.execute(text("SELECT story_id FROM coverage_items WHERE url LIKE :u"),
                                  {"u": url_prefix + "%"}).scalars().all()


def test_a_big_post_is_answered_then_its_stories_settle(database_url):
    token = secrets.token_hex(16)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    week = real_week(now, 1, 498)["items"]
    published = week[0]["published_at"]
    pair = [{"url": f"https://news.example/settling/{n}", "title": title, "summary": summary, "outlet": outlet,
             "published_at": published} for n, ((title, summary), outlet) in
            enumerate(zip((GRITTING, REWRITE), ("Cumberland News", "BBC News")))]
    engine = create_engine(database_url)
    with FakeSlackAPI() as slack:
        server = _gunicorn(database_url, slack, token)
        try:
            answer = _post(server.url, token, week + pair)
            ends = time.monotonic() + SETTLED_WITHIN
            while _jobs(engine, "status IN ('pending', 'delivering')") and time.monotonic() < ends:
                time.sleep(0.25)
        finally:
            server.stop()
    assert answer["created"] == 500
    assert not _jobs(engine, "status IN ('pending', 'delivering', 'failed')")
    stories = _stories_of(engine, "https://news.example/settling/")
    engine.dispose()
    assert len(stories) == 2 and len(set(stories)) == 1


def test_a_job_left_by_a_process_that_died_is_taken_up_by_a_fresh_worker_without_a_request(database_url, make_app,
                                                                                          no_time_to_judge):
    token = "deployed-settling-token"
    dead = make_app(database_url, HERALD_WEBHOOK_TOKEN=token, CLOCK=SystemClock())  # gunicorn's clock is the real one
    dead.extensions[EXTENSION].stop()  # the process dies after answering, before its worker looks
    now = datetime.now(timezone.utc).isoformat()
    items = [{"url": f"https://news.example/left/{n}", "title": title, "summary": summary, "published_at": now}
             for n, (title, summary) in enumerate((GRITTING, REWRITE))]
    response = dead.test_client().post("/webhooks/coverage", json={"items": items},
                                       headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.get_json()
    engine = create_engine(database_url)
    assert _jobs(engine, "status = 'pending'") == 1
    with FakeSlackAPI() as slack:
        server = _gunicorn(database_url, slack, token)
        try:  # no request but /healthz
            ends = time.monotonic() + SETTLED_WITHIN
            while _jobs(engine, "status = 'done'") == 0 and time.monotonic() < ends:
                time.sleep(0.25)
        finally:
            server.stop()
    assert _jobs(engine, "status = 'done'") == 1
    stories = _stories_of(engine, "https://news.example/left/")
    engine.dispose()
    assert len(stories) == 2 and len(set(stories)) == 1


def _jobs(engine, where: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(text(f"SELECT count(*) FROM jobs WHERE kind = 'stories.settle' AND {where}"))
