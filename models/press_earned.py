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
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import ActorLike, record_audit
from models.coverage import CoverageItem, one_of
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


def terms(text: str | None) -> set[str]:
    """The words of `text` that can carry meaning: lower case, no stop words, plural 's' dropped."""
    words = re.findall(r"[a-z0-9][a-z0-9'/-]*[a-z0-9]", (text or "").lower())
    found = set()
    for word in words:
        word = word.removesuffix("'s")
        if word in STOPWORDS or len(word) < 3:
            continue
        found.add(word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word)
    return found


def _activity_terms(activity: PressActivity) -> set[str]:
    return terms(f"{activity.title} {activity.spokesperson or ''}")


def _coverage_terms(item: CoverageItem) -> set[str]:
    return terms(f"{item.title} {item.summary or ''}")


def _bare_link(url: str | None) -> str | None:
    """A URL reduced to host and path, so http/https, www. and tracking parameters don't matter."""
    if not url:
        return None
    bare = re.sub(r"^[a-z]+://", "", url.strip().lower()).removeprefix("www.")
    bare = bare.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return bare if len(bare) > 8 else None


def _links_to(activity: PressActivity, item: CoverageItem) -> bool:
    bare = _bare_link(activity.link)
    return bool(bare) and (bare in (item.url or "").lower() or bare in (item.summary or "").lower())


def _weights(session: Session, start: datetime, end: datetime) -> tuple[dict[str, int], int]:
    """How many coverage items around [start, end) use each word, and how many items there are."""
    counts: dict[str, int] = {}
    items = session.execute(select(CoverageItem.title, CoverageItem.summary).where(
        CoverageItem.published_at >= start - CONTEXT_BEFORE, CoverageItem.published_at < end)).all()
    for title, summary in items:
        for word in terms(f"{title} {summary or ''}"):
            counts[word] = counts.get(word, 0) + 1
    return counts, len(items)


def match_score(activity_terms: set[str], item_terms: set[str], doc_freq: dict[str, int], n_docs: int) -> float:
    """Share of the activity's word weight (inverse document frequency) that the item repeats."""
    def idf(word: str) -> float:
        return math.log((n_docs + 1) / (doc_freq.get(word, 0) + 1)) + 1.0
    total = sum(idf(w) for w in activity_terms)
    shared = activity_terms & item_terms
    return sum(idf(w) for w in shared) / total if total else 0.0


def shared_terms(activity: PressActivity, item: CoverageItem) -> tuple[str, ...]:
    """The words an activity and an item share: the explanation shown next to a suggestion."""
    return tuple(sorted(_activity_terms(activity) & _coverage_terms(item)))


def _window_start(activity: PressActivity) -> datetime:
    return activity.embargo_until if activity.embargo_until and activity.embargo_until > activity.occurred_at \
        else activity.occurred_at - timedelta(hours=12)


def suggest_earned_coverage(session: Session, activity: PressActivity) -> list[PressCoverageLink]:
    """Add `suggested` links to coverage `activity` may have earned; existing decisions are kept."""
    if activity.deleted_at is not None:
        return []
    start = _window_start(activity)
    end = activity.occurred_at + EARNED_WINDOW
    candidates = list(session.scalars(select(CoverageItem).where(
        CoverageItem.published_at >= start, CoverageItem.published_at <= end)))
    if not candidates:
        return []
    decided = set(session.scalars(select(PressCoverageLink.coverage_id).where(
        PressCoverageLink.press_id == activity.id)))
    doc_freq, n_docs = _weights(session, start, end)
    mine = _activity_terms(activity)
    added = []
    for item in candidates:
        if item.id in decided:
            continue
        score = _score(activity, mine, item, doc_freq, n_docs)
        if score is not None:
            link = PressCoverageLink(press_id=activity.id, coverage_id=item.id, status="suggested",
                                     score=round(score, 3))
            session.add(link)
            added.append(link)
    session.flush()
    return added


def _score(activity: PressActivity, mine: set[str], item: CoverageItem, doc_freq: dict[str, int],
           n_docs: int) -> float | None:
    if _links_to(activity, item):
        return 1.0
    theirs = _coverage_terms(item)
    if len(mine & theirs) < MIN_SHARED_TERMS:
        return None
    score = match_score(mine, theirs, doc_freq, n_docs)
    return score if score >= MIN_SCORE else None


def suggest_for_new_coverage(session: Session, item_ids: list[int]) -> int:
    """Call when coverage arrives: suggest the new items to press activity of the 14 days before
    them. One pass per activity in the batch's window, so a big batch stays cheap. Returns the
    number of suggestions added."""
    if not item_ids:
        return 0
    first, last = session.execute(select(func.min(CoverageItem.published_at), func.max(CoverageItem.published_at))
                                  .where(one_of(session, CoverageItem.id, item_ids[:1000]))).one()
    if first is None:
        return 0
    activities = session.scalars(select(PressActivity).where(
        PressActivity.deleted_at.is_(None),
        PressActivity.occurred_at >= first - EARNED_WINDOW,
        PressActivity.occurred_at <= last + timedelta(hours=12)))
    return sum(len(suggest_earned_coverage(session, activity)) for activity in activities)

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
