"""Councils listed together share one verdict: "Dundee, Angus and Perth and Kinross's shared incinerator hit
by fire" tells of a plant the three councils run together, so where one name of the list counts as its council, the
others that a story's or another body's setting refused as the scene ("where the incident happened": often the
last, nearest the incident's word) count too. A list is one subject; its members do not split between the councils
acting and the scene."""
from __future__ import annotations

from feeds.council_context import listed_with
from feeds.council_tokens import CouncilEvidence, NameMatch

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
