"""Metro mayors beside their member councils: "the metro mayor" beside a member council is its combined
authority's, as is a county's mayor (`county_mayor`).

"Metro mayor and Manchester council fall out over tower": only a combined authority has a metro mayor (a regional
mayor), so one named by office beside the councils of one authority is that authority's, as a metro mayor named by
name is (`feeds.council_where.mayors_places`). Not when the councils named belong to no authority or to different
ones, nor when an authority is already found. Where a list of member places ends, so that a
service after the last ("… Hackney and Tower Hamlets estate regeneration") is each one's (`list_end`).
"""
from __future__ import annotations

from feeds.council_words import CouncilEvidence, NameMatch, Tokens

_OFFICE = (("metro", "mayor"), ("metro", "mayors"), ("regional", "mayor"), ("combined", "authority", "mayor"))


def metro_mayor(out: list[CouncilEvidence], tokens: Tokens, members: dict[str, str]) -> list[CouncilEvidence]:
    """`out` with the combined authority added when the text names a metro mayor by office and every council counted
    is a member of that one authority; unchanged otherwise."""
    words = tokens.words
    if not any(tuple(words[k:k + len(office)]) == office for k in range(len(words)) for office in _OFFICE):
        return out
    counted = {e.code for e in out if e.counted}
    authorities = {members.get(code) for code in counted}
    if not counted or len(authorities) != 1 or None in authorities or authorities & counted:
        return out
    authority = authorities.pop()
    return out + [CouncilEvidence(authority, "metro mayor", True, "a metro mayor beside its member council: the "
                                  "combined authority's")]


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
