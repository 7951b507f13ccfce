"""`/feeds`: The feeds Herald polls for coverage, and their health (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="feeds",
    summary="The feeds Herald polls for coverage, and their health",
    usage="/feeds add <url> [name] [tier:trade|national|regional|broadcast|online]  ·  /feeds list  ·  /feeds remove <id>",
    examples=("/feeds list", "/feeds add https://www.lgcplus.com/rss LGC tier:trade",),
)
