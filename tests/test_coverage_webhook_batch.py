"""A full `POST /webhooks/coverage` batch is one pass: the statements it sends do not grow with the
number of items or the size of the press log (the 500-item post used to run the earned-coverage
match once per item against every activity and took 30 s); every item gets its own answer, and the
batch still suggests the coverage a press activity earned. Speed itself is measured in `bench/`
(`python -m bench --suites webhook`), not here."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from models.press import PressActivity, PressCoverageLink

TOKEN = "batch-webhook-token"
OUTLETS = (("The MJ", "trade"), ("LGC", "trade"), ("BBC News", "national"))


@pytest.fixture
def webhook(make_app, database_url):
    return make_app(database_url, HERALD_WEBHOOK_TOKEN=TOKEN)


def post(app, items: list[dict]):
    response = app.test_client().post("/webhooks/coverage", json={"items": items},
                                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def items(app, prefix: str, count: int) -> list[dict]:
    """`count` new items over the last fortnight, a third naming what the press log is about."""
    now = app.extensions["herald"].clock.now()
    return [{"url": f"https://news.example.org/{prefix}/{n}", "outlet": OUTLETS[n % 3][0], "tier": OUTLETS[n % 3][1],
             "title": f"Thurrock adult social care funding {prefix} {n}" if n % 3 == 0 else f"Quiet week {prefix} {n}",
             "published_at": (now - timedelta(hours=n % 300)).isoformat()} for n in range(count)]


def press_log(app, count: int) -> None:
    """`count` activities over the last 90 days, as a busy press office logs them."""
    herald = app.extensions["herald"]
    now = herald.clock.now()
    with herald.session() as session:
        session.add_all(PressActivity(kind="statement", title=f"Thurrock adult social care funding response {n}",
                                      spokesperson="Cllr Abi Brown", occurred_at=now - timedelta(hours=7 * n),
                                      logged_by="U1", platform="slack", created_at=now, updated_at=now)
                        for n in range(count))


def _judged(sent: list[str]) -> list[str]:
    """The statements but the one job a batch out of time leaves to settle its stories after the answer (a loaded
    machine may leave it for either batch)."""
    settling = [s for s in sent if s.lstrip().upper().startswith("INSERT INTO JOBS")]
    assert len(settling) <= 1
    return [s for s in sent if s not in settling]


@contextmanager
def statements(app):
    """Count the SQL statements Herald sends meanwhile for the request (not the job worker's, in its own thread)."""
    engine = app.extensions["herald"].engine
    sent: list[str] = []
    request_thread = threading.get_ident()  # the test client runs the request in this thread

    def count(_conn, _cursor, statement, *_args) -> None:
        if threading.get_ident() == request_thread:
            sent.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_statements_do_not_grow_with_the_batch_or_the_press_log(webhook):
    press_log(webhook, 20)
    post(webhook, items(webhook, "warm", 3))  # the outlets now exist, as they do in a running Herald
    with statements(webhook) as small:
        assert post(webhook, items(webhook, "small", 50))["created"] == 50
    press_log(webhook, 280)
    with statements(webhook) as full:
        assert post(webhook, items(webhook, "full", 500))["created"] == 500
    assert len(_judged(full)) == len(_judged(small)), (small, full)
    with webhook.extensions["herald"].session() as session:
        suggested = session.scalars(select(PressCoverageLink.coverage_id)).all()
    assert suggested  # the matching ran, and found the items that echo the press log


def test_every_item_is_answered_in_order_and_a_repeated_url_is_created_once(webhook):
    batch = items(webhook, "order", 6)
    batch.insert(3, dict(batch[1], url=batch[1]["url"] + "?utm_source=alert"))  # the same story again
    answer = post(webhook, batch)
    assert (answer["received"], answer["created"], answer["duplicates"]) == (7, 6, 1)
    assert [i["status"] for i in answer["items"]] == ["created"] * 3 + ["duplicate"] + ["created"] * 3
    assert answer["items"][3]["id"] == answer["items"][1]["id"]
    assert [i["url"] for i in answer["items"]] == [b["url"] for b in batch[:3]] + [batch[1]["url"]] + \
        [b["url"] for b in batch[4:]]
    again = post(webhook, batch[:2])
    assert [i["status"] for i in again["items"]] == ["duplicate", "duplicate"]


def test_a_batch_suggests_what_the_press_log_earned_and_nothing_else(webhook):
    herald = webhook.extensions["herald"]
    now = herald.clock.now()
    then = now - timedelta(days=20)  # the activities' day; items are dated after it (none in the future)
    with herald.session() as session:
        oflog = PressActivity(kind="press release", title="Oflog and the assurance framework", occurred_at=then,
                              logged_by="U1", platform="slack", created_at=now, updated_at=now)
        launch = PressActivity(kind="press release", title="Launch", link="https://www.local.gov.uk/news/launch-2026",
                               occurred_at=then, logged_by="U1", platform="slack", created_at=now, updated_at=now)
        session.add_all([oflog, launch])
        session.flush()
        oflog_id, launch_id = oflog.id, launch.id
    later = (then + timedelta(days=2)).isoformat()
    answer = post(webhook, [
        {"url": "https://www.lgcplus.com/oflog", "title": "LGA launches Oflog assurance framework", "published_at": later},
        {"url": "https://www.themj.co.uk/x", "title": "Something else entirely", "published_at": later,
         "summary": "Read it at http://local.gov.uk/news/launch-2026?utm_source=x"},
        {"url": "https://www.themj.co.uk/late", "title": "Oflog assurance framework one month on",
         "published_at": now.isoformat()},  # 20 days on: past the 14-day window
        {"url": "https://www.themj.co.uk/bins", "title": "Bin collections move to fortnightly", "published_at": later},
    ])
    earned, linked = answer["items"][0]["id"], answer["items"][1]["id"]
    with herald.session() as session:
        found = set(session.execute(select(PressCoverageLink.press_id, PressCoverageLink.coverage_id,
                                           PressCoverageLink.status)).all())
    assert found == {(oflog_id, earned, "suggested"), (launch_id, linked, "suggested")}
