"""The weekly round-up and the daily coverage digest, built as a neutral `Reply`; both list coverage
one line per story (`data.top_stories`).

Each number carries the command that explains it, so a reader can ask Herald for the detail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from digests import data
from digests.charts import coverage_by_day_chart
from digests.enquiry_sections import enquiries_section
from digests.lines_figures import lines_section
from digests.parliament_sections import in_parliament_sections
from digests.schedule import due_instant
from digests.support_digest import support_section
from handlers.reply import Fact, Item, Reply, Section, outlets_line
from models.press_earned import coverage_split

COMING_UP_DAYS = 14


@dataclass(frozen=True)
class Window:
    """Local dates [first, last_exclusive) and the same span in UTC."""

    first: date
    last_exclusive: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        return due_instant(self.first, 0, 0, self.tz)

    @property
    def end(self) -> datetime:
        return due_instant(self.last_exclusive, 0, 0, self.tz)

    @property
    def days(self) -> list[tuple[date, datetime, datetime]]:
        count = (self.last_exclusive - self.first).days
        return [(d, due_instant(d, 0, 0, self.tz), due_instant(d + timedelta(days=1), 0, 0, self.tz))
                for d in (self.first + timedelta(days=i) for i in range(count))]

    def before(self) -> "Window":
        length = self.last_exclusive - self.first
        return Window(self.first - length, self.first, self.tz)

    def command_period(self) -> str:
        """The period as `/coverage` reads it: "1/6/2023 to 7/6/2023"."""
        last = self.last_exclusive - timedelta(days=1)
        return f"{self.first:%-d/%-m/%Y} to {last:%-d/%-m/%Y}"

    def label(self) -> str:
        last = self.last_exclusive - timedelta(days=1)
        return f"{self.first:%a %-d %b}" if last == self.first else f"{self.first:%-d %b} – {last:%-d %b %Y}"


def _tone_text(tones: data.ToneCounts) -> str:
    return f"{tones.positive} positive · {tones.neutral} neutral · {tones.negative} negative"


def _change(now: int, before: int) -> str:
    diff = now - before
    return "no change" if diff == 0 else f"{'+' if diff > 0 else '−'}{abs(diff)} on the week before"


def _councils_text(councils: tuple[str, ...], shown: int = 3) -> str | None:
    """A story's councils on one line: "Thurrock, Essex", "Kent, Surrey, Essex and 2 more"."""
    if not councils:
        return None
    if len(councils) <= shown:
        return ", ".join(councils)
    return f"{', '.join(councils[:shown])} and {len(councils) - shown} more"


def _story_item(story: data.StoryLine, tz: ZoneInfo) -> Item:
    """One story on one line: its leading headline, the outlets that carried it ("LGC, The MJ and 2
    more"), the tier, the day, its councils; its tone as the marker."""
    outlet = outlets_line(story.outlets) if len(story.outlets) > 1 else story.outlet
    meta = tuple(x for x in (outlet, story.tier, f"{story.published_at.astimezone(tz):%a %-d %b}",
                             _councils_text(story.councils)) if x)
    return Item(title=story.title, url=story.url, meta=meta, marker=story.tone)


def coverage_section(session: Session, window: Window) -> tuple[Section, list[data.DayCounts]]:
    """Coverage this week against the week before, and the top stories by outlet tier."""
    tones = data.tone_counts(session, window.start, window.end)
    before = data.tone_counts(session, window.before().start, window.before().end)
    period = window.command_period()
    split = coverage_split(session, window)
    facts = (Fact("Items", f"{tones.total} ({_change(tones.total, before.total)})", f"/coverage {period}"),
             Fact("Tone", _tone_text(tones), f"/coverage {period} negative"),
             Fact("Stories", str(data.story_count(session, window.start, window.end)), f"/coverage {period}"),
             Fact("Proactive", f"{split.proactive} earned by our press activity, {split.reactive} reactive",
                  f"/press list {period}"))
    stories = tuple(_story_item(s, window.tz) for s in data.top_stories(session, window.start, window.end))
    section = Section(heading="Coverage", facts=facts, items=stories,
                      text=None if stories else "No coverage recorded in this period.")
    return section, data.counts_by_day(session, window.days)


def press_section(session: Session, window: Window, now: datetime) -> Section:
    """What the press office put out (embargoed items left out)."""
    counts = data.press_counts(session, window.start, window.end, now)
    lines = data.press_lines(session, window.start, window.end, now, limit=6)
    facts = tuple(Fact(kind.capitalize(), str(n), f"/press {window.command_period()} {kind}")
                  for kind, n in counts.items())
    items = tuple(Item(title=p.title, meta=tuple(x for x in (p.kind, p.outlet, p.spokesperson) if x))
                  for p in lines)
    return Section(heading="Press activity", facts=facts, items=items,
                   text=None if counts else "No press activity logged.")


def campaigns_section(session: Session, window: Window) -> Section:
    """Campaign activities done and metrics that moved."""
    done = data.activities(session, window.first, window.last_exclusive, "done", limit=8)
    moved = data.metrics_moved(session, window.first, window.last_exclusive, limit=8)
    items = [Item(title=a.title, meta=(a.campaign, "done")) for a in done]
    items += [Item(title=f"{m.campaign}: {m.name.replace('_', ' ')} {m.value:,.0f}",
                   meta=(f"was {m.previous:,.0f}",) if m.previous is not None else ()) for m in moved]
    return Section(heading="Campaigns", items=tuple(items),
                   facts=(Fact("Activities done", str(len(done)), "/campaign list"),),
                   text=None if items else "No campaign activity recorded.")


def peer_section(session: Session, window: Window) -> Section:
    """Peer challenges: stages reached (on site, reports published) and what is due next."""
    reached = data.stages_reached(session, window.first, window.last_exclusive)
    by_stage: dict[str, int] = {}
    for line in reached:
        by_stage[line.stage] = by_stage.get(line.stage, 0) + 1
    facts = tuple(Fact(stage.capitalize(), str(n), "/peer-challenge stats") for stage, n in by_stage.items())
    items = tuple(Item(title=f"{s.council}: {s.stage}", meta=(f"{s.occurred_on:%-d %b}",)) for s in reached)
    return Section(heading="Peer challenges", facts=facts, items=items,
                   text=None if reached else "No peer challenge stages reached.")


def ratings_section(session: Session, window: Window) -> Section | None:
    """Programme ratings that changed; nothing when none did."""
    changes = data.rating_changes(session, window.start, window.end)
    if not changes:
        return None
    items = tuple(Item(title=f"{c.programme}: {c.previous or 'not rated'} → {c.rating}", marker=c.rating,
                       detail=c.comment) for c in changes)
    return Section(heading="Programme ratings changed", items=items)


def coming_up_section(session: Session, today: date) -> Section:
    """Planned campaign activities and peer challenge dates in the next two weeks."""
    end = today + timedelta(days=COMING_UP_DAYS)
    planned = data.activities(session, today, end, "planned", limit=8)
    due = data.challenges_due(session, today, end)
    items = [Item(title=a.title, meta=(a.campaign, f"{a.due_on:%a %-d %b}")) for a in planned]
    items += [Item(title=f"{c.council}: {c.stage}", meta=("peer challenge", f"{c.occurred_on:%a %-d %b}"))
              for c in due]
    return Section(heading="Coming up (next two weeks)", items=tuple(items),
                   text=None if items else "Nothing planned yet.")


def weekly_roundup(session: Session, window: Window, now: datetime, late: bool = False) -> Reply:
    """The leaders' round-up for `window` (normally last Monday to Sunday)."""
    coverage, by_day = coverage_section(session, window)
    sections = [coverage, press_section(session, window, now), enquiries_section(session, window, now),
                campaigns_section(session, window), peer_section(session, window), lines_section(session, window, now)]
    ratings = ratings_section(session, window)
    if ratings:
        sections.append(ratings)
    sections.append(support_section(session, window))
    sections += in_parliament_sections(session, window.start, window.end, window.command_period(), window.tz)
    sections.append(coming_up_section(session, window.last_exclusive))
    context = [f"Weekly round-up for {window.label()}. Ask Herald about any number: the command is beside it."]
    if late:
        context.insert(0, "Sent late: Herald was not running when this was due.")
    chart = coverage_by_day_chart(by_day, f"Coverage by day, {window.label()}")
    return Reply(title=f"Weekly round-up: {window.label()}", sections=tuple(sections), context=tuple(context),
                 chart=chart, visibility="channel")


DAILY_STORIES = 60  # stories the daily digest lists (as many as it listed items before); `/coverage` lists all


def daily_digest(session: Session, window: Window, now: datetime, late: bool = False) -> Reply:
    """The comms team's morning digest: the stories since the last one, one line each with the
    outlets that carried it, its tone and councils (the same lines as the weekly round-up's top
    stories), then alerts sent and what is still to classify."""
    tones = data.tone_counts(session, window.start, window.end)
    period = window.command_period()
    stories = data.top_stories(session, window.start, window.end, limit=DAILY_STORIES)
    count = data.story_count(session, window.start, window.end) if stories else 0
    facts = (Fact("Stories", f"{count} from {tones.total} items", f"/coverage {period}"),
             Fact("Tone", _tone_text(tones), f"/coverage {period} negative")) if stories else ()
    more = f"{count - len(stories)} more stories: /coverage {period}" if count > len(stories) else None
    sections = [Section(heading="Coverage", facts=facts, items=tuple(_story_item(s, window.tz) for s in stories),
                        text=more if stories else "No new coverage.")]
    alerts = data.alerts_sent(session, window.start, window.end)
    unclassified, untagged = data.unclassified(session, window.start, window.end)
    facts = (Fact("Alerts sent", str(alerts)),
             Fact("To classify", str(unclassified), f"/coverage {period}"))
    sections.append(Section(heading="Alerts and tagging", facts=facts,
                            items=tuple(_story_item(s, window.tz) for s in untagged)))
    context = ("Sent late: Herald was not running when this was due.",) if late else ()
    return Reply(title=f"Daily coverage: {window.label()}", sections=tuple(sections),
                 context=context + (f"Coverage published {window.label()}.",), visibility="channel")
