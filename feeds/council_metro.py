"""Metro mayors beside their member councils: "the metro mayor" beside a member council is its combined
authority's, as is a county's mayor (`county_mayor`).

"Metro mayor and Manchester council fall out over tower": only a combined authority has a metro mayor (a regional
mayor), so one named by office beside the councils of one authority is that authority's, as a metro mayor named by
name is (`feeds.council_where.mayors_places`). Not when the councils named belong to no authority or to different
ones, nor when an authority is already found. Where a list of member places ends, so that a
service after the last ("… Hackney and Tower Hamlets estate regeneration") is each one's (`list_end`).
"""
from __future__ import annotations

from feeds.council_kinds import DISPUTE_PHRASES, DISPUTE_VERBS
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PLURAL_VERBS

_OFFICE = (("metro", "mayor"), ("metro", "mayors"), ("regional", "mayor"), ("combined", "authority", "mayor"))


def metro_mayor(out: list[CouncilEvidence], tokens: Tokens, members: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the combined authority added when the text names a metro mayor by office and every council counted
    is a member of that one authority; unchanged otherwise."""
    words = tokens.words
    if not any(tuple(words[k:k + len(office)]) == office for k in range(len(words)) for office in _OFFICE):
        return out
    authority = _one_authority(out, members)
    if authority is None:
        return out
    return out + [CouncilEvidence(authority, "metro mayor", True, "a metro mayor beside its member council: the "
                                  "combined authority's")]


def _one_authority(out: list[CouncilEvidence], members: dict[str, str]) -> str | None:
    """The one combined authority every council counted belongs to, when it is not counted itself, or None."""
    counted = {e.code for e in out if e.counted}
    authorities = {members.get(code) for code in counted}
    if not counted or len(authorities) != 1 or None in authorities or authorities & counted:
        return None
    return authorities.pop()


def the_combined_authority(out: list[CouncilEvidence], tokens: Tokens,
                           members: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the combined authority added when the text speaks of "combined authority" in lower case, by no
    name, beside member councils of one authority ("Bolton and Wigan councils ask combined authority for more bus
    cash"): the one such body those councils share; unchanged otherwise."""
    texts = tokens.texts
    if not any(texts[k] == "combined" and texts[k + 1:k + 2] in (["authority"], ["authority's"])
               for k in range(len(texts) - 1)):
        return out
    authority = _one_authority(out, members)
    if authority is None:
        return out
    return out + [CouncilEvidence(authority, "combined authority", True, '"combined authority" by no name, beside '
                                  "its member councils")]


def former_county_mayor(out: list[CouncilEvidence], tokens: Tokens,
                        successors: dict[str, frozenset[str]]) -> list[CouncilEvidence]:
    """`out` with an abolished county's name straight before "mayor" not counted where a council that succeeded it
    is counted: the county council never had a mayor, so "Cumberland leaders say a Cumbria mayor would cost too
    much" speaks of a mayor for the place its successors serve now; unchanged otherwise."""
    words = tokens.words
    counted = {e.code for e in out if e.counted}
    changed = list(out)
    for n, e in enumerate(out):
        if not e.counted or not successors.get(e.code, frozenset()) & counted:
            continue
        name = tuple(e.named.lower().replace("'", " ").split())
        if any(tuple(words[k - len(name):k]) == name for k, w in enumerate(words)
               if w in ("mayor", "mayoral") and k >= len(name)):
            changed[n] = CouncilEvidence(e.code, e.named, False, 'an abolished county before "mayor", beside a '
                                         "council that succeeded it: the place, not the council")
    return changed


_DECIDERS = frozenset({"councillors", "council", "planners"})


def councillors_decided(words: list[str]) -> bool:
    """A decision told as the councillors' ("…tower plan rejected by councillors"): beside a
    mayor who calls it in, the one member place named is the council whose councillors decided."""
    return any(w == "by" and (words[k + 1:k + 2] and words[k + 1] in _DECIDERS or
                              words[k + 1:k + 2] == ["the"] and words[k + 2:k + 3] and words[k + 2] in _DECIDERS)
               for k, w in enumerate(words))


def list_end(matches: list[NameMatch], n: int, words: list[str]) -> int:
    """Where the names joined by "and" from the `n`th on end: a service after the last of them is each one's
    ("London mayor funds Hackney and Tower Hamlets estate regeneration")."""
    end = matches[n].start + matches[n].length
    while n + 1 < len(matches) and words[end:end + 1] == ["and"] and matches[n + 1].start == end + 1:
        n += 1
        end = matches[n].start + matches[n].length
    return end


def county_mayor(out: list[CouncilEvidence], tokens: Tokens, members: dict[str, str],
                 counties: frozenset[str]) -> list[CouncilEvidence]:
    """`out` with a county named straight before "mayor" read as its combined authority's: a county council has a
    chairman, not a mayor, so "Lincolnshire mayor Andrea Jenkyns" and "Cambridgeshire mayor backs…" name the
    authority the county belongs to, not the county's council; unchanged where the county is in no authority."""
    words = tokens.words
    found = {e.code for e in out if e.counted}
    changed = list(out)
    for n, e in enumerate(out):
        authority = members.get(e.code)
        if not e.counted or e.code not in counties or authority is None:
            continue
        name = tuple(e.named.lower().replace("'", " ").split())
        if not any(tuple(words[k - len(name):k]) == name for k, w in enumerate(words)
                   if w == "mayor" and k >= len(name)):
            continue
        changed[n] = CouncilEvidence(e.code, e.named, False, "a county before \"mayor\": its combined authority's "
                                     "mayor, not the county council")
        if authority not in found:
            changed.append(CouncilEvidence(authority, e.named, True, "a county before \"mayor\": its combined "
                                           "authority's mayor"))
            found.add(authority)
    return changed


def joined_to_the_mayor(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with a member place refused as a place in its mayor's region counted where "and" joins it to the mayor
    before their shared verb or dispute ("West Midlands mayor and Solihull clash over bus depot"): the
    mayor and the council acting together, or against each other; unchanged otherwise. `out` holds one judgement
    per name of `matches` first."""
    words = tokens.words
    changed = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        end = match.start + match.length
        if e.counted or not e.why.startswith("a place in the region of the mayor") or match.start < 2 or \
                words[match.start - 1] != "and":
            continue
        after_mayor = words[match.start - 2] == "mayor" or any(
            m.person and m.start + m.length == match.start - 1 for m in matches)
        after = words[end] if end < len(words) else ""
        if after_mayor and (after in PLURAL_VERBS or after in DISPUTE_VERBS or tuple(words[end:end + 2]) in
                            DISPUTE_PHRASES):
            changed[n] = CouncilEvidence(e.code, e.named, True, f'joined to the mayor by "and" before their verb '
                                         f'("{after}"): the council acting')
    return changed
