"""`/digest`: Digests: the weekly round-up, daily coverage and the quarterly board update (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="digest",
    summary="Digests: the weekly round-up, daily coverage and the quarterly board update",
    usage="/digest subscribe weekly|daily [monday 08:00] [here|#channel|email:addr|teams:<url>]  ·  /digest list  ·  /digest unsubscribe <id>  ·  /digest preview <kind>  ·  /digest send <kind>  ·  /digest board [quarter]",
    examples=("/digest preview weekly", "/digest subscribe weekly monday 08:00 here", "/digest board Q1 2023/24",),
)
