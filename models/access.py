"""Who may do what: the one access policy for every change Herald makes, on every path.

Every state-changing action has one entry in `RULES`: who may take it and the paths it is reached
by (slash command, @mention, Teams, button, modal, shortcut, webhook, CLI). Buttons, forms and
shortcuts all run a command line through the one router, so a crafted payload meets the same check
as a typed command. Handlers ask before they change anything:

    ctx.require(Action.FEEDS_ADD)                          # handlers: records that the policy was asked
    policy.require(actor, Action.PRESS_EDIT, owner_id=a.logged_by)   # the same check, anywhere

A refusal raises `AccessDenied`, whose message says who may make the change and how to ask; the
router turns it into a reply and audits it. Roles: admins (`actor.is_admin`, set at the edge from
SLACK_ADMIN_USER_IDS / SLACK_ADMIN_USERGROUP_ID / TEAMS_ADMIN_USER_IDS; the CLI operator is one),
digest editors (HERALD_DIGEST_EDITORS), programme managers (HERALD_PROGRAMME_MANAGERS, plus a
programme's own managers for that programme), line approvers (HERALD_LINE_APPROVERS), the author of the entry, and any member.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Protocol


class Role(str, Enum):
    """Who an action is open to."""

    ADMIN = "admins"
    DIGEST_EDITOR = "digest editors"
    PROGRAMME_MANAGER = "programme managers"
    APPROVER = "line approvers"
    AUTHOR = "the author of the entry"
    MEMBER = "any member"
    INTEGRATION = "an integration whose webhook token allows it"


class Action(str, Enum):
    """Every action that changes Herald's state. The value is the audit log's action name."""

    FEEDS_ADD = "feeds.add"
    FEEDS_REMOVE = "feeds.remove"
    FEEDS_POLL = "feeds.poll"
    FEEDS_RELEVANCE = "feeds.relevance"
    COVERAGE_LOG = "coverage.log"
    COVERAGE_WEBHOOK = "coverage.webhook"
    COVERAGE_TONE = "coverage.tone"
    COVERAGE_STORY = "coverage.story"
    COVERAGE_NOT_OURS = "coverage.not_ours"
    ALERT_ADD = "coverage.alert.add"
    ALERT_REMOVE = "coverage.alert.remove"
    PRESS_LOG = "press.log"
    PRESS_EDIT = "press.edit"
    PRESS_DELETE = "press.delete"
    PRESS_RESTORE = "press.restore"
    PRESS_LINK = "press.link"
    ENQUIRY_LOG = "enquiry.log"
    ENQUIRY_NOTE = "enquiry.note"
    ENQUIRY_ASSIGN = "enquiry.assign"
    ENQUIRY_CLOSE = "enquiry.close"
    CAMPAIGN_ACTIVITY_ADD = "campaign.activity_add"
    CAMPAIGN_METRIC = "campaign.metric"
    CAMPAIGN_METRICS_WEBHOOK = "campaign.metrics_webhook"
    CAMPAIGN_IMPORT = "campaign.plan_import"
    PROGRAMME_RATE = "programme.rate"
    PROGRAMME_IMPORT = "programme.import"
    PEER_CHALLENGE_STAGE = "peer_challenge.stage"
    PEER_CHALLENGE_IMPORT = "peer_challenge.import"
    DIGEST_SUBSCRIBE = "digest.subscribe"
    DIGEST_UNSUBSCRIBE = "digest.unsubscribe"
    DIGEST_SEND = "digest.send"
    DIGEST_DRAFT_EDIT = "digest.draft_edit"
    DIGEST_APPROVE = "digest.approve"
    DEMO_LOAD = "demo.load"
    AUDIT_READ = "audit.read"
    ANSWER_SHARE = "answer.share"
    SUPPORT_LOG = "support.log"
    SUPPORT_CLOSE = "support.close"
    SPOTLIGHT_ASSIGN = "spotlight.assign"
    SPOTLIGHT_DISMISS = "spotlight.dismiss"
    LINES_DRAFT = "lines.draft"
    LINES_EDIT = "lines.edit"
    LINES_APPROVE = "lines.approve"
    LINES_WITHDRAW = "lines.withdraw"
    LINES_USE = "lines.use"
    LINES_IMPORT = "lines.import"
    PARLIAMENT_WATCH_ADD = "parliament.watch_add"
    PARLIAMENT_WATCH_REMOVE = "parliament.watch_remove"
    PARLIAMENT_TONE = "parliament.tone"
    PARLIAMENT_POLL = "parliament.poll"


# Paths an action is reached by.
SLASH, MENTION, TEAMS, BUTTON, MODAL, SHORTCUT, WEBHOOK, CLI = (
    "slash command", "@mention", "Teams", "button", "modal", "shortcut", "webhook", "CLI")
CHAT = (SLASH, MENTION, TEAMS)


@dataclass(frozen=True)
class Rule:
    """One row of the policy: the action, who may take it, how it is reached, and in words."""

    action: Action
    who: tuple[Role, ...]
    paths: tuple[str, ...]
    commands: tuple[str, ...]  # the chat command words that take it ("feeds add"); CLI-only: ()
    what: str  # "add a feed", as in "Only admins can add a feed."


def _rule(action: Action, who: tuple[Role, ...], paths: tuple[str, ...], commands: tuple[str, ...],
          what: str) -> tuple[Action, Rule]:
    return action, Rule(action, who, paths, commands, what)


A, E, P, AU, M, I, AP = (Role.ADMIN, Role.DIGEST_EDITOR, Role.PROGRAMME_MANAGER, Role.AUTHOR, Role.MEMBER,
                         Role.INTEGRATION, Role.APPROVER)
RULES: dict[Action, Rule] = dict((
    _rule(Action.FEEDS_ADD, (A,), CHAT + (CLI,), ("feeds add",), "add a feed"),
    _rule(Action.FEEDS_REMOVE, (A,), CHAT + (CLI,), ("feeds remove", "feeds delete"), "remove a feed"),
    _rule(Action.FEEDS_POLL, (A,), (CLI,), (), "poll feeds now"),
    _rule(Action.FEEDS_RELEVANCE, (A,), CHAT, ("feeds relevance",), "choose which of a feed's items count"),
    _rule(Action.COVERAGE_LOG, (M,), CHAT + (SHORTCUT,), ("coverage log",), "log coverage by hand"),
    _rule(Action.COVERAGE_WEBHOOK, (I,), (WEBHOOK,), (), "push coverage through the webhook"),
    _rule(Action.COVERAGE_TONE, (A, E, AU), CHAT, ("coverage tone",), "override an item's tone"),
    _rule(Action.COVERAGE_STORY, (A, E, AU), CHAT, ("coverage story",), "split or merge coverage stories"),
    _rule(Action.COVERAGE_NOT_OURS, (A, E, AU), CHAT + (BUTTON,), ("coverage notours", "coverage not-ours"),
          "take an item out of coverage as not ours"),
    _rule(Action.ALERT_ADD, (M,), CHAT, ("coverage alert add", "coverage alerts add"),
          "add an alert rule in their channel"),
    _rule(Action.ALERT_REMOVE, (A, AU), CHAT,
          ("coverage alert remove", "coverage alert delete", "coverage alert stop", "coverage alerts remove",
           "coverage alerts delete", "coverage alerts stop"), "remove an alert rule"),
    _rule(Action.PRESS_LOG, (M,), CHAT + (MODAL,), ("press log", "press add"), "log press activity"),
    _rule(Action.PRESS_EDIT, (A, AU), CHAT, ("press edit",), "edit press activity"),
    _rule(Action.PRESS_DELETE, (A, AU), CHAT, ("press delete", "press remove"), "delete press activity"),
    _rule(Action.PRESS_RESTORE, (A, AU), CHAT, ("press restore",), "restore press activity"),
    _rule(Action.PRESS_LINK, (A, AU), CHAT + (BUTTON,), ("press link", "press unlink"),
          "confirm or reject coverage a press activity earned"),
    _rule(Action.ENQUIRY_LOG, (M,), CHAT + (MODAL,), ("enquiry log", "enquiry add"), "log a media enquiry"),
    _rule(Action.ENQUIRY_NOTE, (M,), CHAT, ("enquiry note",), "add a note to a media enquiry"),
    _rule(Action.ENQUIRY_ASSIGN, (A, AU), CHAT, ("enquiry assign", "enquiry deadline"),
          "change a media enquiry's owner or deadline"),
    _rule(Action.ENQUIRY_CLOSE, (A, AU), CHAT + (BUTTON,), ("enquiry close", "enquiry line"),
          "close a media enquiry, or join it to the line to take it used"),
    _rule(Action.CAMPAIGN_ACTIVITY_ADD, (A, P), CHAT + (MODAL,), ("campaign activity add",),
          "add a campaign activity"),
    _rule(Action.CAMPAIGN_METRIC, (A, P), CHAT, ("campaign metric", "campaign metrics"), "record a campaign metric"),
    _rule(Action.CAMPAIGN_METRICS_WEBHOOK, (I,), (WEBHOOK,), (), "push campaign metrics through the webhook"),
    _rule(Action.CAMPAIGN_IMPORT, (A,), (CLI,), (), "import a campaign plan"),
    _rule(Action.PROGRAMME_RATE, (A, P), CHAT, ("programme update", "programmes update"),
          "rate a programme"),
    _rule(Action.PROGRAMME_IMPORT, (A,), (CLI,), (), "import the programme plan"),
    _rule(Action.PEER_CHALLENGE_STAGE, (A, P), CHAT, ("peer-challenge update",), "record a peer-challenge stage"),
    _rule(Action.PEER_CHALLENGE_IMPORT, (A,), (CLI,), (), "import peer challenges"),
    _rule(Action.DIGEST_SUBSCRIBE, (A, E), CHAT, ("digest subscribe",), "subscribe a destination to a digest"),
    _rule(Action.DIGEST_UNSUBSCRIBE, (A, E, AU), CHAT, ("digest unsubscribe",), "stop a digest subscription"),
    _rule(Action.DIGEST_SEND, (A, E), CHAT + (CLI,), ("digest send",), "send a digest now"),
    _rule(Action.DIGEST_DRAFT_EDIT, (A, E), CHAT, ("digest drop", "digest add"), "edit a digest draft"),
    _rule(Action.DIGEST_APPROVE, (A, E), CHAT, ("digest approve",), "approve a digest draft"),
    _rule(Action.DEMO_LOAD, (A,), (CLI,), (), "load the demo data"),
    _rule(Action.AUDIT_READ, (A,), CHAT, ("audit", "audit refused"), "read the audit log"),
    _rule(Action.ANSWER_SHARE, (AU,), (BUTTON,), (), "share Herald's private answer in the channel (Slack's "
          "Share in channel button; the author is the person answered)"),
    _rule(Action.SUPPORT_LOG, (M,), CHAT + (BUTTON,), ("support log", "support add"),
          "log a council's support request"),
    _rule(Action.SUPPORT_CLOSE, (A, AU), CHAT, ("support close",),
          "close a support request (the author is its owner)"),
    _rule(Action.SPOTLIGHT_ASSIGN, (M,), CHAT + (BUTTON,), ("support spotlight assign",),
          "assign a council's media spotlight"),
    _rule(Action.SPOTLIGHT_DISMISS, (A, AU), CHAT + (BUTTON,), ("support spotlight dismiss",),
          "dismiss a council's media spotlight (the author is whoever it is assigned to)"),
    _rule(Action.LINES_DRAFT, (M,), CHAT, ("lines draft",), "draft a line to take"),
    _rule(Action.LINES_EDIT, (A, AP, AU), CHAT, ("lines edit",), "edit a line to take"),
    _rule(Action.LINES_APPROVE, (A, AP), CHAT, ("lines approve",),
          "approve a line to take (not their own draft unless HERALD_LINES_SELF_APPROVE is on)"),
    _rule(Action.LINES_WITHDRAW, (A,), CHAT, ("lines withdraw",), "withdraw a line to take"),
    _rule(Action.LINES_USE, (M,), CHAT + (BUTTON,), ("lines post",), "post a line to take and record its use"),
    _rule(Action.LINES_IMPORT, (A,), (CLI,), (), "import lines to take"),
    _rule(Action.PARLIAMENT_WATCH_ADD, (A,), CHAT, ("parliament watch add",), "add a term to the Parliament watch list"),
    _rule(Action.PARLIAMENT_WATCH_REMOVE, (A,), CHAT,
          ("parliament watch remove", "parliament watch delete", "parliament watch off"),
          "take a term off the Parliament watch list"),
    _rule(Action.PARLIAMENT_TONE, (A, E), CHAT, ("parliament tone",), "override a Parliament mention's tone"),
    _rule(Action.PARLIAMENT_POLL, (A,), (CLI,), (), "poll Parliament now"),
))

# Commands that only read (every other verb of every family must be in RULES: a test checks).
READS: frozenset[str] = frozenset({
    "coverage", "coverage export", "coverage alert list", "coverage alerts list", "coverage explain",
    "feeds list", "council",
    "press list", "press show", "enquiry", "enquiry list", "enquiry show", "enquiry stats", "enquiry export",
    "campaign", "campaign list", "programme", "programmes", "programme status",
    "peer-challenge", "peer-challenge stats", "peer-challenge due", "digest list", "digest preview",
    "digest board", "herald help", "lines", "lines history", "lines stats", "lines export", "lines show",
    "support", "support list", "support show", "support stats", "support export", "support spotlight",
    "parliament", "parliament export", "parliament csv", "parliament sources", "parliament health",
    "parliament watch", "parliament watch list",
})

CLI_NOTE = "The CLI (`flask --app app …`) is run by the operator, who counts as an admin."


class ActorLike(Protocol):
    """Who is asking (handlers.context.Actor satisfies this; models do not import handlers)."""

    user_id: str
    platform: str
    is_admin: bool


class AccessDenied(Exception):
    """The actor may not take `action`; the message says who may and how to ask."""

    def __init__(self, action: Action, message: str):
        super().__init__(message)
        self.action = action


@dataclass(frozen=True)
class AccessPolicy:
    """The policy with its role members (from settings). Pure: no database, no I/O."""

    digest_editors: frozenset[str] = frozenset()
    programme_managers: frozenset[str] = frozenset()
    line_approvers: frozenset[str] = frozenset()
    admin_contacts: tuple[str, ...] = ()  # admin user ids to name in a refusal (the asker's platform)

    def roles_of(self, actor: ActorLike, owner_id: str | None = None,
                 managers: Iterable[str] = ()) -> frozenset[Role]:
        """Every role `actor` holds for this entry (`owner_id`: its author; `managers`: its own managers)."""
        if actor.platform == "webhook":  # set only by bot/webhooks, after the token and its scope were checked
            return frozenset({Role.INTEGRATION})
        roles = {Role.MEMBER}
        if actor.is_admin:
            roles.add(Role.ADMIN)
        if actor.user_id in self.digest_editors:
            roles.add(Role.DIGEST_EDITOR)
        if actor.user_id in self.programme_managers or actor.user_id in set(managers):
            roles.add(Role.PROGRAMME_MANAGER)
        if actor.user_id in self.line_approvers:
            roles.add(Role.APPROVER)
        if owner_id is not None and owner_id == actor.user_id:
            roles.add(Role.AUTHOR)
        return frozenset(roles)

    def allows(self, actor: ActorLike, action: Action, owner_id: str | None = None,
               managers: Iterable[str] = ()) -> bool:
        """Whether `actor` may take `action` on this entry."""
        return bool(self.roles_of(actor, owner_id, managers) & set(RULES[action].who))

    def require(self, actor: ActorLike, action: Action, owner_id: str | None = None,
                managers: Iterable[str] = (), owner_name: str | None = None) -> None:
        """Return if `actor` may take `action`; raise `AccessDenied` (who may, how to ask) if not.

        `owner_id` is the entry's author (for "the author" rules), `managers` its own managers (a
        programme's), `owner_name` how to name the author in the refusal.
        """
        if not self.allows(actor, action, owner_id, managers):
            raise AccessDenied(action, self.refusal(action, owner_name or owner_id))

    def refusal(self, action: Action, owner: str | None = None) -> str:
        """The refusal in words: who may make the change and how to ask for it."""
        rule = RULES[action]
        who = [r.value if r is not Role.AUTHOR else (f"its author, {owner}," if owner else "its author")
               for r in rule.who]
        ask = ["ask one of them to make the change for you"]
        if self.admin_contacts:
            ask.append(f"Herald's admins here: {', '.join(self.admin_contacts[:5])}")
        if Role.DIGEST_EDITOR in rule.who:
            ask.append("an admin of the Herald server can add you to HERALD_DIGEST_EDITORS")
        elif Role.PROGRAMME_MANAGER in rule.who:
            ask.append("an admin of the Herald server can add you to HERALD_PROGRAMME_MANAGERS")
        elif Role.APPROVER in rule.who:
            ask.append("an admin of the Herald server can add you to HERALD_LINE_APPROVERS")
        return f"Only {_join(who)} can {rule.what}. Nothing was changed: {'; '.join(ask)}."


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def rule_for_command(words: str) -> Rule | None:
    """The rule a chat command (`"feeds remove"`) falls under, or None if it only reads."""
    words = words.lower()
    return next((rule for rule in RULES.values() if words in rule.commands), None)


def table_rows() -> list[str]:
    """The policy as the README's Markdown table rows, one per rule (a test keeps the README in step)."""
    rows = []
    for rule in RULES.values():
        commands = ", ".join(f"`/{c}`" if not c.startswith("audit") else f"`/herald {c}`" for c in rule.commands)
        who = ", ".join(role.value for role in rule.who)
        rows.append(f"| {rule.what} | {who} | {', '.join(rule.paths)} | {commands or '—'} |")
    return rows
