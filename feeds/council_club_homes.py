"""Football clubs and grounds whose names are not their place's, standing for their home council.

"Wolves' Molineux matchday parking charges raised by city council", "Everton's new stadium: city council signs off
traffic plan": the council that acts is the club's home city's, as it is for a club named after its place
("Leicester City stadium expansion approved by council", `feeds.council_none.institution_home`). The text must speak
of a council itself (`feeds.council_none.the_council_acts`) and name no council that counts; a club whose name is an
ordinary word ("Wolves", "Hearts", "Spurs") counts only as a club: possessive, or before a club's word.
"""
from __future__ import annotations

from feeds.council_none import the_council_acts
from feeds.council_tokens import CouncilEvidence, Tokens

# A club's or ground's name (lower-case words) → its home council's code. Only names that are no council's and
# no listed town's; grounds shared by name with other places ("St James' Park", "Stamford Bridge") are left out.
CLUB_HOMES: dict[tuple[str, ...], str] = {
    ("wolves",): "WLV", ("molineux",): "WLV",
    ("everton",): "LIV", ("anfield",): "LIV", ("goodison", "park"): "LIV",
    ("hearts",): "EDH", ("tynecastle",): "EDH", ("hibs",): "EDH", ("hibernian",): "EDH", ("easter", "road"): "EDH",
    ("spurs",): "HRY", ("tottenham", "hotspur"): "HRY",
    ("arsenal",): "ISL",
    ("celtic",): "GLG", ("ibrox",): "GLG", ("parkhead",): "GLG",
    ("aston", "villa"): "BIR", ("villa", "park"): "BIR",
    ("millwall",): "LEW",
    ("elland", "road"): "LDS",
    ("bramall", "lane"): "SHF",
}
# Club names that are ordinary words too: a club only when possessive or before a club's word.
_ORDINARY = frozenset({"wolves", "hearts", "spurs", "celtic"})
_CLUB_WORDS = frozenset({"s", "fc", "fans", "stadium", "ground", "matchday", "training", "academy", "supporters"})
_FIRST = frozenset(key[0] for key in CLUB_HOMES)


def club_home(tokens: Tokens) -> list[CouncilEvidence]:
    """The home council of the one club or ground from `CLUB_HOMES` the text names, capitalised, when the text
    speaks of a council itself; empty otherwise."""
    words, texts = tokens.words, tokens.texts
    if _FIRST.isdisjoint(words):
        return []
    found: dict[str, str] = {}
    for k, word in enumerate(words):
        if word not in _FIRST or not (tokens.shouting or texts[k][0].isupper()):
            continue
        for key, code in CLUB_HOMES.items():
            end = k + len(key)
            if tuple(words[k:end]) != key:
                continue
            if len(key) == 1 and word in _ORDINARY and not (end < len(words) and words[end] in _CLUB_WORDS):
                continue
            found.setdefault(code, " ".join(texts[k:end]))
    if len(found) != 1 or not the_council_acts(tokens):
        return []
    code, named = next(iter(found.items()))
    return [CouncilEvidence(code, named, True, f'a club or ground of {code} ("{named}"), and the text speaks of a '
                            "council: its home council's")]
