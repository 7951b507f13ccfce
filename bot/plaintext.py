"""Render a `Reply` as plain text: for the CLI (`flask --app app ask`) and e-mail text parts."""
from __future__ import annotations

from handlers.reply import Reply

WORDS = {"red": "red", "amber": "amber", "amber_red": "amber/red", "amber_green": "amber/green", "green": "green",
         "not_rated": "not rated or not yet known", "positive": "positive", "neutral": "neutral", "negative": "negative"}
MARKERS = {"red": "[R]", "amber": "[A]", "amber_red": "[A/R]", "amber_green": "[A/G]",
           "green": "[G]", "not_rated": "[-]", "positive": "(+)", "neutral": "(=)", "negative": "(-)"}


def render_text(reply: Reply) -> str:
    """The whole reply as readable text, links written out in full."""
    lines = [reply.understood] if reply.understood else []
    lines += [reply.title, "=" * min(len(reply.title), 72)]
    for section in reply.sections:
        lines.append("")
        if section.heading:
            lines.append(section.heading)
            lines.append("-" * min(len(section.heading), 72))
        if section.text:
            lines.append(section.text)
        width = max((len(f.label) for f in section.facts), default=0)
        for fact in section.facts:
            lines.append(f"{fact.label.ljust(width)}  {fact.value}")
        for item in section.items:
            marker = f"{MARKERS.get(item.marker, '')} " if item.marker else ""
            meta = f"  ({' · '.join(item.meta)})" if item.meta else ""
            lines.append(f"• {marker}{item.title}{meta}")
            if item.url:
                lines.append(f"  {item.url}")
            if item.detail:
                lines.append(f"  {item.detail}")
    used = list(dict.fromkeys(i.marker for s in reply.sections for i in s.items if i.marker in MARKERS))
    if reply.context or used:
        lines.append("")
        lines.extend(reply.context)
    if used:  # a symbol alone says nothing to someone who has not learnt it
        lines.append("Key: " + ", ".join(f"{MARKERS[m]} {WORDS[m]}" for m in used))
    if reply.next_page:
        lines.append(f"More: {reply.next_page}")
    for button in reply.buttons:
        target = button.command or button.url
        lines.append(f"[{button.label}] {target}")
    for attachment in reply.attachments:
        lines.append(f"(attached: {attachment.filename}, {len(attachment.content)} bytes)")
    return "\n".join(lines).rstrip() + "\n"
