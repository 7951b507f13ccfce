"""A district's name in its own county council's news.

When a county council is named as a council ("Staffordshire County Council", "Norfolk County Council
cancels…", or a county's name before "council": "Notts council approves…"), a district of
that county named after a place word ("funds new school in Lichfield") or
as a lower-case scheme's qualifier ("cancels Norwich western link") is where the county's own work
happens, not the district council: the county serves that place too. Not a district with its own
council word, a possessive ("takes over Woking's debt"), a name listed with the county's ("Surrey
County Council and Elmbridge at odds"), nor one that acts itself ("…as Lichfield approves homes"). Nor is a
district's town or city centre in its county's news, the county named without "council" ("Norfolk bus gates to
open in Norwich city centre"): the centre is where the county's scheme runs."""
from __future__ import annotations

from feeds.council_context import acts
from feeds.council_kinds import SPEAKS
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import COUNCIL_VERBS, COUNCIL_WORDS, PLACE_WORDS, PLURAL_VERBS, SAYS_COUNCIL

# Words straight before a district that make it where the county's work happens.
_WHERE = PLACE_WORDS - {"against", "of", "to", "from"} | {"near", "around", "outside"}


def county_places(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                  county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with each district of a county council named as a council in the text refused when it
    is only a place in the county's news (see the module's docstring)."""
    words = tokens.words
    served = frozenset(county_of.values())
    counties = {m.code for m, e in zip(matches, out) if e.counted and (
        (not SAYS_COUNCIL.isdisjoint(words[m.start:m.start + m.length]) and "county" in
         words[m.start:m.start + m.length]) or
        (m.code in served and (words[m.start + m.length:m.start + m.length + 1] == ["council"] or
                               words[m.start + m.length:m.start + m.length + 2] == ["county", "council"])))}
    named = {m.code for m, e in zip(matches, out) if e.counted and m.code in served}
    if not counties and not named:
        return out
    judged = []
    for e, match in zip(out, matches):
        if e.counted and (county_of.get(e.code) in counties and _only_a_place(tokens, match) or
                          county_of.get(e.code) in named and _a_centre(words, match)):
            e = CouncilEvidence(e.code, e.named, False, f"a place in the area of the county council named "
                                f"({county_of[e.code]}), not its district council")
        judged.append(e)
    return judged


def _a_centre(words: list[str], match: NameMatch) -> bool:
    """The district's name is a town's or city's centre after a place word ("in Norwich city centre")."""
    start, end = match.start, match.start + match.length
    return start > 0 and words[start - 1] in _WHERE and words[end:end + 2] in (["city", "centre"], ["town", "centre"])


def _only_a_place(tokens: Tokens, match: NameMatch) -> bool:
    """The district's name is where something happens: after a place word, or before a lower-case
    word that is no council word, verb, list or possessive ("Norwich western link")."""
    words, texts = tokens.words, tokens.texts
    start, end = match.start, match.start + match.length
    if not start or words[start - 1] in ("and", "or") or acts(words, match):
        return False
    after = words[end] if end < len(words) else ""
    if after in COUNCIL_WORDS or after in COUNCIL_VERBS or after in PLURAL_VERBS or after in ("and", "or"):
        return False
    if words[start - 1] in _WHERE:
        return True
    return bool(after) and texts[end][0].islower() and not tokens.title_case and after not in PLACE_WORDS and \
        after not in _JOINING


# Words after a name that make it the object or subject of the sentence, not a scheme's qualifier
# ("criticises Maidstone over housing", "Lichfield is next").
_JOINING = frozenset({"over", "with", "about", "on", "by", "after", "as", "amid", "despite", "following", "under",
                      "than", "but", "if", "while", "when", "s", "is", "are", "was", "were", "has", "have", "will",
                      "could", "would", "should", "may", "must", "the", "a", "an", "its", "their", "this", "that"})


# After "county", words that make it another thing: a building, a county's own name, a club, a court.
_NOT_THE_COUNTY_COUNCIL = frozenset({"hall", "durham", "down", "antrim", "cricket", "club", "fc", "police", "fire",
                                     "court", "show", "ground", "championship"})
# Words before a lower-case "county" that make it a party to the text's news: "the county", "city and county", and
# the other side of a dispute, "clashes with county over budget".
_THE_COUNTY_BEFORE = frozenset({"and", "the", "with", "against"})


def the_county(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str],
               codes: dict[tuple[str, ...], str], counties: frozenset[str] = frozenset(),
               combined: frozenset[str] = frozenset()) -> list[CouncilEvidence]:
    """"The county" beside a counted city named in its county's name is that county's council:
    "Nottingham council and county agree joint transport body" names Nottinghamshire too, as does
    "Derby city and county councils…"; beside a combined authority (`combined`) whose region is named after a
    county (in `counties`), it is that county's council ("Greater Lincolnshire mayor clashes with county over budget":
    Lincolnshire County Council). `codes`: each council name's words → its code."""
    found = []
    for k, word in enumerate(words):
        if word == "county" and k and words[k - 1] in _THE_COUNTY_BEFORE and words[k + 1:k + 2] != ["s"] and \
                (k + 1 == len(words) or words[k + 1] not in _NOT_THE_COUNTY_COUNCIL):
            for e, match in zip(out, matches):
                county = codes.get((words[match.start] + "shire",))
                if county is None and e.code in combined:
                    named = words[match.start:match.start + match.length]
                    county = next((codes[tuple(named[j:])] for j in range(1, len(named))
                                   if codes.get(tuple(named[j:])) in counties), None)
                if e.counted and county and all(county != other.code for other in out):
                    found.append(CouncilEvidence(county, "county", True, f'"the county" beside {e.named}'))
                    break
    return out + found[:1]


# A district leaving or joining its county's county-wide process ("St Albans pulls out of Hertfordshire
# reorganisation talks"): the county's name is the process's area, not the county council acting.
_INTO_OR_OUT = frozenset({"of", "from", "joining", "joins", "join", "into", "quits", "leaves", "exits", "rejoins"})
_COUNTY_WIDE = frozenset({"reorganisation", "devolution", "unitary", "merger", "shake"})


def a_countys_process(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str],
                      county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with a county's name refused where one of its own districts, counted before it, leaves or joins the
    county's reorganisation or devolution ("…pulls out of Hertfordshire reorganisation talks"): the name says
    where the process runs, and the district is the one acting."""
    judged = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        end = match.start + match.length
        if not e.counted or words[end:end + 1] == [] or words[end] not in _COUNTY_WIDE:
            continue
        if _districts_debate(e.code, out, words, match, county_of):
            judged[n] = CouncilEvidence(e.code, e.named, False, f'the area of a county-wide process ("{e.named} '
                                        f'{words[end]}") two of its districts debate, not the county council')
            continue
        if not match.start or words[match.start - 1] not in _INTO_OR_OUT:
            continue
        if any(f.counted and county_of.get(f.code) == e.code for f in out[:n]):
            judged[n] = CouncilEvidence(e.code, e.named, False, f'the area of a county-wide process ("{e.named} '
                                        f'{words[end]}") a district of it leaves or joins, not the county council')
    return judged


def _districts_debate(county: str, out: list[CouncilEvidence], words: list[str], match: NameMatch,
                      county_of: dict[str, str]) -> bool:
    """Two or more of the county's own districts are counted beside "<county> reorganisation" or "<county> unitary
    map", and the county is no party named with them ("Surrey reorganisation: Waverley and Guildford back east-west
    split", "Ashford and Canterbury leaders clash over Kent unitary map"): the districts act on
    their county's process, whose area the county's name is. Not when the text speaks of the county as a council."""
    if "county" in words or (match.start and words[match.start - 1] in ("and", "with", "&")):
        return False
    return len({f.code for f in out if f.counted and county_of.get(f.code) == county}) >= 2




def county_says(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the one district counted, named by its place alone, read as its county council where "county" in
    lower case speaks ("Cambridge's bus gates to go ahead, says county"): in a two-tier area the county
    speaks of its own scheme in the district's place; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    if not any(w == "county" and texts[k] == "county" and (k and words[k - 1] in SPEAKS or
                                                        words[k + 1:k + 2] and words[k + 1] in SPEAKS)
               for k, w in enumerate(words)):
        return out
    counted = [n for n, e in enumerate(out) if e.counted]
    if len(counted) != 1 or counted[0] >= len(matches) or out[counted[0]].code not in county_of:
        return out
    match, e = matches[counted[0]], out[counted[0]]
    if not SAYS_COUNCIL.isdisjoint(words[match.start + match.length:match.start + match.length + 2]):
        return out  # "Cambridge City Council's scheme to go, says county": the district's own
    county = county_of[e.code]
    changed = list(out)
    changed[counted[0]] = CouncilEvidence(e.code, e.named, False, "the place of the county's scheme, the county "
                                          "speaking")
    return changed + [CouncilEvidence(county, "county", True, f'"county" speaking of {e.named}: {county}')]


# After "county" in lower case, words that make it the council itself: its people, and more of its speaking.
_COUNTY_PEOPLE = frozenset({"cabinet", "leaders", "leader", "councillors", "chiefs", "bosses", "officers", "planners",
                            "highways"})
_COUNTY_ANSWERS = SPEAKS | {"blames", "denies", "defends", "apologises", "responds", "agree", "agrees"}
_COUNTY_AS_ACTOR = frozenset({"and", "as", "the", "with", "against", "but", "while"})


def county_acts(tokens: Tokens) -> bool:
    """The text names "county" as the council itself, acting, answering or by its people: "…as county blames
    software fault", "borough and county split £4m bill", "County cabinet agrees lease…" (capitalised only
    opening the text). Not a county's court, lines, show or ground (`_NOT_THE_COUNTY_COUNCIL`)."""
    words, texts = tokens.words, tokens.texts
    for k, word in enumerate(words):
        if word != "county" or not ((texts[k] == "county" and not tokens.shouting) or k == 0):
            continue
        after = words[k + 1] if k + 1 < len(words) else ""
        if after in _NOT_THE_COUNTY_COUNCIL or after == "lines" or (k and words[k - 1] not in _COUNTY_AS_ACTOR):
            continue
        if after in _COUNTY_PEOPLE or (k and (after in COUNCIL_VERBS or after in _COUNTY_ANSWERS or
                                                 after in PLURAL_VERBS)):
            return True
    return False


def county_beside_district(out: list[CouncilEvidence], tokens: Tokens,
                           county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the county council of the one district counted, where "county" acts beside it ("Ipswich bus station
    upgrade to go ahead as borough and county split £4m bill"): both councils are the news."""
    counted = {e.code for e in out if e.counted}
    districts = [code for code in counted if code in county_of]
    if len(districts) != 1 or county_of[districts[0]] in counted or not county_acts(tokens):
        return out
    county = county_of[districts[0]]
    return out + [CouncilEvidence(county, "county", True, f'"county" acting beside {districts[0]}, a district of '
                                  f"{county}")]
