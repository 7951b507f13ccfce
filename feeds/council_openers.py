"""Words that open a headline in sentence case and name no organisation.

"Falling rolls force Hackney to merge four schools", "Rising demand pushes Kent into overspend":
a participle of change opens the sentence, capitalised only because it comes first; the noun after it ("rolls",
"demand") is no verb, so the head is no company acting ("Nissan confirms…", `feeds.council_orgs`), and the place
after it keeps its council's reading.
"""
from __future__ import annotations

# Participles and adjectives of change and pressure that open a sentence about what drives a council's decision.
TREND_HEADS = frozenset({
    "falling", "rising", "soaring", "growing", "dwindling", "declining", "spiralling", "spiraling", "mounting",
    "surging", "plummeting", "increasing", "shrinking", "escalating", "rocketing", "ballooning", "sliding",
    "worsening", "lower", "higher", "fewer", "record", "unprecedented", "ongoing", "continuing"})
