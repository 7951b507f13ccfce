"""A council named by what its voters and members do to it, and names that are not the council
though they look as if they were. Each is read after the other rules have judged every name (`second_looks`; the
words that make a refused name its council after all are in `feeds.council_refused`):

- Who runs it: a place after "control of" or "overall control in" in an election's news ("Plaid Cymru wins control of
  Carmarthenshire", "SNP loses control of Dundee"), or straight after a party's election verb even when the party's
  name heads the text ("Plaid Cymru takes Gwynedd"), is its council; only a council has a party in control. So
  is a place a party's minority, administration or group is "in", or its rout ("SNP minority in
  Dundee collapses", "Tories wipe out in Essex"), and one joined to a partner it acts with (`feeds.council_partners`).
- A ward's by-election: "<place> by-election" is a parliamentary seat's unless the text names what only a council's
  has, a ward or one of many seats: "ward", "council", a seat in it ("gains seat in Basildon by-election"), the ward
  held or won after it ("Eastleigh by-election: Lib Dems hold Bishopstoke"), the ward it is "in" ("Sunderland
  by-election in Hetton"), or a listed town of the same council's area ("Arun by-election: Reform gains Bognor
  seat"). Westminster's are named by their constituency and say none of these ("Runcorn and Helsby by-election:
  Reform wins by six votes", "Tamworth by-election: Labour overturns majority").
- A district's own town beside its ordinary-word name: "Bexhill seafront works: Rother blames contractor", "Wealden
  backs Crowborough car park rise"; a river or a surname has no towns.
- An ordinary-word name opening the text after its label, as the subject of local-government news, is judged as if
  it opened the text ("SEND deficit: Surrey signs safety valve deal").
- A place at the head of the text buying property, even with an ordinary word's name or in a police station's news:
  only its council buys a town's stores, sites and buildings ("Reading buys former Debenhams store", "Thurrock buys
  former police station"); a club buys players.
- A council's own company (`feeds.council_companies`) is the council's news even in a company's or an institution's
  setting ("Croydon's Brick by Brick finally closed at a loss of £100m").
- A name refused as a body, institution or person of the place is its council before a council's service or power
  even when capitalised as a name ("Bradford Clean Air Zone raises £10m"), before a council's officer ("Former
  Northamptonshire finance chief struck off"), before bed-and-breakfast homes ("Homeless families in Southwark B&Bs"),
  or as a named scheme in its cabinet's, councillors' or scrutiny's news ("Barnsley Glass Works hailed as
  regeneration success by cabinet"); and wrongdoing "at" a place is its council's ("Fraud at Tower Hamlets: officer
  jailed"; not "fraud at Wigan charity", someone of the place).
- A place at the head of the text acting on licences, even an ordinary word's or in a crime's news, is the
  licensing authority ("Camden revokes nightclub licence after stabbing", "Westminster refuses licence for Soho club").
- A place at the head of the text acting on its roads is the traffic authority ("Reading introduces 20mph limits");
  a place a court, coroner or ombudsman judges is the public body: it "acted" ("Judge rules Cumberland acted
  unlawfully"), its decision is quashed ("Judge quashes Kent decision…"), or it is criticised over a council's matter
  ("Judge criticises Derby over child's care").
- A byword: a council named as what another hopes not to become ("We are not the next Croydon", "another Thurrock",
  "a second Woking") is the comparison, not the news, when another council is the news.
- A town's or parish's council "in" or "near" a place ("Parish council in Wyre village votes to keep precept"): the
  local council's, not the principal council's, unless the principal council is named too.
- A university or college named after a place, when the text speaks of "the city council" and names none ("University
  of Nottingham building sold to city council"): the council of its home (`learnings_city`).
- A member place straight before a combined authority's transport scheme, in the authority's own news ("West of
  England Combined Authority pauses Bristol mass transit study"): where the scheme runs, not its council.
"""
from __future__ import annotations

from feeds.council_companies import COUNCIL_COMPANIES
from feeds.council_context import confident, service_after
from feeds.council_kinds import SOMEONE_FROM
from feeds.council_partners import with_a_partner
from feeds.council_refused import (BUYING, COURTS, LICENSING, MISRULE, NATURE_BEFORE, PROPERTY, TRAFFIC,
                                   a_courts_party, acting, named_yet_the_council)
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_towns import towns_named
from feeds.council_words import PARTY_WORDS

_CONTROL = frozenset({"control", "controls"})
_ELECTION_TALK = PARTY_WORDS | frozenset({"overall", "majority", "election", "elections", "dems", "democrats",
                                          "cymru", "fein", "sdlp", "uup", "snp", "plaid", "hung", "coalition"})
_WINNING = frozenset({"takes", "took", "wins", "won", "gains", "gained", "seizes", "seized", "holds", "held",
                      "retains", "retained", "keeps", "kept", "loses", "lost", "take", "win", "gain", "hold",
                      "retain", "keep", "lose", "seize", "snatch", "snatches", "topples", "ousts"})
_PARTY_NAMES = PARTY_WORDS | frozenset({"dems", "democrats", "cymru", "fein", "sdlp", "uup", "party", "independents",
                                        "uk", "alba"})
# A party's hold on a council "in" a place, and its rout in one ("Tories wipe out in Essex").
_RULING = frozenset({"minority", "majority", "administration", "coalition", "group", "groups", "leadership"})
_ROUTED = frozenset({("wipe", "out"), ("wiped", "out"), ("wiping", "out")})
_WARD_WORDS = frozenset({"ward", "wards", "council", "councillor", "councillors", "cllr", "division"})
_BYWORD_BEFORE = (("the", "next"), ("another",), ("a", "second"), ("a", "new"), ("becoming",), ("become",))
_AFTER_WON = frozenset({"council", "from", "for", "after", "in", "with", "as", "on", "at"})
_LOCAL_COUNCILS = frozenset({"parish", "town", "community"})
_SCHEME_AFTER = frozenset({"mass", "metro", "tram", "trams", "tramway", "rapid", "busway", "rail", "railway", "line",
                           "link", "corridor", "transit"})
_AUTHORITY_NEWS = frozenset({"combined", "mayor", "mayoral", "authority", "ca", "cca"})
_COMPANIES = frozenset(tuple(name.split()) for name, _code in COUNCIL_COMPANIES)
_JOINING = frozenset({"by", "for", "of", "and"})  # lower-case inside a company's name ("Homes for Lambeth")
_ORDINARY = "an ordinary word without council context"  # the matcher's refusal of an ordinary-word name
_TRIGGERS = _CONTROL | BUYING | frozenset(name[-1] for name in _COMPANIES) | frozenset({
    "by", "byelection", "next", "another", "second", "new", "becoming", "become", "parish", "town", "community"}) | \
    _SCHEME_AFTER | _WINNING


def second_looks(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens,
                 members: dict[str, str]) -> list[CouncilEvidence]:
    """The judgements of `out` (one per name of `matches`, then any towns' councils) looked at again for the kinds
    this module's docstring tells; most texts have none of their words and pass through untouched."""
    words = tokens.words
    triggered = not _TRIGGERS.isdisjoint(words)
    if not triggered and all(e.counted for e in out):
        return out  # most texts: every name counted, and none of this module's words
    if not matches or len(out) < len(matches):
        return out
    judged = list(out)
    for n, match in enumerate(matches):
        e = judged[n]
        if e.counted:
            continue
        if e.named != " ".join(tokens.texts[match.start:match.start + match.length]):
            return out  # a rule before re-ordered the judgements: leave them as they are
        why = _recounted(match, tokens, e.why) or with_a_partner(n, matches, judged, tokens)
        if why is not None:
            judged[n] = CouncilEvidence(e.code, e.named, True, why)
    if not triggered:
        return judged
    for n, match in enumerate(matches):
        e = judged[n]
        if e.counted and e.named == " ".join(tokens.texts[match.start:match.start + match.length]):
            why = _not_the_news(match, tokens, judged, matches, members)
            if why is not None:
                judged[n] = CouncilEvidence(e.code, e.named, False, why)
    return judged


def _recounted(match: NameMatch, tokens: Tokens, e_why: str) -> str | None:
    """Why a name refused by the earlier rules (for `e_why`) is its council after all, or None."""
    words, i, end = tokens.words, match.start, match.start + match.length
    ordinary = e_why == _ORDINARY
    if match.length > 1 and tuple(words[i:end]) in _COMPANIES:
        return "a council's own company, named"  # "Croydon's Brick by Brick finally closed at a loss"
    if e_why.startswith("names a body or attraction") and (scheme := _councils_scheme(tokens, end)) is not None:
        return f'the place\'s own scheme by its proper name ("{scheme}")'  # "Medway's Rochester Riverside homes"
    if e_why.startswith("where the crime or court story") and (service := service_after(words, end)) is not None:
        return f'its service named ("{" ".join(service)}"), in a court\'s news'  # "Kent highways contractor fined"
    before = words[i - 1] if i else ""
    if i >= 2 and before in ("of", "in") and words[i - 2] in _CONTROL and not _ELECTION_TALK.isdisjoint(words):
        return f'the council a party controls ("control {before}")'
    party = i >= 3 and before == "in" and not _PARTY_NAMES.isdisjoint(words[max(0, i - 5):i - 2])
    if party and words[i - 2] in _RULING:
        return f'a party\'s {words[i - 2]} in it: who runs its council'  # "SNP minority in Dundee collapses"
    if party and (tuple(words[i - 3:i - 1]) in _ROUTED or words[i - 2] == "wipeout"):
        return 'a party\'s wipeout in it: its council\'s election'  # "Tories wipe out in Essex"
    if i >= 3 and before == "in" and words[i - 2] == "seats" and \
            not _PARTY_NAMES.isdisjoint(words[max(0, i - 6):i - 2]):
        return "a party's seats won or lost in it: its council's election"  # "Reform gains 12 seats in Barnsley"
    if i >= 2 and before in _WINNING and words[i - 2] in _PARTY_NAMES and \
            (end == len(words) or words[end] in _AFTER_WON):
        return f'a party winning or losing it ("{words[i - 2]} {before}")'  # "Plaid Cymru takes Gwynedd"
    seat = end + 1 if words[end:end + 1] == ["s"] else end
    if words[seat:seat + 2] == ["by", "election"] or words[seat:seat + 1] == ["byelection"]:
        return _a_wards_by_election(match, tokens, seat + (2 if words[seat] == "by" else 1))
    if i >= 2 and before == "of" and words[i - 2] in ("provost", "mayoress", "provosts"):
        return f'a civic head of its council before it ("{words[i - 2]} of")'  # "Provost of Fife honours volunteers"
    if i >= 2 and words[i - 2:i] == ["cyngor", "sir"]:
        return 'Welsh "Cyngor Sir", the county council, before it'  # "Cyngor Sir Powys to close schools"
    if e_why.startswith("names ") and not e_why.startswith("names a parliamentary"):
        why = named_yet_the_council(tokens, i, end, e_why)
        if why is not None:
            return why
    if e_why.startswith("where the crime") and i >= 2 and words[i - 1] == "at" and words[i - 2] in MISRULE and \
            words[end:end + 1] != ["s"] and not (end < len(words) and words[end] in SOMEONE_FROM):
        return f'the organisation the place has ("{words[i - 2]} at")'  # "Fraud at Tower Hamlets: officer jailed"
    if (ordinary or e_why.startswith("where the crime")) and i in (0, tokens.label) and acting(words, end) and \
            not LICENSING.isdisjoint(words[end + 1:end + 4]):
        return f'the licensing authority, acting ("{words[end]}")'  # "Camden revokes nightclub licence after stabbing"
    if ordinary and i in (0, tokens.label) and acting(words, end) and not TRAFFIC.isdisjoint(words[end + 1:end + 4]):
        return f'the traffic authority, acting ("{words[end]}")'  # "Reading introduces 20mph limits"
    if (ordinary or e_why.startswith("where ")) and not COURTS.isdisjoint(words[:i]):
        why = a_courts_party(words, i, end)
        if why is not None:
            return why
    if ordinary and tokens.label and i == tokens.label:
        why = confident(words[i:], 0, match.length)
        if why is not None and why.startswith("the subject"):
            return f"{why}, opening the text after its label"  # "SEND deficit: Surrey signs safety valve deal"
    if i in (0, tokens.label) and end < len(words) and words[end] in BUYING and \
            not PROPERTY.isdisjoint(words[end + 1:end + 7]) and (ordinary or e_why.startswith("where the")):
        return f'the body the place has, buying property ("{words[end]}")'  # "Reading buys former Debenhams store"
    if ordinary and match.length == 1 and before not in NATURE_BEFORE and acting(words, end) and any(
            town.code == match.code for town in towns_named(tokens) if abs(town.start - i) > 1):
        return "a town of its own area named beside it"  # "Bexhill seafront works: Rother blames contractor"
    return None


def _a_wards_by_election(match: NameMatch, tokens: Tokens, after: int) -> str | None:
    """Why "<place> by-election" (its words ending before `after`) is a council ward's, or None."""
    words, texts, i = tokens.words, tokens.texts, match.start
    if not _WARD_WORDS.isdisjoint(words):
        return "a by-election with a ward or council named"
    if i >= 2 and words[i - 2:i] == ["seat", "in"]:
        return 'a seat "in" the place\'s by-election: one of its council\'s'  # "gains seat in Basildon by-election"
    if words[after:after + 1] == ["in"] and after + 1 < len(words) and texts[after + 1][0].isupper():
        return "a by-election in a ward of the place"  # "Sunderland by-election in Hetton"
    for k in range(after, min(after + 5, len(words) - 1)):
        if words[k] in _WINNING and texts[k + 1][0].isupper() and words[k + 1] not in _PARTY_NAMES:
            return f'the ward held or won named ("{words[k]} {texts[k + 1]}")'  # "…: Lib Dems hold Bishopstoke"
    if any(town.code == match.code for town in towns_named(tokens)):
        return "a by-election with a town of the council's own area named"
    return None


def _not_the_news(match: NameMatch, tokens: Tokens, judged: list[CouncilEvidence], matches: list[NameMatch],
                  members: dict[str, str]) -> str | None:
    """Why a counted name is not its council's news after all, or None."""
    words, i, end = tokens.words, match.start, match.start + match.length
    if match.length > 1 and tuple(words[i:end]) in _COMPANIES and not tokens.shouting and \
            not all(text[0].isupper() for text, word in zip(tokens.texts[i:end], words[i:end]) if word not in _JOINING):
        return "ordinary words, not the council's company's name"  # "Bristol energy customers hit by price cap rise"
    others = [m for m, e in zip(matches, judged) if e.counted and m.code != match.code]
    if others and (words[end:end + 1] == [] or words[end] not in ("council", "councils", "borough", "city")) and \
            any(words[max(0, i - len(b)):i] == list(b) for b in _BYWORD_BEFORE):
        return "a byword for another council's fate, not the news"  # "'We are not the next Croydon'"
    if i >= 3 and words[i - 1] in ("in", "near") and words[i - 2] == "council" and words[i - 3] in _LOCAL_COUNCILS:
        return f'where a {words[i - 3]} council is, not the principal council'  # "Parish council in Wyre village"
    for m in matches:  # "Bristol-Bath mass transit": the scheme after names run together is each one's
        end = m.start + m.length if m.start == end else end
    if words[end:end + 1] and words[end] in _SCHEME_AFTER and not _AUTHORITY_NEWS.isdisjoint(words) and \
            (i == 0 or words[i - 1] not in ("and", "or", "with", "by")) and \
            any(m.code == members.get(match.code) for m in others):
        return "where its combined authority's scheme runs, not the council"  # "WECA pauses Bristol mass transit"
    return None


# What a council builds, lets or runs under a proper name of its own, a word or two after that name ("Gateshead's
# Quays offices", "Medway's Rochester Riverside homes", "Torbay's 'Clean Streets' litter campaign").
# Not "scheme": a scheme by a proper name after a place is a developer's or a charity's as often as a council's.
_SCHEMES = frozenset({"homes", "offices", "masterplan", "regeneration", "campaign", "estate"})


def _councils_scheme(tokens: Tokens, end: int) -> str | None:
    """The proper name after a place's possessive ending at `end`, when one of a council's schemes (`_SCHEMES`)
    follows it within two words, or None: the place's council's own scheme, not a body of its own."""
    words, texts = tokens.words, tokens.texts
    if words[end:end + 1] != ["s"]:
        return None
    k = end + 1
    while k < len(words) and texts[k][:1].isupper():
        k += 1
    if k == end + 1 or not any(w in _SCHEMES for w in words[k:k + 2]):
        return None
    return " ".join(texts[end + 1:k])
