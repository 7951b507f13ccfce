"""Deliver a digest `Reply` to a subscription's destination: Slack, Teams or e-mail.

Teams is reached through a channel's Workflows URL (the subscription's secret URL), or, with no URL,
by Herald's bot posting proactively into the conversation it is installed in (the destination is
that conversation's id). A long reply is cut into parts that each fit the platform (Slack: 50 blocks
a message; Teams: one Adaptive Card each, so a retry resumes at the first card not posted). Parts are
numbered so a retry after a crash or a failure resumes at the first part not yet delivered. A
process can die after a part was posted and before the caller recorded it; on Slack each part is
marked (`bot.slack.landed`) and a resumed delivery first looks in the channel for the one part that
may have landed so, and skips it. Teams Workflows and e-mail offer nothing to look in: there a part
in flight when the process died is sent again (at least once). A process that did not die but
stalled is stopped by its caller's fence (`before_part`), checked before every part. Errors come
back as `DeliveryError` with a message safe to show: no tokens, no Workflows URL, no SMTP credentials.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable

import requests
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.email import EmailError, send_email
from bot.slack.blocks import render_blocks
from bot.slack import landed
from bot.slack.landed import PartMark
from bot.slack.post import PACER, FencedPacer, Pacer, api_error, make_web_client
from bot.teams.cards import render_cards
from bot.teams.workflows import post_cards as post_teams_cards
from config import Settings
from handlers.reply import Chart, Reply, Section
from models.destinations import destination_refusal
from models.teams_conversation import conversation_ref
from runtime import Herald

log = logging.getLogger("herald.delivery")
SLACK_BLOCKS_PER_PART = 45
DRAFT_PART = 0  # the number marking a digest's approval draft (its parts count from 1)


class DeliveryError(Exception):
    """A part could not be delivered; the message names the platform and reason, never a secret."""


@dataclass(frozen=True)
class Destination:
    """Where a digest goes: a Slack channel, a Teams Workflows URL or bot conversation, or an e-mail address."""

    platform: str  # slack | teams | email
    address: str  # channel id/name, the label shown for a Teams URL (or the bot's conversation id), an address
    secret_url: str | None = None
    workspace: str | None = None


def _bounded_sections(sections: tuple[Section, ...]) -> list[Section]:
    """Sections with more items than fit one message, cut into continued sections."""
    out: list[Section] = []
    step = SLACK_BLOCKS_PER_PART - 5
    for section in sections:
        if len(section.items) <= step:
            out.append(section)
            continue
        for start in range(0, len(section.items), step):
            heading = section.heading if start == 0 else f"{section.heading or ''} (continued)".strip()
            out.append(replace(section, heading=heading, items=section.items[start:start + step],
                               text=section.text if start == 0 else None, facts=section.facts if start == 0 else ()))
    return out


def split_reply(reply: Reply, platform: str) -> list[Reply]:
    """The reply cut into parts that each fit one message on `platform` (sections never split)."""
    if platform != "slack" or len(render_blocks(reply)) <= SLACK_BLOCKS_PER_PART:
        return [reply]
    parts: list[list[Section]] = [[]]
    for section in _bounded_sections(reply.sections):
        trial = replace(reply, sections=tuple(parts[-1] + [section]), context=())
        if parts[-1] and len(render_blocks(trial)) > SLACK_BLOCKS_PER_PART:
            parts.append([])
        parts[-1].append(section)
    total = len(parts)
    return [replace(reply, title=reply.title if i == 0 else f"{reply.title} ({i + 1}/{total})",
                    sections=tuple(sections), context=reply.context if i == total - 1 else (),
                    chart=reply.chart if i == 0 else None)
            for i, sections in enumerate(parts)]


Part = Reply | Chart | dict  # a dict is one rendered Teams card


def delivery_parts(reply: Reply, platform: str) -> list[Part]:
    """Everything one delivery posts, in order: the messages, then (Slack) the chart as an image upload.

    Teams parts are the reply's cards (a card cannot embed a PNG; the digest links to the chart).
    E-mail carries the chart inline in its single message.
    """
    if platform == "teams":
        return list(render_cards(reply))
    parts: list[Part] = list(split_reply(reply, platform))
    if platform == "slack" and reply.chart is not None:
        parts.append(reply.chart)
    return parts


def _slack_channel(settings: Settings, destination: Destination) -> str:
    """The channel to post in and read: a user id (a reminder to one person) becomes their DM with Herald."""
    address = destination.address.lstrip("#")
    if address[:1] in ("U", "W"):
        return make_web_client(settings).conversations_open(users=address)["channel"]["id"]
    return address


def _post_slack(settings: Settings, channel: str, part: Reply | Chart, pacer: Pacer | None,
                mark: PartMark | None, skip: set[int]) -> None:
    client = make_web_client(settings)
    if isinstance(part, Chart):
        if 0 not in skip:
            landed.upload_chart(client, channel, part, mark)
    else:
        landed.post_part(client, channel, part, mark, skip, pacer)


def deliver_part(settings: Settings, destination: Destination, part: Part, pacer: Pacer | None = None,
                 mark: PartMark | None = None, skip: frozenset[int] = frozenset(), herald: Herald | None = None) -> None:
    """Post one part; raise DeliveryError when the platform refuses it or cannot be reached.

    On Slack, `pacer` spaces the messages (None: the process-wide one), `mark` labels them for a
    later resume, and the message indexes in `skip` (found already posted) are left out. `herald`
    (its database and bot token) is needed only to post through Herald's Teams bot.
    """
    refused = destination_refusal(destination.platform, destination.address, destination.secret_url,
                                  email_domains=settings.HERALD_EMAIL_DOMAINS,
                                  allow_private=settings.HERALD_ALLOW_PRIVATE_FEEDS)
    if refused:  # checked again at send time: a host may have moved to a private address since
        raise DeliveryError(refused)
    try:
        if destination.platform == "slack":
            _post_slack(settings, _slack_channel(settings, destination), part, pacer, mark, set(skip))
        elif destination.platform == "teams":
            cards = [part] if isinstance(part, dict) else render_cards(part)
            if destination.secret_url:
                post_teams_cards(destination.secret_url, cards)
            else:
                _post_by_bot(herald, destination.address, cards)
        elif destination.platform == "email":
            send_email(settings, destination.address, part)
        else:
            raise DeliveryError(f"unknown platform {destination.platform!r}")
    except SlackApiError as exc:
        raise DeliveryError(f"Slack refused the message ({exc.response.get('error', 'error')})") from None
    except SlackClientError as exc:
        raise DeliveryError(f"Slack could not be reached ({type(exc).__name__})") from None
    except requests.RequestException as exc:
        status = getattr(getattr(exc, "response", None), "status_code", None)
        raise DeliveryError(f"Teams Workflows answered {status}" if status else
                            f"Teams Workflows could not be reached ({type(exc).__name__})") from None
    except EmailError as exc:
        raise DeliveryError(f"E-mail: {exc}") from None
    except OSError as exc:
        raise DeliveryError(f"{destination.platform}: network error ({type(exc).__name__})") from None


def _post_by_bot(herald: Herald | None, conversation_id: str, cards: list[dict]) -> None:
    """Post cards into a conversation where Herald's Teams bot is installed (a new message each)."""
    if herald is None or not herald.settings.TEAMS_BOT_APP_ID:
        raise DeliveryError("Teams: no Workflows URL and Herald's Teams bot is not configured (TEAMS_BOT_APP_ID)")
    from bot.teams.agent_bot import ProactiveError, send_cards  # the Agents SDK, only when the bot is used
    with herald.session() as session:
        ref = conversation_ref(session, conversation_id)
    if ref is None:
        raise DeliveryError("Teams: Herald's bot is not installed in that conversation (any more)")
    try:
        send_cards(herald, ref, cards)
    except ProactiveError as exc:  # says the HTTP status or the error's type, never a token
        if exc.status == 500:  # it may have landed: a repeated digest card is worse than a gap
            log.warning("Teams bot: a digest card may have landed (HTTP 500); not resending it")
            return
        raise DeliveryError(f"Teams bot: {exc}") from None


@dataclass(frozen=True)
class Resume:
    """A delivery's identity for its marks, and (on a retry) since when an earlier attempt may have posted."""

    delivery: int | str  # the digest run id, or "notice:<id>"
    since: datetime | None = None  # None: a first attempt, nothing to look for


def _already_posted(settings: Settings, destination: Destination, mark: PartMark, since: datetime,
                    notes: list[str]) -> frozenset[int]:
    """The messages of the part an earlier attempt may have posted without recording it (Slack only)."""
    if destination.platform != "slack":
        return frozenset()
    try:
        found = landed.landed(make_web_client(settings), _slack_channel(settings, destination), mark, since)
    except SlackApiError as exc:
        found = set()
        notes.append(f"could not check Slack for part {mark.part} posted before a restart ({api_error(exc)}); "
                     "it was posted again and may show twice")
    except SlackClientError as exc:
        raise DeliveryError(f"Slack could not be reached ({type(exc).__name__})") from None
    if found:
        log.info("delivery %s part %s already in Slack (messages %s): not posted again", mark.delivery, mark.part,
                 sorted(found))
    return frozenset(found)


def fenced_pacer(pacer: Pacer | None, fence: Callable[[], None]) -> Pacer:
    """The pacer of a fenced delivery: `fence` (which raises to stop) runs right before each Slack
    message, after its pacing wait, so a delivery whose claim was taken over posts nothing more."""
    return FencedPacer(pacer or PACER, fence)


def deliver_once(settings: Settings, destination: Destination, part: Part, resume: Resume, number: int,
                 pacer: Pacer | None = None, herald: Herald | None = None) -> list[str]:
    """Post part `number` of a delivery, marked, leaving out what an earlier attempt already posted
    (looked for on Slack when `resume.since` is set); returns notes for the run, raises DeliveryError."""
    notes: list[str] = []
    mark = PartMark(resume.delivery, number)
    skip = _already_posted(settings, destination, mark, resume.since, notes) if resume.since else frozenset()
    deliver_part(settings, destination, part, pacer, mark, skip, herald)
    return notes


def deliver(settings: Settings, destination: Destination, reply: Reply, already_delivered: int,
            on_part_delivered: Callable[[int], None], pacer: Pacer | None = None,
            resume: Resume | None = None, herald: Herald | None = None,
            before_part: Callable[[int], None] | None = None) -> list[str]:
    """Post the parts after `already_delivered`, reporting each as it lands.

    With `resume`, Slack posts are marked with the delivery and part; with `resume.since` (a retry),
    the first part is first looked for in the channel, since only it can have landed unrecorded.
    `before_part(number)` runs before each part is looked for and posted: the caller's fence, which
    raises to stop a delivery whose claim was taken over. A chart that cannot be uploaded does not
    hold the digest back (the words carry the same figures): it is returned as a note to record on
    the run. Any other failure raises.
    """
    notes: list[str] = []
    parts = delivery_parts(reply, destination.platform)
    for number, part in enumerate(parts[already_delivered:], start=already_delivered + 1):
        if before_part is not None:
            before_part(number)
        try:
            if resume is None:
                deliver_part(settings, destination, part, pacer, herald=herald)
            else:  # only the first part can have landed unrecorded
                since = resume.since if number == already_delivered + 1 else None
                notes += deliver_once(settings, destination, part, replace(resume, since=since), number, pacer,
                                      herald)
        except DeliveryError as exc:
            if not isinstance(part, Chart):
                raise
            log.warning("chart not uploaded: %s", exc)
            notes.append(f"chart not uploaded: {exc}")
        on_part_delivered(number)
    return notes


def notify_admins(settings: Settings, text: str, pacer: Pacer | None = None) -> bool:
    """Tell the admin channel (HERALD_ADMIN_CHANNEL, Slack) about a delivery that gave up."""
    if not settings.HERALD_ADMIN_CHANNEL:
        log.warning("no HERALD_ADMIN_CHANNEL to report to: %s", text)
        return False
    try:
        deliver_part(settings, Destination("slack", settings.HERALD_ADMIN_CHANNEL),
                     Reply(title="Digest delivery failed", sections=(Section(text=text),), visibility="channel"),
                     pacer)
        return True
    except DeliveryError as exc:
        log.error("could not report to admins: %s", exc)
        return False
