"""What kind of other news a text is, read as a local paper's feed would be: a crime or court story,
a sport story, a weather story, or an accident or emergency (an incident). A place
named in such a text, with no local-government word, is where it happened, not its council (see
`feeds.council_context.acts` for when a council named in one still counts). Split from
`feeds.council_context`."""
from __future__ import annotations

from feeds.council_context import _COUNCIL_NAMED, LOCAL_GOVERNMENT_ONLY, services_named
from feeds.council_kinds import BANS
from feeds.council_tokens import Tokens
from feeds.council_words import COUNCIL_VERBS, COUNCIL_WORDS, PARLIAMENT_AFTER, SPORT_RESULTS
from models.relevance import LOCAL_GOVERNMENT_WORDS, OFF_TOPIC_WORDS
from models.relevance_words import a_pilots_fate

# Crime words `models.relevance` does not list, whose news happens in a place: "Leeds hit-and-run
# victim named", "Bradford riots anniversary".
MORE_CRIME = frozenset({"victim", "victims", "riot", "riots", "rioters", "rioting", "manslaughter", "arson",
                        "arsonist", "arsonists", "kidnap", "kidnapped", "carjacking", "mugging", "mugged",
                        "smuggling", "smuggler", "trafficking", "sentencing", "acquitted", "remanded",
                        "unrest", "disorder"})  # "Leicester unrest: report published"
# Accidents and emergencies, whose news happens in a place: "Gas explosion in Bolton destroys homes".
INCIDENTS = frozenset({"explosion", "explosions", "blast", "blaze", "derailment", "derailed", "collision",
                       "sinkhole", "landslide", "drowned", "drowning", "capsized", "evacuated",
                       # a crash is an accident, though `models.relevance` reads it as travel news
                       "crash", "crashes", "crashed", "killed", "injured", "injures", "hurt", "evacuation", "leak",
                       "tornado", "bomb", "lifeboat", "rnli", "aground", "wildfire", "earthquake",
                       # a utility's failure: "Broadband outage hits Norfolk villages"
                       "outage", "outages", "blackout", "blackouts"})
# Crowds' events, whose news happens in a place like an accident's: "Lewes bonfire night crowds warned
# to stay away", "Notting Hill carnival revellers told to plan journeys".
EVENTS = frozenset({"bonfire", "bonfires", "carnival", "fireworks", "crowds", "crowd", "revellers", "partygoers",
                    "festivalgoers",
                    # Protests' crowds ("Protesters march in Kent…", "Tractors block roads in Devon")
                    "protesters", "demonstrators", "marchers", "tractors"})
# Weather words `models.relevance` does not list: "Amber heat warning for Kent and Sussex".
MORE_WEATHER = frozenset({"lightning",  # "Lightning strike sets fire to…"
                          "heat", "hail", "icy", "blizzard", "blizzards", "drought", "downpour", "downpours", "sleet",
                          "flooded", "thunder", "thunderstorm", "rainfall", "snowfall",
                          # A river's flood fought at home ("…as residents sandbag homes")
                          "sandbag", "sandbags", "sandbagged", "sandbagging"})
_OFF_TOPIC = {word: kind for kind, listed in OFF_TOPIC_WORDS.items() for word in listed.split()} | \
    dict.fromkeys(MORE_CRIME, "crime or court") | dict.fromkeys(INCIDENTS | EVENTS, "incident") | \
    dict.fromkeys(MORE_WEATHER, "weather")
# Sports and contests `models.relevance` does not list ("Eastbourne tennis tournament").
MORE_SPORT = frozenset({"tennis", "tournament", "snooker", "athletics", "gymnastics", "rowing", "regatta"})
# The kinds of news that happen in a place whatever word of another kind comes first (a travel or business word
# before a storm does not hide it); a court's word after another kind's is read as its first word says.
_HAPPENED = ("weather", "incident")
_STORY_WORDS = MORE_SPORT | SPORT_RESULTS | frozenset(OFF_TOPIC_WORDS["crime or court"].split()) | MORE_CRIME | \
    INCIDENTS | \
    EVENTS | frozenset(OFF_TOPIC_WORDS["weather"].split()) | MORE_WEATHER
# Court words that are also a council's verbs of trying something out: "Waltham Forest to trial
# car-free streets" is a pilot, not a court's trial.
_PILOT_WORDS = frozenset({"trial"})
_PILOT_BEFORE = frozenset({"to", "will", "would", "could", "may", "and"})


def other_news(tokens: Tokens) -> str | None:
    """"crime or court story", "sport story", "weather story" or "incident story" (an accident or
    emergency: `INCIDENTS`) when the text reads as one and has no local-government word
    (`models.relevance.off_topic`): "Man jailed for Leeds city centre stabbing" and "Southampton sack
    manager" happened in a place, and are not its council's news. (A weather or incident story's place
    counts only after a place word, `acts`: a council's storm repairs are its news.)"""
    words = tokens.words
    if _STORY_WORDS.isdisjoint(words) and "derby" not in tokens.texts:
        return None  # most texts: no word of any kind, so no need to read them as a local paper would
    if not LOCAL_GOVERNMENT_ONLY.isdisjoint(words) or not _COUNCIL_NAMED.isdisjoint(words):
        return None
    kinds = [_OFF_TOPIC[w] for k, w in enumerate(words) if w in _OFF_TOPIC and not _a_pilot(words, k)]
    kind = kinds[0] if kinds else None  # as `off_topic` reads it, but a council's "to trial" is no court
    if kind in ("crime or court", "weather", "incident"):
        return f"{kind} story"
    happened = next((k for k in kinds if k in _HAPPENED), None)  # "ferry to Shetland cancelled as gales hit"
    if happened:
        return f"{happened} story"
    hits = set((SPORT_RESULTS | MORE_SPORT).intersection(words)) | ({"derby"} & set(tokens.texts))  # a match, lower case
    if hits and _a_score(words):
        hits.add("score")  # "Leeds beat Bradford 3-0": a result
    if "rugby" in hits and _the_town(tokens, "Rugby"):
        hits.discard("rugby")  # "Rugby's town centre plan": the town, not the game
    if "league" in hits and _a_sport_league(words):
        hits.add("a sport's league")  # "Premier League finish": the weak word named as a sport's own league
    if len(hits) < 2 and hits <= _WEAK_SPORT and _SPORT_ONLY.isdisjoint(words) and "derby" not in tokens.texts:
        return None  # "Tendring to transfer beach huts to a trust", "Surrey tops pothole league table": one
        # word other news uses too is not sport
    if kind is None and services_named(words):
        return None  # "Wigan fostering recruitment drive beats target": a council's service, not a game
    if (kind == "sport" or (kind is None and LOCAL_GOVERNMENT_WORDS.isdisjoint(words))) and hits:
        return "sport story"  # not on a weak word alone: "Derby and Derbyshire sign a deal"
    return None


def _a_pilot(words: list[str], k: int) -> bool:
    """The court word at `k` is a verb of trying something out ("to trial car-free streets", "will
    trial a four-day week"), not a trial in court ("murder trial", "trial of two men")."""
    return words[k] in _PILOT_WORDS and k > 0 and (words[k - 1] in _PILOT_BEFORE or words[k - 1] in _TRIED or
                                                   words[k + 1:k + 2] and words[k + 1] in _PILOT_FATES or
                                                   a_pilots_fate(words, k))  # "keeps four-day week after trial"


# A pilot's own words: what was tried before "trial" ("four-day week trial") and its fate after ("trial made
# permanent", "trial extended"), which no court's trial has.
_TRIED = frozenset({"week", "scheme", "pilot", "streets", "street", "zone", "zones", "lane", "lanes", "parking"})
_PILOT_FATES = frozenset({"made", "extended", "scrapped", "expanded", "ends", "ended", "results", "success", "hailed"})


def _a_sport_league(words: list[str]) -> bool:
    """"league" after a sport's league's own name ("Premier League", "Champions League", "Super League"),
    not a table of councils ("pothole league table")."""
    return any(w == "league" and k and words[k - 1] in _LEAGUES for k, w in enumerate(words))


# The words before "league" in sports' leagues' names.
_LEAGUES = frozenset({"premier", "champions", "europa", "conference", "super", "football", "national", "efl",
                      "rugby", "netball", "hockey", "basketball", "cricket", "county"})


def _a_score(words: list[str]) -> bool:
    """Two small numbers side by side, as a score is written ("3-0", "2-1")."""
    return any(a.isdigit() and b.isdigit() and len(a) <= 2 and len(b) <= 2 for a, b in zip(words, words[1:]))


# Sport words that other news uses too: sport only beside another sport word.
_WEAK_SPORT = frozenset({"transfer", "takeover", "league", "beat", "draw", "final", "supporters", "sack"})
# Sport words of `models.relevance`'s off-topic list that other news does not use.
_SPORT_ONLY = frozenset(OFF_TOPIC_WORDS["sport"].split()) - _WEAK_SPORT - {"sign", "signs", "signed", "fans", "derby",
                                                                         "season", "boss", "try", "tries"}


def _the_town(tokens: Tokens, name: str) -> bool:
    """`name` (a council's that is also a sport's) written as the town: capitalised, then a
    possessive, a council word or its MP ("Rugby's", "Rugby Borough", "Rugby MP")."""
    return any(text == name and tokens.words[k + 1:k + 2] and (tokens.words[k + 1] in COUNCIL_WORDS or
                                                              tokens.words[k + 1] in PARLIAMENT_AFTER)
               for k, text in enumerate(tokens.texts))


def incident_named_after(words: list[str], end: int, story: str | None) -> bool:
    """In an incident story, the accident, emergency or crowd's event named within two words after a
    place's name ("Croydon tram crash anniversary", "Stockport bus crash injures six", "Wigan gas
    explosion", "Lewes bonfire night crowds"), or as the verb of what the place's building or people
    underwent within four ("Leicester primary school evacuated after gas leak"), with no council verb
    or "to" before it: the place is where it happened, even at the head of the text, where a weather
    word after a name may begin the council's own news ("Rhondda Cynon Taf storm repairs bill")."""
    if story != "incident story" or words[end:end + 1] and words[end] in BANS:
        return False  # "Moray bans fireworks": the body acting on the event
    if any(w in INCIDENTS or w in EVENTS for w in words[end:end + 2]):
        return True
    for word in words[end:end + 4]:
        if word in _UNDERWENT:
            return True
        if word == "to" or word in COUNCIL_VERBS:
            return False
    return False


# Incidents' words that are the verb of what a place's building or people underwent.
_UNDERWENT = frozenset({"evacuated", "derailed", "capsized", "crashed", "killed", "injured", "hurt", "drowned"})
