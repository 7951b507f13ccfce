"""Councils listed together at the head of a headline, acting as one.

"Fife and Angus close libraries as storm hits", "Moray and Highland ban fireworks": the plural of an act only a
body does in a weather or incident story (closing, banning, suspending) after councils listed from the head, as
"Moray bans fireworks" is the council's after one name (`feeds.council_context.acts`); ordinary-word names so
listed count for it too (`feeds.council_context.coordinated`).

"Harrow, Brent and Barnet end shared legal service": a service councils share, ended, renewed or reviewed by
ordinary-word names listed at the head, is local-government news, as "services" is
(`feeds.council_context.coordinated`).
"""
from __future__ import annotations

# The plural of `feeds.council_kinds.BANS`, after councils listed.
PLURAL_BANS = frozenset({"ban", "close", "shut", "restrict", "suspend", "cancel", "reopen"})
# Words of a service councils run or share, beside local government's own (`models.relevance_words`).
SHARED_SERVICE = frozenset({"service", "shared"})
