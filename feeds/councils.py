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
  ("Coventry City's stadium" too, unless a council word follows the possessive.)
- A combined authority's region ("Greater Manchester", "West Midlands", and any authority's official
  name without its authority words: "Greater Lincolnshire") counts only as the authority: a mayor or
  authority word after it, or "mayor of" before it. "Mayor of London" is the GLA.
- A place in a police force's, fire service's, club's or institution's news with no council or
  local-government word is where it happened, not the council ("Merseyside Police appeal after
  Liverpool city centre assault"), unless the council is named ("Liverpool City Council", "Liverpool
  mayor"). An institution's home council (the first place of a joined name: Doncaster for
  "Doncaster Sheffield Airport") counts when the text speaks of a council and names no other.
- A place followed by a proper name of its own is a body named after it ("Belfast Harbour",
  "Leicester Mercury", "Manchester Storm"; not a party, "Leeds Labour", nor a plan); a prison,
  school or bus company before it ("HMP Liverpool") likewise. A body called a council ("Arts Council",
  "Sentencing Council", a student council) is not local government.
- A combined authority's region named as a place ("Greater Manchester weather warning") is neither
  the authority nor its city; a metro mayor named ("Andy Burnham", "Brabin") is the authority.
- An ordinary-word name opening a headline with a council verb and a local-government word counts
  ("Reading to cut 90 posts to close £12m budget gap").
- A compass word before a county's name that is no council's name with it is a part of the county
  ("South and East Lincolnshire", "East Kent"), not its council.
- A county or city name that is not an ordinary word counts without "Council" when a council
  verb or service follows it ("Kent to cut 300 jobs", "Surrey approves budget", "Kent children's
  services"); any name at the head of a decision only a council makes ("Brent approves…", "Wealden
  sets out…"; not a sport's name, "Rugby approves…"), or named as the one that decided ("backed by
  Merton"), is the council.
- A joined council's first town ("Brighton", "Stockton", "Richmond", "East Riding"; `feeds.council_names`)
  and a combined authority's acronym ("WMCA") are names too; the town needs council context.
- A place in a national body's, utility's or bus operator's news ("Sport England", "Arriva", "<Name>
  Water"), or in a crime or sport story, with no local-government word, is where it happened.
- "Old", "Little", "Upper"… before a name make another place ("Old Trafford"); an abolished council's
  name beside its successor's is the place ("North Yorkshire Council… Harrogate…"); a place before MP
  or constituency is a parliamentary seat ("Cardiff North MP").
- When no name counted: a text that speaks of a council is about the one place it names ("…funded by
  borough council"), and local-government news naming only a combined authority's region is the
  authority's ("West Yorkshire mass transit route consultation opens").
- Fifth round: scenes, a mayor's places, abolished councils' places (`feeds.council_where`); towns
  (`feeds.council_towns`); services, officers, buildings, objects, lists (`feeds.council_context`).
- Seventh round: places ranked, measured or in the NHS's news (`feeds.council_places`); a company's or
  charity's site (`feeds.council_sites`); train and bus operators; when no name counted (`feeds.council_none`).
"""

import functools
import threading
import weakref

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from feeds.council_context import acts, blocked, confident, coordinated, heads, listed_acting, names_authority
from feeds.council_institutions import Setting, council_named, institution_starts
from feeds.council_none import when_none_counted
from feeds.council_kinds import SHORT_FORMS, SOMEONE_FROM
from feeds.council_orgs import organisations_news
from feeds.council_places import as_places
from feeds.council_regions import region_acts
from feeds.council_sites import another_place
from feeds.council_names import FORMER_NI_DISTRICTS, Areas, short_names
from feeds.council_towns import town_councils
from feeds.council_where import abolished_places, mayors_places, scenes, someone_from, the_county, unusual
from feeds.council_words import (AUTHORITY_ACRONYMS, AUTHORITY_SUFFIX, COMBINED_TYPES, COMPASS, GENERIC,
                                 HEADLINE_NAMES, MAYOR_SURNAMES, MAYORS, OTHER_PLACE_PREFIXES, STRICT,
                                 CouncilEvidence, NameMatch, Tokens, tokenize)
from models.council import EVERYDAY_NAMES, Council, CouncilName
from models.councils_data import normalize_name

__all__ = ["CouncilEvidence", "CouncilMatcher", "Tokens", "build_matcher", "council_matcher", "tokenize"]


class CouncilMatcher:
    """Every council name as a token run → one council code; `find` scans text longest-first."""

    def __init__(self, names: list[tuple[str, str]], current: set[str], nice: dict[str, str],
                 combined: frozenset[str] = frozenset(), counties: frozenset[str] = frozenset(),
                 loose: frozenset[str] = frozenset(), areas: Areas | None = None,
                 members: dict[str, str] | None = None, county_of: dict[str, str] | None = None):
        """`names`: (normalised name, code); `current`: codes of current councils; `nice`: each code's
        everyday name; `combined`: codes of combined authorities (their region names need context);
        `counties`: codes of county councils (a compass word before one names a part of the county);
        `loose`: one-word short names ("brighton") that, like ordinary-word names, need context;
        `areas`: successors and counties, for a place named beside the council whose area holds it;
        `members`: each council's combined authority, for a place named beside its metro mayor;
        `county_of`: each district's county council, for a town in a two-tier area."""
        self._areas = areas or Areas()
        self._members = members or {}
        self._current = frozenset(current)
        self._county_of = county_of or {}
        self._combined = combined
        self._counties = counties
        self._loose = loose
        self._mayors = frozenset(tuple(name.split()) for name, _code in MAYORS) | frozenset(
            (name.split()[-1],) for name, _code in MAYORS)
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
        matches: list[NameMatch] = []
        i = 0
        while i < len(words):
            match = self._match_at(tokens, i) if words[i] in self._longest_from else None
            if match is None:
                i += 1
                continue
            matches.append(match)
            i += match.length
        if not matches:
            return town_councils(tokens, self._county_of)
        institutions = institution_starts(matches, tokens)
        kept = [m for m in matches if m.start not in institutions] if institutions else matches
        setting = Setting(tokens, institutions)
        out = [self._judge(match, tokens, institutions, kept, setting) for match in matches]
        counted = any(e.counted for e in out)
        if not counted:
            out = when_none_counted(out, matches, tokens, institutions)
        if unusual(matches, words, self._current, self._combined):
            out = mayors_places(scenes(out, matches, words, self._combined), matches, words, self._members,
                                council_named)
            out = abolished_places(out, matches, words, self._areas, self._current, _MERGED)
            counted = any(e.counted for e in out)
        elif not counted:
            counted = any(e.counted for e in out)
        if counted and not SOMEONE_FROM.isdisjoint(words):
            out = someone_from(out, matches, words, self._combined)
            counted = any(e.counted for e in out)
        if counted:
            out = organisations_news(as_places(out, matches, words), matches, tokens)
            counted = any(e.counted for e in out)
        if not counted:
            return out + town_councils(tokens, self._county_of)
        return the_county(out, matches, words, self._codes) if "county" in words else out

    def _judge(self, match: NameMatch, tokens: Tokens, institutions: dict[int, str], kept: list[NameMatch],
               setting: Setting) -> "CouncilEvidence":
        """Whether one name found counts as its council, and why."""
        words = tokens.words
        named = " ".join(tokens.texts[match.start:match.start + match.length])
        if match.region:
            why = region_acts(words, match, setting.story)
            return CouncilEvidence(match.code, named, why is not None,
                                   why or "the region as a place, not its combined authority")
        if match.start in institutions:
            kind = institutions[match.start]
            return CouncilEvidence(match.code, named, False, f"names {'an' if kind[0] in 'aeiou' else 'a'} {kind}, "
                                   "not the council")
        if match.code in self._counties and match.start and words[match.start - 1] in COMPASS:
            return CouncilEvidence(match.code, named, False, f"a part of the county ({words[match.start - 1]}), "
                                   "not its council")
        listed = None if match.confident else coordinated(match, kept, words)
        counts = match.confident or listed is not None
        if counts and match.code not in self._combined and (setting.elsewhere or setting.story) and \
                not council_named(words, match):
            if setting.elsewhere and not heads(words, match) and not listed_acting(match, kept, words):
                return CouncilEvidence(match.code, named, False, f"where the {setting.elsewhere}'s news happened, "
                                       "with no local-government word")
            if setting.story and not acts(words, match, setting.story) and \
                    (setting.story == "sport story" or not listed_acting(match, kept, words)):
                return CouncilEvidence(match.code, named, False, f"where the {setting.story} happened, with no "
                                       "local-government word")
        if not counts:
            return CouncilEvidence(match.code, named, False, "an ordinary word without council context")
        return CouncilEvidence(match.code, named, True, match.why if match.confident else str(listed))

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

    def _match_at(self, tokens: Tokens, i: int) -> "NameMatch | None":
        words = tokens.words
        first = tokens.texts[i][0]
        if not (tokens.shouting or first.isupper() or first.isdigit()) or \
                (i and tokens.texts[i - 1] in _PREFIXES and another_place(tokens, i)):
            return None
        for length in range(min(self._longest_from[words[i]], len(words) - i), 0, -1):
            code = self._codes.get(tuple(words[i:i + length]))
            if code in self._combined and not names_authority(words, i, length) and \
                    tuple(words[i:i + length]) not in self._mayors:
                if "and" not in words[i:i + length]:
                    return NameMatch(i, length, code, False, region=True)  # "Greater Manchester" is not Manchester
                continue  # "York and North Yorkshire" as a place names its councils: a shorter name may match
            if code is not None and not blocked(words, i, length):
                why = confident(words, i, length, self._loose)
                return NameMatch(i, length, code, why is not None, why or "", person=code in self._combined and
                                 tuple(words[i:i + length]) in self._mayors)
        return None



_PREFIXES = OTHER_PLACE_PREFIXES | {"New"}
_MERGED = frozenset(FORMER_NI_DISTRICTS)


_CACHE: "weakref.WeakKeyDictionary[Engine, CouncilMatcher]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def build_matcher(session: Session) -> CouncilMatcher:
    """A matcher from the council tables as they are now."""
    names = [(n, c) for n, c in session.execute(select(CouncilName.normalized, CouncilName.council_code))]
    names += [(normalize_name(n), c) for n, c in (*EVERYDAY_NAMES, *HEADLINE_NAMES, *MAYORS, *AUTHORITY_ACRONYMS,
                                                  *SHORT_FORMS)]
    names += [(name.split()[-1], c) for name, c in MAYORS if name.split()[-1] in MAYOR_SURNAMES]  # "Burnham says…"
    councils = session.execute(select(Council.code, Council.nice_name, Council.current, Council.type_code)).all()
    current = {code for code, _nice, is_current, _type in councils if is_current}
    nice = {code: normalize_name(nice_name) for code, nice_name, _current, _type in councils}
    combined = frozenset(code for code, _nice, _current, type_code in councils if type_code in COMBINED_TYPES)
    names += [(region, code) for code, official in session.execute(
        select(Council.code, Council.official_name).where(Council.code.in_(combined)))
        if (region := _region_name(official))]
    counties = frozenset(code for code, nice_name, _current, type_code in councils
                         if type_code == "CTY" or normalize_name(nice_name).endswith("shire"))
    known = set(nice)
    short = short_names([(code, nice_name) for code, nice_name, is_current, _type in councils
                         if is_current and code not in combined], {n for n, _c in names})
    names += short
    loose = frozenset(name for name, _code in short if " " not in name)
    replaced = {code: frozenset(c.strip() for c in by.split(",") if c.strip()) for code, by in
                session.execute(select(Council.code, Council.replaced_by).where(Council.replaced_by.is_not(None)))}
    ni = {code: frozenset({successor}) for code, successor in FORMER_NI_DISTRICTS.items() if code in known}
    areas = Areas({code: by for code, by in replaced.items() if by} | ni)
    members = {code: authority for code, authority in session.execute(
        select(Council.code, Council.combined_authority_code).where(Council.combined_authority_code.is_not(None)))}
    county_of = {code: county for code, county in session.execute(
        select(Council.code, Council.county_code).where(Council.county_code.is_not(None))) if county}
    return CouncilMatcher([(n, c) for n, c in names if c in known], current, nice, combined, counties, loose, areas,
                          members, county_of)


def _region_name(official_name: str) -> str:
    """A combined authority's region, its official name without the authority words ("Greater
    Lincolnshire Combined County Authority" → "greater lincolnshire")."""
    words = normalize_name(official_name).split()
    while words and words[-1] in AUTHORITY_SUFFIX:
        words.pop()
    return " ".join(words)


def council_matcher(session: Session) -> CouncilMatcher:
    """The matcher for this session's database, built once per process per engine."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _LOCK:
        matcher = _CACHE.get(engine)
        if matcher is None:
            matcher = _CACHE[engine] = build_matcher(session)
    return matcher
