"""Bolt listeners: every Slack request becomes a Herald command line, run once, answered in time.

Slash commands that are quick answer inside the acknowledgement. Slow ones (`Family.is_slow`), app
mentions, button clicks and shortcuts are written as a `Job` (with their receipt key, in one
transaction) before the acknowledgement, then finished by the job worker through `response_url`.
"""
from __future__ import annotations

import logging
import re
import threading
import uuid
from dataclasses import asdict, replace

from slack_bolt import Ack, App, BoltResponse
from sqlalchemy.orm import Session

from bot.slack import forms, home
from bot.slack.actors import slack_actor
from bot.slack.app import SlackRuntime
from bot.slack.blocks import SHARE_ACTION, SlackMessage, is_run_action, render_messages
from bot.slack.delivery import Target, files_to_json
from bot.slack.jobs import ReplyJob, enqueue
from bot.slack.mrkdwn import cut, escape
from bot.slack.receipts import Outcome, receipt_key, record, run_command
from bot.slack.sharing import AskedAgain, HeldCopy, held_answer, read_share_value, render_answer
from handlers.context import Actor
from handlers.reply import Reply, error_reply
from handlers.router import DATABASE_AWAY, DATABASE_BUSY, family_for, only_reads, split_command
from models.access import AccessPolicy, Action
from models.audit import REFUSED, record_audit
from models.clock import FrozenClock
from models.db import database_busy, database_unavailable

log = logging.getLogger("herald.slack.listeners")
WORKING = "Working on it…"
LOG_COVERAGE_SHORTCUT = "herald_log_coverage"
_LEADING_MENTION = re.compile(r"^\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*")
_SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>|(https?://\S+)")


def register_listeners(app: App, rt: SlackRuntime) -> None:
    """Attach Herald's listeners (and its error handler) to the Bolt app."""
    app.command(re.compile(r"^/"))(lambda ack, body: on_command(rt, ack, body))
    app.event("app_mention")(lambda body: on_mention(rt, body))
    app.event("message")(lambda body: on_direct_message(rt, body))
    app.event("app_home_opened")(lambda body, event: home.publish_home(rt, event, _team(body)))
    app.action(re.compile(r"^herald_"))(lambda ack, body: on_action(rt, ack, body))
    app.view(re.compile(r"^" + forms.CALLBACK_PREFIX))(lambda ack, body: on_form_submitted(rt, ack, body))
    app.shortcut(LOG_COVERAGE_SHORTCUT)(lambda ack, body: on_log_coverage(rt, ack, body))
    app.error(on_error)


def _team(body: dict) -> str | None:
    return body.get("team_id") or (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id")


def _now_iso(rt: SlackRuntime) -> str:
    return rt.herald.clock.now().isoformat()


def on_command(rt: SlackRuntime, ack: Ack, body: dict) -> None:
    """A slash command: open its form, answer in the ack, or accept it as a job."""
    team, channel, user = _team(body), body.get("channel_id"), body.get("user_id")
    text = f"{body.get('command', '')} {body.get('text', '')}".strip()
    form = forms.form_for_command(text)
    if form and body.get("trigger_id"):
        rt.client_for(team).views_open(trigger_id=body["trigger_id"], view=forms.modal_view(form, channel))
        return ack()
    actor = rt.actor(user, body.get("user_name"), team)
    target = Target(channel=channel, user=user, team=team, response_url=body.get("response_url"),
                    received_at=_now_iso(rt))
    key = receipt_key("command", team, body.get("trigger_id"))
    if _is_slow(rt, text):
        accepted = _accept_job(rt, key, ReplyJob(target=target, command=text, actor=asdict(actor), shareable=True))
        return ack(text=WORKING, response_type="ephemeral") if accepted else ack()
    quick = _QuickCommand(rt, text, actor, target, key)
    rt.quick_pool.submit(quick.run)
    answered, answer = quick.wait(rt.ack_budget_seconds)
    if not answered:  # overran its budget: Slack gets an ack now, the answer follows via response_url
        return ack(text=WORKING, response_type="ephemeral")
    return ack(**answer) if answer else ack()


class _QuickCommand:
    """A quick command run against the ack deadline: answered in the ack if it finishes in time,
    otherwise (it was late) its whole answer becomes a delivery job when it does finish."""

    def __init__(self, rt: SlackRuntime, text: str, actor: Actor, target: Target, key: str):
        self.rt, self.text, self.actor, self.target, self.key = rt, text, actor, target, key
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._late = False
        self._answer: dict | None = None

    def run(self) -> None:
        wake = False
        try:
            def answer(session: Session, outcome: Outcome) -> None:
                nonlocal wake
                with self._lock:
                    self._answer, wake = _answer_now(session, self.rt, outcome, self.target, self.text,
                                                     whole=self._late)
            if run_command(self.rt.herald, self.text, self.actor, self.target.channel, self.key, then=answer) is None:
                with self._lock:  # a repeat delivery: its answer was rolled back, the first one's stands
                    self._answer, wake = None, False
        except Exception as exc:  # noqa: BLE001 - logged with a reference like any listener error
            wake = False
            text = apology(exc, "slash command failed")
            with self._lock:
                self._answer = {"response_type": "ephemeral", "text": text}
        finally:
            self._done.set()
        if wake:  # after the commit, so the worker finds the job
            self.rt.worker.wake()

    def wait(self, budget: float) -> tuple[bool, dict | None]:
        """(finished in time, ack body) after at most `budget` seconds."""
        self._done.wait(budget)
        with self._lock:
            if not self._done.is_set():
                self._late = True
                return False, None
        return True, self._answer


def _is_slow(rt: SlackRuntime, text: str) -> bool:
    word, rest = split_command(text)
    family = family_for(word, rt.herald.families)
    return bool(family and family.ready and family.is_slow(rest))


def _answer_now(session: Session, rt: SlackRuntime, outcome: Outcome, target: Target, command: str,
                whole: bool = False) -> tuple[dict | None, bool]:
    """(the ack body for a quick answer, whether a delivery job was queued). What cannot ride in an
    ack (more messages, files, notices) goes to that job, in the caller's transaction; the body is
    None when the whole answer is left to the job (`whole`, or to keep the messages in order)."""
    reply = outcome.reply
    files = files_to_json(reply)
    asked = AskedAgain(command, rt.herald.clock.now(), target.user) \
        if outcome.read_only and target.user else None
    messages = render_answer(session, rt.herald, reply, share_owner=target.user, asked=asked)
    later = messages if len(messages) > 1 or whole else []
    queued = bool(later or files or outcome.notices)
    if queued:
        target.in_channel = reply.visibility == "channel"
        enqueue(session, rt.herald, ReplyJob(target=target, messages=[m.to_dict() for m in later],
                                             notices=[asdict(n) for n in outcome.notices], files=files))
    if later:
        return None, queued
    return {"text": messages[0].text, "blocks": messages[0].blocks,
            "response_type": "in_channel" if reply.visibility == "channel" else "ephemeral"}, queued


def _accept_job(rt: SlackRuntime, key: str | None, job: ReplyJob) -> bool:
    """Record the receipt and the job in one transaction; False if this request was already accepted."""
    with rt.herald.session() as session:
        if key and not record(session, rt.herald, key):
            return False
        enqueue(session, rt.herald, job)
    rt.worker.wake()
    return True


def on_mention(rt: SlackRuntime, body: dict) -> None:
    """`@Herald coverage this week`: accepted as a job (deduped on event_id), answered in the thread."""
    event = body.get("event") or {}
    team, user = _team(body), event.get("user")
    text = _LEADING_MENTION.sub("", event.get("text") or "")
    if not user or not event.get("channel"):
        return
    actor = rt.actor(user, None, team)
    target = Target(channel=event["channel"], user=user, team=team, in_channel=True,
                    thread_ts=event.get("thread_ts") or event.get("ts"))
    _accept_job(rt, receipt_key("event", team, body.get("event_id") or event.get("event_ts")),
                ReplyJob(target=target, command=text or "help", actor=asdict(actor)))


def on_direct_message(rt: SlackRuntime, body: dict) -> None:
    """A message in Herald's DM (a question or a command, as after @Herald): answered in the DM.

    Only a person's own new message in a direct conversation counts: edits, bot posts (Herald's own
    answers among them) and channel messages are left alone.
    """
    event = body.get("event") or {}
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    team, user = _team(body), event.get("user")
    if not user or not event.get("channel"):
        return
    actor = rt.actor(user, None, team)
    target = Target(channel=event["channel"], user=user, team=team, in_channel=True)
    _accept_job(rt, receipt_key("event", team, body.get("event_id") or event.get("event_ts")),
                ReplyJob(target=target, command=(event.get("text") or "").strip() or "help", actor=asdict(actor)))


def on_action(rt: SlackRuntime, ack: Ack, body: dict) -> None:
    """A button: run its command, share a stored answer, or (a link button) nothing but the ack."""
    ack()
    action = (body.get("actions") or [{}])[0]
    action_id = action.get("action_id", "")
    team, user = _team(body), (body.get("user") or {}).get("id")
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    key = receipt_key("action", team, action.get("action_ts"), action_id)
    target = Target(channel=channel or user, user=user, team=team, response_url=body.get("response_url"),
                    received_at=_now_iso(rt), in_channel=channel is None,  # from App Home: answer in a DM
                    thread_ts=_thread_of(body))
    if action_id == SHARE_ACTION:
        _share(rt, key, target, action.get("value") or "", (body.get("user") or {}).get("name"))
    elif is_run_action(action_id) and action.get("value"):
        actor = rt.actor(user, (body.get("user") or {}).get("name"), team)
        _accept_job(rt, key, ReplyJob(target=target, command=action["value"], actor=asdict(actor),
                                      shareable=True))


def _thread_of(body: dict) -> str | None:
    """The thread a clicked message sits in, so an answer for everyone ("Post this line") goes there."""
    return (body.get("container") or {}).get("thread_ts") or (body.get("message") or {}).get("thread_ts")


def _share(rt: SlackRuntime, key: str, target: Target, value: str, name: str | None) -> None:
    """"Share in channel": only the person the answer was for may post it (the policy's ANSWER_SHARE)."""
    actor = slack_actor(target.user or "", name, target.team, is_admin=False)  # admin rights do not apply
    shared = read_share_value(value)
    if isinstance(shared, AskedAgain):
        owner, kept = shared.owner, None
    elif isinstance(shared, HeldCopy):
        with rt.herald.reading() as session:
            found = held_answer(session, shared)
        if found is None:
            return
        owner, kept = found
    else:  # a value Herald never made
        return
    if not AccessPolicy().allows(actor, Action.ANSWER_SHARE, owner_id=owner):
        with rt.herald.session() as session:
            record_audit(session, at=rt.herald.clock.now(), actor=actor, action=Action.ANSWER_SHARE.value,
                         entity=REFUSED, detail={"outcome": "refused", "command": f"share {cut(value, 200)}"})
        return
    reply = _asked_again(rt, shared, target) if isinstance(shared, AskedAgain) else None
    if reply is not None and reply.is_error:  # no longer answers: say so to the person, post nothing
        _accept_job(rt, key, ReplyJob(target=target, messages=[m.to_dict() for m in render_messages(reply)]))
        return
    messages = render_messages(reply) if reply is not None else kept
    note = {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(f"Shared by {escape(name or 'a colleague')}", 200)}]}
    shared_messages = [SlackMessage(text=m.text, blocks=m.blocks + ([note] if i == len(messages) - 1 else []))
                       for i, m in enumerate(messages)]
    target.in_channel = True
    _accept_job(rt, key, ReplyJob(target=target, messages=[m.to_dict() for m in shared_messages]))


def _asked_again(rt: SlackRuntime, asked: AskedAgain, target: Target) -> Reply:
    """The owner's read-only command answered again as of when they asked (so "this week" is still
    their week); an error reply if it no longer only reads or no longer answers."""
    if not only_reads(asked.command, rt.herald.families):
        return error_reply("That answer can no longer be shared. Ask again, and share the new answer.")
    owner = rt.actor(asked.owner, None, target.team)
    outcome = run_command(replace(rt.herald, clock=FrozenClock(asked.asked_at)), asked.command, owner,
                          target.channel)
    return outcome.reply


def on_form_submitted(rt: SlackRuntime, ack: Ack, body: dict) -> None:
    """A form's Save: run the equivalent command; an error about a field is shown on that field."""
    view = body.get("view") or {}
    form = forms.form_by_callback(view.get("callback_id", ""))
    if form is None:
        return ack()
    values = forms.submitted_values(view)
    team, user = _team(body), (body.get("user") or {}).get("id")
    channel = forms.channel_of(view)
    values_key = uuid.uuid5(uuid.NAMESPACE_URL, repr(sorted(values.items()))).hex
    key = receipt_key("view", team, view.get("id"), view.get("hash"), values_key)
    actor = rt.actor(user, (body.get("user") or {}).get("name"), team)
    outcome = run_command(rt.herald, forms.command_line(form, values), actor, channel, key)
    if outcome is None:
        return ack()
    reply = outcome.reply
    if reply.is_error:
        message = reply.sections[0].text if reply.sections and reply.sections[0].text else reply.title
        errors = forms.field_errors(form, reply.error_field, message) or {form.fields[0].name: cut(message, 150)}
        return ack(response_action="errors", errors=errors)
    ack()
    with rt.herald.session() as session:
        messages = render_answer(session, rt.herald, reply, share_owner=None)
        enqueue(session, rt.herald, ReplyJob(target=Target(channel=channel, user=user, team=team),
                                             messages=[m.to_dict() for m in messages],
                                             notices=[asdict(n) for n in outcome.notices]))
    rt.worker.wake()


def on_log_coverage(rt: SlackRuntime, ack: Ack, body: dict) -> None:
    """Message shortcut "Log as coverage": log the message's first link as a coverage item."""
    ack()
    message = body.get("message") or {}
    team, user = _team(body), (body.get("user") or {}).get("id")
    channel = (body.get("channel") or {}).get("id")
    target = Target(channel=channel, user=user, team=team, response_url=body.get("response_url"),
                    received_at=_now_iso(rt))
    url = first_link(message.get("text") or "")
    key = receipt_key("shortcut", team, body.get("action_ts") or body.get("trigger_id"), LOG_COVERAGE_SHORTCUT)
    if url is None:
        note = SlackMessage(text="That message has no link to log.",
                            blocks=[{"type": "section", "text": {"type": "mrkdwn",
                                     "text": "That message has no link, so there is nothing to log as coverage."}}])
        _accept_job(rt, key, ReplyJob(target=target, messages=[note.to_dict()]))
        return
    actor = rt.actor(user, (body.get("user") or {}).get("name"), team)
    _accept_job(rt, key, ReplyJob(target=target, command=f"coverage log {url}", actor=asdict(actor)))


def first_link(text: str) -> str | None:
    """The first http(s) link in a Slack message's text (`<url|label>`, `<url>` or bare)."""
    match = _SLACK_LINK.search(text)
    if not match:
        return None
    return (match.group(1) or match.group(2)).replace("&amp;", "&")


def on_error(error: Exception, body: dict, logger: logging.Logger) -> BoltResponse:
    """Anything a listener did not handle: an apology with a reference id, never "dispatch_failed";
    an event that could not be recorded because the database is away is refused so Slack retries it."""
    kind = (body or {}).get("type")
    text = apology(error, f"slack request failed type={kind}")
    if kind == "event_callback" and database_unavailable(error):
        # An event has no one to read an apology: 503 makes Slack deliver it again (it was not recorded).
        return BoltResponse(status=503, body={"error": "database_unavailable", "reason": text},
                            headers={"content-type": "application/json", "retry-after": "30"})
    return BoltResponse(status=200, body={"response_type": "ephemeral", "text": text},
                        headers={"content-type": "application/json"})


def apology(error: BaseException, what: str) -> str:
    """The short answer to a request that failed outside the router, its cause logged once: "try
    again" when the database is away (nothing was written), else a reference id found in the log."""
    if database_unavailable(error):
        log.warning("%s: database unavailable (%s)", what, type(error).__name__)
        return f"Sorry: {DATABASE_BUSY if database_busy(error) else DATABASE_AWAY}"
    ref = uuid.uuid4().hex[:8]
    log.error("%s ref=%s", what, ref, exc_info=error)
    return f"Sorry, Herald hit an error answering that. If it keeps happening, give your admin this reference: {ref}"
