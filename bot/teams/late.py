"""Teams commands still running in this process, tracked so shutdown and tests can wait for them;
and what a person sees when one crashed. (Their answers are durable jobs: `bot/teams/jobs.py`.)"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, TimeoutError as FutureTimeout, wait

from handlers.reply import Reply, Section

log = logging.getLogger("herald.teams")


def apology() -> Reply:
    """What a user sees when a command fails inside Herald: no details, nothing changed."""
    return Reply(title="Sorry, something went wrong",
                 sections=(Section(text="Herald could not answer that just now. Nothing was changed."),),
                 is_error=True)


def reply_of(future: Future, timeout: float | None) -> Reply:
    """The reply a command future holds (waiting up to `timeout`, which may raise TimeoutError);
    an apology if the command crashed outside the router."""
    try:
        return future.result(timeout=timeout)
    except FutureTimeout:
        raise
    except Exception:
        log.exception("Teams command failed outside the router")
        return apology()


class LateAnswers:
    """A thread-safe set of futures of commands still running; each is forgotten when it is done."""

    def __init__(self) -> None:
        self._futures: set[Future] = set()
        self._lock = threading.Lock()

    def track(self, future: Future) -> None:
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: Future) -> None:
        with self._lock:
            self._futures.discard(future)

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait for every tracked future; True if none is left by `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                pending = set(self._futures)
            if not pending:
                return True
            wait(pending, timeout=max(deadline - time.monotonic(), 0))
        with self._lock:
            return not self._futures
