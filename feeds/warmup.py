"""Reading the judgement models before a web worker takes its first request.

Tone, the council finder and the story models load on first use: the council gazetteer from the database, WordLlama
and the sentence encoder from their files (about 0.4 s together on a quiet core, more under load). A gunicorn worker
that loaded them lazily made whichever request first judged an item wait for all of it. `gunicorn.conf.py`
calls `warm_judgements` once a worker has loaded the app, so a fresh worker pays this before it accepts a
connection, never inside a request.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session

from feeds.councils import council_matcher
from feeds.tone import tone_of
from models.story_match import same_story
from models.story_text import StoryText

_MONDAY = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def warm_judgements(session: Session) -> float:
    """Load every model an item's judgement reads (tone, councils, stories), by judging one made-up pair of items;
    returns the seconds it took. Nothing is stored."""
    started = time.perf_counter()
    council_matcher(session)
    tone_of("Council exits government intervention after five years")
    first = StoryText("Wrexham council cuts 200 jobs to balance books",
                      "Wrexham County Borough Council will shed 200 posts as it closes a £20m budget gap.",
                      _MONDAY, ("WRX",))
    second = StoryText("Hundreds of posts to go at Wrexham council",
                       "Unions say the cuts at Wrexham will hit frontline services.",
                       _MONDAY + timedelta(hours=5), ("WRX",))
    same_story(first, second)
    return time.perf_counter() - started
