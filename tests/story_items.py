"""Items for the story rule's tests (`models.story_match`): a title, a summary, how many hours after
a fixed Monday morning it was published, and the councils the finder gave it."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from models.story_text import StoryText

T = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def story_item(title: str, summary: str = "", hours: float = 0, councils: tuple[str, ...] = ()) -> StoryText:
    """An item as the story rule reads it, `hours` after `T`."""
    return StoryText(title, summary, T + timedelta(hours=hours), councils)
