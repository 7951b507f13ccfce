"""Ways a headline names councils, or seems to, that the name-by-name rules misread.

Councils found:

- Two councils set side by side before a label's colon ("Leeds v Bradford: councils clash over bus
  funding", "Kent vs Essex: who spends more on roads?") are both the news's subject when the clause
  after the colon is local government's (a council word) and not sport's; elsewhere "v" makes a
  fixture, the clubs' news (`feeds.council_words.CLUB_AFTER`, `BLOCKED_BEFORE`).
- "City Hall" as the one acting, in a text about London ("City Hall approves London budget"), is the
  Greater London Authority, whose seat it is; a city's own hall is named with its city ("Belfast City
  Hall agrees…", `COUNCIL_BUILDINGS`), and without London in the text "City Hall" names no one.
- A combined authority named by a region joining two names ("York and North Yorkshire") opening the
  text and acting, or followed by the authority's own matter, is the authority
  (`feeds.council_regions.region_acts`), not the two councils the words also name.

Names that are not councils:

- A place's name as a person's ("Council leader Paul Buckingham", "Cllr Kate Crewe", "leader Barry
  Lewis"): `a_surname`, for councils' names and listed towns alike.
- A neighbour council named only as a place in another council's news ("Salford approves homes near
  Manchester border"): `neighbours`.
- A place where the nation's news happened ("Chancellor's budget speech in Leeds", "General
  election: Hartlepool result"): `national_scene`.
"""
from __future__ import annotations

from feeds.council_kinds import ANSWERING_VERBS, COUNCIL_BEFORE, ORGANISATION_VERBS
from feeds.council_regions import GREATER_LONDON, HAPPENS_TO, region_acts
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import (CLUB_AFTER, CLUB_SUFFIX, COMPASS, COUNCIL_VERBS, COUNCIL_WORDS, GENERIC,
                                 INSTITUTION_AFTER, PARTY_WORDS, SAYS_COUNCIL, SPORT_RESULTS)

# Words between two names that set them side by side as rivals or for comparison.
VERSUS = frozenset({"v", "vs", "versus"})
# After the colon, words that make the comparison local government's (not a fixture's preview).
_COUNCIL_TALK = frozenset({"council", "councils", "councillor", "councillors", "cllr", "cllrs"})
# Words of London in a text where "City Hall" acts: its seat's city is named.
_LONDON = frozenset({"london", "londoners", "londons", "tfl",
                     # London's own schemes and services, which name it without its name
                     "ulez", "tube", "overground", "bakerloo", "silvertown", "mopac", "congestion"})


def compared(tokens: Tokens) -> tuple[int, int] | None:
    """The word positions of the two names set side by side in a label before a colon
    ("Leeds v Bradford: …"), when the text after the colon speaks of councils and of no sport; else
    None."""
    words, label = tokens.words, tokens.label
    if label != 3 or words[1] not in VERSUS or tokens.shouting:
        return None
    if not (tokens.texts[0][0].isupper() and tokens.texts[2][0].isupper()):
        return None
    rest = words[label:]
    if _COUNCIL_TALK.isdisjoint(rest) or not SPORT_RESULTS.isdisjoint(words):
        return None
    return 0, 2


def with_compared(out: list[CouncilEvidence], codes: dict[tuple[str, ...], str],
                  tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with the two councils of a comparison label (`compared`) counted, first, and any other
    judgement of the same codes dropped; `out` unchanged when the text has no such label or either
    word is no council's name."""
    where = compared(tokens)
    if where is None:
        return out
    found = [(codes.get((tokens.words[k],)), tokens.texts[k]) for k in where]
    if any(code is None for code, _named in found):
        return out
    why = (f'set beside {{}} before a label\'s colon ("{" ".join(tokens.texts[:3])}:") in local-government news')
    first = [CouncilEvidence(code, named, True, why.format(found[1 - n][1])) for n, (code, named) in enumerate(found)]
    both = {code for code, _named in found}
    return first + [e for e in out if e.code not in both]


def city_hall(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with the Greater London Authority added when "City Hall", named alone (no place's name
    before it), acts in a text about London ("City Hall approves London budget", "City Hall to
    freeze precept, Londoners told"), and "London's City Hall" in any news (the possessive names
    whose seat it is, "London's City Hall backs new river crossing"); unchanged otherwise, or when the authority is
    there already."""
    texts, words = tokens.texts, tokens.words
    for k in range(len(texts) - 2):
        if texts[k] != "City" or texts[k + 1] != "Hall":
            continue
        if k and k != tokens.label and texts[k - 1][0].isupper():
            continue  # "Belfast City Hall", "Sheffield City Hall": the city's own
        if _LONDON.isdisjoint(words) or any(e.code == GREATER_LONDON for e in out):
            return out
        after, beyond = words[k + 2], words[k + 3] if k + 3 < len(words) else ""
        acting = words[k - 2:k] == ["london", "s"] or (after == "to" and beyond and beyond not in HAPPENS_TO) or \
            (after != "to" and (after in COUNCIL_VERBS or after in ORGANISATION_VERBS or after in ANSWERING_VERBS))
        if acting:
            return out + [CouncilEvidence(GREATER_LONDON, "City Hall", True, f'"City Hall {after}" in a text about '
                                          "London (or London's): the Greater London Authority, whose seat it is")]
        return out
    return out


def joined_region(words: list[str], i: int, length: int, code: str) -> NameMatch | None:
    """A combined authority's region of two joined names ("York and North Yorkshire", at `i`, `length`
    words) as the authority: when it opens the text acting or the authority's own matter follows it
    (`region_acts`, read as if no crime, sport or weather kind were known: the judge reads that
    later). None otherwise, so the two names are judged as places and councils one by one."""
    match = NameMatch(i, length, code, False, region=True)
    return match if region_acts(words, match, None) is not None else None


# Words that introduce a person by name ("Council leader Paul Buckingham", "Cllr Kate Crewe"): a place's
# name straight after the forename that follows one is the person's surname.
PERSON_BEFORE = frozenset({
    "cllr", "cllrs", "councillor", "councillors", "leader", "mayor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame",
    "executive", "boss", "chief", "director", "officer", "manager", "worker", "chair", "chairman", "chairwoman",
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "mp", "candidate", "headteacher",
    "resident", "campaigner", "member", "deputy"})
# Verbs of naming someone to a post: a forename after one, then a place's name, is a person's name
# ("Council appoints Jane Royston as director"); never a forename's place (only after a title above).
_NAMING_VERBS = frozenset({"appoints", "hires", "suspends", "sacks", "recruits"})
# Capitalised words before a town's name that are part of naming a place, not a forename.
_PLACE_QUALIFIERS = frozenset({"old", "little", "upper", "lower", "nether", "great", "long", "market", "new", "st",
                               "royal", "greater", "central", "historic", "visit", "north", "south", "east", "west",
                               "mid", "northern", "southern", "eastern", "western", "the", "and", "of"})


# Capitalised words after a place's name that keep it a place ("leader Kendal Town Council").
_NOT_A_SURNAME = COUNCIL_WORDS | GENERIC | COMPASS | CLUB_AFTER | CLUB_SUFFIX | INSTITUTION_AFTER | \
    PARTY_WORDS | frozenset({"town", "parish", "community", "and"})


def a_surname(tokens: Tokens, i: int) -> bool:
    """The place's name at word `i` is a person's name: a forename between a person's title or role
    and a capitalised surname ("Council leader Barry Lewis"), or a surname that follows a capitalised forename that a
    person's title, role or a verb of naming someone introduces ("Council leader Paul Buckingham
    resigns", "Cllr Kate Crewe quits", "Council appoints Jane Royston"); not a place's qualifier
    ("Old", "North") nor an acronym ("NHS")."""
    words, texts = tokens.words, tokens.texts
    if i >= 2 and words[i - 1] == "sir" and words[i - 2] in COUNCIL_BEFORE:
        return False  # "Cyngor Sir Ynys Môn": Welsh "county", not a knight's title
    if i and words[i - 1] in PERSON_BEFORE and i + 1 < len(words) and texts[i + 1][0].isupper() and \
            not texts[i + 1].isupper() and words[i + 1] not in _NOT_A_SURNAME and not tokens.title_case and \
            words[i] not in COMPASS:  # "… says director\nNorth Somerset Council's …": a name, no forename
        return True  # "Council leader Barry Lewis resigns": the place's name is a forename
    if i < 2 or (words[i - 2] not in PERSON_BEFORE and words[i - 2] not in _NAMING_VERBS):
        return False
    forename = texts[i - 1]
    return forename[0].isupper() and not forename.isupper() and tokens.words[i - 1] not in _PLACE_QUALIFIERS


# Words before a place that set it beside another council's news as where its neighbour is ("homes
# near Manchester", "on the edge of Nottingham") and words after it that make it a border or its people
# ("homes on Bristol fringe", "homes for Portsmouth workers").
_NEAR = frozenset({"near", "outside", "beyond", "bordering"})
_EDGE_OF = frozenset({"edge", "edges", "outskirts", "fringe", "fringes", "border", "borders", "boundary"})
_BORDER_AFTER = _EDGE_OF | frozenset({"workers", "commuters", "border", "boundary"})


def a_neighbours_place(words: list[str], match: NameMatch) -> str | None:
    """How a council's name after another council's is only the neighbour's place, as written, or
    None: after "near" or "outside", after "edge of" or "outskirts of", or before "border", "fringe"
    or "workers" ("Salford approves homes near Manchester border", "Rushcliffe approves homes on edge
    of Nottingham", "Fareham approves homes for Portsmouth naval workers")."""
    start, end = match.start, match.start + match.length
    before = words[start - 1] if start else ""
    if before in _NEAR:
        return f'"{before}" another council\'s news'
    if before == "of" and start >= 2 and words[start - 2] in _EDGE_OF:
        return f'"{words[start - 2]} of" in another council\'s news'
    after = [w for w in words[end:end + 2] if w not in ("naval", "city", "town", "s")][:1]
    if after and after[0] in _BORDER_AFTER and (end >= len(words) or words[end] != "s"):
        return f'"{after[0]}" in another council\'s news'
    return None


def neighbours(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str],
               combined: frozenset[str]) -> list[CouncilEvidence]:
    """`out` with each council named after another counted council's name as only a neighbour's
    place (`a_neighbours_place`) refused: the news is the first council's ("Salford approves homes
    near Manchester border" is Salford's alone). A name that a council word follows is still a
    council; a combined authority is never a neighbour."""
    first = next((n for n, e in enumerate(out) if e.counted), None)
    if first is None or first >= len(matches):
        return out
    judged = list(out)
    for n in range(first + 1, min(len(out), len(matches))):
        e, match = out[n], matches[n]
        if not e.counted or e.code == out[first].code or e.code in combined or match.region:
            continue
        end = match.start + match.length
        if (end < len(words) and words[end] in COUNCIL_WORDS and words[end] != "s") or \
                not SAYS_COUNCIL.isdisjoint(words[match.start:end]):
            continue  # "near Manchester City Council's depot", "near Medway Council boundary": the council
        why = a_neighbours_place(words, match)
        if why is not None:
            judged[n] = CouncilEvidence(e.code, e.named, False, f"a neighbour's place ({why}), not its council")
    return judged


# The nation's heads whose visits and meetings happen in a place ("Chancellor's budget speech in
# Leeds", "Keir Starmer holds cabinet meeting in Bolton"), and a general election's words.
_NATIONAL_HEADS = frozenset({"chancellor", "pm", "starmer", "keir", "reeves", "king", "queen", "prince", "princess",
                             "royal", "cabinet", "parliament", "commons"})
_COUNCIL_SAID = frozenset({"council", "councils", "councillor", "councillors", "cllr", "cllrs", "borough", "county"})


# The first words of texts `national_scene` reads (the rest are passed by at once).
NATIONAL_FIRST = _NATIONAL_HEADS | {"prime", "general"}


def national_scene(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str]) -> list[CouncilEvidence]:
    """`out` with a place refused where the nation's news names it only as where it happened: after
    "in" or "at" in a text a national figure opens (the Chancellor, the Prime Minister, the King),
    or in a general election's news (opening the text), when the text says nothing of a council ("Chancellor's budget
    speech in Leeds", "General election: Hartlepool result")."""
    if not _COUNCIL_SAID.isdisjoint(words):
        return out
    general = words[:2] == ["general", "election"]
    national = words[0] in _NATIONAL_HEADS or words[:2] == ["prime", "minister"]
    if not (general or national):
        return out
    judged = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        if not e.counted or match.region or match.person:
            continue
        if general:
            judged[n] = CouncilEvidence(e.code, e.named, False, "a parliamentary seat in a general election's news")
        elif match.start and words[match.start - 1] in ("in", "at"):
            judged[n] = CouncilEvidence(e.code, e.named, False, f'where the nation\'s news happened ("{words[0]}" '
                                        f'heads it, "{words[match.start - 1]}" the place)')
    return judged
