"""`/peer-challenge`: where a council is with its challenge, the programme-wide numbers, updates, what is due."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from handlers.args import parse_args
from handlers.context import Context
from handlers.council_names import council_from
from handlers.errors import UsageError
from handlers.family import Family
from handlers.inputs import is_id
from handlers.reply import Button, Fact, Item, Reply, Section
from models.access import Action
from models.council import english_groups
from models.peer_challenge import (STAGES, PeerChallenge, StageDetails, StageError, challenges_of, find_stage_phrase,
                                   parse_kind, record_stage)
from models.peer_challenge_due import due_steps
from models.peer_challenge_stats import ChallengeStats, CouncilGroup, StatsWindow, challenge_stats, challenges_by_year
from models.periods import PeriodError, parse_day

USAGE = ("/peer-challenge <council>  ·  /peer-challenge stats [region|type|year|<region>|<type>]  ·  "
         "/peer-challenge update <council> <stage> [date] [link] [kind:…] [lead:\"…\"] [note:\"…\"] "
         "[days:N]  ·  "
         "/peer-challenge due")
UPDATE_EXAMPLE = "/peer-challenge update Woking \"report published\" 14/06/2023 https://www.local.gov.uk/woking-cpc"
DAYS_EXAMPLE = "/peer-challenge update Wigan \"on site\" kind:\"change of control\" days:2"
FUTURE_STAGES = ("offered", "scheduled", "on site")  # stages that may be booked ahead
SHOWN_CHALLENGES = 3  # the latest few; older cycles are history
UPDATE_OPTIONS = {"kind", "lead", "note", "team", "days"}


@dataclass(frozen=True)
class UpdateCommand:
    """`/peer-challenge update`: the council as typed, the stage, when, and what came with it."""

    council: str
    stage: str
    on: date
    kind: str | None
    details: StageDetails


def handle(text: str, ctx: Context) -> Reply:
    """Route `/peer-challenge …` to one council, the stats, an update or what is due."""
    args = parse_args(text, UPDATE_OPTIONS)
    words = args.words
    if words and words[0].lower() == "challenge" and 0 not in args.quoted:  # "@Herald peer challenge Thurrock"
        words = words[1:]
    head = words[0].lower() if words and 0 not in args.quoted else ""
    if head == "update":
        return update_reply(ctx, parse_update(words[1:], args.options, ctx.now().astimezone(ctx.tz).date()))
    if args.options:
        raise UsageError(f"{next(iter(args.options))}: only works with /peer-challenge update", example=UPDATE_EXAMPLE)
    if not words:
        raise UsageError("Which council? Or ask for stats or what is due.", example="/peer-challenge Thurrock")
    if head == "stats":
        return stats_reply(ctx, " ".join(words[1:]))
    if head == "due" and len(words) == 1:
        return due_reply(ctx)
    return council_reply(ctx, _strip_status(" ".join(words)))


def _strip_status(name: str) -> str:
    """"Thurrock – status" (as typed in Teams) → "Thurrock"."""
    return re.sub(r"\s*[-–—:]?\s*status\s*$", "", name, flags=re.IGNORECASE).strip() or name


# --- One council ----------------------------------------------------------------------------------

def council_reply(ctx: Context, name: str) -> Reply:
    """A council's challenges, newest first: kind, stage, dates, lead peer, team, report, notes."""
    resolution = council_from(ctx, name)
    council = resolution.council
    challenges = challenges_of(ctx.session, council.code)
    if resolution.abolished is not None:  # its own challenges, from before it was abolished
        challenges += challenges_of(ctx.session, resolution.abolished.code)
    notes = (resolution.note,) if resolution.note else ()
    if not challenges:
        return Reply(title=f"{council.nice_name}: no peer challenge on record",
                     sections=(Section(text=f"Nothing is recorded for {council.official_name} yet."),),
                     context=notes + (f"Record one: /peer-challenge update {council.nice_name} offered",))
    sections = []
    for challenge in challenges[:SHOWN_CHALLENGES]:
        sections.extend(challenge_sections(challenge, ctx))
    if len(challenges) > SHOWN_CHALLENGES:
        notes += (f"{len(challenges) - SHOWN_CHALLENGES} earlier challenges not shown.",)
    latest = challenges[0]
    return Reply(title=f"{council.nice_name}: {_kind_label(latest)} {latest.stage}"
                       + (f" ({latest.stage_on:%-d %b %Y})" if latest.stage_on else ""),
                 sections=tuple(sections), context=notes + (f"{council.type_name}, {council.region}",),
                 buttons=(Button("Peer challenge numbers", command="/peer-challenge stats"),))


def challenge_sections(challenge: PeerChallenge, ctx: Context) -> list[Section]:
    """One challenge as a facts section and its stage history."""
    facts = [Fact("Kind", _kind_label(challenge)), Fact("Stage", challenge.stage)]
    if challenge.kind == "change of control" or challenge.days_used is not None:
        facts.append(Fact("Days used", f"{challenge.days_used or 0} of {challenge.days_allowed or 5}"))
    for label, value in (("Lead peer", challenge.lead_peer), ("Team", challenge.team),
                         ("Report", challenge.report_url), ("Notes", challenge.notes)):
        if value:
            facts.append(Fact(label, value))
    reached = {s.stage: s for s in challenge.stages}
    items = tuple(
        Item(title=stage, meta=(f"{reached[stage].occurred_on:%-d %b %Y}",) if stage in reached else ("not yet",),
             url=reached[stage].link if stage in reached else None,
             detail=reached[stage].note if stage in reached else None,
             marker="green" if stage in reached else "not_rated")
        for stage in STAGES)
    first = min((s.occurred_on for s in challenge.stages), default=None)
    heading = f"{_kind_label(challenge).capitalize()} peer challenge" + (f", from {first:%B %Y}" if first else "")
    return [Section(heading=heading, facts=tuple(facts)), Section(heading="Stages", items=items)]


def _kind_label(challenge: PeerChallenge) -> str:
    return {"childrens services": "children's services"}.get(challenge.kind, challenge.kind)


# --- The numbers ---------------------------------------------------------------------------------

def stats_reply(ctx: Context, selector: str) -> Reply:
    """Programme-wide numbers, overall, broken down by region/type/year, or for one region or type."""
    window = StatsWindow.at(ctx.now().astimezone(ctx.tz).date())
    key = selector.strip().lower()
    if key in ("year", "years"):
        return _year_reply(ctx)
    if key in ("", "region", "regions", "type", "types"):
        group = {"": None, "regions": "region", "types": "type"}.get(key, key)
        rows = challenge_stats(ctx.session, window, group_by=group)
        title = "Peer challenge numbers" + (f" by {group}" if group else "")
    else:
        region, type_name = _group_named(ctx, selector)
        rows = challenge_stats(ctx.session, window, group_by="region" if region else "type",
                               only=CouncilGroup(region=region, type_name=type_name))
        title = f"Peer challenge numbers: {region or type_name}"
    sections = tuple(Section(heading=None if len(rows) == 1 else row.label, facts=_stat_facts(row, window))
                     for row in rows)
    return Reply(title=title, sections=sections or (Section(text="No councils in that group."),),
                 context=(f"This month = {window.month_start:%B %Y}; this year = {window.year_label} "
                          "(financial year). Three-year cycle: current English councils with a challenge "
                          "offered or under way in the last three years.",))


def _stat_facts(row: ChallengeStats, window: StatsWindow) -> tuple[Fact, ...]:
    share = f" ({row.cycle_covered * 100 // row.cycle_total}%)" if row.cycle_total else ""
    return (Fact("Councils offered a challenge", str(row.offered)),
            Fact("Councils committed (scheduled or beyond)", str(row.committed)),
            Fact("On site this month", str(row.on_site_this_month)),
            Fact(f"Reports published in {window.year_label}", str(row.reports_this_year)),
            Fact("Progress reviews due (overdue or within 30 days)", str(row.progress_reviews_due),
                 command="/peer-challenge due"),
            Fact("Three-year cycle coverage", f"{row.cycle_covered} of {row.cycle_total}{share}"),
            Fact("Peers signed up", str(row.peers)))


def _year_reply(ctx: Context) -> Reply:
    years = challenges_by_year(ctx.session)
    facts = tuple(Fact(y.label, f"{y.offered} offered · {y.on_site} on site · {y.reports} reports published")
                  for y in years)
    return Reply(title="Peer challenges by financial year",
                 sections=(Section(facts=facts) if facts else Section(text="No peer challenges recorded yet."),))


TYPE_WORDS = {"district": "Non-metropolitan district", "districts": "Non-metropolitan district",
              "shire district": "Non-metropolitan district", "county": "County", "counties": "County",
              "unitary": "Unitary authority", "unitaries": "Unitary authority",
              "metropolitan": "Metropolitan district", "met": "Metropolitan district",
              "london borough": "London borough", "london boroughs": "London borough"}


def _group_named(ctx: Context, text: str) -> tuple[str | None, str | None]:
    """A region ("London", "north west") or council type ("district", "unitary") by name."""
    wanted = _plain(text)
    regions, types = english_groups(ctx.session)
    region = next((r for r in regions if _plain(r) == wanted), None)
    if region:
        return region, None
    type_name = TYPE_WORDS.get(wanted) or next((t for t in types if _plain(t) == wanted), None)
    if type_name:
        return None, type_name
    raise UsageError(f"{text[:40]!r} is not a region, council type or breakdown. Regions: {', '.join(regions)}. "
                     f"Types: {', '.join(types)}.", example="/peer-challenge stats region")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


# --- Updates ------------------------------------------------------------------------------------

def parse_update(words: list[str], options: dict[str, str], today: date) -> UpdateCommand:
    """`<council> <stage> [date] [link]`: the stage splits the council's name from the date."""
    link = next((w for w in words if w.lower().startswith(("http://", "https://"))), None)
    words = [w for w in words if w is not link]
    found = find_stage_phrase(words)
    if found is None:
        raise UsageError(f"Say which stage: {', '.join(STAGES)}.", example=UPDATE_EXAMPLE)
    start, end, stage = found
    council, when = " ".join(words[:start]).strip(), " ".join(words[end:]).strip()
    if not council:
        raise UsageError("Say which council comes first.", example=UPDATE_EXAMPLE)
    try:
        on = parse_day(when, today) if when else today
    except PeriodError as exc:
        raise UsageError(str(exc), example=UPDATE_EXAMPLE) from None
    if on > today and stage not in FUTURE_STAGES:
        raise UsageError(f"{on:%-d %B %Y} is in the future; only {', '.join(FUTURE_STAGES)} can be booked ahead.",
                         example=UPDATE_EXAMPLE)
    details = StageDetails(link=_limited("link", link, 2000), note=_limited("note", options.get("note"), 2000),
                           lead_peer=_limited("lead", options.get("lead"), 200),
                           team=_limited("team", options.get("team"), 2000), days_used=_days(options.get("days")))
    return UpdateCommand(council=council, stage=stage, on=on, kind=_kind(options.get("kind")), details=details)


def _limited(name: str, value: str | None, limit: int) -> str | None:
    if value is not None and len(value) > limit:
        raise UsageError(f"{name} is longer than {limit} characters", example=UPDATE_EXAMPLE)
    return value or None


def _kind(raw: str | None) -> str | None:
    try:
        return parse_kind(raw) if raw else None
    except StageError as exc:
        raise UsageError(str(exc), example=DAYS_EXAMPLE) from None


def _days(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not is_id(raw):
        raise UsageError(f"days:{raw[:10]} is not a number of days", example=DAYS_EXAMPLE)
    return int(raw)


def update_reply(ctx: Context, command: UpdateCommand) -> Reply:
    """Record a stage for the council's challenge and show where it now stands."""
    ctx.require(Action.PEER_CHALLENGE_STAGE)
    resolution = council_from(ctx, command.council)
    try:
        update = record_stage(ctx.session, resolution.council.code, command.stage, command.on, ctx.actor, ctx.now(),
                              kind=command.kind, details=command.details)
    except StageError as exc:
        raise UsageError(str(exc), example=UPDATE_EXAMPLE) from None
    council = resolution.council
    started = "New challenge: " if update.created else ""
    return Reply(title=f"{started}{council.nice_name} {command.stage} on {command.on:%-d %b %Y}",
                 sections=tuple(challenge_sections(update.challenge, ctx)),
                 context=((resolution.note,) if resolution.note else ()) +
                         (f"Recorded by {ctx.actor.name or ctx.actor.user_id}.",))


# --- What is due ----------------------------------------------------------------------------------

def due_reply(ctx: Context) -> Reply:
    """Action plans and progress reviews overdue, then those due in the next 30 days."""
    today = ctx.now().astimezone(ctx.tz).date()
    steps = due_steps(ctx.session, today)
    overdue = [s for s in steps if s.overdue(today)]
    soon = [s for s in steps if not s.overdue(today)]

    def items(chosen) -> tuple[Item, ...]:
        return tuple(Item(title=f"{s.council_name}: {s.step}", marker="red" if s.overdue(today) else "amber",
                          meta=(f"due {s.due_on:%-d %b %Y}",)) for s in chosen)

    sections = []
    if overdue:
        sections.append(Section(heading=f"Overdue ({len(overdue)})", items=items(overdue)))
    if soon:
        sections.append(Section(heading=f"Due in the next 30 days ({len(soon)})", items=items(soon)))
    return Reply(title="Peer challenge follow-ups due" if steps else "Nothing due in the next 30 days",
                 sections=tuple(sections),
                 context=("Action plans are due 8 weeks after the report is published; progress reviews "
                          "12 months after the team was on site. Follow-ups more than three years overdue "
                          "count as lapsed and are left out.",))


FAMILY = Family(
    name="peer-challenge",
    summary="Peer challenges: where each council is, and the programme-wide numbers",
    usage=USAGE,
    examples=("/peer-challenge Thurrock", "/peer-challenge stats", UPDATE_EXAMPLE, "/peer-challenge due"),
    handle=handle,
    aliases=("peer", "peerchallenge", "peer-challenges", "cpc"),
    reads=lambda rest: "update" not in rest.lower().split()[:2],
)
