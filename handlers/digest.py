"""`/digest`: subscribe a channel or inbox to the weekly round-up or daily coverage digest, list and
stop subscriptions, preview or send a digest, approve a draft, and get the quarterly board update."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from digests.claims import request_send
from digests.board import board_docx, board_reply, build_board_update
from digests.compose import Window, daily_digest, weekly_roundup
from digests.schedule import (DEFAULT_DAYS, DEFAULT_TIMES, Schedule, ScheduleError, days_text, next_occurrence,
                              parse_days)
from handlers import digest_drafts as drafts
from handlers.args import Args, parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import is_id
from handlers.reply import Fact, Item, Reply, Section
from models.access import Action
from models.audit import record_audit
from models.destinations import destination_refusal
from models.teams_conversation import conversation_ref
from models.digest import (HOLIDAY_POLICIES, HOLIDAY_REGIONS, DigestRun, DigestSubscription, SubscriptionSpec,
                           active_subscriptions, create_subscription, deactivate_subscription, latest_runs)
from models.periods import PeriodError, parse_period, quarter_of, quarter_period

USAGE = ("/digest subscribe weekly|daily [monday 08:00] [here|#channel|email:addr|teams:<workflows-url>] "
         "[holidays:send|skip|next] [region:england-and-wales|scotland|northern-ireland] "
         "[approval:#channel deadline:MINUTES unapproved:send|hold]  ·  /digest list  ·  "
         "/digest unsubscribe <id>  ·  /digest preview weekly|daily|board  ·  /digest send weekly|daily  ·  "
         "/digest board [Q1 2023/24]  ·  /digest drop|add|approve <run> …")
OPTION_KEYS = frozenset({"email", "teams", "holidays", "region", "approval", "deadline", "unapproved"})
TIME = re.compile(r"^(\d{1,2})(?:[:.]([0-5]\d))?(am|pm)?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SUBSCRIBE_EXAMPLE = "/digest subscribe weekly monday 08:00 #leaders"


@dataclass(frozen=True)
class Where:
    """Where a subscription delivers: platform, the destination shown, and any secret URL."""

    platform: str
    destination: str
    secret_url: str | None = None


def handle(text: str, ctx: Context) -> Reply:
    """Dispatch `/digest <verb> …` to its handler."""
    verb, _, rest = text.strip().partition(" ")
    if verb.lower() not in VERBS:
        raise UsageError(f"I don't know /digest {verb[:30]!r}." if verb else "What should I do with digests?",
                         example="/digest preview weekly")
    return VERBS[verb.lower()](rest.strip(), ctx)


def _kind(word: str | None, allowed: tuple[str, ...], example: str) -> str:
    if not word or word.lower() not in allowed:
        raise UsageError(f"Say which digest: {' or '.join(allowed)}.", example=example)
    return word.lower()


def _where(args: Args, ctx: Context, words: list[str]) -> Where:
    if url := args.take("teams"):
        where = Where("teams", "Teams channel (Workflows URL saved, not shown)", url)
        _refuse_destination(where, ctx, "/digest subscribe weekly teams:https://…environment.api.powerplatform.com/…")
        return where
    if address := args.take("email"):
        if not EMAIL.match(address):
            raise UsageError(f"{address[:60]!r} is not an e-mail address.",
                             example="/digest subscribe weekly email:leader@council.gov.uk")
        _refuse_destination(Where("email", address), ctx, "/digest subscribe weekly email:leader@council.gov.uk")
        return Where("email", address)
    channel = next((w for w in words if w.startswith("#")), None)
    if channel:
        words.remove(channel)
        return Where("slack", channel)
    if "here" in words:
        words.remove("here")
    if ctx.actor.platform == "teams":
        if ctx.channel and ctx.settings.TEAMS_BOT_APP_ID and conversation_ref(ctx.session, ctx.channel):
            return Where("teams", ctx.channel)  # Herald's bot is installed here: it posts the digest itself
        raise UsageError("In Teams, give the channel's Workflows URL so Herald can post there "
                         "(or add Herald's Teams bot to this team and say 'here').",
                         example="/digest subscribe weekly teams:https://…")
    if not ctx.channel:
        raise UsageError("Say where the digest should go: #channel or email:address.", example=SUBSCRIBE_EXAMPLE)
    return Where("slack", ctx.channel)


def _refuse_destination(where: Where, ctx: Context, example: str) -> None:
    """The destination rules (`models.destinations`), for everyone, admins included."""
    reason = destination_refusal(where.platform, where.destination, where.secret_url,
                                 email_domains=ctx.settings.HERALD_EMAIL_DOMAINS,
                                 allow_private=ctx.settings.HERALD_ALLOW_PRIVATE_FEEDS)
    if reason:
        raise UsageError(f"{reason}.", example=example, field="teams" if where.platform == "teams" else "email")


def _when(kind: str, words: list[str]) -> tuple[str, int, int]:
    hour, minute = DEFAULT_TIMES[kind]
    days = DEFAULT_DAYS[kind]
    for word in list(words):
        if match := TIME.match(word):
            hour, minute = _clock_time(match)
            words.remove(word)
    if words:
        try:
            days = days_text(parse_days(",".join(words)))
        except ScheduleError as exc:
            raise UsageError(str(exc), example=SUBSCRIBE_EXAMPLE) from None
        words.clear()
    if kind == "weekly" and len(parse_days(days)) != 1:
        raise UsageError("A weekly digest goes on one day.", example=SUBSCRIBE_EXAMPLE)
    return days, hour, minute


def _clock_time(match: re.Match) -> tuple[int, int]:
    """08:00, 8.30, 8am, 5:30pm → (hour, minute)."""
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half and not 1 <= hour <= 12:
        raise UsageError(f"{match.group(0)} is not a time.", example=SUBSCRIBE_EXAMPLE)
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23:
        raise UsageError(f"{match.group(0)} is not a time (use 24-hour 08:00 or 8am).", example=SUBSCRIBE_EXAMPLE)
    return hour, minute


def _choice(args: Args, key: str, allowed: tuple[str, ...], default: str | None) -> str | None:
    value = args.take(key)
    if value is None:
        return default
    if value.lower() not in allowed:
        raise UsageError(f"{key}: use one of {', '.join(allowed)}.",
                         example=f"/digest subscribe weekly {key}:{allowed[0]}")
    return value.lower()


APPROVAL_EXAMPLE = "/digest subscribe weekly #leaders approval:#comms deadline:60"


def _approval(args: Args) -> tuple[str | None, int | None, str]:
    channel = args.take("approval")
    deadline = args.take("deadline")
    if channel is not None and not channel.startswith("#") and not channel.startswith("C"):
        raise UsageError("approval: give the comms channel, e.g. approval:#comms", example=APPROVAL_EXAMPLE)
    if deadline is not None and (not is_id(deadline) or not 1 <= int(deadline) <= 10080):
        raise UsageError("deadline: minutes after the due time, 1 to 10080.", example=APPROVAL_EXAMPLE)
    unapproved = _choice(args, "unapproved", ("send", "hold"), "send")
    return channel, int(deadline) if deadline else None, unapproved


def subscribe(text: str, ctx: Context) -> Reply:
    """Create a subscription; the Workflows URL is stored but never shown back."""
    ctx.require(Action.DIGEST_SUBSCRIBE)
    args = parse_args(text, OPTION_KEYS)
    words = [w.lower() if not w.startswith("#") else w for w in args.words]
    kind = _kind(words.pop(0) if words else None, ("weekly", "daily"), SUBSCRIBE_EXAMPLE)
    where = _where(args, ctx, words)
    days, hour, minute = _when(kind, words)
    policy = _choice(args, "holidays", HOLIDAY_POLICIES, "send")
    region = _choice(args, "region", HOLIDAY_REGIONS, "england-and-wales")
    approval, deadline, unapproved = _approval(args)
    if args.options:
        raise UsageError(f"I don't know the option {next(iter(args.options))}:", example=SUBSCRIBE_EXAMPLE)
    spec = SubscriptionSpec(kind=kind, platform=where.platform, destination=where.destination,
                            secret_url=where.secret_url, workspace=ctx.actor.workspace, day_of_week=days,
                            hour=hour, minute=minute, holiday_region=region, holiday_policy=policy,
                            approval_destination=approval, approval_deadline_minutes=deadline,
                            on_unapproved=unapproved)
    sub = create_subscription(ctx.session, spec, ctx.actor.user_id, ctx.now())
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="digest.subscribe", entity="digest_subscription",
                 entity_id=sub.id, detail={"kind": kind, "platform": where.platform})
    return Reply(title=f"Subscribed: {kind} digest #{sub.id}",
                 sections=(Section(facts=_subscription_facts(sub, ctx)),),
                 context=(f"Stop it with /digest unsubscribe {sub.id}.",))


def _schedule_text(sub: DigestSubscription) -> str:
    extra = "" if sub.holiday_policy == "send" else f"; bank holidays ({sub.holiday_region}): {sub.holiday_policy}"
    return f"{sub.day_of_week} at {sub.hour:02d}:{sub.minute:02d}{extra}"


def _next_run(sub: DigestSubscription, ctx: Context) -> str:
    schedule = Schedule(sub.kind, parse_days(sub.day_of_week), sub.hour, sub.minute, ctx.tz,
                        sub.holiday_region, sub.holiday_policy)
    occ = next_occurrence(schedule, ctx.now())
    return f"{occ.due_at.astimezone(ctx.tz):%a %-d %b %Y %H:%M}" if occ else "never"


def _subscription_facts(sub: DigestSubscription, ctx: Context, last: DigestRun | None = None) -> tuple[Fact, ...]:
    facts = [Fact("Goes to", sub.destination if sub.platform != "email" else f"e-mail {sub.destination}"),
             Fact("When", _schedule_text(sub)), Fact("Next", _next_run(sub, ctx))]
    if sub.approval_required:
        facts.append(Fact("Approval", f"draft to {sub.approval_destination}; unapproved: {sub.on_unapproved}"))
    if last is not None:
        facts.append(Fact("Last", _run_outcome(last, ctx)))
    return tuple(facts)


def _run_outcome(run: DigestRun, ctx: Context) -> str:
    when = (run.sent_at or run.due_at).astimezone(ctx.tz)
    outcome = f"{run.status}{' (late)' if run.late and run.status == 'sent' else ''} · {when:%a %-d %b %H:%M}"
    if run.status == "sent" and run.last_error:
        outcome += f" · {run.last_error}"
    if run.status == "failed" and run.last_error:
        retry = f", retrying {run.next_attempt_at.astimezone(ctx.tz):%H:%M}" if run.next_attempt_at else ", gave up"
        outcome += f" · {run.last_error}{retry}"
    return outcome + f" · run {run.id}"


def list_subscriptions(text: str, ctx: Context) -> Reply:
    """Every active subscription with its next run and its last run's outcome."""
    subs = active_subscriptions(ctx.session)
    last = latest_runs(ctx.session, [s.id for s in subs])
    sections = tuple(Section(heading=f"#{s.id} {s.kind}", facts=_subscription_facts(s, ctx, last.get(s.id)))
                     for s in subs)
    if not sections:
        sections = (Section(text="No digest subscriptions yet."),)
    return Reply(title="Digest subscriptions", sections=sections, context=(f"Add one: {SUBSCRIBE_EXAMPLE}",))


def unsubscribe(text: str, ctx: Context) -> Reply:
    """Stop a subscription by its number."""
    number = drafts.leading_number(text, "/digest unsubscribe 3")
    found = ctx.session.get(DigestSubscription, number)
    if found is None or not found.active:
        raise NotFound(f"There is no active digest subscription #{number}. See /digest list.")
    ctx.require(Action.DIGEST_UNSUBSCRIBE, owner_id=found.created_by)
    sub = deactivate_subscription(ctx.session, number, ctx.now())
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="digest.unsubscribe",
                 entity="digest_subscription", entity_id=number)
    return Reply(title=f"Unsubscribed digest #{number}",
                 sections=(Section(text=f"No more {sub.kind} digests to {sub.destination}."),))


def preview(text: str, ctx: Context) -> Reply:
    """The digest as it would look now, shown only to the asker."""
    kind = _kind(text.split()[0] if text.split() else None, ("weekly", "daily", "board"), "/digest preview weekly")
    if kind == "board":
        return board("", ctx)
    today = ctx.now().astimezone(ctx.tz).date()
    if kind == "weekly":
        reply = weekly_roundup(ctx.session, Window(today - timedelta(days=7), today, ctx.tz), ctx.now())
    else:
        reply = daily_digest(ctx.session, Window(today - timedelta(days=1), today, ctx.tz), ctx.now())
    return Reply(title=f"Preview: {reply.title}", sections=reply.sections, chart=reply.chart,
                 context=reply.context + ("Only you can see this preview.",), visibility="private")


def send(text: str, ctx: Context) -> Reply:
    """Admins: queue the current period's digest for every subscription of a kind (still exactly once)."""
    ctx.require(Action.DIGEST_SEND)
    kind = _kind(text.split()[0] if text.split() else None, ("weekly", "daily"), "/digest send weekly")
    subs = [s for s in active_subscriptions(ctx.session) if s.kind == kind]
    if not subs:
        raise NotFound(f"No {kind} subscriptions to send to. Add one: {SUBSCRIBE_EXAMPLE}")
    lines = [request_send(ctx.session, sub, ctx.now(), ctx.tz, ctx.actor.user_id) for sub in subs]
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="digest.send", entity="digest_subscription",
                 detail={"kind": kind, "subscriptions": [s.id for s in subs]})
    return Reply(title=f"Sending the {kind} digest",
                 sections=(Section(items=tuple(Item(title=line) for line in lines)),),
                 context=("The clock posts it within a minute; /digest list shows the outcome.",))


def board(text: str, ctx: Context) -> Reply:
    """The quarterly board update (default: the last complete quarter) as a Word document."""
    try:
        if text.strip():
            quarter = parse_period(text, ctx.now(), ctx.tz)
        else:
            q, fy = quarter_of(ctx.now().astimezone(ctx.tz).date() - timedelta(days=92))
            quarter = quarter_period(q, fy, ctx.tz)
    except PeriodError as exc:
        raise UsageError(str(exc), example="/digest board Q1 2023/24") from None
    if quarter.unit != "quarter":
        raise UsageError("The board update is for a quarter, e.g. Q1 2023/24.", example="/digest board Q1 2023/24")
    update = build_board_update(ctx.session, quarter, ctx.now())
    return board_reply(update, board_docx(update))


VERBS = {"subscribe": subscribe, "list": list_subscriptions, "unsubscribe": unsubscribe,
         "preview": preview, "send": send, "board": board, "drop": drafts.drop, "add": drafts.add_line,
         "approve": drafts.approve}

FAMILY = Family(
    name="digest",
    summary="Digests: the weekly round-up, daily coverage and the quarterly board update",
    usage=USAGE,
    examples=("/digest preview weekly", "/digest subscribe weekly monday 08:00 here", "/digest board Q1 2023/24",),
    handle=handle,
    reads=lambda rest: first_word(rest) in ("list", "preview", "board"),
)
