"""Render a neutral `Reply` as Adaptive Cards (version 1.4, full width) for Teams.

Version 1.4 is the newest that Teams Workflows renders reliably (1.5 sometimes fails, 1.6 always), and
bot messages accept it too, so one card serves both paths. Only `Action.OpenUrl` is used: outgoing
webhook and Workflows posts have no bot to receive `Action.Submit`; a command button becomes a line
telling the reader what to type. Feed and user text goes in TextRuns (no markdown) or through
`bot.teams.text.markdown` (FactSet), so it cannot mention, link or break the card.

A card and its envelope must stay under Teams' 28 KB; `render_cards` keeps each under 26 KB of
compact JSON and splits a long reply into several cards, in order, each saying "part i of n".
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from bot.teams.text import cut, markdown, one_line, plain, safe_url
from handlers.reply import Button, Fact, Item, Reply, Section

CARD_VERSION = "1.4"
SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MAX_CARD_BYTES = 26 * 1024
MAX_ACTIONS = 5
FACTS_PER_SET = 12
TITLE_MAX, LINE_MAX, META_MAX, DETAIL_MAX, FACT_LABEL_MAX, FACT_VALUE_MAX = 250, 1000, 300, 1000, 100, 500
TEAMS_MENTION = "@Herald"


@dataclass(frozen=True)
class Marker:
    """How an `Item.marker` status word is shown: a symbol, a word and an Adaptive Card colour."""

    symbol: str
    word: str
    color: str


MARKERS = {
    "red": Marker("🔴", "Red", "Attention"),
    "amber_red": Marker("🟠", "Amber/red", "Attention"),
    "amber": Marker("🟠", "Amber", "Warning"),
    "amber_green": Marker("🟡", "Amber/green", "Warning"),
    "green": Marker("🟢", "Green", "Good"),
    "not_rated": Marker("⚪", "Not rated", "Default"),
    "positive": Marker("🙂", "Positive", "Good"),
    "neutral": Marker("😐", "Neutral", "Default"),
    "negative": Marker("🙁", "Negative", "Attention"),
}


def envelope(cards: dict | list[dict]) -> dict:
    """The message activity that carries cards: a Workflows request body or an outgoing-webhook reply."""
    cards = [cards] if isinstance(cards, dict) else cards
    return {"type": "message", "attachments": [
        {"contentType": CARD_CONTENT_TYPE, "contentUrl": None, "content": card} for card in cards]}


def compact_json(payload: dict) -> bytes:
    """The exact bytes Herald sends: compact, UTF-8 (the size Teams' limit is measured on)."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def render_cards(reply: Reply, max_bytes: int = MAX_CARD_BYTES) -> list[dict]:
    """`reply` as one or more cards, each one's envelope at most `max_bytes` of compact JSON."""
    units = _body_units(reply)
    actions = _actions(reply.buttons)
    groups = _pack(reply, units, actions, max_bytes)
    total = len(groups)
    cards = [_card(_header(reply, index, total) + group, actions if index == total else [])
             for index, group in enumerate(groups, start=1)]
    return cards


def render_card(reply: Reply, max_bytes: int = MAX_CARD_BYTES) -> dict:
    """One card for `reply` (an outgoing-webhook answer); a reply too long for it is cut with a note."""
    cards = render_cards(reply, max_bytes)
    if len(cards) == 1:
        return cards[0]
    header = _header(reply, 1, 1)
    first = _card(header + cards[0]["body"][len(header):], _actions(reply.buttons))
    first["body"].append(_rich([_run(f"Cut short: this answer needs {len(cards)} messages in Teams. "
                                      "Narrow the question (a shorter period, a filter) to see the rest.",
                                      isSubtle=True, italic=True)]))
    return first


def _card(body: list[dict], actions: list[dict]) -> dict:
    card = {"type": "AdaptiveCard", "$schema": SCHEMA_URL, "version": CARD_VERSION,
            "msteams": {"width": "Full"}, "body": body}
    if actions:
        card["actions"] = actions
    return card


def _header(reply: Reply, index: int, total: int) -> list[dict]:
    runs = [_run(one_line(reply.title, TITLE_MAX) or "Herald", size="Large", weight="Bolder",
                 **({"color": "Attention"} if reply.is_error else {}))]
    if total > 1:
        runs.append(_run(f"  (part {index} of {total})", isSubtle=True))
    understood = [_rich([_run(one_line(reply.understood, LINE_MAX), isSubtle=True, size="Small")])]
    return (understood if reply.understood and index == 1 else []) + [_rich(runs)]


def _run(text: str, **style) -> dict:
    return {"type": "TextRun", "text": text, **style}


def _rich(inlines: list[dict], **props) -> dict:
    return {"type": "RichTextBlock", "inlines": inlines, **props}


def _body_units(reply: Reply) -> list[dict]:
    """Every body element after the header; each is packed whole into one card."""
    units: list[dict] = []
    for section in reply.sections:
        units.extend(_section(section))
    if reply.chart:
        units.append(_rich([_run("Chart: ", weight="Bolder"),
                            _run(one_line(f"{reply.chart.title}. {reply.chart.alt_text}", LINE_MAX))]))
    for attachment in reply.attachments:
        units.append(_rich([_run(f"📎 {one_line(attachment.filename, META_MAX)} ({_size(attachment.content)}): "
                                 "files cannot be attached to Teams messages; run this command in Slack "
                                 "or ask your Herald admin for it.", isSubtle=True)]))
    for button in reply.buttons:
        if button.command:
            units.append(_type_hint(f"{one_line(button.label, META_MAX)}:", button.command))
    if reply.next_page:
        units.append(_type_hint("More results:", reply.next_page))
    for line in reply.context:
        units.append(_rich([_run(one_line(line, LINE_MAX), isSubtle=True, size="Small")], spacing="Small"))
    return units


def _section(section: Section) -> list[dict]:
    units: list[dict] = []
    if section.heading:
        units.append(_rich([_run(one_line(section.heading, TITLE_MAX), weight="Bolder", size="Medium")],
                           spacing="Medium", separator=True))
    if section.text:
        for line in plain(section.text).split("\n"):
            if line.strip():
                units.append(_rich([_run(cut(line.strip(), LINE_MAX))], spacing="Small"))
    for start in range(0, len(section.facts), FACTS_PER_SET):
        units.append({"type": "FactSet", "facts": [_fact(f) for f in section.facts[start:start + FACTS_PER_SET]]})
    units.extend(_item(item) for item in section.items)
    return units


def _fact(fact: Fact) -> dict:
    return {"title": markdown(fact.label, FACT_LABEL_MAX) or " ", "value": markdown(fact.value, FACT_VALUE_MAX) or " "}


def _item(item: Item) -> dict:
    runs: list[dict] = []
    marker = MARKERS.get((item.marker or "").lower())
    if marker:
        runs.append(_run(f"{marker.symbol} {marker.word}  ", color=marker.color, weight="Bolder"))
    title = _run(one_line(item.title, TITLE_MAX) or "(untitled)")
    url = safe_url(item.url)
    if url:
        title["selectAction"] = {"type": "Action.OpenUrl", "url": url}
    runs.append(title)
    if item.meta:
        runs.append(_run("  " + one_line(" · ".join(item.meta), META_MAX), isSubtle=True))
    blocks = [_rich(runs)]
    if item.detail:
        blocks.append(_rich([_run(one_line(item.detail, DETAIL_MAX), isSubtle=True)], spacing="None"))
    return {"type": "Container", "items": blocks, "spacing": "Small"}


def _type_hint(lead: str, command: str) -> dict:
    """What to type in Teams to run `command` (no Submit buttons on webhook cards)."""
    words = one_line(command, META_MAX).lstrip("/")
    return _rich([_run(lead + " mention " + TEAMS_MENTION + " and type "),
                  _run(words, fontType="Monospace", weight="Bolder")], spacing="Small")


def _actions(buttons: tuple[Button, ...]) -> list[dict]:
    actions = []
    for button in buttons:
        url = safe_url(button.url) if not button.command else None
        if url and len(actions) < MAX_ACTIONS:
            actions.append({"type": "Action.OpenUrl", "title": one_line(button.label, 60) or "Open", "url": url})
    return actions


def _size(content: bytes) -> str:
    return f"{len(content) / 1024:.0f} KB" if len(content) >= 1024 else f"{len(content)} bytes"


# Room kept in every card for the "(part i of n)" label and render_card's cut-short note.
_RESERVE = 400


def _pack(reply: Reply, units: list[dict], actions: list[dict], max_bytes: int) -> list[list[dict]]:
    """Split body units into cards in order, each card's envelope within `max_bytes`."""
    base = len(compact_json(envelope(_card(_header(reply, 1, 1), actions)))) + _RESERVE
    room = max_bytes - base
    groups: list[list[dict]] = [[]]
    used = 0
    for unit in (piece for whole in units for piece in _fit(whole, room)):
        size = len(compact_json(unit)) + 1
        if used + size > room and groups[-1]:
            groups.append([])
            used = 0
        groups[-1].append(unit)
        used += size
    return groups


def _fit(unit: dict, room: int) -> list[dict]:
    """`unit` as pieces that each fit in `room` bytes: a FactSet is halved, anything else noted."""
    if len(compact_json(unit)) + 1 <= room:
        return [unit]
    facts = unit.get("facts", []) if unit.get("type") == "FactSet" else []
    if len(facts) > 1:
        half = len(facts) // 2
        return _fit({"type": "FactSet", "facts": facts[:half]}, room) + \
            _fit({"type": "FactSet", "facts": facts[half:]}, room)
    return [_too_long_note()]


def _too_long_note() -> dict:
    return _rich([_run("(This entry is too long to show in Teams.)", isSubtle=True, italic=True)])
