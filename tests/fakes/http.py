"""A real HTTP server on 127.0.0.1 that records requests and answers from a script.

Used as a stand-in for services outside Herald (Slack's Web API, a Teams Workflows URL, a feed
server). Each test scripts answers per path; unscripted paths get the default handler's answer.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    at: float

    def json(self):
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@dataclass
class Answer:
    status: int = 200
    body: bytes | str | dict | list = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (timeouts, slow servers)

    def encoded(self) -> tuple[bytes, str]:
        if isinstance(self.body, (dict, list)):
            return json.dumps(self.body).encode(), "application/json"
        if isinstance(self.body, str):
            return self.body.encode(), "text/plain; charset=utf-8"
        return self.body, "application/octet-stream"


Responder = Callable[[Recorded], Answer]


class FakeServer:
    """Start with `with FakeServer() as server:`; `server.url` is its base URL."""

    def __init__(self, default: Responder | None = None):
        self.requests: list[Recorded] = []
        self._scripts: dict[str, list[Answer | Responder]] = {}
        self._default = default or (lambda rec: Answer(404, {"error": "not scripted"}))
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if len(body) < length:  # the client died mid-request: a real server never sees it as a call
                    self.close_connection = True
                    return
                parts = urlsplit(self.path)
                rec = Recorded(self.command, parts.path, parse_qs(parts.query),
                               {k.lower(): v for k, v in self.headers.items()}, body, time.monotonic())
                answer = fake._answer_for(rec)
                if answer.delay:
                    time.sleep(answer.delay)
                payload, ctype = answer.encoded()
                try:
                    self.send_response(answer.status)
                    headers = {"Content-Type": ctype, **answer.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _answer_for(self, rec: Recorded) -> Answer:
        with self._lock:
            self.requests.append(rec)
            queue = self._scripts.get(rec.path)
            step = queue.pop(0) if queue and len(queue) > 1 else (queue[0] if queue else None)
        if step is None:
            return self._default(rec)
        return step(rec) if callable(step) else step

    def script(self, path: str, *answers: Answer | Responder) -> None:
        """Answer `path` with these in turn; the last one repeats."""
        with self._lock:
            self._scripts[path] = list(answers)

    def received(self, path: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def __enter__(self) -> "FakeServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
