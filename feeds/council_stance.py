"""A council named as the one that decided, by the words of a decision around its name.

A place named as the giver of a decision is its council acting, whatever else the text speaks of, a club's or an
institution's news included: "Stadium stand expansion wins approval from Rushcliffe", "Convention centre upgrade
scaled back by North Yorkshire" (a phrasal verb before "by", which `feeds.council_context.acts` reads only after a
one-word decision), and a place's stance as a noun after a preposition: "…wins City Hall approval after Merton
backing", "…presses ahead despite Westminster objections". A club or police force has fans and officers, not
approval or objections to give. "Westminster" as Parliament ("despite Westminster objections" in Holyrood's news) is
the strict names' usual trap, so a strict name counts so only beside another council found on its own words.

A stance won ("Rugby club secures Wandsworth backing for new stand", "… wins Kent approval", "… gets Sefton's green
light"), and
a decision a minister calls in or overturns, the place's label between ("Minister calls in Bristol harbourside flats
approval"): only a council's planning decision is called in. And a name that opens the clause after a label's
colon with a council's verb acts there, whatever the label names ("Arsenal training ground: Enfield approves new
pitches", "Old Pier Hotel site: Mid Devon signs sale agreement"; `after_label`), unless that clause is sport
news; and where that clause opens with a council's kind in lower case ("borough", "the council"), the one place the
label names is that council's ("Putney Pier: borough finishes repairs"), though the label names a thing, not a body.
"""
from __future__ import annotations

from feeds.council_kinds import BACKERS, SPEAKS
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import COUNCIL_VERBS, SPORT_RESULTS, STRICT

# A decision given "from" a body: "approval from", "the go-ahead from", "backing from".
_FROM = frozenset({"approval", "approvals", "backing", "consent", "permission", "blessing", "ahead", "nod",
                   "objection", "objections", "opposition", "veto"})
# A phrasal decision before "by": "scaled back by", "turned down by", "signed off by", "thrown out by".
_PHRASAL = frozenset({("scaled", "back"), ("cut", "back"), ("turned", "down"), ("voted", "down"), ("signed", "off"),
                      ("thrown", "out"), ("waved", "through"), ("called", "in"), ("pushed", "through"),
                      ("watered", "down")})
# A body's stance as a noun after its name: "after Merton backing", "despite Westminster objections".
_STANCES = frozenset({"backing", "approval", "objections", "objection", "opposition", "consent", "veto", "refusal"})
# and in two words, a decision's plain names: "wins Sefton's green light", "gets Enfield go-ahead".
_STANCE_PAIRS = frozenset({("green", "light"), ("go", "ahead")})
_BEFORE_STANCE = frozenset({"after", "despite", "amid", "following", "without", "with", "over", "against"})
# Verbs of winning a body's stance: "wins Salford approval", "secures Kent backing".
_WINS = frozenset({"wins", "won", "win", "secures", "secured", "secure", "gets", "got", "gains", "gained", "receives",
                   "received", "earns", "earned", "seeks", "sought", "needs"})
# Verbs of a minister or court undoing a council's decision: "calls in Bristol flats approval" (the decision
# within a few words of the name, the place's label between).
_UNDOES = frozenset({("calls", "in"), ("call", "in"), ("called", "in"), ("overturns",), ("overturned",),
                     ("quashes",), ("quashed",)})
_DECISIONS = frozenset({"approval", "approvals", "refusal", "decision", "permission", "consent"})


def decision_given(words: list[str], match: NameMatch) -> str | None:
    """Why the name at `match` is the body that gave a decision (for `/coverage explain`), or None."""
    start, end = match.start, match.start + match.length
    before = words[start - 1] if start else ""
    if before == "from" and start >= 2 and words[start - 2] in _FROM:
        return f'the body a decision came from ("{words[start - 2]} from")'
    if before == "by" and start >= 3 and (words[start - 3], words[start - 2]) in _PHRASAL:
        return f'the body that decided ("{words[start - 3]} {words[start - 2]} by")'
    stance = end + 1 if words[end:end + 1] == ["s"] else end  # "gets Sefton's green light"
    after = words[stance] if stance < len(words) else ""
    if before in SPEAKS and end == len(words):
        return f'the body speaking at the end of the text ("{before} {words[start]}")'  # "…, says Comhairle"
    if after in BACKERS and words[stance + 1:stance + 2] != ["by"]:
        return f'the body that {after} it ("{words[start]} {after}")'
    if (after in _STANCES or tuple(words[stance:stance + 2]) in _STANCE_PAIRS) and \
            (before in _BEFORE_STANCE or before in _WINS):
        stance_named = " ".join(words[stance:stance + 2]) if after not in _STANCES else after
        return f'the body whose stance follows its name ("{before} … {stance_named}")'
    if any(tuple(words[start - len(verb):start]) == verb for verb in _UNDOES if start >= len(verb)):
        decision = next((w for w in words[end:end + 4] if w in _DECISIONS), None)
        if decision is not None:
            return f'the body whose {decision} is called in or overturned'
    return None


_BIDS = frozenset({"bid", "bids"})
# What a place asks for in its own name, after its possessive and the words saying what it is for ("East Riding's
# coastal erosion plea"): like a bid, made by its council.
_ASKS = _BIDS | frozenset({"plea", "pleas", "request", "demand", "demands"})


def owns_bid(words: list[str], end: int) -> bool:
    """A bid follows the places named, ending at `end` ("Mayor backs Dudley and Walsall bid for Metro extension"): a
    bid is made by a council, so beside their metro mayor the places named are their councils, bidding; a possessive's
    bid or plea too, up to two words saying what it is for between ("Brabin backs Kirklees's bid for leisure
    funding", "Mayor backs Wirral's flood defence plea")."""
    if words[end:end + 1] == ["s"]:
        return any(w in _ASKS for w in words[end + 1:end + 4])
    return end < len(words) and words[end] in _BIDS


# A council's verbs after its name at the head of a clause ("approves", "signs"); not its nouns ("leader", "budget").
_CLAUSE_VERBS = frozenset(w for w in COUNCIL_VERBS if w.endswith("s") and w not in {"leaders", "councillors"}) | {
    "signs", "agrees", "awards", "buys", "sells", "grants", "orders", "halts", "pauses"}


def after_label(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with a name refused where it opens the clause after a label's colon, a council's verb after it, counted
    (see the module's docstring); unchanged otherwise. `out` holds one judgement per name of `matches` first."""
    words, start = tokens.words, tokens.clause
    if not start or not SPORT_RESULTS.isdisjoint(words[start:]):
        return out
    changed = list(out)
    labelled = [n for n, match in enumerate(matches) if match.start < start]
    if len(labelled) == 1 and len({m.code for m in matches}) == 1 and _kind_opens(tokens.texts, start):
        e, match = out[labelled[0]], matches[labelled[0]]
        if not e.counted and not match.region and tokens.words[match.start] not in STRICT:
            changed[labelled[0]] = CouncilEvidence(e.code, e.named, True, "the place the label names, and a council "
                                                   "by its kind opens the clause after its colon")
    for n, (e, match) in enumerate(zip(out, matches)):
        end = match.start + match.length
        if match.start == start and not e.counted and not match.region and words[start] not in STRICT and \
                words[end:end + 1] and words[end] in _CLAUSE_VERBS and tokens.texts[start][0].isupper():
            changed[n] = CouncilEvidence(e.code, e.named, True, f'opens the clause after a label\'s colon, acting '
                                         f'("{words[end]}")')
    return changed


# A council by its kind alone, in lower case, at the head of a clause: "borough", "the council", "city council".
_KINDS = frozenset({"borough", "council", "councillors", "district"})


def _kind_opens(texts: list[str], start: int) -> bool:
    """The clause from `start` opens with a council's kind in lower case, "the" or "city"/"borough" before it
    ("…: borough finishes works", "…: the council says", "…: borough council pauses")."""
    k = start + 1 if texts[start:start + 1] in (["the"], ["The"]) else start
    if texts[k:k + 1] in (["city"], ["borough"], ["district"]) and texts[k + 1:k + 2] == ["council"]:
        k += 1
    return k < len(texts) and texts[k] in _KINDS
