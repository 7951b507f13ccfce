"""One organisation per Herald: requests and installs from any other Slack workspace, Enterprise Grid
organisation or Microsoft 365 tenant are refused before anything runs.

`HERALD_ALLOWED_WORKSPACES` lists the Slack team (`T…`) and Enterprise Grid (`E…`) ids, and
`HERALD_ALLOWED_TENANTS` the Microsoft Entra tenant ids, that this Herald serves. OAuth installs
(README option C) need the Slack list; an empty list otherwise means "no check" (one workspace's
own bot token, or one Teams team's own webhook secret, already ties Herald to one organisation).
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

NO_ORGANISATION_TYPES = frozenset({"url_verification", "ssl_check"})  # Slack's own checks carry no team
REFUSED_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Herald: not installed</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>This Herald is not for your organisation</h1>
<p>Each Herald serves one organisation and keeps its data in its own database, so it can only be installed
in the Slack workspaces its administrator listed. Nothing was installed and nothing was stored.</p>
<p>If your organisation wants Herald, ask whoever runs IT for it to run its own copy (one Herald and one
database per organisation); if you think your workspace should be on this one's list, ask its administrator
to add your workspace id to <code>HERALD_ALLOWED_WORKSPACES</code>.</p></body></html>"""


def slack_organisations(body: bytes, content_type: str | None) -> tuple[set[str], str | None]:
    """The team and enterprise ids a Slack request names (command, interaction or event), and its type."""
    text = body.decode("utf-8", errors="replace")
    data: Any
    if "json" in (content_type or ""):
        data = _json(text)
    else:
        form = {k: v[0] for k, v in parse_qs(text).items()}
        data = _json(form["payload"]) if "payload" in form else form
    if not isinstance(data, dict):
        return set(), None
    ids: set[str] = set()
    for holder in (data, data.get("team"), data.get("enterprise"), data.get("user"), data.get("view"),
                   *(data.get("authorizations") or [])):
        if isinstance(holder, dict):
            ids |= {str(holder[k]) for k in ("team_id", "enterprise_id") if holder.get(k)}
    for key in ("team", "enterprise"):
        if isinstance(data.get(key), dict) and data[key].get("id"):
            ids.add(str(data[key]["id"]))
    return ids, data.get("type") if isinstance(data.get("type"), str) else None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def slack_request_allowed(allowed: tuple[str, ...], body: bytes, content_type: str | None) -> bool:
    """Whether a signed Slack request comes from a workspace or Grid organisation this Herald serves."""
    if not allowed:
        return True
    ids, kind = slack_organisations(body, content_type)
    if not ids:
        return kind in NO_ORGANISATION_TYPES
    return bool(ids & set(allowed))


def install_allowed(allowed: tuple[str, ...], team_id: str | None, enterprise_id: str | None) -> bool:
    """Whether an OAuth install into this team / Grid organisation may be stored (never with no list)."""
    return bool(allowed) and bool(({team_id, enterprise_id} - {None}) & set(allowed))


def tenant_allowed(allowed: tuple[str, ...], tenant: str | None) -> bool:
    """Whether a Teams activity's tenant is one this Herald serves (no list: no check)."""
    return not allowed or (tenant or "").lower() in {t.lower() for t in allowed}


def activity_tenant(body: Any) -> str | None:
    """The Microsoft Entra tenant an activity names (conversation.tenantId or channelData.tenant.id)."""
    if not isinstance(body, dict):
        return None
    conversation = body.get("conversation") if isinstance(body.get("conversation"), dict) else {}
    channel_data = body.get("channelData") if isinstance(body.get("channelData"), dict) else {}
    tenant = channel_data.get("tenant") if isinstance(channel_data.get("tenant"), dict) else {}
    found = conversation.get("tenantId") or tenant.get("id")
    return str(found) if found else None
