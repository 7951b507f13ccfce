"""The context that makes a council name found in a text count as its council: a phrase that means
something else, an ordinary-word name with or without a council word, verb or place around it, a
combined authority's region named as the authority. Names listed together: `feeds.council_lists`."""
from __future__ import annotations

import re

from feeds.council_authorities import AUTHORITY_ACRONYMS
from feeds.council_civic import COMMITTEES
from feeds.council_groups import party_group
from feeds.council_kinds import (ACTS_ON_COUNCILS, ANSWERING_VERBS, BACKERS, BANS, COUNCIL_MATTERS, DISPUTE_PHRASES,
                                 DISPUTE_VERBS, ENGLISH_WORDS, FUNDING_VERBS, MANNER_ADVERBS, MORE_SERVICES,
                                 ORGANISATION_VERBS, REGULATOR_VERBS, REGULATORS, SPENDING_VERBS, UNDERGOES,
                                 UNIVERSITY_PLACES)
from feeds.council_powers import MORE_OFFICERS, POWERS
from feeds.council_together import PLURAL_BANS
from feeds.council_tokens import NameMatch
from feeds.council_words import (AMBIGUOUS, AUTHORITY_WORDS, BLOCKED_BEFORE, BLOCKED_PHRASES, COUNCIL_BUILDINGS,
                                 COUNCIL_OFFICERS, COUNCIL_SERVICES, COUNCIL_VERBS, COUNCIL_WORDS, DECIDED,
                                 DECISION_VERBS, GOVERNMENT_WORDS, LANDSCAPE, LOCAL_GOVERNMENT_PHRASES, OBJECT_VERBS,
                                 PARTY_WORDS, PASSIVE_AFTER, PLACE_WORDS, PLURAL_VERBS, SPORT_NAMES, STRICT, WORDISH)
from models.relevance import LOCAL_GOVERNMENT_WORDS, SHARED_WORDS

# Words only local-government news uses (not "homes", "plan", "approves", which others' news uses too).
LOCAL_GOVERNMENT_ONLY = LOCAL_GOVERNMENT_WORDS - SHARED_WORDS
_COUNCIL_NAMED = frozenset({"council", "councils", "councillor", "councillors", "cllr", "cllrs"})
# What a council's news speaks of beyond local government's own words: its leader, SEND, going bust.
_COUNCIL_BUSINESS = LOCAL_GOVERNMENT_WORDS | frozenset({"leader", "leaders", "send", "sen", "ehcp", "ehcps", "bust",
                                                        "debt", "debts", "borrowing", "finances", "councillors"})
ACRONYMS = frozenset(acronym for acronym, _code in AUTHORITY_ACRONYMS)

_FIRST_OR_NEW = frozenset({"first", "new", "next", "elected", "interim"})


def names_authority(words: list[str], start: int, length: int) -> bool:
    """A combined authority's region named as the authority: its own name says so ("West Midlands
    Combined Authority"), or a mayor or authority word follows it, or "mayor of" comes before it."""
    named = words[start:start + length]
    if any(word in AUTHORITY_WORDS or word == "region" or word in ACRONYMS for word in named):
        return True
    end = start + length
    after = words[end:end + 3]
    if after[:1] == ["s"]:
        after = after[1:]
    if after[:1] and after[0] in _FIRST_OR_NEW:
        after = after[1:]  # "Hull and East Yorkshire's first mayor takes office"
    if after and after[0] in AUTHORITY_WORDS:
        return True
    if after[:1] == ["and"] and "mayors" in words[end + 1:end + 6]:
        return True  # "West Midlands and East Midlands mayors sign pact": both regions' mayors
    before = words[max(0, start - 3):start]
    if before[-1:] == ["the"]:
        before = before[:-1]  # "Mayor of the West Midlands"
    return before[-2:] in (["mayor", "of"], ["transport", "for"])  # "Transport for West Midlands"


def blocked(words: list[str], i: int, length: int) -> bool:
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


_CYBER = frozenset({"cyber", "cyberattack", "ransomware", "hackers"})


def confident(words: list[str], i: int, length: int, loose: frozenset[str] = frozenset()) -> str | None:
    """Why a name counts on its own words (for `/coverage explain`), or None: a multi-word or
    unambiguous name; or an ordinary-word name (or a `loose` one, a town's name short for its
    council's) with council, decision or place context."""
    if length > 1 or (words[i] not in AMBIGUOUS and words[i] not in loose):
        return "a council name in context"
    after = words[i + 1] if i + 1 < len(words) else ""
    if after in MANNER_ADVERBS and i + 2 < len(words):
        return confident(words[:i + 1] + words[i + 2:], i, length, loose)  # "Wealden finally adopts Local Plan"
    if words[i] in STRICT:
        return f'a council word follows ("{after}")' if after in COUNCIL_WORDS and after != "s" else None
    before = words[i - 1] if i > 0 else ""
    if words[i] not in WORDISH and (after == "hit" or before in ("on", "against")) and not _CYBER.isdisjoint(words):
        return "the organisation the place has, hit by a cyber attack"  # "Copeland hit by ransomware"
    if words[i] not in WORDISH and after in COUNCIL_VERBS:
        return f'a council verb follows ("{after}")'
    if after in _SERVICES_BY_FIRST and any(tuple(words[i + 1:i + 1 + len(p)]) == p for p in _SERVICES_BY_FIRST[after]):
        return "a council service follows"  # "Kent children's services improve to good", "Bath parking charges"
    if after in _BUILDINGS_BY_FIRST and \
            any(tuple(words[i + 1:i + 1 + len(p)]) == p for p in _BUILDINGS_BY_FIRST[after]):
        return "the council's building follows"  # "Wigan Town Hall sale"
    if after in COUNCIL_MATTERS and words[i] not in WORDISH:
        return f'a council matter follows ("{after}")'  # "Essex reorganisation plan submitted"
    if after in _OFFICERS_BY_FIRST and any(tuple(words[i + 1:i + 1 + len(p)]) == p for p in _OFFICERS_BY_FIRST[after]):
        return "a council officer follows"  # "Essex chief executive to retire"
    if before == "out" and i >= 2 and words[i - 2] in ("bails", "bailed", "bail"):
        before = "bails out"  # "Government bails out Surrey"
    if words[i] not in WORDISH and before in OBJECT_VERBS and (
            not _COUNCIL_BUSINESS.isdisjoint(words) or not GOVERNMENT_WORDS.isdisjoint(words)):
        return f'the object of "{before}" in local-government news'  # "Residents sue Essex over school transport"
    if i >= 2 and (before in OBJECT_VERBS or before in REGULATOR_VERBS) and \
            not ACTS_ON_COUNCILS.isdisjoint(words[:i - 1]):
        return f'the object of a watchdog\'s or the government\'s "{before}"'  # "Regulator finds Bury failed…"
    if (i == 0 or before in ("and", "as")) and (words[i] not in SPORT_NAMES or services_named(words[i + 2:])) and (
            (after in COUNCIL_VERBS and (any(w in LOCAL_GOVERNMENT_WORDS or w in _COUNCIL_NAMED
                                             for w in words[i + 2:]) or services_named(words[i + 2:]))) or
            (((len(after) > 3 and after.endswith("s") and not after.endswith("ss")) or after in PASSIVE_AFTER) and
             (not LOCAL_GOVERNMENT_ONLY.isdisjoint(words) or phrase_in(words, LOCAL_GOVERNMENT_PHRASES) or
              (after in PASSIVE_AFTER and not REGULATORS.isdisjoint(words)) or
              (words[i] not in WORDISH and any(w in _COUNCIL_BUSINESS for w in words[i + 2:])) or
              services_named(words[i + 2:])))):  # "Bath extends clean air zone"
        # "Reading to cut 90 posts to close budget gap", "Brent to buy back 300 homes": the subject of
        # local-government news (any present-tense verb when a word only local government uses is there);
        # a service only a council runs is such news too ("Reading to start garden waste collections")
        return f'the subject ("{after}") of local-government news'
    if (i == 0 or before in ("and", "as")) and words[i] not in SPORT_NAMES and decides(words, i + 1) and \
            not (after in ANSWERING_VERBS and words[i] in UNIVERSITY_PLACES):
        # "Brent approves Wembley Park homes": only a council decides so, whatever its name means
        return f'the subject of a council decision ("{after}")'
    if (i == 0 or (before in ("and", "as") and after in SPENDING_VERBS)) and \
            (after in FUNDING_VERBS or after in SPENDING_VERBS) and words[i + 2:i + 3] and words[i + 2][0].isdigit() \
            and _a_sum(words, i + 2) and words[i] not in ENGLISH_WORDS and words[i] not in UNIVERSITY_PLACES:
        # "Sefton lands £30m for…", "…as Cumberland finds £3m"
        return f'the body the place has, {"paying" if after in SPENDING_VERBS else "winning money"} ("{after}")'
    if i == 0 and after in ORGANISATION_VERBS and words[i] not in ENGLISH_WORDS and words[i] not in UNIVERSITY_PLACES:
        return f'the organisation the place has, acting ("{after}")'  # "Barnet introduces garden waste charge"
    if before in _ELECTION_VERBS and i >= 2 and (words[i - 2] in PARTY_WORDS or words[i - 2] in ("dems", "democrats")):
        return f'a party winning or losing it ("{words[i - 2]} {before}")'  # "Reform takes Kent"
    if before == "by" and i >= 2 and words[i - 2] in DECIDED:
        return f'the body that decided ("{words[i - 2]} by")'  # "Stadium expansion backed by Merton"
    if after in COUNCIL_WORDS:
        return "a possessive follows" if after == "s" else f'a council word follows ("{after}")'
    if words[i] not in STRICT and (group := party_group(words, i)) is not None:
        return group  # "Kingston Lib Dems propose council tax rise"
    return f'a place word comes before ("{before}")' if before in PLACE_WORDS else None


_SUM = re.compile(r"\d+(?:m|bn|k)$")


def _a_sum(words: list[str], k: int) -> bool:
    """A sum of money starts at `k` ("£30m", "£1.5bn", "£2 million"; not a score, "3-1")."""
    return any(_SUM.match(w) or w in ("million", "billion") for w in words[k:k + 3])


_SERVICES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _service in COUNCIL_SERVICES + MORE_SERVICES + POWERS:
    _SERVICES_BY_FIRST.setdefault(_service[0], []).append(_service)
_BUILDINGS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _building in COUNCIL_BUILDINGS:
    _BUILDINGS_BY_FIRST.setdefault(_building[0], []).append(_building)
_OFFICERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _officer in COUNCIL_OFFICERS + MORE_OFFICERS + COMMITTEES:  # a council's committees, as its officers
    _OFFICERS_BY_FIRST.setdefault(_officer[0], []).append(_officer)


def services_named(words: list[str]) -> bool:
    """The text names a service only a council runs ("school transport", "bin collections")."""
    return any(tuple(words[k:k + len(p)]) == p for k, w in enumerate(words) for p in _SERVICES_BY_FIRST.get(w, ()))


def service_follows(words: list[str], end: int) -> bool:
    """A service only a council runs follows a name ending at `end`, its possessive aside
    ("Birmingham bin strike", "Coventry's libraries")."""
    return service_after(words, end) is not None


def service_after(words: list[str], end: int) -> tuple[str, ...] | None:
    """The service only a council runs that follows a name ending at `end`, its possessive aside, or None."""
    k = end + 1 if words[end:end + 1] == ["s"] else end
    if k >= len(words):
        return None
    return next((p for p in _SERVICES_BY_FIRST.get(words[k], ()) if tuple(words[k:k + len(p)]) == p), None)


def phrase_in(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """One of `phrases` is in `words`."""
    return any(words[k:k + len(p)] == list(p) for p in phrases for k in range(len(words) - len(p) + 1)
               if words[k] == p[0])


def decides(words: list[str], k: int) -> bool:
    """A decision only a council makes follows at `k` ("approves", "sets out", "votes to")."""
    word = words[k] if k < len(words) else ""
    return word in DECISION_VERBS or word in ANSWERING_VERBS or (
        word in ("sets", "lays") and words[k + 1:k + 2] == ["out"])


# A party's verbs of an election that a council's name follows ("Reform takes Kent", "Labour holds Sunderland").
_ELECTION_VERBS = frozenset({"takes", "took", "wins", "won", "gains", "gained", "seizes", "seized", "holds", "held",
                             "retains", "retained", "keeps", "kept", "loses", "lost", "controls", "runs", "take", "win",
                             "gain", "hold", "retain", "keep", "lose", "seize"})


def acts(words: list[str], match: NameMatch, story: str | None = None) -> bool:
    """A council verb or decision follows the name ("Wiltshire approves…"), or the name follows a
    decision's "by" ("…backed by Merton"): it is the council acting, whatever else the text speaks of."""
    end = match.start + match.length
    after = words[end] if end < len(words) else ""
    if match.start >= 2 and words[match.start - 1] == "by" and words[match.start - 2] in DECIDED:
        return True
    if story in ("weather story", "incident story") and \
            not (match.start and (words[match.start - 1] in PLACE_WORDS or
                                  words[match.start - 1] in ("and", "or", "on", "off", "over"))):
        return after not in LANDSCAPE and after not in UNDERGOES and \
            tuple(words[end:end + 2]) not in _CENTRES  # "Rhondda Cynon Taf storm
        # repairs bill…": the council's; "snow across Cumbria", "Storm batters Cornwall coast", "Gas explosion in
        # Wigan", "Thunderstorms flood Leeds city centre": the place
    if after in _JOINTLY and end + 1 < len(words):
        end, after = end + 1, words[end + 1]  # "North Norfolk and Norfolk jointly oppose…"
    if story != "sport story" and match.start and words[match.start - 1] in ("and", "or") and (
            after in PLURAL_VERBS or after in DISPUTE_VERBS or tuple(words[end:end + 2]) in DISPUTE_PHRASES or
            (after in PLURAL_BANS and story in ("weather story", "incident story"))):
        return True  # councils listed, acting together: "Hull and East Riding at odds over flood funding"
    if after in BACKERS and words[end + 1:end + 2] != ["by"] and story != "sport story":
        return True  # "after Kirklees-backed restoration": the council backing, funding or owning it
    if story in ("weather story", "incident story") and match.start == 0 and after in BANS:
        return True  # "Moray bans fireworks", "Cornwall closes beaches": only a body bans or closes
    return after != "to" and (after in COUNCIL_VERBS or decides(words, end))


_JOINTLY = frozenset({"jointly", "together", "both"})  # between councils listed and the verb they act by
_CENTRES = frozenset({("city", "centre"), ("town", "centre"), ("city", "center"), ("town", "center")})


def heads(words: list[str], match: NameMatch) -> bool:
    """The name opens the text and a verb follows it ("Solihull signs HS2 interchange deal"): the
    place is the one acting, even in another body's news."""
    end = match.start + match.length
    after = words[end] if match.start == 0 and end < len(words) else ""
    return after in COUNCIL_VERBS or (len(after) > 3 and after.endswith("s") and not after.endswith("ss"))
