"""Marking the posts of a numbered delivery, so a resumed delivery can see what already landed.

A process can die after Slack took a message and before Herald recorded it (or the answer can be
lost on the way back). Slack's chat.postMessage has no idempotency key, so each part of a digest
is marked: its messages carry Slack message metadata (`herald_delivery_part`: delivery, part,
message) and its chart file a name with the delivery and part. Before resuming, Herald reads the
channel's history since the digest fell due and skips what is already there.

Reading history needs the `channels:history` scope (`groups:history` for a private channel) and
the bot in the channel; when Slack refuses, `landed` raises and the caller posts again (at least
once rather than never) and notes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slack_sdk import WebClient

from bot.slack.blocks import render_messages
from bot.slack.post import Pacer, post_messages
from handlers.reply import Chart, Reply

EVENT_TYPE = "herald_delivery_part"
HISTORY_PAGE = 200
HISTORY_PAGES = 10  # at most 2,000 messages back: a digest channel is not that busy within a retry


@dataclass(frozen=True)
class PartMark:
    """Which delivery (a digest run's id, or "notice:<id>") and which of its numbered parts a post belongs to."""

    delivery: int | str
    part: int

    def metadata(self, message: int) -> dict:
        """Slack message metadata for the `message`-th message of this part."""
        return {"event_type": EVENT_TYPE,
                "event_payload": {"delivery": self.delivery, "part": self.part, "message": message}}

    def filename(self) -> str:
        """The name a chart of this part is uploaded under (files carry no metadata)."""
        return f"herald-{self.delivery}-{self.part}-chart.png"

    def owns(self, message: dict) -> int | None:
        """The message index if a history `message` is one of this part's posts, else None."""
        if any(f.get("name") == self.filename() for f in message.get("files") or ()):
            return 0
        meta = message.get("metadata") or {}
        payload = meta.get("event_payload") or {}
        if meta.get("event_type") == EVENT_TYPE and (payload.get("delivery"), payload.get("part")) == (
                self.delivery, self.part):
            return int(payload.get("message", 0))
        return None


def landed(client: WebClient, channel: str, mark: PartMark, since: datetime) -> set[int]:
    """Indexes of this part's messages (0 for its chart) already in `channel` since `since`.

    Raises slack_sdk's errors when the history cannot be read (missing scope, not in channel).
    """
    found: set[int] = set()
    cursor = None
    for _ in range(HISTORY_PAGES):
        page = client.conversations_history(channel=channel, oldest=f"{since.timestamp():.6f}", limit=HISTORY_PAGE,
                                            include_all_metadata=True, cursor=cursor)
        found |= {index for message in page.get("messages", ()) if (index := mark.owns(message)) is not None}
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not page.get("has_more") or not cursor:
            break
    return found


def post_part(client: WebClient, channel: str, reply: Reply, mark: PartMark | None, skip: set[int],
              pacer: Pacer | None) -> None:
    """Post the messages of one part (marked, when `mark` is given) in order, except those in `skip`."""
    for index, message in enumerate(render_messages(reply)):
        if index not in skip:
            post_messages(client, channel, [message], pacer=pacer, metadata=mark.metadata(index) if mark else None)


def upload_chart(client: WebClient, channel: str, chart: Chart, mark: PartMark | None) -> None:
    """Upload a digest's chart as an image in the channel, named for its part when marked."""
    client.files_upload_v2(channel=channel, content=chart.png, filename=mark.filename() if mark else "chart.png",
                           title=chart.title, alt_txt=chart.alt_text[:1000])
