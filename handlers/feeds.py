"""`/feeds`: add, list and remove the feeds Herald polls for coverage, with each feed's health, and set
which of a feed's items count (`relevance`)."""
from __future__ import annotations

from datetime import datetime

from feeds.fetch import UnsafeURL, check_url
from feeds.urls import domain_of
from handlers.args import parse_args
from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.family import Family, first_word
from handlers.inputs import is_id
from handlers.reply import Item, Reply, Section
from models.access import Action
from models.audit import record_audit
from models.outlet import TIERS, add_feed, feed_by_url, list_feeds, remove_feed, tier_named
from models.relevance import RULES, feed_rule, set_feed_relevance

ADD_EXAMPLE = "/feeds add https://www.lgcplus.com/rss LGC tier:trade"


def handle(text: str, ctx: Context) -> Reply:
    """`add <url> [name] [tier:…]`, `list`, `remove <id>`."""
    verb, _, rest = text.strip().partition(" ")
    action = VERBS.get(verb.lower() or "list")
    if action is None:
        raise UsageError(f"I don't know /feeds {verb[:30]}", example=ADD_EXAMPLE)
    return action(rest, ctx)


def _add(text: str, ctx: Context) -> Reply:
    ctx.require(Action.FEEDS_ADD)
    args = parse_args(text, {"tier", "name"})
    if not args.words:
        raise UsageError("Give the feed's URL", example=ADD_EXAMPLE)
    url = args.words[0].strip("<>")
    typed = args.take("tier") or "online"
    tier = tier_named(typed)
    if tier is None:
        raise UsageError(f"Tier is one of {', '.join(TIERS)} (specialist is trade), not {typed[:30]!r}",
                         example=ADD_EXAMPLE, field="tier")
    try:
        check_url(url, ctx.settings.HERALD_ALLOW_PRIVATE_FEEDS)
    except UnsafeURL as exc:
        raise UsageError(f"I can't poll that feed: {exc}.", example=ADD_EXAMPLE, field="url") from None
    existing = feed_by_url(ctx.session, url)
    if existing is not None:
        return Reply(title=f"Already polling that feed (id {existing.id}: {existing.name})")
    name = args.take("name") or " ".join(args.words[1:]) or domain_of(url)
    feed = add_feed(ctx.session, url, name, domain_of(url), tier, ctx.actor.user_id, ctx.now())
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="feeds.add", entity="feed", entity_id=feed.id,
                 detail={"url": url, "tier": tier})
    return Reply(title=f"Feed {feed.id} added: {feed.name}",
                 sections=(Section(text=f"{url} ({tier}). Its current items are taken quietly as a baseline "
                                        "on the first poll; only newer items alert."),),
                 context=(f"Polled every {ctx.settings.HERALD_FEED_POLL_MINUTES} minutes. See /feeds list.",))


def _when(value: datetime | None, ctx: Context) -> str:
    return value.astimezone(ctx.tz).strftime("%-d %b %H:%M") if value else "never"


def _list(_text: str, ctx: Context) -> Reply:
    feeds = list_feeds(ctx.session)
    if not feeds:
        return Reply(title="No feeds yet", sections=(Section(text=f"Add one: {ADD_EXAMPLE}"),))
    items = []
    for f in feeds:
        detail = f.last_error or (f"Not well-formed: {f.bozo_reason}" if f.bozo_reason else None)
        marker = None if f.healthy else ("not_rated" if not f.polled else "red")
        items.append(Item(title=f"{f.id}. {f.name}", url=f.url, marker=marker,
                          meta=(f.tier, f"keeps {_rule_words(feed_rule(f.relevance, f.tier))}", f.state,
                                f"last success {_when(f.last_success_at, ctx)}",
                                f"{f.items_total:,} item{'' if f.items_total == 1 else 's'}", f"next poll {_when(f.next_poll_at, ctx)}"),
                          detail=detail))
    failing = sum(1 for f in feeds if f.polled and not f.healthy)
    return Reply(title=f"{len(feeds)} feed{'s' if len(feeds) != 1 else ''}" + (f", {failing} failing" if failing else ""),
                 sections=(Section(items=tuple(items)),), context=("Remove one with /feeds remove <id>.",))


def _remove(text: str, ctx: Context) -> Reply:
    ctx.require(Action.FEEDS_REMOVE)
    raw = text.strip().lstrip("#")
    if not is_id(raw):
        raise UsageError("Say which feed to remove (its id from /feeds list)", example="/feeds remove 3")
    feed = remove_feed(ctx.session, int(raw))
    if feed is None:
        raise NotFound(f"There is no feed with id {raw}.")
    record_audit(ctx.session, at=ctx.now(), actor=ctx.actor, action="feeds.remove", entity="feed", entity_id=feed.id,
                 detail={"url": feed.url})
    return Reply(title=f"Feed {feed.id} removed: {feed.name}", context=("Its coverage stays.",))


RELEVANCE_EXAMPLE = "/feeds relevance 3 mentions"


def _rule_words(rule: str) -> str:
    return "every item" if rule == "all" else "items mentioning us"


def _relevance(text: str, ctx: Context) -> Reply:
    """`relevance <id> all|mentions|default`: which of a feed's items count as coverage."""
    words = text.split()
    if len(words) != 2 or not is_id(words[0].lstrip("#")) or words[1].lower() not in (*RULES, "default"):
        raise UsageError("Say the feed's id and all, mentions (a council, tag, programme, campaign or "
                         "spokesperson) or default (mentions for regional feeds, else all)", example=RELEVANCE_EXAMPLE)
    ctx.require(Action.FEEDS_RELEVANCE)
    rule = None if words[1].lower() == "default" else words[1].lower()
    feed = set_feed_relevance(ctx.session, int(words[0].lstrip("#")), rule, ctx.actor, ctx.now())
    if feed is None:
        raise NotFound(f"There is no feed with id {words[0]}.")
    return Reply(title=f"Feed {feed.id} ({feed.name}) keeps {_rule_words(feed_rule(feed.relevance, feed.tier))}",
                 context=("From its next poll on; coverage already stored stays (mark an item with /coverage notours <id>).",))



VERBS = {"add": _add, "list": _list, "remove": _remove, "delete": _remove, "relevance": _relevance}

FAMILY = Family(
    name="feeds",
    summary="The feeds Herald polls for coverage, and their health",
    usage="/feeds add <url> [name] [tier:trade|specialist|national|regional|local|broadcast|online]  ·  /feeds list"
          "  ·  /feeds remove <id>  ·  /feeds relevance <id> all|mentions|default",
    examples=("/feeds list", ADD_EXAMPLE, RELEVANCE_EXAMPLE),
    slow_words=("add", "poll"),
    handle=handle,
    reads=lambda rest: first_word(rest) in ("", "list"),
)
