"""Two regions joined by "and" before the plural "mayors": "North East and Tees Valley mayors sign rail pledge".
The plural belongs to both names, so each is read as if "mayor" followed it: a region known only with its mayor
("North East mayor": the North East Combined Authority's, since "North East" alone is England's region, or a part
of a county's name) is the authority when another region's mayor is named with it."""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens

_MOST_WORDS = 3  # the longest region looked for on either side of "and" ("Liverpool City Region")


def mayors_joined(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                  codes: dict[tuple[str, ...], str], combined: frozenset[str]) -> list[CouncilEvidence]:
    """`out` with the combined authority of each region of "<region> and <region> mayors" that no name found covers
    added (counted), when the region with "mayor" is a name the matcher knows and the other region is a combined
    authority's too; unchanged otherwise."""
    words, texts = tokens.words, tokens.texts
    added = []
    for m, word in enumerate(words):
        if word != "mayors":
            continue
        for j in range(max(1, m - _MOST_WORDS), m - 1):
            if words[j] not in ("and", "&"):
                continue
            sides = [(k, j) for k in range(max(0, j - _MOST_WORDS), j)] + [(j + 1, m)]
            regions = {(k, stop): _authority(words[k:stop], codes, combined) for k, stop in sides}
            for (k, stop), code in regions.items():
                others = {c for (k2, _s), c in regions.items() if c and (k2 < j) != (k < j)}
                if code and others - {code} and all(t[:1].isupper() for t in texts[k:stop]) and \
                        not any(n.start < stop and n.start + n.length > k for n in matches) and \
                        code not in {e.code for e in added}:
                    named = " ".join(texts[k:stop])
                    added.append(CouncilEvidence(code, named, True, f'"{named}" beside "and … mayors": the '
                                                 "region's mayor, named with another's"))
    return out + added if added else out


def _authority(region: list[str], codes: dict[tuple[str, ...], str], combined: frozenset[str]) -> str | None:
    """The combined authority `region` names, alone or with "mayor" after it; None if it names none."""
    for key in (tuple(region), (*region, "mayor")):
        if codes.get(key) in combined:
            return codes[key]
    return None
