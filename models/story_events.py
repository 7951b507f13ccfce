"""What kind of event a headline reports: the same-event evidence that the
story rule (`models.story_match`) weighs beside shared words.

- An event kind is a local-government event named by its usual words: a section 114 notice, a
  request for exceptional financial support, intervention (commissioners, oversight, assurance), a
  best value notice, a leader's resignation, an appointment, a death, a budget, an investigation, an
  award won, a shortlisting, a strike, a consultation, a court ruling, a data breach, a purchase, a
  reorganisation, a call-in, a service brought back in house, a devolution
  deal. Where an event has a beginning and an end (intervention, a strike, special measures, a
  s114's spending ban), words such as "exits", "ends", "lifted", "called off" or "no longer" make it
  its end: "strike" and "strike called off" are two events, "exits intervention" and "intervention
  ends" one. A section 114 beside a warning ("warns it may issue", "could go bust") is a warning of one,
  not the notice.
- Two headlines that each name event kinds, none in common, report different events (a section 114
  notice, then commissioners; a leader resigns, then a new one is named); two that share one, about
  the same council, report the same event.

The figures a headline gives are read in `models.story_figures`.
"""
from __future__ import annotations

import functools
import re

from models.story_courts import court_phrases, inspector_as_court
from models.story_readings import event_phrases
from models.story_event_words import EVENT_WORDS

# Kinds that are evidence of one event when both items report them, never of two: a council's purchase is
# often told as the thing coming "back in public hands", a reorganisation's steps as an approval or an
# appointment, so naming one beside another kind says nothing.
EVIDENCE_ONLY = frozenset({"insourcing", "reorganisation", "call in", "scheme ends"})
# Events with a beginning and an end, and the words that make a headline their end.
PHASED = frozenset({"intervention", "strike", "s114", "data breach"})
ENDING = ("exits", "exit", "ends", "ended", "end", "ending", "restores", "restored", "back online", "recovers", "recovered", "lifted", "lifts", "lift", "leave", "leaves", "leaving",
          "left", "depart", "departs", "departed", "departing", "pull out", "pulls out", "withdraws", "called off",
          "calls off", "call off", "suspended", "suspends", "averted", "scrapped", "withdrawn", "halt", "halts", "halted",
          "on hold", "emerges from", "emerged from", "taken out of", "regain", "regains", "regained", "no commissioners",
          "no longer", "stood down", "hands back", "handed back", "released from", "returns to", "back in control",
          "full powers", "paused", "freed", "free of", "out of intervention", "out of special measures",
          "out of government intervention", "out of commissioners", "avoids", "avoid", "avoided", "settled",
          "deal agreed", "deal reached", "ballot rejected", "step down", "stand down")
# Kinds that are steps of one event, never two different events: a budget gap, a section 114 and a
# request for exceptional support are one council's financial crisis told three ways; a shortlist and
# an appointment are one recruitment.
RELATED = (frozenset({"s114", "bailout", "budget gap"}), frozenset({"appointment", "shortlist"}),
           frozenset({"approval", "budget", "consultation", "devolution deal", "funding"}),
           frozenset({"audit", "investigation", "suspension"}), frozenset({"settlement", "strike ends"}),
           frozenset({"refusal", "scrapping"}), frozenset({"s114 ends", "bailout", "budget gap"}),
           frozenset({"s114 warning", "bailout", "budget gap"}), frozenset({"strike ballot", "strike"}),
           frozenset({"sale", "purchase"}))
# Ending words that, with no event named, say a scheme or service ends: it is scrapped ("clean air zone to end").
_SCHEME_ENDS = frozenset({"end", "ends", "ended", "ending"})
# Words just before (or after) a section 114 that make it a warning of one, not the notice: a council warning it
# may issue a notice and the notice issued days later are two events.
_WARNING = frozenset("warns warn warned warning warnings could might risk threat threatens brink verge facing faces "
                     "fears fear looms loom danger edge possible potential".split())
# Words that are an event's and also say a phased event ends ("commissioners depart": intervention ends).
_ALSO_ENDING = frozenset({"departs", "departure", "departed", "leaves", "left", "suspended", "suspends", "deal reached",
                          "deal agreed", "settlement", "settles", "settled", "scraps", "scrapped", "abandoned", "dropped",
                          "cancelled"})
# Beside a court's words, a decision's words are the court's ruling ("judge rejects challenge", "court backs
# council", "wins court case", "case dismissed"), not a council's refusal, approval, award or dismissal; a
# challenge brought and the ruling on it are two events.
_COURT_RULES = frozenset({"approval", "refusal", "award", "dismissal"})
# Phrases as word tuples by their first word, longest first: a text is read in one pass of its words.
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _kind, _words in (*EVENT_WORDS.items(), ("ends", "|".join(ENDING))):
    for _phrase in _words.split("|"):
        _BY_FIRST.setdefault(_phrase.split()[0], []).append((tuple(_phrase.split()), _kind))
for _list in _BY_FIRST.values():
    _list.sort(key=lambda entry: -len(entry[0]))
_TOKEN = re.compile(r"[a-z0-9]+")
_PHRASES = (("wins backing", "backed"), ("wins approval", "approved"), ("wins support", "backed"),
            ("wins appeal", "appeal won"), ("section 114", "s114"), ("s.114", "s114"), ("s 114", "s114"),
            ("re-elect", "re elect"),
            ("walk-out", "walkout"), ("cyber-attack", "cyberattack"), ("'s elected mayor", "'s mayor"),
            ("'s directly elected mayor", "'s mayor"),  # "Mansfield's elected mayor" is a person, not a deal
            ("information commissioner", "ico"), ("police and crime commissioner", "pcc"),  # not intervention's
            ("no s114", "avoids s114"), ("strikes off", "strikes called off"), ("strike off", "strike called off"))
# A council's words that are another event's in other senses: a deal struck is a deal agreed, not a strike; a gap
# that opens is a budget gap, not a building opened; a council asking Whitehall for help asks for a bailout.
_DEAL_STRUCK = re.compile(r"\b(?:strikes|strike|struck|striking) (?:a |an )?(?:new |fresh |pay |equal pay |last minute )?"
                          r"(?:deal|agreement|settlement)\b")
_GAP_OPENS = re.compile(r"\b(gap|hole|shortfall|deficit) (?:opens|opened|opening|widens|widened)(?: up)?\b")
# A budget a sum short or over ("housing budget almost £20m short", "£18m over budget") is a gap told in other words.
_BUDGET_SHORT = re.compile(r"\bbudgets? ((?:[\w'-]+ ){0,3}?)([£$€][0-9][0-9.,]* ?(?:bn|billion|m|million|k)?) (?:short|over)\b|"
                           r"([£$€][0-9][0-9.,]* ?(?:bn|billion|m|million|k)?) over budget\b")
_BUILDING_BLOCKS = re.compile(r"\b(tower|flats?|housing|office|residential|apartment|high-rise|high rise|accommodation|"
                              r"classroom) blocks?\b")  # buildings, not a refusal ("tower blocks to make way")
_FIGURE_GAP = re.compile(r"([£$€][0-9][0-9.,]*(?: ?(?:bn|billion|m|million|k))?) (?:funding |budget |spending )?gap\b")
_ASKS_HELP = re.compile(r"\b(?:asks?|asked|asking|seeks?|sought|seeking|turns? to|turned to|goes cap in hand to|"
                        r"appeals? to) (?:whitehall|the government|government|ministers|the treasury)"
                        r" for (?:[£$€][0-9][0-9.,]* ?(?:bn|billion|m|million|k)? )?"
                        r"(?:help|support|money|cash|a loan|a lifeline|a bailout)\b")
# A strike voted for (a ballot's result) is its own kind: a step of the dispute (`RELATED`, never two events by
# itself), but not the strike held, so "workers vote to strike" and "schools shut as teachers strike" share no event;
# "workers to vote on strike action" is the ballot.
_STRIKE_BALLOT = re.compile(r"\b(?:votes?|voted|voting|ballots?|balloted) (?:to|for|in favour of|on) (?:take )?"
                            r"(?:strike|strikes|industrial action|strike action|walkouts?|walk out|action)\b|"
                            r"\b(?:backs?|backed|backing|supports?|supported) (?:industrial|strike) action\b|"
                            r"\bstrike ballots?\b")
# Money won is funding, not an award: "Stoke wins £30m for Spode Works".
_FUNDING_WON = re.compile(r"\b(?:wins|won|secures|secured|awarded|handed|given|gets|lands|bags) (?:a |an extra |extra )?[£$€]")
_MONEY_WON = re.compile(r"\b(?:wins|won|secures|secured|gets|lands|bags|awarded|handed|given)(?: [a-z'-]+){0,3}? "
                        r"(?:cash|funding|money|grant|grants)\b")
# An election won is a (re-)election, not an award: "Fiaz wins second term", "Labour wins by-election".
_ELECTION_WON = re.compile(r"\b(?:wins|won|secures|secured) (?:a |an )?(?:second |third |fourth |fifth |new |further )?"
                           r"(?:term|re elect\w*|election|by election|by-election|seat|mandate)\b|"
                           r"\b(?:wins|won) (?:[a-z'-]+ ){0,3}?(?:mayoral|leadership|council) (?:race|contest|poll)\b|"
                           r"\b(?:wins|won) (?:[a-z'-]+ ){1,2}?(?:seat|ward)\b")
# A firm going bust is a provider's collapse, not a council's section 114 nor a building's collapse: "home care
# provider collapses" and "care secured after firm goes bust" are one event.
_FIRMS = r"(?:firms?|compan(?:y|ies)|providers?|operators?|contractors?|suppliers?|developers?|business(?:es)?)"
_FIRM_BUST = re.compile(rf"\b{_FIRMS}(?: has| have)? (?:goes|go|going|gone|went) (?:bust|under|into administration)\b|"
                        rf"\b{_FIRMS}(?:'s)? (?:collapses|collapsed|collapse)\b")
# Days or weeks from a section 114 is a warning of one ("'days from bankruptcy'"), not the notice.
_DAYS_FROM = re.compile(r"\b(?:days|weeks|hours|months) (?:away )?from\b")
# An appeal against a refusal names the refusal as its object ("appeal launched over rejected skyscraper"): the
# council's refusal is background, not a court's ruling.
_OVER_REFUSED = re.compile(r"\b(over|against) (?:the |a |an |its |their )?(?:rejected|refused|blocked|turned down)\b")
_DECIDED_APPEAL = re.compile(r"\b(?:wins|won|loses|lost|upheld|dismissed|allowed)\b")
# Approval won is approval, not an award: "Arsenal museum plan wins Islington's approval".
_APPROVAL_WON = re.compile(r"\b(?:wins|won|gets|secures|secured) (?:the |[a-z]+'s )?(?:approval|backing|support|nod)\b")
# Words that say a figure is approximate, joined by a hyphen ("near-10%") and still a figure.
_APPROX_HYPHEN = re.compile(r"\b(near|nearly|almost|around|about|over|under|up|circa|some)-(?=\d)")


_NAME_DIGITS = re.compile(r"([a-z])-(\d)")
_NOT_TEXT = re.compile(r"[^a-z0-9£$€%.,' ]+")


def clean_text(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    appeal_decided = bool(_DECIDED_APPEAL.search(text))  # before "wins appeal" is read as "appeal won"
    for phrase, token in _PHRASES:
        text = text.replace(phrase, token)
    if "£" in text or "$" in text or "€" in text:
        text = _FUNDING_WON.sub("funded £", text)
    if "cash" in text or "fund" in text or "money" in text or "grant" in text:
        text = _MONEY_WON.sub("funded", text)
    if "won" in text or "wins" in text or "secure" in text:
        text = _ELECTION_WON.sub("re elected", text)
    text = court_phrases(text)  # "wins discrimination claim", "refusal overturned": rulings
    if "approval" in text or "backing" in text or "support" in text or "nod" in text:
        text = _APPROVAL_WON.sub("approved", text)
    if "strik" in text:
        text = _DEAL_STRUCK.sub("agrees deal", text)
    if "gap" in text or "hole" in text or "shortfall" in text or "deficit" in text:
        text = _FIGURE_GAP.sub(r"\1 budget gap", _GAP_OPENS.sub(r"\1", text))
    if "short" in text or "over" in text:
        text = _BUDGET_SHORT.sub(lambda m: f"{m.group(1) or ''}{m.group(2) or m.group(3)} budget gap", text)
    if "block" in text:
        text = _BUILDING_BLOCKS.sub(r"\1 buildings", text)
    text = event_phrases(text)  # a care home's special measures, emergency help sought (`models.story_readings`)
    if "whitehall" in text or "government" in text or "ministers" in text or "treasury" in text:
        text = _ASKS_HELP.sub("government help", text)
    if "vote" in text or "ballot" in text or "back" in text or "support" in text:
        text = _STRIKE_BALLOT.sub("strikeballot", text)
    if "bust" in text or "administration" in text or "collapse" in text or "under" in text:
        text = _FIRM_BUST.sub("firm collapse", text)
    if "from" in text:
        text = _DAYS_FROM.sub("brink of", text)
    if ("over" in text or "against" in text) and not appeal_decided:
        text = _OVER_REFUSED.sub(r"\1", text)
    if "-" in text:
        text = _APPROX_HYPHEN.sub(r"\1 ", text)
        text = _NAME_DIGITS.sub(r"\1\2", text)  # "Covid-19" is a name, not a figure
    return _NOT_TEXT.sub(" ", text)


@functools.lru_cache(maxsize=8192)
def events(text: str) -> frozenset[str]:
    """The event kinds a text reports; a phased kind said to end is "<kind> ends"."""
    words = _TOKEN.findall(clean_text(text))
    kinds, ending, scheme_ends, i = set(), False, False, 0
    while i < len(words):
        length = 1
        for phrase, kind in _BY_FIRST.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase:
                if kind == "ends":
                    ending = True
                    scheme_ends = scheme_ends or words[i] in _SCHEME_ENDS
                else:
                    ending = ending or " ".join(phrase) in _ALSO_ENDING
                    kinds.add("s114 warning" if kind == "s114" and _WARNING & set(
                        words[max(0, i - 5):i + len(phrase) + 2]) else kind)
                    length = len(phrase)
                break
        i += length
    kinds = inspector_as_court(kinds, words, _COURT_RULES)  # "Inspector allows 190 flats": an appeal's ruling
    if kinds & {"court", "ruling"}:
        ruled = bool(kinds & (_COURT_RULES | {"ruling", "verdict"}))
        kinds = (kinds - _COURT_RULES - {"court", "ruling", "verdict"}) | {"court ruling" if ruled else "court"}
    kinds -= {"verdict", "none"}  # "loses", "finds", "cleared" without a court are no event of their own
    kinds = {"resignation" if kind == "dismissal" else kind for kind in kinds}
    found = {f"{kind} ends" if kind in PHASED and ending else kind for kind in kinds}
    if any(f"{kind} ends" in found for kind in PHASED):
        found.discard("suspension")  # "strike suspended" is the strike paused, not a person suspended
    if "strike ends" in found or "intervention ends" in found:
        found.discard("s114")  # "commissioners leave after the s114" is intervention ending, not a new s114
    if scheme_ends and not found:
        found.add("scheme ends")  # "Clean air zone to end in 2027": the scheme scrapped
    return frozenset(found)


def different_events(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name events and none is the same event or a step of it (see `RELATED`); kinds in `EVIDENCE_ONLY`
    count only when shared."""
    if not a or not b or a & b:
        return False
    a, b = a - EVIDENCE_ONLY, b - EVIDENCE_ONLY
    if not a or not b:
        return False
    return not any(x in family and y in family for family in RELATED for x in a for y in b)


def told_both_ways(title_events_a: frozenset[str], title_events_b: frozenset[str], text_a: str, text_b: str) -> bool:
    """Whether each headline's event is reported by the other item too: one event told two ways, each headline
    naming a different side of it ("Havering warns 'no route' to balanced budget" whose lead asks for exceptional
    support, beside "London borough asks for bailout again" whose lead gives the budget shortfall; "rated
    inadequate" / "put into special measures"). One side alone is not enough: a council's next step often dates
    the step before it ("days after its s114")."""
    return bool(title_events_a & events(text_b)) and bool(title_events_b & events(text_a))


def told_either_way(title_events_a: frozenset[str], title_events_b: frozenset[str], text_a: str, text_b: str) -> bool:
    """Whether one headline's event is reported by the other item: for items published within hours of each other
    (`models.story_evidence.SAME_HOURS`), one event's two sides ("leader ousted in group vote" beside "new leader for
    Tameside" whose lead says the group elected one). Days apart, one side alone is not enough (`told_both_ways`)."""
    return bool(title_events_a & events(text_b)) or bool(title_events_b & events(text_a))


@functools.lru_cache(maxsize=8192)
def as_evidence(kinds: frozenset[str]) -> frozenset[str]:
    """Event kinds as compared for one event: a scheme said to end is a scheme scrapped ("clean air zone to end",
    "charging zone to be scrapped")."""
    return frozenset("scrapping" if kind == "scheme ends" else kind for kind in kinds)


# A clause that dates an earlier event ("Oldham leader resigns weeks after surviving no-confidence vote"): that event
# is background, the headline's news is what comes before it.
_EARLIER = re.compile(r"\s(?:(?:\d+|a few|few|two|three|four|five|six|several|just) )?"
                      r"(?:days|weeks|months|years|a day|a week|a month|a year) (?:after|since)\s", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def headline_events(title: str) -> frozenset[str]:
    """The event kinds a headline reports as its news: not those of a clause dating an earlier event ("weeks after
    surviving a confidence vote")."""
    earlier = _EARLIER.search(title)
    return events(title[:earlier.start()] if earlier else title)

