"""Support for councils in the weekly round-up and the board update (seed 004's "calls on the LGA
for communications support – from councils in the media spotlight")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from handlers.reply import Fact, Item, Section
from models.spotlight import spotlight_figures
from models.support import support_figures

if TYPE_CHECKING:  # compose.py calls these sections; its Window is only a type here
    from digests.compose import Window


def support_section(session: Session, window: "Window") -> Section:
    """The week's support requests by council and issue, and the spotlights raised and dismissed."""
    support = support_figures(session, window.start, window.end)
    spot = spotlight_figures(session, window.start, window.end)
    facts = (Fact("Support requests", str(support.total), f"/support stats {window.command_period()}"),
             Fact("Spotlights raised", str(spot.raised), "/support spotlight"),
             Fact("Spotlights dismissed", str(spot.dismissed)))
    items = tuple(Item(title=name, meta=(f"{n} request{'s' if n != 1 else ''}",)) for name, n in support.by_council[:6])
    issues = ", ".join(f"{category} {n}" for category, n in support.by_category)
    return Section(heading="Support for councils", facts=facts, items=items,
                   text=f"By issue: {issues}." if issues else "No support requests logged.")


def support_board_figures(session: Session, window: "Window") -> tuple[str, ...]:
    """The quarter's calls for communications support, as the board paper's lines."""
    support = support_figures(session, window.start, window.end)
    spot = spotlight_figures(session, window.start, window.end)
    councils = len(support.by_council)
    lines = [f"Calls on the team for communications support: {support.total} from {councils} "
             f"council{'s' if councils != 1 else ''} ({support.still_open} still open)."]
    if support.by_category:
        lines.append("By issue: " + ", ".join(f"{category} {n}" for category, n in support.by_category) + ".")
    if support.by_council:
        lines.append("By council: " + ", ".join(f"{name} {n}" for name, n in support.by_council[:10]) + ".")
    lines.append(f"Councils in the media spotlight: {spot.raised} spotlight{'s' if spot.raised != 1 else ''} "
                 f"raised, {spot.supported} offered support, {spot.dismissed} dismissed.")
    return tuple(lines)
