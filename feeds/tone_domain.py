"""Local-government tone: a domain lexicon and phrase rules layered on VADER's general English.

VADER scores "Council issues section 114 notice" as neutral and "Council apologises after data
breach" as positive: it knows English, not local government. These rules know the sector's words
(section 114, commissioners, intervention, best value notice, special measures, inadequate,
ombudsman, judicial review, equal pay, data breach, strike…), the phrases that reverse them
("intervention ends", "special measures lifted", "cleared of wrongdoing", "strike called off"),
negation before a term ("not inadequate", "no fault", "without cuts"), and procedural news
(consultations, timetables, appointments), which is neutral whatever VADER thinks of its words.

Pure Python and regular expressions, no database: the feed parser's child process scores
headlines with it. Measured on `tests/data/tone/` by `make bench` (see README, Coverage).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# (phrase pattern, weight). Patterns are regular expressions over the lower-cased headline with
# punctuation other than £ % ' - turned to spaces; they match whole words. Reversals come first,
# so at one position a reversal wins over the term it contains.
REVERSALS: tuple[tuple[str, float], ...] = (
    (r"(?:exits?|exiting|leaves?|out of|emerges? from) (?:government |ministerial |statutory )?intervention", 1.0),
    (r"intervention(?: \S+){0,4} (?:ends?|ended|to end|is over|lifted|scaled back|withdrawn)", 1.0),
    (r"ends? (?:its |the )?(?:government )?intervention", 1.0),
    (r"commissioners (?:to )?(?:leave|depart|hand back|step back|withdrawn)", 1.0),
    (r"(?:hands?|handed) back (?:powers|control)", 0.9),
    (r"(?:special measures|best value notice|spending controls|improvement notice|section 114 restrictions)"
     r"(?: \S+){0,2} (?:lifted|removed|withdrawn|ended|ends|scrapped)", 1.0),
    (r"(?:lifts?|removes?|ends?) (?:\S+ ){0,2}(?:special measures|spending controls|best value notice)", 1.0),
    (r"(?:out of|exits?|leaves?) special measures", 1.0),
    (r"no longer (?:rated )?inadequate", 0.9),
    (r"cleared (?:of|by|over|after)|clears?", 0.9),
    (r"no (?:fault|wrongdoing|maladministration|case to answer|evidence of wrongdoing)", 0.9),
    (r"(?:judicial review|legal challenge|legal action|appeal|claim|bid)(?: \S+){0,2}"
     r" (?:dismissed|rejected|fails|failed|thrown out|refused|defeated|quashed)", 0.9),
    (r"(?:council|authority|borough) wins? (?:judicial review|legal challenge|court case|appeal|case)", 0.9),
    (r"(?:court|judge|inspector|tribunal|ombudsman) (?:backs|sides with|upholds) (?:the )?(?:council|authority|borough)", 0.9),
    # Others winning against the council is bad news for it: "Residents win judicial review over park sale".
    (r"(?:residents|campaigners|families|parents|tenants|protesters|developers?|claimants|workers|staff|unions?)"
     r" (?:win|won|wins) (?:\S+ ){0,2}(?:judicial review|legal challenge|court case|case|appeal|battle|fight|claim)", -1.0),
    (r"(?:ends?|lifts?|lifting|ending) (?:\S+ ){0,2}(?:section 114 restrictions|spending controls|spending freeze)", 1.0),
    (r"(?:strike|strikes|walkout|industrial action|dispute)(?: \S+){0,2}"
     r" (?:called off|averted|suspended|ends|ended|is over|resolved|settled)", 0.9),
    (r"(?:strike|industrial action) (?:is |was )?(?:off|averted)", 0.9),
    (r"(?:accept|accepts|accepted) (?:\S+ ){0,2}(?:pay )?(?:offer|deal)", 0.7),
    (r"(?:equal pay|claims|dispute)(?: \S+){0,2} (?:settled|resolved)", 0.7),
    (r"(?:homelessness|rough sleeping|deficit|debts?|waiting lists?|waiting times|backlog|emissions|crime|vacancies"
     r"|vacant shops|arrears|complaints|landfill|turnover|agency staff|sickness)(?: \S+){0,3} (?:falls?|fell|down"
     r"|drops?|cut|cleared|halved|reduced|shrinks?)", 0.8),
    # Cutting what is bad is good news: "food waste scheme cuts landfill by a third".
    (r"(?:cuts?|reduces?|reduced|halves|halved|slashes|slashed) (?:\S+ ){0,2}(?:landfill|emissions|carbon|waiting"
     r" (?:times|lists)|homelessness|rough sleeping|vacancies|debts?|fuel poverty|arrears|crime)", 0.8),
    # Bad things rising is bad news: "waiting list tops 20,000", "complaints hit five-year high".
    (r"(?:waiting lists?|complaints|arrears|debts?|deficit|overspend|homelessness|costs?|bills?)(?: \S+){0,4}"
     r" (?:tops?|hits?|reach(?:es)?|rises?|rose)", -0.9),
    (r"(?:balances?|balanced) (?:its |the )?(?:budget|books)", 0.9),
    (r"back (?:on track|in the black|to surplus)|returns? to surplus|on track", 0.7),
    (r"(?:clean|unqualified) (?:bill of health|audit|opinion)", 0.9),
    (r"(?:turns?|turned) (?:the )?corner", 0.8),
)

# Routine phrases whose words would otherwise read as bad news: a consultation that "closes on
# Friday", a tip "to close for maintenance", a scheme "under review".
NEUTRALISERS: tuple[str, ...] = (
    r"closes? (?:on|at|this|next|in|for comments)|(?:to )?close for (?:maintenance|repairs|refurbishment|christmas"
    r"|the holidays|a week|a day)|temporarily clos\w+",
    r"under review|to be redrawn|reviews? (?:use|its|the)",
    # Names and routine that read as verdicts: "fair funding review", "consultation opens",
    # "investment strategy", "officers recommend approval".
    r"fair funding(?: review| formula| reforms?)?|fairer funding|fair cost of care",
    r"(?:consultation|consultations|nominations|applications|registration|bookings|survey|voting|polls|ballot)"
    r" (?:opens?|opened|closes?|closed|open)",
    r"investment (?:strategy|plan|policy|programme|portfolio)|treasury management",
    r"recommends? (?:approval|refusal|that)|recommended for (?:approval|refusal)",
    r"opens? (?:a |its |the )?consultation|open days?|open evening",
)

NEGATIVE: tuple[tuple[str, float], ...] = (
    (r"section 114|s114|s 114", -1.2),
    (r"(?:effective |effectively )?bankrupt(?:cy)?|insolven\w*", -1.1),
    (r"financial emergency|exceptional (?:financial )?support|capitalisation direction", -0.9),
    (r"section 5 report|section 24 (?:report|recommendation)", -0.8),
    (r"best value (?:notice|inspection|review)", -1.0),
    (r"commissioners?", -0.9),
    (r"intervention|envoys?", -0.9),
    (r"special measures", -1.0),
    (r"inadequate", -1.0),
    (r"requires? improvement", -0.4),
    (r"improvement notice", -0.8),
    (r"maladministration|upholds? complaint|(?:finds|found) fault|at fault", -0.9),
    (r"ombudsman", -0.4),
    (r"judicial review|legal challenge|legal action|high court|tribunal|sued|lawsuit", -0.6),
    (r"equal pay", -0.7),
    (r"data breach|breach(?:es)?|cyber ?attack|ransomware|hack(?:ed|ers)?|leak(?:ed|s)?", -1.0),
    (r"strikes?|striking|walk ?out|walk(?:ed)? out|industrial action", -0.9),
    (r"no[- ]confidence", -0.9),
    (r"suspended|suspension|arrested|fraud|bribery|corruption|cover-? ?up|unlawful\w*|misconduct", -1.0),
    (r"bullying|harassment|toxic|dysfunctional|whistle-? ?blower", -0.9),
    (r"(?:investigation|investigated|investigates|investigate|probe|inquest|serious case review)", -0.7),
    (r"inquiry hears|inquiry finds|orders? (?:an )?inquiry", -0.8),
    (r"failings?|failures?|failed|fails|failing", -0.9),
    (r"fined|fines? of|penalty", -0.9),
    (r"(?:significant|serious) weakness(?:es)?|weak controls?|adverse opinion|disclaimed|qualified opinion", -0.9),
    (r"criticis\w+|condemn\w*|slam(?:s|med)?|damning|scathing|under fire|blasted|accused|blamed|attack(?:s|ed)?", -0.9),
    (r"furious|fury|anger|angry|outrage\w*|row over|backlash|protest\w*|botched|clash\w*|bitter|chaos|chaotic", -0.7),
    (r"apologis\w+|sorry", -0.6),
    (r"deficit|overspend\w*|black hole|shortfall|budget gap|funding gap|gap widens|overspent", -0.7),
    (r"(?:cuts?|axed?|axing|scrap(?:s|ped)?|slash\w*)(?: to)?", -0.7),
    (r"(?:to )?(?:close|closes|closing|closed|closure|closures|shut|shuts|shutting)", -0.7),
    (r"job losses|jobs? at risk|redundanc\w+|(?:cut|lose|shed) \d[\d,]* jobs", -0.9),
    (r"loses?|losses|lost|write-? ?off|writes off|wrote off", -0.8),
    (r"debts?|borrow(?:s|ing)? to", -0.5),
    (r"crisis|crisis-hit|struggling|troubled|cash-strapped|on the brink|run dry|run out", -0.9),
    (r"warns?|warning|threat(?:en|ens)?|risk of|at risk|fears?", -0.6),
    (r"mould|damp|disrepair|potholes?|missed (?:bin )?collections?|missed bins?", -0.5),
    (r"downgrade[sd]?|downgrading|c3|c4|(?:costs?|bills?|debts?|demand|spending|overspend|deficit|prices)"
     r" (?:soar\w*|rocket\w*|spiral\w*|surge\w*|double[sd]?|treble[sd]?)", -0.9),
    (r"homeless(?:ness)?|temporary accommodation|rough sleep\w*|b&bs?", -0.5),
    (r"(?:record|all-time) high|spiral\w*|balloon\w*", -0.3),
    (r"delays?|backlogs?|unsigned|waiting lists?", -0.5),
    (r"resigns?|resignation|quits?|steps? down amid|ousted", -0.5),
    (r"missed chances|missed warnings|failed to|unable to|refuses?|refused|rejects?|rejected", -0.7),
    (r"overturns?|called in|call-in", -0.4),
    (r"compensation|pays? £[\d.,]+[mbk]?n?|pay out|unfair dismissal|discrimination claim", -0.6),
    (r"(?:told|ordered|forced) to (?:repay|pay back|hand back)|misspent|paid (?:\S+ )?twice|slow to|left waiting", -0.9),
    (r"(?:reserves|cash|money)(?: \S+){0,2} (?:gone|exhausted|run out|running out|used up)|withdrawn", -0.7),
    (r"(?:recycling rates?|satisfaction|visitor numbers|footfall|attendance|collection rates?)(?: \S+){0,2}"
     r" (?:falls?|fell|drops?|dropped|down)", -0.8),
    (r"consultants?", -0.3),
    (r"concerns?|worried|worry", -0.5),
    (r"scandal\w*|blunder\w*|shambles|fiasco|u-? ?turn|mistakes?|errors?|hammered|plunges?", -0.8),
    (r"deaths?|died|abuse|neglect\w*|victims?|harm", -0.7),
    # Plain words for things going wrong.
    (r"piles? up|piling up|falls? behind|fallen behind|behind schedule|stall(?:s|ed|ing)?|pulls? out|pulled out", -0.7),
    (r"no (?:school )?places|without (?:school )?places", -0.8),
    (r"wait(?:s|ed|ing)? (?:\S+ ){0,3}(?:years?|months?)", -0.6),
    (r"arrears|unpaid|clawed back|claws? back|written off", -0.7),
    (r"morale|rock bottom|worst", -0.7),
    (r"cannot account|can't account|unaccounted|misses (?:\S+ )?deadline|missed (?:\S+ )?deadline", -0.8),
    (r"delayed|postponed|£[\d.,]+[mbk]?n? hole|hole in", -0.6),
    (r"only (?:\S+ ){0,2}days? a week|reduced (?:opening )?hours|shorter (?:opening )?hours", -0.7),
)

POSITIVE: tuple[tuple[str, float], ...] = (
    (r"awards?|award-winning|wins?|won|scoops?|crowned|named (?:council|team|\S+ of the year)|of the year", 0.9),
    (r"shortlisted|honou?red|recognised|recognition", 0.8),
    (r"outstanding", 1.0),
    (r"(?:rated|rates|rating|judged) (?:\S+ ){0,3}good|good by|upgrades?|upgraded", 0.9),
    (r"prais\w+|hail\w*|celebrat\w+|applaud\w*|commend\w*|welcomes?|success\w*", 0.8),
    (r"improv(?:es|ed|ing|ement|ements)|transform(?:s|ed)?|turnaround|recover(?:y|s|ed)", 0.5),
    (r"secures?|secured|lands £[\d.,]+[mbk]?n?|lands (?:\S+ ){0,2}(?:funding|grant|contract|award|deal)|unlocks?|boost\w*", 0.6),
    (r"saves? £[\d.,]+[mbk]?n?|saving £[\d.,]+[mbk]?n?|(?:visitor|visitors|footfall|passenger|passengers|numbers|satisfaction|recycling rates?)"
     r" (?:soar\w*|rise|rises|rose|climb\w*|up|double[sd]?)", 0.7),
    (r"investment", 0.3),
    (r"surplus|savings beat|beats? (?:target|national average)|ahead of schedule|record time", 0.8),
    (r"(?:record|best) (?:number|year|rate|levels?)|record-breaking|best in|tops?|climbs?|hits \d+%|hits target", 0.6),
    (r"frozen|freeze", 0.5),
    (r"milestone|thriving|good news|green light", 0.6),
    (r"opens?|opened|opening of|completed|complete|delivered|launch(?:es|ed)? free", 0.5),
    (r"new (?:homes|council homes|library|school|leisure centre|care home)", 0.25),
    (r"creates?|create [\d,]+ (?:new )?jobs|new jobs", 0.8),
    (r"(?:residents|public|voters|tenants|members) back", 0.7),
    (r"satisfaction|fair|model for|national model|ambitious|impressive|remarkable", 0.6),
    (r"settled|settlement agreed|agreement|deal agreed|agrees? (?:\S+ )?deal", 0.4),
    # Plain words for things going right.
    (r"handed over|hands? over|new (?:kitchens|bathrooms|windows|roofs|boilers|homes for)", 0.6),
    (r"reopens?|reopened|re-opens?|back into use|back to life", 0.7),
    (r"helps? (?:[\d,]+ )?(?:\S+ ){0,3}(?:into work|into jobs|into homes|off the streets)", 0.7),
    (r"ahead of target|beats? (?:its )?target|meets? (?:its )?target|on target", 0.8),
    (r"repays?|repaid|pays? off|paid off", 0.6),
    (r"finish(?:es|ed)|stabilis\w+|among (?:the )?(?:fastest|best)|fastest|best performing", 0.6),
    (r"saves? (?:money|time|\S+ time|lives)|succeeds|succeeded|faster than|quicker than", 0.7),
    (r"plants? [\d,]+ trees|trees planted|fills? (?:[\d,]+ )?(?:empty )?(?:units|shops|vacancies|posts)"
     r"|find jobs|given homes|housed|stay longer|buys? back homes", 0.7),
)

# Procedural news is neutral: its words carry no verdict, whatever VADER makes of "support" or "help".
PROCEDURAL: tuple[str, ...] = (
    r"consult(?:s|ing|ation|ations)?|survey|seeks? views|views on|have your say",
    r"timetable|dates?|deadline|next (?:week|month|tuesday|thursday)",
    r"appoints?|appointed|names? (?:new|interim)|new (?:chief|director|head|chair|leader|president|monitoring)"
    r"|interim|joins|to retire|to step down|steps? down at",
    r"to (?:consider|debate|decide|discuss|review|vote|meet|hold|explore|move|tender|set|receive)"
    r"|(?:cabinet|committee|full council|meeting|scrutiny|webcast|agenda|papers)",
    r"publish(?:es|ed)?|draft|proposals?|proposes?|proposed|options?|plans? for|sets? out|reveals?|update",
    r"elections?|by-election|nominations|polling|candidates|ward|boundar(?:y|ies)",
    r"webinar|podcast|interview|explained|what (?:the|it) \S+ means|key points|how much|who is",
    r"collection days|opening hours|bin collection|bank holiday|resurfacing|road closure|to change",
)
NEGATORS = frozenset({"not", "no", "never", "without", "nor", "isn't", "wasn't", "aren't", "won't", "didn't"})
POSITIVE_AT = 0.3
NEGATIVE_AT = -0.3
VADER_SHARE = 0.35  # VADER's part once the domain has spoken
PROCEDURAL_DAMPING = 0.3  # VADER's part when only procedural words matched
PROCEDURAL_WEIGHT = 0.7  # the domain's part when procedural words sit beside its terms
VADER_ALONE = 0.6  # VADER's part when no local-government word matched: its general English over-reads
                   # "care", "support" and "waste"
_CLEAN = re.compile(r"[^a-z0-9£%&'\- ]+")
_QUOTE = re.compile(r"(?<![a-z])'|'(?![a-z])")  # quotation marks, not the apostrophe in "children's"


@dataclass(frozen=True)
class Hit:
    """One rule that matched: its kind, the words it matched, and its weight (after negation)."""

    kind: str  # "reversal", "negative", "positive", "procedural"
    words: str
    weight: float
    negated: bool = False


@dataclass(frozen=True)
class ToneJudgement:
    """Why a headline has its tone: the score, the rule that decided, and each matched phrase."""

    tone: str
    score: float
    vader: float
    rule: str
    hits: tuple[Hit, ...]


def _alternation(patterns: list[tuple[str, str, float]], keep: set[int] | None = None) -> re.Pattern:
    """One regular expression of the rules (those in `keep`, if given), in priority order; the
    group name says which rule matched."""
    parts = [f"(?P<r{n}>{pattern})" for n, (_kind, pattern, _weight) in enumerate(patterns)
             if keep is None or n in keep]
    return re.compile(r"(?:" + "|".join(parts) + r")(?![a-z0-9])")


def _first_chars(items) -> set[str] | None:
    """The characters a parsed pattern can start with (None: any). Lets each word be tried only
    against the rules that can start with its first letter: a tenth of them, ten times faster."""
    from re import _constants as c, _parser  # noqa: F401  (the parser's node types)
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return chars | {chr(av)}
        if op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                else:
                    return None
            return chars
        if op is c.BRANCH:
            for branch in av[1]:
                found = _first_chars(list(branch))
                if found is None:
                    return None
                chars |= found
            return chars
        if op is c.SUBPATTERN:
            found = _first_chars(list(av[-1]))
            return None if found is None else chars | found
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            found = _first_chars(list(av[2]))
            if found is None:
                return None
            chars |= found
            if av[0] > 0:
                return chars
            continue
        return None
    return None


def _buckets(rules: list[tuple[str, str, float]]) -> dict[str, re.Pattern]:
    """For each first character, the alternation of the rules that can start with it."""
    from re import _parser
    starts = [_first_chars(list(_parser.parse(pattern))) for _kind, pattern, _weight in rules]
    letters = set().union(*(s for s in starts if s is not None)) | set("abcdefghijklmnopqrstuvwxyz0123456789£")
    keep = {ch: {n for n, s in enumerate(starts) if s is None or ch in s} for ch in letters}
    return {ch: _alternation(rules, rules_here) for ch, rules_here in keep.items() if rules_here}


_RULES: list[tuple[str, str, float]] = (
    [("reversal", p, w) for p, w in REVERSALS]
    + [("procedural", p, 0.0) for p in NEUTRALISERS]
    + sorted([("negative", p, w) for p, w in NEGATIVE] + [("positive", p, w) for p, w in POSITIVE],
             key=lambda rule: -len(rule[1]))  # longer phrases first, so a phrase beats its own word
    + [("procedural", p, 0.0) for p in PROCEDURAL])
_SCAN = _buckets(_RULES)
_WORD_START = re.compile(r"(?<![a-z0-9£'])[a-z0-9£]")


def normalise(text: str) -> str:
    """Lower case; curly quotes straightened; punctuation other than £ % & ' - as spaces."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    return " ".join(_QUOTE.sub(" ", _CLEAN.sub(" ", text)).split())


def domain_hits(text: str) -> tuple[Hit, ...]:
    """Every rule the headline matches, left to right, each phrase once (one scan of one regex)."""
    clean = normalise(text)
    hits: list[Hit] = []
    position = 0
    while (start := _WORD_START.search(clean, position)) is not None:
        scan = _SCAN.get(clean[start.start()])
        match = scan.match(clean, start.start()) if scan is not None else None
        if match is None:
            position = start.end()
            continue
        position = max(match.end(), start.end())
        kind, _pattern, weight = _RULES[int(match.lastgroup[1:])]
        words = match.group(0)
        negated = kind in ("negative", "positive") and _negated(clean, match.start())
        hits.append(Hit(kind, words, -weight if negated else weight, negated))
    return tuple(hits)


def _negated(clean: str, start: int) -> bool:
    """A negator in the two words before a term: "not inadequate", "no cuts", "without cutting"."""
    return any(word in NEGATORS for word in clean[:start].split()[-2:])


def judge(text: str, vader: float) -> ToneJudgement:
    """The tone of a headline from its domain hits and VADER's compound score for it."""
    hits = domain_hits(text)
    weighted = [hit for hit in hits if hit.kind != "procedural"]
    if weighted:
        domain = sum(hit.weight for hit in weighted)
        if len(weighted) < len(hits):
            domain *= PROCEDURAL_WEIGHT
        score = _clamp(domain + VADER_SHARE * vader)
        rule = "domain lexicon and phrase rules, with VADER's score as a tie-breaker"
    elif hits:
        score = PROCEDURAL_DAMPING * vader
        rule = "procedural news: neutral unless VADER is emphatic"
    else:
        score = VADER_ALONE * vader
        rule = "no local-government words: VADER's general-English score"
    tone = "positive" if score >= POSITIVE_AT else "negative" if score <= NEGATIVE_AT else "neutral"
    return ToneJudgement(tone, round(score, 4), vader, rule, hits)


def _clamp(value: float) -> float:
    return max(-1.0, min(1.0, value))
