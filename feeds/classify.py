"""Classifying an item: councils mentioned, programme/campaign tags, and tone from a lexicon model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from sqlalchemy import select
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


def build_tag_matcher(session: Session) -> TagMatcher:
    """From the programmes and campaigns as they are now (small tables: built per batch)."""
    entries: list[tuple[str, list[str], int | None, int | None]] = []
    for pid, name, aliases, keywords in session.execute(
            select(Programme.id, Programme.name, Programme.aliases, Programme.keywords)):
        entries.append((name, list(aliases or []) + list(keywords or []), pid, None))
    for cid, name, aliases, keywords in session.execute(
            select(Campaign.id, Campaign.name, Campaign.aliases, Campaign.keywords)):
        entries.append((name, list(aliases or []) + list(keywords or []), None, cid))
    return TagMatcher(entries)


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
