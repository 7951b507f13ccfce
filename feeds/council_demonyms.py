"""A place's people by their own name ("Scousers", "Brummies", "Geordies") in local government's news:
the council that taxes, collects from and serves them ("Scousers face council tax rise", "Brummies face bin strike
misery"). A demonym says nothing of a council alone ("Geordie comedian tours US", "Scouse band tops charts"), so it
counts only in a text that speaks of a council or names a service only a council runs, and names no council itself.
"Geordie" is Newcastle's (Tyneside's people beyond it are Gateshead's, North Tyneside's…, but the press's Geordie is
the city's), "Scouse" Liverpool's; a Londoner has a borough and the GLA, so is no one council's."""
from __future__ import annotations

from feeds.council_context import LOCAL_GOVERNMENT_ONLY, services_named
from feeds.council_nicknames import nicknames_named
from feeds.council_none import hall_people
from feeds.council_tokens import CouncilEvidence, Tokens

DEMONYMS = {
    "scouser": "LIV", "scousers": "LIV", "scouse": "LIV", "liverpudlian": "LIV", "liverpudlians": "LIV",
    "geordie": "NET", "geordies": "NET", "brummie": "BIR", "brummies": "BIR", "mancunian": "MAN", "mancunians": "MAN",
    "glaswegian": "GLG", "glaswegians": "GLG", "mackem": "SND",
    "mackems": "SND", "aberdonian": "ABE", "aberdonians": "ABE", "dundonian": "DND", "dundonians": "DND",
    "cardiffians": "CRF", "brightonians": "BNH", "bristolians": "BST", "sheffielders": "SHF", "loiners": "LDS",
}
_COUNCIL_SAID = frozenset({"council", "councils", "councillors", "cllr"})
# A decision only a council makes, straight after the nickname or people's name, in
# local-government news ("The Granite City approves beach masterplan"); not a club's verbs ("appoints", "cuts").
_DECIDES = frozenset({"approves", "adopts", "consults", "scraps", "freezes", "borrows", "overspends", "submits",
                      "proposes", "approve", "adopt", "consult", "scrap", "freeze", "borrow", "submit", "propose"})


def _decides_after(tokens: Tokens, named: str) -> bool:
    """A council's decision follows `named` (as written) in a text with a local-government word."""
    words, size = tokens.words, len(named.split())
    if LOCAL_GOVERNMENT_ONLY.isdisjoint(words):
        return False
    return any(" ".join(tokens.texts[k:k + size]) == named and words[k + size:k + size + 1] and
               words[k + size] in _DECIDES for k in range(len(words)))


def demonyms_council(tokens: Tokens) -> list[CouncilEvidence]:
    """The council of the one place whose people a text names by their own name, capitalised, when the text speaks of a
    council, names a council's service ("Scousers face council tax rise") or its people by its building ("town hall
    chiefs"), or [] (the caller asks only when no council counted)."""
    words, texts = tokens.words, tokens.texts
    found = {DEMONYMS[w]: texts[k] for k, w in enumerate(words) if w in DEMONYMS and (tokens.shouting or
                                                                                 texts[k][0].isupper())}
    found |= nicknames_named(tokens)  # "Pompey council's solar farm"
    said = not _COUNCIL_SAID.isdisjoint(words) or " local authority " in f" {' '.join(words)} "
    if len(found) != 1 or (not said and not services_named(words) and not hall_people(words)
                           and not _decides_after(tokens, next(iter(found.values())))):
        return []
    (code, named), = found.items()
    return [CouncilEvidence(code, named, True, f'the people or the nickname of the place ("{named}"), in a text '
                            "that speaks of a council or its services")]
