"""`GET /healthz` (the process is up) and `GET /readyz` (database reachable, schema current)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from models.migrate import current_revisions, head_revisions

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    herald = current_app.extensions["herald"]
    try:
        with herald.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current, heads = current_revisions(herald.engine), head_revisions(herald.engine)
    except SQLAlchemyError:
        return jsonify(status="unavailable", database="unreachable"), 503
    if current != heads:
        return jsonify(status="unavailable", database="reachable", migrations="behind",
                       fix="flask --app app db upgrade"), 503
    return jsonify(status="ok", database="reachable", migrations="current")
