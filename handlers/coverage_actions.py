"""`/coverage log`, `/coverage tone` and `/coverage alert …`: the actions next to the coverage query."""
from __future__ import annotations

import re
from datetime import datetime, time
from urllib.parse import urlsplit

from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from feeds.urls import domain_of
from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.inputs import is_id, read_moment
from handlers.reply import Fact, Item, Reply, Section
from models.access import Action
from models.audit import record_audit
from models.alerts import AlertRule
from models.coverage import CoverageItem
from models.alerts import add_alert_rule, alert_rules_for, remove_alert_rule, split_terms
from models.council_lookup import councils_named
from models.coverage import TONES
from models.outlet import TIERS, find_outlets, outlet_for, tier_named

LOG_EXAMPLE = ('/coverage log https://news.sky.com/story/123 "Sky News" positive date:yesterday '
               'title:"Cllr Brown on council finances" interview on the 6pm news')
TONE_EXAMPLE = "/coverage tone 42 negative"
ALERT_EXAMPLE = '/coverage alert add negative council:Thurrock include:"section 114"'
MAX_ALERT_TERMS = 20  # every new item is matched against every term of every rule


def log_item(text: str, ctx: Context) -> Reply:
    """Log broadcast, print or podcast coverage by hand: link, then outlet, tone, `date:`, `title:`, a note.

    Logged after the event is the common case (print, radio), so `date:` says when it ran (default:
    now). The tier is the outlet's own when Herald knows the outlet, else `tier:` or online; the
    headline is `title:` or one made from the link, never the note. The reply says which defaults it used.
    """
    ctx.require(Action.COVERAGE_LOG)
    args = parse_args(text, {"outlet", "tone", "tier", "title", "note", "date"})
    if not args.words or not _is_url(args.words[0]):
        raise UsageError("Start with the link to the coverage (http:// or https://)", example=LOG_EXAMPLE)
    url, rest = args.words[0], list(enumerate(args.words[1:], start=1))
    tone = args.take("tone")
    for n, word in rest:
        if tone is None and n not in args.quoted and word.lower() in TONES:
            tone = word.lower()
            rest = [(m, w) for m, w in rest if m != n]
            break
    if tone is not None and tone.lower() not in TONES:
        raise UsageError(f"Tone is positive, neutral or negative, not {tone!r}", example=LOG_EXAMPLE)
    outlet_name = args.take("outlet")
    if outlet_name is None and rest and (rest[0][0] in args.quoted or find_outlets(ctx.session, rest[0][1])):
        outlet_name = rest.pop(0)[1]
    defaults: list[str] = []
    when = _logged_when(args.take("date"), ctx, defaults)
    typed_tier = args.take("tier")
    tier = tier_named(typed_tier) if typed_tier else None
    if typed_tier and tier is None:
        raise UsageError(f"Tier is one of {', '.join(TIERS)} (specialist is trade), not {typed_tier[:30]!r}",
                         example=LOG_EXAMPLE)
    note = args.take("note") or " ".join(w for _n, w in rest) or None
    title = args.take("title")
    if not title:
        title = _title_from_url(url)
        defaults.append("headline from the link (add title:\"…\")")
    outlet = outlet_for(ctx.session, outlet_name, None if outlet_name else domain_of(url), tier or "online")
    if tier is None:
        defaults.append(f"tier {outlet.tier}, the outlet's (or add tier:{'|'.join(TIERS)})")
    now = ctx.now()
    candidate = from_fields(url, title, note, when, now)
    result = classify_and_store(ctx.session, [candidate], source="manual", now=now, outlet_id=outlet.id,
                                tone=tone.lower() if tone else None, note=note, logged_by=ctx.actor.user_id)
    stored = result.stored[0]
    if not stored.created:
        return Reply(title=f"Already logged as id {stored.item_id}",
                     sections=(Section(text=f"{candidate.canonical_url} is already in coverage."),),
                     context=(f"Change its tone with /coverage tone {stored.item_id} positive|neutral|negative",))
    record_audit(ctx.session, at=now, actor=ctx.actor, action="coverage.log", entity="coverage_item",
                 entity_id=stored.item_id, detail={"url": candidate.canonical_url, "outlet": outlet.name})
    shown = when.astimezone(ctx.tz).strftime("%a %-d %b %Y %H:%M")
    facts = (Fact("Outlet", f"{outlet.name} ({outlet.tier})"), Fact("Ran", shown),
             Fact("Tone", tone or "from the model"), *((Fact("Note", note),) if note else ()))
    context = ((f"Defaults used: {'; '.join(defaults)}.",) if defaults else ()) + (
        f"Change its tone with /coverage tone {stored.item_id} positive|neutral|negative",)
    return Reply(title=f"Logged coverage id {stored.item_id}",
                 sections=(Section(items=(Item(title=candidate.title, url=candidate.url,
                                               meta=(outlet.name, tone or "tone from the model")),)),
                           Section(facts=facts)),
                 context=context)


def _logged_when(typed: str | None, ctx: Context, defaults: list[str]) -> datetime:
    """When the coverage ran: `date:` read like every other date (past direction), else now."""
    if not typed:
        defaults.append("ran now (add date:… for earlier, e.g. date:yesterday or date:3/4/24)")
        return ctx.now()
    when = read_moment(typed, ctx, "date", '/coverage log https://… date:"Tue 8am"', direction="past",
                       default_time=time(9, 0))
    if when > ctx.now():
        raise UsageError("date: is in the future; coverage is logged once it has run",
                         example='/coverage log https://… date:yesterday', field="date")
    return when


def _is_url(word: str) -> bool:
    parts = urlsplit(word)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _title_from_url(url: str) -> str:
    parts = urlsplit(url)
    slug = [p for p in parts.path.split("/") if p]
    words = re.sub(r"[-_]+", " ", slug[-1]).strip() if slug else ""
    return f"{domain_of(url)}: {words}" if words and not words.isdigit() else domain_of(url)


def set_item_tone(text: str, ctx: Context) -> Reply:
    """A person's tone for an item; it always wins over the model and is audited."""
    from models.coverage import set_tone
    words = text.split()
    if len(words) != 2 or not is_id(words[0].lstrip("#")) or words[1].lower() not in TONES:
        raise UsageError("Say the item's id and its tone", example=TONE_EXAMPLE)
    item_id, tone = int(words[0].lstrip("#")), words[1].lower()
    found = ctx.session.get(CoverageItem, item_id)
    ctx.require(Action.COVERAGE_TONE, owner_id=found.logged_by if found is not None else None)
    item = set_tone(ctx.session, item_id, tone, ctx.actor, ctx.now())
    if item is None:
        raise NotFound(f"There is no coverage item with id {item_id}.")
    return Reply(title=f"Tone of item {item_id} set to {tone}",
                 sections=(Section(items=(Item(title=item.title, url=item.url, marker=tone),)),),
                 context=("A person's tone always wins over the model's.",))


def alerts(text: str, ctx: Context) -> Reply:
    """`alert add …`, `alert list`, `alert remove <id>`."""
    verb, _, rest = text.strip().partition(" ")
    action = ALERT_VERBS.get(verb.lower() or "list")
    if action is None:
        raise UsageError("Alerts: add, list or remove", example=ALERT_EXAMPLE)
    return action(rest, ctx)


def _remove_alert(text: str, ctx: Context) -> Reply:
    if not is_id(text.strip().lstrip("#")):
        raise UsageError("Say which rule to remove", example="/coverage alert remove 3")
    found = ctx.session.get(AlertRule, int(text.strip().lstrip("#")))
    ctx.require(Action.ALERT_REMOVE, owner_id=found.created_by if found is not None else None)
    rule = remove_alert_rule(ctx.session, int(text.strip().lstrip("#")))
    if rule is None:
        raise NotFound(f"There is no active alert rule {text.strip()}.")
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="coverage.alert.remove",
                 entity="alert_rule", entity_id=rule.id)
    return Reply(title=f"Alert rule {rule.id} removed")


def _add_alert(text: str, ctx: Context) -> Reply:
    ctx.require(Action.ALERT_ADD)
    if not ctx.channel:
        raise UsageError("Run this in the channel that should get the alerts", example=ALERT_EXAMPLE)
    if ctx.actor.platform == "teams":
        raise UsageError("Coverage alerts are posted to Slack channels; add the rule from Slack for now",
                         example=ALERT_EXAMPLE)
    args = parse_args(text, {"council", "tier", "include", "exclude"})
    negative = False
    include: list[str] = []
    for n, word in enumerate(args.words):
        if n not in args.quoted and word.lower() == "negative":
            negative = True
        else:
            include.append(word)
    include += _terms(args.take("include"))
    exclude = _terms(args.take("exclude"))
    if len(include) > MAX_ALERT_TERMS or len(exclude) > MAX_ALERT_TERMS:
        raise UsageError(f"An alert rule takes at most {MAX_ALERT_TERMS} words or phrases to look for and "
                         f"{MAX_ALERT_TERMS} to leave out", example=ALERT_EXAMPLE)
    council_code = council_name = None
    if (name := args.take("council")) is not None:
        found = councils_named(ctx.session, name)
        if not found:
            raise NotFound(f"I don't know a council called {name!r}.", ())
        council_code, council_name = found[0]
    tier = args.take("tier")
    if tier is not None and tier.lower() not in TIERS:
        raise UsageError(f"Tier is one of {', '.join(TIERS)}", example=ALERT_EXAMPLE)
    if not (negative or include or exclude or council_code or tier):
        raise UsageError("Say what to alert on: negative, words, council: or tier:", example=ALERT_EXAMPLE)
    rule = add_alert_rule(ctx.session, platform=ctx.actor.platform, destination=ctx.channel,
                          workspace=ctx.actor.workspace, negative_only=negative, include=include,
                          exclude=exclude, council_code=council_code, tier=tier.lower() if tier else None,
                          created_by=ctx.actor.user_id, now=ctx.now())
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="coverage.alert.add", entity="alert_rule",
                 entity_id=rule.id, detail={"destination": ctx.channel})
    return Reply(title=f"Alert rule {rule.id} added", sections=(Section(facts=_rule_facts(rule, council_name)),),
                 context=("New matching coverage will be posted here once, as it arrives.",))


def _terms(raw: str | None) -> list[str]:
    return [t.strip() for t in (raw or "").split(",") if t.strip()]


def _rule_facts(rule, council_name: str | None = None) -> tuple[Fact, ...]:
    facts = []
    if rule.negative_only:
        facts.append(Fact("Tone", "negative only"))
    if rule.include_terms:
        facts.append(Fact("Mentions any of", ", ".join(split_terms(rule.include_terms))))
    if rule.exclude_terms:
        facts.append(Fact("Not mentioning", ", ".join(split_terms(rule.exclude_terms))))
    if rule.council_code:
        facts.append(Fact("Council", council_name or rule.council_code))
    if rule.tier:
        facts.append(Fact("Outlet tier", rule.tier))
    return tuple(facts)


def _list_alerts(_text: str, ctx: Context) -> Reply:
    rules = alert_rules_for(ctx.session, ctx.channel)
    if not rules:
        return Reply(title="No alert rules here", sections=(Section(text=f"Add one: {ALERT_EXAMPLE}"),))
    from models.council import Council
    sections = tuple(Section(heading=f"Rule {r.id}", facts=_rule_facts(
        r, ctx.session.get(Council, r.council_code).nice_name if r.council_code else None)) for r in rules)
    return Reply(title=f"{len(rules)} alert rule{'s' if len(rules) != 1 else ''}", sections=sections,
                 context=("Remove one with /coverage alert remove <id>.",))


ALERT_VERBS = {"add": _add_alert, "list": _list_alerts, "remove": _remove_alert, "delete": _remove_alert,
               "stop": _remove_alert}
ACTIONS = {"log": log_item, "tone": set_item_tone, "alert": alerts, "alerts": alerts}
