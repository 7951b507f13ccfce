"""Places named as part of something else's name or journey:
a venue a few words after a place ("Leeds first direct arena sells out"), a company's or NHS body's
site after its acronym ("GWR Bristol", "NHS Kent and Medway"), a place at either end of a journey
("Leeds to Harrogate trains"). Read by `feeds.council_institutions.institution_starts`."""
from __future__ import annotations

from feeds.council_kinds import NOT_A_VENUE_NAME, NOT_AN_ORGANISATION, ROUTE_WORDS, VENUE_BEFORE, VENUE_WORDS
from feeds.council_talk import quiet
from feeds.council_tokens import NameMatch, Tokens
from feeds.council_words import (AUTHORITY_WORDS, COMPASS, COUNCIL_VERBS, COUNCIL_WORDS, GENERIC, OTHER_PLACE_PREFIXES,
                                 PARTY_WORDS)


def venue(words: list[str], end: int) -> bool:
    """A venue word one to three words after a place (its possessive aside), with only a venue's own
    name between, in a text that says nothing of a council (`quiet`): "Leeds first direct arena sells
    out", "Cardiff's principality stadium hosts concert"; not "Leeds to get new arena"."""
    if VENUE_WORDS.isdisjoint(words[end:end + 4]):
        return False  # most names: no venue word after them
    k = end + 1 if words[end:end + 1] == ["s"] else end
    for n in range(k, min(k + 3, len(words))):
        if words[n] in VENUE_WORDS:
            return n > k and quiet(words)
        if words[n] in NOT_A_VENUE_NAME or words[n] in COUNCIL_VERBS:
            return False
    return False


ROUTE_OR_JOIN = frozenset({"to", "and", "&"})


def site_or_route(tokens: Tokens, matches: list[NameMatch], n: int) -> str | None:
    """"venue" after an institution's words ("Theatre Royal Plymouth"); "company's or NHS body's
    site" after an organisation's acronym ("GWR Bristol line closed",
    "NHS Kent and Medway cuts beds": the names joined to it too); "route" for a place at either end
    of a journey ("Leeds to Harrogate trains cut"); None otherwise."""
    words, match = tokens.words, matches[n]
    end = match.start + match.length
    if end + 1 < len(words) and words[end] == "to":
        nxt = matches[n + 1] if n + 1 < len(matches) and matches[n + 1].start == end + 1 else None
        if nxt is not None and journey_follows(words, nxt.start + nxt.length):
            return "route"
        if nxt is None and _abroad_end(tokens, end + 1):
            return "route"  # "P&O Ferries restores Hull to Rotterdam service": the other end is no council
    if on_route(words, match):
        return "route"  # "Red Funnel cuts sailings on Southampton route": the operator's route, one end named
    if n and words[match.start - 1:match.start] == ["to"] and journey_follows(words, end):
        before = matches[n - 1]
        if before.start + before.length == match.start - 1:
            return "route"
    if match.start and match.start != tokens.clause and words[match.start - 1] in _VENUE_BY_LAST and \
            _venue_before(words, match):
        return "venue"  # not a name opening the clause after a label's colon ("… stadium: Cherwell approves …")
    if _owned(tokens, matches, n):
        return "organisation's branch"
    if _brand_before(tokens, matches, n):
        return "company's site or a person"
    start = match.start
    if n and start >= 2 and words[start - 1] in ("and", "&") and \
            matches[n - 1].start + matches[n - 1].length == start - 1:
        start = matches[n - 1].start  # "NHS Kent and Medway": the acronym before the first name
    return "company's or NHS body's site" if _acronym_before(tokens, start) else None


# A route named by one of its ends, after "on" ("on the Portsmouth route", "delays on Penzance line"): not a
# council's service (a bus "service" may be one a council pays for).
_ONE_END = frozenset({"route", "routes", "line", "crossing", "crossings", "sailings", "flights", "ferry", "ferries"})
def on_route(words: list[str], match: NameMatch) -> bool:
    """The place is a route's one end, after "on" ("on the Portsmouth route", "delays on Penzance line")."""
    end = match.start + match.length
    return bool(words[end:end + 1]) and words[end] in _ONE_END and match.start > 0 and (
        words[match.start - 1] == "on" or words[max(0, match.start - 2):match.start] == ["on", "the"])


# A journey's words: ROUTE_WORDS and the paths walked or cycled between places.
JOURNEY_WORDS = ROUTE_WORDS | frozenset({"path", "paths", "trail", "trails", "cycleway", "greenway", "fares"})
# Words that end the search for a journey's word: a council's or a sentence's own.
_NOT_A_JOURNEY = COUNCIL_WORDS | COUNCIL_VERBS | frozenset({"s", "to", "and", "for", "by", "in", "of", "on", "as"})


def journey_follows(words: list[str], k: int) -> bool:
    """A journey's word at `k` or within the three words after, with only its own describing words between
    ("Leeds to Bradford trains", "…mass transit route", "…Hope Valley line", "…express coach", "…cycle path"):
    the places are the journey's ends. Not past a council's word or verb ("Leeds to Bradford
    council…")."""
    for word in words[k:k + 4]:
        if word in JOURNEY_WORDS:
            return True
        if word in _NOT_A_JOURNEY:
            return False
    return False


def _abroad_end(tokens: Tokens, k: int) -> bool:
    """One or two capitalised words from `k` (a place that is no council's, "Rotterdam", "New York")
    and then a journey's word in lower case ("service", "flights", "ferry"): the far end of a route, in
    a sentence-case text (Title Case and shouting capitalise every word)."""
    if tokens.shouting or tokens.title_case:
        return False
    for n in (k + 1, k + 2):
        if n >= len(tokens.words) or not tokens.texts[n - 1][:1].isupper():
            return False
        if tokens.words[n] in JOURNEY_WORDS or (tokens.texts[n].islower() and journey_follows(tokens.words, n)):
            return tokens.texts[n].islower()  # "Hull to Get New Service": capitals all along say nothing
    return False


def _owned(tokens: Tokens, matches: list[NameMatch], n: int) -> bool:
    """A charity's or company's possessive name straight before the place, in a text that says nothing
    of a council (`quiet`): "Macmillan's Bristol centre expands", "Barnardo's Leeds hub" are the
    organisation's branch there. Not a place's possessive ("Kent's Margate"), a party's, a council's,
    nor in a shouted or Title Case text, where case marks no proper name."""
    start = matches[n].start
    if start < 2 or tokens.words[start - 1] != "s" or tokens.shouting or tokens.title_case:
        return False
    owner = tokens.words[start - 2]
    if not tokens.texts[start - 2][0].isupper() or owner in COUNCIL_WORDS or owner in PARTY_WORDS or \
            owner in AUTHORITY_WORDS or owner in GENERIC:
        return False
    if n and matches[n - 1].start + matches[n - 1].length == start - 1:
        return False  # "Kent's Margate": a place's own place
    return quiet(tokens.words)


# Capitalised words before a place that describe it, not a company's name: "Rural Devon", "Historic York".
PLACE_ADJECTIVES = frozenset({"rural", "urban", "coastal", "historic", "inner", "outer", "royal", "central", "sunny",
                              "greater", "metropolitan", "suburban", "industrial", "post", "pre", "inside", "across",
                              "around", "in", "at", "for", "from", "to", "and", "of", "the", "why", "how", "what",
                              "when", "where", "who", "is", "are", "was", "has", "have", "new", "more", "most", "all",
                              "every", "our", "your", "their", "this", "that", "these", "those", "beautiful", "hidden"})


def _brand_before(tokens: Tokens, matches: list[NameMatch], n: int) -> bool:
    """A company's or broadcaster's name straight before a place, in a sentence-case text that says
    nothing of a council (`quiet`): "Nissan Sunderland", "Asda Leeds head office", "Octopus Energy
    Bristol" are the company's site. Not a word that describes the place ("Rural Devon"), a party,
    a council word, a compass word, another council's name, nor after a label's colon."""
    start = matches[n].start
    if not start or tokens.shouting or tokens.title_case or start == tokens.label:
        return False
    text, before = tokens.texts[start - 1], tokens.words[start - 1]
    if not text[0].isupper() or before in PLACE_ADJECTIVES or before in COUNCIL_WORDS or before in PARTY_WORDS or \
            before in AUTHORITY_WORDS or before in GENERIC or before in COMPASS:
        return False
    if n and matches[n - 1].start + matches[n - 1].length == start:
        return False  # two councils' names side by side
    return quiet(tokens.words)


def town_before(tokens: Tokens, i: int, strict: frozenset[str]) -> bool:
    """Another council's listed town, capitalised, straight before an ordinary-word name (in `strict`) makes one
    longer place of the two ("Shops on Matlock Bath's parade" is Derbyshire Dales's village, not Bath's council)."""
    if not i or tokens.words[i] not in strict or not tokens.texts[i - 1][0].isupper() or tokens.shouting:
        return False
    from feeds.council_towns import TOWNS  # here, not at the top: council_towns imports this module's users
    return (tokens.words[i - 1],) in TOWNS


def another_place(tokens: Tokens, i: int) -> bool:
    """A capitalised "Old", "Little", "Upper"… before the name makes another place of it ("Old
    Trafford", "Little Chalfont"); so does "New" inside a sentence ("homes in New Brighton")."""
    if tokens.shouting:
        return False
    before = tokens.texts[i - 1]
    if before == "New":
        return i > 1 and not tokens.title_case
    return before in OTHER_PLACE_PREFIXES


def _venue_before(words: list[str], match: NameMatch) -> bool:
    """An institution's words straight before the name make it the institution's ("Theatre Royal
    Plymouth", "Royal Observatory Greenwich", "Museum of Liverpool"), unless a council word follows
    the name ("Everton stadium: Liverpool council grants licence")."""
    i, end = match.start, match.start + match.length
    if end < len(words) and words[end] != "s" and words[end] in COUNCIL_WORDS:
        return False
    return any(i >= len(before) and tuple(words[i - len(before):i]) == before
               for before in _VENUE_BY_LAST[words[i - 1]])


_VENUE_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _before in VENUE_BEFORE:
    _VENUE_BY_LAST.setdefault(_before[-1], []).append(_before)
VENUE_LAST = frozenset(_VENUE_BY_LAST)


def _acronym_before(tokens: Tokens, start: int) -> bool:
    """An organisation's acronym (two to five capitals) straight before a place: "GWR Bristol",
    "NHS Kent", "BAE Barrow"; not local government's own ("SEND", "LTN"), nor in a shouted text."""
    if not start or tokens.shouting or start == tokens.label:
        return False  # "LGC: Spelthorne handed best value notice": an outlet's label, not a body's site
    text = tokens.texts[start - 1]
    return 2 <= len(text) <= 5 and text.isupper() and text.isalpha() and text.lower() not in NOT_AN_ORGANISATION
