"""The Slack side of a running Herald: the Bolt app, its Web API clients, the job worker.

Built by `build_slack(herald)` from settings; constructing it makes no network call. Three ways to
connect, chosen by the environment: one workspace (`SLACK_BOT_TOKEN` + `SLACK_SIGNING_SECRET`),
Socket Mode (`SLACK_APP_TOKEN`, no public URL) and multi-workspace OAuth (`SLACK_CLIENT_ID` +
`SLACK_CLIENT_SECRET`, installations stored in Herald's database).
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.error import BoltError
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store import Installation
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.slack.actors import AdminDirectory, slack_actor
from bot.jobs import JobWorker
from bot.slack.jobs import REPLY_KIND, SlackReplies
from bot.slack.post import make_web_client
from bot.tenancy import REFUSED_PAGE, install_allowed
from config import Settings
from handlers.context import Actor
from models.slack_install import BOTS_TABLE, INSTALLATIONS_TABLE, OAUTH_STATES_TABLE
from runtime import Herald

log = logging.getLogger("herald.slack")

BOT_SCOPES = ("commands", "chat:write", "chat:write.public", "app_mentions:read", "files:write",
              "channels:history", "groups:history",  # a resumed digest looks for its part already posted
              "usergroups:read", "users:read",
              "im:history",  # questions typed in Herald's DM (message.im)
              "im:write")  # a reminder opens its owner's DM
OAUTH_STATE_SECONDS = 600
ACK_BUDGET_SECONDS = 2.0  # Slack gives up on an acknowledgement after 3 s


def slack_configured(settings: Settings) -> bool:
    """Whether any Slack connection is configured."""
    return bool(settings.SLACK_SIGNING_SECRET or settings.SLACK_APP_TOKEN or settings.SLACK_CLIENT_ID)


@dataclass
class SlackRuntime:
    """Everything Herald's Slack listeners share within one process."""

    herald: Herald
    client: WebClient  # the single-workspace client (no token under OAuth)
    admins: AdminDirectory
    installation_store: SQLAlchemyInstallationStore | None = None
    worker: JobWorker | None = None
    bolt: App | None = None
    ack_budget_seconds: float = ACK_BUDGET_SECONDS  # a quick command answering later than this is sent on
    quick_pool: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(8, "herald-slack-cmd"))
    _team_clients: dict[str, WebClient] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def client_for(self, team: str | None) -> WebClient:
        """The Web API client holding the bot token for `team` (OAuth) or the one workspace's."""
        if self.installation_store is None or not team:
            return self.client
        with self._lock:
            cached = self._team_clients.get(team)
        if cached:
            return cached
        bot = self.installation_store.find_bot(enterprise_id=None, team_id=team)
        if bot is None:
            raise LookupError(f"Herald is not installed in Slack workspace {team}")
        client = make_web_client(self.herald.settings, token=bot.bot_token)
        with self._lock:
            self._team_clients[team] = client
        return client

    def actor(self, user_id: str, name: str | None, team: str | None) -> Actor:
        """The Herald actor for a Slack user, admin rights included."""
        is_admin = self.admins.is_admin(user_id, team, self.client_for(team))
        return slack_actor(user_id, name, team, is_admin)


def build_slack(herald: Herald, worker: JobWorker | None = None) -> SlackRuntime:
    """The Slack runtime for `herald`, its Bolt app with every listener registered. No network.

    Slack's jobs are finished by `worker` (the app's one job worker, shared with Teams)."""
    from bot.slack.listeners import register_listeners

    settings = herald.settings
    runtime = SlackRuntime(herald=herald, client=make_web_client(settings), admins=AdminDirectory(settings))
    runtime.worker = worker or JobWorker(herald)
    runtime.worker.handle(REPLY_KIND, SlackReplies(herald, runtime.worker, runtime.client_for))
    runtime.bolt = _bolt_app(runtime)
    register_listeners(runtime.bolt, runtime)
    return runtime


class InstallRefused(BoltError):
    """An OAuth install from a workspace or Grid organisation not in HERALD_ALLOWED_WORKSPACES."""


class OneOrganisationOAuthFlow(OAuthFlow):
    """Bolt's OAuth flow, storing an installation only for a workspace this Herald serves."""

    allowed: tuple[str, ...] = ()

    def store_installation(self, request: BoltRequest, installation: Installation) -> None:
        if not install_allowed(self.allowed, installation.team_id, installation.enterprise_id):
            log.warning("OAuth install refused: team=%s enterprise=%s not in HERALD_ALLOWED_WORKSPACES",
                        installation.team_id, installation.enterprise_id)
            raise InstallRefused("not in HERALD_ALLOWED_WORKSPACES")
        super().store_installation(request, installation)


def _install_failed(args: FailureArgs) -> BoltResponse:
    """A refused install gets a page that says why and what to do; other failures Bolt's own page."""
    if isinstance(args.error, InstallRefused):
        return BoltResponse(status=403, body=REFUSED_PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    return args.default.failure(args)


class _NotTheClientsOwnToken(logging.Filter):
    """Drops Bolt's "`token` will be unused" warning: Bolt reads SLACK_BOT_TOKEN from the environment
    even when given a client, and Herald's client is the one holding that very token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


_BOLT_LOG = logging.getLogger("herald.slack.bolt")
_BOLT_LOG.addFilter(_NotTheClientsOwnToken())


def _bolt_app(runtime: SlackRuntime) -> App:
    settings = runtime.herald.settings
    common = dict(signing_secret=settings.SLACK_SIGNING_SECRET or None, process_before_response=True,
                  request_verification_enabled=False,  # verified before Bolt, with Herald's clock
                  logger=_BOLT_LOG)
    if settings.SLACK_CLIENT_ID:
        runtime.installation_store = SQLAlchemyInstallationStore(
            client_id=settings.SLACK_CLIENT_ID, engine=runtime.herald.engine,
            bots_table_name=BOTS_TABLE, installations_table_name=INSTALLATIONS_TABLE)
        state_store = SQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=runtime.herald.engine,
                                                table_name=OAUTH_STATES_TABLE)
        oauth = OAuthSettings(client_id=settings.SLACK_CLIENT_ID, client_secret=settings.SLACK_CLIENT_SECRET,
                              scopes=list(BOT_SCOPES), installation_store=runtime.installation_store,
                              state_store=state_store, install_path="/slack/install",
                              redirect_uri_path="/slack/oauth_redirect",
                              callback_options=CallbackOptions(success=lambda args: args.default.success(args),
                                                               failure=_install_failed))
        flow = OneOrganisationOAuthFlow(client=make_web_client(settings), settings=oauth)
        flow.allowed = settings.HERALD_ALLOWED_WORKSPACES
        return App(client=make_web_client(settings), installation_store=runtime.installation_store,
                   oauth_flow=flow, **common)
    return App(client=runtime.client, token_verification_enabled=False, **common)  # the client holds the token
