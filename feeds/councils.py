"""Finding the councils a headline mentions, precisely, including names that are ordinary words.

Names come from the `council_names` table (mySociety's names and lookup), reduced with
`normalize_name`, and are matched as whole token runs, longest first. Decisions, measured on the
labelled headlines in `tests/data/council_headlines.csv`:

- A match must start with a capital letter (or the text is all capitals): "councils reading the
  signs" mentions no council.
- Names that are also ordinary words or other famous things (Reading, Bath, Rugby, Eden, Derby,
  Bury, Hart, Westminster, York…) count only with context: a council word after them ("Reading
  Borough Council", "Rugby council", "Eden District"), a possessive ("Reading's"), or a place
  preposition before them ("homes in Reading"), and never inside a known phrase ("rugby union",
  "New York", "the Derby").
- "Derby" and "Derbyshire" are different tokens, so each finds its own council.
- A name shared by a current and an abolished council means the current one; a name only an
  abolished council had (Northamptonshire, Kettering, Eden) keeps the abolished council's code:
  the story was about that council, which still exists as a row with its successors named.
- An institution named after a place is not the council: a name followed by a club, police, fire,
  airport, university, hospital, station or cathedral word ("Manchester United", "Leeds Bradford
  Airport", "Devon and Cornwall Police", "Derby County") is dropped, with the names joined to it.
  A club's home council counts only when the text also speaks of a council and names no other
  ("Leicester City stadium expansion approved by council").
- A combined authority's region ("Greater Manchester", "West Midlands") counts only as the
  authority: a mayor or authority word after it, or "mayor of" before it.
- A county or city name that is not an ordinary word counts without "Council" when a council
  verb follows it ("Kent to cut 300 jobs", "Surrey approves budget").
"""
from __future__ import annotations

import functools
import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from models.council import EVERYDAY_NAMES, Council, CouncilName
from models.councils_data import normalize_name

AMBIGUOUS = frozenset({
    "reading", "bath", "rugby", "eden", "derby", "wealden", "bury", "hart", "down", "brent", "boston",
    "lincoln", "york", "westminster", "cambridge", "oxford", "warwick", "lancaster", "durham", "kent",
    "sutton", "dover", "mansfield", "stirling", "angus", "highland", "highlands", "craven", "swale",
    "fife", "moray", "orkney", "christchurch", "newport", "luton", "cumberland", "arun", "wyre",
    "rother", "selby", "halton", "copeland", "derry", "essex", "surrey", "devon", "stafford",
    "preston", "chester", "bedford", "richmond", "watford", "salford", "medway", "gosport", "poole",
    "winchester", "worcester", "gloucester", "exeter", "taff", "cynon", "rhondda", "eilean", "harrow",
    "barnet", "merton", "sefton", "darlington", "wigan", "bolton", "hull", "newcastle", "copeland", "stoke",
})
# Ordinary-word names that count only with a council word straight after them ("Westminster" alone
# is Parliament; "Down" alone is a preposition).
STRICT = frozenset({"westminster", "down", "derry"})
COUNCIL_WORDS = frozenset({
    "council", "councils", "borough", "district", "county", "city", "unitary", "authority", "bc",
    "dc", "cc", "mbc", "ua", "councillor", "councillors", "cllr", "cllrs", "mayor", "leader", "s",
})
PLACE_WORDS = frozenset({"in", "at", "across", "around", "near", "from", "for", "to", "of", "outside",
                         "throughout", "within"})
BLOCKED_PHRASES = (
    ("new", "york"), ("rugby", "union"), ("rugby", "league"), ("rugby", "world"), ("rugby", "club"), ("rugby", "player"),
    ("the", "derby"), ("derby", "day"), ("garden", "of", "eden"),
    ("eden", "project"), ("new", "reading"), ("bath", "time"), ("reading", "list"),
    ("boston", "massachusetts"), ("abraham", "lincoln"), ("westminster", "abbey"),
    ("oxford", "university"), ("cambridge", "university"), ("city", "of", "london", "police"),
)
# Words before a name that make it something other than the council ("University of Reading").
BLOCKED_BEFORE = (("university", "of"), ("duke", "of"), ("bishop", "of"), ("archbishop", "of"),
                  ("earl", "of"), ("battle", "of"), ("treaty", "of"), ("university", "hospital"),
                  ("university", "hospitals"), ("hospitals", "of"))
# Names that are ordinary English words or famous elsewhere first: never counted on a verb alone.
WORDISH = frozenset({"reading", "bath", "rugby", "eden", "derby", "down", "hart", "bury", "boston", "lincoln", "york",
                     "brent", "sutton", "harrow", "craven", "highland", "highlands", "christchurch", "richmond",
                     "cumberland", "westminster", "derry", "taff", "cynon", "rhondda", "eilean", "wealden", "newport",
                     "stoke"})
# What a council does, after its bare name: "Kent to cut 300 jobs", "Surrey approves budget".
COUNCIL_VERBS = frozenset({
    "to", "faces", "cuts", "approves", "agrees", "sets", "warns", "plans", "backs", "confirms", "rejects", "scraps",
    "launches", "leader", "leaders", "cabinet", "budget", "declares", "issues", "considers", "votes", "submits",
    "proposes", "raises", "freezes", "consults", "axes", "seeks", "bids", "councillors", "overspend", "deficit",
    "send", "unveils", "appoints", "announces", "commits", "pledges", "opts"})
# Words after a place name that make it an institution, not the council.
INSTITUTION_AFTER = frozenset({
    "police", "constabulary", "fire", "airport", "airports", "university", "universities", "hospital", "hospitals",
    "infirmary", "nhs", "teaching", "station", "cathedral", "minster", "abbey", "castle", "crown", "magistrates",
    "prison", "college", "school", "academy", "grammar", "diocese", "icb", "ccg", "ambulance", "air", "trent",
    "royal", "children", "metropolitan", "spa", "john", "piccadilly", "evening", "echo", "live", "post", "telegraph",
    "gazette", "chronicle", "argus", "advertiser", "arena", "marathon", "festival", "pride", "chamber", "zoo",
    "cricket", "ccc", "racecourse", "port", "docks", "general", "coroner", "court", "water", "museum", "gallery",
    "theatre", "playhouse", "hospice", "healthcare", "wildlife", "mosque", "synagogue", "church", "building",
    "philharmonic", "symphony", "orchestra", "opera", "ballet", "dockyard"})
# After a place and a proper name of its own, these too make an institution ("Norwich Research Park",
# "Harrogate Convention Centre", "Blackpool Pleasure Beach"); straight after a place they do not
# ("Leeds city centre").
NAMED_PLACE_AFTER = frozenset({"centre", "center", "park", "beach", "quay", "wharf"})
# Words after a place name that make it a sports club.
CLUB_AFTER = frozenset({
    "united", "utd", "fc", "afc", "rfc", "rovers", "wanderers", "albion", "athletic", "wednesday", "forest",
    "argyle", "rhinos", "warriors", "wolves", "falcons", "tigers", "bulls", "saints", "sharks", "chiefs",
    "harlequins", "bears", "giants", "knights", "eagles", "rugby", "vale", "stanley", "orient", "alexandra",
    "trinity", "kr", "moors", "dons", "hornets", "robins", "red", "raiders", "flyers", "steelers", "panthers",
    "dragons", "scarlets", "ospreys", "thistle", "celtic", "rangers", "saracens", "vikings", "centurions", "hotspur",
    "riders", "lions"})
# "City", "County", "Town" after a name: a club unless a council word (or these) follows.
CLUB_SUFFIX = frozenset({"city", "county", "town"})
NOT_A_CLUB = COUNCIL_WORDS | frozenset({"centre", "center", "hall", "halls", "region", "deal", "of", "and", "centres"})
# A matched name with one of these in it is the council whatever follows ("Fife Council school…").
SAYS_COUNCIL = frozenset({"council", "borough", "district", "mbc", "bc", "dc"})
# After a combined authority's region name: the authority, not the place.
AUTHORITY_WORDS = frozenset({"mayor", "mayors", "mayoral", "combined", "ca", "cca", "authority", "authoritys",
                             "metro", "devolution"})
GENERIC = frozenset({"city", "of", "the", "and", "council", "county", "borough", "district", "north",
                     "south", "east", "west", "mid", "central", "london", "greater", "upon", "on"})
# Short names headlines use for a council ("Stoke City", "Southend leaders"); a person typing "Stoke" in
# chat is offered Stoke-on-Trent as a suggestion instead (models.council.resolve_council).
HEADLINE_NAMES = (("stoke", "STE"), ("southend", "SOS"))
COMBINED_TYPES = frozenset({"COMB", "CA", "CCA"})  # mySociety's type codes for combined authorities
_TOKEN = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Tokens:
    """Word tokens as `normalize_name` sees them: original case and lower case, side by side."""

    texts: list[str]
    words: list[str]
    shouting: bool  # the text is all capitals, so case says nothing


def tokenize(text: str) -> Tokens:
    """Split text once; the council and tag matchers share the result."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    texts = _TOKEN.findall(text.replace("&", " and "))
    return Tokens(texts, [t.lower() for t in texts], text.upper() == text)


class CouncilMatcher:
    """Every council name as a token run → one council code; `find` scans text longest-first."""

    def __init__(self, names: list[tuple[str, str]], current: set[str], nice: dict[str, str],
                 combined: frozenset[str] = frozenset()):
        """`names`: (normalised name, code); `current`: codes of current councils; `nice`: each code's
        everyday name; `combined`: codes of combined authorities (their region names need context)."""
        self._combined = combined
        ranked: dict[tuple[str, ...], tuple[tuple, str]] = {}
        for normalized, code in names:
            key = tuple(normalized.split())
            if not key or all(word in GENERIC for word in key):
                continue
            rank = (code not in current, nice.get(code) != normalized, code)
            if key not in ranked or rank < ranked[key][0]:
                ranked[key] = (rank, code)
        self._codes = {key: code for key, (_rank, code) in ranked.items()}
        self._longest_from: dict[str, int] = {}  # first word → longest name starting with it
        for key in self._codes:
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))

    def find(self, text: str | Tokens) -> list[str]:
        """Codes of the councils `text` mentions, in order of first mention, each once."""
        return list(dict.fromkeys(e.code for e in self.evidence(text) if e.counted))

    def evidence(self, text: str | Tokens) -> list["CouncilEvidence"]:
        """Every council name found in `text`, whether it counted, and why (for `/coverage explain`)."""
        tokens = text if isinstance(text, Tokens) else tokenize(text)
        words = tokens.words
        matches: list[_Match] = []
        i = 0
        while i < len(words):
            match = self._match_at(tokens, i) if words[i] in self._longest_from else None
            if match is None:
                i += 1
                continue
            matches.append(match)
            i += match.length
        institutions = _institutions(matches, tokens)
        kept = [m for m in matches if m.start not in institutions]
        out: list[CouncilEvidence] = []
        for match in matches:
            named = " ".join(tokens.texts[match.start:match.start + match.length])
            if match.start in institutions:
                out.append(CouncilEvidence(match.code, named, False, f"names a {institutions[match.start]}, "
                                           "not the council"))
            elif match.confident:
                out.append(CouncilEvidence(match.code, named, True, "a council name in context"))
            elif _coordinated(match, kept, words):
                out.append(CouncilEvidence(match.code, named, True, "joined by and/or to a council name"))
            else:
                out.append(CouncilEvidence(match.code, named, False, "an ordinary word without council context"))
        if not any(e.counted for e in out):
            homes = set(_club_home(matches, institutions, words))
            out = [CouncilEvidence(e.code, e.named, True, "the club's home council, and the text speaks of a council")
                   if e.code in homes else e for e in out]
        return out

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every word of every council name (so a reader does not mistake one for a typo)."""
        return frozenset(word for key in self._codes for word in key)

    @functools.cached_property
    def one_word_names(self) -> dict[str, str]:
        """One-word council names → code ("thurrock" → THR), for finding a misspelt name quickly."""
        return {key[0]: code for key, code in self._codes.items() if len(key) == 1 and key[0] not in GENERIC}

    def typed_spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        """(start, length, code) of the councils lower-case `words` name, as typed in chat.

        Chat is typed in any case, so case says nothing; an ordinary-word name ("Reading", "Wigan")
        counts when it is the only kind found, never "Westminster" or "down" without a council word.
        """
        tokens = Tokens(words, words, True)
        found, loose, i = [], [], 0
        while i < len(words):
            match = self._match_at(tokens, i) if words[i] in self._longest_from else None
            if match is None:
                i += 1
                continue
            if match.confident:
                found.append(match)
            elif words[match.start] not in STRICT:
                loose.append(match)
            i += match.length
        return [(m.start, m.length, m.code) for m in (found or loose)]

    def _match_at(self, tokens: Tokens, i: int) -> "_Match | None":
        words = tokens.words
        first = tokens.texts[i][0]
        if not (tokens.shouting or first.isupper() or first.isdigit()):
            return None
        for length in range(min(self._longest_from[words[i]], len(words) - i), 0, -1):
            code = self._codes.get(tuple(words[i:i + length]))
            if code in self._combined and not _names_authority(words, i, length):
                continue  # the region, not the authority: a shorter name may still be a council
            if code is not None and not _blocked(words, i, length):
                return _Match(i, length, code, _confident(words, i, length))
        return None


@dataclass(frozen=True)
class CouncilEvidence:
    """A council name found in a text: the code, the words, whether it counted, and why."""

    code: str
    named: str
    counted: bool
    why: str


@dataclass(frozen=True)
class _Match:
    start: int
    length: int
    code: str
    confident: bool  # False: an ordinary-word name with no context of its own


def _institution_kind(words: list[str], end: int) -> str | None:
    """"club", "institution" or None: what the words after a name (ending at `end`) make of it."""
    after = words[end] if end < len(words) else ""
    if after in CLUB_AFTER:
        return "club"
    if after in INSTITUTION_AFTER:
        return "institution"
    if after in CLUB_SUFFIX:
        beyond = words[end + 1] if end + 1 < len(words) else ""
        if beyond in INSTITUTION_AFTER:
            return "institution"  # "Birmingham City University"
        if beyond not in NOT_A_CLUB:
            return "club"
    return None


def _named_institution(tokens: Tokens, end: int) -> str | None:
    """"institution" or "club" when one or two proper-name words after a place name lead to an
    institution or club word ("Sheffield Hallam University", "Bristol Temple Meads station",
    "Salford Red Devils" aside); None in a headline whose words are all capitalised, where case
    says nothing."""
    if tokens.shouting or _title_case(tokens):
        return None
    words = tokens.words
    for k in range(end, min(end + 2, len(words))):
        word = words[k]
        if not tokens.texts[k][0].isupper() or word in COUNCIL_WORDS or word in SAYS_COUNCIL or \
                word in GENERIC or word in COUNCIL_VERBS or word == "town":
            return None
        after = words[k + 1] if k + 1 < len(words) else ""
        if after in INSTITUTION_AFTER or after in NAMED_PLACE_AFTER:
            return "institution"
        if after in CLUB_AFTER:
            return "club"
    return None


def _title_case(tokens: Tokens) -> bool:
    """Every longer word capitalised (one aside): a Title Case Headline, where case does not mark
    proper names."""
    longer = [t for t in tokens.texts if len(t) > 3]
    return len(longer) >= 3 and sum(not t[0].isupper() for t in longer) <= (1 if len(longer) >= 6 else 0)


def _institutions(matches: list[_Match], tokens: Tokens) -> dict[int, str]:
    """The starts of matches that name an institution, not a council: those followed by an
    institution word (straight after, or after a proper name of its own), and the names joined
    straight to them ("Leeds Bradford Airport", "Devon and Cornwall Police")."""
    words = tokens.words
    found: dict[int, str] = {}
    for n in range(len(matches) - 1, -1, -1):
        match = matches[n]
        named = words[match.start:match.start + match.length]
        kind = None if SAYS_COUNCIL.intersection(named) else _institution_kind(words, match.start + match.length)
        if kind is None and not SAYS_COUNCIL.intersection(named):
            kind = _named_institution(tokens, match.start + match.length)
        if kind is None and named[-1] in CLUB_SUFFIX and len(named) > 1 and \
                (words[match.start + match.length] if match.start + match.length < len(words) else "") not in NOT_A_CLUB:
            kind = "club"  # a name that ends in "City" and is not followed by "Council": "Hull City fans"
        if kind is None and n + 1 < len(matches) and matches[n + 1].start in found and \
                not SAYS_COUNCIL.intersection(named):  # "Cardiff Council and Cardiff University": the council counts
            follower = matches[n + 1]
            end = match.start + match.length
            if follower.start == end or (follower.start == end + 1 and words[end] in ("and", "&")):
                kind = found[follower.start]
        if kind is not None:
            found[match.start] = kind
    return found


def _club_home(matches: list[_Match], institutions: dict[int, str], words: list[str]) -> list[str]:
    """A club's home council, when the text speaks of a council and names no other ("Leicester City
    stadium expansion approved by council")."""
    if not any(word in ("council", "councils", "councillors") for word in words):
        return []
    return list(dict.fromkeys(m.code for m in matches if institutions.get(m.start) == "club"))


def _names_authority(words: list[str], start: int, length: int) -> bool:
    """A combined authority's region named as the authority: its own name says so ("West Midlands
    Combined Authority"), or a mayor or authority word follows it, or "mayor of" comes before it."""
    named = words[start:start + length]
    if any(word in AUTHORITY_WORDS or word == "region" for word in named):
        return True
    end = start + length
    after = words[end:end + 2]
    if after[:1] == ["s"]:
        after = after[1:]
    if after and after[0] in AUTHORITY_WORDS:
        return True
    return words[max(0, start - 2):start] == ["mayor", "of"]


def _blocked(words: list[str], i: int, length: int) -> bool:
    """The name is part of a phrase that means something else ("rugby union", "Battle of Hastings")."""
    for k in range(i, i + length):
        for phrase, offset in _PHRASES_BY_WORD.get(words[k], ()):
            start = k - offset
            if start >= 0 and tuple(words[start:start + len(phrase)]) == phrase:
                return True
    for before in _BEFORE_BY_LAST.get(words[i - 1] if i else "", ()):
        if i >= len(before) and tuple(words[i - len(before):i]) == before:
            return True
    return False


_PHRASES_BY_WORD: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _phrase in BLOCKED_PHRASES:
    for _offset, _word in enumerate(_phrase):
        _PHRASES_BY_WORD.setdefault(_word, []).append((_phrase, _offset))
_BEFORE_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _before in BLOCKED_BEFORE:
    _BEFORE_BY_LAST.setdefault(_before[-1], []).append(_before)


def _confident(words: list[str], i: int, length: int) -> bool:
    """A multi-word or unambiguous name; or an ordinary-word name with council or place context."""
    if length > 1 or words[i] not in AMBIGUOUS:
        return True
    after = words[i + 1] if i + 1 < len(words) else ""
    if words[i] in STRICT:
        return after in COUNCIL_WORDS and after != "s"
    before = words[i - 1] if i > 0 else ""
    if words[i] not in WORDISH and after in COUNCIL_VERBS:
        return True
    return after in COUNCIL_WORDS or before in PLACE_WORDS


def _coordinated(match: _Match, matches: list[_Match], words: list[str]) -> bool:
    """An ordinary-word name joined by "and"/"or" to a confident council name ("Derby and Derbyshire")."""
    if words[match.start] in STRICT:
        return False
    end = match.start + match.length
    for other in matches:
        if not other.confident:
            continue
        if other.start == end + 1 and words[end] in ("and", "or"):
            return True
        if other.start + other.length + 1 == match.start and words[match.start - 1] in ("and", "or"):
            return True
    return False


_CACHE: "weakref.WeakKeyDictionary[Engine, CouncilMatcher]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def build_matcher(session: Session) -> CouncilMatcher:
    """A matcher from the council tables as they are now."""
    names = [(n, c) for n, c in session.execute(select(CouncilName.normalized, CouncilName.council_code))]
    names += [(normalize_name(n), c) for n, c in (*EVERYDAY_NAMES, *HEADLINE_NAMES)]
    councils = session.execute(select(Council.code, Council.nice_name, Council.current, Council.type_code)).all()
    current = {code for code, _nice, is_current, _type in councils if is_current}
    nice = {code: normalize_name(nice_name) for code, nice_name, _current, _type in councils}
    combined = frozenset(code for code, _nice, _current, type_code in councils if type_code in COMBINED_TYPES)
    known = set(nice)
    return CouncilMatcher([(n, c) for n, c in names if c in known], current, nice, combined)


def council_matcher(session: Session) -> CouncilMatcher:
    """The matcher for this session's database, built once per process per engine."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _LOCK:
        matcher = _CACHE.get(engine)
        if matcher is None:
            matcher = _CACHE[engine] = build_matcher(session)
    return matcher
