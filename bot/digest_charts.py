"""`GET /digests/charts/<run>/<token>.png`: a digest's chart, for the link in a Teams card.

The token is random per run and compared in constant time; anything else is a 404 with a reason.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from digests.stored import chart_png
from handlers.inputs import MAX_ID
from models.digest import DigestRun

bp = Blueprint("digest_charts", __name__)


@bp.get(f"/digests/charts/<int(max={MAX_ID}):run_id>/<token>.png")  # a larger number is no run: 404
def chart(run_id: int, token: str):
    """The PNG of run `run_id` when `token` is its chart token; 404 otherwise."""
    herald = current_app.extensions["herald"]
    with herald.reading() as session:
        run = session.get(DigestRun, run_id)
        png = chart_png(run.draft if run else None, token)
    if png is None:
        return jsonify(error="not_found", reason="No chart at this address."), 404
    return Response(png, mimetype="image/png", headers={"Cache-Control": "private, max-age=86400"})
