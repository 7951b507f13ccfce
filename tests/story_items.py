"""Items for the story rule's tests (`models.story_match`): a title, a summary, how many hours after
a fixed Monday morning it was published, and the councils the finder gave it."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from models.story_text import StoryText

T = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def story_item(title: str, summary: str = "", hours: float = 0, councils: tuple[str, ...] = ()) -> StoryText:
    """An item as the story rule reads it, `hours` after `T`."""
    return StoryText(title, summary, T + timedelta(hours=hours), councils)


def wrexham_jobs_rewrite() -> tuple[StoryText, StoryText]:
    """One council's job cuts told by two outlets in other words, five hours apart: a rewrite sharing few words."""
    return (story_item("Wrexham council cuts 200 jobs to balance books", "Wrexham County Borough Council will shed 200 "
                       "posts as it closes a £20m budget gap.", 0, ("WRX",)),
            story_item("Hundreds of posts to go at Wrexham council", "Unions say the cuts at Wrexham will hit frontline "
                       "services.", 5, ("WRX",)))


# A rewrite that is one story only when read as sentences (`models.sentence_meaning`): the word measures alone keep
# it two (`tests/test_story_read_ahead.py` shows both).
GRITTING = ("Gritters out overnight as Cumbria braces for ice",
            "Westmorland and Furness Council said 30 lorries would treat main routes overnight.")
REWRITE = ("Council gritting lorries treat main roads as freeze sets in",
           "Westmorland and Furness Council sent out its fleet to salt routes across the Lakes.")
