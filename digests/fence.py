"""The fence a scheduled delivery (a digest run, a notice) passes right before each post.

An attempt holds a claim (a holder and an attempt number on its row). Before every post it renews
the claim; once another holder or a later attempt has the row it must stop, posting and recording
nothing more (`ClaimLost`). A clock also posts only while its lease lasts at least half a lease
(HERALD_CLOCK_LEASE_SECONDS) longer, so a successor, which takes the row only after taking the
lapsed lease, never overlaps a post in flight (the Slack client's timeout, 10 s, is well inside the
default 30 s). With less left it waits for its own renewal, for at most one lease length, then gives
the row back for whichever clock leads next.
"""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy.orm import Session

from runtime import Herald

Renew = Callable[[Session, datetime, datetime | None], str]  # (session, now, lease_until) -> held|lost|short


class ClaimLost(Exception):
    """This attempt's claim was taken over (its holder stalled past its lease or claim): it must not
    post or record anything more."""


def hold_claim(herald: Herald, holder: str, renew: Renew, give_back: Callable[[Session], object],
               lost: str) -> None:
    """Return once the attempt may post, its claim renewed by `renew`; raise ClaimLost(`lost`) once
    it may not. `give_back` hands the row to the next leader when the lease stays short."""
    lease = float(herald.settings.HERALD_CLOCK_LEASE_SECONDS)
    give_up = time.monotonic() + lease
    while True:
        now = herald.clock.now()
        lease_until = now + timedelta(seconds=lease / 2) if holder.startswith("clock:") else None
        with herald.session() as session:
            state = renew(session, now, lease_until)
            if state == "short" and time.monotonic() > give_up:
                give_back(session)
                state = "lost"
        if state == "held":
            return
        if state == "lost":
            raise ClaimLost(lost)
        time.sleep(0.05)
