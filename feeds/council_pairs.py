"""Councils that work as a pair, the second shortened to a word of its name after the first.

"Cardiff and Vale councils agree bus deal", "South and Vale councils share planning service": the Vale of
Glamorgan beside Cardiff or Bridgend, South Oxfordshire and the Vale of White Horse (which share their staff) are
written so in their own press. "Vale" alone names no council, so the pair is read here: the second council counts
with the first when a council word follows the pair, or the first counted ("Cardiff and the Vale …"). Not when an
NHS word follows: "Cardiff and Vale University Health Board" is a health board.
"""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence, Tokens
from feeds.council_words import COUNCIL_WORDS

# (the pair's words, lower case, "the" aside) → the councils it names, in order.
PAIRS = {("cardiff", "and", "vale"): ("CRF", "VGL"), ("south", "and", "vale"): ("SOX", "VAL"),
         ("bridgend", "and", "vale"): ("BGE", "VGL")}  # with Cardiff, the three of Shared Regulatory Services
_HEALTH = frozenset({"university", "health", "uhb", "nhs", "hospital", "hospitals", "board", "trust"})


def paired_councils(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with both councils of a pair written short ("Cardiff and Vale councils") counted, when a council word
    follows the pair or its first council counted already; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    for k in range(len(words) - 2):
        the = words[k + 2] == "the"
        end = k + 3 + the
        pair = PAIRS.get((words[k], words[k + 1], words[end - 1]))
        if pair is None or not texts[k][0].isupper() or not texts[end - 1][0].isupper() or \
                not _HEALTH.isdisjoint(words[end:end + 2]):
            continue
        first_counted = any(e.counted and e.code == pair[0] for e in out)
        if not first_counted and words[end:end + 1] and words[end] not in COUNCIL_WORDS:
            continue
        if end >= len(words) and not first_counted:
            continue
        named = " ".join(texts[k:end])
        kept = [e for e in out if e.code not in pair]
        return kept + [CouncilEvidence(code, named, True, f'one of a pair of councils written short ("{named}")')
                       for code in pair]
    return out
