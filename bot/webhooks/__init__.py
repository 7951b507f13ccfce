"""JSON webhooks (`POST /webhooks/…`): bearer-token auth, size cap and body parsing shared by each."""
from __future__ import annotations

from typing import Any

from flask import abort, current_app, request

from bot.json_input import BadJson, parse_json
from bot.webhooks.tokens import token_for, webhook_tokens
from handlers.context import Actor, policy_from
from models.access import Action


def require_bearer_token(scope: str, action: Action) -> Actor:
    """The integration whose token the request carries (`Authorization: Bearer <token>`), allowed onto
    webhook `scope` by its token and `action` by the access policy: 503 if no token is set, 401 for a
    missing or wrong token, 403 for a token not allowed onto this webhook."""
    herald = current_app.extensions["herald"]
    tokens = webhook_tokens(herald.settings)
    if not tokens:
        abort(503, description="Webhooks are off: neither HERALD_WEBHOOK_TOKENS nor HERALD_WEBHOOK_TOKEN is set "
                               "on the server.")
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    token = token_for(tokens, presented.strip()) if scheme.lower() == "bearer" and presented.strip() else None
    if token is None:
        abort(401, description="Missing or wrong bearer token.")
    if not token.allows(scope):
        abort(403, description=f"The {token.name} integration's token may not post to /webhooks/{scope}: "
                               "ask Herald's admin to add that scope to it in HERALD_WEBHOOK_TOKENS.")
    actor = Actor(user_id=token.who, name=f"{token.name} (webhook)", platform="webhook")
    policy_from(herald.settings, actor.platform).require(actor, action)
    return actor


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
