"""`/council`: One answer per council: coverage this month, peer challenge stage, programmes (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="council",
    summary="One answer per council: coverage this month, peer challenge stage, programmes",
    usage="/council <name>",
    examples=("/council Thurrock", "/council Woking BC",),
)
