"""`POST /teams/outgoing`: Herald's commands through a Teams outgoing webhook (no Azure needed).

Order of checks, each answering with its reason: Teams configured (503), team known (401), HMAC over
the raw body (401; nothing runs), JSON (400), a message activity (400). A repeated activity is
answered without running again. The command then runs with the same router as Slack; Teams waits at
most five seconds, so an answer not ready within `reply_budget` seconds is replaced by "working on
it", and the real answer is posted later through the team's Workflows URL when one is configured.
"""
from __future__ import annotations

import dataclasses
import json
import logging
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Callable

from flask import Blueprint, Flask, abort, current_app, jsonify, request
from sqlalchemy.exc import IntegrityError

from bot.teams import workflows
from bot.teams.activity import BadActivity, InboundMessage, parse_activity
from bot.teams.cards import envelope, render_card
from bot.teams.late import LateAnswers, reply_of
from bot.teams.settings import TeamsSettings, load_teams_settings
from bot.teams.signing import verify
from handlers.context import Actor
from handlers.reply import Reply, Section
from models.inbound import ReceivedEvent
from runtime import Herald

log = logging.getLogger("herald.teams")
bp = Blueprint("teams", __name__)
EXTENSION = "herald.teams"
REPLY_BUDGET_SECONDS = 3.0  # Teams gives up after 5 s; leave room for the network both ways

Runner = Callable[[str, Actor, str], tuple]
Poster = Callable[[str, Reply], object]


@dataclass
class TeamsEndpoint:
    """What the outgoing-webhook view needs, built once per app (tests may swap `run` and `post`)."""

    herald: Herald
    settings: TeamsSettings
    run: Runner
    post: Poster = workflows.post_reply
    reply_budget: float = REPLY_BUDGET_SECONDS
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(8, "teams-command"))
    poster: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(2, "teams-post"))
    _late: LateAnswers = field(default_factory=LateAnswers)

    def claim(self, message: InboundMessage, team: str) -> bool:
        """Record the activity before running it; False if it was already received (a replay)."""
        try:
            with self.herald.session() as session:
                session.add(ReceivedEvent(platform="teams", key=message.dedupe_key(team),
                                          received_at=self.herald.clock.now()))
                session.flush()
        except IntegrityError:
            return False
        return True

    def answer(self, message: InboundMessage, team: str) -> Reply:
        """The command's reply if ready within the budget, else "working on it" (answer posted later)."""
        actor = message.actor
        if actor.user_id in self.herald.settings.TEAMS_ADMIN_USER_IDS:
            actor = dataclasses.replace(actor, is_admin=True)
        future = self.executor.submit(self.run, message.text, actor, message.channel)
        try:
            return reply_of(future, self.reply_budget)
        except FutureTimeout:
            pass
        url = self.settings.workflows_urls.get(team)
        self._late.track(future)
        future.add_done_callback(lambda done: self._schedule_delivery(done, url, message, team))
        return working_on_it(bool(url))

    def _schedule_delivery(self, done: Future, url: str | None, message: InboundMessage, team: str) -> None:
        # Runs in the thread that finished the command; posting happens in its own pool, never inline.
        posting = self.poster.submit(self._deliver_late, done, url, message, team)
        self._late.hand_over(done, posting)

    def _deliver_late(self, future: Future, url: str | None, message: InboundMessage, team: str) -> None:
        reply = reply_of(future, None)
        where = self.settings.describe(team)
        if not url:
            log.warning("slow Teams answer for %s not posted: no TEAMS_WORKFLOWS_URL entry", where)
            return
        asked = f"In answer to {message.actor.name or 'a colleague'}: {message.text}"
        try:
            self.post(url, dataclasses.replace(reply, context=(asked, *reply.context)))
        except workflows.WorkflowsError as exc:  # its message names the host, never the URL
            log.warning("slow Teams answer for %s not posted: %s", where, exc)
        except Exception as exc:  # noqa: BLE001 - a worker thread has no one else to tell
            log.error("slow Teams answer for %s not posted: %s", where, type(exc).__name__)

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait for slow answers still running or being posted (shutdown, tests); True if none is left."""
        return self._late.drain(timeout)


def working_on_it(will_post: bool) -> Reply:
    """The quick answer for a command that is still running when Teams' time is nearly up."""
    later = ("The answer will be posted in this team's channel as soon as it is ready." if will_post else
             "Teams allows only a few seconds and no Workflows URL is set for this team, so the answer "
             "cannot be posted here. Try a narrower question, or ask your Herald admin to set "
             "TEAMS_WORKFLOWS_URL.")
    return Reply(title="Working on it…", sections=(Section(text=later),))


def register(app: Flask, herald: Herald) -> None:
    """Mount `/teams/outgoing`; a malformed Teams setting stops start-up with `ConfigError`."""
    settings = load_teams_settings(herald.settings)
    app.extensions[EXTENSION] = TeamsEndpoint(herald=herald, settings=settings, run=herald.run_command)
    app.register_blueprint(bp)


@bp.post("/teams/outgoing")
def outgoing():
    """Verify, decode, dedupe, run, and answer with an Adaptive Card message."""
    endpoint: TeamsEndpoint = current_app.extensions[EXTENSION]
    team = _verified_team(endpoint.settings)
    message = _message(request.get_data(cache=True))
    if not endpoint.claim(message, team):
        log.info("Teams activity repeated for %s; not run again", endpoint.settings.describe(team))
        return jsonify({"type": "message", "text": "Already answered (this message was delivered twice)."})
    reply = endpoint.answer(message, team)
    return jsonify(envelope(render_card(reply)))


def _verified_team(settings: TeamsSettings) -> str:
    if not settings.enabled:
        abort(503, description="Teams is off: TEAMS_OUTGOING_WEBHOOK_SECRET is not set on the server.")
    team = request.args.get("team", "").strip().lower()
    key = settings.keys.get(team)
    if key is None:
        abort(401, description=f"No security token is configured for {settings.describe(team)}: "
                               "add it to TEAMS_OUTGOING_WEBHOOK_SECRET.")
    raw = request.get_data(cache=True)
    header = request.headers.get("Authorization")
    if not header:
        abort(401, description="Missing 'Authorization: HMAC …' header.")
    if not verify(key, raw, header):
        abort(401, description="The HMAC signature does not match this body for this team.")
    return team


def _message(raw: bytes) -> InboundMessage:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        abort(400, description="Body is not UTF-8.")
    except json.JSONDecodeError as exc:
        abort(400, description=f"Body is not valid JSON ({exc.msg} at character {exc.pos}).")
    try:
        return parse_activity(data)
    except BadActivity as exc:
        abort(400, description=f"Not a Teams message: {exc}.")
