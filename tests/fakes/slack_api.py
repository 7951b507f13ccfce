"""A loopback fake of Slack's Web API: answers like Slack, records every call for assertions.

Point Herald at it with `SLACK_API_URL=fake.api_url`. Script failures (429 with Retry-After, 500)
with `fake.server.script(path, Answer(...), …)`.

Like Slack, it keeps each channel's history: messages posted (with their message metadata) and
files shared by files.completeUploadExternal, readable through conversations.history (newest
first, `oldest` against the time it received them, metadata only with include_all_metadata, paged
by cursor). `post_delay` holds the answer to a post *after* the message is in the channel — Slack
has it, the caller does not know yet — the window in which a crashed poster cannot tell.
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from urllib.parse import parse_qs

from tests.fakes.http import Answer, FakeServer, Recorded


class FakeSlackAPI:
    """`with FakeSlackAPI() as slack:`; `slack.api_url` ends with `/api/` like Slack's."""

    def __init__(self):
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        self.server = FakeServer(default=self._answer)
        self.post_delay = 0.0  # seconds to hold the answer to a post that Slack already has
        self.history: dict[str, list[dict]] = {}  # channel -> messages, oldest first
        self._file_names: dict[str, str] = {}

    @property
    def api_url(self) -> str:
        return f"{self.server.url}/api/"

    def _answer(self, rec: Recorded) -> Answer:
        method = rec.path.rsplit("/", 1)[-1]
        if rec.path.startswith("/api/"):
            if method == "auth.test":
                return Answer(200, {"ok": True, "user_id": "UHERALD", "bot_id": "BHERALD", "team_id": "T1",
                                    "url": "https://example.slack.com/", "user": "herald"})
            if method in ("chat.postMessage", "chat.postEphemeral", "chat.update"):
                args = self.payload(rec)
                with self._lock:
                    ts = f"1700000000.{next(self._ts):06d}"
                if method == "chat.postMessage":
                    self._keep(args.get("channel", "C1"), {"ts": ts, "text": args.get("text", ""),
                                                           "metadata": args.get("metadata")})
                return Answer(200, {"ok": True, "channel": args.get("channel", "C1"), "ts": ts},
                              delay=self.post_delay if method == "chat.postMessage" else 0.0)
            if method == "files.getUploadURLExternal":
                with self._lock:
                    file_id = f"F{next(self._ts):06d}"
                    self._file_names[file_id] = self.arguments(rec).get("filename", "")
                return Answer(200, {"ok": True, "file_id": file_id, "upload_url": f"{self.server.url}/upload/{file_id}"})
            if method == "files.completeUploadExternal":
                return self._share_files(self.arguments(rec))
            if method == "conversations.history":
                return self._history(self.arguments(rec))
            if method == "conversations.open":
                return Answer(200, {"ok": True, "channel": {"id": "D" + self.payload(rec).get("users", "X")}})
            return Answer(200, {"ok": True})
        if rec.path.startswith("/upload/"):
            return Answer(200, f"OK - {len(rec.body)}")
        return Answer(200, {"ok": True})  # response_url posts and anything else

    def _keep(self, channel: str, message: dict) -> None:
        with self._lock:
            self.history.setdefault(channel, []).append(
                {"type": "message", "bot_id": "BHERALD", **message, "received": time.time()})

    def _share_files(self, args: dict) -> Answer:
        files = json.loads(args.get("files") or "[]")
        shared = [{"id": f["id"], "title": f.get("title"), "name": self._file_names.get(f["id"], "")} for f in files]
        if args.get("channel_id"):
            with self._lock:
                ts = f"1700000000.{next(self._ts):06d}"
            self._keep(args["channel_id"], {"ts": ts, "text": "", "files": shared})
        return Answer(200, {"ok": True, "files": shared}, delay=self.post_delay)

    def _history(self, args: dict) -> Answer:
        with self._lock:
            kept = list(reversed(self.history.get(args.get("channel", ""), [])))
        oldest = float(args.get("oldest") or 0)
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        found = [{k: v for k, v in m.items() if k != "received" and (k != "metadata" or with_metadata) and v}
                 for m in kept if m["received"] > oldest]
        start, limit = int(args.get("cursor") or 0), int(args.get("limit") or 100)
        page, more = found[start:start + limit], start + limit < len(found)
        return Answer(200, {"ok": True, "messages": page, "has_more": more,
                            "response_metadata": {"next_cursor": str(start + limit) if more else ""}})

    @staticmethod
    def payload(rec: Recorded) -> dict:
        """The call's arguments, whether sent as JSON or as a form."""
        ctype = rec.headers.get("content-type", "")
        if "json" in ctype:
            return json.loads(rec.body or b"{}")
        return {k: v[0] for k, v in parse_qs(rec.body.decode()).items()}

    @classmethod
    def arguments(cls, rec: Recorded) -> dict:
        """The call's arguments from its query string and its body (slack_sdk sends some as `params`)."""
        return {k: v[0] for k, v in rec.query.items()} | cls.payload(rec)

    def uploads(self) -> list[bytes]:
        """The bytes of every file uploaded (files_upload_v2's second step)."""
        return [r.body for r in self.server.requests if r.path.startswith("/upload/")]

    def calls(self, method: str) -> list[dict]:
        """The arguments of every call of one Web API method, in order."""
        return [self.payload(r) for r in self.server.received(f"/api/{method}")]

    def reset(self) -> None:
        """Forget recorded calls and scripted answers (one server shared by many tests)."""
        with self.server._lock:
            self.server.requests.clear()
            self.server._scripts.clear()
        with self._lock:
            self.history.clear()

    def __enter__(self) -> "FakeSlackAPI":
        self.server.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.server.__exit__(*exc)
