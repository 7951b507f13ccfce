"""Find a named thing (a campaign, a programme) from what someone typed: exact, alias, or close.

Names and aliases are compared after `normalize_name` (case, accents, punctuation); a typo is
accepted only when one candidate is clearly the best, otherwise the nearest names are offered.
"""
from __future__ import annotations

from typing import Iterable, TypeVar

from rapidfuzz import fuzz, process

from models.councils_data import normalize_name

T = TypeVar("T")
ACCEPT_SCORE = 90  # a typo this close to one name, and clearly closer than any other, is that name
SUGGEST_SCORE = 60
SUGGEST_WITHIN = 15  # only names nearly as close as the closest
SHORT_ALIAS = 4  # aliases this short ("BaC", "LA") only match exactly: fuzzily they match anything


class UnknownName(LookupError):
    """No candidate matches `text`; `suggestions` are the nearest display names."""

    def __init__(self, kind: str, text: str, suggestions: tuple[str, ...]):
        super().__init__(f'I don\'t know the {kind} "{text}".')
        self.kind = kind
        self.text = text
        self.suggestions = suggestions


def resolve_name(kind: str, text: str, candidates: Iterable[tuple[T, str, Iterable[str]]]) -> T:
    """The candidate whose name or alias `text` is; candidates are (thing, display name, aliases)."""
    wanted = normalize_name(text)
    keys: dict[str, tuple[T, str]] = {}
    for thing, name, aliases in candidates:
        for key in (name, *aliases):
            keys.setdefault(normalize_name(key), (thing, name))
    if wanted in keys:
        return keys[wanted][0]
    fuzzy_keys = [k for k in keys if len(k) > SHORT_ALIAS]
    ranked = process.extract(wanted, fuzzy_keys, scorer=fuzz.WRatio, limit=6) if wanted else []
    if ranked and ranked[0][1] >= ACCEPT_SCORE:
        rivals = [r for r in ranked[1:] if keys[r[0]][1] != keys[ranked[0][0]][1]]
        if not rivals or rivals[0][1] < ranked[0][1] - 5:
            return keys[ranked[0][0]][0]
    suggestions: list[str] = []
    for key, score, _ in ranked:
        display = keys[key][1]
        if score >= max(SUGGEST_SCORE, ranked[0][1] - SUGGEST_WITHIN) and display not in suggestions:
            suggestions.append(display)
    raise UnknownName(kind, text.strip(), tuple(suggestions[:3]))
