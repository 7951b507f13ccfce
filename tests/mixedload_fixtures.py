"""The mixed load of `test_deployed_mixed_load`: eight clients, each sending a rotation of six kinds of
request to a running Herald over real HTTP, and recording what Herald accepted.

Every write carries a name unique to the run, client and request (a URL or a title), so afterwards
the database can be asked for exactly the records that were accepted: each must be there once, and
nothing that was refused may be there. Slack requests are signed with the signing secret, Teams
messages with the outgoing webhook's HMAC token, webhooks with the bearer token.
"""
from __future__ import annotations

import http.client
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.mixload import BATCH, KINDS, STORES as WRITES, Keys as Secrets, request_for  # noqa: F401 - re-exported

# The requests themselves are the benchmark's (`bench.mixload.request_for`): the test and `make bench`
# send the same mix; this client adds what the test checks (the reason a request was refused).


@dataclass
class Sent:
    """One request: its kind, HTTP status, latency, whether Herald accepted it, and what it should store."""

    kind: str
    status: int
    ms: float
    accepted: bool
    names: tuple[str, ...]  # URLs (coverage) or titles (press) this request stores when accepted
    detail: str = ""


@dataclass
class Tally:
    """Everything the clients sent, merged."""

    sent: list[Sent] = field(default_factory=list)

    def statuses(self) -> Counter[int]:
        return Counter(s.status for s in self.sent)

    def per_kind(self) -> Counter[str]:
        return Counter(s.kind for s in self.sent)

    def accepted(self, kind: str) -> list[str]:
        """The names every accepted request of `kind` should have stored."""
        return [name for s in self.sent if s.kind == kind and s.accepted for name in s.names]

    def refused(self) -> list[Sent]:
        return [s for s in self.sent if not s.accepted]


def _apology(text: str) -> bool:
    return text.startswith("Sorry")


class Client(threading.Thread):
    """One client on one keep-alive connection: the six kinds in turn (starting at its own offset)
    until the run is told to stop, or `limit` requests."""

    def __init__(self, number: int, base_url: str, secrets: Secrets, run: str, stop: threading.Event,
                 limit: int = 2000):
        super().__init__(name=f"mixed-client-{number}", daemon=True)
        self.number, self.secrets, self.run_id, self.stop, self.limit = number, secrets, run, stop, limit
        self.parts = urlsplit(base_url)
        self.sent: list[Sent] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=60)
        try:
            for sequence in range(self.limit):
                if self.stop.is_set():
                    break
                kind = KINDS[(self.number + sequence) % len(KINDS)]
                tag = f"{self.run_id}-{self.number}-{sequence}"
                conn = self._send(conn, kind, tag)
        finally:
            conn.close()

    def _send(self, conn: http.client.HTTPConnection, kind: str, tag: str) -> http.client.HTTPConnection:
        path, body, headers, names = request_for(kind, tag, self.secrets)
        started = time.perf_counter()
        try:
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            status, raw = response.status, response.read()
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            conn = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=60)
            status, raw = 0, repr(exc).encode()
        ms = (time.perf_counter() - started) * 1000
        accepted, detail = _judge(kind, status, raw)
        self.sent.append(Sent(kind, status, ms, accepted, names, detail))
        return conn

def _judge(kind: str, status: int, raw: bytes) -> tuple[bool, str]:
    """Whether Herald accepted the request (so its records must be stored), and a note when not."""
    text = raw.decode("utf-8", "replace")
    if status != 200:
        return False, f"{status}: {text[:200]}"
    if kind == "form":  # success is an empty 200; a refusal names the field
        return (not text.strip()), text[:200]
    body = json.loads(text) if text.strip() else {}
    if kind == "webhook":
        return body.get("created") == BATCH, text[:200]
    if kind == "teams":
        card = json.dumps(body)
        return "Sorry" not in card, card[:200] if "Sorry" in card else ""
    message = body.get("text") or ""
    return not _apology(message), message[:200] if _apology(message) else ""


def run_clients(base_url: str, secrets: Secrets, run: str, clients: int, until) -> Tally:
    """Run `clients` clients until `until()` is true (checked every 0.2 s); their merged tally."""
    stop = threading.Event()
    workers = [Client(n, base_url, secrets, run, stop) for n in range(clients)]
    for worker in workers:
        worker.start()
    try:
        while not until():
            time.sleep(0.2)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=90)
    return Tally([sent for worker in workers for sent in worker.sent])
