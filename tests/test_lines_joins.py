"""Lines joined to what they answered: a press statement logged with `line:ID`, an enquiry closed with
the line used (`record_line_use`, the enquiry family's entry point), and the coverage that followed."""
from __future__ import annotations

import json
import re

from handlers.context import Actor
from models.lines import record_line_use
from models.lines_search import lines_matching
from tests.lines_fixtures import ADMIN, APPROVER, MEMBER, OFLOG, WRITER, Lines, lines  # noqa: F401

pytest_plugins = ("tests.slack_fixtures",)


def _slack(lines: Lines, command: str, text: str, user: str = MEMBER) -> str:
    lines.harness.now = int(lines.clock.now().timestamp())
    return json.dumps(lines.harness.answer(command, text, user=user, trigger=f"T-{abs(hash(text))}"),
                      ensure_ascii=False)


def test_a_statement_and_an_enquiry_link_the_line_and_the_line_shows_them_and_the_coverage(lines: Lines):
    line = lines.line_id(lines.type(OFLOG, WRITER))
    lines.type(f"approve {line}", APPROVER)
    logged = _slack(lines, "/press", f'log statement "Response to Oflog launch" outlet:LGC line:{line}')
    assert f"Used line #{line} v1 (Oflog launch)" in logged
    press = int(re.search(r"Logged statement #(\d+)", logged).group(1))
    admin = Actor(user_id=ADMIN, name="Ada Admin", platform="slack", workspace="T1", is_admin=True)
    reply, _ = lines.herald.run_command('coverage log https://www.lgcplus.com/oflog-launch "LGC" positive Oflog launch '
                                        "response", admin)
    item = int(reply.title.split()[-1])
    assert "marked as earned" in _slack(lines, "/press", f"link {press} {item}", ADMIN)

    with lines.herald.session() as s:  # what /enquiry close ID statement line:ID calls
        assert [found.id for found in lines_matching(s, "Oflog's launch", now=lines.clock.now())] == [line]
        record_line_use(s, line, enquiry_id=7, actor=Actor(user_id=MEMBER, name="Mo Member", platform="slack"),
                        now=lines.clock.now())
    history = lines.type(f"history {line}")
    assert f"press #{press} Response to Oflog launch" in history and "1 coverage item(s) followed" in history
    assert "enquiry #7" in history and "2 use(s) recorded" in history


def test_a_statement_naming_a_line_with_nothing_approved_logs_nothing(lines: Lines):
    line = lines.line_id(lines.type(OFLOG, WRITER))
    refused = _slack(lines, "/press", f'log statement "Response to Oflog launch" line:{line}')
    assert "has no approved version" in refused and "Nothing was logged" in refused
    assert "Response to Oflog launch" not in _slack(lines, "/press", "list", ADMIN)
    assert "is not a line number" in _slack(lines, "/press", 'log statement "X" line:abc')


def test_closing_an_enquiry_with_a_statement_links_the_line_used_and_offers_the_matching_ones(lines: Lines):
    line = lines.line_id(lines.type(OFLOG, WRITER))
    lines.type(f"approve {line}", APPROVER)
    logged = _slack(lines, "/enquiry", 'log "Oflog launch reaction" outlet:LGC deadline:"tomorrow 10:00"')
    first = int(re.search(r"#(\d+)", logged).group(1))
    closed = _slack(lines, "/enquiry", f"close {first} statement line:{line}")
    assert f"Used line #{line} v1 (Oflog launch)" in closed
    statement = int(re.search(r"press activity #(\d+)", closed).group(1))
    history = lines.type(f"history {line}")
    assert f"enquiry #{first}" in history and f"press #{statement}" in history

    logged = _slack(lines, "/enquiry", 'log "Oflog and its launch" outlet:MJ deadline:"tomorrow 10:00"')
    second = int(re.search(r"#(\d+)", logged).group(1))
    closed = _slack(lines, "/enquiry", f"close {second} statement")
    assert f"/enquiry line {second} {line} (Oflog launch)" in closed  # offered, not assumed
    assert f"enquiry #{second}" not in lines.type(f"history {line}")
    joined = _slack(lines, "/enquiry", f"line {second} {line}")
    assert f"joined to line #{line}" in joined and f"enquiry #{second}" in lines.type(f"history {line}")
    assert "Give the enquiry number and the line" in _slack(lines, "/enquiry", f"line {second}")
