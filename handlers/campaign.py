"""`/campaign`: Campaigns: plans, activities, metrics and the coverage they drew (coming: see the issue that builds it)."""
from __future__ import annotations

from handlers.family import Family

FAMILY = Family(
    name="campaign",
    summary="Campaigns: plans, activities, metrics and the coverage they drew",
    usage="/campaign list  ·  /campaign <name>  ·  /campaign activity add \"<campaign>\" \"<activity>\" date:… [status:planned|done]  ·  /campaign metric \"<campaign>\" <metric> <value> [date:…]",
    examples=("/campaign Be a Councillor", "/campaign metric \"Sector support offer launch\" page_views 2200",),
)
