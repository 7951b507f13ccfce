"""Render a neutral `Reply` as an Adaptive Card (version 1.4, Teams).

Teams renders a subset of markdown in TextBlocks; feed and user text is escaped so that it shows as
typed and cannot form links or mentions. (First version: the Teams issue completes it.)
"""
from __future__ import annotations

import re

from handlers.reply import Reply

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")


def escape(text: str) -> str:
    """Text shown literally in a Teams TextBlock."""
    text = text.replace("\x00", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", text)


def render_card(reply: Reply) -> dict:
    """An Adaptive Card 1.4 for `reply`, full width in Teams."""
    body: list[dict] = [{"type": "TextBlock", "text": escape(reply.title), "weight": "Bolder", "size": "Medium", "wrap": True}]
    for section in reply.sections:
        if section.heading:
            body.append({"type": "TextBlock", "text": escape(section.heading), "weight": "Bolder", "wrap": True, "spacing": "Medium"})
        if section.text:
            body.append({"type": "TextBlock", "text": escape(section.text), "wrap": True})
        if section.facts:
            body.append({"type": "FactSet", "facts": [{"title": escape(f.label), "value": escape(f.value)} for f in section.facts]})
        for item in section.items:
            title = f"[{escape(item.title)}]({item.url})" if item.url else escape(item.title)
            meta = f" — {escape(' · '.join(item.meta))}" if item.meta else ""
            body.append({"type": "TextBlock", "text": title + meta, "wrap": True})
    for line in reply.context:
        body.append({"type": "TextBlock", "text": escape(line), "isSubtle": True, "size": "Small", "wrap": True})
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.4", "body": body, "msteams": {"width": "Full"}}
