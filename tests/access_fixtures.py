"""The access-policy walk's world: one Herald on the demo data, reached through Slack (signed HTTP into
the app, a loopback fake Slack) and Teams (the HMAC outgoing webhook, a loopback fake Workflows URL),
with one entry of every kind the policy guards, made by an admin; and samples of every change."""
from __future__ import annotations

import itertools
import json
import shutil
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from digests import stored
from handlers.context import Actor
from handlers.reply import Item, Reply, Section
from models.access import Action
from models.db import Base
from models.digest import DigestRun, DigestSubscription
from models.spotlight import Spotlight
from models.parliament import ParliamentMention
from tests.fakes.http import Answer, FakeServer
from tests.slack_helpers import SlackHarness, wait_until
from tests.teams_fixtures import DOC_SECRET, activity, teams_auth

ADMIN = Actor(user_id="UADMIN", name="Ada Admin", platform="slack", workspace="T1", is_admin=True)
MEMBER_SLACK = "UMEMBER"
MONITOR_TOKEN = "walk-monitor-0123456789"  # a media monitor's token, let onto /webhooks/coverage only
MEMBER_TEAMS = "a1b2c3d4-0000-4000-8000-000000000001"  # the aadObjectId in tests.teams_fixtures.activity
# Tables that record a request rather than Herald's state: receipts, queued answers, the audit log.
NOT_STATE = frozenset({"audit_log", "jobs", "received_events", "clock_leases"})

# One command line for every action a chat command can take, over the entries `World` made.
SAMPLES: dict[Action, str] = {
    Action.FEEDS_ADD: "feeds add http://127.0.0.1:9/walk.xml Walk",
    Action.FEEDS_REMOVE: "feeds remove {feed}",
    Action.FEEDS_RELEVANCE: "feeds relevance {feed} mentions",
    Action.COVERAGE_LOG: "coverage log https://news.example.org/walk/{n} \"Sky News\" positive walk note",
    Action.COVERAGE_TONE: "coverage tone {item} negative",
    Action.COVERAGE_STORY: "coverage story split {item}",
    Action.COVERAGE_NOT_OURS: "coverage notours {item} walk",
    Action.ALERT_ADD: "coverage alert add council:Thurrock walk{n}",
    Action.ALERT_REMOVE: "coverage alert remove {rule}",
    Action.PRESS_LOG: 'press log statement "Walk statement {n}" outlet:LGC',
    Action.PRESS_EDIT: "press edit {press} outlet:MJ",
    Action.PRESS_DELETE: "press delete {press}",
    Action.PRESS_RESTORE: "press restore {deleted}",
    Action.PRESS_LINK: "press link {press} {item}",
    Action.ENQUIRY_LOG: 'enquiry log "Walk enquiry {n}" outlet:LGC deadline:"in 3 hours"',
    Action.ENQUIRY_NOTE: "enquiry note {enquiry} walk note {n}",
    Action.ENQUIRY_ASSIGN: "enquiry assign {enquiry} UWALKER{n}",
    Action.ENQUIRY_CLOSE: "enquiry close {enquiry} answered",
    Action.CAMPAIGN_ACTIVITY_ADD: 'campaign activity add "Be a Councillor" "Walk roadshow" date:17/02/2027',
    Action.CAMPAIGN_METRIC: 'campaign metric "Be a Councillor" page_views 999',
    Action.PROGRAMME_RATE: 'programme update "LG Inform" red "Walk test"',
    Action.PEER_CHALLENGE_STAGE: "peer-challenge update Thurrock scheduled 01/12/2026",
    Action.DIGEST_SUBSCRIBE: "digest subscribe weekly #walk",
    Action.DIGEST_UNSUBSCRIBE: "digest unsubscribe {sub}",
    Action.DIGEST_SEND: "digest send weekly",
    Action.DIGEST_DRAFT_EDIT: 'digest add {run} "A walk line"',
    Action.DIGEST_APPROVE: "digest approve {run}",
    Action.AUDIT_READ: "herald audit",
    Action.SUPPORT_LOG: 'support log council:Thurrock issue:"Walk issue {n}" category:finance',
    Action.SUPPORT_CLOSE: "support close {support}",
    Action.SPOTLIGHT_ASSIGN: "support spotlight assign {spotlight}",
    Action.SPOTLIGHT_DISMISS: "support spotlight dismiss {spotlight}",
    Action.LINES_DRAFT: 'lines draft "Walk line {n}" text:"Walk words"',
    Action.LINES_EDIT: 'lines edit {line} text:"Walk edit"',
    Action.LINES_APPROVE: "lines approve {draft_line}",
    Action.LINES_WITHDRAW: 'lines withdraw {line} reason:"walk"',
    Action.LINES_USE: "lines post {line}",
    Action.PARLIAMENT_WATCH_ADD: 'parliament watch add "Walk phrase {n}"',
    Action.PARLIAMENT_WATCH_REMOVE: 'parliament watch remove "Seed phrase"',
    Action.PARLIAMENT_TONE: "parliament tone {mention} negative",
}
# Every spelling of a guarded command is walked too (aliases such as `feeds delete`, `press remove`).
EXTRA_SAMPLES: tuple[tuple[Action, str], ...] = (
    (Action.FEEDS_REMOVE, "feeds delete {feed}"),
    (Action.PRESS_DELETE, "press remove {press}"),
    (Action.PRESS_LINK, "press unlink {press} {item}"),
    (Action.DIGEST_DRAFT_EDIT, "digest drop {run} 1"),
    (Action.ALERT_REMOVE, "coverage alerts stop {rule}"),
    (Action.COVERAGE_STORY, "coverage story merge {item} {other_item}"),
    (Action.COVERAGE_NOT_OURS, "coverage not-ours {item}"),
    (Action.ENQUIRY_ASSIGN, 'enquiry deadline {enquiry} "in 5 hours"'),
    (Action.PARLIAMENT_WATCH_REMOVE, 'parliament watch off "Seed phrase"'),
)


@dataclass
class World:
    """The app, its fakes, and the ids of the entries an admin made."""

    harness: SlackHarness
    workflows: FakeServer
    ids: dict[str, int] = field(default_factory=dict)
    answers_posted: list[str] = field(default_factory=list)  # slow Teams answers, posted to the asker's channel
    _n: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def herald(self):
        return self.harness.herald

    def line(self, template: str) -> str:
        return template.format(n=next(self._n), **self.ids)

    def as_admin(self, text: str, channel: str = "C1") -> Reply:
        reply, _ = self.herald.run_command(text, ADMIN, channel=channel)
        assert not reply.is_error, (text, reply)
        return reply

    def state(self) -> dict[str, list]:
        """Every row of every table that holds Herald's state (not receipts, jobs or the audit log)."""
        with self.herald.session() as session:
            return {table.name: sorted(map(repr, session.execute(select(table)).all()))
                    for table in Base.metadata.sorted_tables if table.name not in NOT_STATE}

    def slack(self, text: str, user: str = MEMBER_SLACK) -> str:
        """Type `/family rest` in Slack; the answer's text (from the ack, or from response_url later)."""
        trigger = f"T-walk-{next(self._n)}"
        word, _, rest = text.partition(" ")
        return json.dumps(self.harness.answer(f"/{word}", rest, user=user, trigger=trigger), ensure_ascii=False)

    def click(self, command: str, user: str = MEMBER_SLACK) -> str:
        """A crafted button carrying `command`, as if Herald had rendered it; the answer's text."""
        n = next(self._n)
        payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user, "name": "m", "team_id": "T1"},
                   "api_app_id": "A1", "trigger_id": f"tr{n}", "channel": {"id": "C1"},
                   "response_url": f"{self.harness.api.server.url}/response/click-{n}",
                   "container": {"type": "message", "is_ephemeral": True},
                   "actions": [{"action_id": "herald_run_0", "block_id": "b", "value": command, "type": "button",
                                "action_ts": f"1795424400.{n}"}]}
        assert self.harness.interaction(payload).status_code == 200
        return json.dumps(wait_until(lambda: self.harness.responses(f"click-{n}"))[-1], ensure_ascii=False)

    def submit(self, callback_id: str, values: dict[str, str], user: str = MEMBER_SLACK) -> dict:
        """A crafted modal submission; Slack's answer to it (errors shown on the form, or nothing)."""
        n = next(self._n)
        state = {block: {"value": {"type": "plain_text_input", "value": value}} for block, value in values.items()}
        payload = {"type": "view_submission", "team": {"id": "T1"}, "user": {"id": user, "name": "m", "team_id": "T1"},
                   "api_app_id": "A1", "trigger_id": f"tr{n}",
                   "view": {"id": f"V{n}", "hash": f"h{n}", "callback_id": callback_id, "type": "modal",
                            "private_metadata": json.dumps({"channel": "C1"}), "state": {"values": state}}}
        response = self.harness.interaction(payload)
        assert response.status_code == 200
        return response.get_json() or {}

    def teams(self, text: str) -> str:
        """`@Herald <text>` in a Teams channel through the outgoing webhook; the card's JSON."""
        raw = activity(f"<at>Herald</at> {text}", activity_id=str(1795424400000 + next(self._n)))
        response = self.harness.app.test_client().post(
            "/teams/outgoing", data=raw,
            headers={"Content-Type": "application/json", "Authorization": teams_auth(DOC_SECRET, raw)})
        assert response.status_code == 200, response.get_data(as_text=True)
        answer = json.dumps(response.get_json(), ensure_ascii=False)
        if "Working on it" in answer:  # a slow command: its answer is posted to the team's Workflows URL
            seen = len(self.answers_posted)
            answer = json.dumps(wait_until(lambda: self.workflows.requests[seen:] and
                                           self.workflows.requests[seen]).json(), ensure_ascii=False)
            self.answers_posted.append(answer)
        return answer


def _seed(world: World) -> None:
    """One entry of each kind, made by the admin, so owner-only changes have something to refuse."""
    as_admin, ids = world.as_admin, world.ids
    ids["feed"] = int(as_admin("feeds add http://127.0.0.1:9/seed.xml Seed").title.split()[1])
    ids["item"] = int(as_admin('coverage log https://news.example.org/seed "Sky News" positive seed').title.split()[-1])
    ids["other_item"] = int(as_admin('coverage log https://elsewhere.example.com/budget "The MJ" neutral '
                                     'Budget consultation opens for winter')
                            .title.split()[-1])
    ids["rule"] = int(as_admin("coverage alert add negative seed").title.split()[2])
    ids["press"] = int(as_admin('press log statement "Seed statement" outlet:LGC').title.rsplit("#", 1)[1])
    ids["deleted"] = int(as_admin('press log statement "Seed deleted" outlet:LGC').title.rsplit("#", 1)[1])
    as_admin(f"press delete {ids['deleted']}")
    ids["enquiry"] = int(as_admin('enquiry log "Seed enquiry" outlet:LGC deadline:"in 4 hours"')
                         .title.rsplit("#", 1)[1])
    ids["sub"] = int(as_admin("digest subscribe weekly #leaders").title.rsplit("#", 1)[1])
    ids["support"] = int(as_admin('support log council:Thurrock issue:"Seed issue"').title.rsplit("#", 1)[1])
    _seed_lines(world)
    with world.herald.session() as session:
        sub = session.get(DigestSubscription, ids["sub"])
        now = world.herald.clock.now()
        draft = stored.to_json(stored.StoredDigest(Reply(title="Weekly round-up", sections=(
            Section(heading="Stories", items=(Item("Seed story"), Item("Second story"))),)), False, True))
        run = DigestRun(subscription_id=sub.id, period_key="2026-W47", due_at=now, status="draft",
                        claimed_at=now, draft=draft)
        session.add(run)
        spotlight = Spotlight(council_code="THR", started_at=now, last_item_at=now, status="open",
                              reason="seed spike", created_at=now)
        session.add(spotlight)
        session.flush()
        ids["run"], ids["spotlight"] = run.id, spotlight.id
        mention = ParliamentMention(ext_id="hansard:SEED", kind="spoken", house="Lords", heading="Seed debate",
                                    occurred_at=now, text="Seed text.", passage="Seed text.", url="https://hansard.parliament.uk/",
                                    terms=["seed"], tone="neutral", notable=False, created_at=now, updated_at=now)
        session.add(mention)
        session.flush()
        ids["mention"] = mention.id
    as_admin('parliament watch add "Seed phrase"')


def _seed_lines(world: World) -> None:
    """An approved line and a waiting draft, written by someone else, so the walk's member is not the author."""
    writer = Actor(user_id="UWRITER", name="Wren Writer", platform="slack", workspace="T1")
    for key, topic in (("line", "Walk approved line"), ("draft_line", "Walk draft line")):
        reply, _ = world.herald.run_command(f'lines draft "{topic}" text:"Seed words"', writer)
        world.ids[key] = int(reply.title.split("#", 1)[1].split(":")[0])
    world.as_admin(f"lines approve {world.ids['line']}")


@pytest.fixture
def world(demo_sqlite_template, make_slack, tmp_path):
    """The demo Herald with Slack and Teams connected, and an admin's entries of every kind."""
    path = tmp_path / "walk.db"
    shutil.copy(demo_sqlite_template, path)
    with FakeServer(default=lambda rec: Answer(202, {})) as workflows:
        harness = make_slack(f"sqlite:///{path}", SLACK_ADMIN_USER_IDS=(ADMIN.user_id,),
                             HERALD_ALLOW_PRIVATE_FEEDS=True, TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET,
                             TEAMS_WORKFLOWS_URL=f"{workflows.url}/flow", HERALD_ADMIN_CHANNEL="CADMIN",
                             HERALD_PROGRAMME_CHANNEL="CPROG", HERALD_WEBHOOK_TOKENS=f"monitor/coverage={MONITOR_TOKEN}")
        world = World(harness, workflows)
        _seed(world)
        yield world
        from bot.teams.outgoing import EXTENSION
        harness.app.extensions[EXTENSION].drain(5)
