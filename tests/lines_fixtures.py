"""Lines-to-take tests: Herald reached through signed Slack HTTP (loopback fake Slack API), on both
databases; people with and without the approver role; typing a command and clicking a button."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import count

import pytest

from bot.slack.post import Pacer
from tests.digest_fixtures import VirtualTime
from tests.slack_helpers import SlackHarness, wait_until

WRITER, MEMBER, APPROVER, ADMIN = "UWRITER", "UMEMBER", "UAPPROVER", "UADMIN"
OFLOG = ('draft "Oflog launch" text:"We welcome the launch of the Office for Local Government and its focus on '
         'assurance of council performance." spokesperson:"Cllr Abi Brown" review:"31 March 2027" '
         'tags:Oflog,assurance,Thurrock volunteer')


@dataclass
class Lines:
    """A Herald with Slack configured, and ways to type `/lines …` and click buttons as a person."""

    harness: SlackHarness
    clock: object
    _n: count

    @property
    def herald(self):
        return self.harness.herald

    @property
    def api(self):
        return self.harness.api

    def type(self, text: str, user: str = MEMBER) -> str:
        """Type `/lines <text>` in Slack channel C1; the answer Slack shows (ack body or response_url post)."""
        self.harness.now = int(self.clock.now().timestamp())  # sign at the (moved) test clock's time
        trigger = f"T-lines-{next(self._n)}"
        return json.dumps(self.harness.answer("/lines", text, user=user, trigger=trigger), ensure_ascii=False)

    def click(self, command: str, user: str = MEMBER, thread_ts: str | None = None) -> str:
        """Click a Herald button carrying `command` on an answer in C1 (in a thread when given); what was said
        to the clicker through response_url ("" when the answer went to the channel instead)."""
        self.harness.now = int(self.clock.now().timestamp())
        n = next(self._n)
        container = {"type": "message", "is_ephemeral": True, "channel_id": "C1", "message_ts": "1795424400.9"}
        if thread_ts:
            container["thread_ts"] = thread_ts
        payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user, "name": user.lower(),
                                                                            "team_id": "T1"},
                   "api_app_id": "A1", "trigger_id": f"tr{n}", "channel": {"id": "C1"}, "container": container,
                   "response_url": f"{self.api.server.url}/response/click-{n}",
                   "actions": [{"action_id": "herald_run_0", "block_id": "b", "value": command, "type": "button",
                                "action_ts": f"1795424400.{n}"}]}
        posted = len(self.api.calls("chat.postMessage"))
        assert self.harness.interaction(payload).status_code == 200
        wait_until(lambda: self.harness.responses(f"click-{n}") or len(self.api.calls("chat.postMessage")) > posted)
        return json.dumps(self.harness.responses(f"click-{n}"), ensure_ascii=False)

    def line_id(self, answer: str) -> int:
        """The id in "Drafted line #12"."""
        return int(re.search(r"line #(\d+)", answer).group(1))


@pytest.fixture
def lines(make_slack, database_url, clock) -> Lines:
    """Herald on both databases with Slack: UADMIN an admin, UAPPROVER a line approver; pacing virtual."""
    pacing = VirtualTime(clock)
    harness = make_slack(database_url, SLACK_ADMIN_USER_IDS=(ADMIN,), HERALD_LINE_APPROVERS=(APPROVER,),
                         HERALD_ADMIN_CHANNEL="CADMIN", PACER=Pacer(monotonic=pacing.monotonic, sleep=pacing.sleep))
    return Lines(harness, clock, count(1))
