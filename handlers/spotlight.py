"""`/support spotlight`: councils in the media spotlight: the open list, one spotlight, assign, dismiss.

The alert posted to the team channel is `spotlight_alert`: the stories, linked, and three buttons
that run `/support` commands, so each click meets the access policy like a typed command.
Who may dismiss: admins, and the person the spotlight is assigned to (dismissing silences a
council's spike for good, so it takes someone who owns it); anyone may assign one, to themselves
or a colleague, and log a support offer.
"""
from __future__ import annotations

from sqlalchemy.orm import Session
from zoneinfo import ZoneInfo

from handlers.context import Context
from handlers.people import read_person
from handlers.errors import NotFound, UsageError
from handlers.inputs import read_id
from handlers.reply import Button, Fact, Item, Reply, Section
from models.access import Action
from models.moments import local_label
from models.notices import cancel_notices
from models.spotlight import (Spotlight, assign_spotlight, council_name, decide_spotlight, item_count,
                              open_spotlights, spotlight_stories)

ALERT_KIND = "spotlight"


def spotlight_command(rest: str, ctx: Context) -> Reply:
    """`/support spotlight [list] | <id> | assign <id> [@who] | dismiss <id> [reason]`."""
    verb, _, tail = rest.strip().partition(" ")
    verb = verb.lower()
    if verb in ("", "list"):
        return _list(ctx)
    if verb.lstrip("#").isdigit():
        spotlight = _spotlight(verb, ctx, "/support spotlight 3")
        return spotlight_alert(ctx.session, spotlight, ctx.tz, title_prefix="Spotlight")
    if verb == "assign":
        return _assign(tail, ctx)
    if verb == "dismiss":
        return _dismiss(tail, ctx)
    raise UsageError(f'I don\'t know "/support spotlight {verb[:30]}". Use list, assign or dismiss.',
                     example="/support spotlight assign 3 me")


def _spotlight(id_text: str, ctx: Context, example: str) -> Spotlight:
    spotlight_id = read_id(id_text, "spotlight", example)
    spotlight = ctx.session.get(Spotlight, spotlight_id)
    if spotlight is None:
        raise NotFound(f"There is no spotlight #{spotlight_id}.")
    return spotlight


def _list(ctx: Context) -> Reply:
    found = open_spotlights(ctx.session)
    items = tuple(Item(
        title=f"#{s.id} {council_name(ctx.session, s.council_code)}",
        meta=(f"since {local_label(s.started_at, ctx.tz, with_time=False)}",
              f"{item_count(ctx.session, s.id)} negative items", s.status,
              *((f"with {s.assigned_name or s.assigned_to}",) if s.assigned_to else ())),
        detail=s.reason, marker="negative") for s in found)
    if not items:
        return Reply(title="No council is in the media spotlight",
                     context=("Herald raises a spotlight when a council's negative coverage spikes.",))
    return Reply(title=f"Councils in the media spotlight: {len(items)}", sections=(Section(items=items),),
                 context=("/support spotlight <id> shows the stories; assign or dismiss it there.",))


def _assign(tail: str, ctx: Context) -> Reply:
    id_text, _, who = tail.strip().partition(" ")
    spotlight = _spotlight(id_text, ctx, "/support spotlight assign 3 me")
    person = read_person(who, ctx, "/support spotlight assign 3 me")
    user_id, name = person.user_id, person.name
    ctx.require(Action.SPOTLIGHT_ASSIGN)
    if spotlight.status in ("dismissed", "supported"):
        return Reply(title=f"Spotlight #{spotlight.id} is already {spotlight.status}")
    assign_spotlight(ctx.session, spotlight, user_id, name, ctx.actor, ctx.now())
    return Reply(title=f"Spotlight #{spotlight.id} ({council_name(ctx.session, spotlight.council_code)}) "
                       f"is with {name or user_id}", visibility="channel",
                 buttons=(Button("Log support offer", command=f"/support log spotlight:{spotlight.id}",
                                 style="primary"),))


def _dismiss(tail: str, ctx: Context) -> Reply:
    id_text, _, reason = tail.strip().partition(" ")
    spotlight = _spotlight(id_text, ctx, "/support spotlight dismiss 3 national story, not about the council")
    ctx.require(Action.SPOTLIGHT_DISMISS, owner_id=spotlight.assigned_to, owner_name=spotlight.assigned_name)
    if spotlight.status in ("dismissed", "supported"):
        return Reply(title=f"Spotlight #{spotlight.id} is already {spotlight.status}")
    decide_spotlight(ctx.session, spotlight, "dismissed", reason.strip() or None, ctx.actor, ctx.now())
    cancel_notices(ctx.session, kind=ALERT_KIND, subject_id=spotlight.id, now=ctx.now())
    return Reply(title=f"Dismissed spotlight #{spotlight.id} ({council_name(ctx.session, spotlight.council_code)})",
                 visibility="channel",
                 context=("More negative items in this spike join it without a new alert.",))


def spotlight_alert(session: Session, spotlight: Spotlight, tz: ZoneInfo, title_prefix: str = "In the media spotlight",
                    stories: int = 10) -> Reply:
    """A spotlight with its stories (linked) and the Log support offer / Assign / Dismiss buttons."""
    name = council_name(session, spotlight.council_code)
    found = spotlight_stories(session, spotlight.id, stories)
    items = tuple(Item(title=s.title, url=s.url, marker="negative",
                       meta=tuple(m for m in (s.outlet, local_label(s.published_at, tz)) if m)) for s in found)
    facts = (Fact("Why", spotlight.reason), Fact("Status", spotlight.status + (
        f" (with {spotlight.assigned_name or spotlight.assigned_to})" if spotlight.assigned_to else "")),
        Fact("Negative items", str(item_count(session, spotlight.id)), command=f"/support spotlight {spotlight.id}"))
    buttons = ()
    if spotlight.status in ("open", "assigned"):
        buttons = (Button("Log support offer", command=f"/support log spotlight:{spotlight.id}", style="primary"),
                   Button("Assign", command=f"/support spotlight assign {spotlight.id}"),
                   Button("Dismiss", command=f"/support spotlight dismiss {spotlight.id}", style="danger"))
    return Reply(title=f"{title_prefix}: {name} (#{spotlight.id})", visibility="channel",
                 sections=(Section(facts=facts), Section(heading="Stories", items=items)),
                 context=(f"Assign takes it yourself (or /support spotlight assign {spotlight.id} <member id>); "
                          "Dismiss is for admins and whoever it is assigned to.",),
                 buttons=buttons)
