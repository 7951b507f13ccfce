"""Slack's HTTP endpoints: `POST /slack/events` (Bolt's one endpoint) and the OAuth pages.

Every request's signature is checked here, before Bolt sees it, with Herald's clock: a missing,
wrong, stale (over five minutes) or malformed signature or timestamp gets 401 and runs nothing.
"""
from __future__ import annotations

import logging
import re

from flask import Blueprint, Flask, jsonify, request
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier

from bot.jobs import shared_worker
from bot.slack.app import SlackRuntime, build_slack, slack_configured
from bot.tenancy import slack_request_allowed
from config import ConfigError
from runtime import Herald

log = logging.getLogger("herald.slack.routes")
_TIMESTAMP = re.compile(r"^[0-9]{1,12}$")
_SIGNATURE = re.compile(r"^v0=[0-9a-f]{64}$")
MAX_SKEW_SECONDS = 60 * 5


class _HeraldClock:
    """Adapts Herald's clock to slack-sdk's `Clock` (seconds since the epoch)."""

    def __init__(self, herald: Herald):
        self._herald = herald

    def now(self) -> float:
        return self._herald.clock.now().timestamp()


def signature_ok(verifier: SignatureVerifier, herald: Herald, body: bytes, timestamp: str | None,
                 signature: str | None) -> bool:
    """Whether a request is Slack's: well-formed headers, fresh timestamp, matching HMAC."""
    if not timestamp or not signature or not _TIMESTAMP.match(timestamp) or not _SIGNATURE.match(signature):
        return False
    if abs(herald.clock.now().timestamp() - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    try:
        return verifier.is_valid(body=body, timestamp=timestamp, signature=signature)
    except (UnicodeDecodeError, ValueError):
        return False


def register_slack(app: Flask, herald: Herald) -> SlackRuntime | None:
    """Mount Slack's routes when Slack is configured; the runtime is kept in `app.extensions`."""
    settings = herald.settings
    if not slack_configured(settings):
        return None
    if not (settings.SLACK_BOT_TOKEN or settings.SLACK_CLIENT_ID):
        raise ConfigError("SLACK_BOT_TOKEN: required (OAuth & Permissions → Bot User OAuth Token), "
                          "or set SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth")
    runtime = build_slack(herald, shared_worker(app, herald))
    app.extensions["herald_slack"] = runtime
    if not settings.SLACK_SIGNING_SECRET:
        if settings.SLACK_APP_TOKEN and not settings.SLACK_CLIENT_ID:
            return runtime  # Socket Mode only: Slack's requests arrive over the socket, not HTTP
        raise ConfigError("SLACK_SIGNING_SECRET: required to receive Slack's requests over HTTP "
                          "(Basic Information → App Credentials in your Slack app's settings)")
    if settings.SLACK_CLIENT_ID and not settings.HERALD_ALLOWED_WORKSPACES:
        raise ConfigError("HERALD_ALLOWED_WORKSPACES: required with SLACK_CLIENT_ID (OAuth): the Slack workspace "
                          "(T…) and Enterprise Grid (E…) ids of the one organisation this Herald serves")
    handler = SlackRequestHandler(runtime.bolt)
    verifier = SignatureVerifier(settings.SLACK_SIGNING_SECRET, clock=_HeraldClock(herald))
    bp = Blueprint("slack", __name__)

    @bp.post("/slack/events")
    def slack_events():
        body = request.get_data(cache=True)
        if not signature_ok(verifier, herald, body, request.headers.get("X-Slack-Request-Timestamp"),
                            request.headers.get("X-Slack-Signature")):
            return jsonify(error="invalid_request", reason="Slack signature missing, wrong or too old"), 401
        if not slack_request_allowed(settings.HERALD_ALLOWED_WORKSPACES, body, request.content_type):
            log.warning("Slack request from a workspace not in HERALD_ALLOWED_WORKSPACES refused")
            return jsonify(error="forbidden", reason="This Herald serves one organisation; this Slack workspace "
                                                     "is not in its HERALD_ALLOWED_WORKSPACES."), 403
        runtime.worker.start()
        try:
            response = handler.handle(request)
        except Exception:  # noqa: BLE001 - Bolt could not read a signed but malformed body
            log.warning("unreadable Slack request", exc_info=True)
            return jsonify(error="bad_request", reason="Slack request body could not be read"), 400
        if response.status_code == 503:  # the database is away: Slack's retry of this event is wanted
            return response
        if response.status_code >= 500:  # never hand Slack a 5xx for one bad payload (it would retry)
            log.warning("Slack request answered %s: %s", response.status_code, response.get_data()[:200])
            return jsonify(error="bad_request", reason="Slack request could not be handled"), 400
        return response

    if settings.SLACK_CLIENT_ID:
        @bp.get("/slack/install")
        def slack_install():
            return handler.handle(request)

        @bp.get("/slack/oauth_redirect")
        def slack_oauth_redirect():
            return handler.handle(request)

    app.register_blueprint(bp)
    return runtime
