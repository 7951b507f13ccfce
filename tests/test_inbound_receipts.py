"""Request receipts: the first delivery of a key claims it, a repeat (even a concurrent one) does not."""
import threading
from datetime import datetime, timezone

from sqlalchemy import func, select

from models.inbound import ReceivedEvent, claim_receipt

AT = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def test_a_key_is_claimed_once_per_platform_and_a_rolled_back_claim_leaves_nothing(herald):
    with herald.session() as s:
        assert claim_receipt(s, "slack", "Ev1", AT) and not claim_receipt(s, "slack", "Ev1", AT)
        assert claim_receipt(s, "teams", "Ev1", AT, job_id=7)
    try:
        with herald.session() as s:
            assert claim_receipt(s, "slack", "Ev2", AT)
            raise RuntimeError("the command failed")
    except RuntimeError:
        pass
    with herald.session() as s:
        assert claim_receipt(s, "slack", "Ev2", AT)  # the failed delivery left no key: a retry runs
        assert s.scalar(select(func.count()).select_from(ReceivedEvent)) == 3


def test_concurrent_deliveries_of_one_key_claim_it_exactly_once(herald):
    start, outcomes = threading.Barrier(6), []

    def deliver():
        start.wait()
        with herald.session() as s:
            outcomes.append(claim_receipt(s, "slack", "Ev-race", AT))
    threads = [threading.Thread(target=deliver) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False] * 5 + [True]
