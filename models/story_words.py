"""The words the story rule compares (`models.story_match`): telling words of a text as stems (Snowball's
English stemmer, first five letters: "warns" and "warned", "regulation" and "regulate"), the sector's
synonyms as one concept ("section 114", "bankrupt" and "broke"; "HQ" and "county hall"), and how much
each weighs (a figure or a proper name twice a word). Pure Python; every function is cached or cheap, as ingestion
calls them for each new item.
"""
from __future__ import annotations

import functools
import re

import snowballstemmer

from models.story_names import NOT_NAMES, names, opens_sentence, place_words

STEM = 5
SUMMARY_CHARS = 500  # a summary's opening says what the event is; the rest adds noise and cost
STOPWORDS = frozenset("""
a an the and or of to in on for at by with from as is are was were be been being it its this that these those
after over under into out up about than then new says said say will would could should may might can not no
more most very just also has have had his her their they them we our us who what how why when where which
council councils county city borough district local government authority authorities ministers minister
year years week weeks month months today yesterday first second third last next all some any each one two
three four five six seven eight nine ten make makes made get gets take takes could public report reports
""".split())
# Words that say the same thing in the sector's press: each maps to one concept.
SYNONYMS: dict[str, str] = {}
for _concept, _words in {
    "s114": "s114 section114 bankrupt bankruptcy insolvent insolvency broke bust spendfreeze",
    "quits": "quits quit resigns resign resigned resignation stepsdown stands down steps",
    "appoint": "appoints appointed appoint names named hires recruits recruit recruiting",
    "launch": "launches launched unveils unveiled publishes published sets out reveals revealed",
    "lga": "lga lggroup",
    "bailout": "bailout exceptional capitalisation efs lifeline capitalreceipts",
    "wins": "wins won scoops crowned",
    "strike": "strike strikes walkout walk",
    "jobs": "jobs job posts roles workforce staff redundancies redundancy",
    "cut": "cut cuts cutting shed sheds shedding axe axes axed lose losses loss reduce reduces",
    "homes": "homes home houses housing housebuilding dwellings flats",
    "buy": "buy buys buying bought purchase purchases purchased acquire acquires acquired acquisition",
    "bins": "bins bin binmen collection collections refuse rubbish waste",
    "audit": "audit audits auditor auditors audited unaudited",
    "close": "close closes closure closures closing shut shuts shutting",
    "approve": "approve approves approved backs backed agrees agreed greenlight goahead accept accepts accepted "
               "consent",
    "scrap": "scrap scraps scrapped drops dropped abandons abandoned uturn removes removal remove abolish abolished "
             "abolishes abolition cancel cancels "
             "cancelled cancelling ditch ditches ditched shelved shelves reverses reversed reversal overturns "
             "overturned reprieve reprieved",
    "rise": "rise rises rising increase increases up hike hikes",
    "borrow": "borrow borrowing borrowed loans loan lending lent",
    "children": "children childrens",
    "mayor": "mayor mayoral",
    "intervention": "intervention oversight assurance direction directions commissioners commissioner envoys envoy",
    "sell": "sell sells selling sold sale sales disposal disposals dispose disposing buyer onmarket",
    "freeze": "freeze freezes frozen unchanged staysput",
    "tourist": "tourist tourists tourism visitor visitors",
    "levy": "levy levies surcharge premium",
    "tram": "tram trams tramway lightrail masstransit",
    "apology": "apologises apologise apologised apology apologies sorry",
    "inspect": "inspection inspections inspector inspectors inspected ofsted cqc estyn",
    "rating": "rated rating ratings grade graded judged",
    "award": "award awards prize prizes accolade",
    "deal": "deal deals offer offers settlement agreement settle settles settled",
    "funding": "funding funded cash money grant grants",
    "send": "send specialneeds highneeds dsg ehcp ehcps",
    "ltn": "ltn ltns lowtraffic trafficfilter trafficfilters",
    "chiefexec": "chiefexec headofpaidservice boss bosses",
    "hq": "hq headquarters countyhall civiccentre",
    "tips": "tips tip householdwaste recyclingcentre recyclingcentres",
    "mall": "mall malls shoppingcentre shoppingcentres",
    "homeless": "homeless homelessness roughsleepers roughsleeping",
    "ban": "ban bans banned banning outlaws outlawed outlaw prohibits prohibited",
    "advert": "advert adverts advertising advertisements ads billboard billboards hoarding hoardings",
    "inhouse": "inhouse insource insourcing takeback takesback",
    "outsource": "outsource outsources outsourced outsourcing contractor contractors privatise privatised",
    "outage": "outage outages blackout systemsdown offline",
    "multiyear": "multiyear threeyear",
    "choose": "choose chooses chosen picks picked selects selected",
    "regen": "regen regeneration regenerate revamp revamped redevelopment redevelop overhaul",
    "fell": "fell felled felling chop chops chopped",
    "review": "review reviews reviewed scrutiny scrutinise scrutinised scrutinised",
    "coty": "coty",
    "joint": "joint shared share sharing partnership teamup",
    "criticise": "criticise criticises criticised criticism raps rapped slams slammed condemns condemned rebukes "
                 "rebuked reprimand reprimands reprimanded censure censured",
    "final": "final last",
    "writedown": "writedown writesdown impairment writeoff writesoff",
    "deficit": "deficit deficits overspend overspends overspending overshoot gap shortfall blackhole",
    "seafront": "seafront waterfront promenade",
    "parking": "parking carpark carparks",
    "venue": "venue venues arena arenas",
    "s151": "s151 financechief",
    "lgr": "lgr reorganisation",
    "probe": "probe probes investigation investigations inquiry",
    "demolish": "demolish demolished demolition bulldozed bulldoze razed",
    "open": "open opens opened opening",
    "survey": "survey surveys poll polls",
    "road": "road roads bypass highway highways pothole potholes",
    "suspend": "suspend suspends suspended suspension",
    "cyber": "cyber cyberattack cyberattacks ransomware hack hacked hackers hacking",
    "oust": "oust ousts ousted ousting topple topples toppled noconfidence",
    "supplier": "supplier suppliers provider providers",
    "foodwaste": "foodwaste caddy caddies",
    "oflog": "oflog",
    "ico": "ico",
    "ombudsman": "ombudsman lgsco",
    "rsh": "rsh",
    "peerchallenge": "peerchallenge",
    "ict": "ict computer computers",
    "online": "online digital website app",
    "satisfaction": "satisfaction happiness",
    "homecare": "homecare",
    "triple": "triple tripled treble trebled",
    "electric": "electric zeroemission",
    "fairfunding": "fairfunding redistribute redistribution redistributed",
    "reject": "rejects rejected rejection refuses refused refusal turneddown",
    "error": "error errors glitch glitches blunder blunders",
    "hmo": "hmo hmos",
    "monthly": "monthly fourweekly",
    # The parties by their everyday names, an emergency told as its flood or its evacuation, the
    # jobless told as a rate ("Lib Dems take Shropshire from Tories" is the Liberal Democrats winning it).
    "libdem": "libdem libdems",
    "conservative": "conservative conservatives tory tories",
    "flood": "flood floods flooded flooding burstbanks",
    "evacuate": "evacuate evacuated evacuation evacuations evacuees restcentre restcentres",
    "jobless": "jobless unemployment unemployed claimant claimants",
}.items():
    for _word in _words.split():
        SYNONYMS[_word] = _concept
_PHRASES = (("section 114", "section114"), ("s 114", "s114"), ("lg group", "lggroup"),
            ("local government association", "lga"), ("steps down", "stepsdown"), ("stands down", "stepsdown"),
            ("step down", "stepsdown"), ("effective bankruptcy", "bankruptcy"), ("effectively bankrupt", "bankrupt"),
            ("green light", "greenlight"), ("go-ahead", "goahead"), ("go ahead", "goahead"), ("u-turn", "uturn"),
            ("public works loan board", "pwlb"), ("children's services", "children"), ("social care", "children"),
            ("light rail", "lightrail"), ("mass transit", "masstransit"), ("special educational needs", "specialneeds"),
            ("special needs", "specialneeds"), ("high needs", "highneeds"), ("low-traffic", "lowtraffic"),
            ("low traffic", "lowtraffic"), ("traffic filter", "trafficfilter"), ("chief executive", "chiefexec"),
            ("head of paid service", "headofpaidservice"), ("chief finance officer", "financechief"),
            ("finance chief", "financechief"), ("finance director", "financechief"), ("section 151", "s151"),
            ("on the market", "onmarket"), ("on market", "onmarket"), ("up for sale", "onmarket"),
            ("stays put", "staysput"), ("stay put", "staysput"), ("county hall", "countyhall"),
            ("civic centre", "civiccentre"), ("household waste", "householdwaste"),
            ("recycling centres", "recyclingcentres"), ("recycling centre", "recyclingcentre"),
            ("shopping centres", "shoppingcentres"), ("shopping centre", "shoppingcentre"),
            ("rough sleepers", "roughsleepers"), ("rough sleeping", "roughsleeping"), ("in-house", "inhouse"),
            ("in house", "inhouse"), ("take back", "takeback"), ("takes back", "takesback"),
            ("systems down", "systemsdown"), ("multi-year", "multiyear"), ("three-year", "threeyear"),
            ("cut down", "chopped"), ("council of the year", "coty"), ("authority of the year", "coty"),
            ("team up", "teamup"), ("teams up", "teamup"), ("write down", "writedown"), ("writes down", "writesdown"),
            ("written down", "writedown"), ("black hole", "blackhole"), ("car parks", "carparks"),
            ("car park", "carpark"), ("planning permission", "approve"), ("outline consent", "approve"),
            ("placed on leave", "suspended"), ("put on leave", "suspended"), ("no-confidence", "noconfidence"),
            ("no confidence", "noconfidence"), ("spending freeze", "spendfreeze"), ("spending controls", "spendfreeze"),
            ("non-essential spending", "spendfreeze"), ("non-essential expenditure", "spendfreeze"),
            ("halts spending", "spendfreeze"), ("food waste", "foodwaste"), ("kitchen scraps", "foodwaste"),
            ("office for local government", "oflog"), ("information commissioner", "ico"),
            ("local government and social care ombudsman", "lgsco"), ("regulator of social housing", "rsh"),
            ("housing regulator", "rsh"), ("three years", "threeyear"), ("cyber attack", "cyberattack"),
            ("cyber-attack", "cyberattack"), ("capital receipts", "capitalreceipts"), ("financial emergency", "s114"),
            ("zero-emission", "zeroemission"), ("zero emission", "zeroemission"), ("fair funding", "fairfunding"),
            ("spending frozen", "spendfreeze"), ("essential spending", "spendfreeze"),
            ("essential expenditure", "spendfreeze"), ("regulate themselves", "self regulation"),
            ("sector-led improvement", "self regulation"), ("peer challenges", "peerchallenge"),
            ("peer challenge", "peerchallenge"), ("peer reviews", "peerchallenge"), ("peer review", "peerchallenge"),
            ("writes off", "writesoff"), ("write off", "writeoff"), ("written off", "writeoff"),
            ("care at home", "homecare"), ("home care", "homecare"), ("domiciliary care", "homecare"),
            ("wound up", "abolished"), ("snaps up", "buys"), ("snapped up", "bought"), ("turned down", "turneddown"),
            ("turns down", "turneddown"), ("stay flat", "staysput"), ("stays flat", "staysput"),
            ("not stand again", "stepsdown"), ("not seek re-election", "stepsdown"), ("to market", "onmarket"),
            ("houses in multiple occupation", "hmo"), ("shared houses", "hmo"), ("shared-house", "hmo"),
            ("four-weekly", "fourweekly"), ("four weekly", "fourweekly"), ("every four weeks", "fourweekly"),
            ("once a month", "fourweekly"), ("ehc plans", "ehcps"), ("ehc plan", "ehcp"),
            ("education, health and care plan", "ehcp"), ("funding formula", "fairfunding"),
            ("tourist tax", "tourist levy"), ("tourism tax", "tourist levy"),
            ("school taxis", "school transport"),
            ("school taxi", "school transport"), ("chief exec", "chiefexec"), ("top officer", "chiefexec"),
            ("most senior officer", "chiefexec"),
            ("lib dems", "libdems"), ("lib dem", "libdem"), ("liberal democrats", "libdems"),
            ("liberal democrat", "libdem"), ("bursts its banks", "burstbanks"), ("burst its banks", "burstbanks"),
            ("bursts banks", "burstbanks"), ("burst banks", "burstbanks"), ("rest centres", "restcentres"),
            ("rest centre", "restcentre"), ("emergency shelters", "restcentres"), ("emergency shelter", "restcentre"))
# The phrases in one pass, longest first where two start alike.
_PHRASE_TOKENS = dict(_PHRASES)
_PHRASE = re.compile("|".join(re.escape(p) for p in sorted(_PHRASE_TOKENS, key=len, reverse=True)))


def _phrase_token(match: re.Match) -> str:
    return _PHRASE_TOKENS[match.group()]


_CAPITALISED = re.compile(r"(?<![A-Za-z0-9'])[A-Z][A-Za-z0-9']*")
WORD = re.compile(r"[a-z0-9£%]+(?:[.,][0-9]+)*")


def concepts(text: str) -> frozenset[str]:
    """The telling words of a text: lower case, stop words out, five-letter stems, synonyms as one."""
    text = text.lower().replace("\u2019", "'")
    text = _PHRASE.sub(_phrase_token, text)
    out = set()
    for word in WORD.findall(text):
        word = word.replace(",", "")
        if word in STOPWORDS or len(word) < 2:
            continue
        out.add(concept_of(word))
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def concept_of(word: str) -> str:
    """The concept a lower-case word stands for: its sector synonym group, else its stem; a council's place name
    whose stem another place shares, whole ("cambridge" and "cambridgeshire", "southampton" and "southwark" are
    neighbours, not one place)."""
    return SYNONYMS.get(word) or (word if word in shared_stem_places() else stem(word))


@functools.lru_cache(maxsize=1)
def shared_stem_places() -> frozenset[str]:
    """The words of councils' place names longer than a stem whose stem another such word shares: "oxford" and
    "oxfordshire", "lincoln" and "lincolnshire", "northampton" and "northumberland"."""
    by_stem: dict[str, set[str]] = {}
    for word in place_words():
        if word.isalpha():
            by_stem.setdefault(stem(word), set()).add(word.removesuffix("s"))  # "highland" and "highlands": one
    return frozenset(w for words in by_stem.values() if len(words) > 1 for w in words if len(w) > STEM)


_STEMMER = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A lower-case word's stem, as the story rule compares words: Snowball's English stem, first five
    letters ("warns" and "warned" → "warn"); a figure as written ("£3.5m")."""
    if is_figure(word):
        return singular(word)[:STEM]
    return _STEMMER.stemWord(word)[:STEM]


def singular(word: str) -> str:
    """A short plural without its "s" ("huts" → "hut", "bans" → "ban"), which a five-letter stem keeps."""
    if 3 < len(word) <= STEM and word[-1] == "s" and word[-2] not in "su" and word[-2].isalpha():
        return word[:-1]
    return word


def weight(concept: str, proper: frozenset[str] = frozenset()) -> float:
    """Numbers and amounts (£760m, 3.2%, 117000) and proper names say more than words."""
    return 2.0 if concept in proper or is_figure(concept) else 1.0


@functools.lru_cache(maxsize=65536)
def is_figure(concept: str) -> bool:
    """Whether a concept is a figure (£760m, 3.2%, 117000)."""
    return any(ch.isdigit() for ch in concept)


def proper_stems(title: str, summary: str) -> frozenset[str]:
    """The stems of the names of title and summary (`models.story_names.names`) that are no council's
    place: a council's name is the same-council evidence already, and a place's name is shared by
    all of that council's news, where "Spode Works" or "Grenfell" is one matter's."""
    summary = summary[:SUMMARY_CHARS]
    found = set(names(title, summary))
    for match in _CAPITALISED.finditer(summary):  # the summary's names, sentence openers aside
        word = match.group()
        if not opens_sentence(summary, match.start()):
            found.add((word[:-2] if word.endswith("'s") else word).lower())
    places = place_words()
    return frozenset(stem(n) for n in found if len(n) > 3 and n not in places and n not in NOT_NAMES)
