"""The three APIs Herald reads, each paged to the end, and their answers as typed records.

- Hansard: `GET {HERALD_HANSARD_API_URL}/search/contributions/Spoken.json` with
  `queryParameters.searchTerm`, `.startDate`, `.endDate` (yyyy-mm-dd), `.skip`, `.take`,
  `.orderBy=SittingDateAsc`; answers `{"Results": [contribution…], "TotalResultCount": N}`.
- Written questions: `GET {HERALD_PQ_API_URL}/writtenquestions/questions` with `searchTerm`,
  `tabledWhenFrom`/`tabledWhenTo` (new questions) and, separately, `answeredWhenFrom`/`answeredWhenTo`
  (answers to questions tabled earlier), `skip`, `take`; answers `{"totalResults": N, "results":
  [{"value": question}]}`.
- Written statements: `GET {HERALD_PQ_API_URL}/writtenstatements/statements` with `searchTerm`,
  `madeWhenFrom`/`madeWhenTo`, `skip`, `take`; same envelope.
- Members: `GET {HERALD_MEMBERS_API_URL}/Members/{id}` → `{"value": {"nameDisplayAs",
  "latestParty": {"name"}, "latestHouseMembership": {"house": 1|2}}}`.

A page that is not that shape raises `ApiError` like a failed request.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Any, Callable, Iterator
from urllib.parse import quote
from zoneinfo import ZoneInfo

from feeds.parliament.client import ApiError, JsonClient
from feeds.parliament.text import plain_text

HANSARD_SITE = "https://hansard.parliament.uk"
QUESTIONS_SITE = "https://questions-statements.parliament.uk"


@dataclass(frozen=True)
class Found:
    """One contribution, question or statement as an API described it (text already plain)."""

    ext_id: str
    kind: str
    house: str
    heading: str
    occurred_at: datetime
    text: str
    url: str
    member_id: int | None = None
    member_name: str | None = None
    party: str | None = None
    section: str | None = None
    debate_id: str | None = None
    answering_body: str | None = None
    answer_text: str | None = None
    answered_at: datetime | None = None
    expected_answer_on: date | None = None


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    party: str | None
    house: str | None


def _when(value: Any, tz: ZoneInfo) -> datetime | None:
    """An API timestamp in UTC; one without a zone (Parliament's sitting days) is local time."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(timezone.utc)


def _part(value: object) -> str:
    """An API-supplied value made safe as one part of a link Herald builds (no `|`, `>` or spaces)."""
    return quote(str(value), safe="-_.~")


def _slug(heading: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", heading.title())[:80] or "Debate"


def _pages(fetch: Callable[[int], dict], items_key: str, total_key: str, take: int) -> Iterator[dict]:
    """Every item of a paged search: skip by `take` until a page is empty or the total is reached."""
    skip = 0
    while True:
        page = fetch(skip)
        if not isinstance(page, dict) or not isinstance(page.get(items_key), list):
            raise ApiError(f"an answer without its {items_key!r} list")
        items = page[items_key]
        yield from (i for i in items if isinstance(i, dict))
        skip += len(items)
        total = page.get(total_key)
        if not items or (isinstance(total, int) and skip >= total):
            return


def hansard_contributions(client: JsonClient, term: str, first: date, last: date, tz: ZoneInfo) -> Iterator[Found]:
    """Spoken contributions (Commons, Lords, Westminster Hall, general committees) with `term`."""
    base, take = client.settings.HERALD_HANSARD_API_URL, client.settings.HERALD_PARLIAMENT_PAGE_SIZE

    def fetch(skip: int) -> dict:
        return client.get(base, "search/contributions/Spoken.json", {
            "queryParameters.searchTerm": term, "queryParameters.startDate": first.isoformat(),
            "queryParameters.endDate": last.isoformat(), "queryParameters.skip": skip,
            "queryParameters.take": take, "queryParameters.orderBy": "SittingDateAsc"})

    for c in _pages(fetch, "Results", "TotalResultCount", take):
        found = _contribution(c, tz)
        if found is not None:
            yield found


def _contribution(c: dict, tz: ZoneInfo) -> Found | None:
    ext, when = c.get("ContributionExtId"), _when(c.get("SittingDate"), tz)
    if not ext or when is None:
        return None
    house = str(c.get("House") or "Commons")
    heading = str(c.get("DebateSection") or "Debate")
    debate = c.get("DebateSectionExtId")
    day = when.astimezone(tz).date().isoformat()
    url = (f"{HANSARD_SITE}/{_part(house)}/{day}/debates/{_part(debate)}/{_slug(heading)}#contribution-{_part(ext)}"
           if debate else f"{HANSARD_SITE}/search/Contributions?searchTerm={_part(ext)}")
    party = None
    if (m := re.search(r"\(([^()]*)\)\s*$", str(c.get("AttributedTo") or ""))):
        party = m.group(1).split(",")[-1].strip() or None
    return Found(ext_id=f"hansard:{ext}", kind="spoken", house=house, heading=heading[:500], occurred_at=when,
                 text=plain_text(c.get("ContributionTextFull") or c.get("ContributionText")), url=url,
                 member_id=c.get("MemberId") if isinstance(c.get("MemberId"), int) and c.get("MemberId") > 0 else None,
                 member_name=c.get("MemberName") or c.get("AttributedTo"), party=party,
                 section=c.get("Section"), debate_id=debate)


def written_questions(client: JsonClient, term: str, first: date, last: date, tz: ZoneInfo,
                      answered: bool = False) -> Iterator[Found]:
    """Written questions with `term` tabled (or, with `answered`, answered) between the dates."""
    base, take = client.settings.HERALD_PQ_API_URL, client.settings.HERALD_PARLIAMENT_PAGE_SIZE
    when = "answeredWhen" if answered else "tabledWhen"

    def fetch(skip: int) -> dict:
        return client.get(base, "writtenquestions/questions", {
            "searchTerm": term, f"{when}From": first.isoformat(), f"{when}To": last.isoformat(),
            "skip": skip, "take": take})

    for r in _pages(fetch, "results", "totalResults", take):
        found = _question(r.get("value") or {}, tz)
        if found is not None:
            yield found


def _question(q: dict, tz: ZoneInfo) -> Found | None:
    tabled = _when(q.get("dateTabled"), tz)
    if q.get("id") is None or tabled is None or q.get("isWithdrawn"):
        return None
    uin = q.get("uin") or q.get("id")
    answered = _when(q.get("dateAnswered"), tz) if q.get("answerText") else None
    expected = _when(q.get("dateForAnswer"), tz)
    return Found(ext_id=f"wq:{q['id']}", kind="written question", house=str(q.get("house") or "Commons"),
                 heading=str(q.get("heading") or "Written question")[:500], occurred_at=tabled,
                 text=plain_text(q.get("questionText")),
                 url=f"{QUESTIONS_SITE}/written-questions/detail/{tabled.astimezone(tz):%Y-%m-%d}/{_part(uin)}",
                 member_id=q.get("askingMemberId") if isinstance(q.get("askingMemberId"), int) else None,
                 answering_body=q.get("answeringBodyName"),
                 answer_text=plain_text(q.get("answerText")) or None, answered_at=answered,
                 expected_answer_on=expected.astimezone(tz).date() if expected else None)


def written_statements(client: JsonClient, term: str, first: date, last: date, tz: ZoneInfo) -> Iterator[Found]:
    """Written ministerial statements with `term` made between the dates."""
    base, take = client.settings.HERALD_PQ_API_URL, client.settings.HERALD_PARLIAMENT_PAGE_SIZE

    def fetch(skip: int) -> dict:
        return client.get(base, "writtenstatements/statements", {
            "searchTerm": term, "madeWhenFrom": first.isoformat(), "madeWhenTo": last.isoformat(),
            "skip": skip, "take": take})

    for r in _pages(fetch, "results", "totalResults", take):
        s = r.get("value") or {}
        made = _when(s.get("dateMade"), tz)
        if s.get("id") is None or made is None:
            continue
        uin = s.get("uin") or s.get("id")
        yield Found(ext_id=f"ws:{s['id']}", kind="written statement", house=str(s.get("house") or "Commons"),
                    heading=str(s.get("title") or "Written statement")[:500], occurred_at=made,
                    text=plain_text(s.get("text")),
                    url=f"{QUESTIONS_SITE}/written-statements/detail/{made.astimezone(tz):%Y-%m-%d}/{_part(uin)}",
                    member_id=s.get("memberId") if isinstance(s.get("memberId"), int) else None,
                    answering_body=s.get("answeringBodyName"))


def member(client: JsonClient, member_id: int) -> Member | None:
    """A member's display name, party and house; None when the API has no such member."""
    try:
        answer = client.get(client.settings.HERALD_MEMBERS_API_URL, f"Members/{member_id}")
    except ApiError:
        return None
    value = answer.get("value") if isinstance(answer, dict) else None
    if not isinstance(value, dict) or not value.get("nameDisplayAs"):
        return None
    party = (value.get("latestParty") or {}).get("name")
    house = {1: "Commons", 2: "Lords"}.get((value.get("latestHouseMembership") or {}).get("house"))
    return Member(member_id, str(value["nameDisplayAs"])[:200], party, house)


def midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz).astimezone(timezone.utc)
