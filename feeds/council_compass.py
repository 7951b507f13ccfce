"""Compass words joined before one council's name, each naming its own council by sharing the rest of the name:
"North and West Northamptonshire", "East and West Sussex", "North, South and East Ayrshire"; and a compass word joined
before a name with two compass words, sharing only the name after them ("North and North East Lincolnshire" is North
Lincolnshire and North East Lincolnshire). Moved out of `feeds.council_matcher`, which finds the names and asks here
when "and" and a compass word come just before one."""
from __future__ import annotations

from feeds.council_tokens import NameMatch, Tokens
from feeds.council_words import COMPASS


def compass_joined(tokens: Tokens, match: NameMatch, codes: dict[tuple[str, ...], str]) -> list[NameMatch]:
    """The council a compass word joined to another compass word before a council's name names, sharing the rest of
    that name ("North and West Northamptonshire", "East and West Sussex"), or the rest after a second compass word
    ("North and North East Lincolnshire"): [] when that is no council's name. `codes`: council names as lower-case
    words → code."""
    k, rest = match.start - 2, tuple(tokens.words[match.start + 1:match.start + match.length])
    code = codes.get((tokens.words[k],) + rest)
    if (code is None or code == match.code) and rest[:1] and rest[0] in COMPASS:  # "North and North East Lincs"
        code = codes.get((tokens.words[k],) + rest[1:])
    if code is None or code == match.code or tokens.words[k] not in COMPASS or not tokens.texts[k][0].isupper():
        return []
    joined = " ".join(tokens.texts[match.start:match.start + match.length])
    found = [NameMatch(k, 1, code, True, f'a compass word joined to "{joined}"')]
    while k and tokens.words[k - 1] in COMPASS and tokens.texts[k - 1][0].isupper():
        k -= 1  # "North, South and East Ayrshire": a list of compass councils
        code = codes.get((tokens.words[k],) + rest)
        if code is None or code in {m.code for m in found} or code == match.code:
            return []
        found.insert(0, NameMatch(k, 1, code, True, f'a compass word listed before "{joined}"'))
    return found
