"""Figures on lines to take (`/lines stats`, the weekly round-up, the board update) on a hand-counted
fixture, and review reminders that reach the owner by direct message exactly once; both databases."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from digests import notices as sender
from digests.board import board_markdown, build_board_update
from digests.compose import Window, weekly_roundup
from models.line_reminders import KIND
from models.notices import notices_of
from models.periods import quarter_period
from tests.lines_fixtures import ADMIN, APPROVER, MEMBER, WRITER, Lines, lines  # noqa: F401

pytest_plugins = ("tests.slack_fixtures",)
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def _line(lines: Lines, topic: str, review: str | None = None, approve: bool = True) -> int:
    extra = f' review:"{review}"' if review else ""
    line = lines.line_id(lines.type(f'draft "{topic}" text:"Our words on {topic}."{extra}', WRITER))
    if approve:
        assert "Approved" in lines.type(f"approve {line}", APPROVER)
    return line


def _fixture(lines: Lines) -> dict[str, int]:
    """By hand, for Q3 2026/27 (1 Oct – 31 Dec 2026), seen on Mon 23 Nov 2026:
    approved 3 (oflog, offer, old), used 4 (oflog ×3, offer ×1), due for review 1 (offer, by 15 Dec),
    current now 3 (oflog, offer, and peer from September); peer's use in September is not this quarter."""
    lines.clock.set(datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc))
    ids = {"peer": _line(lines, "Peer challenge")}
    lines.click(f"lines post {ids['peer']}")
    lines.clock.set(NOW)
    ids |= {"oflog": _line(lines, "Oflog launch", "31 March 2027"), "offer": _line(lines, "Sector support offer",
                                                                                    "15 December 2026"),
            "draft": _line(lines, "Be a Councillor", approve=False), "old": _line(lines, "Old line")}
    lines.type(f'withdraw {ids["old"]} reason:"Out of date"', ADMIN)
    for line in (ids["oflog"], ids["oflog"], ids["oflog"], ids["offer"]):
        lines.click(f"lines post {line}")
    return ids


def test_stats_digest_and_board_carry_the_hand_counted_figures(lines: Lines):
    ids = _fixture(lines)
    stats = lines.type("stats this quarter")
    for label, value in (("Approved", "3"), ("Used", "4"), ("Due for review", "1 (review date by 31 Dec 2026)"),
                         ("Current now", "3")):
        assert f"{label}*\\n{value}" in stats, (label, stats)
    assert stats.index(f"#{ids['oflog']} Oflog launch") < stats.index(f"#{ids['offer']} Sector support offer")
    assert "used 3×" in stats and "used 1×" in stats and "Peer challenge" not in stats

    with lines.herald.session() as s:
        week = weekly_roundup(s, Window(date(2026, 11, 23), date(2026, 11, 30), LONDON), NOW)
        board = build_board_update(s, quarter_period(3, 2026, LONDON), NOW)
    section = next(sec for sec in week.sections if sec.heading == "Lines to take")  # offer is due after the week
    assert [(f.label, f.value) for f in section.facts] == [("Approved", "3"), ("Used", "4"), ("Due for review", "0")]
    assert [i.title for i in section.items] == [f"#{ids['oflog']} Oflog launch", f"#{ids['offer']} Sector support offer"]
    media = next(section for section in board.sections if section.heading == "Media relations")  # seed 004's outline
    assert media.figures[-2:] == ("Lines to take: 3 approved and 4 use(s) recorded; 3 current, 1 due for review.",
                                  "Most used line: Oflog launch (3 use(s)).")
    paper = board_markdown(board)
    assert "Lines to take: 3 approved and 4 use(s) recorded" in paper


def test_stats_for_an_unreadable_period_gives_usage(lines: Lines):
    answer = lines.type("stats someday soon")
    assert "Try a period such as this quarter" in answer and "/lines stats this quarter" in answer


def _dms(lines: Lines, user: str = WRITER) -> list[dict]:
    return [c for c in lines.api.calls("chat.postMessage") if c["channel"] == f"D{user}"]


def test_review_reminders_reach_the_owner_a_week_before_and_on_the_day_exactly_once(lines: Lines):
    line = _line(lines, "Oflog launch", "14 December 2026")
    assert sender.send_due_notices(lines.herald, "clock:a") == 0
    lines.clock.set(datetime(2026, 12, 7, 9, 0, 1, tzinfo=timezone.utc))  # a week before, 09:00 London
    assert sender.send_due_notices(lines.herald, "clock:a") == 1
    assert sender.send_due_notices(lines.herald, "clock:b") == 0  # another clock finds it sent
    [week] = _dms(lines)
    assert "due for review on Mon 14 Dec 2026: Oflog launch" in str(week)
    lines.type(f"approve {line}", APPROVER)  # nothing waiting: refused, and nothing scheduled twice
    lines.clock.set(datetime(2026, 12, 14, 9, 0, 1, tzinfo=timezone.utc))
    assert sender.send_due_notices(lines.herald, "clock:b") == 1
    assert sender.send_due_notices(lines.herald, "clock:a") == 0
    assert "due for review today" in str(_dms(lines)[-1]) and len(_dms(lines)) == 2


def test_a_new_review_date_reschedules_and_a_withdrawn_line_is_not_reminded(lines: Lines):
    line = _line(lines, "Oflog launch", "14 December 2026")
    lines.type(f'edit {line} review:"21 December 2026"', WRITER)
    lines.type(f"approve {line}", APPROVER)
    with lines.herald.session() as s:
        states = sorted((n.key.split(":")[3], n.key.split(":")[4], n.status) for n in notices_of(s, KIND, line))
    assert states == [("review20261214", "day", "cancelled"), ("review20261214", "week", "cancelled"),
                      ("review20261221", "day", "pending"), ("review20261221", "week", "pending")]
    lines.clock.set(datetime(2026, 12, 7, 9, 0, 1, tzinfo=timezone.utc))
    assert sender.send_due_notices(lines.herald, "clock:a") == 0  # the old date's reminder was cancelled
    lines.clock.set(datetime(2026, 12, 14, 9, 0, 1, tzinfo=timezone.utc))
    assert sender.send_due_notices(lines.herald, "clock:a") == 1 and "Mon 21 Dec 2026" in str(_dms(lines)[-1])
    lines.type(f'withdraw {line} reason:"Replaced"', ADMIN)
    lines.clock.set(datetime(2026, 12, 21, 9, 0, 1, tzinfo=timezone.utc))
    assert sender.send_due_notices(lines.herald, "clock:a") == 0 and len(_dms(lines)) == 1
    assert MEMBER not in str(lines.api.calls("chat.postMessage"))
