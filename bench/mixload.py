"""The mixed load of issue 17: clients sending a rotation of seven kinds of request to a running
Herald over real HTTP, each recording its status, latency and whether Herald accepted it.

Webhook batches, `/press log` slash commands, press-log form submissions, `coverage log` button
clicks, `/coverage this week` reads and Teams outgoing-webhook commands, all signed as their
platform signs them. Every write carries a name unique to its request (a URL or a title), so the
database can be asked afterwards how many accepted records were stored.
"""
from __future__ import annotations

import http.client
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bench.loadclient import sign as slack_headers
from bot.teams.signing import decode_secret, sign as teams_sign

KINDS = ("webhook", "press_command", "form", "button", "coverage_read", "teams")
BATCH = 5  # items per webhook post
STORES = {"webhook": "coverage", "button": "coverage", "press_command": "press", "form": "press", "teams": "press"}


@dataclass(frozen=True)
class Keys:
    """What the clients sign with, and where Herald's answers to Slack's response_url go."""

    slack: str
    teams: str  # base64, as Teams shows it
    webhook: str
    response_url: str


@dataclass(frozen=True)
class Sent:
    """One request: its kind, HTTP status, latency (ms), whether it was accepted, the records it names."""

    kind: str
    status: int
    ms: float
    accepted: bool
    names: tuple[str, ...]


@dataclass
class Tally:
    """Everything the clients sent, merged."""

    sent: list[Sent] = field(default_factory=list)

    def statuses(self) -> Counter[int]:
        return Counter(s.status for s in self.sent)

    def accepted_records(self, store: str | None = None) -> list[str]:
        """The names accepted writes should have stored (in `store`: "coverage" or "press")."""
        return [name for s in self.sent if s.accepted and s.kind in STORES
                and (store is None or STORES[s.kind] == store) for name in s.names]

    def refused(self) -> list[Sent]:
        return [s for s in self.sent if not s.accepted]


def _slack_form(keys: Keys, fields: dict, timestamp: int | None) -> tuple[bytes, dict[str, str]]:
    body = urlencode(fields).encode()
    return body, slack_headers(keys.slack, body, int(time.time()) if timestamp is None else timestamp)


def _teams_activity(text: str, activity_id: str) -> bytes:
    """A Teams channel message as an outgoing webhook posts it."""
    conversation = "19:bench@thread.tacv2"
    return json.dumps({
        "type": "message", "id": activity_id, "timestamp": "2026-11-23T09:00:00.000Z", "channelId": "msteams",
        "serviceUrl": "https://smba.trafficmanager.net/uk/",
        "from": {"id": "29:1bench", "name": "Bench User", "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000009"},
        "conversation": {"isGroup": True, "conversationType": "channel", "id": f"{conversation};messageid={activity_id}",
                         "tenantId": "72f988bf-0000-4000-8000-000000000000"},
        "recipient": None, "textFormat": "plain", "locale": "en-GB", "text": text,
        "channelData": {"teamsChannelId": conversation, "teamsTeamId": "19:benchteam@thread.tacv2"}},
        separators=(",", ":")).encode()


def _channel(tag: str) -> str:
    """Each client works in a channel of its own (Herald paces posts per channel, as Slack requires)."""
    parts = tag.split("-")
    return f"C0MIXED{parts[1] if len(parts) > 1 else ''}"


def request_for(kind: str, tag: str, keys: Keys,
                timestamp: int | None = None) -> tuple[str, bytes, dict[str, str], tuple[str, ...]]:
    """(path, body, headers, names of the records it writes) for one request of `kind`; Slack's
    signature is for `timestamp` (now when None)."""
    if kind == "webhook":
        urls = tuple(f"https://www.lgcplus.com/mixed/{tag}/wh-{k}" for k in range(BATCH))
        body = json.dumps({"items": [{"url": url, "title": f"Mixed load webhook item {tag} {k}", "outlet": "LGC",
                                      "tier": "trade"} for k, url in enumerate(urls)]}).encode()
        return "/webhooks/coverage", body, {"Content-Type": "application/json",
                                            "Authorization": f"Bearer {keys.webhook}"}, urls
    if kind in ("press_command", "coverage_read"):
        title = f"Mixed command {tag}"
        command, text = (("/press", f'log statement "{title}" outlet:LGC') if kind == "press_command"
                         else ("/coverage", "this week"))
        body, headers = _slack_form(keys, {
            "command": command, "text": text, "user_id": "U0MIXED", "user_name": "bench", "team_id": "T0BENCH",
            "channel_id": _channel(tag), "trigger_id": f"{tag}.trigger", "token": "x",
            "response_url": f"{keys.response_url}/{tag}"}, timestamp)
        return "/slack/events", body, headers, (title,) if kind == "press_command" else ()
    if kind == "form":
        title = f"Mixed form {tag}"
        values = {"type": "statement", "title": title, "outlet": "LGC"}
        state = {block: {"value": {"type": "plain_text_input", "value": value}} for block, value in values.items()}
        payload = {"type": "view_submission", "team": {"id": "T0BENCH"},
                   "user": {"id": "U0MIXED", "name": "bench", "team_id": "T0BENCH"}, "api_app_id": "A0BENCH",
                   "trigger_id": f"{tag}.trigger",
                   "view": {"id": f"V{tag}", "hash": "h1", "callback_id": "herald_form_press_log", "type": "modal",
                            "private_metadata": json.dumps({"channel": _channel(tag)}), "state": {"values": state}}}
        body, headers = _slack_form(keys, {"payload": json.dumps(payload)}, timestamp)
        return "/slack/events", body, headers, (title,)
    if kind == "button":
        url = f"https://www.themj.co.uk/mixed/{tag}/button"
        payload = {"type": "block_actions", "team": {"id": "T0BENCH"},
                   "user": {"id": "U0MIXED", "name": "bench", "team_id": "T0BENCH"}, "api_app_id": "A0BENCH",
                   "trigger_id": f"{tag}.trigger", "response_url": f"{keys.response_url}/{tag}",
                   "channel": {"id": _channel(tag)}, "container": {"type": "message", "is_ephemeral": True},
                   "actions": [{"action_id": "herald_run_0", "block_id": "b", "type": "button",
                                "value": f'coverage log {url} "The MJ" neutral', "action_ts": tag}]}
        body, headers = _slack_form(keys, {"payload": json.dumps(payload)}, timestamp)
        return "/slack/events", body, headers, (url,)
    if kind == "teams":
        title = f"Mixed teams {tag}"
        raw = _teams_activity(f'<at>Herald</at> press log statement "{title}" outlet:LGC', tag)
        return "/teams/outgoing", raw, {"Content-Type": "application/json",
                                        "Authorization": teams_sign(decode_secret(keys.teams), raw)}, (title,)
    raise ValueError(f"unknown kind {kind!r}")


def accepted(kind: str, status: int, raw: bytes) -> bool:
    """Whether Herald accepted the request, so that its records must be stored."""
    text = raw.decode("utf-8", "replace")
    if status != 200:
        return False
    if kind == "form":  # success is an empty 200; a refusal names the field
        return not text.strip()
    body = json.loads(text) if text.strip() else {}
    if kind == "webhook":
        return body.get("received") == BATCH
    if kind == "teams":
        return "Sorry" not in json.dumps(body)
    return not (body.get("text") or "").startswith("Sorry")


class Client(threading.Thread):
    """One client on one keep-alive connection: the kinds in turn, from its own offset, until stopped."""

    def __init__(self, number: int, base_url: str, keys: Keys, run: str, stop: threading.Event):
        super().__init__(name=f"mixed-client-{number}", daemon=True)
        self.number, self.keys, self.run_id, self.stop = number, keys, run, stop
        self.parts = urlsplit(base_url)
        self.sent: list[Sent] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=60)
        sequence = 0
        while not self.stop.is_set():
            kind = KINDS[(self.number + sequence) % len(KINDS)]
            path, body, headers, names = request_for(kind, f"{self.run_id}-{self.number}-{sequence}", self.keys)
            started = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                status, raw = response.status, response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(self.parts.hostname, self.parts.port, timeout=60)
                status, raw = 0, b""
            self.sent.append(Sent(kind, status, (time.perf_counter() - started) * 1000,
                                  accepted(kind, status, raw), names))
            sequence += 1
        conn.close()


def run_clients(base_url: str, keys: Keys, run: str, clients: int, seconds: float) -> tuple[Tally, float]:
    """`clients` clients for `seconds`: their merged tally and the seconds they actually ran."""
    stop = threading.Event()
    workers = [Client(n, base_url, keys, run, stop) for n in range(clients)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    time.sleep(seconds)
    stop.set()
    for worker in workers:
        worker.join(timeout=90)
    return Tally([sent for worker in workers for sent in worker.sent]), time.monotonic() - started
