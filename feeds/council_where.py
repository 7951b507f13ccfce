"""Places that are where something happened, not the council acting: a name after "in", "at",
"near"… in a text with no local-government word at all ("Macmillan opens cancer centre in
Gloucester", "Judge orders retrial in Bradford fraud case"), and a place inside a metro mayor's
region in the mayor's own news ("Richard Parker pledges to fix Birmingham's bus network" is the
West Midlands authority's, not Birmingham City Council's); an abolished council's name, which
is now a place in a current council's area."""
from __future__ import annotations

from feeds.council_bodies import without_bodies
from feeds.council_context import heads, service_follows, services_named
from feeds.council_grants import handed_a_sum
from feeds.council_institutions import council_named
from feeds.council_kinds import (ANSWERING_VERBS, BUSINESS_GROUNDS, ORGANISATION_VERBS, ROUTE_PEOPLE, ROUTE_WORDS,
                                 SOMEONE_FROM)
from feeds.council_listed import listed_after, listed_as_council, their_verb
from feeds.council_lists import coordinated, listed_acting
from feeds.council_metro import councillors_decided, list_end
from feeds.council_names import Areas
from feeds.council_opponents import with_the_mayor_acting
from feeds.council_stance import decision_given, owns_bid
from feeds.council_talk import EVERYDAY, quiet
from feeds.council_tokens import CouncilEvidence, NameMatch
from feeds.council_words import (COUNCIL_BUILDINGS, COUNCIL_VERBS, COUNCIL_WORDS, DECISION_VERBS, PLACE_WORDS,
                                 PLURAL_VERBS)
from models.relevance import LOCAL_GOVERNMENT_WORDS

# Prepositions that put a name as the scene of the news ("deal in Belfast", "college in Harrow").
SCENE_WORDS = frozenset({"in", "at", "near", "across", "around", "outside", "throughout", "within", "from"})
# A visitor's verbs: "King visits Sheffield" is where the visit happened (a metro mayor's visit to
# another council's place is read by `mayors_places`).
VISIT_WORDS = frozenset({"visits", "visited", "visit", "visiting", "tours", "toured"})


def unusual(matches: list[NameMatch], words: list[str], current: frozenset[str],
            combined: frozenset[str] = frozenset()) -> bool:
    """Whether any name found needs the checks below: a metro mayor (by name or by the authority's
    "mayor"), a combined authority opening the text, an abolished council, or a name after a place
    preposition (most texts have none, and skip them)."""
    for match in matches:
        if match.person or match.code not in current or (match.start and (words[match.start - 1] in SCENE_WORDS or
                                                                          words[match.start - 1] in VISIT_WORDS)) or \
                (match.code in combined and (match.start == 0 or _the_mayor(match, words))):
            return True
    return False


def _the_mayor(match: NameMatch, words: list[str]) -> bool:
    """A combined authority's name is its mayor's: "West of England mayor", "Mayor of the West
    Midlands", "North East mayor"."""
    return "mayor" in words[max(0, match.start - 3):match.start + match.length + 2]


def _building(words: list[str]) -> bool:
    """The text names a council's building ("town hall", "County Hall")."""
    return any(words[k:k + len(b)] == list(b) for b in COUNCIL_BUILDINGS for k, w in enumerate(words) if w == b[0])


def scenes(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str],
           combined: frozenset[str]) -> list[CouncilEvidence]:
    """Names counted only for being a council's name, straight after a place preposition in a quiet
    text (`quiet`), are the scene of the news, not the council. A combined authority's name is never
    a scene (its region is already read as a place unless named as the authority)."""
    if not any(e.counted for e in out) or not quiet(words) or services_named(without_bodies(words)):
        return out  # "Fly-tipping in Leeds hits record high": a council's service is its news
    if _building(words) and len({e.code for e in out if e.counted}) == 1:
        return out  # "Town hall bosses in Rotherham apologise"; not "East Sussex to sell County Hall in Lewes"
    visited = not any(m.person for m in matches)
    judged = []
    for e, match in zip(out, matches):
        before = words[match.start - 1] if match.start else ""
        if e.counted and (before in SCENE_WORDS or (visited and before in VISIT_WORDS)) and \
                e.code not in combined and not match.person and decision_given(words, match) is None:
            e = CouncilEvidence(e.code, e.named, False, f'where it happened ("{before} {e.named}"), '
                                "in a text with no local-government word")
        judged.append(e)
    return judged


def someone_from(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str],
                 combined: frozenset[str]) -> list[CouncilEvidence]:
    """A name followed by a person or private business ("Leeds firm", "Plymouth woman", "Oldham care
    home"), in a quiet text (`quiet`), is where they are from, not the council: "Leeds firm creates
    200 jobs". A combined authority's name is never one (it is read as the authority or a region)."""
    firsts = [match.start + match.length for e, match in zip(out, matches)
              if e.counted and _someone_after(words, match.start + match.length)]
    if not firsts or services_named(words) or not quiet(_without_their_verbs(words, firsts[0])):
        return out
    judged = []
    for n, (e, match) in enumerate(zip(out, matches)):
        end = match.start + match.length
        someone = _someone_after(words, end) if e.counted and e.code not in combined else None
        if someone and (n and their_verb(someone, words, end) and
                        listed_after(out[n - 1], matches[n - 1], match, words) or decision_given(words, match)):
            someone = None  # "Sunderland and South Tyneside expand business park": the councils listed act
        if someone:
            e = CouncilEvidence(e.code, e.named, False, f'"{e.named} {someone}": someone or something of the '
                                "place, not the council, in a text with no local-government word")
        judged.append(e)
    return judged


# Verbs local-government news shares with a business's own ("Kent ferry firm raises fares").
_THEIR_VERBS = frozenset({"approves", "agrees", "backs", "rejects", "scraps", "sets", "cuts", "axes", "freezes",
                          "raises", "declares", "consults", "unveils", "appoints",
                          # a business winning work: whose contract it is the text does not say ("Leicester firm
                          # wins contract"); a council's is named ("wins council contract")
                          "contract", "contracts",
                          # and a charity winning money ("Suffolk charity wins lottery grant"): a council's says so
                          "grant", "grants", "funding"})


def _without_their_verbs(words: list[str], end: int) -> list[str]:
    """`words` without the verbs among the five after a name (its someone and the someone's own name:
    "Isle of Wight ferry firm Red Funnel raises fares"), and without a business's grounds named
    straight after it ("industrial estate"): the business's own doing says nothing of a council."""
    grounds = end + 2 if tuple(words[end:end + 2]) in BUSINESS_GROUNDS else end  # "industrial estate": not housing
    return [w for k, w in enumerate(words)
            if not ((end <= k < end + 5 and w in _THEIR_VERBS) or (w in _CONTRACTS and k < end)) and
            not end <= k < grounds]


# A contract won before the business's place is named ("Harland and Wolff secures contract at Belfast shipyard").
_CONTRACTS = frozenset({"contract", "contracts"})


def _someone_after(words: list[str], end: int) -> str | None:
    """The person or private business straight after a name ("Leeds firm"), or after one word of
    its own ("Hartlepool nuclear plant", "Stoke pottery firm"; not a council's or everyday word,
    "Kent school jobs"), a business's grounds ("Leeds garden centre", `BUSINESS_GROUNDS`), or after
    the place's possessive and a superlative ("Bristol's oldest pub"), as written; None otherwise."""
    if words[end:end + 1] == ["s"] and end + 2 < len(words) and _ranked(words[end + 1]) and \
            words[end + 2] in SOMEONE_FROM:
        return " ".join(words[end + 1:end + 3])  # "Bristol's oldest pub", "Kent's biggest employer"
    if end < len(words) and words[end] in SOMEONE_FROM:
        return words[end]
    if tuple(words[end:end + 2]) in BUSINESS_GROUNDS:
        return " ".join(words[end:end + 2])  # "Wakefield holiday park", "Leeds garden centre"
    if tuple(words[end + 1:end + 3]) in BUSINESS_GROUNDS and words[end] not in _NOT_A_TRADE:
        return " ".join(words[end:end + 3])  # "Hartlepool nuclear power station", "Leeds Kirkstall retail park"
    if end + 1 < len(words) and (words[end + 1] in SOMEONE_FROM or words[end + 1] in ROUTE_PEOPLE) and \
            words[end] not in SOMEONE_FROM and \
            (words[end] not in _NOT_A_TRADE or (words[end] in ROUTE_WORDS and words[end + 1] in _COMPANIES | _CREWS)):
        return " ".join(words[end:end + 2])  # "Stoke pottery firm", "Wight ferry firm", "Bristol bus drivers";
        # not "Sheffield tram depot"
    if end + 2 < len(words) and words[end + 2] in _COMPANIES and words[end] not in _NOT_A_TRADE and \
            (words[end + 1] not in _NOT_A_TRADE or words[end + 1] in EVERYDAY):
        return " ".join(words[end:end + 3])  # "Aberdeen oil services firm": a trade of two words
    return None


_COMPANIES = frozenset({"firm", "firms", "company", "companies", "business", "businesses"})
# The people who drive a journey's vehicles: "Bristol bus drivers strike" are the operator's staff.
_CREWS = frozenset({"driver", "drivers"}) | ROUTE_PEOPLE  # and a route's operator, sailings


def _ranked(word: str) -> bool:
    """A superlative or ranking word ("oldest", "biggest", "last", "favourite")."""
    return (word.endswith("est") and len(word) > 4 and word not in ("west", "interest", "forest", "harvest")) or \
        word in ("last", "only", "first", "favourite", "top", "leading")


_NOT_A_TRADE = LOCAL_GOVERNMENT_WORDS | COUNCIL_WORDS | COUNCIL_VERBS | PLURAL_VERBS | EVERYDAY | ROUTE_WORDS | \
    SCENE_WORDS | ORGANISATION_VERBS | DECISION_VERBS | ANSWERING_VERBS | frozenset(
    {"s", "to", "and", "or", "of", "in", "over", "for", "with", "by", "on", "after", "as", "into", "the", "a",
     "an", "its", "their", "is", "are", "was", "were", "has", "have", "will", "could", "may", "must", "should",
     "than", "but", "if", "not", "no", "new", "says", "said"})


def mayors_places(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str],
                  members: dict[str, str], says_council) -> list[CouncilEvidence]:
    """A council inside a metro mayor's region, named beside the mayor (by name, or as the
    authority's mayor) without a council word, is a place in the mayor's news, not the council:
    "Richard Parker pledges to fix Birmingham's bus network", "West Midlands mayor to fix Coventry's
    bus lanes"; likewise a member's place after a place preposition in news that the authority opens
    ("WMCA board approves £60m for Coventry rail station"). Not a council heading the text or listed
    there, acting ("Derbyshire and Nottinghamshire back East Midlands mayor's bid"), nor one whose own
    service follows its name ("Mayor of the West Midlands criticises Birmingham bin strike"). `members`: council
    code → its combined authority's code; `says_council(words, match)`: whether a council word names
    it ("Birmingham City Council")."""
    authorities = set(members.values())
    mayors = {m.code for m, e in zip(matches, out) if e.counted and (m.person or (
        not m.region and m.code in authorities and _the_mayor(m, words)))}
    heading = {m.code for m, e in zip(matches, out) if e.counted and m.start == 0 and m.code in authorities and
               not m.person}  # "WMCA board approves £60m for Coventry station": the authority's news
    if not mayors and not heading:
        return out
    judged = []
    decided = councillors_decided(words) and len({e.code for e in out if e.counted and e.code in members}) == 1
    for n, (e, match) in enumerate(zip(out, matches)):
        authority = members.get(e.code)
        before = words[match.start - 1] if match.start else ""
        if e.counted and not match.person and not says_council(words, match) and \
                not listed_as_council(matches, n, words, says_council) and not _a_party(words, match.start) and \
                (authority in mayors or (authority in heading and before in PLACE_WORDS)) and \
                not heads(words, match) and not listed_acting(match, matches, words) and not decided and \
                not service_follows(words, list_end(matches, n, words)) and \
                not owns_bid(words, list_end(matches, n, words)) and decision_given(words, match) is None and \
                not with_the_mayor_acting(words, matches, n) and not handed_a_sum(words, match):
            named = "mayor" if authority in mayors else "combined authority"
            e = CouncilEvidence(e.code, e.named, False, f"a place in the region of the {named} named ({authority}), "
                                "with no council word")
        judged.append(e)
    return judged


# A dispute's words before "with" or "against": "Mayor clashes with Bexley over ULEZ signs" names the
# council as the other party, not a place in the mayor's region.
_DISPUTES = frozenset({"clash", "clashes", "clashed", "row", "rows", "rowed", "feud", "feuds", "spat", "battle",
                       "battles", "dispute", "disputes", "war", "talks", "odds", "showdown", "standoff", "fight",
                       "fights", "deal", "agreement", "spar", "spars", "loggerheads", "wrangle", "wrangles"})


def _a_party(words: list[str], start: int) -> bool:
    """The name is a party to a dispute or talks, straight after "with" or "against" and a dispute's word."""
    return start >= 2 and words[start - 1] in ("with", "against") and words[start - 2] in _DISPUTES


def abolished_places(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str], areas: Areas,
                     current: frozenset[str], merged: frozenset[str] = frozenset(),
                     members: dict[str, str] | None = None) -> list[CouncilEvidence]:
    """An abolished council's name without a council word of its own is a place now, not that council:
    beside its successor ("North Yorkshire Council confirms Harrogate conference centre future") or,
    for one that left no successor on the register (Northern Ireland's districts before 2015), beside
    any current council named ("Mid Ulster council's plans for Cookstown leisure hub") it is the place;
    alone, with council context, it is the one council that now serves the place ("Scarborough spa's
    future decided by council" is North Yorkshire Council's). Not when the names are listed together
    ("Allerdale Borough Council and Copeland hand over to Cumberland"; a list of places with no council word, "Eden
    and Copeland residents' bins", is of the places), nor when the name says council
    ("Selby District Council hands over to North Yorkshire Council"), unless the council was `merged`
    long ago and its name is today's council's everyday one ("Derry council" is Derry City and
    Strabane's), or the text tells of it as history ("Former Ryedale council offices to be sold" is
    North Yorkshire Council's news, told of the place the successor serves). Beside the combined authority its
    successor belongs to (`members`), it is a place in that authority's area ("Mayor David Skaith backs Harrogate
    station upgrade")."""
    if all(e.code in current for e in out if e.counted):
        return out  # most texts: no abolished council's name counted
    counted = {e.code: e.named for e in out if e.counted}
    others = {code for code in counted if code in current}
    judged, last_days = [], None
    said = any(council_named(words, match) for match in matches)  # a list of councils, not of places
    for e, match in zip(out, matches):
        if e.counted and e.code in merged and _merged_into(e.code, areas, current, counted):
            successor = next(iter(areas.successors[e.code]))  # "Belfast and Lisburn councils": Lisburn's is LBC
            judged.append(CouncilEvidence(successor, e.named, True, f"{e.named}'s council was merged long ago; "
                                          f"{successor} serves the place now"))
            continue
        if not e.counted or e.code in current or (said and coordinated(match, matches, words)):
            judged.append(e)
            continue
        former = match.start > 0 and words[match.start - 1] in _FORMER
        if last_days is None:
            last_days = _its_last_days(words)
        if last_days and not former:
            judged.append(CouncilEvidence(e.code, e.named, True, f"the council itself, in its last days ({last_days})"))
            continue
        holder = areas.holder(e.code, set(counted) - {e.code}, members)
        if e.code in merged or former or not council_named(words, match):
            successors = areas.successors.get(e.code, frozenset())
            if holder is not None:
                e = CouncilEvidence(e.code, e.named, False, f"a place in the area of {counted[holder]}, "
                                    "the council named")
            elif not successors and others:
                e = CouncilEvidence(e.code, e.named, False, "a former council's name, now a place, beside the "
                                    "council named")
            elif len(successors) == 1 and not others and next(iter(successors)) in current:
                successor = next(iter(successors))
                e = CouncilEvidence(successor, e.named, True, f"{e.named}'s council was abolished; {successor} "
                                    "serves the place now")
        judged.append(e)
    return judged


def _merged_into(code: str, areas: Areas, current: frozenset[str], counted: dict[str, str]) -> bool:
    """A council merged long ago (`merged`) has one current successor, not itself named in the text: the
    district's name, listed or alone, is the successor's now."""
    successors = areas.successors.get(code, frozenset())
    return len(successors) == 1 and next(iter(successors)) in current and next(iter(successors)) not in counted


def _its_last_days(words: list[str]) -> str:
    """The words that tell of an abolished council's own last acts before it went ("before merger", "ahead of
    abolition", "final budget", "last meeting"), or "": then its name is that council, not
    the place its successor serves now ("Copeland's last budget before merger")."""
    for k, word in enumerate(words[:-1]):
        after = words[k + 1]
        if word in ("before", "ahead") and (after in _ITS_END or (after in ("of", "the") and
                                                                 words[k + 2:k + 3] and words[k + 2] in _ITS_END)):
            return " ".join(words[k:k + 3 if after in ("of", "the") else k + 2])
        if word in ("last", "final") and after in _LAST_ACTS:
            return f"{word} {after}"
    return ""


_ITS_END = frozenset({"merger", "abolition", "reorganisation", "takeover", "handover", "vesting"})
_LAST_ACTS = frozenset({"budget", "budgets", "meeting", "meetings", "accounts", "council", "precept"})
# Words before an abolished council's name that tell of it as history ("Former Copeland council offices").
_FORMER = frozenset({"former", "old", "defunct", "abolished", "historic", "ex"})
