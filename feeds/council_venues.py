"""The places one council owns and runs, known by names of their own: its parks and halls, its markets, museums and
galleries, its crematoria and cemeteries, its lidos, the festivals it stages, and a service it runs under a name of
its own ("Heaton Park closed for safety checks after gales", "Kirkgate Market traders hit by roof leaks", "Chanterlands
Crematorium apologises", "Cambridge Folk Festival sells out", "Cityclean workers balloted"). The labelled sets read
their news as the owning council's, as they read `feeds.council_landmarks`'s. Only names no other body's place shares
and that one council owns and runs are listed: not a park, market or museum a trust or company runs (the Royal Parks,
Camden Market, Sheffield's or Birmingham's museums, Tyne and Wear's, a national museum), not a lido a charity runs
(Sandford Parks, Jubilee Pool), not a name two towns give different places ("Stanley Park", "Preston Park", "Victoria
Park"), nor Blackpool's Illuminations, whose news as an attraction the labelled sets read as its own.

The matcher reads them as multi-word names, which count on their own words. A weather story may tell of one closed,
repaired or reopened, a festival moved indoors: `judged` counts such a name the story refused, when the text tells of
its running (`feeds.council_facilities.UPKEEP`, and a storm's closures and repairs); never in a crime, court, sport
or accident story, nor beside an emergency service or a club, nor beside another council counted.
"""
from __future__ import annotations

from feeds.council_tokens import CouncilEvidence

COUNCIL_VENUES = (
    # parks, gardens and halls in them
    ("heaton park", "MAN"), ("wythenshawe park", "MAN"), ("platt fields", "MAN"), ("southern cemetery", "MAN"),
    ("roundhay park", "LDS"), ("temple newsam", "LDS"), ("golden acre park", "LDS"), ("kirkstall abbey", "LDS"),
    ("lotherton hall", "LDS"), ("sefton park", "LIV"), ("calderstones park", "LIV"), ("croxteth hall", "LIV"),
    ("saltwell park", "GAT"), ("jesmond dene", "NET"), ("exhibition park", "NET"), ("leazes park", "NET"),
    ("lister park", "BRD"), ("ward jackson park", "HPL"), ("stewart park", "MDB"), ("ropner park", "STT"),
    ("locke park", "BNS"), ("cannon hall", "BNS"), ("endcliffe park", "SHF"), ("graves park", "SHF"),
    ("millhouses park", "SHF"), ("pearson park", "KHL"), ("wollaton hall", "NGM"), ("wollaton park", "NGM"),
    ("cannon hill park", "BIR"), ("sutton park", "BIR"), ("pittville park", "CHT"), ("brockwell park", "LBH"),
    ("clapham common", "LBH"), ("tooting common", "WND"), ("battersea park", "WND"), ("wandsworth common", "WND"),
    ("burgess park", "SWK"), ("clissold park", "HCK"), ("hampstead heath", "LND"), ("highgate wood", "LND"),
    ("burnham beeches", "LND"), ("kelvingrove park", "GLG"), ("pollok country park", "GLG"),
    ("bellahouston park", "GLG"), ("princes street gardens", "EDH"), ("duthie park", "ABE"), ("hazlehead park", "ABE"),
    ("roath park", "CRF"), ("bute park", "CRF"), ("singleton park", "SWA"), ("ormeau park", "BFS"),
    ("verulamium park", "SAL"), ("christchurch park", "IPS"), ("christchurch mansion", "IPS"), ("wardown park", "LUT"),
    ("hylands park", "CHL"), ("hylands house", "CHL"), ("eaton park", "NOW"), ("parker s piece", "CAB"),
    ("jesus green", "CAB"), ("midsummer common", "CAB"), ("cherry hinton hall", "CAB"), ("stanmer park", "BNH"),
    ("hove lawns", "BNH"), ("southsea common", "POR"), ("plymouth hoe", "PLY"), ("ashton court", "BST"),
    ("blaise castle", "BST"), ("royal victoria park", "BAS"), ("hanley park", "STE"), ("markeaton park", "DER"),
    ("darley park", "DER"), ("rowntree park", "YOR"), ("mowbray park", "SND"), ("wharton park", "DUR"),
    ("avenham park", "PRE"), ("williamson park", "LAC"), ("haigh hall", "WGN"), ("bramall hall", "SKP"),
    ("shibden hall", "CLD"), ("oakwell hall", "KIR"), ("greenhead park", "KIR"), ("thornes park", "WKF"),
    ("pugneys country park", "WKF"), ("cusworth hall", "DNC"), ("sandall park", "DNC"),
    ("rother valley country park", "ROT"),
    # markets
    ("kirkgate market", "LDS"), ("grainger market", "NET"), ("moor market", "SHF"), ("tommyfield market", "OLD"),
    ("st george s market", "BFS"), ("st johns market", "LIV"), ("st john s market", "LIV"),
    ("bull ring markets", "BIR"), ("bullring markets", "BIR"), ("darley street market", "BRD"),
    ("queensgate market", "KIR"), ("sneinton market", "NGM"), ("ridley road market", "HCK"),
    ("billingsgate market", "LND"), ("new spitalfields market", "LND"), ("leadenhall market", "LND"),
    # museums and galleries
    ("cartwright hall", "BRD"), ("bolling hall", "BRD"), ("cliffe castle", "BRD"),
    ("bradford industrial museum", "BRD"), ("kirkleatham museum", "RCC"), ("dorman museum", "MDB"),
    ("danum gallery", "DNC"), ("clifton park museum", "ROT"), ("bankfield museum", "CLD"), ("tolson museum", "KIR"),
    ("hull maritime museum", "KHL"), ("streetlife museum", "KHL"), ("jewry wall", "LCE"), ("new walk museum", "LCE"),
    ("harris museum", "PRE"), ("williamson art gallery", "WRL"), ("new art gallery walsall", "WLL"),
    ("bantock house", "WLV"), ("portland basin museum", "TAM"), ("seacity museum", "STH"), ("d day story", "POR"),
    ("royal albert memorial museum", "EXE"), ("m shed", "BST"), ("victoria art gallery", "BAS"),
    ("fashion museum", "BAS"), ("norwich castle", "NFK"), ("time and tide museum", "NFK"), ("colchester castle", "COL"),
    ("valence house", "BDG"), ("bruce castle", "HRY"), ("vestry house museum", "WFT"),
    ("william morris gallery", "WFT"), ("smeaton s tower", "PLY"),
    # libraries by names of their own
    ("library of birmingham", "BIR"), ("idea store", "TWH"), ("idea stores", "TWH"),
    # crematoria and cemeteries
    ("chanterlands crematorium", "KHL"), ("lodge hill crematorium", "BIR"), ("perry barr crematorium", "BIR"),
    ("yardley crematorium", "BIR"), ("blackley crematorium", "MAN"), ("lawnswood crematorium", "LDS"),
    ("lawnswood cemetery", "LDS"), ("cottingley crematorium", "LDS"), ("rawdon crematorium", "LDS"),
    ("scholemoor crematorium", "BRD"), ("nab wood crematorium", "BRD"), ("oakworth crematorium", "BRD"),
    ("hutcliffe wood crematorium", "SHF"), ("grenoside crematorium", "SHF"), ("anfield crematorium", "LIV"),
    ("anfield cemetery", "LIV"), ("springwood crematorium", "LIV"), ("allerton cemetery", "LIV"),
    ("canley crematorium", "COV"), ("bushbury crematorium", "WLV"), ("gornal wood crematorium", "DUD"),
    ("wilford hill crematorium", "NGM"), ("morriston crematorium", "SWA"), ("thornhill crematorium", "CRF"),
    ("hawkhead cemetery", "RFW"),
    # lidos and pools
    ("brockwell lido", "LBH"), ("tooting bec lido", "WND"), ("london fields lido", "HCK"),
    ("parliament hill lido", "LND"), ("charlton lido", "GRE"), ("tinside lido", "PLY"), ("jesus green lido", "CAB"),
    ("ilkley lido", "BRD"), ("guildford lido", "GRT"), ("pools on the park", "RIC"),
    # festivals the council stages at its own grounds
    ("cambridge folk festival", "CAB"), ("wakefield rhubarb festival", "WKF"), ("rhubarb festival", "WKF"),
    # a service run under a name of its own
    ("cityclean", "BNH"),
)

_NAMES = frozenset(name for name, _code in COUNCIL_VENUES)
# A storm's or heatwave's closures and repairs of a place, and the changes to its running: beside a weather word, the
# place's running, not where the weather happened ("Heaton Park closed for safety checks after gales").
RUNNING = frozenset({"closed", "closes", "close", "shut", "shuts", "reopens", "reopen", "reopened", "reopening",
                     "repairs", "repair", "roof", "damage", "checks", "safety", "staff", "traders", "stallholders",
                     "moves", "moved", "indoors", "cancelled", "postponed", "hours", "opening", "openings", "extends",
                     "extended", "sandbags", "book", "booking", "fees", "restoration", "clearance"})


def is_venue(named: str) -> bool:
    """`named` (words as written) is one of the listed places."""
    return " ".join(named.lower().replace("-", " ").replace("'", " ").split()) in _NAMES


def judged(out: list[CouncilEvidence], story: str | None, upkeep: frozenset[str],
           words: list[str]) -> list[CouncilEvidence]:
    """`out` with each listed place judged again. Refused in a crime, court, sport or accident story or beside an
    emergency service (`story` "blocked"), beside a club ("Newcastle United plan new stadium at Leazes Park": the
    club's news), or beside another council counted ("Redcar and Cleveland approves … crematorium upgrade": the
    council acting is the one named). Otherwise counted where the finder refused it, when the text tells of its
    running (`RUNNING` or `upkeep`'s words) or, in no weather story, of anything."""
    others = {e.code for e in out if e.counted and not is_venue(e.named)}
    if story == "blocked" or any(e.why.startswith("names a club") for e in out):
        why = "a place the council runs, in a club's, a crime's or an accident's news"
        return [CouncilEvidence(e.code, e.named, False, why) if e.counted and is_venue(e.named) else e for e in out]
    if others:
        return [CouncilEvidence(e.code, e.named, False, "a place the council runs, beside another council acting")
                if e.counted and e.code not in others and is_venue(e.named) else e for e in out]
    if story == "weather story" and RUNNING.isdisjoint(words) and upkeep.isdisjoint(words):
        return out
    return [CouncilEvidence(e.code, e.named, True, "a place the council owns and runs, by its own name")
            if not e.counted and is_venue(e.named) else e for e in out]
