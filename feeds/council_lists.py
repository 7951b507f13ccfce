"""Councils listed together share one verdict: "Dundee, Angus and Perth and Kinross's shared incinerator hit
by fire" tells of a plant the three councils run together, so where one name of the list counts as its council, the
others that a story's or another body's setting refused as the scene ("where the incident happened": often the
last, nearest the incident's word) count too. A list is one subject; its members do not split between the councils
acting and the scene.

Which names are listed together, and when a list of ordinary-word names counts as councils, live here too."""
from __future__ import annotations

from feeds.council_kinds import DISPUTE_PHRASES, DISPUTE_VERBS
from feeds.council_together import PLURAL_BANS, SHARED_SERVICE
from feeds.council_tokens import CouncilEvidence, NameMatch
from feeds.council_words import PLURAL_VERBS, SPORT_NAMES, STRICT, WORDISH
from models.relevance import LOCAL_GOVERNMENT_WORDS

# Council words that may end a name the finder matched shorter ("Notts" of "Notts County Council") before a
# list's "and".
_NAME_ENDS = frozenset({"county", "council", "borough", "district", "city"})
_SCENE = "happened, with no local-government word"


def lists_share(out: list[CouncilEvidence], matches: list[NameMatch], words: list[str]) -> list[CouncilEvidence]:
    """`out` with each name refused as a scene counted where another name listed with it counts and the rest are
    scenes too; unchanged otherwise. `out` holds one judgement per name of `matches` first."""
    if len(matches) < 2 or not any(not e.counted and e.why.endswith(_SCENE) for e in out[:len(matches)]):
        return out
    changed = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        if e.counted or not e.why.endswith(_SCENE):
            continue
        run = listed_with(match, matches, words) or []
        others = [out[matches.index(m)] for m in run if m is not match]
        if any(o.counted for o in others) and all(o.counted or o.why.endswith(_SCENE) for o in others):
            changed[n] = CouncilEvidence(e.code, e.named, True, "listed with councils counted: the list's one "
                                         "verdict")
    return changed


_COUNCILS_BEFORE = frozenset({"councils", "boroughs", "authorities", "councillors", "leaders"})


def listed_with(match: NameMatch, matches: list[NameMatch], words: list[str]) -> list[NameMatch] | None:
    """The names listed together with `match` (next to each other, by a comma the tokens dropped, or
    joined by "and"/"or"), when the list has an "and"/"or" in it; None when `match` is not in a list."""
    k = next((n for n, m in enumerate(matches) if m.start == match.start), None)
    if k is None:
        return None
    lo = hi = k
    joined = False

    def gap(a: NameMatch, b: NameMatch) -> int | None:
        between = b.start - (a.start + a.length)
        if between == 0:
            return 0
        council_words = words[a.start + a.length:b.start - 1]  # "Notts County Council and Mansfield"
        return 1 if words[b.start - 1] in ("and", "or") and all(w in _NAME_ENDS for w in council_words) else None

    while lo > 0 and (g := gap(matches[lo - 1], matches[lo])) is not None:
        joined |= g == 1
        lo -= 1
    while hi + 1 < len(matches) and (g := gap(matches[hi], matches[hi + 1])) is not None:
        joined |= g == 1
        hi += 1
    return matches[lo:hi + 1] if joined else None


def coordinated(match: NameMatch, matches: list[NameMatch], words: list[str]) -> str | None:
    """Why an ordinary-word name counts for being listed with other councils, or None: joined by
    commas and "and"/"or" to a confident council name ("Derby and Derbyshire", "Harrow, Hillingdon
    and Brent"), or one of councils listed at the head of the text before a plural verb ("Harrow and
    Brent share legal services"), the subject of the news."""
    run = listed_with(match, matches, words)
    if run is None:
        return None
    if words[match.start] in STRICT:  # "Westminster" beside one council is Parliament; among councils, one
        if sum(other.confident for other in run if other is not match) >= 2:
            return "listed with two or more council names"  # "Camden, Islington and Westminster"
        return None
    if any(other.confident for other in run if other is not match):
        return "joined by and/or to a council name"
    first, last = run[0], run[-1]
    end = last.start + last.length
    after = words[end] if end < len(words) else ""
    if first.start == 0 and all(words[m.start] not in SPORT_NAMES for m in run) and (
            after in PLURAL_VERBS or after in PLURAL_BANS or after in DISPUTE_VERBS or
            tuple(words[end:end + 2]) in DISPUTE_PHRASES or
            (after == "to" and not LOCAL_GOVERNMENT_WORDS.isdisjoint(words[end + 1:]))) and \
            (all(words[m.start] not in WORDISH for m in run) or not LOCAL_GOVERNMENT_WORDS.isdisjoint(words) or
             not SHARED_SERVICE.isdisjoint(words)):
        if tuple(words[end:end + 2]) in DISPUTE_PHRASES:
            after = " ".join(words[end:end + 2])  # "Medway and Kent at odds over…"
        return f'councils listed as the subject ("{after}") of the news'
    if not _COUNCILS_BEFORE.isdisjoint(words[max(0, first.start - 3):first.start]):
        return "councils listed after a council word"  # "councils including Harrow, Barnet and Brent"
    return None


def listed_acting(match: NameMatch, matches: list[NameMatch], words: list[str]) -> bool:
    """The name opens a list of places joined by "and"/"or" that a plural verb or a dispute follows
    ("Solihull and Birmingham clash over HS2 station funding"): the councils acting together, even in
    another body's news (`acts` finds the later names of such a list; this, the first)."""
    run = listed_with(match, matches, words)
    if run is None or run[0].start != 0:
        return False
    end = run[-1].start + run[-1].length
    after = words[end] if end < len(words) else ""
    return after in PLURAL_VERBS or after in DISPUTE_VERBS or tuple(words[end:end + 2]) in DISPUTE_PHRASES
