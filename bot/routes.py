"""Every HTTP route Herald serves, registered on the app in one place."""
from __future__ import annotations

from flask import Flask

from bot import digest_charts, health
from bot.slack.routes import register_slack
from bot.teams import agent_bot as teams_bot
from bot.teams import outgoing as teams_outgoing
from bot.webhooks import campaign_metrics
from bot.webhooks import coverage as coverage_webhook
from bot.webhooks.settling import settling_worker
from bot.webhooks.tokens import webhook_tokens
from runtime import Herald


def register_routes(app: Flask, herald: Herald) -> None:
    """Mount health checks, then each platform's and webhook's routes."""
    app.register_blueprint(health.bp)
    register_slack(app, herald)
    teams_outgoing.register(app, herald)
    teams_bot.register(app, herald)
    webhook_tokens(herald.settings)  # a malformed HERALD_WEBHOOK_TOKENS stops start-up, naming the entry
    app.register_blueprint(coverage_webhook.bp)
    settling_worker(app, herald)  # the job that settles a big batch's stories after its answer
    app.register_blueprint(campaign_metrics.bp)
    app.register_blueprint(digest_charts.bp)
