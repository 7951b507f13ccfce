"""The access-policy walk: every entry of `models.access.RULES`, tried by a member who holds no role,
on Slack (typed, and as a crafted button or form) and on Teams. Each change is refused with who may
make it, the refusal is audited, and neither the database nor any outbound fake shows it happened.

The walk cannot pass with an action missing from the table: every verb of every command family (from
its usage and its dispatch table) must be a rule or a read, every rule with a chat command must have
a sample here, every sample is shown to be a real change by running it as an admin, and a command that
changes state without asking the policy is refused by the router (fail closed).
"""
from __future__ import annotations

import itertools
import json
import re

import pytest
from sqlalchemy import select

from handlers import coverage_actions, digest, enquiry, feeds, press
from handlers.context import Actor
from handlers.family import Family
from handlers.reply import Reply
from handlers.router import FAMILIES, SUBCOMMANDS
from models.access import BUTTON, CLI, READS, RULES, WEBHOOK, AccessPolicy, Action, Role, rule_for_command
from models.audit import REFUSED, AuditEntry
from models.outlet import Feed
from tests.access_fixtures import (ADMIN, EXTRA_SAMPLES, MEMBER_SLACK, MEMBER_TEAMS, MONITOR_TOKEN, SAMPLES,  # noqa: F401
                                   World, world)
from tests.press_fixtures import demo_sqlite_template  # noqa: F401  (fixture)
from tests.slack_helpers import with_families

pytest_plugins = ("tests.slack_fixtures",)  # make_slack, slack_api

GUARDED = [a for a, rule in RULES.items() if rule.commands and Role.MEMBER not in rule.who]
OPEN = [a for a, rule in RULES.items() if rule.commands and Role.MEMBER in rule.who]
WALK = [(a, SAMPLES[a]) for a in GUARDED] + [(a, s) for a, s in EXTRA_SAMPLES]


# --- the table is complete --------------------------------------------------------------------------

def _usage_phrases(family: Family) -> set[str]:
    """The command words of each usage segment: `/press show|edit <id>` → press show, press edit."""
    phrases = set()
    for segment in family.usage.split("·"):
        words = segment.split()
        if words and words[0] == "/herald":
            words = words[1:]
        words[0] = words[0].lstrip("/")
        command = list(itertools.takewhile(lambda w: not re.match(r'^[<\["(]|.*:', w), words))
        phrases |= {" ".join(p) for p in itertools.product(*(w.split("|") for w in command))}
    return phrases


def _dispatch_phrases() -> set[str]:
    """The verbs the handlers dispatch on, from their tables."""
    return ({f"press {verb}" for verb in press.SUBCOMMANDS} | {f"enquiry {verb}" for verb in enquiry.SUBCOMMANDS} | {f"feeds {verb}" for verb in feeds.VERBS}
            | {f"digest {verb}" for verb in digest.VERBS} | {f"coverage {verb}" for verb in coverage_actions.ACTIONS
                                                             if verb not in ("alert", "alerts")}
            | {f"coverage {word} {verb}" for word in ("alert", "alerts") for verb in coverage_actions.ALERT_VERBS})


def _covered(phrase: str) -> bool:
    """A phrase is a rule's command or a read, or extends a two-word one (`digest subscribe weekly`)."""
    known = set(READS) | {c for rule in RULES.values() for c in rule.commands}
    words = phrase.split()
    return phrase in known or any(" ".join(words[:n]) in known for n in range(2, len(words)))


def test_every_verb_of_every_family_is_a_rule_or_a_read():
    phrases = set().union(*(_usage_phrases(f) for f in FAMILIES + SUBCOMMANDS)) | _dispatch_phrases()
    assert len(phrases) > 40
    assert sorted(p for p in phrases if not _covered(p)) == []
    for phrase in _dispatch_phrases():  # a changing verb and each of its spellings fall under one rule
        rule = rule_for_command(phrase)
        assert rule is not None or phrase in READS, phrase


def test_every_rule_a_chat_command_reaches_has_a_sample_and_cli_and_webhooks_are_admin_paths():
    assert set(SAMPLES) == {a for a, rule in RULES.items() if rule.commands}
    for action, rule in RULES.items():
        assert rule.paths and rule.who and rule.what, action
        if not rule.commands:  # only the operator's CLI, integrations' webhooks, and the Share button
            assert rule.paths in ((CLI,), (WEBHOOK,), (BUTTON,)), action
            assert rule.who == {(CLI,): (Role.ADMIN,), (WEBHOOK,): (Role.INTEGRATION,),
                                (BUTTON,): (Role.AUTHOR,)}[rule.paths], action
    operator, member = Actor.cli(), Actor(user_id=MEMBER_SLACK, platform="slack")
    assert all(AccessPolicy().allows(operator, a) for a, rule in RULES.items() if CLI in rule.paths)
    assert not any(AccessPolicy().allows(member, a) for a, rule in RULES.items() if WEBHOOK in rule.paths)


def test_a_change_that_does_not_ask_the_policy_is_undone_and_refused(world: World):
    def sneaky(rest: str, ctx) -> Reply:
        ctx.session.add(Feed(url="http://127.0.0.1:9/sneaky", name="sneaky", tier="online", added_by="x",
                             added_at=ctx.now(), next_poll_at=ctx.now(), baseline_done=False,
                             consecutive_failures=0, items_total=0, unhealthy_reported=False, active=True))
        return Reply(title="done")

    with_families(world.harness, Family(name="sneak", summary="s", usage="/sneak", examples=("/sneak",),
                                        handle=sneaky))
    before = world.state()
    reply, _ = world.herald.run_command("sneak", ADMIN)
    assert reply.is_error and "no access rule" in reply.sections[0].text
    assert world.state() == before


# --- a member is refused everywhere -------------------------------------------------------------------

def _refusals(world: World, user: str, platform: str) -> list[AuditEntry]:
    with world.herald.session() as session:
        return list(session.scalars(select(AuditEntry).where(
            AuditEntry.entity == REFUSED, AuditEntry.actor == user, AuditEntry.platform == platform)
            .order_by(AuditEntry.id)))


def _nothing_went_out(world: World, refusals: bool = True) -> None:
    assert world.harness.api.calls("chat.postMessage") == []
    assert world.harness.api.uploads() == []
    assert len(world.workflows.requests) == len(world.answers_posted)  # only answers to the asker went out
    assert not refusals or all("Not allowed" in answer for answer in world.answers_posted)


@pytest.mark.parametrize("action, sample", WALK, ids=[s.split("{")[0].strip() for _, s in WALK])
def test_a_member_is_refused_on_slack_and_teams_and_nothing_changes(world: World, action: Action, sample: str):
    before = world.state()
    who = " or ".join(role.value.split(",")[0] for role in RULES[action].who)
    for answer, user, platform in ((world.slack(world.line(sample)), MEMBER_SLACK, "slack"),
                                   (world.click(world.line(sample)), MEMBER_SLACK, "slack"),
                                   (world.teams(world.line(sample)), MEMBER_TEAMS, "teams")):
        assert "Not allowed" in answer and "Nothing was changed" in answer, answer
        assert RULES[action].what in answer and "Only admins" in answer
        refusal = _refusals(world, user, platform)[-1]
        assert refusal.action == action.value and "sig=" not in json.dumps(refusal.detail)
        assert world.state() == before
    assert who
    _nothing_went_out(world)


def test_a_crafted_form_is_refused_like_the_command(world: World):
    before = world.state()
    answer = world.submit("herald_form_campaign_activity",
                          {"campaign": "Be a Councillor", "activity": "Walk stall", "date": "17/02/2027"})
    assert answer["response_action"] == "errors"
    assert "Only admins or programme managers can add a campaign activity" in next(iter(answer["errors"].values()))
    assert world.state() == before
    assert _refusals(world, MEMBER_SLACK, "slack")[-1].action == Action.CAMPAIGN_ACTIVITY_ADD.value
    _nothing_went_out(world)


def test_a_crafted_share_of_someone_elses_answer_posts_nothing_and_is_audited(world: World):
    """"Share in channel" names the person it answered (a read is asked again, a change's answer is kept)."""
    answer = world.slack("herald help", user=ADMIN.user_id)
    share_id = re.search(r'"action_id": "herald_share", "value": "([^"]+)"', answer).group(1)
    before = world.state()
    n = next(world._n)
    payload = {"type": "block_actions", "team": {"id": "T1"}, "user": {"id": MEMBER_SLACK, "name": "m"},
               "channel": {"id": "C1"}, "response_url": f"{world.harness.api.server.url}/response/share-{n}",
               "container": {"type": "message"},
               "actions": [{"action_id": "herald_share", "value": share_id, "action_ts": f"1795424499.{n}"}]}
    assert world.harness.interaction(payload).status_code == 200
    world.harness.runtime.worker.drain()
    assert world.harness.responses(f"share-{n}") == [] and world.state() == before
    assert _refusals(world, MEMBER_SLACK, "slack")[-1].action == Action.ANSWER_SHARE.value
    _nothing_went_out(world)


def test_cli_only_words_typed_in_chat_change_nothing(world: World):
    before = world.state()
    for text in ("feeds poll", "campaign import \"Be a Councillor\" plan.csv", "programme import plan.csv",
                 "peer-challenge import file.csv", "demo load"):
        world.slack(text)
        world.teams(text)
    assert world.state() == before
    _nothing_went_out(world, refusals=False)


def test_webhooks_without_their_token_are_refused_and_store_nothing(world: World):
    before = world.state()
    client = world.harness.app.test_client()
    for path, body in (("/webhooks/coverage", {"url": "https://news.example.org/x", "title": "x"}),
                       ("/webhooks/campaign-metrics", {"campaign": "Be a Councillor", "metric": "page_views",
                                                       "value": 1})):
        assert client.post(path, json=body).status_code == 401
        assert client.post(path, json=body, headers={"Authorization": "Bearer guess"}).status_code == 401
    scoped = client.post("/webhooks/campaign-metrics", json={"campaign": "Be a Councillor", "metric": "page_views",
                                                             "value": 1},
                         headers={"Authorization": f"Bearer {MONITOR_TOKEN}"})
    assert scoped.status_code == 403  # the monitor's token is for coverage only
    assert world.state() == before


# --- what a member may do, and what an admin may do ------------------------------------------------------

@pytest.mark.parametrize("action", OPEN, ids=[a.value for a in OPEN])
def test_a_member_may_take_the_open_actions_and_each_is_audited(world: World, action: Action):
    for answer, user, platform in ((world.slack(world.line(SAMPLES[action])), MEMBER_SLACK, "slack"),
                                   (world.teams(world.line(SAMPLES[action])), MEMBER_TEAMS, "teams")):
        if action is Action.ALERT_ADD and platform == "teams":
            assert "add the rule from Slack" in answer  # alert rules post to Slack only
            continue
        assert "Not allowed" not in answer and "Sorry" not in answer, answer
        with world.herald.session() as session:
            entry = session.scalars(select(AuditEntry).where(AuditEntry.actor == user)
                                    .order_by(AuditEntry.id.desc()).limit(1)).one()
        assert (entry.action, entry.entity != REFUSED, entry.platform) == (action.value, True, platform)


@pytest.mark.parametrize("action, sample", WALK, ids=[s.split("{")[0].strip() for _, s in WALK])
def test_every_sample_is_a_real_change_an_admin_may_make_and_it_is_audited(world: World, action: Action,
                                                                           sample: str):
    before = world.state()
    with world.herald.session() as session:
        last = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    reply = world.as_admin(world.line(sample))
    assert "Not allowed" not in reply.title
    if action is not Action.AUDIT_READ:
        assert world.state() != before, sample
    with world.herald.session() as session:
        added = list(session.scalars(select(AuditEntry).where(AuditEntry.id > last)))
    assert action is Action.AUDIT_READ or [e for e in added if e.actor == ADMIN.user_id and e.entity != REFUSED]


def test_the_readme_carries_the_policy_table_and_every_role_setting():
    from pathlib import Path

    from models.access import table_rows
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert [row for row in table_rows() if row not in readme] == []
    for setting in ("HERALD_DIGEST_EDITORS", "HERALD_PROGRAMME_MANAGERS", "HERALD_ALLOWED_WORKSPACES",
                    "HERALD_ALLOWED_TENANTS", "HERALD_EMAIL_DOMAINS", "HERALD_WEBHOOK_TOKENS"):
        assert f"| `{setting}` |" in readme, setting
    assert "logic.azure.com/…&sig" not in readme
