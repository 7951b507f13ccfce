"""Earned coverage: which coverage a press activity brought about, and the proactive/reactive split.

A coverage item published within 14 days after a press activity is suggested as earned when

* it links to the activity (the activity's link appears in the item's URL or summary), or
* it shares the activity's distinctive words: words from the activity's title and spokesperson
  that are rare in the coverage around that time. Each shared word counts its inverse document
  frequency; the suggestion needs two shared words carrying at least 35% of the activity's weight.

A person then confirms or rejects each suggestion (`/press link`, `/press unlink`); a rejected
pair is never suggested again. Nothing is confirmed automatically.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.bulk import batches, bulk_insert, one_of
from models.coverage import CoverageItem
from models.periods import Period
from models.access import Action
from models.press import PressActivity, PressCoverageLink, require_change_right

EARNED_WINDOW = timedelta(days=14)
CONTEXT_BEFORE = timedelta(days=90)  # coverage this far back sets how common each word is
MIN_SHARED_TERMS = 2
MIN_SCORE = 0.35
STOPWORDS = frozenset("""
a about after again all also an and any are as at be been before being but by can cllr could did do
does for from had has have he her his how if in into is it its more most new no not of on or our out
over says said she so some than that the their them then there these they this to under up was we
were what when which who will with would you your lga lga's council councils local government
""".split())


@dataclass(frozen=True)
class EarnedCount:
    """How much coverage an activity earned: confirmed by a person, and still to confirm."""

    confirmed: int = 0
    suggested: int = 0


@dataclass(frozen=True)
class EarnedItem:
    """A coverage item linked to a press activity, with the link's state and why it was suggested."""

    coverage: CoverageItem
    status: str
    reason: str


@dataclass(frozen=True)
class CoverageSplit:
    """Coverage in a period split as councils' quarterly reports count it."""

    total: int
    proactive: int  # earned by logged press activity (a confirmed link)
    unconfirmed: int  # suggested as earned, not yet confirmed

    @property
    def reactive(self) -> int:
        """Coverage not earned by logged activity (no confirmed link)."""
        return self.total - self.proactive


_WORD = re.compile(r"[a-z0-9][a-z0-9'/-]*[a-z0-9]")
_MEANING: dict[str, str] = {}  # word as written → the term it counts as ("" for none); a batch reads thousands
_MEANING_MAX = 200_000  # forgotten whole when full: bounded memory in a long-running process


def terms(text: str | None) -> set[str]:
    """The words of `text` that can carry meaning: lower case, no stop words, plural 's' dropped."""
    found = set()
    for word in set(_WORD.findall((text or "").lower())):
        term = _MEANING.get(word)
        if term is None:
            if len(_MEANING) >= _MEANING_MAX:
                _MEANING.clear()
            term = _MEANING[word] = _meaning(word)
        if term:
            found.add(term)
    return found


def _meaning(word: str) -> str:
    word = word.removesuffix("'s")
    if word in STOPWORDS or len(word) < 3:
        return ""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _activity_terms(activity: PressActivity | _Activity) -> set[str]:
    return terms(f"{activity.title} {activity.spokesperson or ''}")


def _coverage_terms(item: CoverageItem | _Coverage) -> set[str]:
    return terms(f"{item.title} {item.summary or ''}")


def _bare_link(url: str | None) -> str | None:
    """A URL reduced to host and path, so http/https, www. and tracking parameters don't matter."""
    if not url:
        return None
    bare = re.sub(r"^[a-z]+://", "", url.strip().lower()).removeprefix("www.")
    bare = bare.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return bare if len(bare) > 8 else None


def _links_to(activity: PressActivity, item: CoverageItem | _Coverage) -> bool:
    return _mentions_link(_bare_link(activity.link), item)


def _mentions_link(bare: str | None, item: CoverageItem | _Coverage) -> bool:
    return bool(bare) and (bare in (item.url or "").lower() or bare in (item.summary or "").lower())


@dataclass(frozen=True)
class WordWeights:
    """An activity's words weighted by inverse document frequency in the coverage around it."""

    idf: dict[str, float]
    total: float

    @classmethod
    def of(cls, words: frozenset[str], doc_freq: dict[str, int], n_docs: int) -> "WordWeights":
        """Rare words weigh most: log((n + 1) / (df + 1)) + 1."""
        idf = {w: math.log((n_docs + 1) / (doc_freq.get(w, 0) + 1)) + 1.0 for w in words}
        return cls(idf, sum(idf.values()))

    def share(self, item_terms: set[str]) -> float:
        """Share of the activity's word weight that the item repeats."""
        return sum(self.idf[w] for w in self.idf.keys() & item_terms) / self.total if self.total else 0.0


def shared_terms(activity: PressActivity, item: CoverageItem) -> tuple[str, ...]:
    """The words an activity and an item share: the explanation shown next to a suggestion."""
    return tuple(sorted(_activity_terms(activity) & _coverage_terms(item)))


def _window_start(activity: PressActivity | _Activity) -> datetime:
    return activity.embargo_until if activity.embargo_until and activity.embargo_until > activity.occurred_at \
        else activity.occurred_at - timedelta(hours=12)


def suggest_earned_coverage(session: Session, activity: PressActivity) -> int:
    """Add `suggested` links to coverage `activity` may have earned; existing decisions are kept.
    Returns the number of suggestions added."""
    if activity.deleted_at is not None:
        return 0
    items = [_Coverage(*row) for row in session.execute(select(*_COVERAGE_COLUMNS).where(
        CoverageItem.published_at >= _window_start(activity),
        CoverageItem.published_at <= activity.occurred_at + EARNED_WINDOW))]
    return _suggest(session, [activity], items)


def suggest_for_new_coverage(session: Session, item_ids: list[int]) -> int:
    """Call when coverage arrives: suggest the new items to press activity of the 14 days before
    them. The whole batch is matched in one pass (a handful of statements, however long the
    batch or the press log), so a 500-item webhook stays quick; with no press activity around the
    batch it costs two statements. Returns the number of suggestions added."""
    spans = [session.execute(select(func.min(CoverageItem.published_at), func.max(CoverageItem.published_at))
                             .where(one_of(session, CoverageItem.id, chunk))).one() for chunk in batches(session, item_ids)]
    spans = [(first, last) for first, last in spans if first is not None]
    if not spans:
        return 0
    activities = [_Activity(*row) for row in session.execute(select(*_ACTIVITY_COLUMNS).where(
        PressActivity.deleted_at.is_(None),
        PressActivity.occurred_at >= min(first for first, _l in spans) - EARNED_WINDOW,
        PressActivity.occurred_at <= max(last for _f, last in spans) + timedelta(hours=12)))]
    if not activities:  # no press log around these items (a feed's backfill, say): nothing to read
        return 0
    items: list[_Coverage] = []
    for chunk in batches(session, item_ids):
        items += [_Coverage(*row) for row in session.execute(
            select(*_COVERAGE_COLUMNS).where(one_of(session, CoverageItem.id, chunk)))]
    return _suggest(session, activities, items)


@dataclass(frozen=True)
class _Activity:
    """The columns of a press activity that matching reads (a batch meets every activity of two
    weeks: rows, not ORM objects)."""

    id: int
    title: str
    spokesperson: str | None
    link: str | None
    occurred_at: datetime
    embargo_until: datetime | None


_ACTIVITY_COLUMNS = (PressActivity.id, PressActivity.title, PressActivity.spokesperson, PressActivity.link,
                     PressActivity.occurred_at, PressActivity.embargo_until)


@dataclass(frozen=True)
class _Coverage:
    """The columns of a coverage item that matching reads (no ORM object per item)."""

    id: int
    url: str | None
    title: str
    summary: str | None
    published_at: datetime


_COVERAGE_COLUMNS = (CoverageItem.id, CoverageItem.url, CoverageItem.title, CoverageItem.summary,
                     CoverageItem.published_at)


class _WordDates:
    """When each word of interest appeared in coverage, read once for a whole batch: how many items
    of any date range use a word is then two bisections, not a scan of the range's coverage."""

    def __init__(self, session: Session, words: set[str], start: datetime, end: datetime):
        self._every: list[datetime] = []
        self._by_word: dict[str, list[datetime]] = {word: [] for word in words}
        for published, title, summary in session.execute(
                select(CoverageItem.published_at, CoverageItem.title, CoverageItem.summary).where(
                    CoverageItem.published_at >= start, CoverageItem.published_at < end)
                .order_by(CoverageItem.published_at)):
            self._every.append(published)
            for word in terms(f"{title} {summary or ''}") & words:
                self._by_word[word].append(published)

    def weights(self, words: frozenset[str], start: datetime, end: datetime) -> WordWeights:
        """`words` weighted by how few items published in [start, end) use each."""
        def count(dates: list[datetime]) -> int:
            return bisect_left(dates, end) - bisect_left(dates, start)
        return WordWeights.of(words, {word: count(self._by_word[word]) for word in words}, count(self._every))


@dataclass(frozen=True)
class _Window:
    """What matching needs of one activity, read once: its window, words and bare link."""

    press_id: int
    start: datetime
    end: datetime
    words: frozenset[str]
    bare_link: str | None

    @classmethod
    def of(cls, activity: PressActivity | _Activity) -> "_Window":
        return cls(activity.id, _window_start(activity), activity.occurred_at + EARNED_WINDOW,
                   frozenset(_activity_terms(activity)), _bare_link(activity.link))


def _suggest(session: Session, activities: list[PressActivity] | list[_Activity], items: list[_Coverage]) -> int:
    """Suggest each item in an activity's window that links to it or shares enough of its rare
    words, unless that pair was decided before. Candidates come from an index of the items' words
    (two shared words at least), so pairs with nothing in common cost nothing; the rarity of words
    is read once for all activities, and the links are added in one bulk insert. Returns how many."""
    items = sorted(items, key=lambda i: i.published_at)
    dates = [i.published_at for i in items]
    theirs = [_coverage_terms(item) for item in items]
    postings: dict[str, list[int]] = defaultdict(list)  # word → positions in `items`, ascending
    for k, words in enumerate(theirs):
        for word in words:
            postings[word].append(k)
    candidates = [(window, found) for window in map(_Window.of, activities)
                  if (found := _candidates(window, items, dates, postings))]
    if not candidates:
        return 0
    decided = _decided(session, [w.press_id for w, _found in candidates], [i.id for i in items])
    corpus = _WordDates(session, set().union(*(w.words for w, _found in candidates)),
                        min(w.start for w, _f in candidates) - CONTEXT_BEFORE, max(w.end for w, _f in candidates))
    added: list[dict] = []
    for window, found in candidates:
        weights = None
        for k in found:
            item = items[k]
            if (window.press_id, item.id) in decided:
                continue
            if _mentions_link(window.bare_link, item):
                score = 1.0
            else:
                weights = weights or corpus.weights(window.words, window.start - CONTEXT_BEFORE, window.end)
                score = weights.share(theirs[k])
                if score < MIN_SCORE:
                    continue
            added.append(dict(press_id=window.press_id, coverage_id=item.id, status="suggested", score=round(score, 3)))
    bulk_insert(session, PressCoverageLink.__table__, added)
    return len(added)


def _candidates(window: _Window, items: list[_Coverage], dates: list[datetime],
                postings: dict[str, list[int]]) -> list[int]:
    """Positions of the items in `window`'s dates that share two of its words or link to it."""
    lo, hi = bisect_left(dates, window.start), bisect_right(dates, window.end)
    if lo == hi:
        return []
    shared: Counter[int] = Counter()
    for word in window.words:
        at = postings.get(word, [])
        shared.update(at[bisect_left(at, lo):bisect_left(at, hi)])
    found = {k for k, n in shared.items() if n >= MIN_SHARED_TERMS}
    if window.bare_link:
        found.update(k for k in range(lo, hi) if _mentions_link(window.bare_link, items[k]))
    return sorted(found)


def _decided(session: Session, press_ids: list[int], item_ids: list[int]) -> set[tuple[int, int]]:
    """(activity, item) pairs already linked, suggested or rejected: never suggested again. Only
    links to items in the id range at hand are read, not every link the activities ever had."""
    found: set[tuple[int, int]] = set()
    for chunk in batches(session, press_ids):
        found.update(session.execute(
            select(PressCoverageLink.press_id, PressCoverageLink.coverage_id).where(
                one_of(session, PressCoverageLink.press_id, chunk),
                PressCoverageLink.coverage_id.between(min(item_ids), max(item_ids)))).all())
    return found


def earned_coverage(session: Session, activity: PressActivity) -> list[EarnedItem]:
    """Coverage confirmed or suggested as earned by `activity` (rejected left out), confirmed first."""
    rows = session.execute(select(CoverageItem, PressCoverageLink).join(
        PressCoverageLink, PressCoverageLink.coverage_id == CoverageItem.id).where(
        PressCoverageLink.press_id == activity.id, PressCoverageLink.status != "rejected").order_by(
        PressCoverageLink.status, CoverageItem.published_at)).all()
    return [EarnedItem(coverage=item, status=link.status, reason=_reason(activity, item)) for item, link in rows]


def _reason(activity: PressActivity, item: CoverageItem) -> str:
    if _links_to(activity, item):
        return "links to the release"
    words = shared_terms(activity, item)
    return "shares: " + ", ".join(words[:6]) if words else "linked by hand"


def earned_counts(session: Session, press_ids: list[int]) -> dict[int, EarnedCount]:
    """Per press activity, how many coverage items are confirmed and suggested as earned."""
    if not press_ids:
        return {}
    rows = session.execute(select(PressCoverageLink.press_id, PressCoverageLink.status, func.count()).where(
        PressCoverageLink.press_id.in_(press_ids), PressCoverageLink.status != "rejected").group_by(
        PressCoverageLink.press_id, PressCoverageLink.status)).all()
    counts: dict[int, EarnedCount] = {}
    for press_id, status, n in rows:
        now = counts.get(press_id, EarnedCount())
        counts[press_id] = EarnedCount(confirmed=now.confirmed + (n if status == "confirmed" else 0),
                                       suggested=now.suggested + (n if status == "suggested" else 0))
    return counts


def decide_link(session: Session, activity: PressActivity, item: CoverageItem, confirm: bool,
                actor: ActorLike, now: datetime) -> PressCoverageLink:
    """Confirm (or reject) that `activity` earned `item`; a rejection is kept so it is not suggested again."""
    require_change_right(activity, actor, Action.PRESS_LINK)
    link = session.get(PressCoverageLink, (activity.id, item.id))
    if link is None:
        link = PressCoverageLink(press_id=activity.id, coverage_id=item.id, score=None)
        session.add(link)
    status = "confirmed" if confirm else "rejected"
    previous = link.status
    link.status, link.decided_by, link.decided_at = status, actor.user_id, now
    record_audit(session, at=now, actor=actor, action=f"press.{'link' if confirm else 'unlink'}",
                 entity="press_activity", entity_id=activity.id,
                 detail={"coverage_id": item.id, "from": previous, "to": status})
    session.flush()
    return link


def coverage_split(session: Session, period: Period) -> CoverageSplit:
    """Proactive (earned by logged press activity) and reactive coverage published in `period`.

    For `/coverage` and the digests. Only links a person confirmed make coverage proactive; the
    suggested ones are counted apart so a report can say how many are waiting for a decision.
    """
    in_period = (CoverageItem.published_at >= period.start, CoverageItem.published_at < period.end)
    def linked(status: str):
        return select(PressCoverageLink.coverage_id).join(
            PressActivity, PressActivity.id == PressCoverageLink.press_id).where(
            PressCoverageLink.status == status, PressActivity.deleted_at.is_(None))

    def count(*where) -> int:
        return session.scalar(select(func.count()).select_from(CoverageItem).where(*in_period, *where)) or 0

    confirmed = CoverageItem.id.in_(linked("confirmed"))
    return CoverageSplit(total=count(), proactive=count(confirmed),
                         unconfirmed=count(CoverageItem.id.in_(linked("suggested")), ~confirmed))
