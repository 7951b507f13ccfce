"""Render a neutral `Reply` as Slack Block Kit, escaping every piece of text.

Slack's mrkdwn treats `&`, `<` and `>` as control characters; escaping exactly those three keeps
feed and user text from pinging (`<!channel>`), linking (`<https://evil|innocent>`) or mentioning.
(First version: the Slack issue extends this with paging and the message size limits.)
"""
from __future__ import annotations

from urllib.parse import quote

from handlers.reply import Reply

HEADER_MAX = 150
SECTION_MAX = 3000
MAX_BLOCKS = 50


def escape(text: str) -> str:
    """Text shown literally in mrkdwn: no mention, no link, no entity surprises."""
    return text.replace("\x00", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_url(url: str) -> str:
    """A URL that cannot break out of `<url|text>` link syntax."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def link(url: str | None, text: str) -> str:
    label = escape(text).replace("|", "\u2758")
    return f"<{safe_url(url)}|{label}>" if url else label


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_blocks(reply: Reply) -> list[dict]:
    """Block Kit blocks for `reply`, within Slack's per-block limits."""
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text", "text": _cut(reply.title or " ", HEADER_MAX)}}]
    for section in reply.sections:
        if section.heading:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(f"*{escape(section.heading)}*", SECTION_MAX)}})
        if section.text:
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(escape(section.text), SECTION_MAX)}})
        if section.facts:
            lines = [f"*{escape(f.label)}*  {escape(f.value)}" for f in section.facts]
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut("\n".join(lines), SECTION_MAX)}})
        for item in section.items:
            meta = f"\n{escape(' · '.join(item.meta))}" if item.meta else ""
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _cut(link(item.url, item.title) + meta, SECTION_MAX)}})
    if reply.context:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _cut(escape(c), SECTION_MAX)} for c in reply.context[:10]]})
    return blocks[:MAX_BLOCKS]


def fallback_text(reply: Reply) -> str:
    """The notification text that goes with the blocks."""
    return _cut(reply.title, 300)
