"""`/peer-challenge`: Peer challenges: where each council is, and the programme-wide numbers (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="peer-challenge",
    summary="Peer challenges: where each council is, and the programme-wide numbers",
    usage="/peer-challenge <council>  ·  /peer-challenge stats [region|type|year]  ·  /peer-challenge update <council> <stage> [date] [link]  ·  /peer-challenge due",
    examples=("/peer-challenge Thurrock", "/peer-challenge stats", "/peer-challenge update Woking \"report published\" 14/06/2023",),
)
