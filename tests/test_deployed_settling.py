"""Herald as deployed settles a big webhook post's stories after answering it, on SQLite and on PostgreSQL.

gunicorn serves the app in the Procfile's shape; a client posts 500 items of a real week's coverage (the labelled
story pairs, as `bench/suites/webhook.py` does), among them a rewrite that is one story only when read as sentences.
Such a post cannot judge every pair in its time, so it leaves a `stories.settle` job that the web worker's job thread
takes up after the answer (`bot.webhooks.settling`). Afterwards: every item stored, the job done (none failed), and
the rewrite in one story with its report. Had the machine been fast enough to judge the batch in full, the post
leaves no job and the rewrite is joined in the post itself; either way, the end is the same.
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


def test_a_big_post_is_answered_then_its_stories_settle(database_url):
    backend = database_url.split(":", 1)[0].split("+", 1)[0]
    token = secrets.token_hex(16)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    week = real_week(now, 1, 498)["items"]
    published = week[0]["published_at"]
    pair = [{"url": f"https://news.example/settling/{n}", "title": title, "summary": summary, "outlet": outlet,
             "published_at": published} for n, ((title, summary), outlet) in
            enumerate(zip((GRITTING, REWRITE), ("Cumberland News", "BBC News")))]
    engine = create_engine(database_url)
    with FakeSlackAPI() as slack:
        server = start_server(BenchDatabase(backend, 0, database_url), secrets.token_hex(16), slack.api_url,
                              {"HERALD_WEBHOOK_TOKEN": token})
        try:
            answer = _post(server.url, token, week + pair)
            ends = time.monotonic() + SETTLED_WITHIN
            while _jobs(engine, "status IN ('pending', 'delivering')") and time.monotonic() < ends:
                time.sleep(0.25)
        finally:
            server.stop()
    assert answer["created"] == 500
    assert not _jobs(engine, "status IN ('pending', 'delivering', 'failed')")
    with engine.connect() as connection:
        stories = connection.execute(text("SELECT story_id FROM coverage_items WHERE url LIKE :u"),
                                     {"u": "https://news.example/settling/%"}).scalars().all()
    engine.dispose()
    assert len(stories) == 2 and len(set(stories)) == 1


def _jobs(engine, where: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(text(f"SELECT count(*) FROM jobs WHERE kind = 'stories.settle' AND {where}"))
