"""The bare-Bolt floor: a minimal Bolt app that answers any signed slash command with a constant.

`gunicorn bench.bolt_floor:app` with `SLACK_SIGNING_SECRET` (and `SLACK_API_URL`) set. It is what a Slack request costs
with no Herald in it: Flask, Bolt's own signature check and dispatch (`process_before_response=True`,
as Herald runs Bolt) and an ephemeral answer in the acknowledgement, with no database. The floor
suite (`bench.suites.floor`) runs it on the same gunicorn shape as Herald, interleaved with it.
"""
from __future__ import annotations

import os
import re

from flask import Flask, request
from slack_bolt import Ack, App
from slack_bolt.adapter.flask import SlackRequestHandler
from slack_sdk import WebClient

ANSWER_TEXT = "Coverage this week: 212 items (positive 64, neutral 117, negative 31)."
ANSWER_BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": ANSWER_TEXT}}]


def create_app(signing_secret: str, slack_api_url: str = WebClient.BASE_URL) -> Flask:
    """The floor's Flask app: `POST /slack/events` through Bolt, `GET /healthz` for start-up.
    Bolt asks `auth.test` once, on the first request, as it does for Herald: `slack_api_url` is
    where (the bench's loopback fake)."""
    client = WebClient(token="xoxb-floor", base_url=slack_api_url)
    bolt = App(client=client, signing_secret=signing_secret, token_verification_enabled=False,
               process_before_response=True)

    @bolt.command(re.compile(r"^/"))
    def answer(ack: Ack) -> None:
        ack(text=ANSWER_TEXT, blocks=ANSWER_BLOCKS, response_type="ephemeral")

    handler = SlackRequestHandler(bolt)
    flask_app = Flask(__name__)
    flask_app.add_url_rule("/slack/events", "slack_events", lambda: handler.handle(request), methods=["POST"])
    flask_app.add_url_rule("/healthz", "healthz", lambda: {"status": "ok"})
    return flask_app


def __getattr__(name: str) -> Flask:
    """`app`, built on first use from `SLACK_SIGNING_SECRET` (importing this module does no work)."""
    if name != "app":
        raise AttributeError(name)
    os.environ.pop("SLACK_BOT_TOKEN", None)  # Bolt would warn that the client's token wins over it
    built = create_app(os.environ["SLACK_SIGNING_SECRET"], os.environ.get("SLACK_API_URL", WebClient.BASE_URL))
    globals()["app"] = built
    return built
