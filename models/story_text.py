"""What the story rule reads of an item (`models.story_match`): its title, the opening of its summary, when it
was published, the councils the finder gave it, and what is worth computing once however many items it meets."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from models.story_mentions import A_COUNCIL, LOCAL_COUNCIL
from models.story_words import SUMMARY_CHARS, concepts, proper_stems, weight as _weight


@functools.lru_cache(maxsize=4096)  # a few days of items; each set is ~2 KB
def _cached_concepts(text: str) -> frozenset[str]:
    return concepts(text)


@dataclass(frozen=True)
class StoryText:
    """What the story rule reads of an item."""

    title: str
    summary: str | None
    published_at: datetime
    councils: tuple[str, ...] = ()
    tone: str | None = None

    @functools.cached_property
    def text(self) -> str:
        """The title and the opening of the summary, as the rule reads them."""
        return f"{self.title} {(self.summary or '')[:SUMMARY_CHARS]}"

    @functools.cached_property
    def lowered(self) -> str:
        """`text` in lower case."""
        return self.text.lower()

    @functools.cached_property
    def concepts(self) -> frozenset[str]:
        """The telling words of title and summary (cached: an item meets many new items)."""
        return _cached_concepts(self.text)

    @functools.cached_property
    def title_concepts(self) -> frozenset[str]:
        """The telling words of the title alone (`models.story_terms` tells a headline's words from the rest)."""
        return _cached_concepts(self.title)

    @functools.cached_property
    def speaks_of_a_council(self) -> bool:
        """Whether it speaks of a council, named or not ("the county", "councillors"); a town or parish council
        is not one (the tier below, another body)."""
        return bool(A_COUNCIL.search(LOCAL_COUNCIL.sub(" ", self.text)))

    @functools.cached_property
    def proper(self) -> frozenset[str]:
        """The stems of the proper names it gives that are no council's place ("Spode Works", "Grenfell")."""
        return proper_stems(self.title, self.summary or "")

    @functools.cached_property
    def weight(self) -> float:
        """How much its concepts weigh together (see `_weight`)."""
        return sum(_weight(c, self.proper) for c in self.concepts)
