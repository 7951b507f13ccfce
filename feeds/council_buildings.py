"""A council's building as a landmark, not the council acting.

"Belfast City Hall lights up purple for awareness week" tells of the building, lit for a cause, as "Blackpool
Tower lights up" does: the council owns it, but the text says nothing of the council's business. When a place's
hall ("City Hall", "Town Hall", "County Hall", "Guildhall") is lit in a text with no other word of a council
(`feeds.council_kinds.COUNCIL_TALK`), the place's name counted there is refused as the building's. A council
acting on its hall ("Belfast City Council votes to light City Hall green", "Belfast City Hall agrees leisure centre
price rises") keeps counting: a council word is there, or no lighting word follows the hall.
"""
from __future__ import annotations

from feeds.council_talk import COUNCIL_TALK
from feeds.council_tokens import CouncilEvidence, Tokens
from models.relevance import OFF_TOPIC_WORDS

# Words after a hall that light it: "lights up", "lit up", "illuminated", "glows", "bathed in".
LIT = frozenset({"lights", "lit", "illuminated", "illuminates", "glows", "bathed", "floodlit"})
_HALL_FIRST = frozenset({"city", "town", "county", "civic"})
_COUNTY_HALL_FIRST = frozenset({"county", "shire"})
# Words of a venue's news (a show, a fair, a wedding): a hall's, not its council's. Not "review", as often a council
# reviewing its service ("County Hall in Lewes begins review of bus services") as a critic's of a show.
REVIEWS = frozenset({"review", "reviews"})
VENUE_NEWS = frozenset(OFF_TOPIC_WORDS["arts and culture"].split() + OFF_TOPIC_WORDS["people and events"].split() +
                       ["wedding", "weddings", "fair", "gig", "gigs", "tickets", "show", "shows"]) - REVIEWS


def lit_hall(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with each place counted for naming a lit hall ("Belfast City Hall lights up…") refused as the
    building's, in a text with no other council word; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    if LIT.isdisjoint(words) or not COUNCIL_TALK.isdisjoint(words):
        return out
    for k, word in enumerate(words):
        end = k + 1 if word == "guildhall" else k + 2 if word in _HALL_FIRST and words[k + 1:k + 2] == ["hall"] else 0
        if not end or LIT.isdisjoint(words[end:end + 2]):
            continue
        before = {" ".join(texts[j:stop]) for j in range(max(0, k - 4), k + 1) for stop in (k, k + 1) if j < stop}
        return [CouncilEvidence(e.code, e.named, False, f'names the building ("{" ".join(texts[k:end])}") lit up, '
                                "not the council acting") if e.counted and e.named in before else e for e in out]
    return out


# The people and bodies of a council's hall, in lower case between the hall and its town ("County Hall staff in …").
_HALLS_PEOPLE = frozenset({"cabinet", "staff", "bosses", "chiefs", "officers", "officials", "councillors", "leaders",
                           "committee", "planners"})


def county_halls(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each county hall a text names: "County Hall", "Shire Hall", "Shirehall" (the county's
    headquarters by its older name in some shires: Shrewsbury's, Gloucester's)."""
    found = []
    for k, word in enumerate(words):
        if word == "shirehall":
            found.append((k, k + 1))
        elif word in _COUNTY_HALL_FIRST and words[k + 1:k + 2] == ["hall"]:
            found.append((k, k + 2))
    return found


def hall_news(words: list[str]) -> bool:
    """The text tells of a hall as a venue (a show, a fair, a wedding) or lit up: the building's news, whoever owns
    it."""
    return not VENUE_NEWS.isdisjoint(words) or not LIT.isdisjoint(words)


def towns_county_hall(out: list[CouncilEvidence], tokens: Tokens, counties: frozenset[str],
                      county_of: dict[str, str] | None = None) -> list[CouncilEvidence]:
    """`out` with a place counted for naming the county hall in it ("Lincolnshire County Council sells Lincoln's
    county hall") refused as the building's place, when a county council counts in the text
    too: the county hall is the county's, in its county town, and says nothing of the town's own council. With no
    county counted, a district's county hall is its county council's, acting or as news of the building itself
    ("Chelmsford's County Hall approves cuts", "County Hall in Lewes to be refurbished", "County Hall, Norwich, to
    get refit": the county's headquarters, as the labelled sets read it), not a venue's news (`hall_news`)."""
    words, texts = tokens.words, tokens.texts
    for k, end in county_halls(words):
        stop = k - 1 if k and words[k - 1] == "s" else k
        before = {" ".join(texts[j:stop]) for j in range(max(0, stop - 3), stop)}
        at = end + 1 if texts[end:end + 1] and texts[end] in _HALLS_PEOPLE and words[end + 1:end + 2] == ["in"] \
            else end  # "County Hall staff in Chelmsford": the hall's people, then its town
        if words[at:at + 1] == ["in"]:
            before |= {" ".join(texts[at + 1:j]) for j in range(at + 2, min(len(words), at + 4) + 1)}
        elif end < len(words) and texts[end][:1].isupper():  # "County Hall, Norwich, to get…"
            before |= {" ".join(texts[end:j]) for j in range(end + 1, min(len(words), end + 3) + 1)}
        owners = {e.code for e in out if e.counted and e.code in counties and e.named not in before}
        if not owners:
            opens = k == 0 or stop <= 3  # "County Hall in Chelmsford…", "Lewes County Hall…"
            return out if hall_news(words) else _the_countys_hall(out, before, county_of or {}, opens)
        return [CouncilEvidence(e.code, e.named, False, "names the place of the county's hall, not its council")
                if e.counted and e.named in before and e.code not in owners else e for e in out]
    return out


def _the_countys_hall(out: list[CouncilEvidence], before: set[str], county_of: dict[str, str],
                      opens: bool = False) -> list[CouncilEvidence]:
    """`out` with a district counted for naming its county hall (its name in `before`) read as its county council,
    when the text names no other council counted; when the hall opens the text (`opens`: "County Hall in
    Chelmsford to share space with NHS"), the district named there though another body's news refused it, for the
    hall is what the text is about."""
    counted = [e for e in out if e.counted]
    if not counted and opens:
        counted = [e for e in out if e.named in before][:1]
    if len(counted) != 1 or counted[0].named not in before or counted[0].code not in county_of:
        return out
    place = counted[0]
    county = county_of[place.code]
    return [CouncilEvidence(county, e.named, True, f"the county hall of {e.named}: {county}'s") if e is place else e
            for e in out]




def county_hall_acts(words: list[str], code: str, named: str, k: int,
                     county_of: dict[str, str]) -> list[CouncilEvidence]:
    """The council whose county hall stands in a listed town, when a county hall follows the town's name at `k`
    ("Beverley's County Hall gives go-ahead for harbour scheme", "Shrewsbury's Shirehall sale approved") or the text
    opens with the hall in the town ("County Hall in Trowbridge to be mothballed"): the town's own council where it
    is a unitary council with a county hall (East Riding's in Beverley), its county's in a two-tier area; not in a
    venue's news. Empty otherwise."""
    halls = county_halls(words)
    at_town = any(start == k for start, _end in halls)
    opening = any(start == 0 and (k == end or (k == end + 1 and words[end] == "in")) for start, end in halls)
    if not (at_town or opening) or hall_news(words):
        return []
    owner = county_of.get(code, code)
    return [CouncilEvidence(owner, named, True, f"the county hall in {named}: {owner}'s")]
