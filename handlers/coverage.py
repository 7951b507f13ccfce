"""`/coverage`: counts, change, tiers, tone and stories for any period; `log`, `tone`, `alert`, `export`;
`explain`, `story` and `notours` (handlers/coverage_judgement.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from rapidfuzz import process

from handlers.args import Args, parse_args
from handlers.context import Context
from handlers.csv_export import csv_attachment, file_name
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import is_id
from handlers.reply import Attachment, Fact, Item, Reply, Section, outlets_line
from models.council import resolve_council
from models.council_lookup import council_match, council_nice_names
from models.coverage import TONES
from models.coverage_query import (CoverageFilters, CoverageRow, CoverageSummary, coverage_between, coverage_page,
                                   iter_coverage, tag_names_like)
from models.outlet import TIERS, find_outlets, outlet_names
from models.periods import PERIOD_EXAMPLES, MONTHS, Period, PeriodError, parse_period

PAGE_SIZE = 10
EXPORT_MAX = 100_000
QUERY_OPTIONS = frozenset({"outlet", "council", "tag", "page"})
MAX_TERMS = 10  # each word is one more LIKE: hundreds overflow SQLite's expression tree ("too large")
PERIOD_MAX_WORDS = 6  # the longest period people type ("last 30 days", "Q1 2023/24 to Q2 2023/24")
TERMS_EXAMPLE = '/coverage this month "social care" Thurrock'
PERIOD_WORDS = frozenset({"today", "yesterday", "this", "last", "past", "previous", "since", "fy"}) | set(MONTHS)
_PERIOD_LIKE = re.compile(r"^(q[1-4]|\d{1,4}[/.-]\d{1,4}([/.-]\d{1,4})?)$")
_OPTION_LIKE = re.compile(r"^([a-z]{2,12}):(.*)$")
JUDGEMENT_WORDS = frozenset({"explain", "story", "notours", "not-ours"})  # handlers/coverage_judgement.py
_DAY_NUMBER = re.compile(r"^\d{1,2}(st|nd|rd|th)?$")
PERIOD_MAX_WORDS = 8  # "1 June 2023 to 30 June 2023" is seven
_GLUED = {example.replace(" ", ""): example for example in PERIOD_EXAMPLES + ("this quarter", "last quarter",
                                                                             "this year", "last year")}


@dataclass(frozen=True)
class CoverageQuery:
    """A `/coverage` question, parsed."""

    period: Period
    filters: CoverageFilters
    page: int
    export: bool
    described: tuple[str, ...]  # the filters in words, for the reply


def handle(text: str, ctx: Context) -> Reply:
    """Route `/coverage …` to the query or to its `log`, `tone` and `alert` actions."""
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    if first in ("log", "tone", "alert", "alerts"):
        from handlers import coverage_actions
        rest = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""
        return coverage_actions.ACTIONS[first](rest, ctx)
    if first in JUDGEMENT_WORDS:
        from handlers import coverage_judgement
        rest = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""
        return coverage_judgement.ACTIONS[first](rest, ctx)
    query = parse_query(text, ctx)
    return answer(query, text, ctx)


def parse_query(text: str, ctx: Context) -> CoverageQuery:
    """Read period, filters, page and `export` from a query; `UsageError` with an example if unreadable."""
    args = parse_args(text, QUERY_OPTIONS)
    export, tone, rest = _take_flags(args)
    _refuse_many_terms(len(rest) - PERIOD_MAX_WORDS)  # before reading a period out of them: each word costs
    period, terms = _take_period(rest, args, ctx)
    _refuse_many_terms(len(terms))
    filters, described = _filters(args, tone, terms, ctx)
    page = _page(args.take("page"))
    return CoverageQuery(period, filters, page, export, described)


def _take_flags(args: Args) -> tuple[bool, str | None, list[tuple[str, bool]]]:
    export, tone, rest = False, None, []
    for n, word in enumerate(args.words):
        quoted = n in args.quoted
        lower = word.lower()
        if not quoted and lower in ("export", "csv"):
            export = True
        elif not quoted and lower in TONES:
            if tone and tone != lower:
                raise UsageError("Pick one tone: positive, neutral or negative",
                                 example="/coverage this week negative")
            tone = lower
        elif not quoted and (m := _OPTION_LIKE.match(lower)) and not lower.startswith(("http:", "https:")):
            guess = process.extractOne(m.group(1), sorted(QUERY_OPTIONS))
            hint = f" Did you mean {guess[0]}:?" if guess and guess[1] >= 60 else ""
            raise UsageError(f"I don't know the filter {m.group(1)}:.{hint}",
                             example=f"/coverage this week {guess[0] if guess else 'outlet'}:{m.group(2) or 'MJ'}")
        else:
            rest.append((word, quoted))
    return export, tone, rest


def _refuse_many_terms(count: int) -> None:
    if count > MAX_TERMS:
        raise UsageError(f"Search for at most {MAX_TERMS} words or \"quoted phrases\" at a time "
                         "(an item must mention every one)", example=TERMS_EXAMPLE)


def _take_period(words: list[tuple[str, bool]], args: Args, ctx: Context) -> tuple[Period, list[str]]:
    """The longest run of unquoted words that is a period (default: this week); the rest are search terms."""
    now, tz = ctx.now(), ctx.tz
    best: tuple[int, int, Period] | None = None
    for start in range(len(words)):
        for end in range(min(len(words), start + PERIOD_MAX_WORDS), start, -1):
            if any(quoted for _w, quoted in words[start:end]):
                continue
            if best and end - start <= best[1] - best[0]:
                break
            try:
                best = (start, end, parse_period(" ".join(w for w, _q in words[start:end]), now, tz))
                break
            except PeriodError:
                continue
    dated = any(w.lower().strip(".,") in MONTHS for w, quoted in words if not quoted)
    if best is None:
        _refuse_period_like(words, args, ctx, dated)
        return parse_period("this week", now, tz), [w for w, _q in words]
    start, end, period = best
    leftover = words[:start] + words[end:]
    _refuse_period_like(leftover, args, ctx, dated)
    return period, [w for w, _q in leftover]


def _refuse_period_like(words: list[tuple[str, bool]], args: Args, ctx: Context, dated: bool) -> None:
    """Words that look like a period but are not one: answer with the nearest period we know.

    A bare day number beside a month ("31" of "31 Feb"), a period typed as one word ("lastweek") or misspelt
    ("last wek") is never searched for as text: the answer says so and offers the reading.
    """
    loose = [w for w, quoted in words if not quoted]
    for word in loose:
        if dated and _DAY_NUMBER.match(word.lower()):
            raise UsageError(f'"{word}" looks like the day of a date, but I can\'t read that date: is it a real day? '
                             "Write a day as 3/4/24 or 1 June 2023 (quote a number to search for it).",
                             example="/coverage 1 June 2023")
        if (glued := _GLUED.get(word.lower())) or (glued := _near_period(word)):
            raise UsageError(f'"{word}" looks like the period "{glued}". Search for the word by quoting it.',
                             example=f"/coverage {glued}", reading=_with_period(args, loose, word, glued))
    suspicious = [w for w in loose if w.lower() in PERIOD_WORDS or _PERIOD_LIKE.match(w.lower())]
    if not suspicious:
        return
    at = loose.index(suspicious[0])
    typed = " ".join(loose[at:at + 4])
    try:
        parse_period(typed, ctx.now(), ctx.tz)
    except PeriodError as exc:
        nearest = process.extractOne(typed.lower(), PERIOD_EXAMPLES)[0]
        close = process.extractOne(typed.lower(), PERIOD_EXAMPLES, score_cutoff=80)
        reading = _with_period(args, loose, typed, close[0]) if close else None
        raise UsageError(f"{exc}. Periods look like: today, last week, last 30 days, June 2023, Q1 2023/24.",
                         example=f"/coverage {nearest}", reading=reading) from None


def _near_period(word: str) -> str | None:
    """The period a one-word typo stands for ("lastweek", "lastmonth", "yesterdy"), or None."""
    lower = word.lower()
    if len(lower) < 7 or not lower.isalpha():
        return None
    found = process.extractOne(lower, list(_GLUED), score_cutoff=88)
    return _GLUED[found[0]] if found else None


def _with_period(args: Args, loose: list[str], typed: str, period: str) -> str:
    """The whole command again with `typed` read as `period`: the reading offered as a button."""
    words = " ".join(loose).replace(typed, period, 1)
    options = " ".join(f'{key}:"{value}"' if " " in value else f"{key}:{value}" for key, value in args.options.items())
    return " ".join(f"/coverage {words} {options}".split())


def _filters(args: Args, tone: str | None, terms: list[str], ctx: Context) -> tuple[CoverageFilters, tuple[str, ...]]:
    described: list[str] = []
    outlet_ids: tuple[int, ...] = ()
    council_codes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    if (name := args.take("outlet")) is not None:
        outlets = find_outlets(ctx.session, name) if name.strip() else []
        if not outlets:
            raise NotFound(f"I don't know the outlet {name!r}.", _nearest(name, outlet_names(ctx.session)))
        outlet_ids = tuple(o.id for o in outlets)
        described.append("outlet " + ", ".join(o.name for o in outlets))
    if (name := args.take("council")) is not None:
        match = council_match(ctx.session, name) if name.strip() else None
        if name.strip() and (match is None or not match.named):  # "BCP", "Thurock": the resolver people's names use
            resolved = resolve_council(ctx.session, name).council
            match = council_match(ctx.session, resolved.nice_name) if resolved is not None else match
        if match is None or not match.named:
            raise NotFound(f"I don't know a council called {name!r}.", _nearest(name, council_nice_names(ctx.session)))
        found, older = match.named, match.replaced
        council_codes = tuple(code for code, _nice in found + older)
        described.append("council " + ", ".join(dict.fromkeys(nice for _code, nice in found))
                         + (f" (with {', '.join(nice for _c, nice in older)}, which it replaced)" if older else ""))
    if (phrase := args.take("tag")) is not None:
        if not phrase.strip():
            raise UsageError("Say which tag, e.g. tag:\"peer challenge\"", example='/coverage this month tag:"peer challenge"')
        tags = tuple(tag_names_like(ctx.session, phrase)) or (phrase,)
        described.append("tag " + ", ".join(tags))
    if tone:
        described.append(tone)
    if terms:
        described.append("mentioning " + " and ".join(f'"{t}"' for t in terms))
    return CoverageFilters(outlet_ids, council_codes, tags, tone, tuple(terms)), tuple(described)


def _nearest(name: str, choices: list[str]) -> tuple[str, ...]:
    return tuple(c for c, score, _ in process.extract(name, choices, limit=3) if score >= 60)


def _page(raw: str | None) -> int:
    if raw is None:
        return 1
    if not is_id(raw) or int(raw) < 1:
        raise UsageError(f"page:{raw[:10]} is not a page number", example="/coverage this week page:2")
    return int(raw)


def answer(query: CoverageQuery, text: str, ctx: Context) -> Reply:
    """The count, change, breakdowns and one page of items; or the CSV of everything matched."""
    previous = query.period.compared_at(ctx.now())
    summary = coverage_between(ctx.session, query.period, query.filters, compared_with=previous)
    offset = (query.page - 1) * PAGE_SIZE
    rows = coverage_page(ctx.session, query.period, query.filters, offset, PAGE_SIZE) if summary.count else []
    title = f"Coverage {query.period.label}: {_plural(summary.count, 'item')}"
    sections = [_headline_facts(summary, query.period, previous)]
    if summary.count:
        sections += [_breakdown("By outlet tier", summary.by_tier, (*TIERS, "unknown")),
                     _breakdown("By tone", summary.by_tone, TONES)]
    sections.append(_items_section(rows, ctx, summary.count, offset))
    context = [f"Filters: {'; '.join(query.described)}"] if query.described else []
    if summary.count:
        context.append(f"Showing {offset + 1 if rows else 0}–{offset + len(rows)} of {summary.count}, newest first. "
                       "Add export for a CSV of them all.")
    more = offset + len(rows) < summary.count
    attachments = (_export(query, ctx),) if query.export else ()
    return Reply(title=title, sections=tuple(sections), context=tuple(context),
                 next_page=_next_page(text, query.page) if more else None, attachments=attachments)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _headline_facts(summary: CoverageSummary, period: Period, previous: Period) -> Section:
    before = summary.before or 0
    change = summary.count - before
    trend = "no change" if change == 0 else f"{'up' if change > 0 else 'down'} {abs(change):,}"
    before_label = _compared_label(period, previous)
    facts = [Fact("Items", f"{summary.count:,} ({trend} on {before_label}: {before:,})")]
    if summary.favourable_share is not None:
        facts.append(Fact("Positive + neutral", f"{summary.favourable_share:.0%}"))
    if summary.count and summary.stories != summary.count:
        facts.append(Fact("Stories", f"{summary.stories:,} (some in several outlets)"))
    if summary.count:
        facts.append(Fact("Proactive", f"{summary.proactive:,} from our press activity, "
                                       f"{summary.count - summary.proactive:,} reactive or unprompted"))
    return Section(facts=tuple(facts))


def _compared_label(period: Period, previous: Period) -> str:
    """"the week before", or "the same point last week" when a running period was cut to match."""
    calendar = previous.unit in ("day", "week", "month", "quarter", "year")
    if previous.end == period.start:
        return f"the {previous.unit} before" if calendar else "the period before"
    if previous.unit == "day":
        return "the same time yesterday"
    return f"the same point last {previous.unit}" if calendar else "the same point of the period before"


def _breakdown(heading: str, counts: dict[str, int], order: tuple[str, ...]) -> Section:
    keys = [k for k in order if counts.get(k)] + [k for k in counts if k not in order and counts[k]]
    return Section(heading=heading, facts=tuple(Fact(k.capitalize(), f"{counts[k]:,}") for k in keys))


def _items_section(rows: list[CoverageRow], ctx: Context, total: int, offset: int) -> Section:
    if not rows:
        text = "No coverage matched." if not total else "No more items: that was the last page."
        return Section(text=text + " Try a longer period, e.g. /coverage last month.")
    tz = ctx.tz
    items = tuple(_story_line(story, tz) for story in _by_story(rows))
    return Section(heading="Stories", items=items)


def _by_story(rows: list[CoverageRow]) -> list[list[CoverageRow]]:
    """The page's rows, those of one story together (at the place of its newest), newest first."""
    stories: dict[int, list[CoverageRow]] = {}
    for row in rows:
        stories.setdefault(row.story_id if row.story_id is not None else -row.id, []).append(row)
    return list(stories.values())


def _story_line(story: list[CoverageRow], tz: ZoneInfo) -> Item:
    """One line per story: its newest item, and every outlet of the page that carried it."""
    lead = story[0]
    if len(story) == 1:
        return Item(title=lead.title, url=lead.url, meta=_meta(lead, tz), marker=lead.tone, detail=f"id {lead.id}")
    meta = (outlets_line([r.outlet or "unknown outlet" for r in story]),) + _meta(lead, tz)[1:]
    return Item(title=lead.title, url=lead.url, meta=meta, marker=lead.tone,
                detail="ids " + ", ".join(str(r.id) for r in story))


def _meta(row: CoverageRow, tz: ZoneInfo) -> tuple[str, ...]:
    meta = [row.outlet or "unknown outlet", row.published_at.astimezone(tz).strftime("%a %-d %b %Y"),
            row.tone + (" (set by a person)" if row.tone_overridden else "")]
    if row.councils:
        meta.append(", ".join(row.councils))
    return tuple(meta)


def _next_page(text: str, page: int) -> str:
    base = re.sub(r"(?i)(^|\s)page:\S*", " ", text)
    base = re.sub(r"(?i)(^|\s)(export|csv)(?=\s|$)", " ", base)
    return " ".join(f"coverage {base} page:{page + 1}".split())


def _export(query: CoverageQuery, ctx: Context) -> Attachment:
    """A CSV of every matched item (up to EXPORT_MAX rows), times in HERALD_TIMEZONE."""
    rows = []
    for n, r in enumerate(iter_coverage(ctx.session, query.period, query.filters)):
        if n >= EXPORT_MAX:
            break
        rows.append([r.id, r.published_at.astimezone(ctx.tz).isoformat(timespec="minutes"), r.title, r.url, r.outlet,
                     r.tier, r.tone, "yes" if r.tone_overridden else "no", "; ".join(r.councils), "; ".join(r.tags),
                     r.note])
    header = ("id", "published", "title", "url", "outlet", "tier", "tone", "tone_set_by_person", "councils", "tags",
              "note")
    return csv_attachment(file_name("coverage", query.period.label), header, rows)


def _only_reads(rest: str) -> bool:
    """Whether `/coverage rest` only reads: a query, `explain`, or the list of alert rules."""
    words = rest.lower().split()[:2]
    if words[:1] in (["alert"], ["alerts"]):
        return words[1:] in ([], ["list"])
    return first_word(rest) not in ("log", "tone", "story", "notours", "not-ours")


FAMILY = Family(
    name="coverage",
    summary="Media coverage: counts, tone and stories for any period",
    usage="/coverage [period] [outlet:NAME] [council:NAME] [tag:\"…\"] [positive|neutral|negative] [words] [export]  ·  /coverage log <url> [outlet] [tone] [date:…] [title:\"…\"] [tier:…] [note]  ·  /coverage tone <id> <tone>  ·  /coverage alert add|list|remove  ·  /coverage explain <id>  ·  /coverage story split <id> | merge <id> <id>  ·  /coverage notours <id> [reason]",
    examples=("/coverage this week", "/coverage last month outlet:MJ negative", "/coverage Q1 2023/24 council:Thurrock",
              '/coverage log https://news.sky.com/story/123 "Sky News" positive date:yesterday title:"Cllr Brown interview"',
              "/coverage tone 42 negative", '/coverage alert add negative council:Thurrock',
              "/coverage explain 42", "/coverage story merge 42 17", "/coverage notours 42 rugby report"),
    slow_words=("export",),
    searches_words=True,
    handle=handle,
    reads=lambda rest: _only_reads(rest),
)
