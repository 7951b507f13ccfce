"""`/programme`: the red/amber/green board, one programme's story, and rating updates."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.args import parse_args
from handlers.context import Context, Notice
from handlers.errors import NotFound, UsageError
from handlers.family import Family
from handlers.inputs import is_id
from handlers.reply import Button, Fact, Item, Reply, Section
from models.access import Action
from models.mentions import CoverageLine, programme_coverage
from models.periods import parse_period
from models.programme import (
    RATING_LABELS, BoardCounts, BoardRow, Programme, RagRating, RatingError, find_programme, parse_rating,
    board_counts, programme_board, rate_programme, ratings_of,
)

USAGE = ("/programme  ·  /programme <name>  ·  "
         "/programme update \"<name>\" red|amber|green \"<comment>\" [review:\"…\"]")
UPDATE_EXAMPLE = "/programme update \"LG Inform\" amber \"Prototype Plus under procurement\" review:\"Nov 2026 review\""
PAGE_SIZE = 30  # with the outcome headings, a page stays within one chat message
HISTORY_SHOWN = 10
ARROWS = {1: "▲", -1: "▼", 0: ""}


@dataclass(frozen=True)
class RateCommand:
    """`/programme update`: who to rate, the rating, why, and at which review."""

    name: str
    rating: str
    comment: str
    review: str | None


def handle(text: str, ctx: Context) -> Reply:
    """Route `/programme …` to the board, one programme, or an update."""
    args = parse_args(text, {"review", "page"})
    words = args.words
    if words and words[0].lower() == "status" and 0 not in args.quoted:  # "programme status LG Inform" (Teams)
        words = words[1:]
    if not words:
        return board_reply(ctx, _page(args.take("page")))
    if words[0].lower() == "update" and 0 not in args.quoted:
        return update_reply(ctx, parse_update(words[1:], args.take("review")))
    if args.options:
        option = next(iter(args.options))
        raise UsageError(f"{option}: only works with /programme update", example="/programme LG Inform")
    return detail_reply(ctx, " ".join(words))


def _page(raw: str | None) -> int:
    if raw is None:
        return 1
    if not is_id(raw) or int(raw) < 1:
        raise UsageError(f"page:{raw[:10]} is not a page number", example="/programme page:2")
    return int(raw)


# --- The board ------------------------------------------------------------------------------------

def board_reply(ctx: Context, page: int = 1) -> Reply:
    """Every programme with its current RAG, its change since the previous review, stale ones flagged."""
    stale_days = ctx.settings.HERALD_RAG_STALE_DAYS
    counts = board_counts(ctx.session, ctx.now(), stale_days)
    if not counts.total:
        return Reply(title="Programme board: no programmes yet",
                     sections=(Section(text="Import the programme plan with `flask --app app programme import "
                                            "plan.csv`, or load the demo with `flask --app app demo load`."),))
    pages = max(1, -(-counts.total // PAGE_SIZE))
    if page > pages:
        raise UsageError(f"There are only {pages} pages", example="/programme page:1")
    shown = programme_board(ctx.session, ctx.now(), stale_days, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    sections = [Section(facts=_board_facts(counts, stale_days))]
    for outcome, group in _by_outcome(shown):
        sections.append(Section(heading=_short(outcome, 150) if outcome else "Other programmes",
                                items=tuple(_board_item(row, ctx) for row in group)))
    return Reply(
        title=f"Programme board: {counts.total} programme{'s' if counts.total != 1 else ''}",
        sections=tuple(sections),
        context=(f"▲▼ change since the previous review · stale = rated more than {stale_days} days ago",
                 "/programme <name> for one programme's history"),
        next_page=f"/programme page:{page + 1}" if page < pages else None)


def _board_facts(counts: BoardCounts, stale_days: int) -> tuple[Fact, ...]:
    def of(*ratings: str) -> str:
        return str(sum(counts.by_rating.get(r, 0) for r in ratings))
    return (Fact("Red", of("red")), Fact("Amber", of("amber", "amber_red", "amber_green")),
            Fact("Green", of("green")), Fact("Not rated", of("not_rated")),
            Fact(f"Stale (over {stale_days} days)", str(counts.stale)))


def _by_outcome(rows: list[BoardRow]) -> list[tuple[str | None, list[BoardRow]]]:
    groups: dict[str | None, list[BoardRow]] = {}
    for row in rows:
        groups.setdefault(row.outcome_indicator, []).append(row)
    return list(groups.items())


def _board_item(row: BoardRow, ctx: Context) -> Item:
    meta = [RATING_LABELS[row.rating] + (f" {ARROWS[row.change]} from {RATING_LABELS[row.previous]}"
                                         if row.change else "")]
    if row.rated_at:
        meta.append(row.review or f"rated {_day(row.rated_at, ctx)}")
    if row.stale:
        meta.append(f"stale: last rated {_day(row.rated_at, ctx)}")
    return Item(title=row.name, meta=tuple(meta), marker=row.rating)


# --- One programme ------------------------------------------------------------------------------

def detail_reply(ctx: Context, name: str) -> Reply:
    """One programme: current rating, history, outputs and timescales, latest comment, coverage this month."""
    programme = _find(ctx, name)
    history = ratings_of(ctx.session, programme.id)
    current = history[0] if history else None
    month = parse_period("this month", ctx.now(), ctx.tz)
    total, coverage = programme_coverage(ctx.session, programme.id, month.start, month.end)
    facts = [Fact("Current rating", _rating_text(current, ctx) if current else "Not rated")]
    if len(history) > 1:
        facts.append(Fact("Previous", _rating_text(history[1], ctx)))
    if programme.owner:
        facts.append(Fact("Owner", programme.owner))
    if current and (current.rated_at < ctx.now() - _stale(ctx)):
        facts.append(Fact("Stale", f"not rated for over {ctx.settings.HERALD_RAG_STALE_DAYS} days"))
    sections = [Section(facts=tuple(facts))]
    for heading, value in (("Outcome indicator", programme.outcome_indicator), ("Outputs", programme.outputs),
                           ("Timescales", programme.timescales)):
        if value:
            sections.append(Section(heading=heading, text=value))
    comment = next((r for r in history if r.comment), None)
    if comment:
        sections.append(Section(heading="Latest comment", text=f"{comment.comment}\n— {_who_when(comment, ctx)}"))
    sections += [_history_section(history, ctx), _coverage_section(total, coverage, ctx)]
    marker = current.rating if current else "not_rated"
    return Reply(title=f"{programme.name}: {RATING_LABELS.get(marker, marker)}", sections=tuple(sections),
                 buttons=(Button("Programme board", command="/programme"),),
                 context=(f"Update: /programme update \"{programme.name}\" red|amber|green \"<comment>\"",))


def _history_section(history: list[RagRating], ctx: Context) -> Section:
    shown = history[:HISTORY_SHOWN]
    heading = "Rating history" + (f" (latest {HISTORY_SHOWN} of {len(history)})" if len(history) > len(shown) else "")
    return Section(heading=heading, items=tuple(
        Item(title=r.review or f"Update {_day(r.rated_at, ctx)}", marker=r.rating,
             meta=(RATING_LABELS.get(r.rating, r.rating), _who_when(r, ctx)), detail=r.comment)
        for r in shown) or (Item(title="No ratings yet"),))


def _coverage_section(total: int, coverage: list[CoverageLine], ctx: Context) -> Section:
    return Section(
        heading=f"Coverage this month ({total})",
        text=None if coverage else "No coverage tagged to this programme this month.",
        items=tuple(Item(title=c.title, url=c.url, marker=c.tone,
                         meta=tuple(m for m in (c.outlet, _day(c.published_at, ctx), c.tone) if m))
                    for c in coverage))


def _find(ctx: Context, name: str) -> Programme:
    lookup = find_programme(ctx.session, name)
    if lookup.programme is None:
        raise NotFound(f"I don't know a programme called {name[:60]!r}.", suggestions=lookup.suggestions)
    return lookup.programme


def _rating_text(rating: RagRating, ctx: Context) -> str:
    label = RATING_LABELS.get(rating.rating, rating.rating)
    return f"{label} ({rating.review + ', ' if rating.review else ''}{_day(rating.rated_at, ctx)})"


def _who_when(rating: RagRating, ctx: Context) -> str:
    return f"{rating.rated_by or 'unknown'}, {_day(rating.rated_at, ctx)}"


def _stale(ctx: Context) -> timedelta:
    return timedelta(days=ctx.settings.HERALD_RAG_STALE_DAYS)


def _day(when: datetime, ctx: Context) -> str:
    return when.astimezone(ctx.tz).strftime("%-d %b %Y")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# --- Updating a rating ----------------------------------------------------------------------------

def parse_update(words: list[str], review: str | None) -> RateCommand:
    """`"<name>" <rating> "<comment>"`: the first word that is a colour ends the name."""
    for index, word in enumerate(words):
        if index == 0:
            continue
        try:
            rating = parse_rating(word)
        except RatingError:
            continue
        if rating == "not_rated":
            continue
        comment = " ".join(words[index + 1:]).strip()
        if not comment:
            raise UsageError("Say why: add a comment after the rating.", example=UPDATE_EXAMPLE)
        if review is not None and not review.strip():
            raise UsageError("review: needs a name, e.g. review:\"Nov 2026 review\"", example=UPDATE_EXAMPLE)
        return RateCommand(name=" ".join(words[:index]), rating=rating, comment=comment[:2000],
                           review=review.strip()[:100] if review else None)
    raise UsageError("Give the programme, then red, amber or green, then a comment.", example=UPDATE_EXAMPLE)


def update_reply(ctx: Context, command: RateCommand) -> Reply:
    """Rate a programme (managers and admins only); a change of colour is posted to the programme channel."""
    programme = _find(ctx, command.name)
    ctx.require(Action.PROGRAMME_RATE, managers=tuple(programme.manager_user_ids or ()))
    change = rate_programme(ctx.session, programme, command.rating, command.comment, command.review,
                            ctx.actor, ctx.now())
    old = RATING_LABELS.get(change.previous, "Not rated") if change.previous else "Not rated"
    new = RATING_LABELS[command.rating]
    moved = f"{old} → {new}" if change.changed else f"still {new}"
    if change.changed and ctx.settings.HERALD_PROGRAMME_CHANNEL:
        who = ctx.actor.name or ctx.actor.user_id
        review = f" ({command.review})" if command.review else ""
        ctx.notices.append(Notice(destination=ctx.settings.HERALD_PROGRAMME_CHANNEL,
                                  text=f"{programme.name}: {moved}{review}, by {who}: {command.comment}"))
    return Reply(title=f"{programme.name}: {moved}",
                 sections=(Section(text=command.comment,
                                   facts=((Fact("Review", command.review),) if command.review else ())),),
                 context=(f"Recorded by {ctx.actor.name or ctx.actor.user_id} on {_day(ctx.now(), ctx)}.",),
                 buttons=(Button("See the programme", command=f"/programme {programme.name}"),))


FAMILY = Family(
    name="programme",
    summary="Improvement programmes and their red/amber/green status",
    usage=USAGE,
    examples=("/programme", "/programme LG Inform",
              "/programme update \"LG Inform\" amber \"Prototype Plus under procurement\""),
    handle=handle,
    aliases=("programmes",),
    reads=lambda rest: "update" not in rest.lower().split()[:2],
)
