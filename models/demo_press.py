"""Demo campaigns and press activity from seeds 000, 002 and 004, loaded row by row so reloading adds nothing.

Campaign activities are keyed by (campaign, title), metrics by (campaign, metric, day), press
activity by (title, outlet). Confirmed earned coverage follows seed 004 ("LGC and Public Sector
Executive covered our press release…"); the rest is suggested by the same matcher users get.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import Campaign, CampaignActivity, CampaignMetric
from models.coverage import CoverageItem, CoverageTag
from models.outlet import Outlet
from models.press import PressActivity, PressCoverageLink
from models.press_earned import suggest_earned_coverage
from models.programme import Programme

When = Callable[[str], datetime]  # "this:H", "last:D", "ahead:D" or an ISO date → a UTC instant
DEMO = "demo"


@dataclass(frozen=True)
class DemoPress:
    """A demo press activity; `when` and `embargo` use the demo's relative specs."""

    title: str
    kind: str
    when: str
    outlet: str | None = None
    spokesperson: str | None = None
    programme: str | None = None
    campaign: str | None = None
    earned: tuple[str, ...] = ()  # slugs of demo coverage a person has confirmed it earned
    embargo: str | None = None  # "ahead:D": embargoed until 00:01 D days after loading
    link: str | None = None


PRESS = (
    DemoPress("Launch of the Sector Support Programme for 2023/24", "press release", "2023-06-07",
              campaign="Sector support offer launch 2023/24",
              link="https://www.local.gov.uk/about/news/launch-sector-support-programme-2023-24"),
    DemoPress("Cllr Abi Brown interviewed on sector support and Oflog", "interview", "2023-06-08", "The MJ",
              "Cllr Abi Brown", campaign="Sector support offer launch 2023/24",
              earned=("abi-brown-interview-sector-support-mj",)),
    DemoPress("Cllr Abi Brown interviewed on sector support and Oflog", "interview", "2023-06-09", "LGC",
              "Cllr Abi Brown", campaign="Sector support offer launch 2023/24",
              earned=("abi-brown-interview-sector-support-lgc",)),
    DemoPress("LGA and Solace expand leadership development offers", "exclusive", "2023-06-19", "The MJ",
              "Cllr Brigid Jones", programme="Managerial Leadership",
              earned=("exclusive-lga-solace-leadership-development",)),
    DemoPress("The Local Authority Podcast: supporting new councillors", "podcast", "2023-05-24", "LGC",
              "Cllr Abi Brown", programme="Councillor Development",
              earned=("local-authority-podcast-supporting-new-councillors",)),
    DemoPress("Assurance framework for local government: discussions begin", "press release", "2023-06-14",
              programme="Corporate Peer Challenge",
              earned=("lga-assurance-framework-discussions-lgc", "lga-assurance-framework-discussions-pse")),
    DemoPress("Comment on Woking Corporate Peer Challenge report", "statement", "2023-06-26",
              "Public Finance", programme="Corporate Peer Challenge",
              earned=("woking-peer-challenge-not-forensic-investigation",)),
    DemoPress("Response to Oflog launch", "response", "2023-06-28", "LGC", "Cllr Abi Brown"),
    # Seed 000: the "Taking the lead" launch and its media proposals, re-dated into this and last week.
    DemoPress("Taking the lead: LGA launches light-touch sector self-regulation blueprint", "press release",
              "this:6", campaign="Taking the Lead launch", programme="Corporate Peer Challenge"),
    DemoPress("Councils committed to peer challenge and peers signed up", "press release", "this:3",
              programme="Corporate Peer Challenge"),
    DemoPress("New era of local government regulation begins", "article", "last:1", "Financial Times",
              "Cllr Peter Fleming", campaign="Taking the Lead launch"),
    DemoPress("Five days of free peer support for councils that change political control", "press release",
              "last:2", programme="Change of Control peer support"),
    DemoPress("Call for data from councils for the Knowledge Hub", "article", "last:4", "Public Sector Executive",
              programme="Knowledge Hub"),
    # Seed 002: the refreshed Be a Councillor campaign, and its next push (embargoed when loaded).
    DemoPress("Be a Councillor relaunched at House of Commons reception", "press release", "2012-02-01",
              spokesperson="Cllr Peter Fleming", programme="Be a Councillor", campaign="Be a Councillor"),
    DemoPress("Stand for what you believe in: Be a Councillor toolkit for the county elections", "press release",
              "ahead:2", programme="Be a Councillor", campaign="Be a Councillor", embargo="ahead:2"),
)


@dataclass(frozen=True)
class DemoCampaign:
    """A demo campaign with its plan and metrics."""

    name: str
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]
    channels: tuple[str, ...]
    objective: str
    owner: str
    starts_on: date
    ends_on: date | None
    activities: tuple[tuple[str, str, str, str | None], ...]  # title, when, status, channel
    metrics: tuple[tuple[str, float, date], ...] = ()


CAMPAIGNS = (
    DemoCampaign(
        "Be a Councillor", ("BaC", "Be A Councillor campaign"),
        ("be a councillor", "stand for what you believe in"), ("website", "press", "events"),
        "Encourage a wider range of people to stand for election; refreshed with the strap line "
        "'Stand for what you believe in. Be a councillor'.", "LGA Leadership team",
        date(2012, 2, 1), None,
        (("Relaunch reception in the House of Commons", "2012-02-01", "done", "events"),
         ("Online toolkit councils can download and tailor", "2012-02-01", "done", "website"),
         ("Evaluate the campaign ahead of the 2013 county elections", "2012-03-30", "done", None),
         ("E-bulletin to council leaders on candidate toolkits", "ahead:10", "planned", "e-bulletins")),
        (("toolkit_downloads", 340, date(2012, 2, 29)), ("toolkit_downloads", 610, date(2012, 3, 31)))),
    DemoCampaign(
        "Sector support offer launch 2023/24", ("sector support offer", "SSO launch"),
        ("sector support offer", "sector support programme"), ("website", "linkedin", "x", "press"),
        "Promote the LGA's 2023/24 sector support offer to leaders, councillors and officers.",
        "Nicky Old, Director of Communications", date(2023, 6, 1), date(2024, 3, 31),
        (("New webpage and marketing for the 2023/24 offer", "2023-06-05", "done", "website"),
         ("Press release: launch of the Sector Support Programme", "2023-06-07", "done", "press"),
         ("LinkedIn and X promotion of the offer", "2023-06-12", "done", "linkedin")),
        (("page_views", 2200, date(2023, 6, 30)), ("unique_visitors", 850, date(2023, 6, 30)))),
    DemoCampaign(
        "Local government careers pilot", ("careers pilot", "LG careers"),
        ("career of choice", "local government careers"), ("website", "events", "linkedin"),
        "Attract new talent and increase officer capacity by marketing local government as a career of "
        "choice; pilot in the North East.", "LGA Communications", date(2024, 1, 8), None,
        (("Initial stakeholder meetings in the North East", "2023-12-04", "done", "events"),
         ("First engagement event with the North East Regional Employers Organisation (NEREO)",
          "2024-01-15", "done", "events"),
         ("Proposal for the campaign's future direction", "2024-03-28", "done", None),
         ("Stakeholder meeting with NEREO on the next phase", "ahead:6", "planned", "events"))),
    DemoCampaign(
        "Taking the Lead launch", ("Taking the lead",), ("taking the lead", "self-regulation"),
        ("press", "e-bulletins", "events", "website"),
        "Launch 'Taking the lead' and mainstream sector self-regulation.", "LG Group press office",
        date(2011, 2, 14), date(2011, 7, 31),
        (("Letter from Chairman to ministers", "2011-02-14", "done", "email"),
         ("Trade media: launch coverage in LGC, MJ and First", "2011-02-15", "done", "press"),
         ("E-bulletins: LGA weekly, Knowledge e-bulletin, Start the week, Rob's round-up", "2011-02-14",
          "done", "e-bulletins"),
         ("Improvement and Innovation conference", "2011-03-22", "done", "events"),
         ("Roadshows with regional LGAs and RIEPs", "2011-05-16", "done", "events"))),
)

def ensure_campaigns(session: Session, now: datetime, tz: ZoneInfo, when: When, added: dict) -> dict[str, Campaign]:
    """Add the demo campaigns, and any of their activities and metrics not there yet."""
    existing = {c.name: c for c in session.scalars(select(Campaign))}
    added.setdefault("campaign activities", 0)
    added.setdefault("campaign metrics", 0)
    for c in CAMPAIGNS:
        camp = existing.get(c.name)
        if camp is None:
            camp = Campaign(name=c.name, aliases=list(c.aliases), keywords=list(c.keywords),
                            channels=list(c.channels), objective=c.objective, owner=c.owner,
                            starts_on=c.starts_on, ends_on=c.ends_on, created_at=now)
            session.add(camp)
            existing[c.name] = camp
            added["campaigns"] += 1
        _ensure_plan(camp, c, now, tz, when, added)
    session.flush()
    return existing


def _ensure_plan(camp: Campaign, c: DemoCampaign, now: datetime, tz: ZoneInfo, when: When, added: dict) -> None:
    titles = {a.title for a in camp.activities}
    for title, spec, status, channel in c.activities:
        if title in titles:
            continue
        due = when(spec).astimezone(tz).date()
        camp.activities.append(CampaignActivity(
            title=title, due_on=due, status=status, channel=channel, created_by=DEMO, created_at=now,
            done_on=due if status == "done" else None))
        added["campaign activities"] += 1
    readings = {(m.name, m.measured_on) for m in camp.metrics}
    for name, value, measured_on in c.metrics:
        if (name, measured_on) not in readings:
            camp.metrics.append(CampaignMetric(name=name, value=value, measured_on=measured_on, source=DEMO,
                                               recorded_by=DEMO, recorded_at=now))
            added["campaign metrics"] += 1


def ensure_press(session: Session, now: datetime, tz: ZoneInfo, when: When, outlets: dict[str, Outlet],
                 programmes: dict[str, Programme], campaigns: dict[str, Campaign], added: dict) -> None:
    """Add the demo press activity, its confirmed earned coverage, then suggest the rest."""
    _tag_campaign_coverage(session, campaigns)
    existing = {(p.title, p.outlet_name): p for p in session.scalars(
        select(PressActivity).where(PressActivity.logged_by == DEMO))}
    added.setdefault("earned links", 0)
    for p in PRESS:
        activity = existing.get((p.title, p.outlet))
        if activity is None:
            activity = _press_row(p, now, tz, when, outlets, programmes, campaigns)
            session.add(activity)
            session.flush()
            added["press"] += 1
        added["earned links"] += _confirm_earned(session, activity, p.earned, now)
        added["earned links"] += suggest_earned_coverage(session, activity)


def _press_row(p: DemoPress, now: datetime, tz: ZoneInfo, when: When, outlets: dict[str, Outlet],
               programmes: dict[str, Programme], campaigns: dict[str, Campaign]) -> PressActivity:
    embargo = None
    if p.embargo:
        day = when(p.embargo).astimezone(tz).date()
        embargo = datetime.combine(day, time(0, 1), tzinfo=tz).astimezone(timezone.utc)
    return PressActivity(
        kind=p.kind, title=p.title, outlet_name=p.outlet,
        outlet_id=outlets[p.outlet].id if p.outlet in outlets else None,
        occurred_at=when(p.when), spokesperson=p.spokesperson,
        programme_id=programmes[p.programme].id if p.programme else None,
        campaign_id=campaigns[p.campaign].id if p.campaign else None, link=p.link, embargo_until=embargo,
        logged_by=DEMO, logged_by_name="Demo data", platform="system", created_at=now, updated_at=now)


def _confirm_earned(session: Session, activity: PressActivity, slugs: tuple[str, ...], now: datetime) -> int:
    """Confirmed links to the demo coverage named by slug; returns how many were new."""
    if not slugs:
        return 0
    items = [item for slug in slugs for item in session.scalars(select(CoverageItem).where(
        CoverageItem.source == DEMO, CoverageItem.canonical_url.endswith(f"/demo/{slug}")))]
    new = 0
    for item in items:
        if session.get(PressCoverageLink, (activity.id, item.id)) is None:
            session.add(PressCoverageLink(press_id=activity.id, coverage_id=item.id, status="confirmed",
                                          score=None, decided_by=DEMO, decided_at=now))
            new += 1
    session.flush()
    return new


def _tag_campaign_coverage(session: Session, campaigns: dict[str, Campaign]) -> None:
    """Tie demo coverage tagged with a campaign's name to that campaign. (Keyword tagging of
    arriving coverage is the feeds classifier's job.)"""
    for tag in session.scalars(select(CoverageTag).where(CoverageTag.tag.in_(list(campaigns)),
                                                          CoverageTag.campaign_id.is_(None))):
        tag.campaign_id = campaigns[tag.tag].id
    session.flush()
