"""Every HTTP route Herald serves, registered on the app in one place."""
from __future__ import annotations

from flask import Flask

from bot import digest_charts, health
from runtime import Herald


def register_routes(app: Flask, herald: Herald) -> None:
    """Mount health checks, then each platform's and webhook's routes."""
    app.register_blueprint(health.bp)
    app.register_blueprint(digest_charts.bp)
