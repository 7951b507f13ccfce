"""Councils named together by the area they share: a region's council leaders, a devolution area's councils, a
former county's new unitaries, a region listed with a combined authority, a county's people beside its district, a
county's service at its districts' towns.

- "South Yorkshire's four council leaders agree transport levy rise": the region's councils by their leaders,
  counted ("its ten councils") or acting together ("West Yorkshire councils back…"), are its combined authority's
  member councils (a number, where given, must be theirs); "…funding for Greater Manchester councils" may be the
  councils as one, and London's boroughs are too many to be meant one by one.
- "Hampshire and Solent mayoral election: four councils agree shadow arrangements": an area of the government's
  devolution programme whose strategic authority the register does not hold yet (`DEVOLUTION_AREAS`) is its
  councils where they are spoken of (its mayor alone is no council's).
- "Cumbria's new unitaries nearly three years on": an abolished council's new unitaries (or successor councils)
  are its successors, not the council abolished.
- "GMCA and West Yorkshire handed first multi-year settlements": a region listed with a combined authority
  counted is its authority too, as one named with a mayor is (`feeds.council_mayors_joined`).
- "…angers district and county leaders", "…in county-district scheme", "…by the county's highways team": "county"
  in lower case before a council's people, or joined to "district", beside a district counted, is that district's
  county council.
- "Library hours cut at Tunbridge Wells and Sevenoaks under Kent review": a service the county runs in a two-tier
  area, at its districts' towns, with the county named, is the county's; the districts are where it runs.
"""
from __future__ import annotations

import re

from feeds.council_people import AREA_PEOPLE, service_people
from feeds.council_powers import COUNTY_SERVICES
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PLURAL_VERBS

# Areas of the Devolution Priority Programme (announced by the government on 5 February 2025) whose strategic
# authorities are not in mySociety's register: the area's words → its councils' codes. Cumbria is read as an
# abolished county's successors instead (`successors_named`).
DEVOLUTION_AREAS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("greater", "essex"): ("ESS", "SOS", "THR"),
    ("hampshire", "and", "solent"): ("HAM", "IOW", "POR", "STH"),
    ("sussex", "and", "brighton"): ("ESX", "WSX", "BNH"),
    ("norfolk", "and", "suffolk"): ("NFK", "SFK"),
    ("cheshire", "and", "warrington"): ("CHE", "CHW", "WRT"),
}
_AREA_FIRST = frozenset(area[0] for area in DEVOLUTION_AREAS)
# Combined authorities merged since the register listed their members: the North of Tyne's three councils joined
# the North East Combined Authority in May 2024.
_MERGED_INTO = {"NECA": "NTCA"}
# Words for a region's councils after it (its possessive and a number aside): "council leaders", "councils".
_COUNCILS_WORDS = frozenset({"leaders", "councils", "authorities", "boroughs"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SUCCESSOR_WORDS = frozenset({"unitaries", "unitary", "successor", "successors"})
_THE_COUNTYS = AREA_PEOPLE | frozenset({"councillors", "scheme", "partnership"})
_GREATER_LONDON = "GLA"


def _number(word: str) -> int | None:
    """A count written in figures or words ("four", "10"), or None."""
    return int(word) if re.fullmatch(r"\d{1,2}", word) else _NUMBERS.get(word)


def member_councils(members: dict[str, str], authority: str) -> list[str]:
    """The member councils of a combined authority, those of an authority merged into it too."""
    merged = _MERGED_INTO.get(authority)
    return sorted(code for code, of in members.items() if of == authority or (merged and of == merged))


def regions_councils(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                     members: dict[str, str], combined: frozenset[str]) -> list[CouncilEvidence]:
    """`out` with a combined authority's member councils added where its region's councils are named by their
    leaders, counted, after its possessive or before a plural verb ("South Yorkshire's four council leaders",
    "West Yorkshire councils back…"); unchanged otherwise."""
    words = tokens.words
    found = {e.code for e in out}
    added = []
    for match in matches:
        if match.code not in combined or match.code == _GREATER_LONDON:
            continue
        k = match.start + match.length
        possessive = words[k:k + 1] == ["s"]
        k += possessive
        count = _number(words[k]) if k < len(words) else None
        k += count is not None
        k += words[k:k + 1] == ["council"]
        if k >= len(words) or words[k] not in _COUNCILS_WORDS or (count is None and not possessive and not (
                words[k] == "leaders" and words[k - 1] == "council") and
                not (words[k + 1:k + 2] and (words[k + 1] in PLURAL_VERBS or words[k + 1] == "to"))):
            continue  # "…funding for Greater Manchester councils": the councils as one
        councils = member_councils(members, match.code)
        if not councils or (count is not None and count != len(councils)):
            continue
        named = " ".join(tokens.texts[match.start:match.start + match.length])
        added += [CouncilEvidence(code, named, True, f'a member council of {match.code}, its region\'s councils '
                                  f'named ("{named}")') for code in councils if code not in found]
        found.update(councils)
    return out + added if added else out


def devolution_areas(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with the councils of a devolution area the register lacks (`DEVOLUTION_AREAS`) added where the text
    speaks of its councils: straight after its capitalised name ("Greater Essex councils back…", "Norfolk and
    Suffolk leaders"), or counted as many as it has ("Hampshire and Solent mayoral election: four councils agree…");
    unchanged otherwise: its mayor alone is no council's ("Essex leader says Greater Essex mayoral election must not
    slip" is Essex's)."""
    words, texts = tokens.words, tokens.texts
    if _AREA_FIRST.isdisjoint(words):
        return out  # most texts
    found = {e.code for e in out}
    added = []
    for k, word in enumerate(words):
        for area, councils in DEVOLUTION_AREAS.items():
            end = k + len(area)
            if word != area[0] or tuple(words[k:end]) != area or not texts[k][:1].isupper():
                continue
            after = end + 1 if words[end:end + 1] == ["s"] else end
            spoken = words[after:after + 1] and words[after] in _COUNCILS_WORDS or any(
                _number(w) == len(councils) and words[n + 1:n + 2] in (["councils"], ["council"])
                for n, w in enumerate(words))
            if spoken:
                named = " ".join(texts[k:end])
                added += [CouncilEvidence(code, named, True, f"a council of {named}, a devolution area whose "
                                          "councils are spoken of") for code in councils if code not in found]
                found.update(councils)
    return out + added if added else out


def successors_named(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                     successors: dict[str, frozenset[str]]) -> list[CouncilEvidence]:
    """`out` with an abolished council's new unitaries or successor councils ("Cumbria's new unitaries") read as
    its successors, the council abolished refused; unchanged otherwise."""
    words = tokens.words
    judged, added = list(out), []
    for n, (e, match) in enumerate(zip(out, matches)):
        if e.code not in successors or e.named != " ".join(tokens.texts[match.start:match.start + match.length]):
            continue
        after = [w for w in words[match.start + match.length:match.start + match.length + 4]
                 if w not in ("s", "new", "two", "three", "its") and _number(w) is None]
        if not after or after[0] not in _SUCCESSOR_WORDS:
            continue
        judged[n] = CouncilEvidence(e.code, e.named, False, f'an abolished council, named for its successors ("'
                                    f'{e.named} … {after[0]}")')
        added += [CouncilEvidence(code, e.named, True, f"a successor of {e.named}, its new councils named")
                  for code in sorted(successors[e.code]) if all(code != f.code for f in out + added)]
    return judged + added if added else judged


def region_with_authority(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                          combined: frozenset[str]) -> list[CouncilEvidence]:
    """`out` with a region named as a place counted as its combined authority where it is listed ("and", or
    straight after) with a combined authority counted ("GMCA and West Yorkshire handed settlements"); unchanged
    otherwise."""
    words = tokens.words
    judged = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        if e.counted or not match.region:
            continue
        for k in (n - 1, n + 1):
            if not 0 <= k < len(matches) or not out[k].counted or out[k].code not in combined or \
                    out[k].code == e.code:
                continue
            first, second = (matches[k], match) if k < n else (match, matches[k])
            if words[first.start + first.length:second.start] in ([], ["and"]):
                judged[n] = CouncilEvidence(e.code, e.named, True, f"a region listed with {out[k].named}, a "
                                            "combined authority: its own authority")
                break
    return judged


def the_districts_county(out: list[CouncilEvidence], tokens: Tokens,
                         county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the county council of the districts counted added where "county" in lower case names a council's
    people or a scheme shared with the district ("district and county leaders", "county-district scheme"), and
    every district counted lies in that one county; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    if "county" not in words:
        return out  # most texts
    spoken = False
    for k, word in enumerate(words):
        if word == "county" and texts[k] == "county":
            after = k + 2 if words[k + 1:k + 2] in (["district"], ["s"]) else k + 1
            spoken |= words[after:after + 1] != [] and words[after] in _THE_COUNTYS or \
                service_people(words, texts, after) > 0  # "the county's highways team"
    if not spoken:
        return out
    counties = {county_of[e.code] for e in out if e.counted and e.code in county_of}
    county = next(iter(counties)) if len(counties) == 1 else None
    if county is None or any(e.code == county for e in out):
        return out
    return out + [CouncilEvidence(county, "county", True, "the county council of the district named, its people "
                                  "or scheme spoken of in lower case")]


_AT = frozenset({"in", "at", "across", "around", "near", "throughout", "within"})


def county_service_places(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                          county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with a county's own name counted, and its districts refused, where a service the county runs in a
    two-tier area (`feeds.council_powers.COUNTY_SERVICES`: libraries, highways, social care…) is named and every
    council counted is a district of it named as where the service is ("Library opening hours cut at Tunbridge
    Wells and Sevenoaks under Kent review"): the districts' names say where the county's service runs; unchanged
    otherwise. `out` holds one judgement per name of `matches`, then any others."""
    words = tokens.words
    if not any(tuple(words[k:k + len(s)]) == s for k in range(len(words)) for s in COUNTY_SERVICES
               if words[k] == s[0]):
        return out
    pairs = list(zip(out, matches))
    counties = {n for n, (e, m) in enumerate(pairs) if e.code in set(county_of.values()) and not m.region}
    districts = [n for n, (e, _m) in enumerate(pairs) if e.counted and n not in counties]
    if len({pairs[n][0].code for n in counties}) != 1 or not districts:
        return out
    county = pairs[next(iter(counties))][0].code
    if any(county_of.get(pairs[n][0].code) != county or not _where(pairs, n, words) for n in districts) or \
            any(e.counted for e in out[len(matches):]):
        return out
    judged = list(out)
    for n in counties:
        judged[n] = CouncilEvidence(county, out[n].named, True, "the county whose service is named, at its districts")
    for n in districts:
        judged[n] = CouncilEvidence(out[n].code, out[n].named, False, f"where the county's service runs ({county}), "
                                    "not the district council")
    return judged


def _where(pairs: list[tuple[CouncilEvidence, NameMatch]], n: int, words: list[str]) -> bool:
    """The name of `pairs[n]` follows a place word, or "and" after another name that does ("at Tunbridge Wells and
    Sevenoaks")."""
    start = pairs[n][1].start
    if start and words[start - 1] in _AT:
        return True
    return n > 0 and start >= 1 and words[start - 1] == "and" and \
        pairs[n - 1][1].start + pairs[n - 1][1].length == start - 1 and _where(pairs, n - 1, words)
