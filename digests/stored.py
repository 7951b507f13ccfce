"""A composed digest kept on its run (JSON), so a retry posts exactly what was composed and an
editor's changes to a draft (drop an item, add a line) survive until it is approved."""
from __future__ import annotations

import base64
import hmac
from dataclasses import asdict, dataclass, replace

from handlers.reply import Attachment, Button, Chart, Fact, Item, Reply, Section


@dataclass(frozen=True)
class StoredDigest:
    """The reply plus where it is in the editor's approval."""

    reply: Reply
    approved: bool = False
    draft_posted: bool = False
    chart_token: str | None = None  # the unguessable part of the chart's link (Teams)


def _bytes_out(value: bytes) -> str:
    return base64.b64encode(value).decode()


def to_json(stored: StoredDigest) -> dict:
    """A JSON-safe dict (PNG and file bytes as base64)."""
    reply = asdict(stored.reply)
    if stored.reply.chart:
        reply["chart"]["png"] = _bytes_out(stored.reply.chart.png)
    reply["attachments"] = [{**a, "content": _bytes_out(att.content)}
                            for a, att in zip(reply["attachments"], stored.reply.attachments)]
    return {"reply": reply, "approved": stored.approved, "draft_posted": stored.draft_posted,
            "chart_token": stored.chart_token}


def _section(raw: dict) -> Section:
    return Section(heading=raw["heading"], text=raw["text"],
                   facts=tuple(Fact(**f) for f in raw["facts"]),
                   items=tuple(Item(**{**i, "meta": tuple(i["meta"])}) for i in raw["items"]))


def from_json(raw: dict) -> StoredDigest:
    """The stored digest back as dataclasses."""
    r = raw["reply"]
    chart = Chart(r["chart"]["title"], base64.b64decode(r["chart"]["png"]), r["chart"]["alt_text"]) \
        if r.get("chart") else None
    reply = Reply(title=r["title"], sections=tuple(_section(s) for s in r["sections"]),
                  context=tuple(r["context"]), buttons=tuple(Button(**b) for b in r["buttons"]),
                  next_page=r["next_page"], chart=chart,
                  attachments=tuple(Attachment(a["filename"], base64.b64decode(a["content"]), a["mimetype"])
                                    for a in r["attachments"]),
                  visibility=r["visibility"], is_error=r["is_error"], error_field=r["error_field"])
    return StoredDigest(reply, raw.get("approved", False), raw.get("draft_posted", False), raw.get("chart_token"))


def numbered_items(reply: Reply) -> list[tuple[int, int, Item]]:
    """(section index, item index, item) for every item, in reading order; numbers start at 1."""
    return [(s, i, item) for s, section in enumerate(reply.sections) for i, item in enumerate(section.items)]


def drop_item(reply: Reply, number: int) -> tuple[Reply, Item]:
    """The reply without item `number` (as numbered in the draft); IndexError if there is none."""
    found = numbered_items(reply)
    if not 1 <= number <= len(found):
        raise IndexError(number)
    s, i, item = found[number - 1]
    section = reply.sections[s]
    sections = list(reply.sections)
    sections[s] = replace(section, items=section.items[:i] + section.items[i + 1:])
    return replace(reply, sections=tuple(sections)), item


def add_line(reply: Reply, line: str) -> Reply:
    """The reply with an editor's line added to its "Editor's note" section (made first if needed)."""
    if reply.sections and reply.sections[0].heading == "Editor's note":
        note = reply.sections[0]
        text = f"{note.text}\n{line}" if note.text else line
        return replace(reply, sections=(replace(note, text=text),) + reply.sections[1:])
    return replace(reply, sections=(Section(heading="Editor's note", text=line),) + reply.sections)


def draft_copy(reply: Reply, run_id: int) -> Reply:
    """What the approvers see: items numbered, and the commands to change and approve it."""
    counter = 0
    sections = []
    for section in reply.sections:
        items = []
        for item in section.items:
            counter += 1
            items.append(replace(item, title=f"[{counter}] {item.title}"))
        sections.append(replace(section, items=tuple(items)))
    context = (f"Draft for approval. /digest drop {run_id} <n> removes item n; "
               f"/digest add {run_id} \"a line\" adds one; /digest approve {run_id} sends it.",)
    return replace(reply, title=f"DRAFT: {reply.title}", sections=tuple(sections), context=context)


def chart_png(raw: dict | None, token: str) -> bytes | None:
    """The stored chart when `token` is the run's chart token; None otherwise (compared in constant time)."""
    if not raw or not raw.get("chart_token") or not raw["reply"].get("chart"):
        return None
    if not hmac.compare_digest(raw["chart_token"], token):
        return None
    return base64.b64decode(raw["reply"]["chart"]["png"])
