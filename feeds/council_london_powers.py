"""A London borough's planning powers handed to, or taken by, the Mayor of London.

"Westminster agrees to hand over planning powers to mayor", "new mayoral development corporation takes planning
powers from Westminster", "Westminster signs over … planning powers to City Hall": planning powers are a local
planning authority's, so a London borough named beside them is its council, even "Westminster" (elsewhere
Parliament unless a council word follows); and the mayor by office (or "mayoral", or "City Hall") who takes them is
the Mayor of London's Greater London Authority. Not a borough's own elected mayor ("Newham mayor", "the borough's
mayor"), nor Parliament's seat ("Westminster MP").
"""
from __future__ import annotations

from feeds.council_london import GREATER_LONDON
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PARLIAMENT_AFTER

# Words straight before "mayor" that make it a borough's own mayor or a lesser office, not London's.
_OWN_MAYOR_BEFORE = frozenset({"s", "lord", "deputy", "civic", "ceremonial", "borough", "council", "town", "its",
                               "their", "lady"})


def _powers_named(words: list[str]) -> bool:
    """The text speaks of planning powers or a development corporation."""
    return any((w == "planning" and words[k + 1:k + 2] == ["powers"]) or
               (w == "development" and words[k + 1:k + 2] == ["corporation"]) for k, w in enumerate(words))


def _londons_mayor(tokens: Tokens, ends: frozenset[int]) -> str | None:
    """The words naming the Mayor of London by office ("mayor", "mayoral", "City Hall"), or None; not a mayor straight
    after a name found (ending at one of `ends`: "Newham mayor")."""
    words, texts = tokens.words, tokens.texts
    for k, word in enumerate(words):
        londons = k == 0 or (words[k - 1] not in _OWN_MAYOR_BEFORE and k not in ends and
                             (not texts[k - 1][:1].isupper() or k - 1 in (0, tokens.clause)))  # "New mayoral…"
        if word in ("mayor", "mayoral") and londons and words[k + 1:k + 2] != ["of"]:
            return texts[k]
        if texts[k:k + 2] == ["City", "Hall"] and (k == 0 or not texts[k - 1][:1].isupper()):
            return "City Hall"
    return None


def boroughs_powers(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                    members: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with each London borough named beside planning powers and the Mayor of London counted, and the
    Greater London Authority added; unchanged otherwise. `out` holds one judgement per name of `matches`, then any
    others."""
    words = tokens.words
    if ("planning" not in words and "development" not in words) or not _powers_named(words):
        return out  # most texts
    boroughs = [n for n, (e, m) in enumerate(zip(out, matches))
                if members.get(e.code) == GREATER_LONDON and not m.region and
                e.named == " ".join(tokens.texts[m.start:m.start + m.length]) and
                (words[m.start + m.length:m.start + m.length + 1] == [] or
                 words[m.start + m.length] not in PARLIAMENT_AFTER)]
    mayor = _londons_mayor(tokens, frozenset(m.start + m.length for m in matches)) if boroughs else None
    if mayor is None:
        return out
    judged = list(out)
    for n in boroughs:
        if not judged[n].counted:
            judged[n] = CouncilEvidence(judged[n].code, judged[n].named, True, "a London borough beside its planning "
                                        "powers and the Mayor of London: the local planning authority")
    if all(e.code != GREATER_LONDON for e in judged):
        judged.append(CouncilEvidence(GREATER_LONDON, mayor, True, f'"{mayor}" beside a London borough\'s planning '
                                      "powers: the Mayor of London's Greater London Authority"))
    return judged
