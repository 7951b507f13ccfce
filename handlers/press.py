"""`/press`: Press activity: log releases, statements and interviews; see what coverage they earned (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="press",
    summary="Press activity: log releases, statements and interviews; see what coverage they earned",
    usage="/press log <type> \"<title>\" [outlet:…] [date:…] [spokesperson:\"…\"] [programme:…] [campaign:…] [link:…] [embargo:\"…\"]  ·  /press list [period]  ·  /press show|edit|delete <id>  ·  /press link <id> <coverage id>",
    examples=("/press log statement \"Response to Oflog launch\" outlet:LGC spokesperson:\"Cllr Abi Brown\"", "/press list this month",),
)
