"""Which command a taken-apart question means: the family from its cue words, the command from its names.

Rules run in a fixed order (help, a change, then the families from the most specific cue to the most
general) and return readings best first, each with a confidence: 0.9 when a cue names the family,
lower when only a name does, so the caller can ask instead of guessing.
"""
from __future__ import annotations

from handlers.question import Question, Reading
from handlers.question_words import (
    BOARD, BY_REGION, BY_TYPE, BY_YEAR, CAMPAIGN, CHANGE_VERBS, COVERAGE, DIGEST, DIGEST_PHRASES, DUE, DUE_PHRASES,
    FEEDS, GREETINGS, HAPPENED, HELP_PHRASES, HOW_TO, LIST_DIGESTS, PEER_PHRASES, POLITE, PRESS_KINDS,
    PERIODISH, PRESS_PHRASES, PROGRAMME, QUESTION_STARTS, STATS, STATS_PHRASES, has_phrase,
)
from models.peer_challenge import find_stage_phrase
from models.periods import MONTHS

SURE, LIKELY, MAYBE = 0.9, 0.7, 0.5
RAG = frozenset({"red", "amber", "green"})
ENQUIRY = frozenset({"enquiry", "enquiries", "inquiry", "inquiries"})
FAMILY_WORDS = {  # most specific first: "log a press release" is /press, not /coverage
    "peer-challenge": frozenset({"peer", "cpc"}), "enquiry": ENQUIRY, "press": frozenset(PRESS_KINDS) | {"release", "releases"},
    "digest": DIGEST, "feeds": frozenset({"feed", "feeds", "rss"}), "campaign": CAMPAIGN, "programme": PROGRAMME,
    "council": frozenset({"council", "councils"}), "coverage": COVERAGE,
}


def quoted(name: str) -> str:
    """A name as an option value: quoted when it has a space."""
    return f'"{name}"' if " " in name else name


def readings(q: Question) -> list[Reading]:
    """The readings of a question, best first; empty when nothing in it names a command."""
    for rule in (_help, _change, _lines, _peer_challenge, _digest, _feeds, _enquiry, _support, _press, _campaign,
                 _programme, _coverage, _council, _period_only):
        found = rule(q)
        if found:
            return found
    return []


def _help(q: Question) -> list[Reading]:
    """Help: Herald's, or a family's when the question names one ("how do I log a press release")."""
    asks = (has_phrase(q.words, HOW_TO + HELP_PHRASES) or q.has("help")
            or (q.words[:2] == ["what", "does"] and q.words[-1:] == ["do"]))  # "what does /coverage do?"
    if not asks and q.words and not set(q.words) <= GREETINGS | {"you", "there", "herald", "good", "so", "much"}:
        return []
    named = [w for w in q.words if w in FAMILY_WORDS and w != "council"]  # "the press command"
    family = named[0] if len(named) == 1 else next((n for n, cues in FAMILY_WORDS.items() if q.has(*cues)), None)
    if has_phrase(q.words, PEER_PHRASES):
        family = "peer-challenge"
    if family and not asks:
        return []
    return [Reading(f"{family} help" if family else "herald help", SURE)]


def _verb(q: Question) -> str | None:
    """The first word after any politeness, when it asks for a change ("please mark…" → "mark")."""
    words = list(q.words)
    while words and words[0] in POLITE:
        words = words[1:]
    if not words or words[0] not in CHANGE_VERBS:
        return None
    if words[0] == "update" and len(words) > 1 and words[1] in ("on", "for", "about", "me"):
        return None  # "update on LG Inform" asks for news
    if words[0] in ("send", "email", "post") and words[1:2] == ["me"]:
        return None  # "send me the weekly digest" asks to see it
    return words[0]


def _change(q: Question) -> list[Reading]:
    """A sentence that would change something: the command it means, never to be run from here."""
    verb = _verb(q)
    statement = not q.text.rstrip().endswith("?") and q.words[:1] and q.words[0] not in QUESTION_STARTS
    stage = find_stage_phrase(q.words) if statement and q.councils and q.has(*HAPPENED) and has_phrase(
        q.words, PEER_PHRASES + ("report", "on site", "feedback", "action plan")) else None
    rated = statement and q.programmes and RAG & set(q.free) and q.has(*HAPPENED, "turned", "gone", "moved")
    if verb is None and stage is None and not rated:
        return []
    if stage is not None and verb is None:
        return [Reading(f"peer-challenge update {q.councils[0]} {quoted(stage[2])}", SURE, True)]
    return [Reading(_change_command(q, verb or "mark"), SURE, True)]


def _change_command(q: Question, verb: str) -> str:
    remove = verb in ("remove", "delete", "drop", "cancel", "stop", "unsubscribe")
    url = q.urls[0] if q.urls else "<url>"
    number = q.numbers[0] if q.numbers else "<id>"
    if q.has("alert", "alerts", "notify") or verb in ("alert", "notify"):
        if remove:
            return f"coverage alert remove {number}"
        return f"coverage alert add {q.tone or 'negative'}" + (f" council:{quoted(q.councils[0])}" if q.councils else "")
    if q.has("feed", "feeds", "rss"):
        return f"feeds remove {number}" if remove else f"feeds add {url}" + (f" {quoted(q.outlets[0])}" if q.outlets else "")
    if q.has("digest", "digests", "round-up", "bulletin") or verb in ("subscribe", "unsubscribe"):
        kind = "daily" if q.has("daily") else "weekly"
        if verb == "unsubscribe" or (remove and verb != "drop"):
            return f"digest unsubscribe {number}"
        if verb in ("approve", "drop"):
            return f"digest {verb} {number}"
        return f"digest send {kind}" if verb in ("send", "email", "post") else f"digest subscribe {kind} here"
    if q.has("metric", "metrics", "views", "visitors", "applications", "downloads", "attendees"):
        return f'campaign metric {quoted(q.campaigns[0]) if q.campaigns else "<campaign>"} <metric> <value>'
    if q.has("activity", "activities"):
        return f'campaign activity add {quoted(q.campaigns[0]) if q.campaigns else "<campaign>"} "<activity>" date:<date>'
    kind = next((PRESS_KINDS[w] for w in q.words if w in PRESS_KINDS), None)
    if kind or q.has("press"):
        if remove:
            return f"press delete {number}"
        return f'press {"edit" if verb == "edit" else "log"} {quoted(kind or "statement")} "<title>"'
    if q.has("tone", "item", "items") or (q.tone and q.numbers):
        return f"coverage tone {number} {q.tone or '<tone>'}"
    if q.councils and (has_phrase(q.words, PEER_PHRASES) or find_stage_phrase(q.words)):
        stage = find_stage_phrase(q.words)
        return f"peer-challenge update {q.councils[0]} {quoted(stage[2]) if stage else '<stage>'}"
    if q.programmes or RAG & set(q.words):
        rag = next((w for w in q.words if w in RAG), "<red|amber|green>")
        return f'programme update {quoted(q.programmes[0]) if q.programmes else "<programme>"} {rag} "<why>"'
    if q.urls or verb == "log" or q.has("coverage"):
        return f"coverage log {url}" + (f" {quoted(q.outlets[0])}" if q.outlets else "") + (f" {q.tone}" if q.tone else "")
    return f"{verb} …"


LINE_PHRASES = ("our line", "line to take", "lines to take", "line on", "said anything", "have we said",
                "did we say", "do we say", "our position on", "our statement on")
LINE_FILLER = frozenset({"what", "whats", "our", "line", "lines", "to", "take", "on", "about", "have", "we", "said",
                         "say", "saying", "anything", "did", "do", "is", "are", "the", "a", "an", "any", "position",
                         "statement", "there", "in", "of", "for", "please", "herald", "re", "regarding", "yet"})


def _lines(q: Question) -> list[Reading]:
    """"What's our line on Oflog?", "have we said anything about Woking's finances?": a lines search."""
    if not has_phrase(q.words, LINE_PHRASES):
        return []
    subject = [*q.councils, *q.programmes, *q.campaigns, *q.outlets, *(w for w in q.free if w not in LINE_FILLER)]
    return [Reading("lines " + " ".join(subject), SURE)] if subject else [Reading("lines help", LIKELY)]


def _peer_challenge(q: Question) -> list[Reading]:
    if q.has("coverage", "stories", "articles", "news", "headlines", "media", "mentions"):
        return []  # coverage of peer challenges: a tag
    if not has_phrase(q.words, PEER_PHRASES):
        if q.councils and q.has("stage", "stages") and not q.has(*COVERAGE):  # "what stage is Thurrock at?"
            return [Reading(f"peer-challenge {q.councils[0]}", SURE)]
        return []
    if q.programmes and (q.has("programme", "rag", "rating") or RAG & set(q.words)):
        return []  # "RAG for Corporate Peer Challenge" is the programme
    if q.councils:  # "when is Thurrock's next step due?" is about Thurrock
        return [Reading(f"peer-challenge {q.councils[0]}", SURE)]
    if q.has(*DUE) or has_phrase(q.words, DUE_PHRASES):
        return [Reading("peer-challenge due", SURE)]
    if q.regions:
        return [Reading(f"peer-challenge stats {q.regions[0]}", SURE)]
    if q.has(*STATS) or has_phrase(q.words, STATS_PHRASES) or q.has(*BY_REGION, *BY_TYPE, *BY_YEAR):
        by = ("region" if q.has(*BY_REGION) else "type" if q.has(*BY_TYPE) or has_phrase(q.words, ("of council",))
              else "year" if q.has(*BY_YEAR) else "")
        return [Reading(f"peer-challenge stats {by}".strip(), SURE)]
    return [Reading("peer-challenge stats", LIKELY), Reading("peer-challenge due", MAYBE)]


def _digest(q: Question) -> list[Reading]:
    board = (q.has(*BOARD) and not has_phrase(q.words, ("programme board", "rag board"))  # those are /programme
             and (has_phrase(q.words, DIGEST_PHRASES) or not q.has(*COVERAGE)))  # not "coverage for the board"
    if not (q.has(*DIGEST) or has_phrase(q.words, DIGEST_PHRASES) or board):
        return []
    if board:
        return [Reading(f"digest board {q.period}" if q.period else "digest board", SURE)]
    if has_phrase(q.words, LIST_DIGESTS) or q.has("list", "who"):
        return [Reading("digest list", SURE)]
    return [Reading(f"digest preview {'daily' if q.has('daily', 'tomorrow', 'today') else 'weekly'}", SURE)]


def _feeds(q: Question) -> list[Reading]:
    if q.has("feed", "feeds", "rss") or (q.has(*FEEDS) and not q.has(*COVERAGE)):
        return [Reading("feeds list", SURE)]
    return []


def _enquiry(q: Question) -> list[Reading]:
    """Media enquiries: their figures for a period ("how many enquiries last month"), else the open ones."""
    if not q.has(*ENQUIRY):
        return []
    if q.period or q.has(*STATS) or has_phrase(q.words, STATS_PHRASES):
        return [Reading(" ".join(p for p in ("enquiry stats", q.period or "") if p), SURE)]
    return [Reading("enquiry list", SURE)]


def _support(q: Question) -> list[Reading]:
    """Councils in the media spotlight, and support requests ("support" alone is the sector support offer)."""
    if q.has("spotlight", "spotlights"):
        return [Reading("support spotlight", SURE)]
    if not (q.has("support") and q.has("request", "requests", "calls", "asked")):
        return []
    if q.has(*STATS) or has_phrase(q.words, STATS_PHRASES):
        return [Reading(" ".join(p for p in ("support stats", q.period or "") if p), SURE)]
    if q.councils:
        return [Reading(f"support list all council:{quoted(q.councils[0])}", SURE)]
    return [Reading("support list", LIKELY)]


def _press(q: Question) -> list[Reading]:
    if q.free == ["press"]:  # "press?" on its own: the press log, as `/press list`
        return [Reading("press list", SURE)]
    kind = next((PRESS_KINDS[w] for w in q.words if w in PRESS_KINDS), None)
    joined = " ".join(q.words)
    kind = "press release" if "press release" in joined or "news release" in joined else kind
    if not kind and not has_phrase(q.words, PRESS_PHRASES):
        return []
    command = " ".join(p for p in ("press list", q.period or "", f"type:{quoted(kind)}" if kind else "") if p)
    return [Reading(command, SURE)]


def _campaign(q: Question) -> list[Reading]:
    if q.has(*COVERAGE) and (q.campaigns or q.programmes):
        return []  # coverage of a campaign: a tag
    if q.has(*CAMPAIGN):
        return [Reading(f"campaign {q.campaigns[0]}" if q.campaigns else "campaign list", SURE)]
    if q.campaigns and not (q.programmes and q.has(*PROGRAMME)):
        found = [Reading(f"campaign {q.campaigns[0]}", SURE if not q.programmes else MAYBE)]
        return found + [Reading(f"programme {p}", MAYBE) for p in q.programmes[:1]]
    return []


def _programme(q: Question) -> list[Reading]:
    if q.has(*COVERAGE) and (q.programmes or q.campaigns):
        return []
    if q.programmes:
        return [Reading(f"programme {q.programmes[0]}", SURE)]
    if q.has(*PROGRAMME) and not q.councils and not q.outlets:
        return [Reading("programme", SURE if q.has("programme", "programmes", "projects", "project", "rag") else LIKELY)]
    return []


def _coverage(q: Question) -> list[Reading]:
    tag = (q.programmes or q.campaigns or [None])[0]
    if not (q.has(*COVERAGE) or q.outlets or q.tone or (q.period and q.councils) or tag):
        return []
    parts = ["coverage", q.period or "this week"]
    parts += [f"council:{quoted(c)}" for c in q.councils[:1]] + [f"outlet:{quoted(o)}" for o in q.outlets[:1]]
    parts += [f"tag:{quoted(tag)}"] if tag else []
    parts += [q.tone] if q.tone else []
    sure = SURE if q.has(*COVERAGE) or q.outlets or q.period else LIKELY
    if _period_unread(q):
        sure = LIKELY  # "coverage this calendar year": a period was meant but not read, so ask
    return [Reading(" ".join(parts), sure)]


def _period_unread(q: Question) -> bool:
    """Whether words meant as a period were left unread ("calendar", "commencing", a month, a day number)."""
    return any(w in PERIODISH or w in MONTHS or (w.isdigit() and len(w) <= 4 and w not in q.numbers[1:])
               for w in q.free)


def _council(q: Question) -> list[Reading]:
    if not q.councils:
        return []
    name = q.councils[0]
    return [Reading(f"council {name}", SURE), Reading(f"coverage this month council:{quoted(name)}", MAYBE),
            Reading(f"peer-challenge {name}", MAYBE)]


def _period_only(q: Question) -> list[Reading]:
    return [Reading(f"coverage {q.period}", LIKELY)] if q.period else []
