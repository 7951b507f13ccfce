"""A council handed a sum by name: "Burnham hands Oldham £20m for town centre homes", "Mayor gives Bolton £5m for
its market". A name straight after a verb of giving and straight before a sum is who receives the money, and a
place receives nothing: its council does. So a member council named so beside its metro mayor is the council, not
a place in the mayor's news (`feeds.council_where.mayors_places`), as "Ministers hand Kent £10m" is Kent's."""
from __future__ import annotations

from feeds.council_kinds import A_SUM
from feeds.council_tokens import NameMatch

GIVING = frozenset({"hands", "handed", "gives", "given", "awards", "awarded", "grants", "granted", "allocates",
                    "allocated", "offers", "offered", "pledges", "pledged", "promises", "promised", "hand", "give"})


def handed_a_sum(words: list[str], match: NameMatch) -> bool:
    """The name at `match` is straight after a verb of giving and straight before a sum ("hands Oldham £20m")."""
    end = match.start + match.length
    return match.start > 0 and words[match.start - 1] in GIVING and end < len(words) and \
        A_SUM.match(words[end]) is not None and any(c.isdigit() for c in words[end])
