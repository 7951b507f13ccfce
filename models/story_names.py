"""The names a headline gives, the organisations it is about and the initials it could be known by:
the story rule's (`models.story_match`) evidence that two items are about different things
("Solihull signs HS2 interchange deal" / "HS2 Euston station plans revised") or another body's news
("Essex County Fire and Rescue to cut 250 jobs").

- A headline's names are its capitalised words and acronyms ("Euston", "HS2", "Midlands"), the sector's
  common nouns aside; Title Case headlines capitalise every word, so they name nothing here, and a
  label before a colon ("Public Finance:") says where an item is filed. A word opening a sentence is
  a name only when it is a council's place, an acronym, or capitalised elsewhere in the item.
- An organisation word (fire, police, club, trust, university…) makes a headline another body's news,
  unless it is a council's own children's trust.
"""
from __future__ import annotations

import functools
import re

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9']*")
# Capitalised words that are not names of a thing: the sector's common nouns, which headlines capitalise, and the
# trade press that names its awards ("Wigan named LGC Council of the Year": the awards', not the story's name).
NOT_NAMES = frozenset("""council councils county borough district city town government minister ministers mp mps
mayor mayors leader leaders chief executive cabinet parliament whitehall treasury tory tories labour conservative
conservatives liberal democrats reform green greens lib dem dems the a an of and in on for to at by with from as
how why what who when where is are was be new all local national first
combined authority royal year
lgc mj""".split())


@functools.lru_cache(maxsize=8192)
def names(title: str, summary: str = "") -> frozenset[str]:
    """The names a headline gives (lower case): its capitalised words and acronyms, the sector's
    common nouns aside; none in a Title Case headline, nor in a label before a colon. A word opening the headline (or what follows
    its colon) is capitalised whatever it is ("Councillors sign off…", "Binmen back on the rounds"),
    so it is a name only as a council's place name ("Croydon issues…") or an area's ("Cumbrian councils…"),
    an acronym, with a digit, or when the item capitalises it elsewhere too ("Wales: …" beside "Audit Wales")."""
    words = [w for w in _NAME.findall(title.replace("\u2019", "'"))]
    longer = [w for w in words if len(w) > 3]
    if len(longer) >= 3 and sum(not w[0].isupper() for w in longer) <= (1 if len(longer) >= 6 else 0):
        return frozenset()
    found = set()
    label = _LABEL.match(title)
    for match in _NAME.finditer(title, label.end() if label else 0):
        word = match.group()
        word = word[:-2] if word.endswith("'s") else word.rstrip("'")
        if not word[:1].isupper() or word.lower() in NOT_NAMES:
            continue
        if word.lower() in _COMPASS and not _COMPASS_OF.match(title, match.end()):
            continue  # "West London borough", "North-west council": where, not what
        if opens_sentence(title, match.start()) and not (word.isupper() and len(word) > 1) and word.lower() not in \
                place_words() and word.lower() not in _area_words() and not any(ch.isdigit() for ch in word) and \
                not _capitalised_inside(word, title, summary):
            continue
        found.add(word.lower())
    return frozenset(found)


# Compass words name something only as part of a region's or a place's name ("East Midlands", "North
# Tyneside"), not before a common noun or London ("west London borough", "North-west council").
_COMPASS = frozenset("north south east west central northern southern eastern western".split())
_COMPASS_OF = re.compile(r"[ -](?!London\b)[A-Z]")


@functools.lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every word of every council's everyday names in mySociety's register (lower case)."""
    from models.councils_data import register_rows
    rows = register_rows()
    return frozenset(word.lower() for row in rows for field in ("nice-name", "alt-names")
                     for word in _NAME.findall(row.get(field) or "") if word.lower() not in NOT_NAMES)


@functools.lru_cache(maxsize=1)
def _area_words() -> frozenset[str]:
    """The capitalised words of the areas named in `data/places/council_areas.csv` ("Cumbrian", "Brum",
    "Black Country"): a headline opening with one names that place ("Cumbrian councils sign…")."""
    from models.council_family import named_areas
    return frozenset(w.lower() for name in named_areas() for w in _NAME.findall(name) if w[0].isupper())


# A short label before a colon says where an item is filed (its outlet, section or nation: "LGC:", "Public Finance:",
# "Inside Housing:", "Wales:"), not what it is about.
_LABEL = re.compile(r"^\s*(?:[A-Za-z0-9']+\s+){0,2}[A-Za-z0-9']+:\s")


def opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence of `text` (its start, or after a colon or full stop)."""
    at -= 1
    while at >= 0 and text[at] in " '\"\u2018\u201c":
        at -= 1
    return at < 0 or text[at] in ":.!?-\u2013\u2014|"


def _capitalised_inside(word: str, title: str, summary: str) -> bool:
    """Whether `word` is capitalised somewhere in the item other than at a sentence's start."""
    for text in (title, summary):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            whole = (not at or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if whole and not opens_sentence(text, at):
                return True
            at = text.find(word, end)
    return False


# Words that make a headline about an organisation other than a council.
ORGANISATION_WORDS = frozenset("""fire rescue police constabulary nhs hospital hospitals university trust icb
club fc afc united rovers wanderers albion athletic ambulance cathedral airport""".split())
# Words that name one kind of organisation: an item saying any of them mentions it ("Fire stations saved" and
# "'fire and rescue' review" are one service's news; "club" and "AFC" one club's).
ORGANISATION_KINDS: dict[str, frozenset[str]] = {}
for _group in ("fire rescue firefighters", "police constabulary officers", "nhs hospital hospitals trust icb health",
               "university universities", "club fc afc united rovers wanderers albion athletic stadium ground",
               "ambulance paramedics",
               "cathedral minster dean", "airport airports flights runway"):
    for _word in _group.split():
        ORGANISATION_KINDS[_word] = ORGANISATION_KINDS.get(_word, frozenset()) | frozenset(_group.split())
# A trust that runs a council's own service for it ("Sandwell children's trust", "Slough children's trust"): the
# council's news, told by the service's name, not another organisation's.
COUNCIL_TRUSTS = frozenset({"childrens", "children"})


@functools.lru_cache(maxsize=8192)
def organisations(title: str) -> frozenset[str]:
    """The words of a headline that name a kind of organisation other than a council ("Essex County
    Fire and Rescue to cut 250 jobs" is the fire service's news, not the county council's)."""
    words = re.findall(r"[a-z]+", title.lower().replace("\u2019", "'").replace("children's", "childrens"))
    return frozenset(w for n, w in enumerate(words) if w in ORGANISATION_WORDS
                     and not (w == "trust" and n and words[n - 1] in COUNCIL_TRUSTS)
                     and not (n + 1 < len(words) and words[n + 1] in _A_PLACE)
                     and not (w == "fire" and not _FIRE_SERVICE.search(title)))


# An organisation word before one of these describes a place ("cathedral city", "university town"), not a body.
_A_PLACE = frozenset({"city", "town", "towns", "cities", "village", "quarter"})
# "Fire" is the fire service only as one ("fire and rescue", "fire authority", "Essex County Fire"); otherwise it is
# a blaze ("Fire destroys park pavilion"), an event of whoever's building burnt.
_FIRE_SERVICE = re.compile(r"(?i:\bfire (?:and rescue|& rescue|service|services|authority|authorities|brigade|"
                           r"stations?|chiefs?|crews?|cover|control|fighters?|engines?|safety)\b|\bfirefighters?\b)"
                           r"|\b[A-Z][a-z]+ Fire\b")


@functools.lru_cache(maxsize=8192)
def acronyms(text: str) -> frozenset[str]:
    """The initials of each run of capitalised words in a text ("West Midlands Combined Authority"
    → wmca, wm, mca…), so "WMCA" counts as mentioned by a text that spells it out."""
    found = set()
    run: list[str] = []
    for word in [*_NAME.findall(text), "."]:
        if word[:1].isupper():
            run.append(word[0].lower())
            continue
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                found.add("".join(run[i:j]))
        run = []
    return frozenset(found)


# A county's districts speaking as one ("Suffolk districts submit three-unitary bid", "Surrey's district and borough
# councils"), and words by which an item speaks of the county council itself.
_DISTRICTS = re.compile(r"\bdistricts\b|\bdistrict councils\b|\b(?:district and borough|borough and district)"
                        r" councils\b|\b(?:districts and boroughs|boroughs and districts)\b", re.IGNORECASE)
_THE_COUNTY = re.compile(r"\bcounty council\b|\bthe county\b|\bcounty's\b", re.IGNORECASE)


# A mayor or combined authority as a headline's actor ("South Yorkshire mayor backs…", "Lancashire CCA…").
_MAYORAL = re.compile(r"\bmayor\b|\bmayoral\b|\bcombined (?:county )?authority\b|\b[a-z]*(?:cca|mca)\b",
                      re.IGNORECASE)


def tiers_apart(title_a: str, text_a: str, title_b: str, text_b: str, family: bool = False) -> bool:
    """One headline's actor is a county's districts and the other item speaks of the county council and never of
    districts: the county's bid and its districts' rival bid are two proposals of one reorganisation. With `family`
    (the two name councils of one family, not one council), one headline's actor is the mayor or combined authority
    and the other item never speaks of either: the city council's budget and the mayor's precept are two decisions.
    Also when one headline's actor is the districts and the other's the county council, whatever their summaries say
    ("Lincoln and districts back two-unitary plan" / "Lincolnshire County Council backs single unitary")."""
    for title, other, other_title in ((title_a, text_b, title_b), (title_b, text_a, title_a)):
        districts, county, mayoral = _tiers(title)
        other_districts, other_county, other_mayoral = _tiers(other)
        if districts and not other_districts and other_county or family and mayoral and not other_mayoral:
            return True
        if family and not other_mayoral and _lead_mayoral(title, other_title, text_a if title is title_a else text_b):
            return True  # "Greater Manchester plans housing company. The combined authority wants …"
        if districts and not county and _headline_county(other_title):
            return True  # each headline names its own tier as the actor; the other's summary may name both
    return False


def _lead_mayoral(title: str, other_title: str, text: str) -> bool:
    """Whether an item's lead (the summary's first sentence) names a mayor or combined authority as its actor while
    the other headline names a council as such ("Manchester City Council's housing company …")."""
    lead = re.split(r"(?<=[.!?])\s", text[len(title):].strip(), maxsplit=1)[0]
    return bool(_MAYORAL.search(lead)) and bool(_A_COUNCIL_NAMED.search(other_title))


_A_COUNCIL_NAMED = re.compile(r"\b(?:city|borough|district|county|metropolitan) council\b|\b[A-Z][a-z]+ Council\b")


def _headline_county(title: str) -> bool:
    """Whether a headline's actor is the county council and not its districts ("Lincolnshire County Council backs
    single unitary")."""
    districts, _, _ = _tiers(title)
    return not districts and bool(_COUNTY_COUNCIL.search(title))


_COUNTY_COUNCIL = re.compile(r"\bcounty council\b|\bcounty's\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)  # an item meets every item of the last 72 hours
def _tiers(text: str) -> tuple[bool, bool, bool]:
    """Whether a text speaks of a county's districts, of the county council, of a mayor or combined authority."""
    return bool(_DISTRICTS.search(text)), bool(_THE_COUNTY.search(text)), bool(_MAYORAL.search(text))
