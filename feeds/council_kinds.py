"""More of the council finder's word classes: kinds of mention the name-by-name rules miss,
each a piece of general English or local-government usage, not a headline's words.

- An organisation answering for itself ("admits", "apologises", "demolishes"): a place's bare name
  before such a singular verb is the body that answers, and a place has one, its council (British
  English gives a club plural verbs: "Leeds apologise to fans").
- Two councils named together "at odds", "in row", "clash": the councils are the news.
- An institution word before a place ("Theatre Royal Plymouth", "Royal Observatory Greenwich").
- A sport role after a place ("St Helens coach", "Wigan captain"): the club's person.
- A charity's or company's own name ("Teenage Cancer Trust", "Acme Homes Ltd") as the actor of news
  with no local-government word: a place in it is where, not the council.
- Nicknames a headline uses for a place ("Brum").
"""
from __future__ import annotations

import re


# Singular verbs of an organisation answering for itself or acting on its own property: after a
# place's bare name at the head of a headline, only its council fits ("Brent apologises to tenants",
# "Wealden admits it cannot show a land supply", "Stockton demolishes shopping centre").
ANSWERING_VERBS = frozenset({
    "admits", "apologises", "apologizes", "concedes", "denies", "defends", "insists", "demolishes", "bulldozes",
    "evicts", "prosecutes", "shelves", "pauses", "halts", "abandons", "compensates", "refunds", "repossesses",
    "opposes", "objects", "u"})  # "U-turns"
# Singular verbs of an organisation running things: after a place's bare name at the head of a
# headline ("Barnet", "Luton", "York"; not a sport's name, "Rugby"), the council running
# them ("Barnet introduces garden waste charge", "Luton sells airport stake"); a club's news is sport
# (`feeds.council_stories.other_news`) and takes plural verbs.
ORGANISATION_VERBS = frozenset({
    "installs", "introduces", "bans", "sells", "buys", "pays", "blocks", "closes", "reopens", "gets", "hikes",
    "extends", "trials", "renames", "restores", "replaces", "removes", "repairs", "builds", "plants", "upgrades",
    "expands", "reviews", "settles", "receives", "fails", "misses", "tenders", "charges", "funds", "grants",
    "awards", "licenses", "sues", "bids", "slashes", "doubles", "trebles",
    "takes", "hires", "outsources", "acquires", "leases", "transfers", "converts", "reclaims"})
# (not a result's or a squad's verbs, which a club's news uses: "wins", "loses", "leaves", "completes"
# a signing, "names" or "suspends" a player, "hires" a coach)
# Singular verbs of a body winning money, with a sum straight after ("Sefton lands £30m for…",
# "Barnet secures £5m"): after a place's bare name at the head of a headline, the council that bid for
# it (a club's takes plural verbs, and a club's prize or fee is sport news).
FUNDING_VERBS = frozenset({"lands", "secures", "wins", "bags", "scoops", "nets", "gets", "receives", "awarded",
                           "handed", "granted", "given", "allocated"})
# A sum a place finds or puts in ("Cumberland finds £3m for flood works"): a body paying.
SPENDING_VERBS = frozenset({"finds", "invests", "commits", "pledges", "earmarks", "spends", "borrows"})
# Names that are English words first ("Reading closes gap on leaders"): no organisation's verb makes
# them the council.
ENGLISH_WORDS = frozenset({"reading", "bath", "bury", "hart", "down", "eden", "rugby", "derby", "highland",
                           "highlands", "barking", "brum"})
# Places whose bare name is as often their university ("Oxford admits more state-school pupils",
# "Cambridge apologises for slavery links"): an organisation's verb after them is not the council's.
UNIVERSITY_PLACES = frozenset({"oxford", "cambridge", "warwick", "durham", "lancaster", "st andrews"})
# Local government's own matters, straight after a place's name (not an ordinary word's): "Essex
# reorganisation plan submitted", "Kent devolution bid", "Surrey planning row".
COUNCIL_MATTERS = frozenset({
    "reorganisation", "devolution", "unitary", "unitaries", "regeneration", "masterplan", "consultation", "scrutiny",
    "bankruptcy", "insolvency", "commissioners", "intervention", "levy", "licensing", "planning", "homelessness",
    "councillors", "election", "elections", "overspend", "finances"})
# Regulators whose fine or censure, after a place's bare name, falls on its council ("Barnet fined
# by ICO over data breach"); a club's is sport news.
REGULATORS = frozenset({"ico", "regulator", "watchdog", "ombudsman", "hse", "ofsted", "cqc", "auditor", "auditors",
                        "inspectors", "court",
                        # the bodies that watch councils' money and conduct ("Oflog flags Kent's debt")
                        "oflog", "nao", "cipfa", "lgsco", "lgo",
                        # the nations' public-services ombudsmen, Wales's schools inspector ("SPSO raps Fife")
                        "spso", "psow", "nipso", "estyn"})
# Plural verbs and two-word phrases after councils listed at the head of a headline that make them
# parties to a dispute or talks ("Medway and Kent at odds over crossing roads").
DISPUTE_VERBS = frozenset({"clash", "row", "disagree", "differ", "fight", "feud", "spar", "argue", "quarrel",
                           "squabble", "dispute", "wrangle", "battle"})
DISPUTE_PHRASES = frozenset({("at", "odds"), ("in", "row"), ("in", "talks"), ("in", "dispute"), ("locked", "in"),
                             ("at", "loggerheads"), ("in", "standoff"), ("in", "stand")})
# Institution words (or phrases) straight before a place's name that make it part of the
# institution's name: "Theatre Royal Plymouth", "Royal Observatory Greenwich", "Museum of London".
VENUE_BEFORE = (("theatre",), ("theatres",), ("theatre", "royal"), ("playhouse",), ("observatory",), ("museum",),
                ("museums",), ("gallery",),
                ("galleries",), ("zoo",), ("aquarium",), ("stadium",), ("arena",), ("opera", "house"), ("hippodrome",),
                ("pavilion",), ("museum", "of"), ("gallery", "of"), ("zoo", "of"), ("orchestra", "of"))
# A sport team's people after a place's name: "St Helens coach leaves Saints", "Wigan captain".
SPORT_ROLES = frozenset({"coach", "coaches", "captain", "skipper", "striker", "goalkeeper", "keeper", "midfielder",
                         "defender", "winger", "forward", "prop", "fly", "scrum", "manager", "players", "squad",
                         "fans", "fan", "supporters", "supporter", "ultras", "academy", "batsman", "batter", "bowler",
                         "cricketer", "star", "stars", "hooker", "centre-back", "full", "half",
                         "footballer", "player", "jockey", "boxer", "golfer", "spinner", "seamer", "wicketkeeper"})
# The last word of a charity's or company's own name ("Teenage Cancer Trust", "Barratt Homes",
# "Acme Ltd"), capitalised and after a capitalised word that is not a place's.
BODY_SUFFIXES = frozenset({"trust", "foundation", "charity", "society", "association", "ltd", "limited", "plc",
                           "llp", "group", "bank", "hospice", "homes", "developments", "properties", "estates",
                           "retail", "airlines", "airways", "supermarkets", "brewery", "inc"})
# Capitalised words before one of those that make it local government's own body, not a charity or
# company: "Local Government Association", "Labour Group".
# A council spoken of by its kind of area alone, after the body it acts as ("sold to developer by
# borough", "backed by the county"): the text speaks of a council.
COUNCIL_BY = frozenset({"borough", "county", "district"})
NOT_A_COMPANY = frozenset({"government", "councils", "council", "county", "district", "borough", "unitary"})
# People and private businesses after a place's name, which make the name a modifier ("Leeds firm
# creates 200 jobs", "Plymouth woman turns 100"): in a text that says nothing of a council, the news
# of someone from the place, not of its council. (Not its families, residents or pupils, whom a
# council's services serve: "Kent families face longer waits for school transport".)
SOMEONE_FROM = frozenset({
    "firm", "firms", "company", "companies", "business", "businesses", "startup", "bakery", "pub", "pubs",
    "restaurant", "restaurants", "cafe", "bar", "shop", "shops", "shopkeeper", "shopkeepers", "owner", "owners",
    "brewery", "factory", "store", "stores", "retailer", "hotel", "family", "woman", "women", "man", "men",
    "boy", "boys", "girl", "girls", "teenager", "teenagers", "teen", "teens", "toddler", "baby", "student",
    "students", "pensioner", "mum", "mother", "dad", "father", "grandmother", "grandfather", "gran",
    "couple", "band", "singer", "artist", "author", "chef", "nurse", "doctor", "teacher", "pupil",
    "athlete", "runner", "cyclist", "charity", "charities", "volunteer", "volunteers", "entrepreneur", "landlady",
    # Professions and a band's nights ("Sheffield teachers strike over pay", "Manchester gigs sell out")
    "teachers", "nurses", "doctors", "gig", "gigs", "concerts", "customers",
    "employer", "employers", "farmer", "farmers", "fishermen",
    "veteran", "veterans", "vicar", "dog", "church", "mosque", "temple", "choir", "club", "gym", "salon", "garage",
    "care", "nursery", "hairdresser", "barber", "butcher", "baker", "jeweller", "dentist", "vet",
    # a business's own places and posts: "Tesco closes Bristol store", "Amazon to create 500 Leeds jobs"
    "plant", "superstore", "supermarket", "branch", "branches", "warehouse", "offices", "headquarters", "hq",
    "jobs", "outlet", "showroom", "depot", "mill", "works", "distillery", "steelworks", "shipyard", "colliery",
    "refinery", "maker", "makers", "manufacturer", "producer", "producers", "brand", "flagship", "fulfilment",
    "distribution", "campus", "site", "sites", "trains", "flights", "call", "data", "studio", "studios",
    # land and sea businesses: "Shetland salmon farm fined", "Kent vineyard wins award"
    "farm", "farms", "fishery", "fisheries", "hatchery", "vineyard", "vineyards", "dairy", "abattoir", "quarry",
    "mine", "mines", "vets", "orchard", "cidery", "winery", "stables", "kennels", "cattery",
    # More businesses' places, and ports ("Leicester garment factories", "Portsmouth ferry port")
    "factories", "plants", "mills", "hotels", "bakeries", "breweries", "port", "ports", "docks", "dockyard",
    "shoppers", "tourists", "holidaymakers", "commuters",
    # visitors' and the armed forces' places: "Dorset holiday park sold", "Wiltshire army base to close"
    "barracks", "garrison", "army", "raf", "theme", "circuit", "golf", "racecourse",
    # schools' and travellers' people and places
    "schoolboy", "schoolgirl", "headteacher", "driver", "drivers", "surfers",
    # A place's animals and its protesters ("New Forest pony deaths", "Devon protesters march")
    "pony", "ponies", "deer", "cattle", "sheep", "livestock", "protesters", "protester",
    "swimmer", "swimmers", "walker", "walkers", "cruise", "terminal"})
# A business's grounds, two words after a place ("Wakefield holiday park sold", "Leeds garden centre
# closes", "Norwich industrial estate fire"): someone's premises in the place, not the council's, in a
# text that says nothing of a council; their last words let the matcher look for them.
BUSINESS_GROUNDS = frozenset({("holiday", "park"), ("caravan", "park"), ("garden", "centre"), ("science", "park"),
                              ("business", "park"), ("retail", "park"), ("industrial", "estate"),
                              ("trading", "estate"), ("holiday", "village"), ("power", "station"),
                              # Charities' own places ("Leeds food bank demand soars")
                              ("food", "bank"), ("food", "banks"), ("night", "shelter"), ("soup", "kitchen"),
                              ("baby", "bank"), ("community", "pantry"), ("warm", "space"),
                              # the armed forces' grounds ("Portsmouth naval base jobs boost")
                              ("naval", "base"), ("air", "base"), ("naval", "dockyard"),
                              # markets and buildings of the place's trade ("Cardiff property market slows")
                              ("property", "market"), ("housing", "market"), ("house", "prices"), ("office", "block"),
                              ("office", "market"), ("jobs", "market")})
# A route's operator and its sailings after a journey's word ("Orkney ferry operator orders vessel", "Shetland
# ferry cancellations leave islanders stranded"): the operator's news, as an airport's or a bus company's is
# not the council's, though a council may own it.
ROUTE_PEOPLE = frozenset({"operator", "operators", "sailings", "crossings", "cancellations", "passengers", "port",
                          "terminal"})  # and its port ("Portsmouth ferry port delays")
SOMEONE_OR_GROUNDS = SOMEONE_FROM | ROUTE_PEOPLE | frozenset(last for _first, last in BUSINESS_GROUNDS)
# Nicknames headlines use for a place, with its council's code: each needs council context, like
# an ordinary-word name ("Brum's bin strike": possessive; "Brum" alone may be anything).
NICKNAMES = (("brum", "BIR"), ("toon", "NET"))  # "Toon": Newcastle
# Counties' and councils' short forms in headlines ("Notts County Council", "Herts to cut 200 jobs",
# "Bucks Council", "North Northants"): one-word ones need council context, like an ordinary-word name.
SHORT_FORMS = (("notts", "NTT"), ("herts", "HRT"), ("lancs", "LAN"), ("bucks", "BUC"), ("northants", "NTH"),
               ("north northants", "NNT"), ("west northants", "WNT"), ("hants", "HAM"), ("glos", "GLS"),
               ("cambs", "CAM"), ("staffs", "STS"), ("wilts", "WIL"), ("worcs", "WOR"), ("leics", "LEC"),
               ("lincs", "LIN"), ("oxon", "OXF"), ("derbys", "DBY"), ("central beds", "CBF"), ("h and f", "HMF"),
               # Compass points as initials ("NE Derbyshire", "NW Leics")
               ("ne derbyshire", "NED"), ("ne derbys", "NED"), ("ne lincolnshire", "NEL"), ("ne lincs", "NEL"),
               ("nw leicestershire", "NWL"), ("nw leics", "NWL"), ("newcastle u lyme", "NEC"),
               ("stratford upon avon", "STR"),  # the town's own spelling, as the district's
               ("north yorks", "NYE"), ("n yorks", "NYE"), ("east yorks", "ERY"),  # Yorkshire's
               # Scotland's, Wales's and the Marches' short forms
               ("gloucs", "GLS"), ("clacks", "CLK"), ("pembs", "PEM"), ("carms", "CMN"), ("shrops", "SHR"),
               ("east ren", "ERW"),
               ("scilly", "IOS"))  # "Cornwall and Scilly councils"

# Venues, lower-case or not, a few words after a place in a text that says nothing of a council:
# "Cardiff's principality stadium hosts concert", "Leeds first direct arena sells out".
VENUE_WORDS = frozenset({"arena", "stadium", "theatre", "playhouse", "dome", "cinema", "hippodrome", "ballroom",
                         "racecourse", "velodrome", "zoo", "aquarium", "venue", "bowl", "coliseum", "empire",
                         "lyceum", "pavilion", "amphitheatre"})
# Words between a place and a venue word that make the place the one acting ("Leeds to get new arena").
NOT_A_VENUE_NAME = frozenset({"to", "for", "a", "an", "the", "new", "its", "gets", "get", "will", "wins", "plans",
                              "builds", "buys", "opens", "and", "or", "of", "in", "at", "on"})

# Words after a place at either end of a journey: "Leeds to Harrogate trains cut".
ROUTE_WORDS = frozenset({"trains", "train", "services", "service", "line", "route", "routes", "flights", "flight",
                         "buses", "bus", "railway", "rail", "trams", "tram", "ferry", "ferries", "coach"})
# Capitals before a place that are not an organisation's acronym: local government's own words, a
# party's, a title's ("SEND", "LTN", "SNP", "MP").
NOT_AN_ORGANISATION = frozenset({"send", "sen", "ltn", "ltns", "hmo", "hmos", "cil", "uk", "eu", "mp", "mps", "msp",
                                 "ms", "mla", "pm", "snp", "dup", "sdlp", "uup", "lga", "cpc", "ceo", "gp", "ok",
                                 "tv", "ai", "cctv", "ev", "evs", "ulez", "caz", "lib", "dem", "con",
                                 "lab", "ind", "grn", "ref", "cllr", "pcc", "kcc", "wmca", "gmca", "gla", "tfl"})

# Towns whose names are ordinary words or other places first, with their council: each counts only
# in sentence case, after a place preposition and before no proper name ("new homes in Deal", not
# "in Hyde Park"), or before a town's own place ("Sale town centre", "Deal seafront"), and, like any
# town, only in a text that speaks of a council (`feeds.council_towns`). Not March (the month),
# Washington, Bangor, Gillingham, Stratford (two places each, or another far better known).
ORDINARY_TOWNS = {"sale": "TRF", "deal": "DOV", "ware": "EHE", "hyde": "TAM", "leigh": "WGN", "burton": "EST",
                  "chelsea": "KEC", "wimbledon": "MRT",
                  # towns named by ordinary words, each the one large town of its name ("civic offices in Fleet")
                  "fleet": "HAT", "battle": "ROH", "sandwich": "DOV"}
TOWN_PLACES = frozenset({"seafront", "pier", "high", "market", "promenade", "beach", "precinct", "bypass", "library",
                         "leisure", "shoppers", "traders", "residents", "town", "centre"})
TOWN_SCENE = frozenset({"in", "at", "near", "around", "across", "outside", "throughout"})

# A place's attractions, in lower case after its possessive ("Blackpool's illuminations", "Hull's museums"): in a
# text that says nothing of a council, the attraction's news, though a council may own it.
ATTRACTIONS = frozenset({"illuminations", "lights", "pier", "piers", "zoo", "museum", "museums", "gallery",
                         "galleries", "castle", "lido", "aquarium", "festival", "carnival", "funfair", "fair",
                         "beach", "beaches", "seafront", "promenade", "gardens", "botanic", "observatory"})
# Those whose name is the place's and the attraction's word, without a possessive (not its museums or beaches,
# "Hull museums", which a council runs as a service).
SEASIDE = frozenset({"illuminations", "pier", "piers", "zoo", "aquarium", "lido", "funfair", "carnival"})
# Welsh and Gaelic "council", before the place's name.
COUNCIL_BEFORE = frozenset({"cyngor", "comhairle"})
# The last word of a bus, tram or ferry company's name.
OPERATOR_LAST = frozenset({"buses", "bus", "transport", "trams", "ferries", "travel", "coaches", "airport"})
# A body's verbs over what a place may do, straight after a place's name at the head of an incident's or
# weather text: "Moray bans fireworks", "Cornwall closes beaches after sewage leak".
# Verbs of a body speaking, before or after its name ("…, says Comhairle", "…, says county", "county warns …").
SPEAKS = frozenset({"says", "said", "warns", "insists", "admits", "confirms", "claims"})
# After a place's name, hyphened or not, before what it pays for: "Kirklees-backed restoration", "Stockport-owned
# shopping centre". The council backing, funding or owning it.
BACKERS = frozenset({"backed", "funded", "owned", "commissioned"})
BANS = frozenset({"bans", "closes", "shuts", "restricts", "suspends", "cancels", "orders", "reopens"})

# Adverbs of manner between a council's name and its act, read past ("Wealden finally adopts Local
# Plan" as "Wealden adopts…").
MANNER_ADVERBS = frozenset({"finally", "formally", "officially", "unanimously", "narrowly", "quietly", "reluctantly",
                            "controversially", "eventually", "belatedly"})
# More services only a council runs, after a place's name ("Wigan fostering recruitment drive", "Essex reablement
# service"), and the homes a council builds ("Rugby to build 500 council homes").
MORE_SERVICES = (("fostering",), ("reablement",), ("council", "homes"), ("council", "houses"), ("pothole",),
                 ("school", "meals"), ("school", "places"), ("school", "admissions"),
                 ("school", "crossing"), ("school", "support", "staff"),  # the council's patrols, its schools' staff
                 # A council's housing estates rebuilt ("Hackney estate regeneration")
                 ("estate", "regeneration"), ("estates", "regeneration"),
                 # a council's fostering service under its older name ("Hull foster carer drive")
                 ("foster", "carer"), ("foster", "carers"), ("foster", "care"),
                 # family and friends raising a child the council would otherwise care for, paid by it
                 ("kinship", "carers"), ("kinship", "carer"), ("kinship", "care"))
# A watchdog's verbs of judging a council, and the watchdogs that judge councils (not a court, which judges anyone):
# the name after "<watchdog> finds" is the council judged, even an ordinary word's ("Regulator finds Bury failed
# tenants", "Ombudsman criticises Harrow over SEND delays").
REGULATOR_VERBS = frozenset({"finds", "downgrades", "upgrades", "rates", "judges", "grades", "inspects", "raps",
                             "flags"})
WATCHERS = REGULATORS - {"court"}
# and the government, which funds, orders and rescues councils ("Government hands Reading £20m", "Minister orders
# Sutton to improve SEND services")
ACTS_ON_COUNCILS = WATCHERS | {"government", "minister", "ministers", "whitehall", "treasury", "chancellor",
                               "secretary", "dluhc", "mhclg",
                               # A planning inspector's ruling ("Inspector tells Wealden to find…")
                               "inspector"}
# A regulator's grade ("C3", "G2", "V1": the social housing regulator's consumer, governance and viability grades)
# is its verdict on the place's council, not a proper name of a body of its own after the place.
GRADE = re.compile(r"[CGV][1-4]$")
# A sum of money ("£40m", "2.5bn"): after a place's possessive, the place's own spending, not a brand's name
# ("Eastleigh's £40m hotel investment questioned").
A_SUM = re.compile(r"[£$€]?\d+(?:[.,]\d+)?(?:m|bn|k|million|billion)?$", re.IGNORECASE)
# Verbs a place's weather or incident happens to it by, straight after its name at the head
# ("Lincolnshire records hottest day of the year", "Cumbria braces for more rain", "Kent swelters"): the place.
UNDERGOES = frozenset({"records", "recorded", "sees", "saw", "swelters", "sweltered", "bakes", "baked", "basks",
                       "basked", "shivers", "shivered", "braces", "braced", "wakes", "woke", "endures", "endured",
                       "enjoys", "enjoyed", "escapes", "escaped", "battered", "lashed", "blanketed", "soaked",
                       "drenched", "hit", "struck", "rocked", "shaken", "mops", "counts"})
