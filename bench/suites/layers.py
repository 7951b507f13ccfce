"""Where a signed `/coverage this week` spends its time, per layer, measured in-process.

Herald's app is built as gunicorn builds it, on the bench database, and requests go through its WSGI
app (the Flask test client stands in for gunicorn's HTTP parsing, which is outside the timing).
For the run only, a bench-side wrapper times named functions (`LAYERS`) and the driver's statements
(SQLAlchemy's cursor events) with `time.perf_counter_ns`; nothing is added to Herald's code. Each
layer's time is its own (exclusive): what its callees in the table took is subtracted, so the rows
add up to the whole request. A quick command runs on a pool thread while the request thread waits;
the wait less the pool thread's work is the hand-off.
"""
from __future__ import annotations

import functools
import importlib
import secrets
import threading
import time
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from sqlalchemy import event

from bench.databases import BenchDatabase
from bench.loadclient import sign, slash_command_body
from bench.report import Result
from bench.stats import summarize
from bench.suites.http import COMMAND, COMMAND_TEXT

SUITE = "layers"
REQUEST = "Flask and werkzeug (routing, request and response objects)"
SQL = "SQL (statements at the driver, rows fetched)"
HANDOFF = "hand-off to the quick-command thread and back"
WAIT = "_wait"  # the request thread's wait, replaced by HANDOFF in the report
QUICK = "_quick"  # the pool thread's whole run, for HANDOFF

# (layer, "module:attribute" or "module:Class.attribute") in the order a request meets them.
LAYERS = (
    ("signature check", "bot.slack.routes:signature_ok"),
    ("Bolt dispatch (body parsing, middleware, listener matching, response)",
     "slack_bolt.adapter.flask:SlackRequestHandler.handle"),
    ("listener: admin lookup (actor)", "bot.slack.app:SlackRuntime.actor"),
    ("listener: form check, slow check, receipt key, pool submit", "bot.slack.listeners:on_command"),
    (WAIT, "bot.slack.listeners:_QuickCommand.wait"),
    (QUICK, "bot.slack.listeners:_QuickCommand.run"),
    ("transaction: session, context, close", "bot.slack.listeners:run_command"),
    ("router (family lookup, error handling)", "bot.slack.receipts:route"),
    ("parse the query", "handlers.coverage:parse_query"),
    ("build the reply (period, summary, page; SQL apart)", "handlers.coverage:answer"),
    ("render: Block Kit and the ack body", "bot.slack.listeners:_answer_now"),
    ("share copy: keep the answer (a read keeps none: it is asked again)", "bot.slack.sharing:hold_for_sharing"),
    ("receipt: write the key (a command that may write; a read keeps none)", "bot.slack.receipts:record"),
    ("commit (flush and the database's commit)", "sqlalchemy.orm:Session.commit"),
)


@dataclass
class Collector:
    """Exclusive nanoseconds per layer for the request being measured, kept per thread as a stack."""

    current: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    inclusive: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    local: threading.local = field(default_factory=threading.local)
    lock: threading.Lock = field(default_factory=threading.Lock)
    active: bool = False

    def _stack(self) -> list[list]:
        if not hasattr(self.local, "stack"):
            self.local.stack = []
        return self.local.stack

    def measured(self, layer: str = "") -> bool:
        """Whether this thread's work belongs to the request: inside its outermost layer, or on a
        quick-command thread (not the job worker's, which runs beside it)."""
        name = threading.current_thread().name
        return self.active and (bool(self._stack()) or layer == REQUEST or name.startswith("herald-slack-cmd"))

    def enter(self, layer: str) -> None:
        self._stack().append([layer, time.perf_counter_ns(), 0])

    def leave(self) -> None:
        layer, started, children = self._stack().pop()
        took = time.perf_counter_ns() - started
        with self.lock:
            self.current[layer] += took - children
            self.inclusive[layer] += took
        if self._stack():
            self._stack()[-1][2] += took

    @contextmanager
    def span(self, layer: str) -> Iterator[None]:
        if not self.measured(layer):
            yield
            return
        self.enter(layer)
        try:
            yield
        finally:
            self.leave()

    def take(self) -> dict[str, int]:
        """This request's exclusive times with the hand-off worked out; resets for the next request."""
        with self.lock:
            times = dict(self.current)
            times[HANDOFF] = self.inclusive.get(WAIT, 0) - self.inclusive.get(QUICK, 0)
            times.pop(WAIT, None)
            times[layer_of_quick()] = times.get(layer_of_quick(), 0) + times.pop(QUICK, 0)
            self.current.clear()
            self.inclusive.clear()
        return times


def layer_of_quick() -> str:
    """The pool thread's own time outside the layers below it goes with the transaction layer."""
    return "transaction: session, context, close"


def _resolve(path: str) -> tuple[object, str]:
    module_name, _, dotted = path.partition(":")
    owner: object = importlib.import_module(module_name)
    *parents, attribute = dotted.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    return owner, attribute


@contextmanager
def instrumented(collector: Collector, engine) -> Iterator[None]:
    """Wrap each layer's function (and the engine's cursor events) for the duration of the block."""
    with ExitStack() as stack:
        for layer, path in LAYERS:
            owner, attribute = _resolve(path)
            original = getattr(owner, attribute)
            setattr(owner, attribute, _timed(collector, layer, original))
            stack.callback(setattr, owner, attribute, original)

        def before(*_args) -> None:
            if collector.measured():
                collector.enter(SQL)

        def after(*_args) -> None:
            if collector.measured() and collector._stack() and collector._stack()[-1][0] == SQL:
                collector.leave()
        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)
        stack.callback(event.remove, engine, "before_cursor_execute", before)
        stack.callback(event.remove, engine, "after_cursor_execute", after)
        yield


def _timed(collector: Collector, layer: str, function: Callable) -> Callable:
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with collector.span(layer):
            return function(*args, **kwargs)
    return wrapper


def measure(db: BenchDatabase, requests: int, warmup: int) -> tuple[dict[str, list[float]], list[float]]:
    """(per layer, the microseconds each request spent in it; each request's total in microseconds)."""
    from app import create_app
    from bot.jobs import EXTENSION as JOBS
    from tests.fakes.slack_api import FakeSlackAPI
    secret = secrets.token_hex(16)
    per_layer: dict[str, list[float]] = defaultdict(list)
    totals: list[float] = []
    with FakeSlackAPI() as slack_api:
        flask_app = create_app({"DATABASE_URL": db.url, "SLACK_SIGNING_SECRET": secret,
                                "SLACK_BOT_TOKEN": "xoxb-bench-token", "SLACK_API_URL": slack_api.api_url})
        herald = flask_app.extensions["herald"]
        collector = Collector()
        wsgi = flask_app.wsgi_app
        flask_app.wsgi_app = _timed(collector, REQUEST, wsgi)
        client = flask_app.test_client()
        try:
            with instrumented(collector, herald.engine):
                for index in range(warmup + requests):
                    body = slash_command_body(COMMAND, COMMAND_TEXT, f"layers-{secret[:6]}-{index}")
                    collector.active = True
                    started = time.perf_counter_ns()
                    response = client.post("/slack/events", data=body, headers=sign(secret, body, int(time.time())))
                    took = time.perf_counter_ns() - started
                    collector.active = False
                    times = collector.take()
                    if response.status_code != 200 or "Coverage" not in response.get_data(as_text=True):
                        raise RuntimeError(f"/coverage answered {response.status_code}: {response.get_data()[:200]!r}")
                    if index >= warmup:
                        totals.append(sum(times.values()) / 1e3)
                        for layer, ns in times.items():
                            per_layer[layer].append(ns / 1e3)
                        per_layer["_client"].append(took / 1e3)
        finally:
            flask_app.wsgi_app = wsgi
            if (worker := flask_app.extensions.get(JOBS)) is not None:
                worker.stop(timeout=2)
            herald.engine.dispose()
    return per_layer, totals


def run(db: BenchDatabase, requests: int = 500, warmup: int = 50, log=print) -> list[Result]:
    """One row per layer: its microseconds per request (p50, p95, p99) and its share of the mean."""
    per_layer, totals = measure(db, requests, warmup)
    per_layer.pop("_client", None)
    where = f"{db.backend} {db.items:,}"
    whole = sum(totals) / len(totals)
    order = [REQUEST, *(layer for layer, _ in LAYERS if layer not in (WAIT, QUICK)), HANDOFF, SQL]
    results = []
    for layer in order:
        samples = per_layer.get(layer) or [0.0] * len(totals)
        summary = summarize([us / 1e3 for us in samples])
        share = sum(samples) / len(samples) / whole
        results.append(Result(SUITE, layer, where, summary, ratio=f"{share:.0%} of the request",
                              verdict="n/a", note=f"mean {sum(samples) / len(samples):,.0f} µs"))
        log(results[-1])
    total = summarize([us / 1e3 for us in totals])
    results.append(Result(SUITE, "the whole request, in-process", where, total, verdict="n/a",
                          note=f"mean {whole:,.0f} µs; {len(totals)} requests after {warmup} warm-up"))
    log(results[-1])
    return results
