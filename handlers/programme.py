"""`/programme`: Improvement programmes and their red/amber/green status (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="programme",
    summary="Improvement programmes and their red/amber/green status",
    usage="/programme  ·  /programme <name>  ·  /programme update \"<name>\" red|amber|green \"<comment>\" [review:\"…\"]",
    examples=("/programme", "/programme LG Inform", "/programme update \"LG Inform\" amber \"Prototype Plus under procurement\"",),
)
