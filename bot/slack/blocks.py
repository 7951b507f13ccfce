"""Render a neutral `Reply` as Slack Block Kit messages, within every Slack limit.

Per block: header 150, section text 3,000, field 2,000, button label 75, button value 2,000. Per
message: 50 blocks and (since Slack also rejects a message whose blocks hold ~13k characters in
all) a cap on the total text. A reply too long for one message continues in further messages;
`render_blocks` gives the first, cut cleanly with a note saying how to see the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.slack.mrkdwn import clean, cut, escape, escaped_chunks, link, plain, safe_url, units
from handlers.reply import Button, Item, Reply, Section

HEADER_MAX = 150
SECTION_MAX = 3000
FACT_LABEL_MAX = 100
FACT_VALUE_MAX = 500  # ten facts to a section stay well inside a message's total
FIELDS_PER_SECTION = 10
CONTEXT_MAX = 2000
CONTEXT_ELEMENTS = 10
BUTTON_LABEL_MAX = 75
BUTTON_VALUE_MAX = 2000
BUTTONS_PER_BLOCK = 25
MAX_BLOCKS = 50
MESSAGE_TEXT_MAX = 11_000  # total text across blocks; Slack failed one at ~13.2k (bolt-js#2509)
FALLBACK_MAX = 300
ITEM_TITLE_MAX = 500
ITEM_DETAIL_MAX = 1000
MAX_MESSAGES = 4  # a response_url takes 5 posts; one is kept for a follow-up

CONTINUED = "Continued in the next message."

RUN_ACTION = "herald_run"      # button value: a Herald command line to run
NEXT_ACTION = "herald_next"    # the "Next 10" paging button
SHARE_ACTION = "herald_share"  # button value: what to share (bot/slack/sharing.py)
URL_ACTION = "herald_url"      # a link button; Slack opens it, Herald only acknowledges

MARKERS = {"red": ":red_circle:", "amber": ":large_orange_circle:", "amber_red": ":red_circle::large_orange_circle:",
           "amber_green": ":large_orange_circle::large_green_circle:", "green": ":large_green_circle:",
           "not_rated": ":white_circle:", "positive": ":large_green_square:", "neutral": ":white_large_square:",
           "negative": ":large_red_square:"}


@dataclass
class SlackMessage:
    """One Slack message: notification text plus blocks, as chat.postMessage and response_url take it."""

    text: str
    blocks: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "blocks": self.blocks}


def render_messages(reply: Reply, share_id: str | None = None) -> list[SlackMessage]:
    """Every message needed to show `reply` whole (at most MAX_MESSAGES; beyond that a cut note).

    `share_id`, when given, adds a "Share in channel" button that shares this stored reply.
    """
    tail = _tail_blocks(reply, share_id)
    tail_size = sum(_size(b) for b in tail)
    first = ([_context(reply.understood)] if reply.understood else []) + [_header(reply.title)]
    pages: list[list[dict]] = [first]
    used = sum(_size(block) for block in first)
    body = _body_blocks(reply)
    for index, block in enumerate(body):
        size = _size(block)
        if len(pages[-1]) + 1 + len(tail) + 1 > MAX_BLOCKS or used + size + tail_size + 200 > MESSAGE_TEXT_MAX:
            if len(pages) == MAX_MESSAGES:
                pages[-1].append(_context(f"Cut to fit Slack: {len(body) - index} more parts not shown. "
                                          "Ask a narrower question (a shorter period, a filter) to see them."))
                break
            pages[-1].append(_context(CONTINUED))
            pages.append([])
            used = 0
        pages[-1].append(block)
        used += size
    pages[-1].extend(tail)
    text = _fallback(reply.title)
    return [SlackMessage(text=text if i == 0 else f"{text} (continued)", blocks=blocks)
            for i, blocks in enumerate(pages)]


def without_share_button(messages: list[SlackMessage]) -> list[SlackMessage]:
    """`messages` less their "Share in channel" button: the copy kept for sharing."""
    def strip(block: dict) -> dict | None:
        if block.get("type") != "actions":
            return block
        others = [e for e in block["elements"] if not _is_share(e)]
        return {**block, "elements": others} if others else None
    return [SlackMessage(m.text, [b for b in map(strip, m.blocks) if b is not None]) for m in messages]


def with_share_id(messages: list[SlackMessage], share_id: str) -> list[SlackMessage]:
    """`messages` with their "Share in channel" button pointing at the kept copy `share_id`, so a
    private answer is rendered once although its button needs the id of what was stored."""
    def point(block: dict) -> dict:
        if block.get("type") != "actions" or not any(_is_share(e) for e in block["elements"]):
            return block
        return {**block, "elements": [{**e, "value": share_id} if _is_share(e) else e for e in block["elements"]]}
    return [SlackMessage(m.text, [point(b) for b in m.blocks]) for m in messages]


def _is_share(element: dict) -> bool:
    return element.get("action_id") == SHARE_ACTION


def render_blocks(reply: Reply, share_id: str | None = None) -> list[dict]:
    """The blocks of one message for `reply`; a longer answer is cut with a note and its buttons kept."""
    messages = render_messages(reply, share_id)
    if len(messages) == 1:
        return messages[0].blocks
    first = [b for b in messages[0].blocks if not _is_continued(b)]
    tail = _tail_blocks(reply, share_id)
    note = _context(f"Cut to fit one Slack message ({len(messages) - 1} more not shown).")
    room = MAX_BLOCKS - len(tail) - 1
    return first[:room] + [note] + tail


def render_notice(text: str) -> SlackMessage:
    """A short announcement (a handler's notice) as one message of plain sections."""
    chunks = escaped_chunks(text, SECTION_MAX)[:3]
    return SlackMessage(text=_fallback(text), blocks=[_section(chunk) for chunk in chunks])


def fallback_text(reply: Reply) -> str:
    """The notification text that goes with the blocks; it is mrkdwn too, so it is escaped."""
    return _fallback(reply.title)


def _fallback(text: str) -> str:
    return cut(escape(" ".join(clean(text).split())), FALLBACK_MAX) or "Herald"


def _is_continued(block: dict) -> bool:
    return block.get("type") == "context" and block["elements"][0].get("text") == CONTINUED


def _size(block: dict | list | str) -> int:
    """The text a block shows, in units (what Slack's total-size limit counts)."""
    if isinstance(block, dict):
        return sum(_size(value) for key, value in block.items() if key in ("text", "fields", "elements") or
                   isinstance(value, (dict, list)))
    if isinstance(block, list):
        return sum(_size(value) for value in block)
    return units(block) if isinstance(block, str) else 0


def _header(title: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": plain(title, HEADER_MAX), "emoji": True}}


def _section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(mrkdwn, SECTION_MAX) or " "}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(escape(text), CONTEXT_MAX) or " "}]}


def _body_blocks(reply: Reply) -> list[dict]:
    blocks: list[dict] = []
    for section in reply.sections:
        blocks.extend(_section_blocks(section))
    if reply.context:
        lines = [cut(escape(line), CONTEXT_MAX) for line in reply.context if clean(line).strip()]
        for start in range(0, len(lines), CONTEXT_ELEMENTS):
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": line or " "}
                                                           for line in lines[start:start + CONTEXT_ELEMENTS]]})
    return blocks


def _section_blocks(section: Section) -> list[dict]:
    blocks: list[dict] = []
    if clean(section.heading).strip():
        blocks.append(_section(f"*{cut(escape(section.heading), SECTION_MAX - 2)}*"))
    if clean(section.text).strip():
        blocks.extend(_section(chunk) for chunk in escaped_chunks(section.text, SECTION_MAX))
    facts = [f"*{cut(escape(f.label), FACT_LABEL_MAX)}*\n{cut(escape(f.value), FACT_VALUE_MAX)}" for f in section.facts]
    for start in range(0, len(facts), FIELDS_PER_SECTION):
        chunk = facts[start:start + FIELDS_PER_SECTION]
        blocks.append({"type": "section", "fields": [{"type": "mrkdwn", "text": text} for text in chunk]})
    blocks.extend(_section(_item_text(item)) for item in section.items)
    return blocks


def _item_text(item: Item) -> str:
    marker = f"{MARKERS[item.marker]} " if item.marker in MARKERS else ""
    title = " ".join(clean(item.title).split()) or "(untitled)"
    text = marker + link(item.url, cut(title, ITEM_TITLE_MAX))
    meta = " · ".join(m for m in (clean(m).strip() for m in item.meta) if m)
    if meta:
        text += "\n" + escape(cut(meta, ITEM_DETAIL_MAX))
    if clean(item.detail).strip():
        text += "\n" + escape(cut(item.detail.strip(), ITEM_DETAIL_MAX))
    return text


def _tail_blocks(reply: Reply, share_id: str | None) -> list[dict]:
    """Buttons (the reply's own, "Next 10", "Share in channel") in actions blocks."""
    elements = [e for e in (_button(b, i) for i, b in enumerate(reply.buttons)) if e]
    if reply.next_page:
        elements.append(_command_button("Next 10", reply.next_page, NEXT_ACTION, "primary"))
    if share_id:
        elements.append({"type": "button", "action_id": SHARE_ACTION, "value": share_id,
                         "text": {"type": "plain_text", "text": "Share in channel"}})
    elements = [e for e in elements if e]
    return [{"type": "actions", "block_id": f"herald_actions_{n}", "elements": elements[i:i + BUTTONS_PER_BLOCK]}
            for n, i in enumerate(range(0, len(elements), BUTTONS_PER_BLOCK))][:2]


def _button(button: Button, index: int) -> dict | None:
    if button.command:
        return _command_button(button.label, button.command, f"{RUN_ACTION}_{index}", button.style)
    target = safe_url(button.url)
    if not target or not target.startswith("http"):
        return None
    element = {"type": "button", "action_id": f"{URL_ACTION}_{index}", "url": target,
               "text": {"type": "plain_text", "text": plain(button.label, BUTTON_LABEL_MAX)}}
    return _styled(element, button.style)


def _command_button(label: str, command: str, action_id: str, style: str) -> dict | None:
    command = clean(command)
    if not command.strip() or len(command) > BUTTON_VALUE_MAX:
        return None
    element = {"type": "button", "action_id": action_id, "value": command,
               "text": {"type": "plain_text", "text": plain(label, BUTTON_LABEL_MAX)}}
    return _styled(element, style)


def _styled(element: dict, style: str) -> dict:
    if style in ("primary", "danger"):
        element["style"] = style
    return element


def is_run_action(action_id: str) -> bool:
    """Whether a clicked button runs the Herald command in its value."""
    return action_id == NEXT_ACTION or action_id.startswith(RUN_ACTION + "_")
