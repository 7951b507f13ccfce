"""Classifying an item: councils mentioned, programme/campaign tags, and tone from a lexicon model."""
from __future__ import annotations

import json
import threading
import weakref
from dataclasses import dataclass
from typing import Callable, Mapping

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from feeds.councils import Tokens, council_matcher, tokenize
from feeds.tone import tone_of
from models.campaign import Campaign
from models.programme import Programme


@dataclass(frozen=True)
class TagRef:
    """A tag an item earns, and the programme and/or campaign it stands for."""

    tag: str
    programme_id: int | None = None
    campaign_id: int | None = None


@dataclass(frozen=True)
class Classification:
    """What Herald decided about one item's text."""

    council_codes: tuple[str, ...]
    tags: tuple[TagRef, ...]
    tone: str
    tone_score: float


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    exact_case: str | None  # short acronyms ("CPC", "LA") must appear exactly so


class TagMatcher:
    """Each programme's and campaign's name, aliases and keywords as whole-word phrases."""

    def __init__(self, entries: list[tuple[str, list[str], int | None, int | None]]):
        self._terms: dict[tuple[str, ...], list[tuple[_Term, str, int | None, int | None]]] = {}
        for name, phrases, programme_id, campaign_id in entries:
            for phrase in {name, *phrases}:
                tokens = tokenize(phrase)
                if not tokens.words:
                    continue
                words = tuple(tokens.words)
                short = len(words) == 1 and len(phrase.strip()) <= 3
                term = _Term(words, phrase.strip() if short else None)
                self._terms.setdefault(words[:1], []).append((term, name, programme_id, campaign_id))

    def find(self, text: str | Tokens) -> tuple[TagRef, ...]:
        """The tags `text` earns; a programme and a campaign of one name share one tag."""
        tokens = text if isinstance(text, Tokens) else tokenize(text)
        words = tokens.words
        found: dict[str, TagRef] = {}
        for i, word in enumerate(words):
            for term, name, programme_id, campaign_id in self._terms.get((word,), ()):
                n = len(term.words)
                if n > 1 and tuple(words[i:i + n]) != term.words:
                    continue
                if term.exact_case and tokens.texts[i] != term.exact_case:
                    continue
                old = found.get(name, TagRef(name))
                found[name] = TagRef(name, old.programme_id or programme_id, old.campaign_id or campaign_id)
        return tuple(found.values())


_TAG_MATCHERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # engine → (entries, matcher)
_TAG_LOCK = threading.Lock()


def build_tag_matcher(session: Session) -> TagMatcher:
    """From the programmes and campaigns as they are now. Their names and phrases are read every
    time (a few hundred short rows, the phrases as stored JSON text, not decoded), but decoded and
    tokenised only when they differ from the last read on this engine: that takes tens of
    milliseconds for 500 programmes, and every webhook post, logged link and feed poll needs the
    matcher, so it is kept per process and rebuilt whenever a name or phrase changes."""
    rows = [(name, aliases, keywords, pid, None) for pid, name, aliases, keywords in session.execute(
        select(Programme.id, Programme.name, cast(Programme.aliases, Text), cast(Programme.keywords, Text))
        .order_by(Programme.id))]
    rows += [(name, aliases, keywords, None, cid) for cid, name, aliases, keywords in session.execute(
        select(Campaign.id, Campaign.name, cast(Campaign.aliases, Text), cast(Campaign.keywords, Text))
        .order_by(Campaign.id))]
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    with _TAG_LOCK:
        kept = _TAG_MATCHERS.get(engine)
    if kept is not None and kept[0] == rows:
        return kept[1]
    matcher = TagMatcher([(name, _phrases(aliases) + _phrases(keywords), pid, cid)
                          for name, aliases, keywords, pid, cid in rows])
    with _TAG_LOCK:
        _TAG_MATCHERS[engine] = (rows, matcher)
    return matcher


def _phrases(stored: str | None) -> list[str]:
    """A JSON list column as stored (text), decoded; an empty or null column is no phrases."""
    return list(json.loads(stored) or ()) if stored else []


class Classifier:
    """Councils, tags and tone for items, with the matchers built once for a batch."""

    def __init__(self, session: Session, scored: Callable[[], Mapping[str, tuple[str, float]]] | None = None):
        """`scored`, if given, returns headline tones already worked out elsewhere (the feed
        parser's child scores them while this process does its own work); it is called once, at
        the first headline that needs a tone, and any headline it lacks is scored here."""
        self._councils = council_matcher(session)
        self._tags = build_tag_matcher(session)
        self._scored_source = scored
        self._scored: Mapping[str, tuple[str, float]] | None = None

    def classify(self, title: str, summary: str) -> Classification:
        """Councils and tags from the title and summary; tone from the headline, which is what
        readers see and what carries a story's slant (and keeps the lexicon model cheap)."""
        tokens = tokenize(f"{title}\n{summary}")
        tone, score = self._tone_of(title)
        return Classification(tuple(self._councils.find(tokens)), self._tags.find(tokens), tone, score)

    def _tone_of(self, title: str) -> tuple[str, float]:
        if self._scored is None:
            self._scored = self._scored_source() if self._scored_source else {}
        return self._scored.get(title) or tone_of(title)
