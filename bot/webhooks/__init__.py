"""JSON webhooks (`POST /webhooks/…`): bearer-token auth, size cap and body parsing shared by each."""
from __future__ import annotations

import hmac
from typing import Any

from flask import abort, current_app, request

from bot.json_input import BadJson, parse_json


def require_bearer_token() -> None:
    """401 unless the request carries `Authorization: Bearer $HERALD_WEBHOOK_TOKEN`."""
    expected = current_app.extensions["herald"].settings.HERALD_WEBHOOK_TOKEN
    if not expected:
        abort(503, description="Webhooks are off: HERALD_WEBHOOK_TOKEN is not set on the server.")
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        abort(401, description="Missing or wrong bearer token.")


def json_body() -> Any:
    """The parsed JSON body (strings cleaned of control characters: `bot.json_input`), or
    400/413/415 with the reason."""
    limit = current_app.extensions["herald"].settings.HERALD_WEBHOOK_MAX_BYTES
    if request.content_length is not None and request.content_length > limit:
        abort(413, description=f"Body is larger than {limit} bytes.")
    if not request.mimetype or request.mimetype != "application/json":
        abort(415, description="Send JSON with Content-Type: application/json.")
    body = request.stream.read(limit + 1)  # get_data() would silently cut a chunked body at the cap
    if len(body) > limit:
        abort(413, description=f"Body is larger than {limit} bytes.")
    try:
        return parse_json(body)
    except BadJson as exc:
        abort(400, description=str(exc))
