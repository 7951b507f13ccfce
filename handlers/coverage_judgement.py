"""`/coverage explain ID`, `/coverage story split|merge …` and `/coverage notours ID`: why Herald judged an
item as it did, and a person's corrections to its stories and relevance (each audited).

Who may correct a judgement is the access policy's (`models.access`: COVERAGE_STORY, COVERAGE_NOT_OURS),
as for the tone override (`/coverage tone`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.context import Context
from handlers.errors import NotFound, UsageError
from handlers.inputs import is_id
from handlers.reply import Button, Fact, Item, Reply, Section
from models.access import Action
from models.coverage import CoverageItem

if TYPE_CHECKING:
    from models.story_text import StoryText

EXPLAIN_EXAMPLE = "/coverage explain 42"
STORY_EXAMPLE = "/coverage story split 42  ·  /coverage story merge 42 17"
NOT_OURS_EXAMPLE = "/coverage notours 42 sports report"


def _item_id(word: str, example: str) -> int:
    word = word.lstrip("#")
    if not is_id(word):
        raise UsageError("Say the item's id (the number after 'id' in /coverage)", example=example)
    return int(word)


def _author_of(ctx: Context, item_id: int) -> str | None:
    """Who logged the item by hand (the author a correction rule admits), if anyone did."""
    item = ctx.session.get(CoverageItem, item_id)
    return item.logged_by if item is not None else None


def _item(ctx: Context, item_id: int) -> CoverageItem:
    item = ctx.session.get(CoverageItem, item_id)
    if item is None:
        raise NotFound(f"There is no coverage item with id {item_id}.")
    return item


def explain(text: str, ctx: Context) -> Reply:
    """Why an item has its tone, its councils and its story: the words that matched, the rule, the score."""
    words = text.split()
    if len(words) != 1:
        raise UsageError("Say which item to explain", example=EXPLAIN_EXAMPLE)
    item = _item(ctx, _item_id(words[0], EXPLAIN_EXAMPLE))
    heading = Section(items=(Item(title=item.title, url=item.url, marker=item.tone,
                                  meta=(item.outlet.name if item.outlet else "unknown outlet",
                                        item.published_at.astimezone(ctx.tz).strftime("%a %-d %b %Y"),
                                        f"from {item.source}")),))
    sections = [heading, _tone_section(item), _council_section(ctx, item), _story_section(ctx, item)]
    buttons = (Button("Not ours", command=f"coverage notours {item.id}", style="danger"),
               Button("Split from its story", command=f"coverage story split {item.id}"))
    return Reply(title=f"Why item {item.id} is judged as it is", sections=tuple(sections), buttons=buttons,
                 context=(f"Correct it: /coverage tone {item.id} positive|neutral|negative · "
                          f"/coverage story split {item.id} · /coverage story merge {item.id} <other id> · "
                          f"/coverage notours {item.id}",))


def _tone_section(item: CoverageItem) -> Section:
    from feeds.tone import explain_tone
    judged = explain_tone(item.title)
    if item.tone_overridden:
        said = f" (set by a person; the model says {judged.tone})"
    elif item.tone != judged.tone:
        said = f" (given when it was stored, from {item.source}; the model now says {judged.tone})"
    else:
        said = ""
    chances = ", ".join(f"{tone} {judged.probabilities[tone]:.0%}" for tone in ("positive", "neutral", "negative"))
    pushes = "; ".join(f"“{p.words}” {p.weight:+.2f}" for p in judged.pushes)
    facts = [Fact("Tone", item.tone + said), Fact("Rule", judged.rule),
             Fact("Score", f"{judged.score:+.2f} (the model's chances: {chances}; the rules' score "
                           f"{judged.rules.score:+.2f}, positive at +0.30, negative at −0.30; VADER alone "
                           f"{judged.vader:+.2f})"),
             Fact(f"Words that pushed it to {judged.tone} over {judged.runner_up}", pushes or "none")]
    hits = [f"“{h.words}” {h.kind}{' (negated)' if h.negated else ''} {h.weight:+.1f}" for h in judged.hits]
    facts.append(Fact("Rules that matched", "; ".join(hits) if hits else "none from the local-government lexicon"))
    return Section(heading="Tone", facts=tuple(facts))


def _council_section(ctx: Context, item: CoverageItem) -> Section:
    from feeds.councils import council_matcher
    from models.council import Council
    evidence = council_matcher(ctx.session).evidence(f"{item.title}\n{item.summary or ''}")
    stored = sorted(ctx.session.get(Council, c.council_code).nice_name for c in item.councils)
    facts = [Fact("Councils", ", ".join(stored) if stored else "none")]
    facts += [Fact(f"“{e.named}”", f"{'counted' if e.counted else 'not counted'}: {e.why}") for e in evidence]
    return Section(heading="Councils", facts=tuple(facts))


def _story_section(ctx: Context, item: CoverageItem) -> Section:
    from models.sentence_meaning import sentence_budget
    from models.stories import SENTENCE_SECONDS
    from models.story_corrections import story_of
    from models.story_match import same_story
    from models.story_settling import awaiting_settling
    story_id, members = story_of(ctx.session, item.id)
    if story_id is None or len(members) < 2:
        if awaiting_settling(ctx.session, item.id):
            return Section(heading="Story", text="Being settled: this item came in a big post, whose items are "
                                                 "compared with each other and the week's coverage moments after it "
                                                 "was answered. Ask again in a few seconds.")
        return Section(heading="Story", text="A story of its own: no other item within 72 hours reports the same event.")
    mine = _story_text(item)
    items = []
    with sentence_budget(SENTENCE_SECONDS):  # a big story's texts are read as a batch's are; each reason says if not
        for other_id, title, outlet in members:
            if other_id == item.id:
                continue
            other = ctx.session.get(CoverageItem, other_id)
            match = same_story(mine, _story_text(other))
            items.append(Item(title=title, meta=(outlet or "unknown outlet", f"id {other_id}", match.reason)))
    return Section(heading=f"Story {story_id}: {len(members)} items", items=tuple(items))


def _story_text(item: CoverageItem) -> "StoryText":
    from models.story_text import StoryText
    return StoryText(item.title, item.summary, item.published_at, tuple(c.council_code for c in item.councils), item.tone)


def story(text: str, ctx: Context) -> Reply:
    """`story split ID` takes an item out of its story; `story merge ID OTHER` puts ID's story into OTHER's."""
    from models.story_corrections import merge_items, split_item
    words = text.split()
    verb = words[0].lower() if words else ""
    if verb == "split" and len(words) == 2:
        item_id = _item_id(words[1], STORY_EXAMPLE)
        ctx.require(Action.COVERAGE_STORY, owner_id=_author_of(ctx, item_id))
        change = split_item(ctx.session, item_id, ctx.actor, ctx.now())
        if change is None:
            raise NotFound(f"There is no coverage item with id {item_id}.")
        return Reply(title=f"Item {item_id} is now a story of its own",
                     context=(f"Undo: /coverage story merge {item_id} <an item of its old story>",))
    if verb == "merge" and len(words) == 3:
        item_id, into_id = _item_id(words[1], STORY_EXAMPLE), _item_id(words[2], STORY_EXAMPLE)
        ctx.require(Action.COVERAGE_STORY, owner_id=_author_of(ctx, item_id))
        if item_id == into_id:
            raise UsageError("Give two different items", example=STORY_EXAMPLE)
        missing = [n for n in (item_id, into_id) if ctx.session.get(CoverageItem, n) is None]
        if missing:
            raise NotFound(f"There is no coverage item with id {missing[0]}.")
        change = merge_items(ctx.session, item_id, into_id, ctx.actor, ctx.now())
        return Reply(title=f"Merged: {len(change.moved)} item{'s' if len(change.moved) != 1 else ''} now in "
                           f"item {into_id}'s story",
                     context=(f"Undo for one item: /coverage story split {item_id}",))
    raise UsageError("Split an item from its story, or merge two items' stories", example=STORY_EXAMPLE)


def not_ours(text: str, ctx: Context) -> Reply:
    """Take an item out of coverage and every figure for good (audited); the rest of the text is the reason."""
    from models.relevance import exclude_item
    words = text.split(None, 1)
    if not words:
        raise UsageError("Say which item is not ours", example=NOT_OURS_EXAMPLE)
    item_id = _item_id(words[0], NOT_OURS_EXAMPLE)
    ctx.require(Action.COVERAGE_NOT_OURS, owner_id=_author_of(ctx, item_id))
    exclusion = exclude_item(ctx.session, item_id, ctx.actor, ctx.now(), words[1] if len(words) > 1 else None)
    if exclusion is None:
        raise NotFound(f"There is no coverage item with id {item_id}.")
    return Reply(title=f"Item {item_id} is not ours: removed from coverage and every figure",
                 sections=(Section(items=(Item(title=exclusion.title),)),),
                 context=("No feed, webhook or person will store that link as coverage again; "
                          "the audit log keeps what the item was.",))


ACTIONS = {"explain": explain, "story": story, "notours": not_ours, "not-ours": not_ours}
