"""Posting Adaptive Cards to a Teams channel through its Workflows URL (a secret: never logged).
(First version: the Teams issue adds splitting, pacing and retries.)"""
from __future__ import annotations

import requests

from bot.teams.cards import render_card
from handlers.reply import Reply


def envelope(card: dict) -> dict:
    """The message envelope a Workflows "post card" flow expects."""
    return {"type": "message", "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}]}


def post_reply(url: str, reply: Reply, session: requests.Session | None = None, timeout: float = 10) -> None:
    """Post `reply` as one card; raises `requests.HTTPError` on a non-2xx answer."""
    http = session or requests.Session()
    response = http.post(url, json=envelope(render_card(reply)), timeout=timeout)
    response.raise_for_status()
