"""Institutions named after a place (clubs, police forces, airports, universities…), which are not
the council: which council names found in a text are part of one, which council is a club's home,
and whether a name is said to be the council's. Whether a whole text is an institution's news:
`feeds.council_setting`."""
from __future__ import annotations

from feeds.council_bodies import owned_company
from feeds.council_civic import civic_head
from feeds.council_context import LOCAL_GOVERNMENT_ONLY, phrase_in, service_follows
from feeds.council_kinds import (A_SUM, ANSWERING_VERBS, ATTRACTIONS, COUNCIL_BEFORE, GRADE, OPERATOR_LAST, REGULATORS,
                                 SEASIDE, SPORT_ROLES, VENUE_WORDS)
from feeds.council_owners import ATTRACTION_KINDS, own_town_follows, paired_with_a_shire
from feeds.council_seats import seat_at
from feeds.council_sites import ROUTE_OR_JOIN, VENUE_LAST, site_or_route, venue
from feeds.council_talk import quiet
from feeds.council_tokens import NameMatch, Tokens
from feeds.council_words import (AUTHORITY_WORDS, BY_ELECTION, CHILDREN_INSTITUTIONS, CLUB_AFTER, CLUB_SUFFIX, COMPASS,
                                 COUNCIL_VERBS, COUNCIL_WORDS, GENERIC, HEALTH_BODIES, INSTITUTION_AFTER,
                                 LOCAL_GOVERNMENT_PHRASES, NAMED_PLACE_AFTER, NOT_A_CLUB, PARISH_CITIES,
                                 PARLIAMENT_AFTER, PARTY_WORDS, SAYS_COUNCIL, SCHOOLS_SYSTEM)

# A campaign's words after a place and a compass word: a constituency's ("Bristol West hustings").
CAMPAIGN_WORDS = frozenset({"candidate", "candidates", "hustings", "seat", "voters", "poll", "race"})


def institution_kind(words: list[str], end: int) -> str | None:
    """"club", "institution" or None: what the words after a name (ending at `end`) make of it."""
    after = words[end] if end < len(words) else ""
    beyond = words[end + 1] if end + 1 < len(words) else ""
    if (after in CLUB_AFTER and (after, beyond) != ("forest", "of")) or after in SPORT_ROLES:
        return "club"  # "Salford Red Devils", "St Helens coach leaves Saints"; not "Cotswold, Forest of Dean"
    seat = end
    while seat < min(end + 3, len(words)) and (words[seat] in COMPASS or words[seat] in PARTY_WORDS or
                                              words[seat] in ("s", "new", "former", "local")):
        seat += 1
    if seat < len(words) and (words[seat] in PARLIAMENT_AFTER or tuple(words[seat:seat + 2]) == BY_ELECTION or
                              (seat > end and words[end] in COMPASS and words[seat] in CAMPAIGN_WORDS)):
        # "Ashfield MP", "Leeds North West MP", "Bolton's MP", "Stroud constituency", "Bristol West hustings"
        return "parliamentary seat"
    if after == "half" and beyond == "marathon":
        return "institution"  # "Sheffield half marathon", as "London Marathon"
    if after == "central" and beyond in ("station", "library"):
        return "institution"  # "Glasgow Central station"
    if (after in ("town", "parish", "community") or after == "city" and words[end - 1] in PARISH_CITIES) and \
            beyond in ("council", "councils", "councillor", "councillors"):
        return "town or parish council"  # "Stroud Town Council", "Lichfield City Council": not the district council
    if after == "mental" and beyond == "health":
        end, after = end + 1, "health"  # "Norfolk mental health trust": an NHS trust, as "Norfolk health trust"
    if after in ("children", "health"):
        beyond = [w for w in words[end + 1:end + 4] if w not in ("s", "and", "university")][:1]
        wanted = CHILDREN_INSTITUTIONS if after == "children" else HEALTH_BODIES
        return "institution" if beyond and beyond[0] in wanted else None
    if after in INSTITUTION_AFTER and not (after == "school" and beyond in SCHOOLS_SYSTEM):
        return "institution"  # "Pembrokeshire school", but not "Pembrokeshire school closures": its schools'
    if after == "borough" and (beyond in SPORT_ROLES or beyond in ("fc", "afc")):
        return "club"  # "Eastbourne Borough fans", "Stevenage Borough manager": a club named "Borough"
    if after in CLUB_SUFFIX:
        beyond = words[end + 1] if end + 1 < len(words) else ""
        if beyond in INSTITUTION_AFTER:
            return "institution"  # "Birmingham City University"
        if beyond == "s":  # "Coventry City's stadium" is the club's; "Leicester City's council tax" is not
            beyond = words[end + 2] if end + 2 < len(words) else ""
            return None if beyond in NOT_A_CLUB or beyond in COUNCIL_VERBS else "club"
        if beyond not in NOT_A_CLUB:
            return "club"
    return None


def named_institution(tokens: Tokens, end: int) -> str | None:
    """"institution" or "club" when one or two proper-name words after a place name lead to an
    institution or club word ("Sheffield Hallam University", "Bristol Temple Meads station",
    "Salford Red Devils" aside), and "body named after the place" when a proper name of its own
    follows it ("Belfast Harbour", "Edinburgh Trams", "Leicester Mercury"); None in a headline whose
    words are all capitalised, where case says nothing. A possessive place before a proper name is
    a body or attraction in the place when an institution word follows ("Manchester's Etihad
    Stadium", "Hull's Ferens Art Gallery"), or in a text that says nothing of a council (`quiet`:
    "Bradford's Odeon reopens as music venue"). In a
    Title Case Headline only an institution or club word two words on says so."""
    if tokens.shouting:
        return None
    words = tokens.words
    titled = title_case(tokens)
    if not titled and end + 1 < len(words) and words[end] == "s" and _proper(tokens.texts[end + 1]) and \
            words[end + 1] not in NOT_A_BODY and LOCAL_GOVERNMENT_ONLY.isdisjoint(words) and \
            (any(w in INSTITUTION_AFTER or w in NAMED_PLACE_AFTER for w in words[end + 1:end + 4]) or
             quiet(words) or _operator_named(tokens, end + 1)) and not owned_company(tokens, end + 1) and \
            not seat_at(words, end + 1) and not _a_scheme(tokens, end + 1) and \
            not phrase_in(words, LOCAL_GOVERNMENT_PHRASES):  # "North East Lincolnshire's Grimsby town deal"
        return "body or attraction in the place"  # not "Plymouth's Armada Way scheme", a council's
    if not titled and words[end:end + 1] == ["s"] and not ATTRACTIONS.isdisjoint(words[end + 1:end + 3]) and \
            any(w in ATTRACTIONS and tokens.texts[k][0].islower()
                for k, w in enumerate(words[end + 1:end + 3], end + 1)) and \
            quiet(words) and LOCAL_GOVERNMENT_ONLY.isdisjoint(words):
        return "attraction in the place"  # "Blackpool's illuminations switched on", "Brighton's pier reopens"
    if not titled and end < len(words) and words[end] in SEASIDE and tokens.texts[end].islower() and quiet(words) and \
            LOCAL_GOVERNMENT_ONLY.isdisjoint(words):
        return "attraction in the place"  # "Southport pier reopens", "Blackpool illuminations switched on"
    if not VENUE_WORDS.isdisjoint(words[end:end + 4]) and venue(words, end):
        return "venue in the place"
    word = words[end] if end < len(words) and end != tokens.label else ""  # after a label's colon, a new clause
    if not titled and word and tokens.texts[end][0].isupper() and word not in NOT_A_BODY and \
            not GRADE.match(tokens.texts[end]) and not _office_of(words, end) and not civic_head(words, end) and \
            words[end - 1] not in AUTHORITY_WORDS and words[end - 1] not in COUNCIL_WORDS and \
            not any(w in INSTITUTION_AFTER or w in CLUB_AFTER for w in words[end:end + 3]) and \
            not _a_scheme(tokens, end):  # "Stevenage SG1 scheme's second phase": the council's scheme
        return "body named after the place"  # "Belfast Harbour", "Leicester Mercury", "Manchester Storm"
    last = min(end + 2, len(words))
    for k in range(end, min(end + 3, len(words))):
        word = words[k]
        if k == last:
            break
        if k > end and word == "district" and tokens.texts[k][0] == "D" and words[k - 1] not in GENERIC and \
                words[k - 1] not in COMPASS:
            last = min(end + 3, len(words))  # "Carlisle Lake District Airport": a district's own name
        elif not tokens.texts[k][0].isupper() or word in COUNCIL_WORDS or word in SAYS_COUNCIL or \
                word in GENERIC or word in COUNCIL_VERBS or word in ("town", "civic", "municipal"):
            return None
        after = words[k + 1] if k + 1 < len(words) else ""
        if after in INSTITUTION_AFTER or after in NAMED_PLACE_AFTER:
            return "institution"
        if after in CLUB_AFTER:
            return "club"
    return None


# A scheme's words after the proper name a place's possessive gives it: the council's regeneration scheme
# ("Rushmoor's Union Yard development finally opens", "Winchester's Station Approach scheme scrapped").
_SCHEMES = frozenset({"scheme", "development", "regeneration", "masterplan", "project"})


def _a_scheme(tokens: Tokens, k: int) -> bool:
    """A scheme's word ends the capitalised name starting at `k`, and no venue or club word is in it."""
    n = k
    while n < len(tokens.words) and n < k + 3 and tokens.texts[n][0].isupper():
        n += 1
    named = tokens.words[k:n]
    return n > k and tokens.words[n:n + 1] != [] and tokens.words[n] in _SCHEMES and \
        VENUE_WORDS.isdisjoint(named) and CLUB_AFTER.isdisjoint(named)


def _operator_named(tokens: Tokens, k: int) -> bool:
    """A transport company's own capitalised name from `k` ("Warrington's Own Buses", "Blackpool's
    Metro Trams"): a company the council may own, but not the council."""
    return any(w in OPERATOR_LAST and tokens.texts[n][0].isupper() for n, w in
               enumerate(tokens.words[k:k + 3], k))


def _office_of(words: list[str], end: int) -> bool:
    """A council office "of" the place comes before it, so a name after it is the office holder's
    ("Mayor of Doncaster Ros Jones cuts budget"), not a body's."""
    return any(words[k] == "of" and words[k - 1] in ("mayor", "leader", "mayoress")
               for k in range(max(1, end - 4), end))


def _proper(text: str) -> bool:
    """A proper name's word: capitalised, or a brand's letters and digits ("bet365", "i360")."""
    return (text[0].isupper() or (not text.isdigit() and any(c.isdigit() for c in text))) and not GRADE.match(text) \
        and not A_SUM.match(text)  # "Eastleigh's £40m hotel investment": a sum, the place's spending


# Capitalised words after a place that do not make it a body of its own: council words, parties,
# authority words, the sector's plans ("Mole Valley Local Plan").
NOT_A_BODY = COUNCIL_WORDS | SAYS_COUNCIL | PARTY_WORDS | AUTHORITY_WORDS | GENERIC | COUNCIL_VERBS | \
    ANSWERING_VERBS | frozenset(
    {"town", "local", "plan", "mp", "mps", "chief", "executive", "director", "deputy", "head", "cabinet", "civic",
     "guildhall", "guild", "municipal", "children", "trading", "highways"}) | \
    REGULATORS - {"court", "regulator", "watchdog"}  # "Birmingham Children's Trust": the council's children's
# services; an inspector's or watchdog's acronym after a place's possessive is its judgement of the place's
# council ("Kent's Ofsted rating", "Croydon's CQC assurance verdict"), not a body named after the place; and
# "Highways" after a county's name is the name of its council's highways service ("Suffolk Highways"), not a body's


def title_case(tokens: Tokens) -> bool:
    """Every longer word capitalised (one aside): a Title Case Headline, where case does not mark
    proper names."""
    return tokens.title_case


def institution_starts(matches: list[NameMatch], tokens: Tokens) -> dict[int, str]:
    """The starts of matches that name an institution, not a council: those followed by an
    institution word (straight after, or after a proper name of its own), and the names joined
    straight to them ("Leeds Bradford Airport", "Devon and Cornwall Police")."""
    words = tokens.words
    found: dict[int, str] = {}
    for n in range(len(matches) - 1, -1, -1):
        match = matches[n]
        if match.person:
            continue
        end = match.start + match.length
        named = words[match.start:end]
        kind = None
        if SAYS_COUNCIL.isdisjoint(named) and (end != tokens.label or not tokens.texts[end].islower()):
            # "Thurrock: court told…": a lower-case word after a label's colon opens a new clause
            kind = institution_kind(words, end)
            if kind in ("institution", "club") and service_follows(words, end):
                kind = None  # "Merton school meals", "Walsall fly-tipping fines": a council's service
            if kind == "club" and (_officials(tokens, end) or paired_with_a_shire(words, matches, n)):
                kind = None  # "Gloucestershire and Gloucester City at odds over…": two councils
            if kind is None and not (n + 1 < len(matches) and matches[n + 1].start == end):
                kind = named_institution(tokens, end)
            if kind is None and end < len(words) and words[end] in ("and", "&"):
                kind = _joined_institution(tokens, end, {m.start for m in matches})
        if kind is None and (match.start or n + 1 < len(matches) or words[end:end + 1] == ["to"]) and \
                _may_be_site_or_route(tokens, matches, n):
            kind = site_or_route(tokens, matches, n) if SAYS_COUNCIL.isdisjoint(named) else None
        if kind is None and named[-1] in CLUB_SUFFIX and len(named) > 1 and _club_follows(words, match) and \
                not paired_with_a_shire(words, matches, n):
            kind = "club"  # a name that ends in "City" and is not followed by "Council": "Hull City fans"
        if kind in ATTRACTION_KINDS and own_town_follows(words, end, match.code):
            kind = None  # "North Norfolk's Cromer pier reopens": a district naming its own town is its council
        if kind is None and n + 1 < len(matches) and matches[n + 1].start in found and \
                SAYS_COUNCIL.isdisjoint(named):  # "Cardiff Council and Cardiff University": the council counts
            follower = matches[n + 1]
            if follower.start == end or (follower.start == end + 1 and words[end] in ("and", "&")):
                kind = found[follower.start]
        if kind is not None:
            found[match.start] = kind
    return found


# Club names that are also the words headlines use for a council's senior people: "Leeds chiefs approve
# budget" (officials) against "Exeter Chiefs" (the rugby club, capitalised).
_OFFICIALS = frozenset({"chiefs"})


def _officials(tokens: Tokens, end: int) -> bool:
    """A lower-case officials' word after the name in a sentence-case text: the place's chiefs, not a
    club whose name is capitalised ("Leeds chiefs approve budget"; "Exeter Chiefs win")."""
    return tokens.words[end] in _OFFICIALS and tokens.texts[end].islower() and not tokens.shouting


def _may_be_site_or_route(tokens: Tokens, matches: list[NameMatch], n: int) -> bool:
    """A cheap first look for `site_or_route`: a name after a joining word, "on", a venue's word or
    capitals, or before "to" and another name or a capitalised word ("Hull to Rotterdam ferry")."""
    words, match = tokens.words, matches[n]
    if match.start:
        before = words[match.start - 1]
        if before in VENUE_LAST or before in ("s", "on") or (before in ROUTE_OR_JOIN and n and
                                    matches[n - 1].start + matches[n - 1].length == match.start - 1):
            return True
        text = tokens.texts[match.start - 1]
        if (len(text) <= 5 and text.isupper()) or (text[0].isupper() and not tokens.title_case):
            return True  # an acronym's or a brand's site ("GWR Bristol", "Nissan Sunderland")
    end = match.start + match.length
    return end + 1 < len(words) and words[end] == "to" and (n + 1 < len(matches) or tokens.texts[end + 1][0].isupper())


def _joined_institution(tokens: Tokens, end: int, starts: set[int]) -> str | None:
    """"institution" or "club" when the name is joined by "and" to one or two proper-name words that
    are no council's and lead to an institution word: "Cardiff and Vale University Health Board"."""
    words = tokens.words
    if end + 1 >= len(words) or words[end] not in ("and", "&") or end + 1 in starts or tokens.shouting:
        return None
    for k in (end + 2, end + 3):
        if k > len(words) or not tokens.texts[k - 1][0].isupper() or words[k - 1] in NOT_A_BODY or \
                words[k - 1] in COUNCIL_WORDS:
            return None
        kind = institution_kind(words, k)
        if kind is not None:
            return kind
    return None


def _club_follows(words: list[str], match: NameMatch) -> bool:
    """What follows a name ending in "City" or "Town" reads as its club's ("Hull City fans", "Hull
    City's new owner"), not its council's ("Hull City Council", "Hull City's budget")."""
    end = match.start + match.length
    after = words[end] if end < len(words) else ""
    if after == "s":
        after = words[end + 1] if end + 1 < len(words) else ""
        return after not in NOT_A_CLUB and after not in COUNCIL_VERBS
    return after not in NOT_A_CLUB


def council_named(words: list[str], match: NameMatch) -> bool:
    """The name itself says council ("Leeds City Council"), or a council word follows it ("Liverpool
    mayor", "Kent County Council"; not "Liverpool city centre")."""
    end = match.start + match.length
    if SAYS_COUNCIL.intersection(words[match.start:end]) or (match.start and words[match.start - 1] in COUNCIL_BEFORE):
        return True  # "Cyngor Gwynedd", "Comhairle nan Eilean Siar": Welsh and Gaelic put "council" first
    after = [w for w in words[end:end + 3] if w not in ("city", "county", "s")][:1]
    return bool(after) and (after[0] in COUNCIL_WORDS or after[0] == "leaders")  # "Derby and Nottingham leaders"
