"""The full Teams bot on `POST /api/messages`, on the Microsoft 365 Agents SDK. All SDK code lives here.

The SDK ships only aiohttp and FastAPI hosts; its framework-neutral seam is
`HttpAdapterBase.process_request`, run here from a Flask view with `asyncio.run` (reference/teams.md
§1a). Herald checks the caller itself before the SDK sees anything (`bot_auth`: issuer allow-list,
audience, expiry, service URL), then the SDK parses the activity, runs `HeraldAgent` and posts the
answer back to the conversation's service URL with a bot token from `bot_tokens.BotTokens` (a
client-credentials grant whose endpoint tests point at a loopback fake with `TEAMS_BOT_TOKEN_URL`).

Proactive posts (`send_proactive`, `send_cards`) reuse the same adapter to continue a stored
conversation: digests subscribed "here" in Teams (`bot/delivery.py`), and slow answers and notices,
which are durable jobs (`bot/teams/jobs.py`) posted by the shared job worker (`post_to_conversation`).

The SDK churns between minor releases, so versions are pinned exactly in requirements.txt.
"""
from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any, Callable

import aiohttp
from flask import Blueprint, Flask, Response, abort, current_app, jsonify, request
from microsoft_agents.activity import Activity, ChannelAccount, ConversationAccount, ConversationReference
from microsoft_agents.hosting.core import (ActivityHandler, CardFactory, ClaimsIdentity, HttpAdapterBase,
                                           MessageFactory, TurnContext)
from microsoft_agents.hosting.core.authorization import AgentAuthConfiguration
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from bot.json_input import BadJson, parse_json
from bot.teams import enquiry_form, lines_form, press_form
from bot.teams.card_forms import CardForm
from bot.teams.activity import command_text
from bot.teams.bot_auth import BotTokenValidator, KeysUnavailable, SigningKeys, Unauthorized
from bot.teams.bot_tokens import BotTokenError, BotTokens
from bot.teams.cards import render_card, render_cards
from bot.teams.jobs import TeamsReplies, TeamsReplyJob, teams_replies
from bot.teams.late import apology
from bot.teams.pacing import RateLimiter, limiter_for
from bot.tenancy import activity_tenant, tenant_allowed
from handlers.context import Actor
from handlers.reply import Reply, Section
from models.inbound import ReceivedEvent
from models.teams_conversation import ConversationRef, forget_conversation, remember_conversation
from runtime import Herald

log = logging.getLogger("herald.teams.bot")
bp = Blueprint("teams_bot", __name__)
EXTENSION = "herald.teams_bot"
DEDUPE_PLATFORM = "teams-bot"
REPLY_BUDGET_SECONDS = 10.0  # the connector gives up after about 15 s
PROACTIVE_ATTEMPTS = 4
PROACTIVE_RETRY_STATUSES = frozenset({429, 502, 503, 504})  # not 500: the post may have landed
# The forms the bot sends on request and runs when submitted.
FORMS = (press_form.FORM, enquiry_form.FORM, lines_form.FORM)

CONVERSATION_ID_MAX, SERVICE_URL_MAX = 255, 500  # the teams_conversations column sizes
Runner = Callable[[str, Actor, str], tuple]


class ProactiveError(Exception):
    """A proactive post did not land; `blocked` means the bot was removed or blocked there."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status
        self.blocked = status == 403


def bot_enabled(herald: Herald) -> bool:
    """True when the bot's Entra app registration is configured (config.py checks all three)."""
    return bool(herald.settings.TEAMS_BOT_APP_ID)


@dataclass
class SdkTokenProvider:
    """The SDK's `AccessTokenProviderBase` over Herald's `BotTokens` (the SDK's calls are async)."""

    tokens: BotTokens

    @property
    def configuration(self) -> AgentAuthConfiguration:
        s = self.tokens.settings
        return AgentAuthConfiguration(client_id=s.TEAMS_BOT_APP_ID, tenant_id=s.TEAMS_BOT_TENANT_ID)

    async def get_access_token(self, resource_url: str, scopes: list[str] | None = None,
                               force_refresh: bool = False) -> str:
        """A bearer token for `scopes` (default `<resource>/.default`)."""
        return self.tokens.token((scopes or [resource_url.rstrip("/") + "/.default"])[0], force_refresh)


@dataclass
class OneConnection:
    """The SDK's `Connections`: Herald's bot has one app registration, so every lookup gets it."""

    tokens: SdkTokenProvider

    def get_token_provider(self, claims_identity: ClaimsIdentity, service_url: str) -> SdkTokenProvider:
        return self.tokens

    def get_default_connection(self) -> SdkTokenProvider:
        return self.tokens

    def get_default_connection_configuration(self) -> AgentAuthConfiguration:
        return self.tokens.configuration


class FlaskCloudAdapter(HttpAdapterBase):
    """The SDK adapter for Flask; a failed turn is logged and answered with an apology, never details."""

    def __init__(self, connections: OneConnection):
        super().__init__(connection_manager=connections)

        async def on_turn_error(context: TurnContext, error: Exception) -> None:
            log.error("Teams bot turn failed: %s", type(error).__name__, exc_info=error)
            if not isinstance(error, (aiohttp.ClientError, BotTokenError)):  # Teams unreachable: don't retry
                await context.send_activity(card_activity(render_card(apology())))

        self.on_turn_error = on_turn_error


@dataclass
class FlaskRequest:
    """The SDK's `HttpRequestProtocol` over a Flask request whose body and claims are already checked."""

    method: str
    headers: Any
    body: dict
    claims: ClaimsIdentity

    async def json(self) -> dict:
        return self.body

    def get_claims_identity(self) -> ClaimsIdentity:
        return self.claims

    def get_path_param(self, name: str) -> str:
        return ""


class HeraldAgent(ActivityHandler):
    """What the bot does with each activity: remember where it lives, run commands, handle the form.

    The connector waits about 15 seconds for the HTTP answer, and Herald's reply is posted inside it.
    A command not done within `reply_budget` seconds is answered "Working on it…" at once, and its real
    answer is posted into the same thread when ready (a proactive reply to the message).
    """

    def __init__(self, herald: Herald, adapter: FlaskCloudAdapter, replies: TeamsReplies,
                 run: Runner | None = None, reply_budget: float = REPLY_BUDGET_SECONDS):
        self.herald, self.adapter, self.replies, self.reply_budget = herald, adapter, replies, reply_budget
        self.run: Runner = run or herald.run_command  # the press form's submissions; tests wrap it

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        self._remember(activity)
        actor = _actor(activity, self.herald)
        channel = _channel_of(activity)
        text = command_text(activity.text or "")
        receipt = receipt_of(activity, self.herald)
        submitted = next((f for f in FORMS if f.is_submission(activity.value)), None)
        requested = next((f for f in FORMS if f.is_request(text)), None)
        if submitted is not None:
            if not self._claim(receipt):
                return
            card, logged = submit_form(submitted, self.run, activity.value, actor, channel)
            if logged and activity.reply_to_id:
                await _replace_form(turn_context, activity.reply_to_id, card)
                return
        elif requested is not None:
            if not self._claim(receipt):
                return
            card = requested.card()
        else:
            reply = self._answer(activity, text, actor, channel, receipt)
            if reply is None:
                return
            card = render_card(reply)
        await turn_context.send_activity(card_activity(card))

    def _claim(self, receipt: ReceivedEvent | None) -> bool:
        """Record a message's receipt; False (logged) when the connector delivered it before."""
        if receipt is None:
            return True
        try:
            with self.herald.session() as session:
                session.add(receipt)
                session.flush()
        except IntegrityError:
            log.info("Teams bot activity delivered twice; not run again")
            return False
        return True

    def _answer(self, activity: Activity, text: str, actor: Actor, channel: str,
                receipt: ReceivedEvent | None) -> Reply | None:
        """The command's reply if ready within the budget; else "working on it", and the durable job's
        answer is posted as a reply in the message's thread when ready (after a restart too). The job
        is written with the message's receipt; None when the message was delivered before."""
        reference = activity.get_conversation_reference().model_dump(mode="json", by_alias=True, exclude_none=True)
        job = TeamsReplyJob(command=text, actor=asdict(actor), channel=channel, conversation=reference,
                            reply_to=activity.id)
        job_id = self.replies.accept(job, receipt)
        if job_id is None:
            log.info("Teams bot activity delivered twice; not run again")
            return None
        reply = self.replies.answer(job_id, text, self.reply_budget)
        if reply is not None:
            return reply
        return Reply(title="Working on it…",
                     sections=(Section(text="The answer will be posted in this thread as soon as it is ready."),))

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait for slow answers still running or waiting to be posted (shutdown, tests); True if none is left."""
        return self.replies.drain(timeout)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if any(m.id == bot_id for m in activity.members_added or ()):
            self._remember(activity)
        elif any(m.id == bot_id for m in activity.members_removed or ()):
            self._forget(activity)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        self._remember(turn_context.activity)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        self._forget(turn_context.activity)

    def _remember(self, activity: Activity) -> None:
        ref = reference_of(activity)
        if len(ref.conversation_id) > CONVERSATION_ID_MAX or len(ref.service_url) > SERVICE_URL_MAX:
            log.warning("Teams conversation not stored: its id or service URL is longer than Herald keeps")
            return  # a cut id would post somewhere else, so keep nothing rather than a wrong reference
        with self.herald.session() as session:
            remember_conversation(session, ref, self.herald.clock.now())

    def _forget(self, activity: Activity) -> None:
        with self.herald.session() as session:
            forget_conversation(session, _base_conversation_id(activity.conversation.id), self.herald.clock.now())


def submit_form(form: CardForm, run: Runner, value: dict, actor: Actor, channel: str) -> tuple[dict, bool]:
    """Run a submitted form as its command (`/press log …`, `/enquiry log …`): (the answer's card, True),
    or (the form marked, False)."""
    answers = form.answers(value)
    reply, _ctx = run(form.command_line(answers), actor, channel)
    if reply.is_error:
        return form.card(answers, error=reply), False
    return render_card(reply), True


async def _replace_form(turn_context: TurnContext, form_activity_id: str, card: dict) -> None:
    """Show the answer in place of the submitted form, so it cannot be sent twice; else post it."""
    update = card_activity(card)
    update.id = form_activity_id
    try:
        await turn_context.update_activity(update)
    except aiohttp.ClientError as exc:
        log.info("Teams bot could not replace the form (%s); answering in a new message", type(exc).__name__)
        await turn_context.send_activity(card_activity(card))


def reference_of(activity: Activity) -> ConversationRef:
    """The conversation reference to keep from an inbound activity (thread suffix dropped)."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") if isinstance(channel_data.get("team"), dict) else {}
    tenant = channel_data.get("tenant") if isinstance(channel_data.get("tenant"), dict) else {}
    conversation = activity.conversation
    return ConversationRef(
        conversation_id=_base_conversation_id(conversation.id), service_url=activity.service_url or "",
        bot_id=(activity.recipient.id if activity.recipient else "")[:200],
        channel_id=str(activity.channel_id or "msteams")[:20],
        tenant_id=(str(conversation.tenant_id or tenant.get("id") or "")[:64] or None),
        conversation_type=((conversation.conversation_type or "")[:20] or None),
        team_id=(str(team["id"])[:255] if team.get("id") else None))


def _base_conversation_id(conversation_id: str) -> str:
    return conversation_id.split(";messageid=", 1)[0]


def _channel_of(activity: Activity) -> str:
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    channel = channel_data.get("channel") if isinstance(channel_data.get("channel"), dict) else {}
    return str(channel.get("id") or _base_conversation_id(activity.conversation.id))[:200]


def _actor(activity: Activity, herald: Herald) -> Actor:
    sender = activity.from_property or ChannelAccount(id="unknown")
    user_id = str(sender.aad_object_id or sender.id)[:100]
    tenant = activity.conversation.tenant_id if activity.conversation else None
    return Actor(user_id=user_id, name=(sender.name[:100] if sender.name else None), platform="teams",
                 workspace=(tenant[:40] if tenant else None),
                 is_admin=user_id in herald.settings.TEAMS_ADMIN_USER_IDS)


def card_activity(card: dict) -> Activity:
    """A message activity carrying one Adaptive Card."""
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


@dataclass
class TeamsBot:
    """The bot's parts, built once per app: token checks, the SDK adapter and the agent."""

    herald: Herald
    validator: BotTokenValidator
    adapter: FlaskCloudAdapter
    agent: HeraldAgent

    @classmethod
    def build(cls, herald: Herald, replies: TeamsReplies) -> "TeamsBot":
        """Wire the bot from settings; the key and token URLs come from settings so tests can redirect them.
        Slow answers are `replies`' durable jobs, posted back through this bot's adapter."""
        keys = SigningKeys(openid_url=herald.settings.TEAMS_BOT_OPENID_URL, clock=herald.clock)
        validator = BotTokenValidator(app_id=herald.settings.TEAMS_BOT_APP_ID, keys=keys, clock=herald.clock)
        adapter = make_adapter(herald)
        replies.post_to_conversation = partial(_post_job_cards, herald, adapter)
        return cls(herald=herald, validator=validator, adapter=adapter, agent=HeraldAgent(herald, adapter, replies))

def receipt_of(activity: Activity, herald: Herald) -> ReceivedEvent | None:
    """The dedupe receipt of a message (activity ids are unique within a conversation); None without an id."""
    if not activity.id:
        return None
    key = f"{activity.conversation.id}|{activity.id}"[:255]
    return ReceivedEvent(platform=DEDUPE_PLATFORM, key=key, received_at=herald.clock.now())


def make_adapter(herald: Herald) -> FlaskCloudAdapter:
    """An SDK adapter whose outbound calls use Herald's client-credentials token provider."""
    return FlaskCloudAdapter(OneConnection(SdkTokenProvider(BotTokens(herald.settings, herald.clock))))


def send_proactive(herald: Herald, conversation_ref: ConversationRef, reply: Reply,
                   adapter: FlaskCloudAdapter | None = None,
                   sleep: Callable[[float], None] = time.sleep) -> list[str]:
    """Post `reply` as a new message in a stored conversation (`POST {serviceUrl}v3/conversations/{id}/activities`).

    A long reply goes as several cards, in order, at most 4 a second per conversation (Teams allows 7).
    A card refused with 429/502/503/504 is sent again after `Retry-After` (or 1, 2… s); a 500 is not,
    as the post may have landed. Returns the new activity ids. Raises `ProactiveError`; a 403 (the bot
    was removed or blocked) also marks the conversation as gone.
    """
    return send_cards(herald, conversation_ref, render_cards(reply), adapter, sleep)


def send_cards(herald: Herald, conversation_ref: ConversationRef, cards: list[dict],
               adapter: FlaskCloudAdapter | None = None, sleep: Callable[[float], None] = time.sleep) -> list[str]:
    """Post already rendered cards as new messages in a stored conversation (`send_proactive`'s rules);
    a digest posts one card at a time this way, so a retry resumes at the first card not delivered."""
    app_id = herald.settings.TEAMS_BOT_APP_ID
    reference = ConversationReference(
        channel_id=conversation_ref.channel_id, service_url=conversation_ref.service_url,
        agent=ChannelAccount(id=conversation_ref.bot_id or f"28:{app_id}"),
        conversation=ConversationAccount(id=conversation_ref.conversation_id, tenant_id=conversation_ref.tenant_id,
                                         conversation_type=conversation_ref.conversation_type))
    return _post_cards(herald, reference, None, cards, adapter, sleep)


def post_to_conversation(herald: Herald, reference: dict, reply_to: str | None, cards: list[dict],
                         adapter: FlaskCloudAdapter | None = None,
                         sleep: Callable[[float], None] = time.sleep) -> list[str]:
    """Post rendered cards into a conversation stored as a reference (a durable job's answer): as a
    reply in the thread of message `reply_to`, or a new message when None. Same rules as `send_proactive`."""
    reference = ConversationReference.model_validate(reference)
    if reply_to is None:  # a new post in the channel, not in the thread the reference was taken from
        reference.conversation.id = _base_conversation_id(reference.conversation.id)
    return _post_cards(herald, reference, reply_to, cards, adapter, sleep)


def _post_job_cards(herald: Herald, adapter: FlaskCloudAdapter, reference: dict, reply_to: str | None,
                    cards: list[dict]) -> None:
    """A durable job's cards into its conversation; nothing to retry once the bot was removed from it."""
    try:
        post_to_conversation(herald, reference, reply_to, cards, adapter)
    except ProactiveError as exc:
        if not exc.blocked:
            raise
        log.warning("Teams bot answer not posted: the bot was removed or blocked there")


def _post_cards(herald: Herald, reference: ConversationReference, reply_to: str | None, cards: list[dict],
                adapter: FlaskCloudAdapter | None, sleep: Callable[[float], None]) -> list[str]:
    adapter = adapter or make_adapter(herald)
    continuation = reference.get_continuation_activity()
    continuation.id = reply_to  # without an id a plain post; with one, a reply to it (reference/teams.md §6)
    conversation_id = _base_conversation_id(reference.conversation.id)
    sent: list[str] = []
    failed: list[Exception] = []  # the adapter's turn-error hook would swallow it; keep it to raise here
    limiter = limiter_for(f"teams-bot:{conversation_id}")

    async def post_all(turn_context: TurnContext) -> None:
        try:
            for card in cards:
                sent.append(await _send_card(turn_context, card, limiter, sleep))
        except (aiohttp.ClientError, BotTokenError) as exc:
            failed.append(exc)

    try:
        asyncio.run(adapter.continue_conversation(herald.settings.TEAMS_BOT_APP_ID, continuation, post_all))
    except (aiohttp.ClientError, BotTokenError) as exc:
        failed.append(exc)
    if failed:
        _raise_proactive(herald, conversation_id, failed[0], delivered=len(sent))
    return sent


async def _send_card(turn_context: TurnContext, card: dict, limiter: RateLimiter,
                     sleep: Callable[[float], None]) -> str:
    """Send one card, retrying only answers that say it was not posted; its new activity id."""
    attempt = 1
    while True:
        limiter.wait()
        try:
            response = await turn_context.send_activity(card_activity(card))
            return getattr(response, "id", "") or ""
        except aiohttp.ClientResponseError as exc:
            if exc.status not in PROACTIVE_RETRY_STATUSES or attempt == PROACTIVE_ATTEMPTS:
                raise
            sleep(_retry_delay(exc, attempt))
            attempt += 1


def _retry_delay(exc: aiohttp.ClientResponseError, attempt: int) -> float:
    """Seconds before the next try: the `Retry-After` seconds if given, else 1, 2, 4…; at most 60."""
    header = exc.headers.get("Retry-After", "") if exc.headers else ""
    delay = float(header) if header.strip().isascii() and header.strip().isdigit() else float(2 ** (attempt - 1))
    return min(delay, 60.0)


def _raise_proactive(herald: Herald, conversation_id: str, error: Exception, delivered: int) -> None:
    """Turn a failed proactive post into `ProactiveError`; a 403 means the bot is gone from there."""
    if isinstance(error, BotTokenError):
        raise ProactiveError(f"no bot token: {error}", error.status)
    status = error.status if isinstance(error, aiohttp.ClientResponseError) else None
    if status == 403:
        with herald.session() as session:
            forget_conversation(session, conversation_id, herald.clock.now())
    what = f"Teams refused the post (HTTP {status})" if status else f"Teams could not be reached ({type(error).__name__})"
    raise ProactiveError(f"{what} after {delivered} card(s) were delivered", status)


def register(app: Flask, herald: Herald) -> None:
    """Mount `POST /api/messages` when the bot's app registration is configured; otherwise nothing."""
    if not bot_enabled(herald):
        return
    app.extensions[EXTENSION] = TeamsBot.build(herald, teams_replies(app, herald))
    app.register_blueprint(bp)


@bp.post("/api/messages")
def messages():
    """One activity from Teams: checked, parsed, run, answered (202, or JSON for invoke/expectReplies)."""
    bot: TeamsBot = current_app.extensions[EXTENSION]
    try:
        token = bot.validator.verify(request.headers.get("Authorization"))
    except Unauthorized as exc:
        abort(401, description=f"Not the Bot Connector for this bot: {exc}.")
    except KeysUnavailable as exc:
        log.warning("Teams bot: %s", exc)
        abort(503, description="Cannot check the caller just now (signing keys unavailable); try again.")
    try:
        body = parse_json(request.get_data(cache=True))
    except BadJson as exc:
        abort(400, description=f"The body must be a JSON activity: {exc}")
    activity = _activity(body)
    if not tenant_allowed(bot.herald.settings.HERALD_ALLOWED_TENANTS, activity_tenant(body)):
        abort(403, description="This Herald serves one organisation; this tenant is not in its HERALD_ALLOWED_TENANTS.")
    try:
        token.check_activity(str(activity.channel_id or ""), activity.service_url)
    except Unauthorized as exc:
        abort(401, description=f"Not the Bot Connector for this bot: {exc}.")
    bot.agent.replies.worker.start()  # also picks up answers a previous process left unposted
    return _process(bot, body, ClaimsIdentity(token.claims, authentication_type="Bearer"))


def _activity(body: Any) -> Activity:
    if not isinstance(body, dict):
        abort(400, description="The body must be a JSON activity.")
    try:
        activity = Activity.model_validate(body)
    except ValidationError as exc:
        abort(400, description=f"Not a Bot Framework activity ({exc.error_count()} field(s) invalid).")
    if not activity.type or not activity.conversation or not activity.conversation.id:
        abort(400, description="The activity needs a type and a conversation.id.")
    return activity


def _process(bot: TeamsBot, body: dict, claims: ClaimsIdentity):
    flask_request = FlaskRequest(method=request.method, headers=request.headers, body=body, claims=claims)
    try:
        result = asyncio.run(bot.adapter.process_request(flask_request, bot.agent))
    except (aiohttp.ClientError, BotTokenError) as exc:
        log.warning("Teams bot could not answer: %s", exc if isinstance(exc, BotTokenError) else type(exc).__name__)
        abort(502, description="Herald could not post its answer back to Teams.")
    if result.body is None:
        return Response(status=result.status_code)
    body_out = result.body
    if hasattr(body_out, "model_dump"):
        body_out = body_out.model_dump(by_alias=True, exclude_none=True, mode="json")
    return jsonify(body_out), result.status_code
