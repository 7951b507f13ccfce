"""Loopback fakes of Parliament's three APIs, serving their documented shapes over real HTTP.

One `FakeServer` answers all three (tests point HERALD_HANSARD_API_URL, HERALD_PQ_API_URL and
HERALD_MEMBERS_API_URL at `hansard_url`, `pq_url`, `members_url`). Searches honour the search term
(case-insensitive, in the text or heading), the date range, `skip` and `take`, like the real ones.
Failures (429 with Retry-After, 5xx, malformed JSON) are scripted with `FakeServer.script`.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date

from tests.fakes.http import Answer, FakeServer, Recorded

HANSARD_PATH = "/hansard/search/contributions/Spoken.json"
QUESTIONS_PATH = "/pq/api/writtenquestions/questions"
STATEMENTS_PATH = "/pq/api/writtenstatements/statements"


def contribution(ext: str, text_html: str, day: date, member: str = "Baroness Example", member_id: int = 4001,
                 party: str = "Lab", house: str = "Lords", heading: str = "Local Government: Sector Support",
                 debate: str = "ABC-123", section: str = "Lords Chamber") -> dict:
    """A contribution as `search/contributions/Spoken.json` returns it."""
    plain = re.sub(r"<[^>]+>", "", text_html)
    return {"MemberName": member, "MemberId": member_id, "AttributedTo": f"{member} ({party})", "ItemId": 1,
            "ContributionExtId": ext, "ContributionText": plain[:200], "ContributionTextFull": text_html,
            "HRSTag": "hs_Para", "HansardSection": None, "DebateSection": heading, "DebateSectionId": 99,
            "DebateSectionExtId": debate, "SittingDate": f"{day.isoformat()}T00:00:00", "Section": section,
            "House": house, "OrderInDebateSection": 3, "DebateSectionOrder": 1, "Rank": 0, "Timecode": None}


def question(qid: int, text: str, tabled: date, heading: str = "Local Government: Finance", member_id: int = 172,
             house: str = "Commons", answer: str | None = None, answered: date | None = None,
             due: date | None = None, uin: str | None = None) -> dict:
    """A written question's `value`, as `writtenquestions/questions` returns it."""
    return {"id": qid, "askingMemberId": member_id, "askingMember": None, "house": house,
            "memberHasInterest": False, "dateTabled": f"{tabled.isoformat()}T00:00:00",
            "dateForAnswer": f"{(due or tabled).isoformat()}T00:00:00", "uin": uin or str(10000 + qid),
            "questionText": text, "answeringBodyId": 7,
            "answeringBodyName": "Ministry of Housing, Communities and Local Government",
            "isWithdrawn": False, "isNamedDay": False, "groupedQuestions": [], "answerIsHolding": None,
            "answerIsCorrection": False, "answeringMemberId": None, "answeringMember": None,
            "correctingMemberId": None, "correctingMember": None,
            "dateAnswered": f"{answered.isoformat()}T00:00:00" if answered else None, "answerText": answer,
            "originalAnswerText": None, "comparableAnswerText": None, "dateAnswerCorrected": None,
            "dateHoldingAnswer": None, "attachmentCount": 0, "heading": heading, "attachments": [],
            "groupedQuestionsDates": []}


def statement(sid: int, text: str, made: date, title: str = "Local Government Update", member_id: int = 172) -> dict:
    """A written statement's `value`, as `writtenstatements/statements` returns it."""
    return {"id": sid, "memberId": member_id, "memberRole": "Minister", "uin": f"HCWS{sid}", "dateMade":
            f"{made.isoformat()}T00:00:00", "answeringBodyId": 7, "answeringBodyName": "MHCLG", "title": title,
            "text": text, "house": "Commons", "noticeNumber": None, "hasAttachments": False,
            "hasLinkedStatements": False}


def member_value(member_id: int, name: str, party: str, house: int = 1) -> dict:
    """`Members/{id}`'s answer."""
    return {"value": {"id": member_id, "nameListAs": name, "nameDisplayAs": name, "nameFullTitle": name,
                      "latestParty": {"id": 1, "name": party}, "gender": "F",
                      "latestHouseMembership": {"membershipFrom": "Somewhere", "house": house}},
            "links": []}


def _arg(rec: Recorded, name: str, default: str = "") -> str:
    return rec.query.get(name, [default])[0]


def _matches(term: str, *texts: str | None) -> bool:
    words = term.lower().strip('"').split()
    joined = " ".join(t or "" for t in texts).lower()
    return " ".join(words) in " ".join(joined.split())


@dataclass
class FakeParliament:
    """The data the fake APIs serve, and the server that serves it."""

    contributions: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    members: dict[int, dict] = field(default_factory=dict)
    latency: float = 0.0  # seconds each answer takes (the bench gives it a real API's)
    server: FakeServer = field(init=False)
    _searched: dict = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.server = FakeServer(default=self._answer)

    def __enter__(self) -> "FakeParliament":
        self.server.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.server.__exit__(*exc)

    @property
    def settings(self) -> dict:
        """The settings that point Herald at this fake."""
        return {"HERALD_HANSARD_API_URL": f"{self.server.url}/hansard",
                "HERALD_PQ_API_URL": f"{self.server.url}/pq/api",
                "HERALD_MEMBERS_API_URL": f"{self.server.url}/members/api", "HERALD_ALLOW_PRIVATE_FEEDS": True,
                "HERALD_PARLIAMENT_RETRY_SECONDS": 0, "HERALD_PARLIAMENT_REQUEST_INTERVAL": 0}

    def _answer(self, rec: Recorded) -> Answer:
        if self.latency:
            time.sleep(self.latency)
        if rec.path == HANSARD_PATH:
            return self._hansard(rec)
        if rec.path in (QUESTIONS_PATH, STATEMENTS_PATH):
            return self._written(rec)
        if m := re.fullmatch(r"/members/api/Members/(\d+)", rec.path):
            found = self.members.get(int(m.group(1)))
            return Answer(200, found) if found else Answer(404, {"title": "Not Found", "status": 404})
        return Answer(404, {"error": "no such path"})

    def _hansard(self, rec: Recorded) -> Answer:
        term = _arg(rec, "queryParameters.searchTerm")
        first, last = _arg(rec, "queryParameters.startDate", "0000"), _arg(rec, "queryParameters.endDate", "9999")
        key = (rec.path, term, first, last, len(self.contributions))
        if key not in self._searched:  # the same search paged: filter once (as a real index would)
            self._searched[key] = [c for c in self.contributions
                                   if _matches(term, c["ContributionTextFull"], c["DebateSection"])
                                   and first <= c["SittingDate"][:10] <= last]
        hits = list(self._searched[key])
        if _arg(rec, "queryParameters.orderBy") == "SittingDateDesc":
            hits.reverse()
        skip, take = int(_arg(rec, "queryParameters.skip", "0")), int(_arg(rec, "queryParameters.take", "20"))
        return Answer(200, {"TotalResultCount": len(hits), "Results": hits[skip:skip + take],
                            "SearchTerms": [term]})

    def _written(self, rec: Recorded) -> Answer:
        term = _arg(rec, "searchTerm")
        if rec.path == QUESTIONS_PATH:
            rows, texts = self.questions, lambda q: (q["questionText"], q["heading"], q["answerText"])
            key = "dateAnswered" if "answeredWhenFrom" in rec.query else "dateTabled"
            first, last = (_arg(rec, "answeredWhenFrom", "0000"), _arg(rec, "answeredWhenTo", "9999")) \
                if key == "dateAnswered" else (_arg(rec, "tabledWhenFrom", "0000"), _arg(rec, "tabledWhenTo", "9999"))
        else:
            rows, texts, key = self.statements, lambda s: (s["text"], s["title"]), "dateMade"
            first, last = _arg(rec, "madeWhenFrom", "0000"), _arg(rec, "madeWhenTo", "9999")
        hits = [r for r in rows if _matches(term, *texts(r)) and r.get(key) and first <= r[key][:10] <= last]
        skip, take = int(_arg(rec, "skip", "0")), int(_arg(rec, "take", "20"))
        return Answer(200, {"totalResults": len(hits),
                            "results": [{"value": r, "links": []} for r in hits[skip:skip + take]]})
