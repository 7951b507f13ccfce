"""A loopback fake of Slack's Web API: answers like Slack, records every call for assertions.

Point Herald at it with `SLACK_API_URL=fake.api_url`. Script failures (429 with Retry-After, 500)
with `fake.server.script(path, Answer(...), …)`.
"""
from __future__ import annotations

import itertools
import json
import threading
from urllib.parse import parse_qs

from tests.fakes.http import Answer, FakeServer, Recorded


class FakeSlackAPI:
    """`with FakeSlackAPI() as slack:`; `slack.api_url` ends with `/api/` like Slack's."""

    def __init__(self):
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        self.server = FakeServer(default=self._answer)

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
                with self._lock:
                    ts = f"1700000000.{next(self._ts):06d}"
                return Answer(200, {"ok": True, "channel": self.payload(rec).get("channel", "C1"), "ts": ts})
            if method == "files.getUploadURLExternal":
                with self._lock:
                    file_id = f"F{next(self._ts):06d}"
                return Answer(200, {"ok": True, "file_id": file_id, "upload_url": f"{self.server.url}/upload/{file_id}"})
            if method == "files.completeUploadExternal":
                files = json.loads(self.payload(rec).get("files") or "[]")
                return Answer(200, {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]})
            if method == "conversations.open":
                return Answer(200, {"ok": True, "channel": {"id": "D" + self.payload(rec).get("users", "X")}})
            return Answer(200, {"ok": True})
        if rec.path.startswith("/upload/"):
            return Answer(200, f"OK - {len(rec.body)}")
        return Answer(200, {"ok": True})  # response_url posts and anything else

    @staticmethod
    def payload(rec: Recorded) -> dict:
        """The call's arguments, whether sent as JSON or as a form."""
        ctype = rec.headers.get("content-type", "")
        if "json" in ctype:
            return json.loads(rec.body or b"{}")
        return {k: v[0] for k, v in parse_qs(rec.body.decode()).items()}

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

    def __enter__(self) -> "FakeSlackAPI":
        self.server.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.server.__exit__(*exc)
