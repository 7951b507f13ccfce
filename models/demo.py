"""Demo data drawn from the seed documents, so a fresh Herald has something true-to-life to show.

Programmes and outputs come from the 2011 programme plan (seed 001); the trade-press headlines from
the "Taking the lead" comms plan (seed 000) are re-dated into this week and last week so that
`/coverage this week` always has an answer; the Q1 2023/24 media, campaign and peer challenge facts
come from seeds 002–004 at their own dates. Loading twice changes nothing: every row is keyed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.coverage import CoverageCouncil, CoverageItem, CoverageTag, NewItem
from models.outlet import Outlet
from models.peer_challenge import Peer, PeerChallenge, PeerChallengeStage
from models.demo_enquiry import ensure_enquiries
from models.demo_lines import ensure_lines
from models.demo_press import ensure_campaigns, ensure_press
from models.demo_support import ensure_support
from models.programme import Programme, RagRating
from models.stories import story_ids_for

OUTLETS = (  # name, domain, tier
    ("LGC", "lgcplus.com", "trade"), ("The MJ", "themj.co.uk", "trade"),
    ("Public Finance", "publicfinance.co.uk", "trade"),
    ("Public Sector Executive", "publicsectorexecutive.com", "trade"),
    ("LG First", "local.gov.uk", "trade"), ("Sky News", "news.sky.com", "broadcast"),
    ("Financial Times", "ft.com", "national"), ("The Guardian", "theguardian.com", "national"),
)

MARCH_2011 = datetime(2011, 3, 31, 12, tzinfo=timezone.utc)
OCT_2011 = datetime(2011, 10, 31, 12, tzinfo=timezone.utc)


@dataclass(frozen=True)
class DemoProgramme:
    name: str
    outcome: str
    outputs: str
    timescales: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    march_2011: str
    oct_2011: str
    comment: str


_ACCOUNTABLE = ("Councils are more locally accountable and the LG Group are supporting councils to "
                "improve through the Taking the Lead offer.")
_PRODUCTIVE = ("Councils are more productive and the Group's Local Productivity programme helps Council "
               "achieve savings and brings councils together to share innovation and learn from each other.")
_LEADERSHIP = "The sector is supported to provide effective leadership to both councils and local communities"
_INNOVATION = "Innovation in the sector is identified and supported"

# Ratings are illustrative (the seed's review columns are blank); comments quote seeds 001–002.
PROGRAMMES = (
    DemoProgramme("Corporate Peer Challenge", _ACCOUNTABLE, "Peer challenge support to sector",
                  "All local authorities offered a free peer challenge over a 3 year period",
                  ("Peer Support – Corporate Peer Challenge", "CPC", "corporate peer challenge"),
                  ("corporate peer challenge", "peer challenge"), "amber", "green",
                  "Thurrock's leader and chief executive shared their improvement journey with the Board."),
    DemoProgramme("Peer Challenges", _ACCOUNTABLE, "Peer challenge support to sector", "Ongoing",
                  ("Peer Support – Peer Challenges",), ("peer challenges", "peer review"), "amber", "amber",
                  "New peer challenge flyer at the Improvement and Innovation conference."),
    DemoProgramme("LG Inform", _ACCOUNTABLE, "Launch of LG Inform as benchmarking tool for sector.",
                  "Prototype launched in June 2011; development ongoing",
                  ("LG Inform – Benchmarking tool", "LGInform", "LG Group Inform"),
                  ("lg inform", "lginform", "benchmarking tool"), "amber", "amber",
                  "The next phase of LGInform, known as Prototype Plus, is under procurement."),
    DemoProgramme("Change of Control peer support", _ACCOUNTABLE,
                  "Councils undergoing a change in political control offered 5 free days of member peer support",
                  "Ongoing.", ("change of control",), ("change of control", "change in political control"),
                  "green", "green", "Offer promoted around the council elections."),
    DemoProgramme("Leadership of the performance of sector and individual councils", _ACCOUNTABLE,
                  "Relations management across sector, building and maintaining networks. Relations with "
                  "remaining inspectorates. Scoping and co-ordination of bespoke support for councils at "
                  "risk/ performing poorly", "Ongoing", ("sector performance",),
                  ("councils at risk", "underperformance"), "amber", "amber",
                  "Bespoke support scoped for councils at risk."),
    DemoProgramme("Knowledge Hub", _ACCOUNTABLE, "Launch of Knowledge Hub as a free service for the sector",
                  "Sept 2011", ("KHub", "Knowledge-Hub"), ("knowledge hub",), "amber", "green",
                  "Launched as a free service for the sector."),
    DemoProgramme("Local Productivity Programme", _PRODUCTIVE,
                  "Engaging members, sharing knowledge and good practice. Two Future summits. Roll out of "
                  "second wave of Capital Assets programme. Launch of Big Wins Procurement Strategy with NIEP. "
                  "Series of Productivity workshops to be held in the regions.",
                  "Summits by July 2011; Capital Assets from Sept 2011; Big Wins by November 2011; "
                  "workshops ongoing", ("Local Productivity", "productivity programme", "Capital & Assets"),
                  ("local productivity", "capital and assets", "big wins procurement"), "green", "amber",
                  "Second wave of Capital Assets rolling out."),
    DemoProgramme("Leadership Academy", _LEADERSHIP, "At least 8 main Programmes", "by March 2012",
                  ("LA",), ("leadership academy",), "green", "green",
                  "BAME Weekender (7–8 January 2012) attended by 20 councillors."),
    DemoProgramme("National Graduate Development Programme", _LEADERSHIP,
                  "Recruitment and leadership development of high-class graduates",
                  "Recruitment Cohort 13 - Sept. 2011; Cohort 14 – Sept 2012",
                  ("NGDP", "graduate programme", "National Graduate Recruitment Programme"),
                  ("ngdp", "national graduate development programme"), "green", "green",
                  "2,239 applications received for the 2012 programme."),
    DemoProgramme("Leeds Castle", _LEADERSHIP, "Develop Leadership for the sector (Cllrs and CX's)",
                  "One prog. by March 2012", ("Leeds Castle programme",), ("leeds castle",), "green", "amber",
                  "One programme planned by March 2012."),
    DemoProgramme("Next Generation", _LEADERSHIP, "Develop the future leaders of the local government sector",
                  "One programme for each Party Group - March 2012", ("Next Gen",), ("next generation",),
                  "green", "green", "One programme for each party group."),
    DemoProgramme("Councillor Development", _LEADERSHIP,
                  "Support a range of initiatives to develop councillors as community leaders", "Ongoing",
                  ("councillor development",), ("councillor development",), "amber", "green",
                  "Range of initiatives under way."),
    DemoProgramme("Be a Councillor", _LEADERSHIP,
                  "To evaluate the Be a Councillor campaign with a view to running the next campaign focused "
                  "on the county elections in 2013", "By March 2012", ("Be A Councillor", "BaC"),
                  ("be a councillor", "stand for what you believe in"), "amber", "green",
                  "Refreshed campaign launching 1 February 2012 at the House of Commons."),
    DemoProgramme("Managerial Leadership", _LEADERSHIP,
                  "Support a range of initiatives to improve the leadership capacity of local government "
                  "managers.", "Ongoing", ("management leadership",), ("managerial leadership",),
                  "amber", "amber", "Initiatives with Solace under discussion."),
    DemoProgramme("Creative Councils", _INNOVATION,
                  "Launch of Creative Councils programme with NESTA. Up to 20 Councils chosen and supported. "
                  "Shortlist reduced to 5 councils who receive additional support.",
                  "Launch April 2011; 20 councils October 2011; shortlist of 5 January 2012",
                  ("Creative Councils programme", "Creative Councils programme (part NESTA-funded)", "NESTA"),
                  ("creative councils",), "green", "green", "Up to 20 councils chosen and supported."),
)


@dataclass(frozen=True)
class DemoCoverage:
    slug: str
    title: str
    outlet: str
    tone: str
    when: str  # "this:N" (N hours before now, this week), "last:D" (day D of last week), or ISO date
    councils: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None


COVERAGE = (
    # Seed 000's trade-press headlines, re-dated so this week and last week always have content.
    DemoCoverage("lga-launches-light-touch-sector-regulation-blueprint",
                 "LGA launches 'light touch' sector regulation blueprint", "LGC", "positive", "this:2",
                 tags=("Corporate Peer Challenge",)),
    DemoCoverage("lg-group-unveils-plans-for-self-regulation", "LG Group unveils plans for self regulation",
                 "The MJ", "positive", "this:5", tags=("Corporate Peer Challenge",)),
    DemoCoverage("first-issue-494-taking-the-lead", "Taking the lead: self-regulation and improvement",
                 "LG First", "positive", "last:0"),
    DemoCoverage("councils-facing-fresh-data-burden", "Councils facing fresh data burden", "LGC",
                 "negative", "last:2", tags=("LG Inform",)),
    DemoCoverage("peering-into-the-abyss-self-regulation-splits",
                 "Peering into the abyss – how self regulation could lead to splits between councils",
                 "The MJ", "negative", "last:4"),
    # Seed 004: Q1 2023/24 media relations.
    DemoCoverage("abi-brown-interview-sector-support-mj",
                 "Cllr Abi Brown on the launch of the sector support programme and Oflog", "The MJ",
                 "positive", "2023-06-08"),
    DemoCoverage("abi-brown-interview-sector-support-lgc",
                 "Interview: Cllr Abi Brown on sector support and the coming Oflog", "LGC", "neutral",
                 "2023-06-09"),
    DemoCoverage("exclusive-lga-solace-leadership-development",
                 "Exclusive: LGA and Solace expand leadership development with chief executive curriculum",
                 "The MJ", "positive", "2023-06-20", tags=("Managerial Leadership",)),
    DemoCoverage("sky-census-jobs-councillors-over-65",
                 "Census shows how jobs have changed – a third of elected officials are over 65", "Sky News",
                 "neutral", "2023-05-12", tags=("Next Generation", "Be a Councillor")),
    DemoCoverage("local-authority-podcast-supporting-new-councillors",
                 "The Local Authority Podcast: supporting new councillors after May's elections", "LGC",
                 "positive", "2023-05-25", tags=("Councillor Development",)),
    DemoCoverage("lga-assurance-framework-discussions-lgc",
                 "LGA starts discussions on an assurance framework for local government", "LGC", "neutral",
                 "2023-06-15", tags=("Corporate Peer Challenge",)),
    DemoCoverage("lga-assurance-framework-discussions-pse",
                 "LGA to lead system-wide mapping of local government assurance", "Public Sector Executive",
                 "neutral", "2023-06-16", tags=("Corporate Peer Challenge",)),
    DemoCoverage("woking-peer-challenge-not-forensic-investigation",
                 "Peer challenges are not forensic investigations, LGA says of Woking report",
                 "Public Finance", "negative", "2023-06-27", councils=("WOI",), tags=("Corporate Peer Challenge",)),
    DemoCoverage("thurrock-improvement-journey-peer-challenge",
                 "Thurrock shares improvement journey after peer challenge", "LGC", "positive", "last:3",
                 councils=("THR",), tags=("Corporate Peer Challenge",)),
)


PEER_CHALLENGES = (  # council, kind, stages (stage, date), lead peer, notes
    ("THR", "corporate", (("offered", "2011-04-01"), ("on site", "2011-09-12"),
                          ("report published", "2011-11-01")),
     None, "Leader and chief executive shared their improvement journey with the Improvement Board "
           "in January 2012."),
    ("WOI", "corporate", (("offered", "2019-01-15"), ("on site", "2019-06-10"),
                          ("report published", "2019-09-01")),
     None, "Comment to Public Finance (Q1 2023/24): CPCs are strategic challenge, not forensic "
           "investigations into council finances."),
)

PEERS = (("Cllr Peter Fleming", "member", "SEV"), ("Cllr Ruth Cadbury", "member", "HNS"),
         ("Cllr Tim Cheetham", "member", "BNS"))


def _when(spec: str, now: datetime, tz: ZoneInfo) -> datetime:
    """Turn "this:H", "last:D", "ahead:D" or an ISO date into a UTC instant relative to `now`."""
    local_today = now.astimezone(tz).date()
    monday = local_today - timedelta(days=local_today.weekday())
    kind, _, n = spec.partition(":")
    if kind == "this":
        week_start = datetime.combine(monday, time(0, 1), tzinfo=tz).astimezone(timezone.utc)
        return max(week_start, now - timedelta(hours=int(n)))
    if kind == "last":
        day = monday - timedelta(days=7) + timedelta(days=int(n))
        return datetime.combine(day, time(10), tzinfo=tz).astimezone(timezone.utc)
    if kind == "ahead":
        return datetime.combine(local_today + timedelta(days=int(n)), time(10), tzinfo=tz).astimezone(timezone.utc)
    return datetime.combine(date.fromisoformat(spec), time(10), tzinfo=tz).astimezone(timezone.utc)


def load_demo(session: Session, now: datetime, tz: ZoneInfo) -> dict[str, int]:
    """Add every demo row that is not there yet; return how many of each were added."""
    added = {"outlets": 0, "programmes": 0, "coverage": 0, "press": 0, "campaigns": 0,
             "peer challenges": 0, "peers": 0}
    outlets = _ensure_outlets(session, now, added)
    programmes = _ensure_programmes(session, now, added)
    campaigns = ensure_campaigns(session, now, tz, lambda spec: _when(spec, now, tz), added)
    _ensure_coverage(session, now, tz, outlets, programmes, added)
    ensure_press(session, now, tz, lambda spec: _when(spec, now, tz), outlets, programmes, campaigns, added)
    _ensure_peer_challenges(session, now, added)
    ensure_enquiries(session, now, added)
    ensure_support(session, now, lambda spec: _when(spec, now, tz), added)
    ensure_lines(session, now, tz, added)
    session.flush()
    return added


def _ensure_outlets(session: Session, now: datetime, added: dict) -> dict[str, Outlet]:
    existing = {o.name: o for o in session.scalars(select(Outlet))}
    for name, domain, tier in OUTLETS:
        if name not in existing:
            existing[name] = Outlet(name=name, domain=domain, tier=tier)
            session.add(existing[name])
            added["outlets"] += 1
    session.flush()
    return existing


def _ensure_programmes(session: Session, now: datetime, added: dict) -> dict[str, Programme]:
    existing = {p.name: p for p in session.scalars(select(Programme))}
    for p in PROGRAMMES:
        if p.name in existing:
            continue
        prog = Programme(name=p.name, outcome_indicator=p.outcome, outputs=p.outputs, timescales=p.timescales,
                         aliases=list(p.aliases), keywords=list(p.keywords), created_at=now,
                         owner=None, manager_user_ids=[])
        prog.ratings = [
            RagRating(rating=p.march_2011, review="March 2011 review", rated_by="demo", platform="system",
                      rated_at=MARCH_2011, comment=None),
            RagRating(rating=p.oct_2011, review="Oct 2011 review", rated_by="demo", platform="system",
                      rated_at=OCT_2011, comment=p.comment),
        ]
        session.add(prog)
        existing[p.name] = prog
        added["programmes"] += 1
    session.flush()
    return existing


def _ensure_coverage(session: Session, now: datetime, tz: ZoneInfo, outlets: dict[str, Outlet],
                     programmes: dict[str, Programme], added: dict) -> None:
    urls = {f"https://{outlets[c.outlet].domain}/demo/{c.slug}" for c in COVERAGE}
    existing = set(session.scalars(select(CoverageItem.canonical_url).where(CoverageItem.canonical_url.in_(urls))))
    for c in COVERAGE:
        url = f"https://{outlets[c.outlet].domain}/demo/{c.slug}"
        if url in existing:
            continue
        published = _when(c.when, now, tz)
        new = NewItem(url=url, canonical_url=url, title=c.title, summary=c.summary, published_at=published,
                      first_seen_at=published, source="demo", tone=c.tone, council_codes=tuple(c.councils))
        item = CoverageItem(url=url, canonical_url=url, title=c.title, summary=c.summary,
                            outlet_id=outlets[c.outlet].id, source="demo", published_at=published,
                            first_seen_at=published, tone=c.tone, classified=True,
                            story_id=story_ids_for(session, [new])[0])  # one story across outlets, as ingested
        item.councils = [CoverageCouncil(council_code=code, published_at=published, tone=c.tone)
                         for code in c.councils]
        item.tags = [CoverageTag(tag=t, programme_id=programmes[t].id if t in programmes else None)
                     for t in c.tags]
        session.add(item)
        session.flush()  # the next item's story is looked for among these
        added["coverage"] += 1


def _ensure_peer_challenges(session: Session, now: datetime, added: dict) -> None:
    have = set(session.scalars(select(PeerChallenge.council_code)))
    for code, kind, stages, lead, notes in PEER_CHALLENGES:
        if code in have:
            continue
        last_stage, last_on = stages[-1]
        challenge = PeerChallenge(council_code=code, kind=kind, stage=last_stage,
                                  stage_on=date.fromisoformat(last_on), lead_peer=lead, notes=notes,
                                  created_at=now, updated_at=now)
        challenge.stages = [PeerChallengeStage(stage=s, occurred_on=date.fromisoformat(d), recorded_by="demo",
                                               recorded_at=now) for s, d in stages]
        session.add(challenge)
        added["peer challenges"] += 1
    names = set(session.scalars(select(Peer.name)))
    for name, role, council in PEERS:
        if name not in names:
            session.add(Peer(name=name, role=role, council_code=council, signed_up_on=date(2011, 3, 22)))
            added["peers"] += 1
