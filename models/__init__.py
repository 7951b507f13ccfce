"""Herald's tables and the domain actions on them. Knows nothing of Slack, Teams, Flask or HTTP.

Importing this package registers every table on `Base.metadata` (Alembic compares against it).
"""
from models import (  # noqa: F401  (imported for their tables)
    alerts, audit, campaign, coverage, council, digest, inbound, lines, notices, outlet, parliament, peer_challenge, press,
    programme, relevance, slack_install, spotlight, support, teams_conversation,
)
from models import enquiry  # noqa: F401  (its tables)
from models.db import Base  # noqa: F401
