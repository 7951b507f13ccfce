"""`POST /teams/outgoing`: Herald's commands through a Teams outgoing webhook (no Azure needed).

Order of checks, each answering with its reason: Teams configured (503), team known (401), HMAC over
the raw body (401; nothing runs), JSON (400), a message activity (400). A repeated activity is
answered without running again. The command is then written as a durable job with the activity's
receipt and run with the same router as Slack (`bot/teams/jobs.py`); Teams waits at most five
seconds, so an answer not ready within `reply_budget` seconds is replaced by "working on it", and
the job worker posts the real answer through the team's Workflows URL when one is configured —
after a restart too.
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from flask import Blueprint, Flask, abort, current_app, jsonify, request

from bot.json_input import BadJson, parse_json
from bot.teams.activity import BadActivity, InboundMessage, parse_activity
from bot.teams.cards import envelope, render_card
from bot.teams.jobs import TeamsReplies, TeamsReplyJob, teams_replies
from bot.teams.settings import TeamsSettings
from bot.teams.signing import verify
from bot.tenancy import tenant_allowed
from handlers.reply import Reply, Section
from models.inbound import ReceivedEvent
from runtime import Herald

log = logging.getLogger("herald.teams")
bp = Blueprint("teams", __name__)
EXTENSION = "herald.teams"
REPLY_BUDGET_SECONDS = 3.0  # Teams gives up after 5 s; leave room for the network both ways


@dataclass
class TeamsEndpoint:
    """What the outgoing-webhook view needs, built once per app (tests may shorten `reply_budget`)."""

    herald: Herald
    settings: TeamsSettings
    replies: TeamsReplies
    reply_budget: float = REPLY_BUDGET_SECONDS

    def answer(self, message: InboundMessage, team: str) -> Reply | None:
        """Accept the message as a job with its receipt, then answer it: the command's reply if ready
        within the budget, else "working on it" (posted later). None if it was received before."""
        actor = message.actor
        if actor.user_id in self.herald.settings.TEAMS_ADMIN_USER_IDS:
            actor = dataclasses.replace(actor, is_admin=True)
        job = TeamsReplyJob(command=message.text, actor=dataclasses.asdict(actor), channel=message.channel,
                            team=team, asked=f"In answer to {message.actor.name or 'a colleague'}: {message.text}")
        receipt = ReceivedEvent(platform="teams", key=message.dedupe_key(team), received_at=self.herald.clock.now())
        job_id = self.replies.accept(job, receipt)
        if job_id is None:
            return None
        reply = self.replies.answer(job_id, message.text, self.reply_budget)
        return reply if reply is not None else working_on_it(team in self.settings.workflows_urls)

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait for slow answers still running or waiting to be posted (shutdown, tests); True if none is left."""
        return self.replies.drain(timeout)


def working_on_it(will_post: bool) -> Reply:
    """The quick answer for a command that is still running when Teams' time is nearly up."""
    later = ("The answer will be posted in this team's channel as soon as it is ready." if will_post else
             "Teams allows only a few seconds and no Workflows URL is set for this team, so the answer "
             "cannot be posted here. Try a narrower question, or ask your Herald admin to set "
             "TEAMS_WORKFLOWS_URL.")
    return Reply(title="Working on it…", sections=(Section(text=later),))


def register(app: Flask, herald: Herald) -> None:
    """Mount `/teams/outgoing`; a malformed Teams setting stops start-up with `ConfigError`."""
    replies = teams_replies(app, herald)
    app.extensions[EXTENSION] = TeamsEndpoint(herald=herald, settings=replies.settings, replies=replies)
    app.register_blueprint(bp)


@bp.post("/teams/outgoing")
def outgoing():
    """Verify, decode, dedupe, run, and answer with an Adaptive Card message."""
    endpoint: TeamsEndpoint = current_app.extensions[EXTENSION]
    team = _verified_team(endpoint.settings)
    message = _message(request.get_data(cache=True))
    if not tenant_allowed(endpoint.herald.settings.HERALD_ALLOWED_TENANTS, message.actor.workspace):
        abort(403, description="This Herald serves one organisation; this Teams tenant is not in its "
                               "HERALD_ALLOWED_TENANTS.")
    endpoint.replies.worker.start()  # also picks up answers a previous process left unposted
    reply = endpoint.answer(message, team)
    if reply is None:
        log.info("Teams activity repeated for %s; not run again", endpoint.settings.describe(team))
        return jsonify({"type": "message", "text": "Already answered (this message was delivered twice)."})
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
        data = parse_json(raw)
    except BadJson as exc:
        abort(400, description=str(exc))
    try:
        return parse_activity(data)
    except BadActivity as exc:
        abort(400, description=f"Not a Teams message: {exc}.")
