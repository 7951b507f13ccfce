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
    "barnet", "merton", "sefton", "darlington", "wigan", "bolton", "hull", "newcastle", "copeland",
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
                  ("earl", "of"), ("battle", "of"), ("treaty", "of"))
GENERIC = frozenset({"city", "of", "the", "and", "council", "county", "borough", "district", "north",
                     "south", "east", "west", "mid", "central", "london", "greater", "upon", "on"})
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

    def __init__(self, names: list[tuple[str, str]], current: set[str], nice: dict[str, str]):
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
        found: list[str] = []
        for match in matches:
            if (match.confident or _coordinated(match, matches, words)) and match.code not in found:
                found.append(match.code)
        return found

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
            if code is not None and not _blocked(words, i, length):
                return _Match(i, length, code, _confident(words, i, length))
        return None


@dataclass(frozen=True)
class _Match:
    start: int
    length: int
    code: str
    confident: bool  # False: an ordinary-word name with no context of its own


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
    names += [(normalize_name(n), c) for n, c in EVERYDAY_NAMES]
    councils = session.execute(select(Council.code, Council.nice_name, Council.current)).all()
    current = {code for code, _nice, is_current in councils if is_current}
    nice = {code: normalize_name(nice_name) for code, nice_name, _current in councils}
    known = set(nice)
    return CouncilMatcher([(n, c) for n, c in names if c in known], current, nice)


def council_matcher(session: Session) -> CouncilMatcher:
    """The matcher for this session's database, built once per process per engine."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _LOCK:
        matcher = _CACHE.get(engine)
        if matcher is None:
            matcher = _CACHE[engine] = build_matcher(session)
    return matcher
