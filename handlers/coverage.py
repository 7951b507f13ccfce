"""`/coverage`: Media coverage: counts, tone and stories for any period (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="coverage",
    summary="Media coverage: counts, tone and stories for any period",
    usage="/coverage [period] [outlet:NAME] [council:NAME] [tag:\"…\"] [positive|neutral|negative] [words] [export]  ·  /coverage log <url> [outlet] [tone] [note]  ·  /coverage tone <id> <tone>",
    examples=("/coverage this week", "/coverage last month outlet:MJ negative", "/coverage Q1 2023/24 council:Thurrock",),
)
