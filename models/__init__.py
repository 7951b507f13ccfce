"""Herald's tables and the domain actions on them. Knows nothing of Slack, Teams, Flask or HTTP.

Importing this package registers every table on `Base.metadata` (Alembic compares against it).
"""
from models import (  # noqa: F401  (imported for their tables)
    audit, campaign, coverage, council, digest, inbound, notices, outlet, parliament, peer_challenge, press,
    programme, relevance, slack_install, teams_conversation,
)
from models.db import Base  # noqa: F401
