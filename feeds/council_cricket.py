"""A county named beside its county cricket club's ground is the club, not the county council: "Warwickshire confirm
Edgbaston Test dates", "Worcestershire's New Road under water again". First-class counties are called by their
county's name alone, as their councils are, and a ground's name is what tells a cricket story from a council's. It
holds only for the ground's own county (another county's "New Road" is a street) and only in a text with no
local-government word ("Warwickshire County Council approves Edgbaston fan zone" is the council's)."""
from __future__ import annotations

from dataclasses import replace

from feeds.council_tokens import CouncilEvidence, Tokens
from models.relevance import LOCAL_GOVERNMENT_WORDS, speaks_of_a_council

# Each county cricket ground's name (lower-case words, sponsors' names too) → the code of its county's council.
GROUNDS: dict[tuple[str, ...], str] = {
    ("edgbaston",): "WAR", ("new", "road"): "WOR", ("trent", "bridge"): "NTT", ("grace", "road"): "LEC",
    ("wantage", "road"): "NTH", ("kia", "oval"): "SRY", ("the", "oval"): "SRY", ("old", "trafford"): "LAN",
    ("rose", "bowl"): "HAM", ("ageas", "bowl"): "HAM", ("utilita", "bowl"): "HAM", ("spitfire", "ground"): "KEN",
    ("st", "lawrence", "ground"): "KEN", ("riverside", "ground"): "DUR", ("seat", "unique", "riverside"): "DUR",
}
_FIRST = frozenset(key[0] for key in GROUNDS)


def grounds_named(tokens: Tokens) -> dict[int, tuple[tuple[str, ...], str]]:
    """The cricket grounds the text names, capitalised (or all capitals): where each starts → its words and its
    county's code."""
    words, texts = tokens.words, tokens.texts
    return {k: (key, code) for k, word in enumerate(words) if word in _FIRST for key, code in GROUNDS.items()
            if tuple(words[k:k + len(key)]) == key and
            all(tokens.shouting or t[:1].isupper() for t in texts[k:k + len(key)] if t.lower() != "the")}


def county_cricket(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with a county that counted made its cricket club where the text names the county's own ground and,
    the ground's own words aside ("New Road" is no road of the council's), no local-government word; unchanged
    otherwise."""
    if _FIRST.isdisjoint(tokens.words) or not any(e.counted for e in out):
        return out
    grounds = grounds_named(tokens)
    if not grounds:
        return out
    inside = {k + n for k, (key, _code) in grounds.items() for n in range(len(key))}
    rest = [w for k, w in enumerate(tokens.words) if k not in inside]
    if not LOCAL_GOVERNMENT_WORDS.isdisjoint(rest) or speaks_of_a_council(" ".join(rest)):
        return out
    counties = {code for _key, code in grounds.values()}
    return [replace(e, counted=False, why="the county's cricket club, beside its own ground, with no local-government "
                    "word") if e.counted and e.code in counties else e for e in out]
