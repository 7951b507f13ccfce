"""`/parliament`: what MPs and peers said about the team's work, the watch list, tone, export, health."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from handlers.args import parse_args
from handlers.context import Context
from handlers.csv_export import csv_attachment, file_name
from handlers.council_names import council_from
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import is_id
from handlers.reply import Fact, Item, Reply, Section
from models.access import Action
from models.audit import record_audit
from models.parliament import (MentionFilter, ORIGINS, ParliamentMention, add_term, all_terms, councils_of,
                               mentions_between, set_mention_tone, sources, term_named, term_refusal)
from models.periods import PERIOD_EXAMPLES, PeriodError, parse_period

EXAMPLE = "/parliament this week house:lords term:\"sector support\""
WATCH_EXAMPLE = '/parliament watch add "sector support"'
TONE_EXAMPLE = "/parliament tone 12 positive"
TONES = ("positive", "neutral", "negative")
HOUSES = {"lords": "Lords", "commons": "Commons"}
OPTIONS = {"house", "term", "member", "council"}
PAGE = 20


def handle(text: str, ctx: Context) -> Reply:
    """`<period> [house:] [term:] [member:] [council:]`, `watch add|remove|list`, `tone`, `export`, `sources`."""
    verb, _, rest = text.strip().partition(" ")
    action = VERBS.get(verb.lower())
    if action is not None:
        return action(rest.strip(), ctx)
    return _mentions(text, ctx)


def _filter(text: str, ctx: Context, example: str = EXAMPLE) -> tuple[MentionFilter, str]:
    """The period and options of a listing or export; (filter, the period's label)."""
    args = parse_args(text, OPTIONS)
    unknown = set(args.options) - OPTIONS
    if unknown:
        raise UsageError(f"I don't know the option {sorted(unknown)[0]}: (use house:, term:, member: or council:)",
                         example=example)
    period_text = " ".join(args.words) or "this week"
    try:
        period = parse_period(period_text, ctx.now(), ctx.tz)
    except PeriodError as exc:
        raise UsageError(f"{exc}. Periods look like: {', '.join(PERIOD_EXAMPLES[:4])}", example=example,
                         field="period") from None
    house = args.take("house")
    if house is not None and house.lower() not in HOUSES:
        raise UsageError(f"house: is lords or commons, not {house[:20]!r}", example=example, field="house")
    council = args.take("council")
    code = council_from(ctx, council).council.code if council else None
    return MentionFilter(period.start, period.end, HOUSES.get((house or "").lower()), args.take("term"),
                         args.take("member"), code), period.label


def mention_item(m: ParliamentMention, ctx: Context) -> Item:
    """One mention as a listed item: who (party), house, heading, date, passage, link."""
    who = m.member_name or "Unknown member"
    if m.party:
        who += f" ({m.party})"
    where = m.house
    if m.section and m.section not in (m.house, f"{m.house} Chamber"):
        where += f" · {m.section}"
    meta = [who, where, m.kind, f"{m.occurred_at.astimezone(ctx.tz):%-d %b %Y}", m.shown_tone, f"id {m.id}"]
    if m.kind == "written question":
        meta.append(_answer_state(m, ctx))
    return Item(title=m.heading, url=m.url, meta=tuple(meta), detail=f"“{m.passage}”", marker=m.shown_tone)


def council_sections(ctx: Context, code: str, limit: int = 3) -> list[Section]:
    """`/council X`'s "In Parliament": the council's latest mentions (any date), when there are any."""
    since = datetime(2000, 1, 1, tzinfo=timezone.utc)
    total, latest = mentions_between(ctx.session, MentionFilter(since, ctx.now() + timedelta(days=1), council=code),
                                     limit=limit)
    if not total:
        return []
    return [Section(heading=f"In Parliament ({total} mention{'s' if total != 1 else ''})",
                    items=tuple(mention_item(m, ctx) for m in latest))]


def _answer_state(m: ParliamentMention, ctx: Context) -> str:
    if m.answered_at:
        return f"answered {m.answered_at.astimezone(ctx.tz):%-d %b}"
    return f"answer expected {m.expected_answer_on:%-d %b %Y}" if m.expected_answer_on else "unanswered"


def _mentions(text: str, ctx: Context) -> Reply:
    f, label = _filter(text, ctx)
    total, page = mentions_between(ctx.session, f, limit=PAGE)
    if not total:
        return Reply(title=f"Nothing in Parliament {label}",
                     sections=(Section(text="No contribution, question or statement matched a watch term. "
                                            "See the terms with /parliament watch list."),))
    return Reply(title=f"In Parliament {label}: {total} mention{'s' if total != 1 else ''}",
                 sections=(Section(items=tuple(mention_item(m, ctx) for m in page)),),
                 context=(("Newest first" + (f"; the first {PAGE} shown, all in /parliament export"
                                             if total > PAGE else "") + f". Set a tone with {TONE_EXAMPLE}."),))


def _export(text: str, ctx: Context) -> Reply:
    f, label = _filter(text, ctx, example="/parliament export last month")
    total, found = mentions_between(ctx.session, f, limit=None)
    codes = councils_of(ctx.session, [m.id for m in found])
    rows = []
    for m in found:
        answered = f"{m.answered_at.astimezone(ctx.tz):%Y-%m-%d}" if m.answered_at else ""
        expected = f"{m.expected_answer_on:%Y-%m-%d}" if m.expected_answer_on and not m.answered_at else ""
        rows.append([m.id, f"{m.occurred_at.astimezone(ctx.tz):%Y-%m-%d}", m.house, m.kind, m.member_name, m.party,
                     m.heading, m.passage, m.shown_tone, "; ".join(m.terms or []), " ".join(codes.get(m.id, [])),
                     answered, expected, m.url])
    header = ("id", "date", "house", "type", "member", "party", "heading", "passage", "tone", "terms", "councils",
              "answered", "answer expected", "url")
    return Reply(title=f"Parliament {label}: {total} mention{'s' if total != 1 else ''} exported",
                 attachments=(csv_attachment(file_name("parliament", label), header, rows),))


def _watch(text: str, ctx: Context) -> Reply:
    verb, _, rest = text.partition(" ")
    verb = verb.lower() or "list"
    if verb == "list":
        return _watch_list(ctx)
    if verb not in ("add", "remove", "delete", "off"):
        raise UsageError(f"I don't know /parliament watch {verb[:30]}", example=WATCH_EXAMPLE)
    args = parse_args(rest)
    term = " ".join(args.words).strip()
    if not term:
        raise UsageError("Say the term, in quotes if it has several words", example=WATCH_EXAMPLE)
    if verb == "add":
        ctx.require(Action.PARLIAMENT_WATCH_ADD)
        if (why := term_refusal(term)) is not None:
            raise UsageError(why, example=WATCH_EXAMPLE, field="term")
        row, changed = add_term(ctx.session, term, "admin", ctx.actor.user_id, ctx.now())
        if not changed:
            return Reply(title=f"Already watching “{row.term}”")
        record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action=Action.PARLIAMENT_WATCH_ADD.value,
                     entity="parliament_watch_term", entity_id=row.id, detail={"term": row.term})
        return Reply(title=f"Watching “{row.term}” in Parliament",
                     context=("From the next poll (`flask --app app parliament poll` polls now).",))
    ctx.require(Action.PARLIAMENT_WATCH_REMOVE)
    row = term_named(ctx.session, term)
    if row is None or not row.active:
        raise NotFound(f"“{term[:60]}” is not on the watch list. See /parliament watch list.")
    row.active = False
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action=Action.PARLIAMENT_WATCH_REMOVE.value,
                 entity="parliament_watch_term", entity_id=row.id, detail={"term": row.term, "origin": row.origin})
    note = " It came from what Herald knows, so it stays switched off." if row.origin != "admin" else ""
    return Reply(title=f"No longer watching “{row.term}”", context=(f"Mentions already found stay.{note}",))


def _watch_list(ctx: Context) -> Reply:
    terms = all_terms(ctx.session)
    if not terms:
        return Reply(title="The watch list is empty",
                     sections=(Section(text=f"Add a term: {WATCH_EXAMPLE}. The first poll adds the organisation's "
                                            "names, programmes, campaigns and spokespeople."),))
    by_origin = {o: [t for t in terms if t.origin == o] for o in ORIGINS}
    facts = tuple(Fact(origin, ", ".join(t.term + ("" if t.active else " (off)") for t in rows))
                  for origin, rows in by_origin.items() if rows)
    active = sum(1 for t in terms if t.active)
    return Reply(title=f"Watching {active} term{'s' if active != 1 else ''} in Parliament",
                 sections=(Section(facts=facts),),
                 context=(f"Admins: {WATCH_EXAMPLE} · /parliament watch remove \"term\"",))


def _tone(text: str, ctx: Context) -> Reply:
    words = text.split()
    if len(words) != 2 or not is_id(words[0].lstrip("#")) or words[1].lower() not in TONES:
        raise UsageError("Say the mention's id and positive, neutral or negative", example=TONE_EXAMPLE)
    ctx.require(Action.PARLIAMENT_TONE)
    mention = set_mention_tone(ctx.session, int(words[0].lstrip("#")), words[1].lower(), ctx.actor.user_id)
    if mention is None:
        raise NotFound(f"There is no Parliament mention with id {words[0][:12]}.")
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action=Action.PARLIAMENT_TONE.value,
                 entity="parliament_mention", entity_id=mention.id, detail={"tone": mention.tone_override,
                                                                            "judged": mention.tone})
    return Reply(title=f"Mention {mention.id} is now {mention.tone_override}", context=(mention.heading,))


def _sources(_text: str, ctx: Context) -> Reply:
    rows = sources(ctx.session)
    if not rows:
        every = ctx.settings.HERALD_PARLIAMENT_POLL_MINUTES
        return Reply(title="Parliament has not been polled yet",
                     context=(f"It is polled every {every} minutes; `flask --app app parliament poll` polls now.",))

    def when(value) -> str:
        return value.astimezone(ctx.tz).strftime("%-d %b %H:%M") if value else "never"

    items = tuple(Item(title=r.name, marker=None if r.healthy else "red", detail=r.last_error,
                       meta=(f"last success {when(r.last_success_at)}", f"{r.consecutive_failures} failures in a row",
                             f"{r.items_total:,} mentions", f"next poll {when(r.next_attempt_at)}"))
                  for r in rows)
    failing = sum(1 for r in rows if not r.healthy)
    return Reply(title="Parliament sources" + (f": {failing} failing" if failing else ": all working"),
                 sections=(Section(items=items),))


VERBS = {"watch": _watch, "tone": _tone, "export": _export, "csv": _export, "sources": _sources,
         "health": _sources}


def _reads(rest: str) -> bool:
    word = first_word(rest)
    if word == "watch":
        return first_word(rest.split(None, 1)[1] if len(rest.split(None, 1)) > 1 else "") in ("", "list")
    return word != "tone"


FAMILY = Family(
    name="parliament",
    summary="What MPs and peers say about our work: debates, written questions and statements",
    usage="/parliament <period> [house:lords|commons] [term:…] [member:…] [council:…]"
          "  ·  /parliament export <period>  ·  /parliament watch add|remove \"term\"  ·  /parliament watch list"
          "  ·  /parliament tone <id> positive|neutral|negative  ·  /parliament sources",
    examples=("/parliament this week", EXAMPLE, WATCH_EXAMPLE, "/parliament export last month", TONE_EXAMPLE),
    handle=handle,
    slow_words=("export", "csv"),
    reads=_reads,
)
