"""Reading a question as the command it means: what it names, found with the parsers commands use.

`read_question` finds the names in a question (councils through the council matcher, outlets by
their names and everyday names, programmes and campaigns by name or alias, typos forgiven) and its
period (through `parse_period`, the parser `/coverage` and `/press list` use), then hands them to
`handlers.question_intents` to pick the family. Nothing here changes anything or raises for text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from rapidfuzz import fuzz, process
from sqlalchemy import select

from feeds.councils import council_matcher
from handlers.context import Context
from handlers.question_words import (NEGATIVE, NEUTRAL, NOT_COUNCILS, PEER_PHRASES, POSITIVE, VOCABULARY, _TOKEN,
                                     strip_mention, urls_of, words_of)
from models.campaign import Campaign
from models.council import Council, english_groups
from models.outlet import Outlet, outlet_known_names
from models.periods import MONTHS, PeriodError, parse_day, parse_period
from models.programme import Programme

MAX_NAME_WORDS = 8
FUZZY_NAME = 88  # how close a misspelt programme or campaign name must be (rapidfuzz ratio)
MISSPELT_COUNCIL = 90  # "thurock" is Thurrock (93); "trending" is not Tendring (88)
NOT_MISSPELT = frozenset(PEER_PHRASES) | {"peer"}  # "peer challenge" is the family, not "Peer Challenges" misspelt
VOCABULARY_SET = frozenset(VOCABULARY)
MONTH_LEAD = frozenset({"in", "for", "during", "since", "from", "of", "throughout", "over", "across"})


@dataclass(frozen=True)
class Reading:
    """One way to read a question: the command (no slash), how sure, and whether it changes state."""

    command: str
    confidence: float
    changes_state: bool = False


@dataclass
class Question:
    """A question taken apart: its words and the names and period found in them."""

    text: str
    words: list[str]
    period: str | None = None
    tone: str | None = None
    councils: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    campaigns: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # English regions ("North East"), for peer challenge numbers
    urls: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    free: list[str] = field(default_factory=list)  # the words no name or period took

    def has(self, *words: str) -> bool:
        """Whether any of `words` is one of the question's own words (not a word of a name it holds:
        "National" in "National Graduate Development Programme" is no cue for coverage)."""
        return any(w in self.free for w in words)


def take_apart(text: str, ctx: Context) -> Question:
    """The question's words, names, period, tone, links and numbers."""
    text = strip_mention(text)
    matcher = council_matcher(ctx.session)
    names = _name_index(ctx)
    keep = matcher.words | frozenset(w for key in names for w in key)
    words = words_of(text, keep)
    q = Question(text=text, words=words, urls=urls_of(text))
    taken = [False] * len(words)
    _find_names(q, names, taken)
    _find_regions(q, taken, ctx)
    _find_councils(q, matcher, taken, ctx)
    if not q.councils:
        _find_misspelt_council(q, matcher, taken, ctx)
    _find_period(q, taken, ctx)
    q.free = [w for w, used in zip(words, taken) if not used]
    q.numbers = [w for w in q.free if w.isdigit()]
    tones = [t for w in q.free for t, group in (("negative", NEGATIVE), ("positive", POSITIVE),
                                                 ("neutral", NEUTRAL)) if w in group]
    q.tone = tones[0] if tones else None
    return q


def _plain_words(text: str) -> tuple[str, ...]:
    return tuple(t.strip(".-/") for t in _TOKEN.findall(text.lower().replace("&", " and ")) if t.strip(".-/"))


def _name_index(ctx: Context) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Every programme, campaign and outlet name (and alias) as words → [(kind, name as shown)]."""
    index: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    def add(kind: str, shown: str, aliases) -> None:
        for alias in (shown, *(aliases or ())):
            key = _plain_words(alias)
            if key and (kind, shown) not in index.setdefault(key, []):
                index[key].append((kind, shown))

    for name, aliases in ctx.session.execute(select(Programme.name, Programme.aliases)):
        add("programme", name, aliases)
    for name, aliases in ctx.session.execute(select(Campaign.name, Campaign.aliases)):
        add("campaign", name, aliases)
    for outlet in ctx.session.scalars(select(Outlet)):
        add("outlet", outlet.name, [n for n in outlet_known_names(outlet)[1:] if n and "." not in n])
    return index


def _find_names(q: Question, names: dict[tuple[str, ...], list[tuple[str, str]]], taken: list[bool]) -> None:
    """Programme, campaign and outlet names, longest first; a misspelt one if none is exact."""
    words, found = q.words, False
    i = 0
    while i < len(words):
        for length in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            hits = names.get(tuple(words[i:i + length]))
            if hits and not any(taken[i:i + length]):
                _note(q, hits)
                taken[i:i + length] = [True] * length
                i, found = i + length - 1, True
                break
        i += 1
    if found:
        return
    long_names = {" ".join(key): hits for key, hits in names.items()
                  if len(" ".join(key)) >= 6 and not any(kind == "outlet" for kind, _ in hits)}
    for length in (4, 3, 2, 1):
        for i in range(len(words) - length + 1):
            if any(taken[i:i + length]) or " ".join(words[i:i + length]) in NOT_MISSPELT:
                continue
            close = process.extractOne(" ".join(words[i:i + length]), list(long_names), scorer=fuzz.ratio,
                                       score_cutoff=FUZZY_NAME)
            if close:
                _note(q, long_names[close[0]])
                taken[i:i + length] = [True] * length


def _note(q: Question, hits: list[tuple[str, str]]) -> None:
    for kind, shown in hits:
        bucket = {"programme": q.programmes, "campaign": q.campaigns, "outlet": q.outlets}[kind]
        if shown not in bucket:
            bucket.append(shown)


def _find_councils(q: Question, matcher, taken: list[bool], ctx: Context) -> None:
    """Councils by any of their names (`feeds.councils` matcher); else one misspelt name ("Thurock")."""
    masked = ["_" if used else w for w, used in zip(q.words, taken)]
    spans = matcher.typed_spans(masked)
    codes = list(dict.fromkeys(code for _s, _l, code in spans))
    if not codes:
        return
    nice = dict(ctx.session.execute(select(Council.code, Council.nice_name).where(Council.code.in_(codes))).all())
    q.councils = [nice[code] for code in codes if code in nice]
    for start, length, _code in spans:
        taken[start:start + length] = [True] * length


def _find_misspelt_council(q: Question, matcher, taken: list[bool], ctx: Context) -> None:
    """A word that is no word Herald knows but is close to a one-word council name ("thurock")."""
    names = matcher.one_word_names
    for i, word in enumerate(q.words):
        if taken[i] or len(word) < 5 or not word.isalpha() or word in VOCABULARY_SET or word in NOT_COUNCILS:
            continue
        close = process.extractOne(word, list(names), scorer=fuzz.ratio, score_cutoff=MISSPELT_COUNCIL)
        council = ctx.session.get(Council, names[close[0]]) if close else None
        if council is not None:
            q.councils = [council.nice_name]
            taken[i] = True
            return


def _find_regions(q: Question, taken: list[bool], ctx: Context) -> None:
    """English regions ("East of England"), the groups peer challenge numbers come in."""
    regions, _types = english_groups(ctx.session)
    for region in regions:
        key = list(_plain_words(region))
        for i in range(len(q.words) - len(key) + 1):
            if q.words[i:i + len(key)] == key and not any(taken[i:i + len(key)]):
                q.regions.append(region)
                taken[i:i + len(key)] = [True] * len(key)


def _find_week_of(q: Question, taken: list[bool], ctx: Context) -> bool:
    """"week commencing 16 November", "w/c 16/11", "week of …": that Monday-to-Sunday week as a range."""
    words = q.words
    for i in range(len(words)):
        lead = 1 if words[i] == "w/c" else 2 if words[i:i + 2] in (
            ["week", "commencing"], ["week", "beginning"], ["week", "of"], ["week", "starting"]) else 0
        for length in (3, 2, 1) if lead else ():
            if any(taken[i:i + lead + length]) or i + lead + length > len(words):
                continue
            try:
                day = parse_day(" ".join(words[i + lead:i + lead + length]), ctx.now().astimezone(ctx.tz).date())
            except PeriodError:
                continue
            monday = day - timedelta(days=day.weekday())
            q.period = f"{monday:%-d/%-m/%Y} to {monday + timedelta(days=6):%-d/%-m/%Y}"
            taken[i:i + lead + length] = [True] * (lead + length)
            return True
    return False


def _find_period(q: Question, taken: list[bool], ctx: Context) -> None:
    """The longest run of free words `parse_period` reads; a lone month only after "in", "since"…"""
    if _find_week_of(q, taken, ctx):
        return
    words, now, tz = q.words, ctx.now(), ctx.tz
    best: tuple[int, int] | None = None
    for start in range(len(words)):
        for end in range(min(len(words), start + 8), start, -1):
            if any(taken[start:end]) or (best and end - start <= best[1] - best[0]):
                continue
            phrase = " ".join(words[start:end])
            if end - start == 1 and words[start] in MONTHS and (start == 0 or words[start - 1] not in MONTH_LEAD):
                continue
            try:
                period = parse_period(phrase, now, tz)
            except PeriodError:
                continue
            best = (start, end)
            q.period = _period_text(phrase, period.unit, period.label)
            break
    if best:
        taken[best[0]:best[1]] = [True] * (best[1] - best[0])


def _period_text(phrase: str, unit: str, label: str) -> str:
    """The period as a command says it: "Q1 2023/24" for "q1 23/24", "last 7 days" for "past 7 days"."""
    if unit in ("quarter", "year") and any(c.isdigit() for c in phrase):
        return label
    for said in ("past ", "previous "):
        if phrase.startswith(said):
            return "last " + phrase[len(said):]
    return phrase
