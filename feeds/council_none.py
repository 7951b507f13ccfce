"""When no council name found in a text counted on its own words: the home council of a club or
institution the text names, or the one place it names, when the text speaks of a council itself
("…approved by council", "sold to developer by borough"); the label that opens local-government
news; a combined authority's region in local-government news naming no council. Split from
`feeds.council_institutions`."""
from __future__ import annotations

import re

from feeds.council_context import LOCAL_GOVERNMENT_ONLY, services_named
from feeds.council_kinds import COUNCIL_BY
from feeds.council_people import people_named
from feeds.council_regions import matters_named
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PARISH_CITIES, STRICT, WORDISH
from models.relevance import OTHER_COUNCILS


def institution_home(matches: list[NameMatch], institutions: dict[int, str], words: list[str]) -> list[str]:
    """The home council of a club or institution named after its place (the first place of a joined
    name: Doncaster's for "Doncaster Sheffield Airport"), for a text that speaks of a council and names
    no other ("Leicester City stadium expansion approved by council")."""
    homes = []
    for n, match in enumerate(matches):
        if match.start not in institutions or match.region or \
                (institutions[match.start] == "parliamentary seat" and words[match.start] in STRICT):
            continue  # "Westminster MPs" are Parliament's, no seat's (nor its council's)
        before = matches[n - 1] if n else None
        joined = before is not None and before.start in institutions and \
            match.start - (before.start + before.length) <= (1 if words[match.start - 1] in ("and", "&") else 0)
        if not joined:
            homes.append(match.code)
    return list(dict.fromkeys(homes))



_LOCAL_COUNCILS = re.compile(  # not the principal council ("Lichfield City Council" is the city's parish)
    rf"\b(?:town|parish|community|(?:{'|'.join(sorted(PARISH_CITIES))}) city) council(?:s|lors?)?\b")
_ACTS_WORDS = frozenset({"council", "councils", "councillors", "planners", "planning"})


def the_council_acts(tokens: Tokens) -> bool:
    """The text speaks of a council itself ("approved by council", "by planners", "refused by
    councillors", "sold by borough"), not of one councillor or of a body called a council ("Arts
    Council funding"), nor of a town's or parish's councillors."""
    if _ACTS_WORDS.isdisjoint(tokens.words):
        return _by_the_area(tokens) or hall_people(tokens.words) or people_named(tokens) is not None
    text = f' {_LOCAL_COUNCILS.sub(" ", OTHER_COUNCILS.sub(" ", " ".join(tokens.texts).lower()))} '
    return any(f" {word} " in text for word in ("council", "councils", "councillors", "planners", "planning committee")) \
        or people_named(tokens) is not None  # "…, claims cabinet member for children" (`feeds.council_people`)


# A council's building with its people after it: "town hall bosses", "county hall staff".
_HALLS = frozenset({"town", "county", "city", "civic"})
_HALL_PEOPLE = frozenset({"bosses", "chiefs", "staff", "officials", "officers", "workers", "mandarins", "leaders"})


def hall_people(words: list[str]) -> bool:
    """The council's own people by its building ("Town hall bosses in Huddersfield pause…", "Trowbridge county hall
    staff to work from home"): the council acting, named by where it sits."""
    if "hall" not in words:
        return False  # most texts
    return any(w == "hall" and k and words[k - 1] in _HALLS and words[k + 1:k + 2] and words[k + 1] in _HALL_PEOPLE
               for k, w in enumerate(words))


def _by_the_area(tokens: Tokens) -> bool:
    """A council named by its kind of area alone, in lower case, after "by" ("sold to developer by
    borough", "backed by the county") or before its consent ("gets county backing"): the council acting."""
    words = tokens.words
    if COUNCIL_BY.isdisjoint(words):
        return False  # most texts: no such word
    return any(word in COUNCIL_BY and tokens.texts[k].islower() and
               (words[k - 1] == "by" or (words[k - 1] == "the" and k > 1 and words[k - 2] == "by") or
                words[k + 1:k + 2] and words[k + 1] in _CONSENTS)
               for k, word in enumerate(words) if k)


# A planning authority's consent or refusal, as a noun ("gets county backing", "wins borough approval").
_CONSENTS = frozenset({"backing", "approval", "consent", "go", "refusal", "rejection", "permission"})

def _the_county_acts(tokens: Tokens) -> bool:
    """"county", in lower case, is the council acting ("gets county backing", "approved by the county")."""
    words = tokens.words
    return "county" in words and not {"council", "councils", "councillors"} & set(words) and any(
        w == "county" and tokens.texts[k].islower() and k and (words[k - 1] in ("by", "the") or
                                                             words[k + 1:k + 2] and words[k + 1] in _CONSENTS)
        for k, w in enumerate(words))


def _county_council(words: list[str]) -> bool:
    """The text speaks of "county council" without naming one: in a two-tier area, the county of the place named
    ("Rugby MP urges county council to rethink bus cuts" is Warwickshire's)."""
    return any(w == "county" and words[k + 1:k + 2] in (["council"], ["hall"]) for k, w in enumerate(words))


def _to_the_county(out: list[CouncilEvidence], picked: dict[str, str],
                   county_of: dict[str, str]) -> tuple[list[CouncilEvidence], dict[str, str]]:
    """The county council of each district picked, when the text says the county acted ("Oxford
    club's move gets county backing" is Oxfordshire County Council's decision, not Oxford City's) or
    speaks of "county council"."""
    moved, judged = {}, []
    for e in out:
        county = county_of.get(e.code)
        if e.code in picked and county:
            e = CouncilEvidence(county, e.named, False, "")  # in the place's stead, beside its match
            moved[county] = f"the county council of {e.named}, the place named: the text says the county acted"
        elif e.code in picked:
            moved[e.code] = picked[e.code]
        judged.append(e)
    return judged, moved


def _labels(tokens: Tokens, match: NameMatch) -> bool:
    """The name is the label before a colon that opens the text ("Sutton: incinerator expansion
    opposed by council"): the place the news is filed under, even an ordinary word's."""
    return match.start == 0 and match.length == tokens.label


def when_none_counted(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                      institutions: dict[int, str], county_of: dict[str, str] | None = None) -> list[CouncilEvidence]:
    """When no name counted: a text that speaks of a council is about the home council of the club
    or institution it names, or else the one place it names ("Gosport ferry pontoon repairs funded by
    borough council"; an ordinary-word name only as the label that opens the text, "Sutton: …"); the
    label that opens local-government news ("Sefton: new leisure centre opens");
    local-government news naming a combined authority's region and no council is
    the authority's ("West Yorkshire mass transit route consultation opens")."""
    words = tokens.words
    picked: dict[str, str] = {}
    if the_council_acts(tokens):
        picked = dict.fromkeys(institution_home(matches, institutions, words), "the home council of the club or "
                               "institution named, and the text speaks of a council")
        places = {m.code for m in matches if not m.confident and not m.region and m.start not in institutions
                  and (words[m.start] not in WORDISH or _labels(tokens, m)) and words[m.start] not in STRICT}
        if not picked and len(places) == 1:
            picked = dict.fromkeys(places, "the one place named, and the text speaks of a council")
        if picked and county_of and (_the_county_acts(tokens) or _county_council(words)):
            out, picked = _to_the_county(out, picked, county_of)
    if not picked and tokens.label and matches[0].start == 0 and _labels(tokens, matches[0]) and \
            matches[0].start not in institutions and words[0] not in STRICT and \
            (not LOCAL_GOVERNMENT_ONLY.isdisjoint(words) or services_named(words)):
        picked = {matches[0].code: "the label that opens local-government news"}  # "Sefton: new leisure centre opens"
    regions = {m.code for m in matches if m.region and m.start not in institutions}
    if not picked and len(regions) == 1:
        if not LOCAL_GOVERNMENT_ONLY.isdisjoint(words):
            picked = dict.fromkeys(regions, "the region's combined authority: local-government news naming no "
                                   "council")
        elif (matter := matters_named(words)) is not None:  # "Bus franchising in West Yorkshire approved"
            picked = dict.fromkeys(regions, f'the region\'s combined authority: its own matter ("{matter}") named, '
                                   "and no council")
    return [CouncilEvidence(e.code, e.named, True, picked[e.code]) if e.code in picked else e for e in out]
