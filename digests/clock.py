"""The clock: the one process that runs schedules (digests, feed polling).

Until the digests issue lands it only starts, says so, and idles until told to stop.
"""
from __future__ import annotations

import logging
import threading

from runtime import Herald

log = logging.getLogger("herald.clock")


def run_clock(herald: Herald, stop: threading.Event) -> None:
    """Run Herald's schedules until `stop` is set."""
    log.info("clock started (no schedules yet); waiting")
    stop.wait()
    log.info("clock stopped")
