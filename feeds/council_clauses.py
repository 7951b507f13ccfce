"""A council's name opening the clause after a label's colon, with its verb after it: the council acting in the
labelled body's news ("Oxford United stadium: Cherwell gives green light…", "Airport expansion: how North Somerset
lost its fight"), as a name opening the whole text does (`feeds.council_context.heads`). A label names what the story
is about (a club's ground, an airport), so a place's name straight after its colon is the story's actor, not where
the institution's news happened; "how" or "why" may come before it, as a local paper's explainer puts it."""
from __future__ import annotations

from feeds.council_tokens import NameMatch, Tokens
from feeds.council_words import COUNCIL_VERBS

# Past forms a council's act takes that end neither in "-s" nor "-ed" ("how Wirral lost its fight").
_PAST = frozenset({"lost", "won", "gave", "made", "took", "sold", "paid", "spent", "chose", "fought", "got", "let"})
# Words of an explainer before the name ("…: how Leeds won", "…: why Bristol said no").
_ASKING = frozenset({"how", "why"})


def opens_clause(tokens: Tokens, match: NameMatch) -> bool:
    """The name opens the clause after a label's colon (after "how" or "why" at most), and a verb follows it: a
    council verb, a present verb in "-s" or a past one."""
    start = tokens.clause
    if not start or match.start < start:
        return False
    if match.start != start and not (match.start == start + 1 and tokens.words[start] in _ASKING):
        return False
    end = match.start + match.length
    after = tokens.words[end] if end < len(tokens.words) else ""
    return after in COUNCIL_VERBS or after in _PAST or (
        len(after) > 3 and (after.endswith("ed") or after.endswith("s") and not after.endswith("ss")))
