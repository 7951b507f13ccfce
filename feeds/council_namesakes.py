"""A town's name that two councils' areas share, told apart by the county named beside it.

"Newcastle" alone is Newcastle upon Tyne's in most news, but beside Staffordshire, Stoke-on-Trent or another
Staffordshire council ("Stoke and Newcastle councils share services") it is Newcastle-under-Lyme's, the borough
in Staffordshire that headlines shorten the same way; "Newcastle, Staffordshire" names the borough, and the county
there only tells the two apart.
"""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence, Tokens
from feeds.council_words import COUNCIL_WORDS

# A shared town's words → (its usual council, its namesake's council, the namesake's county council, and the
# namesake's neighbours outside that county's councils: Stoke-on-Trent, a unitary council within Staffordshire).
NAMESAKES = {"newcastle": ("NET", "NEC", "STS", frozenset({"STE"}))}
_COUNTY_WORDS = {"STS": frozenset({"staffordshire", "staffs"})}
# A council's one-word name that is also a town of other councils' areas → (the council of that
# name, the councils whose areas hold a town so called). Beside one of those councils, counted, the town is theirs
# ("Isle of Wight council to close Newport library", "North Yorkshire Council backs Richmond market plan"), not
# Newport City Council's or Richmond upon Thames's; a county's district counts for its county.
TOWNS_OF_OTHERS = {"newport": ("NWP", frozenset({"IOW", "TFW", "PEM", "UTT", "ESS", "SHR"})),
                   "richmond": ("RIC", frozenset({"NYE", "RIH", "NYK"})),
                   "ashford": ("ASF", frozenset({"SPE", "SRY"})),
                   "stratford": ("STR", frozenset({"NWM"}))}  # Stratford in Newham, not Stratford-on-Avon
SHARED = frozenset(NAMESAKES) | frozenset(TOWNS_OF_OTHERS)


def namesakes(out: list[CouncilEvidence], tokens: Tokens, county_of: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with a bare shared town's name ("Newcastle") read as its namesake's council when the namesake's county,
    or a council within it, is named too; the county straight after the town ("Newcastle, Staffordshire") only
    qualifies it. Unchanged otherwise."""
    words = tokens.words
    if not _TOWNS_FIRST.isdisjoint(words):
        out = _towns_of_others(out, tokens)
    for k, word in enumerate(words):
        if word not in NAMESAKES or words[k + 1:k + 2] in (["upon"], ["under"], ["u"]):
            continue
        usual, namesake, county, neighbours = NAMESAKES[word]
        around = {county} | neighbours | {code for code, its_county in county_of.items() if its_county == county}
        others = [e for e in out if e.code in around]
        if not others:
            continue
        qualifier = bool(words[k + 1:k + 2]) and words[k + 1] in _COUNTY_WORDS[county]
        named = tokens.texts[k]
        county_counted = any(e.counted for e in others if e.code == county)
        return [CouncilEvidence(namesake, e.named, True, f"{named} beside its namesake's county or a council in it: "
                                f"{namesake}") if e.code == usual and e.named == named and (
                    e.counted or (qualifier and county_counted)) else
                CouncilEvidence(namesake, e.named, False, e.why) if e.code == usual and e.named == named else
                CouncilEvidence(e.code, e.named, False, f"the county named to tell {named} apart")
                if qualifier and e.code == county else e for e in out]
    return out


_TOWNS_FIRST = frozenset(TOWNS_OF_OTHERS)


def _towns_of_others(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with a bare town's name that is also a council's (`TOWNS_OF_OTHERS`) refused beside a council counted
    whose area holds a town so called."""
    counted = {e.code for e in out if e.counted}
    for k, word in enumerate(tokens.words):
        after = tokens.words[k + 2:k + 3] if tokens.words[k + 1:k + 2] == ["s"] else tokens.words[k + 1:k + 2]
        if word not in TOWNS_OF_OTHERS or after and after[0] in COUNCIL_WORDS:
            continue  # "Newport council and Isle of Wight council…": the council of that name; "Newport's" the town
        usual, holders = TOWNS_OF_OTHERS[word]
        here = sorted(counted & holders)
        if not here:
            continue
        named = tokens.texts[k]
        out = [CouncilEvidence(e.code, e.named, False, f"the town of {named} in {here[0]}'s area, named beside it")
               if e.code == usual and e.named == named and e.counted else e for e in out]
    return out
