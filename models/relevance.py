"""Relevance: which items count as our coverage. A feed's rule decides at ingestion; a person's
"not ours" takes an item out of every figure afterwards (audited).

- A feed's rule (`feeds.relevance`): `all` keeps every entry; `mentions` keeps only entries that
  mention a council (by name, or the word council/councillor/Cllr or mayor), a programme or campaign tag,
  or a spokesperson of our press activity, or speak of a council without naming one: a combined
  authority, a town or county hall, or a service or act only councils have ("Bin collections go
  fortnightly", "Gritters ready for first frost", "Plans for 300 homes approved";
  `models.relevance_words.SERVICES`, each in its council sense: hospital parking is the NHS's). A
  council word that is only an address or a former member ("assault on a council estate",
  "Ex-councillor's son jailed") does not count by itself, nor does a town or city hall that is only the
  venue ("Wedding fair at Rochdale Town Hall"; `models.relevance_senses`), unless the rest is local
  government's news or, for a council home, its landlord's ("Council flat tenants say damp ignored");
  "the authority" is the council unless another body's word names it. A council found only by its place's name
  does not count when the item reads as crime, court, weather, sport, travel, health, business, arts,
  charity or national politics news and has no local-government word (`off_topic`; "homes", "estate",
  "children" and "care" are crime's and weather's words too), nor when nothing in it is a
  local-government word ("Blackpool illuminations switch-on date announced"); its leader, its debts,
  what it fines, demolishes or apologises for are ("Bolton to fine fly-tippers"). Unset, the rule
  follows the feed's tier: `regional` feeds (local papers bring sport, court and weather) need
  mentions, the trade and national press does not.
- "Not ours": the item is removed from coverage (so every count, share, story and digest loses it
  at once, with no query changed), and its canonical URL is remembered in `coverage_exclusions`
  so no feed, webhook or person stores it again. The audit entry keeps what the item was.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Sequence

from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.audit import ActorLike, record_audit
from models.bulk import batches, one_of
from models.coverage import CoverageItem
from models.db import Base
from models.relevance_words import (AFTER_A_COUNCIL_WORD, BEFORE_A_COUNCIL_WORD, LOCAL_GOVERNMENT_WORDS, OFF_TOPIC,
                                    OFF_TOPIC_WORDS, PLACE_ACTS, PLACE_GOVERNMENT_WORDS, PLACE_SERVICE_WORDS,
                                    PRIVATE_LIFE, RELEVANCE_SHARED_WORDS, SHARED_WORDS, off_topic_kinds,
                                    service_named)  # the finder reads some from here
from models.relevance_senses import LANDLORD_WORDS, a_venue, the_authority

if TYPE_CHECKING:
    from models.outlet import Feed

RULES = ("all", "mentions")
MENTIONS_BY_DEFAULT = frozenset({"regional"})  # tiers whose feeds need a mention unless told otherwise


class CoverageExclusion(Base):
    """A URL a person said is not our coverage: never stored as coverage again."""

    __tablename__ = "coverage_exclusions"

    canonical_url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    title: Mapped[str] = mapped_column(String(1000))
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id", ondelete="SET NULL"))
    excluded_by: Mapped[str] = mapped_column(String(100))
    excluded_at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)


def feed_rule(relevance: str | None, tier: str | None) -> str:
    """The rule a feed follows: its own, else its tier's default."""
    if relevance in RULES:
        return relevance
    return "mentions" if tier in MENTIONS_BY_DEFAULT else "all"


@dataclass(frozen=True)
class Relevance:
    """Why an item counts (or not) under a rule."""

    relevant: bool
    reason: str


COUNCIL_WORDS = frozenset({"council", "councils", "councillor", "councillors", "cllr", "cllrs"})
# Phrases that speak of a council without the word: its building, or a combined authority.
COUNCIL_PHRASES = re.compile(r"\b(?:combined (?:county )?authority|combined authorities|town hall|county hall|"
                             r"city hall|civic centre|unitary authority|local authority|local authorities)\b")
_WORDS = re.compile(r"[a-z0-9&]+")
# A police and crime commissioner is the police's, not a council's (their elections neither).
_PCC = re.compile(r"\bpolice,? (?:fire )?and crime commissioners?(?:'s?)?(?: elections?)?\b|\bpccs?\b(?: elections?)?")
_PHRASE_WORDS = frozenset({"combined", "hall", "civic", "unitary", "local"})  # one is in each of COUNCIL_PHRASES
_SPEAKING_WORDS = COUNCIL_WORDS | {"mayor", "mayors", "mayoral"}  # a mayor is a council's, or a combined authority's
_ROAD = re.compile(r"\b[AM][0-9]{1,4}\b")  # A64, M62
_LOCAL_GOVERNMENT_ONLY = (LOCAL_GOVERNMENT_WORDS - SHARED_WORDS - PLACE_SERVICE_WORDS - RELEVANCE_SHARED_WORDS) | \
    PLACE_GOVERNMENT_WORDS
_LOCAL_GOVERNMENT_ANY = LOCAL_GOVERNMENT_WORDS | PLACE_GOVERNMENT_WORDS | PLACE_ACTS


# Bodies called councils that are not local government: national ones ("Arts Council England",
# "Sentencing Council", "Medical Research Council") and a school's or students' council.
OTHER_COUNCILS = re.compile(r"\b(?:arts|research|sentencing|privy|british|design|medical|midwifery|chiefs'?|"
                            r"security|student|students|school|pupil|youth|sports?|safety|advisory|european|"
                            r"world|jockey|trade|tenants'?|residents'?|union|federation|association|church|"
                            r"parochial) councils?\b|\barts council of\b")


def speaks_of_a_council(text: str) -> str:
    """The words by which a text speaks of a council without naming one ("" when it does not): a local
    paper's "Council leader resigns" is about its own council, as are "Combined authority agrees housing
    fund", "Town hall jobs cut" and, by a service only councils run, "Bin collections go fortnightly"
    (`relevance_words.SERVICES`). "Arts Council funds theatre", "Student council wins prize" are not, nor
    a council word that is only an address or a former member ("assault on a council estate",
    "Ex-councillor's son jailed") or a building that is only a venue ("Wedding fair at Rochdale Town Hall")
    unless the rest is local government's news (or its landlord's, for a council home: "Council flat tenants
    say damp ignored"). "The authority" is the council ("Authority to axe 300 posts"), not when another
    body's word names it ("Civil Aviation Authority")."""
    lowered, words = _lowered_words(text)
    strong, weak = _council_words(words)
    kinds = _kinds(text)
    if "crime or court" in kinds and _former_member(words):
        return ""  # "Former councillor jailed": a person's crime, whatever else it names
    if strong:
        return "council" if not COUNCIL_WORDS.isdisjoint(words) else "mayor"
    phrase = None if _PHRASE_WORDS.isdisjoint(words) else COUNCIL_PHRASES.search(lowered)
    if phrase and not a_venue(text, words, kinds, lowered[:phrase.start()]):
        return phrase.group(0)
    if the_authority(words) and "crime or court" not in kinds:
        return "the authority"
    service = service_named(words, text, _word_kinds(text))
    if service:
        return f"{service[0]} ({service[1].name})"
    if (weak or phrase) and not kinds and (not _LOCAL_GOVERNMENT_ONLY.isdisjoint(_evidence(words, phrase))
                                           or not LANDLORD_WORDS.isdisjoint(words)):
        return phrase.group(0) if phrase else "council"
    return ""


def _evidence(words: list[str], phrase: re.Match | None) -> list[str]:
    """The words that may show a council beside a council word or building: not the building's own ("civic")."""
    return [w for w in words if w not in _PHRASE_WORDS] if phrase else words


@functools.lru_cache(maxsize=64)
def _lowered_words(text: str) -> tuple[str, list[str]]:
    """A text in lower case without other bodies' councils, and its words (cached: ingestion asks
    `speaks_of_a_council` and `off_topic` of the same text in turn). Callers must not change the list."""
    lowered = text.lower()
    if "council" in lowered:
        lowered = OTHER_COUNCILS.sub(" ", lowered)
    if "commissioner" in lowered or "pcc" in lowered:
        lowered = _PCC.sub(" police ", lowered)
    lowered = lowered.replace("four-day week", "fourdayweek").replace("four day week", "fourdayweek")
    return lowered, _WORDS.findall(lowered.replace("food bank", "foodbank").replace("power cut", "powercut"))


def _council_words(words: list[str]) -> tuple[bool, bool]:
    """Whether `words` have a council word (or mayor) that speaks of the council (strong), and one that
    is only an address, a former member or a member's private life ("council estate", "ex-councillor",
    "councillor's son": weak)."""
    weak = False
    if _SPEAKING_WORDS.isdisjoint(words):
        return False, False
    for k, word in enumerate(words):
        if word in _SPEAKING_WORDS:
            after = words[k + 1:k + 3]
            if (k and words[k - 1] in BEFORE_A_COUNCIL_WORD) or after[:1] and after[0] in AFTER_A_COUNCIL_WORD \
                    or after[:1] == ["s"] and after[1:] and after[1] in PRIVATE_LIFE:
                weak = True
            else:
                return True, weak
    return False, weak


def _former_member(words: list[str]) -> bool:
    """A former member is spoken of ("ex-councillor", "former mayor")."""
    return any(word in _SPEAKING_WORDS and _after_former(words, k) for k, word in enumerate(words))


def _after_former(words: list[str], k: int) -> bool:
    """"former", "ex"… comes just before word `k`, or before the place before it ("former Wigan councillor"; only
    in a crime's news, where "Former depot: councillors back homes" does not arise)."""
    return not BEFORE_A_COUNCIL_WORD.isdisjoint(words[max(0, k - 2):k])


@functools.lru_cache(maxsize=64)
def _word_kinds(text: str) -> list[str]:
    """The kinds of other news a text's words read as (cached like `_lowered_words`; callers must not change
    the list)."""
    return off_topic_kinds(_lowered_words(text)[1])


def _kinds(text: str) -> list[str]:
    """The kinds of other news a text reads as (a road's number is travel's)."""
    kinds = _word_kinds(text)
    return [*kinds, "travel"] if _ROAD.search(text) else kinds


def off_topic(text: str) -> str | None:
    """The kind of non-council news a text reads as ("crime or court", "weather", "sport"…) when it has
    no local-government word, and "local" when it has none of either; None when it has one. A
    regional paper's "Man jailed after Leeds city centre stabbing" names a place, not its council;
    "Bradford's new leader vows to end bailout" and "Bolton to fine fly-tippers" name the council. A place
    beside a council word that is only an address, a former member or a venue is no council either
    ("Former council house in Kensington sells for £2m")."""
    lowered, words = _lowered_words(text)
    kinds = _kinds(text)
    if "crime or court" in kinds and _former_member(words):
        return "crime or court"  # "Former Leeds councillor jailed for fraud against council"
    strong, weak = _council_words(words)
    phrase = None if _PHRASE_WORDS.isdisjoint(words) else COUNCIL_PHRASES.search(lowered)
    venue = phrase if phrase and a_venue(text, words, kinds, lowered[:phrase.start()]) else None
    if not _LOCAL_GOVERNMENT_ONLY.isdisjoint(_evidence(words, venue)) or strong:
        return None
    if weak or venue:
        return kinds[0] if kinds else "a home's, a person's or a venue's"  # "Former council house sells for £2m"
    if not kinds and _LOCAL_GOVERNMENT_ANY.isdisjoint(words):
        return "local"  # a place's news with nothing in it of local government
    if kinds[:1] == ["business"] and not _PROPERTY_DEALS.isdisjoint(words) and _BUSINESS_NAMED.isdisjoint(words):
        return None  # "Reading buys shopping centre for £50m": a place buying or selling property is its council
    return kinds[0] if kinds else None


# A place's property deals, which only its council makes when no firm is named.
_PROPERTY_DEALS = frozenset({"buy", "buys", "sell", "sells", "stake", "stakes", "purchase", "purchases", "acquires"})
_BUSINESS_NAMED = frozenset({"firm", "company", "chain", "retailer", "investor", "investors", "supermarket", "owner",
                             "owners", "developer", "developers"})


def judge_relevance(rule: str, councils: Sequence[str], tags: Sequence[str], spokespeople: Sequence[str],
                    council_word: bool | str = False, off_topic_kind: str | None = None) -> Relevance:
    """Whether an item with these mentions (and a council word, or not) counts under `rule`, and why. A
    council found only by its place's name does not count when the item reads as other news
    (`off_topic`). `council_word` may be `speaks_of_a_council`'s words, which the reason then gives
    ("speaks of a council (gritters (roads and highways))")."""
    if rule == "all":
        return Relevance(True, "the feed keeps every item")
    named = [*tags, *spokespeople]
    if named:
        return Relevance(True, "mentions " + ", ".join(named[:3]))
    if council_word:
        words = council_word if isinstance(council_word, str) and council_word != "council" else ""
        return Relevance(True, f"speaks of a council ({words})" if words else "speaks of a council")
    if councils and off_topic_kind:
        return Relevance(False, f"names a place ({', '.join(councils[:3])}) but reads as {off_topic_kind} news")
    if councils:
        return Relevance(True, "mentions " + ", ".join(councils[:3]))
    return Relevance(False, "the feed keeps only items mentioning a council, tag, programme, campaign or spokesperson")


def spokespeople(session: Session) -> list[str]:
    """The spokespeople named in press activity, for the `mentions` rule."""
    from models.press import PressActivity
    names = session.scalars(select(PressActivity.spokesperson).where(PressActivity.spokesperson.is_not(None))
                            .distinct())
    return sorted({" ".join(n.split()) for n in names if n and len(n.split()) >= 2})


def excluded_urls(session: Session, urls: Sequence[str]) -> set[str]:
    """Which of these canonical URLs a person has said are not ours."""
    found: set[str] = set()
    for chunk in batches(session, list(urls)):
        found.update(session.scalars(select(CoverageExclusion.canonical_url)
                                     .where(one_of(session, CoverageExclusion.canonical_url, chunk))))
    return found


def exclude_item(session: Session, item_id: int, actor: ActorLike, now: datetime,
                 reason: str | None = None) -> CoverageExclusion | None:
    """"Not ours": take the item out of coverage for good (audited, with what it was). None if no such item."""
    item = session.get(CoverageItem, item_id)
    if item is None:
        return None
    exclusion = CoverageExclusion(canonical_url=item.canonical_url, title=item.title[:1000], outlet_id=item.outlet_id,
                                  excluded_by=actor.user_id, excluded_at=now, reason=reason)
    record_audit(session, at=now, actor=actor, action="coverage.not_ours", entity="coverage_item", entity_id=item_id,
                 detail={"url": item.url, "canonical_url": item.canonical_url, "title": item.title,
                         "outlet_id": item.outlet_id, "published_at": item.published_at.isoformat(),
                         "tone": item.tone, "story_id": item.story_id, "reason": reason})
    session.merge(exclusion)
    session.delete(item)
    session.flush()
    return exclusion


def set_feed_relevance(session: Session, feed_id: int, rule: str | None, actor: ActorLike,
                       now: datetime) -> "Feed | None":
    """Give a feed its own rule (`all`, `mentions`) or None for its tier's default (audited).
    Applies to entries from the next poll on. None if there is no such feed."""
    from models.outlet import Feed
    if rule is not None and rule not in RULES:
        raise ValueError(f"rule must be one of {', '.join(RULES)}")
    feed = session.get(Feed, feed_id)
    if feed is None:
        return None
    record_audit(session, at=now, actor=actor, action="feeds.relevance", entity="feed", entity_id=feed_id,
                 detail={"from": feed.relevance, "to": rule})
    feed.relevance = rule
    session.flush()
    return feed
