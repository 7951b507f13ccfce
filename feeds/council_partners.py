"""A name refused alone that is a council by the partner it acts with.

- A name that counts only with a council word ("Westminster", Parliament's byword) opening the text and joined by
  "and" to a council counted, the two acting together in local-government news ("Westminster and Kensington and
  Chelsea end shared services deal"): Parliament shares no council's services.
- A place opening the text joined by "and" to a national body, the two acting or at odds ("Lincolnshire and the
  Environment Agency clash over who pays for drainage works"): a place is party to a dispute or a deal only as
  its council, though the rules read the text as the national body's news and the place as where it happened.
"""
from __future__ import annotations

from feeds.council_kinds import DISPUTE_PHRASES, DISPUTE_VERBS
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PLURAL_VERBS
from models.relevance import LOCAL_GOVERNMENT_WORDS

_ORDINARY = "an ordinary word without council context"
_AND = frozenset({"and", "&"})


def with_a_partner(n: int, matches: list[NameMatch], judged: list[CouncilEvidence], tokens: Tokens) -> str | None:
    """Why the refused name `matches[n]` (judged `judged[n]`) is its council by the partner it opens the text with,
    or None."""
    words, texts = tokens.words, tokens.texts
    match, e = matches[n], judged[n]
    i, end = match.start, match.start + match.length
    if i not in (0, tokens.label) or end + 2 >= len(words) or words[end] not in _AND:
        return None
    nxt = matches[n + 1] if n + 1 < len(matches) else None
    if e.why == _ORDINARY and nxt is not None and nxt.start == end + 1 and judged[n + 1].counted:
        after = nxt.start + nxt.length
        if words[after:after + 1] and _acting(words, after) and \
                not LOCAL_GOVERNMENT_WORDS.isdisjoint(words[after + 1:]):
            return f"joined to {judged[n + 1].named}, acting with it in local-government news"
        return None
    if not e.why.startswith("where the national body"):
        return None
    k = end + 1 + (words[end + 1] == "the")
    if k >= len(words) or not texts[k][0].isupper():
        return None
    while k < len(words) and texts[k][0].isupper() and k - end < 6:
        k += 1  # the partner's capitalised name
    return f"joined to a national body, the two {words[k]}" if k < len(words) and _acting(words, k) else None


def _acting(words: list[str], k: int) -> bool:
    """A plural verb or a dispute's words start at `k` ("end", "clash", "at odds")."""
    return words[k] in PLURAL_VERBS or words[k] in DISPUTE_VERBS or tuple(words[k:k + 2]) in DISPUTE_PHRASES
