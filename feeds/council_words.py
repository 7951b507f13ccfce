"""The words the council matcher reads: which names are ordinary words, what makes a name a
council (a council word, verb or place preposition; see `feeds.councils`). The token form of a text is
`feeds.council_tokens`'."""
from __future__ import annotations

AMBIGUOUS = frozenset({
    "reading", "bath", "rugby", "eden", "derby", "wealden", "bury", "hart", "down", "brent", "boston",
    "lincoln", "york", "westminster", "cambridge", "oxford", "warwick", "lancaster", "durham", "kent",
    "sutton", "dover", "mansfield", "stirling", "angus", "highland", "highlands", "craven", "swale",
    "fife", "moray", "orkney", "christchurch", "newport", "luton", "cumberland", "arun", "wyre",
    "rother", "selby", "halton", "copeland", "derry", "essex", "surrey", "devon", "stafford",
    "preston", "chester", "bedford", "richmond", "watford", "salford", "medway", "gosport", "poole",
    "winchester", "worcester", "gloucester", "exeter", "taff", "cynon", "rhondda", "eilean", "harrow",
    "barnet", "merton", "sefton", "darlington", "wigan", "bolton", "hull", "newcastle", "copeland", "stoke",
    "kingston", "borders", "mk", "merthyr", "brum", "notts", "herts", "lancs", "bucks", "northants", "hants", "glos",
    "cambs", "staffs", "wilts", "worcs", "leics", "lincs", "oxon", "derbys",  # `feeds.council_kinds.SHORT_FORMS`
    "abc",  # Armagh City, Banbridge and Craigavon, as "ABC council" (ABC is also a broadcaster)
})
# Ordinary-word names that count only with a council word straight after them ("Westminster" alone
# is Parliament; "Down" alone is a preposition).
STRICT = frozenset({"westminster", "down", "derry", "borders", "mk", "abc"})
COUNCIL_WORDS = frozenset({
    "council", "councils", "borough", "district", "county", "city", "unitary", "authority", "bc",
    "dc", "cc", "mbc", "ua", "councillor", "councillors", "cllr", "cllrs", "mayor", "leader", "s",
    "cyngor", "comhairle",  # Welsh and Gaelic "council", written before the name ("Cyngor Gwynedd")
})
PLACE_WORDS = frozenset({"in", "at", "across", "around", "near", "from", "for", "to", "of", "outside",
                         "throughout", "within", "into", "against"})
# Phrases only local-government news uses, though each word is used elsewhere ("Wealden pauses local plan").
LOCAL_GOVERNMENT_PHRASES = (("local", "plan"), ("council", "tax"), ("green", "belt"), ("section", "114"),
                            ("best", "value"), ("adult", "social", "care"), ("five", "year", "land", "supply"),
                            # funds government gives councils to spend on their towns
                            ("town", "deal"), ("towns", "fund"), ("levelling", "up", "fund"),
                            ("future", "high", "streets"))
# Land and its features after a place in weather or incident news: the place, not the council ("Storm batters
# Cornwall coast", "Burst main floods Exeter streets").
LANDSCAPE = frozenset({"coast", "coastline", "coasts", "beaches", "beach", "hills", "moors", "countryside", "valleys",
                       "villages", "towns", "rivers", "roads", "skies", "fells", "uplands", "lowlands", "seafront",
                       "streets", "homes", "houses", "flats", "pier", "piers"})
# Verbs whose object, in local-government news, is the council: "Residents sue Essex over school
# transport cuts", "Ombudsman criticises Surrey", "Minister orders Kent to…".
OBJECT_VERBS = frozenset({"sue", "sues", "sued", "suing", "criticises", "criticised", "slams", "slammed", "praises",
                          "praised", "urges", "urged", "orders", "ordered", "tells", "told", "fines", "fined",
                          "censures", "rebukes", "blames", "summons", "investigates", "warns", "accuses", "clears",
                          "cleared", "challenges", "lobbies", "hands", "gives", "awards", "grants", "funds",
                          "bails out", "rescues", "hand", "give",
                          # a higher body overruling or punishing the council: "Mayor's office overrules Barnet"
                          "overrules", "overruled", "overturns", "penalises", "reprimands", "sanctions"})
# Participles and modal verbs after a name at the head of local-government news, which make it the
# subject ("Essex handed £30m for pothole repairs", "Kent given extra SEND funding", "Surrey 'cannot
# afford' SEND transport", "Devon could go bust").
PASSIVE_AFTER = frozenset({"handed", "given", "told", "ordered", "hit", "fined", "criticised", "praised", "granted",
                           "awarded", "warned", "urged", "forced", "allowed", "cleared", "placed", "put", "freed",
                           "stripped", "refused", "denied", "offered", "promised", "cannot", "can", "will", "must",
                           "could", "should", "may", "might", "would", "has", "had", "is", "was"})
# The government acting on a council: "Government bails out Surrey", "Ministers hand Kent £10m".
GOVERNMENT_WORDS = frozenset({"government", "minister", "ministers", "whitehall", "treasury", "chancellor",
                              "mhclg", "dluhc", "bailout", "secretary"})
# Present-tense plural verbs after councils joined at the head of a headline ("Harrow and Brent share
# legal services", "Essex and Kent back devolution bid").
PLURAL_VERBS = frozenset({
    "share", "agree", "merge", "join", "back", "sign", "cut", "approve", "launch", "set", "plan", "consider", "seek",
    "demand", "call", "team", "unite", "submit", "propose", "reject", "warn", "face", "pool", "bid", "publish",
    "commission", "appoint", "consult", "scrap", "end", "split", "explore", "form", "create", "win", "lose",
    "raise", "freeze", "declare", "adopt", "oppose", "urge", "lobby", "fall", "tie", "spend", "buy", "sell",
    "unveil", "announce", "outline", "vote", "drop", "axe", "pledge", "commit", "invest", "borrow", "hand",
    "welcome", "criticise", "question", "challenge", "support", "resist", "block", "refuse", "condemn",
    # Councils listed reconsidering what they share ("Kingston and Richmond review…")
    "review", "renew", "extend", "overhaul", "rethink", "reconsider", "pause", "halt", "delay", "restructure"})
BLOCKED_PHRASES = (
    ("new", "york"), ("rugby", "union"), ("rugby", "league"), ("rugby", "world"), ("rugby", "club"), ("rugby", "player"),
    ("the", "derby"), ("derby", "day"), ("garden", "of", "eden"),
    ("eden", "project"), ("new", "reading"), ("bath", "time"), ("reading", "list"),
    ("boston", "massachusetts"), ("abraham", "lincoln"), ("westminster", "abbey"),
    ("oxford", "university"), ("cambridge", "university"), ("city", "of", "london", "police"),
    ("heart", "of", "midlothian"), ("hearts", "of", "midlothian"),  # the football club
    ("edinburgh", "waverley"),  # the station
    # foods and dog breeds named after places
    ("lancashire", "hotpot"), ("worcestershire", "sauce"), ("cumberland", "sausage"), ("cumberland", "sausages"),
    ("staffordshire", "bull", "terrier"), ("staffordshire", "bull", "terriers"), ("bedlington", "terrier"),
    ("cheddar", "cheese"), ("stilton", "cheese"), ("eccles", "cake"), ("eccles", "cakes"), ("chelsea", "bun"),
    ("bakewell", "tart"), ("bakewell", "pudding"), ("cornish", "pasty"), ("yorkshire", "pudding"),
)
# Words before a name that make it something other than the council ("University of Reading").
BLOCKED_BEFORE = (("university", "of"), ("duke", "of"), ("bishop", "of"), ("archbishop", "of"),
                  ("earl", "of"), ("battle", "of"), ("treaty", "of"), ("university", "hospital"),
                  ("university", "hospitals"), ("hospitals", "of"), ("hmp",), ("hmyoi",), ("prison",),
                  ("school",), ("college",), ("bus",), ("buses",), ("radio",), ("mp", "for"), ("mps", "for"),
                  ("msp", "for"), ("diocese", "of"), ("port", "of"), ("v",), ("vs",),
                  ("cathedral",), ("abbey",), ("priory",), ("minster",), ("church",), ("chapel",), ("university",),
                  ("hospital",), ("infirmary",), ("hms",), ("raf",),
                  # the Crown's and the church's offices named after a county or town
                  ("lieutenant", "of"), ("high", "sheriff", "of"), ("archdeacon", "of"), ("dean", "of"))
# Political groups named by their place ("Leeds Labour", "Kent Conservatives"): council politics.
PARTY_WORDS = frozenset({"labour", "tory", "tories", "conservative", "conservatives", "lib", "liberal", "libdem",
                         "libdems", "green", "greens", "reform", "independent", "independents", "snp", "plaid",
                         "ukip", "alliance", "sinn", "dup"})
# Names that are ordinary English words or famous elsewhere first: never counted on a verb alone.
WORDISH = frozenset({"reading", "bath", "rugby", "eden", "derby", "down", "hart", "bury", "boston", "lincoln", "york",
                     "brent", "sutton", "harrow", "craven", "highland", "highlands", "christchurch", "richmond",
                     "cumberland", "westminster", "derry", "taff", "cynon", "rhondda", "eilean", "wealden", "newport",
                     "stoke", "kingston", "barking", "perth", "windsor", "stratford", "bucks", "staffs", "wilts"})
# What a council does, after its bare name: "Kent to cut 300 jobs", "Surrey approves budget".
COUNCIL_VERBS = frozenset({
    "to", "faces", "cuts", "approves", "agrees", "sets", "warns", "plans", "backs", "confirms", "rejects", "scraps",
    "launches", "leader", "leaders", "cabinet", "budget", "declares", "issues", "considers", "votes", "submits",
    "proposes", "raises", "freezes", "consults", "axes", "seeks", "bids", "councillors", "overspend", "deficit",
    "send", "unveils", "appoints", "announces", "commits", "pledges", "opts", "outlines", "saves", "spends",
    "borrows", "adopts", "refuses", "judged", "rated", "invests", "overspends", "publishes", "delays"})
# Services only a council runs, after a place's name: "Kent children's services", "Surrey adult social care".
COUNCIL_SERVICES = (("children", "s", "services"), ("childrens", "services"), ("children", "s", "social"),
                    ("adult", "social", "care"), ("adult", "services"), ("council", "tax"), ("bin", "collections"),
                    ("libraries",), ("potholes",), ("bin",), ("bins",), ("recycling",), ("parking", "charges"),
                    ("parking", "fees"), ("leisure", "centre"), ("leisure", "centres"), ("library",), ("send",),
                    ("planning", "committee"), ("planners",), ("local", "plan"), ("congestion", "charge"),
                    ("clean", "air", "zone"), ("low", "traffic"), ("school", "transport"), ("social", "workers"),
                    ("social", "care"), ("household", "waste"), ("garden", "waste"), ("waste", "collections"),
                    ("temporary", "accommodation"), ("homelessness",), ("care", "homes"), ("highways",),
                    ("social", "housing"), ("council", "housing"), ("housing", "repairs"), ("tip",), ("tips",),
                    ("street", "lighting"), ("fly", "tipping"), ("park", "and", "ride"), ("public", "toilets"),
                    ("street", "cleaning"), ("gritting",), ("allotments",), ("crematorium",), ("parking", "permits"),
                    ("food", "waste"), ("bulky", "waste"), ("care", "leavers"), ("youth", "services"),
                    ("care", "at", "home"))
# A council's own buildings, after a place's name: "Leeds Civic Hall", "Wigan Town Hall", "Hull Guildhall".
COUNCIL_BUILDINGS = (("civic", "hall"), ("civic", "centre"), ("civic", "center"), ("civic", "offices"),
                     ("town", "hall"), ("county", "hall"), ("city", "hall"), ("guildhall",), ("guild", "hall"),
                     ("city", "chambers"), ("council", "house"), ("municipal", "buildings"))
# A council's officers, after a place's name: "Essex chief executive to retire".
COUNCIL_OFFICERS = (("chief", "executive"), ("monitoring", "officer"), ("director", "of", "children"),
                    ("finance", "director"), ("finance", "chief"))
# Decisions only a council (of the bodies a place names) makes: after even an ordinary-word name at
# the head of a headline they make it the council ("Brent approves…", "Harrow saves £4m…").
DECISION_VERBS = frozenset({
    "approves", "rejects", "refuses", "adopts", "agrees", "consults", "votes", "outlines", "scraps", "axes",
    "freezes", "declares", "saves", "overspends", "borrows", "appoints", "submits", "proposes", "cuts"})
# Names that are a sport first: at the head of a headline with a decision, the sport's body decided.
SPORT_NAMES = frozenset({"rugby"})
# Words only sport news uses (not "sign", "fans", "derby", "season", which a council's news uses too).
SPORT_RESULTS = frozenset({
    "fc", "afc", "rfc", "ccc", "goal", "goals", "striker", "midfielder", "winger", "defender", "goalkeeper",
    "manager", "squad", "promoted", "promotion", "relegated", "relegation", "premiership", "championship",
    "league", "beat", "beats", "beaten", "sack", "sacks", "sacked", "defeat", "defeats", "thrash", "thrashed",
    "draw", "semi", "final", "finals", "playoff", "playoffs", "wicket", "wickets", "innings",
    "try", "tries", "cricket", "football", "rugby", "hockey", "netball", "basketball", "club", "clubs", "fans",
    "supporters", "takeover", "transfer"})
# Past participles of those decisions: "…backed by Merton", "…approved by Brent" name the council.
DECIDED = frozenset({"approved", "backed", "rejected", "refused", "blocked", "granted", "adopted", "agreed",
                     "opposed", "supported", "funded", "bought", "commissioned", "run", "owned", "passed",
                     "ahead", "light",  # "given the go-ahead by Croydon", "green light by Bath"
                     # what a body does to its own property and services: "offices to be demolished by Cumberland"
                     "demolished", "sold", "acquired", "leased", "managed", "maintained", "scrapped", "axed",
                     "paused", "delayed", "closed", "shut", "reopened", "restored", "refurbished"})
# Words after a place name that make it an institution, not the council.
INSTITUTION_AFTER = frozenset({
    "police", "constabulary", "fire", "airport", "airports", "university", "universities", "hospital", "hospitals",
    "infirmary", "nhs", "teaching", "pcc", "station", "cathedral", "minster", "abbey", "castle", "crown", "magistrates",
    "prison", "college", "school", "academy", "grammar", "diocese", "icb", "ccg", "ambulance", "air", "trent",
    "royal", "metropolitan", "spa", "john", "piccadilly", "evening", "echo", "live", "post", "telegraph",
    "gazette", "chronicle", "argus", "advertiser", "arena", "marathon", "festival", "pride", "chamber", "zoo",
    "cricket", "ccc", "racecourse", "port", "docks", "general", "coroner", "court", "water", "museum", "gallery",
    "theatre", "playhouse", "hospice", "healthcare", "wildlife", "mosque", "synagogue", "church", "building",
    "philharmonic", "symphony", "orchestra", "opera", "ballet", "dockyard", "cup", "trophy", "based", "born",
    "stadium", "uni", "railway", "priory", "coastguard", "mail", "foodbank", "harbour", "colleges",
    "maternity", "midwifery"})  # the NHS trust's services ("Nottingham maternity inquiry"), never a council's
# After "<place> school": the place's schools as a system, which its council runs ("Pembrokeshire school closures").
SCHOOLS_SYSTEM = frozenset({"closures", "closure", "transport", "places", "admissions", "reorganisation", "meals",
                            "budgets", "funding", "mergers", "shake"})
# Cities whose council of the same name is a district's or county's: "<city> City Council" is the city's own parish.
PARISH_CITIES = frozenset({"chichester", "lichfield", "hereford", "durham"})
# After a place and a proper name of its own, these too make an institution ("Norwich Research Park",
# "Harrogate Convention Centre", "Blackpool Pleasure Beach"); straight after a place they do not
# ("Leeds city centre").
NAMED_PLACE_AFTER = frozenset({"centre", "center", "park", "beach", "quay", "wharf"})
# After a place (or a place and a compass word), these make it a parliamentary seat, not the council.
PARLIAMENT_AFTER = frozenset({"mp", "mps", "msp", "msps", "constituency", "constituencies", "byelection"})
# "<place> by-election" (tokens "by", "election"): a parliamentary seat's; a council's by-election
# names its ward or its council ("Sunderland council by-election").
BY_ELECTION = ("by", "election")
# Words after a place name that make it a sports club.
CLUB_AFTER = frozenset({
    "united", "utd", "fc", "afc", "rfc", "rovers", "wanderers", "albion", "athletic", "wednesday", "forest",
    "argyle", "rhinos", "warriors", "wolves", "falcons", "tigers", "bulls", "saints", "sharks", "chiefs",
    "harlequins", "bears", "giants", "knights", "eagles", "rugby", "vale", "stanley", "orient", "alexandra",
    "trinity", "kr", "moors", "dons", "hornets", "robins", "red", "raiders", "flyers", "steelers", "panthers",
    "dragons", "scarlets", "ospreys", "thistle", "celtic", "rangers", "saracens", "vikings", "centurions", "hotspur",
    "riders", "lions", "v", "vs", "harriers", "blues", "devils", "blaze", "flames", "capitals", "pirates",
    "titans", "phoenix", "academical", "outlaws", "foxes", "steelbacks", "spitfires", "lightning", "hawks", "rapids"})
# After "<place> children's": a hospital or charity ("Birmingham Children's Hospital", "Sheffield Children's
# NHS Foundation Trust"); otherwise the council's children's services, or the trust a council owns to run
# them ("Stockport children's services rated good", "Bradford Children's Trust judged inadequate").
CHILDREN_INSTITUTIONS = frozenset({"hospital", "hospitals", "hospice", "hospices", "nhs", "foundation", "society",
                                   "charity", "choir", "theatre", "museum", "orchestra"})
# After "<place> health": an NHS body ("Cardiff and Vale University Health Board"), not the council's
# health scrutiny or public health.
HEALTH_BODIES = frozenset({"board", "boards", "trust", "trusts"})
# "City", "County", "Town" after a name: a club unless a council word (or these) follows.
CLUB_SUFFIX = frozenset({"city", "county", "town"})
NOT_A_CLUB = COUNCIL_WORDS | frozenset({"centre", "center", "hall", "halls", "region", "deal", "of", "and", "centres",
                                         "cabinet", "scrutiny", "highways", "planning", "chambers",
                                         "leaders", "leader"})  # "Suffolk county leaders": the council's
# A matched name with one of these in it is the council whatever follows ("Fife Council school…").
SAYS_COUNCIL = frozenset({"council", "borough", "district", "mbc", "bc", "dc"})
# After a combined authority's region name: the authority, not the place.
AUTHORITY_WORDS = frozenset({"mayor", "mayors", "mayoral", "combined", "ca", "cca", "authority", "authoritys",
                             "metro", "assembly"})
GENERIC = frozenset({"city", "of", "the", "and", "council", "county", "borough", "district", "north",
                     "south", "east", "west", "mid", "central", "london", "greater", "upon", "on"})
# Short names headlines use for a council ("Stoke City", "Southend leaders"); a person typing "Stoke" in
# chat is offered Stoke-on-Trent as a suggestion instead (models.council.resolve_council).
HEADLINE_NAMES = (("stoke", "STE"), ("southend", "SOS"), ("b and nes", "BAS"), ("mayor of london", "GLA"),
                  ("lord mayor of london", "LND"), ("london mayor", "GLA"),
                  ("london assembly", "GLA"),
                  ("london plan", "GLA"),  # the mayor's spatial plan for London
                  ("kingston", "KTT"),  # Kingston upon Hull is "Hull" in headlines
                  # councils' own acronyms, as the trade press writes them (capitals only, like every name)
                  ("rbkc", "KEC"), ("lbhf", "HMF"), ("rbwm", "WNM"), ("kcc", "KEN"), ("wscc", "WSX"),
                  ("escc", "ESX"), ("cwac", "CHW"), ("lbth", "TWH"), ("rct", "RCT"), ("npt", "NTL"), ("bwd", "BBD"),
                  ("mk", "MIK"), ("nelc", "NEL"), ("eryc", "ERY"), ("sglos", "SGC"),
                  # towns that headlines use for their council's whole name
                  ("merthyr", "MTY"), ("king s lynn", "KIN"), ("borders", "SCB"),
                  ("abc", "ABC"),  # Northern Ireland's councils' acronyms (each needs a council word)
                  ("sir gar", "CMN"),  # Welsh short names the register lacks ("Sir Gâr" is Carmarthenshire)
                  # the older names of combined authorities' regions, a place unless the authority is named
                  # ("Teesside mayor", "Merseyside mayor"), like any region's
                  ("teesside", "TVCA"), ("merseyside", "LCR"),
                  ("brum", "BIR"), ("toon", "NET"))  # nicknames (`council_kinds.NICKNAMES`), ordinary words
# A compass word before a county's name that is not a council's name with it: a part of the county
# ("South and East Lincolnshire", "East Kent"), not the county council.
COMPASS = frozenset({"north", "south", "east", "west", "mid", "northern", "southern", "eastern", "western", "central"})
# National bodies, utilities, bus operators and attractions whose news names the place it happens in
# ("Sport England awards £2m to Wigan community clubs", "Arriva cuts Sunday services in Wirral"): with
# no local-government word, the place is where, not the council. ("<Name> Water" is a water company.)
OTHER_BODIES = tuple(tuple(name.split()) for name in (
    "sport england", "historic england", "natural england", "homes england", "nhs england", "arts council",
    "english heritage", "national trust", "network rail", "national highways", "environment agency",
    "canal and river trust", "national lottery", "heritage fund", "research council", "research councils",
    "met office", "rnli", "ofwat", "ofgem", "ofcom", "arriva", "stagecoach", "first bus", "firstbus", "go north east",
    "national express", "transdev", "metroline", "abellio", "united utilities", "severn trent", "dwr cymru",
    "sportscotland", "historic environment scotland", "cadw", "natural resources wales", "sepa", "national grid",
    "openreach", "royal mail", "eden project", "forestry england", "wildlife trust", "ukhsa", "hs2",
    "visit wales", "visitscotland", "visit scotland", "visitbritain", "visit britain", "visit england",
    "scottish water", "police scotland", "transport scotland", "historic royal palaces"))
# Capitalised before a council's name, these make another place of it: "Old Trafford", "Little
# Chalfont", "Upper Norwood" (a longer name that is a council's, "Great Yarmouth", is matched first).
OTHER_PLACE_PREFIXES = frozenset({"Old", "Little", "Upper", "Lower", "Nether", "Great", "Long", "Market"})
# Emergency services (the PSNI and PCSOs too): a place named in their news is where it happened, not the council.
EMERGENCY_WORDS = frozenset({"police", "constabulary", "fire", "ambulance", "coastguard", "psni", "pcso", "pcsos"})
