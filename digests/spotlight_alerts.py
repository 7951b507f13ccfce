"""Spotlight alerts and support follow-ups, through the shared notices.

The spotlight check is a clock job (`spotlight:check`, every minute) rather than a step of each
ingest: ingests (feed polls in the clock, webhook posts in every web process) run in concurrent
transactions that cannot see each other's new items, so a check inside each could split one spike
in two, and two alerts. The clock runs in one process at a time (its lease) over committed coverage,
so it sees every item of a spike together; the notice key names the spotlight row, and an item joins
at most one spotlight per council, so a second check (another holder, a restart) alerts nothing new.
An alert goes out within a minute of the third item arriving; the webhook's answer stays fast.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from config import Settings
from handlers.reply import Button, Fact, Reply, Section
from handlers.spotlight import ALERT_KIND, spotlight_alert
from models.moments import local_label
from models.notices import Notice, schedule_notice, team_recipients
from models.spotlight import Spotlight, SpotlightRules, check_spotlights, council_name
from models.support import SupportRequest
from runtime import Herald

SPOTLIGHT_CHECK_SECONDS = 60.0



def rules_from(settings: Settings) -> SpotlightRules:
    """The spotlight thresholds from HERALD_SPOTLIGHT_* settings."""
    return SpotlightRules(min_negative=settings.HERALD_SPOTLIGHT_MIN_NEGATIVE,
                          window_hours=settings.HERALD_SPOTLIGHT_WINDOW_HOURS,
                          min_outlets=settings.HERALD_SPOTLIGHT_MIN_OUTLETS)


def run_spotlight_check(herald: Herald, holder: str = "test") -> int:
    """Check for new spotlights now and schedule one alert per new spotlight to each team channel;
    returns how many spotlights started. Safe to run again, or from a second holder."""
    with herald.session() as session:
        now = herald.clock.now()
        started = check_spotlights(session, now, rules_from(herald.settings))
        for spotlight in started:
            for to in team_recipients(herald.settings):
                schedule_notice(session, key=f"spotlight:{spotlight.id}:{to.platform}:{to.address}", kind=ALERT_KIND,
                                subject_id=spotlight.id, to=to, due_at=now, now=now)
        return len(started)


def compose_spotlight(session: Session, notice: Notice, now: datetime, settings: Settings) -> Reply | None:
    """The team-channel alert, or None once the spotlight was dismissed or support was logged."""
    spotlight = session.get(Spotlight, notice.subject_id)
    if spotlight is None or spotlight.status in ("dismissed", "supported"):
        return None
    return spotlight_alert(session, spotlight, settings.tz)


def compose_followup(session: Session, notice: Notice, now: datetime, settings: Settings) -> Reply | None:
    """The owner's follow-up reminder, or None once the request is closed."""
    request = session.get(SupportRequest, notice.subject_id)
    if request is None or request.status != "open":
        return None
    council = council_name(session, request.council_code)
    facts = tuple(Fact(label, value) for label, value in (
        ("Contact", request.contact), ("Advised", request.advised),
        ("Follow up", local_label(request.followup_at, settings.tz) if request.followup_at else None)) if value)
    return Reply(title=f"Time to follow up: {council}, {request.issue} (#{request.id}), "
                       f"for {request.owner_name or request.owner_id}",
                 sections=(Section(facts=facts),) if facts else (),
                 buttons=(Button("Close it", command=f"/support close {request.id}"),
                          Button("Show", command=f"/support show {request.id}")))
