"""The words a question is read by: what names each command family, periods as people say them, tone.

Kept apart from the reader so the vocabulary can be read (and extended) at a glance. Every phrase is
lower case, in the tokens `words_of` produces.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

_TOKEN = re.compile(r"[a-z0-9]+(?:[/.\-][a-z0-9]+)*")
_URL = re.compile(r"https?://\S+")
_MENTION = re.compile(r"^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>|@?/?herald\b[:,]?|(?:hi|hey|hello|ok|okay)\s+herald\b[:,]?)\s*",
                      re.IGNORECASE)

# Shorthand and spellings, replaced before anything else is read.
SHORTHAND = {
    "wk": "week", "wks": "weeks", "mnth": "month", "mth": "month", "mths": "months", "yday": "yesterday",
    "qtr": "quarter", "pls": "please", "plz": "please", "prog": "programme", "progs": "programmes",
    "program": "programme", "programs": "programmes", "whats": "what", "hows": "how", "wheres": "where",
    "roundup": "round-up", "cttee": "committee", "govt": "government", "thx": "thanks", "ta": "thanks",
    "rss": "rss", "peer-challenge": "peer challenge", "peer-challenges": "peer challenges",
    "follow-up": "follow up", "follow-ups": "follow ups", "e-bulletin": "bulletin", "e-bulletins": "bulletins",
    "lastweek": "last week", "lastmonth": "last month", "thisweek": "this week", "thismonth": "this month",
}
# Periods people say that the period parser does not: read as the period it does.
PERIOD_PHRASES = (
    ("last fortnight", "last 14 days"), ("past fortnight", "last 14 days"), ("this fortnight", "last 14 days"),
    ("fortnight", "last 14 days"), ("lately", "last 30 days"), ("recently", "last 30 days"),
    ("so far this year", "this year"), ("this morning", "today"), ("over the weekend", "last 3 days"),
    ("past week", "last week"), ("previous week", "last week"), ("past month", "last month"),
    ("previous month", "last month"), ("past quarter", "last quarter"), ("previous quarter", "last quarter"),
    ("past year", "last year"), ("previous year", "last year"),
)
NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "a": "1"}
ORDINAL_QUARTERS = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4", "1st": "q1", "2nd": "q2",
                    "3rd": "q3", "4th": "q4"}
# Free words that say a period was meant: if they are left over, the period was not read, so ask.
PERIODISH = frozenset({"week", "weeks", "month", "months", "year", "years", "quarter", "quarters", "days", "day",
                       "calendar", "commencing", "beginning", "starting", "1st", "2nd", "3rd", "4th", "since",
                       "until", "between", "w/c", "weekend", "morning", "afternoon", "tonight", "ago"})

NEGATIVE = frozenset({"negative", "bad", "critical", "poor", "hostile", "unfavourable", "unfavorable", "damaging",
                      "adverse", "unflattering"})
POSITIVE = frozenset({"positive", "good", "favourable", "favorable", "great", "glowing", "flattering", "nice"})
NEUTRAL = frozenset({"neutral"})

# Cues: single words, and phrases matched on word boundaries.
COVERAGE = frozenset({"coverage", "covered", "cover", "news", "media", "mentions", "mentioned", "mention",
                      "articles", "article", "stories", "story", "headlines", "headline", "press", "papers",
                      "wrote", "written", "write", "said", "cuttings", "clippings", "covering", "mentioning",
                      "nationals", "national", "trade", "broadcast", "radio", "tv", "television", "newspapers",
                      "newspaper", "outlets", "outlet", "journalists", "reported", "reporting", "saying", "say",
                      "says"})
PROGRAMME = frozenset({"programme", "programmes", "project", "projects", "rag", "rating", "ratings", "red", "amber",
                       "green", "track", "risk", "workstream", "workstreams"})
CAMPAIGN = frozenset({"campaign", "campaigns"})
DIGEST = frozenset({"digest", "digests", "round-up", "bulletin", "bulletins", "newsletter", "subscribed",
                    "subscription", "subscriptions", "subscribers"})
DIGEST_PHRASES = ("round up", "start the week", "board update", "board report", "board paper", "daily email",
                  "weekly email", "coverage email")
FEEDS = frozenset({"feed", "feeds", "rss", "sources", "monitor", "monitors", "monitoring", "tracking",
                   "poll", "polls", "polling"})
PEER_PHRASES = ("peer challenge", "peer challenges", "peer review", "peer reviews", "cpc", "cpcs",
                "corporate peer challenge")
PRESS_PHRASES = ("put out", "sent out", "send out", "issued", "press office", "press activity",
                 "press activities", "press team", "announced", "announce", "announcements", "announcement",
                 "press notices", "media releases", "media release", "spokesperson", "spokespeople")
PRESS_KINDS = {  # a word in a question → the press type it names
    "press release": "press release", "press releases": "press release", "release": "press release",
    "releases": "press release", "news release": "press release", "statement": "statement",
    "statements": "statement", "interview": "interview", "interviews": "interview", "exclusive": "exclusive",
    "exclusives": "exclusive", "briefing": "briefing", "briefings": "briefing", "podcast": "podcast",
    "podcasts": "podcast", "op-ed": "article", "op-eds": "article",
}
DUE = frozenset({"due", "overdue", "upcoming", "next", "late", "outstanding", "pending"})
DUE_PHRASES = ("coming up", "follow ups", "follow up", "next steps")
STATS = frozenset({"stats", "statistics", "numbers", "figures", "totals", "total", "count"})
STATS_PHRASES = ("how many",)
BY_REGION = frozenset({"region", "regions", "regional"})
BY_TYPE = frozenset({"type", "types", "kind", "kinds"})
BY_YEAR = frozenset({"year", "years", "yearly", "annual", "annually"})
LIST_DIGESTS = ("set up", "subscriptions", "subscription", "subscribed", "subscribers", "who gets", "who receives",
                "scheduled", "channels", "channel", "recipients", "where does", "where do", "goes to", "go to")
BOARD = ("board",)
GREETINGS = frozenset({"hello", "hi", "hey", "hiya", "morning", "afternoon", "thanks", "thank", "cheers",
                       "start", "menu", "commands", "options", "usage", "instructions", "guide"})
HELP_PHRASES = ("what can you do", "what can i ask", "what do you do", "what commands", "how do i use",
                "how does this work", "how does herald work", "what can herald", "how do you work",
                "what are you", "who are you", "commands are there", "what questions")
HOW_TO = ("how do i", "how can i", "how should i", "how to", "help with", "help me")

# A sentence that starts with one of these (after "please", "can you"…) wants something changed.
CHANGE_VERBS = frozenset({"add", "log", "record", "mark", "set", "change", "remove", "delete", "unsubscribe",
                          "subscribe", "send", "create", "edit", "restore", "link", "unlink", "approve", "drop",
                          "rate", "make", "move", "register", "schedule", "cancel", "stop", "post", "publish",
                          "upload", "import", "tag", "alert", "notify", "email", "update", "flag", "rename"})
# Words a request may start with before its verb ("I'd like to add…", "can you please mark…").
POLITE = frozenset({"please", "pls", "can", "could", "would", "will", "you", "u", "i", "id", "d", "ll", "like", "to",
                    "want", "wanna", "need", "we", "let", "lets", "s", "go", "ahead", "and", "kindly", "herald",
                    "quickly", "just", "now", "ok", "okay", "right", "so", "hi", "hey", "also"})
# A sentence saying a peer challenge moved on ("Woking's report was published") has one of these.
HAPPENED = frozenset({"was", "is", "now", "has", "been", "published", "completed", "done", "finished", "started",
                      "booked", "agreed", "today", "yesterday", "went", "happened", "took"})
# Everyday words a misspelt council name is never looked for in.
NOT_COUNCILS = frozenset({"about", "doing", "going", "there", "their", "where", "which", "would", "could", "should",
                          "latest", "please", "thanks", "anything", "something", "everything", "nothing", "since",
                          "getting", "happening", "between", "during", "after", "before", "under", "other",
                          "these", "those", "things", "thing", "think", "today", "first", "local", "government",
                          "meaning", "people", "every", "ask", "show", "tell", "report", "update", "status",
                          "england", "wales", "scotland", "ireland", "britain", "north", "south", "east", "west",
                          "midlands", "region", "regions", "nationally", "country", "councils", "authority"})
QUESTION_STARTS = frozenset({"what", "which", "who", "how", "when", "where", "why", "is", "are", "was", "were",
                             "did", "do", "does", "has", "have", "had", "any", "anything", "can", "could",
                             "show", "tell", "give", "list", "whats", "hows", "wheres"})
# Words that make a line typed after a command word a question rather than the command's grammar.
# (Never a word of a command's own grammar: "show", "list", "on site" are.)
QUESTIONY = frozenset({"of", "for", "about", "from", "pls", "please", "me", "us", "we", "our", "any", "mentioning",
                       "how", "what", "whats", "did", "does", "has", "have", "was", "were", "is", "are", "been",
                       "got", "overview", "going", "doing", "i", "you", "can", "could", "tell", "looking", "per",
                       "each", "by", "in", "the", "at", "with", "should", "know"})

VOCABULARY = sorted(
    COVERAGE | PROGRAMME | CAMPAIGN | DIGEST | FEEDS | DUE | STATS | NEGATIVE | POSITIVE | NEUTRAL
    | {w for phrase in PEER_PHRASES + tuple(PRESS_KINDS) for w in phrase.split()}
    | {"week", "month", "quarter", "year", "today", "yesterday", "last", "this", "since", "days", "weeks",
       "months", "january", "february", "march", "april", "june", "july", "august", "september", "october",
       "november", "december", "challenge", "challenges", "council", "councils", "preview", "help", "status"})
_KNOWN = frozenset(VOCABULARY) | CHANGE_VERBS | QUESTION_STARTS | QUESTIONY  # never "corrected" into another word


def strip_mention(text: str) -> str:
    """The question without a leading "@Herald", "/herald" or "hey Herald"."""
    return _MENTION.sub("", text, count=1).strip()


def urls_of(text: str) -> list[str]:
    """Web addresses in the text, as typed."""
    return _URL.findall(text)


def words_of(text: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """Lower-case tokens with shorthand spelt out and typos of Herald's own words corrected.

    `keep` are words that are names (councils, outlets, programmes) and are never "corrected".
    """
    plain = _URL.sub(" ", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    plain = re.sub(r"'s\b", "", plain)
    out: list[str] = []
    for token in _TOKEN.findall(plain):
        token = token.strip(".-/")
        if not token:
            continue
        token = SHORTHAND.get(token, token)
        if "-" in token and token not in _KNOWN and token not in keep:
            token = token.replace("-", " ")  # "Stoke-on-Trent" as its words, as council names are kept
        elif token not in _KNOWN and token not in keep:
            token = _corrected(token)
        out.extend(token.split())
    joined = re.sub(r"\bbetween (\S+(?: \S+){0,2}) and ", r"\1 to ", " ".join(out))  # between 1/10 and 31/10
    for said, period in PERIOD_PHRASES:
        joined = re.sub(rf"\b(?:the |over the |in the )?{said}\b", period, joined)
    joined = re.sub(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(days?|weeks?|months?)\b",
                    lambda m: f"{NUMBER_WORDS[m.group(1)]} {m.group(2)}", joined)  # "last three months"
    joined = re.sub(r"\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b",
                    lambda m: ORDINAL_QUARTERS[m.group(1)], joined)  # "the first quarter of 2023/24"
    joined = re.sub(r"\b(in|for|during|of|throughout) ((?:19|20)\d\d)\b(?![/-])",
                    r"\1 1/1/\2 to 31/12/\2", joined)  # "in 2024": the calendar year
    return joined.split()


def _corrected(token: str) -> str:
    """A misspelling of one of Herald's words ("covrage", "programe", "yesturday"), else the token."""
    if len(token) < 5 or not token.isalpha():
        return token
    found = process.extractOne(token, VOCABULARY, scorer=fuzz.ratio, score_cutoff=88)
    return found[0] if found and found[0][0] == token[0] else token  # "settlements" is not "statements"


def has_phrase(words: list[str], phrases: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether any phrase occurs in `words` on word boundaries."""
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in phrases)
