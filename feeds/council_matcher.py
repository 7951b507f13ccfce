"""The council finder itself: every council name as a token run, matched longest first, each match
judged by the rules the other `feeds.council_*` modules hold (what they are, and why, is told in
`feeds.councils`, which builds the matcher from the council tables)."""

import functools

from feeds.council_authorities import MAYORS
from feeds.council_buildings import lit_hall, towns_county_hall
from feeds.council_clauses import opens_clause
from feeds.council_club_homes import club_home
from feeds.council_clubs import city_council_home, club_words
from feeds.council_compass import compass_joined
from feeds.council_context import acts, blocked, confident, heads, names_authority
from feeds.council_county import a_countys_process, county_beside_district, county_places, county_says, the_county
from feeds.council_cricket import county_cricket
from feeds.council_demonyms import DEMONYMS, demonyms_council
from feeds.council_facilities import Places, facility_councils
from feeds.council_forms import (NATIONAL_FIRST, a_surname, city_hall, joined_region, national_scene, neighbours,
                                 with_compared)
from feeds.council_institutions import council_named, institution_starts
from feeds.council_kinds import SOMEONE_OR_GROUNDS
from feeds.council_leaders import LEADERS, LONE_SURNAMES, not_alone
from feeds.council_lists import coordinated, listed_acting, lists_share
from feeds.council_london import boroughs_joined, londons_mayor, mayor_of_londons_own
from feeds.council_mayors_joined import mayors_joined
from feeds.council_metro import (county_mayor, former_county_mayor, joined_to_the_mayor, metro_mayor,
                                 the_combined_authority)
from feeds.council_names import FORMER_NI_DISTRICTS, Areas
from feeds.council_namesakes import SHARED, namesakes
from feeds.council_nicknames import FIRST_WORDS as NICKNAME_WORDS
from feeds.council_none import institution_home, when_none_counted
from feeds.council_orgs import organisations_news
from feeds.council_pairs import paired_councils
from feeds.council_places import as_places
from feeds.council_powers import funds
from feeds.council_refused import learnings_city
from feeds.council_regions import londons_government, region_acts
from feeds.council_roles import by_roles
from feeds.council_setting import Setting
from feeds.council_sites import another_place, town_before
from feeds.council_stance import after_label, decision_given
from feeds.council_stories import incident_named_after
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens, tokenize
from feeds.council_towns import longer_town, town_councils
from feeds.council_votes import second_looks
from feeds.council_where import abolished_places, mayors_places, scenes, someone_from, unusual
from feeds.council_words import COMPASS, GENERIC, OTHER_PLACE_PREFIXES, STRICT


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
            (name.split()[-1],) for name, _code in MAYORS) | frozenset(
            tuple(name.split()) for name, _code in (*LEADERS, *LONE_SURNAMES))
        self._leaders = frozenset(tuple(name.split()) for name, _code in LEADERS)
        ranked: dict[tuple[str, ...], tuple[tuple, str]] = {}
        for normalized, code in names:
            key = tuple(normalized.split())
            if not key or all(word in GENERIC for word in key):
                continue
            rank = (code not in current, nice.get(code) != normalized, code)
            if key not in ranked or rank < ranked[key][0]:
                ranked[key] = (rank, code)
        self._codes = {key: code for key, (_rank, code) in ranked.items()}
        self._places = Places(self._codes, self._current, combined, self._mayors, self._county_of)
        self._longest_from: dict[str, int] = {}  # first word → longest name starting with it
        for key in self._codes:
            self._longest_from[key[0]] = max(self._longest_from.get(key[0], 0), len(key))

    def find(self, text: str | Tokens) -> list[str]:
        """Codes of the councils `text` mentions, in order of first mention, each once."""
        return list(dict.fromkeys(e.code for e in self.evidence(text) if e.counted))

    def evidence(self, text: str | Tokens) -> list["CouncilEvidence"]:
        """Every council name found in `text`, whether it counted, and why (for `/coverage explain`)."""
        tokens = text if isinstance(text, Tokens) else tokenize(text)
        out, matches = self._names(tokens)
        out = county_cricket(second_looks(out, matches, tokens, self._members), tokens)  # "Warwickshire… Edgbaston"
        if len(matches) > 1:
            out = lists_share(out, matches, tokens.words)
        if tokens.clause and matches:
            out = after_label(out, matches, tokens)
        if "westminster" in tokens.words and len(matches) > 1:
            out = boroughs_joined(out, matches, tokens, self._members)
        if not _LEARNING_OR_PEOPLE.isdisjoint(tokens.words) and not any(e.counted for e in out):
            out = out + learnings_city(tokens, self._codes)  # "University of Nottingham building sold to city council"
            if not any(e.counted for e in out):
                out = out + demonyms_council(tokens)  # "Brummies face bin strike misery"
        if tokens.label == 3:
            out = with_compared(out, self._codes, tokens)
        if "london" in tokens.words:
            out = londons_government(out, tokens)
        if not _SHARED.isdisjoint(tokens.words):
            out = namesakes(out, tokens, self._county_of)
        if "mayor" in tokens.words:
            out = metro_mayor(londons_mayor(out, tokens, self._members), tokens, self._members)
            out = mayor_of_londons_own(out, tokens)
            out = county_mayor(out, tokens, self._members, self._counties)
            out = joined_to_the_mayor(former_county_mayor(out, tokens, self._areas.successors), matches, tokens)
        if "mayors" in tokens.words:
            out = mayors_joined(out, matches, tokens, self._codes, self._combined)  # "North East and … mayors"
        if "authority" in tokens.words or "authority's" in tokens.texts:
            out = the_combined_authority(out, tokens, self._members)
        if "vale" in tokens.words:
            out = paired_councils(out, tokens)  # "Cardiff and Vale councils…"
        if "hall" in tokens.words or "shirehall" in tokens.words:
            out = towns_county_hall(city_hall(out, tokens), tokens, self._counties, self._county_of)
        out = lit_hall(out, tokens) if "hall" in tokens.words or "guildhall" in tokens.words else out
        out = facility_councils(out, tokens, self._places)  # "Blackburn Market traders…", "Heaton Park closed…"
        return by_roles(out, matches, tokens, self._members, self._combined, self._county_of, self._areas.successors)

    def _names(self, tokens: Tokens) -> tuple[list["CouncilEvidence"], list[NameMatch]]:
        """The council names found in `tokens`, each judged (see the module's docstring), and the names as found
        (the judgements of the names come first, in the same order)."""
        words = tokens.words
        matches: list[NameMatch] = []
        i = 0
        while i < len(words):
            match = self._match_at(tokens, i) if words[i] in self._longest_from else None
            if match is None:
                i += 1
                continue
            if i >= 2 and match.length > 1 and words[i] in COMPASS and words[i - 1] == "and" and \
                    not (matches and matches[-1].start + matches[-1].length > i - 2):
                matches.extend(compass_joined(tokens, match, self._codes))
            matches.append(match)
            i += match.length
        if not matches:
            return town_councils(tokens, self._county_of) or club_home(tokens), matches
        institutions = institution_starts(matches, tokens)
        if institutions and len(matches) > 1:
            institutions = club_words(matches, words, institutions)  # "Gloucester Rugby": no Rugby Borough
        kept = [m for m in matches if m.start not in institutions] if institutions else matches
        setting = Setting(tokens, institutions)
        out = [self._judge(match, tokens, institutions, kept, setting) for match in matches]
        counted = any(e.counted for e in out)
        if not counted:
            out = when_none_counted(out, matches, tokens, institutions, self._county_of)
        elif institutions and "city" in words:
            out = city_council_home(out, matches, tokens, institution_home(matches, institutions, words),
                                    self._counties)
        if unusual(matches, words, self._current, self._combined):
            out = mayors_places(scenes(out, matches, words, self._combined), matches, words, self._members,
                                council_named)
            out = abolished_places(out, matches, words, self._areas, self._current, _MERGED,
                                   self._members)
            counted = any(e.counted for e in out)
        elif not counted:
            counted = any(e.counted for e in out)
        if counted and not SOMEONE_OR_GROUNDS.isdisjoint(words):
            out = someone_from(out, matches, words, self._combined)
            counted = any(e.counted for e in out)
        if counted:
            out = organisations_news(as_places(out, matches, words), matches, tokens)
            if len(matches) > 1:
                out = a_countys_process(out, matches, words, self._county_of)
                out = county_places(neighbours(out, matches, words, self._combined), matches, tokens,
                                    self._county_of)
            if words[0] in _NATIONAL_FIRST:
                out = national_scene(out, matches, words)
            counted = any(e.counted for e in out)
        if not counted:
            return out + (town_councils(tokens, self._county_of) or club_home(tokens)), matches
        if "county" not in words:
            return out, matches
        out = county_beside_district(county_says(out, matches, tokens, self._county_of), tokens, self._county_of)
        return the_county(out, matches, words, self._codes, self._counties, self._combined), matches

    def _judge(self, match: NameMatch, tokens: Tokens, institutions: dict[int, str], kept: list[NameMatch],
               setting: Setting) -> "CouncilEvidence":
        """Whether one name found counts as its council, and why."""
        words = tokens.words
        named = " ".join(tokens.texts[match.start:match.start + match.length])
        if match.region:
            why = region_acts(words, match, setting.story)
            return CouncilEvidence(match.code, named, why is not None,
                                   why or "the region as a place, not its combined authority")
        if match.person and match.code not in self._combined:
            return CouncilEvidence(match.code, named, True, "the council's leader or mayor, named")
        if match.start in institutions:
            kind = institutions[match.start]
            return CouncilEvidence(match.code, named, False, f"names {'an' if kind[0] in 'aeiou' else 'a'} {kind}, "
                                   "not the council")
        if match.code in self._counties and match.start and words[match.start - 1] in COMPASS and \
                words[match.start] not in COMPASS:  # not "South" of "North, South and East Ayrshire"
            return CouncilEvidence(match.code, named, False, f"a part of the county ({words[match.start - 1]}), "
                                   "not its council")
        given = decision_given(words, match)
        if given is not None and (words[match.start] not in STRICT or
                                  any(m.confident and m.start != match.start for m in kept)):
            return CouncilEvidence(match.code, named, True, given)  # "…wins approval from Rushcliffe"
        listed = None if match.confident else coordinated(match, kept, words)
        counts = match.confident or listed is not None
        if counts and match.code not in self._combined and (setting.elsewhere or setting.story) and \
                not council_named(words, match):
            if setting.elsewhere and funds(words, tokens.texts, match.start, match.length):
                return CouncilEvidence(match.code, named, True, f'among the givers of a sum ("from … {named}"): '
                                       "the council paying")
            if setting.elsewhere and not heads(words, match) and not opens_clause(tokens, match) and \
                    not listed_acting(match, kept, words):
                return CouncilEvidence(match.code, named, False, f"where the {setting.elsewhere}'s news happened, "
                                       "with no local-government word")
            if setting.story and (not acts(words, match, setting.story) or
                                  incident_named_after(words, match.start + match.length, setting.story)) and \
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
                (i and tokens.texts[i - 1] in _PREFIXES and another_place(tokens, i)) or \
                (tokens.shouting and i and words[i] == "s") or \
                town_before(tokens, i, STRICT) or \
                not_alone(tokens.texts, words, i, self._longest_from.keys(), tokens.title_case):
            return None  # "GLASGOW'S LANARKSHIRE": a possessive; "Matlock Bath": a village; "Imran Khan": not the mayor
        surname = a_surname(tokens, i)
        for length in range(min(self._longest_from[words[i]], len(words) - i), 0, -1):
            code = self._codes.get(tuple(words[i:i + length]))
            if code in self._combined and not names_authority(words, i, length) and \
                    tuple(words[i:i + length]) not in self._mayors:
                if "and" not in words[i:i + length]:
                    return NameMatch(i, length, code, False, region=True)  # "Greater Manchester" is not Manchester
                joined = joined_region(words, i, length, code)
                if joined is not None:
                    return joined  # "York and North Yorkshire to elect…": the authority acting
                continue  # "York and North Yorkshire" as a place names its councils: a shorter name may match
            if surname and code is not None and tuple(words[i:i + length]) not in self._mayors:
                return None  # "Council leader Paul Buckingham", not "Mayor Andy Burnham"
            if code is not None and longer_town(words, i, length, code):
                return None  # "Bury St Edmunds": the town of another council's area
            if code is not None and not blocked(words, i, length):
                why = confident(words, i, length, self._loose)
                key = tuple(words[i:i + length])
                return NameMatch(i, length, code, why is not None, why or "", person=key in self._leaders or (
                    code in self._combined and key in self._mayors))
        return None


_PREFIXES = OTHER_PLACE_PREFIXES | {"New"}
_LEARNING_OR_PEOPLE = frozenset({"university", "college"}) | frozenset(DEMONYMS) | NICKNAME_WORDS
_MERGED = frozenset(FORMER_NI_DISTRICTS)
_SHARED = SHARED
_NATIONAL_FIRST = NATIONAL_FIRST
