"""The vocabulary of the `mentions` relevance rule (`models.relevance`): what councils run and do, in
the sense that makes a local paper's item council news, and the words of the other news it brings.

A local paper's "Bin collections go fortnightly", "Gritters ready for first frost" or "Library
opening hours cut" names no council and says no "council", yet is its council's news: councils in
England, Wales, Scotland and Northern Ireland run the bins, the roads, parking, libraries, planning,
social care and the rest (`SERVICES`). Each service carries the words that give its phrase another
sense ("parking charges" at a hospital are the NHS's; a care home the CQC inspects is a private
one's), and a service that is also a place ("library", "car park", "leisure centre") speaks of the
council only when the item reads as nothing else (a stabbing in a car park is crime news).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words that make a headline naming a place read as local government (so the place is its council).
LOCAL_GOVERNMENT_WORDS = frozenset("""
mayor mayors mayoral authority authorities combined cabinet budget budgets overspend deficit tax s114
bankrupt bankruptcy insolvent commissioners intervention ombudsman unitary reorganisation devolution
election elections ward wards scrutiny consultation planning bins bin recycling libraries library
leisure potholes parking regeneration masterplan homelessness housing homes estate care children
civic executive services levy unitaries savings posts licensing landlords landlord planners
""".split())
# Of those, the words that crime, weather and people's stories use too ("Burglars target homes",
# "Children rescued from flood"): they make an item local government only without off-topic words.
SHARED_WORDS = frozenset("""homes estate care children services housing scheme schemes funding fund grant grants bid
plan plans proposal proposals vote votes approved approves approve decision policy strategy contract repairs
tenants school schools roads road traffic cycle lanes parks trees toilets market markets jobs staff
approves agrees backs rejects scraps sets cuts axes freezes raises declares consults unveils appoints
overspends borrows""".split())
LOCAL_GOVERNMENT_WORDS = LOCAL_GOVERNMENT_WORDS | SHARED_WORDS

# Of local government's own words, a council's places where other news happens too ("Man stabbed in
# leisure centre car park"): beside a place's name, they count only without off-topic words.
PLACE_SERVICE_WORDS = frozenset("""leisure library libraries parking""".split())
# Beside a council found by its place's name, what a council (and no other body of the place) has or
# does: its leader, its debts and borrowing ("Bradford's new leader vows to end bailout"). Only the
# relevance rule reads these; the council finder keeps its own words.
PLACE_GOVERNMENT_WORDS = frozenset("""leader leaders debt debts borrow borrowing finances bailout rate rates apologises
apologise apologised apology auditor auditors fourdayweek""".split())  # its external auditor, its
# staff's four-day week (one word in `models.relevance`'s reading: "South Cambridgeshire keeps four-day week")
# …and what a council does that others' news also says ("Bolton to fine fly-tippers", "Blackpool to
# demolish car park", "Kirklees apologises"): local government only without off-topic words.
PLACE_ACTS = frozenset("""fine fines demolish demolition dim restore
restores ban bans charge charges sell sells buy buys introduce introduces build builds consult upgrade fares
franchising buses bus rent tenants mould mouldy damp residents administration inspection inspectors ofsted""".split())
# Local-government words that other news uses as much (student housing, the housing market): beside a
# place's name, local government's only without off-topic words. Only the relevance rule reads these.
RELEVANCE_SHARED_WORDS = frozenset({"housing"})

# What a local paper's feed also brings: each word says which kind of non-council news an item is.
OFF_TOPIC_WORDS = {
    "crime or court": """police jailed jail prison sentenced charged arrested arrest trial jury murder stabbing
        stabbed shooting shot burglary burglaries burglar burglars robbery assault drugs cannabis fraudster
        guilty inquest missing theft stolen gang knife raid raids convicted""",
    "weather": """weather snow rain storm storms flood floods flooding heatwave fog thunderstorms temperatures
        hottest coldest frost gales wind winds""",
    "sport": """fc afc rfc ccc derby goal goals try tries striker coach manager squad promoted promotion relegated
        relegation cup league premiership championship rugby cricket football golf darts boxing fans stadium
        season midfielder winger prop sign signs signed boss""",
    "travel": """crash collision motorway lorry rail train trains flights flight ferry airport passengers delays""",
    "health": """hospital hospitals nhs gp ambulance dentists dental a&e patients""",
    "business": """restaurant firm shop supermarket pub bakery store retailer prices dealership""",
    "people and events": """rescued tributes tribute dies died killed blaze lottery festival concert theatre
        university students charity fundraising rspca foodbank foodbanks volunteers""",
    "arts and culture": """review gig exhibition musical panto pantomime premiere album comedy comedian band
        orchestra opera ballet gallery museum film""",
}
# More of them, which only the relevance rule reads (the council finder reads `OFF_TOPIC_WORDS` as it is).
MORE_OFF_TOPIC_WORDS = {
    "crime or court": "abuse arson thieves thief steal steals mugged fraud magistrates magistrate",
    "business": """employer employers shipyard studio factory steelworks takeaway brewery hotel company thru investors
        investor chain shopping mall""",  # "Lakeside shopping centre in Thurrock unveils revamp"
    # incidents ("Lightning strike sets Northampton house ablaze", "Burst pipe leaves Dundee homes without water")
    "people and events": """birthday wedding weddings vigil hosts hosted hosting fire fires ablaze lightning explosion
        burst leak powercut powercuts outage evacuated evacuation""",
    "health": "measles norovirus outbreak vaccine vaccination jabs ukhsa",
    "sport": "stand",
    "arts and culture": "cathedral minster spire abbey choir carols",
    "national politics": "mp mps parliament westminster",
    "education": "nursery nurseries academy academies childminder headteacher teacher teachers",
}
OFF_TOPIC = {word: kind for listed in (OFF_TOPIC_WORDS, MORE_OFF_TOPIC_WORDS) for kind, words in listed.items()
             for word in words.split()}


@dataclass(frozen=True)
class Service:
    """A council service or act: the phrases that name it, the words that give them another sense, and
    whether it is also a place where other news happens (then an off-topic word vetoes it, unless the
    item changes the service: `SERVICE_CHANGES`)."""

    name: str
    phrases: tuple[str, ...]
    other_sense: frozenset[str] = frozenset()
    place: bool = False


def _service(name: str, phrases: str, other_sense: str = "", place: bool = False) -> Service:
    """A `Service` from comma-separated phrases and space-separated other-sense words."""
    return Service(name, tuple(p.strip() for p in phrases.split(",") if p.strip()),
                   frozenset(other_sense.split()), place)


SERVICES = (
    _service("bins and recycling", """bin collection, bin collections, bins, wheelie bin, wheelie bins, bin strike,
             brown bin, blue bin, green bin, black bin, grey bin, purple bin, bin day, bin subscription, bin rounds,
             bin lorry, binmen, bin men, bin crews, bin workers, missed bins, missed collections, refuse workers,
             refuse collectors, recycling, recycling centre, recycling centres, household waste, food waste, garden
             waste, green waste, bulky waste, waste collection, waste collections, refuse collection, refuse
             collections, fly tipping, fly tippers, fly tipper, tip closures, tip closure, tips to close, tip to
             close, tip opening, tip charges, household tip, household tips, street cleaning, litter picking, dog
             fouling, dog wardens, littering, litter louts, litter fines""", "charity"),
    _service("roads and highways", """potholes, pothole, road repairs, resurfacing, resurfaced, highways, gritters,
             gritter, gritting, grit bins, salt bins, street lights, street light, street lighting, streetlights,
             20mph, traffic filters, traffic filter, traffic calming, speed bumps, speed humps, low traffic, ltn,
             ltns, clean air zone, bus lane, bus lanes, school streets, pedestrianise, pedestrianised,
             pedestrianisation, verges, grass cutting, blue badge, blue badges, bus franchising, bus passes, bus
             pass, concessionary""", "national england"),
    _service("parking", """parking charges, parking charge, parking fees, parking permits, parking permit, parking
             fines, parking zones, parking zone, parking tickets, parking wardens, parking enforcement, car park
             charges, residents parking, free parking, pay and display, double yellow lines, parking meters, parking
             meter, parking machines, parking bays, parking restrictions, parking spaces, residents permits, resident
             permits, residents permit, resident permit""",
             "hospital hospitals nhs patients airport station stations supermarket retail"),
    _service("cycle lanes", "cycle lane, cycle lanes, cycleway, cycleways, bike lane, bike lanes", place=True),
    _service("car parks", "car park, car parks, multi storey", "hospital hospitals nhs airport station", place=True),
    _service("libraries and leisure", """library, libraries, leisure centre, leisure centres, swimming pool,
             swimming pools, lido, community centre, community centres, youth centre, youth club, youth clubs,
             youth services, public toilets, beach huts, allotments, allotment, playground, playgrounds, play park,
             play parks, country park, parks, free swimming""",
             "university school hotel private theme business retail holiday", place=True),
    _service("planning", """planning permission, planning application, planning applications, planning committee,
             planning inspector, planning appeal, planning officers, planning rules, planners, local plan, green
             belt"""),
    _service("planning decisions", "planning", "family wedding financial", place=True),
    _service("licensing", """licensing, taxi licences, taxi drivers licences, selective licensing, hmo, hmos,
             short term lets, short term let, licence revoked, licence suspended, licence review, premises licence,
             alcohol licence""", "tv driving dvla"),
    _service("council tax and rates", """business rates, district rate, domestic rates, rates bill, rates bills,
             band d, section 114, s114, budget gap, exceptional financial support, precept""", "police crime"),
    _service("housing and homelessness", """social housing, homelessness, homeless, homeless families, temporary
             accommodation, housing waiting list, housing list, rough sleepers, rough sleeping, housing repairs,
             damp and mould""", "charity fire fires blaze ablaze explosion"),  # "Family left homeless by fire"
    _service("social care", """social care, adult social care, care package, care packages, social workers, social
             worker, foster carers, fostering, care leavers, children's services, childrens services, children's
             centres, childrens centres, family hubs, day centres, meals on wheels, home care, care charges,
             domiciliary care""", "private"),
    _service("public health", "director of public health, public health director, public health team"),
    _service("care homes", "care home, care homes", "cqc private inspectors inspection rated owner owners firm",
             place=True),
    _service("schools and send", """school transport, school places, school place, school admissions, special
             educational needs, ehcp, ehcps""", "private"),
    _service("school closures", "school closures, school crossing, lollipop", "private", place=True),
    _service("trading standards and environmental health", "trading standards, environmental health"),
    _service("cemeteries", "cemetery, cemeteries, crematorium, crematoria, bereavement services", place=True),
    _service("markets", "market hall, indoor market, market traders, market stalls", "christmas", place=True),
    _service("elections", """local elections, local election, by election, by elections, mayoral election, polling
             stations, polling station, electoral register, polling staff, polling day, polling cards, poll cards,
             postal votes, postal vote, voter id, ballot papers, ballot box, ballot boxes, returning officer,
             electoral services""",
             "mp mps parliament westminster commons constituency general"),
    _service("council politics", """labour group, conservative group, tory group, lib dem group, liberal democrat
             group, independent group, reform group, green group, ruling group, ruling coalition, opposition group,
             cabinet member, cabinet members, portfolio holder, scrutiny committee, scrutiny panel"""),
    _service("local government", """regeneration, masterplan, devolution deal, devolution deals, reorganisation,
             unitary, unitaries, overspend, overspends, overspending""", "nhs trust police army"),
    _service("intervention", """commissioners, lead commissioner, best value notice, best value inspection, best
             value duty, capitalisation direction, capitalisation directions, improvement and assurance board""",
             """police crime children childrens information victims victim older eu european equality rights
             fire church crown gambling commission charity charities revenue customs forestry lighthouse"""),
    # the children's, information or victims' commissioner is a national one; the Church Commissioners a church's
    _service("ombudsman", "ombudsman", """financial health pensions legal police prisons probation energy
             parliamentary bank banks insurance insurer"""),  # the Local Government or Housing Ombudsman's
    _service("savings", """save money, save cash, cost cutting, money saving, savings plan, budget cuts, spending
             cuts""", place=True),
    _service("emergencies", "rest centre, rest centres, sandbags, sandbag, emergency accommodation"),
)

# "SEND" (special educational needs) in capitals, not the verb.
SEND = re.compile(r"\bSEND\b")
# A plan decided on: planning news, told without the word ("Plans for 3,000 homes approved").
_BUILT = r"(?:plans?|homes?|houses|flats|development|developments|estate|extension|scheme)"
PLAN_DECIDED = re.compile(
    rf"\b{_BUILT}\b.*\b(?:approved|refused|rejected|granted|thrown out|go ahead|green light|backed|blocked|"
    rf"turned down)\b|\b(?:approves?|backs?|rejects?|refuses?|refusal of|throws out|blocks?|grants?|turns down)"
    rf"\b.*\b{_BUILT}\b|"
    r"\b(?:go ahead|green light) for\b|\bplans? for [0-9][0-9,]* homes?\b")
# A council word that is only an address or a former member: "assault on Sheffield council estate",
# "Ex-councillor's son jailed", "Former council house sells for £2m" are not the council's news.
AFTER_A_COUNCIL_WORD = frozenset({"estate", "estates", "house", "houses", "flat", "flats", "home"})
BEFORE_A_COUNCIL_WORD = frozenset({"former", "ex", "retired", "late", "disgraced"})

# A service phrase followed by one of these is another's business: "recycling firm fined", "parking
# company", "care home owner jailed".
OWNERS = frozenset({"firm", "firms", "company", "companies", "plant", "plants", "business", "businesses", "boss",
                    "bosses", "owner", "owners", "operator", "operators"})
# A council word or mayor followed by "'s" and one of these is a person's story: "Ex-councillor's son jailed".
PRIVATE_LIFE = frozenset({"son", "sons", "daughter", "daughters", "wife", "husband", "partner", "mother", "father",
                          "brother", "sister", "family", "garden", "home", "house", "dog", "car", "birthday"})

# What a council does to a service that is also a place: with one of these, the place is the news even
# beside off-topic words ("Library saved by volunteers", "Pool to close after flood damage").
SERVICE_CHANGES = frozenset("""close closes closed closure closures closing shut shuts reopen reopens reopened
reopening save saved cuts axed axe hours charges fees refurbishment revamp consultation scrapped threat
threatened""".split())
# The kind of news in which even a service that is no place is only a setting ("Fly-tipper
# jailed", "Gritter driver charged"); weather, travel and health news may be a service's ("Rest centres
# opened as floods hit", "Social care delays keep patients in hospital").
_NEVER_A_SERVICE = frozenset({"crime or court"})
# A licence of one of these places (or its hours) is the licensing committee's ("24-hour licence for bar").
_LICENCE = frozenset({"licence", "licences"})
_LICENSED = frozenset("""pub pubs bar bars club clubs nightclub nightclubs venue venues takeaway takeaways restaurant
restaurants premises casino shop shops hour hours late""".split())
# …decided on even after a crime ("Pub's licence revoked after stabbing": the licensing committee's review).
_LICENCE_DECIDED = frozenset({"revoked", "revokes", "revoke", "suspended", "suspends", "review", "reviewed",
                              "stripped"})
# Other news whose plans are decided by others (a court, an NHS trust, Parliament), not by planners.
_NOT_A_PLAN_DECIDED = frozenset({"crime or court", "health", "national politics"})
_BUILDINGS = frozenset("""homes houses flats development developments extension stadium stand theatre cinema arena
store supermarket hotel shop centre building buildings tower block""".split())
_PLANS = frozenset({"plan", "plans", "home", "homes", "houses", "flats", "development", "developments", "estate",
                    "extension", "scheme", "ahead", "light"})
_NAMED = {s.name: s for s in SERVICES}
# Services whose news is enforcement, told in crime's words ("Trading standards raid shops").
_ENFORCERS = frozenset({_NAMED["trading standards and environmental health"]})
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Service]]] = {}
for _s in SERVICES:
    for _p in _s.phrases:
        _words = tuple(re.findall(r"[a-z0-9&]+", _p.lower()))
        _BY_FIRST.setdefault(_words[0], []).append((_words, _s))


def service_named(words: list[str], text: str, kinds: list[str] | None = None) -> tuple[str, Service] | None:
    """The first council service named in `words` (a text's lower-case words) in its council sense,
    as (phrase, service); None when there is none. `text` as written, for "SEND" and plan decisions;
    `kinds`, the other news the words read as, when the caller knows them already (`off_topic_kinds`)."""
    present = set(words)
    kinds = off_topic_kinds(words) if kinds is None else kinds
    for k, word in enumerate(words):
        for phrase, service in _BY_FIRST.get(word, ()):
            end = k + len(phrase)
            if tuple(words[k:end]) != phrase or not service.other_sense.isdisjoint(present):
                continue
            if end < len(words) and words[end] in OWNERS:
                continue  # "recycling firm", "care home owner": another's business
            if service.place and kinds and SERVICE_CHANGES.isdisjoint(present.difference(phrase)):
                continue  # "Man stabbed in leisure centre car park": the place is a setting
            if _NEVER_A_SERVICE.isdisjoint(kinds) or service in _ENFORCERS:
                return " ".join(phrase), service
    if not _LICENCE.isdisjoint(present) and not _LICENSED.isdisjoint(present) and \
            _NAMED["licensing"].other_sense.isdisjoint(present) and \
            (_NEVER_A_SERVICE.isdisjoint(kinds) or not _LICENCE_DECIDED.isdisjoint(present)):
        return "a venue's licence", _NAMED["licensing"]  # "Pub loses licence after brawl": licensing decides
    if "send" in present and SEND.search(text) and not text.isupper():
        return "SEND", _NAMED["schools and send"]
    if not _PLANS.isdisjoint(present) and PLAN_DECIDED.search(" ".join(words)) and \
            (set(kinds) <= {"weather"} or _NOT_A_PLAN_DECIDED.isdisjoint(kinds) and not _BUILDINGS.isdisjoint(present)):
        # flood risk is a decision's reason, a stadium or a shop what is built ("Plans for new stand approved"),
        # not a club's takeover plan
        return "a plan decided", _NAMED["planning decisions"]
    return None


# An off-topic word in another sense after one of these: "to trial a four-day week", "under fire over cuts".
_NOT_OFF_TOPIC_AFTER = {"trial": frozenset({"to", "will"}), "fire": frozenset({"under"})}


# A scheme kept, ended or widened "after trial" is a pilot's fate, not a court's ("South
# Cambridgeshire keeps four-day week after trial"; "Man jailed after trial" keeps nothing).
PILOT_KEPT = frozenset({"keeps", "keep", "kept", "extends", "extended", "scraps", "scrapped", "adopts", "adopted",
                        "retains", "retained", "ditches", "ditched", "expands", "expanded", "axes", "axed"})


def a_pilots_fate(words: list[str], k: int) -> bool:
    """"trial" at `k` follows "after" in a text that keeps, ends or widens something: a pilot's."""
    return words[k] == "trial" and k > 1 and words[k - 1] in ("after", "following") and \
        not PILOT_KEPT.isdisjoint(words[:k - 1])


def off_topic_kinds(words: list[str]) -> list[str]:
    """The kinds of other news `words` read as."""
    if _NOT_OFF_TOPIC_AFTER.keys().isdisjoint(words):
        return [OFF_TOPIC[w] for w in words if w in OFF_TOPIC]
    return [OFF_TOPIC[w] for k, w in enumerate(words) if w in OFF_TOPIC
            and not (k and w in _NOT_OFF_TOPIC_AFTER and words[k - 1] in _NOT_OFF_TOPIC_AFTER[w])
            and not a_pilots_fate(words, k)]

