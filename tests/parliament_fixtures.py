"""Parliament watch's test world: a fake of the three APIs with a week of matching and unmatching
items, and a Herald pointed at it."""
from __future__ import annotations

from datetime import date

import pytest

from tests.fakes.parliament import FakeParliament, contribution, member_value, question, statement

MONDAY = date(2026, 11, 23)  # the `clock` fixture's day


def week_of_parliament() -> FakeParliament:
    """Two contributions and a question that say "sector support", and one that does not."""
    fake = FakeParliament()
    fake.contributions += [
        contribution("C-LORDS-1", "<p>My Lords, the <b>sector support</b> programme has transformed "
                     "Thurrock Council's finances. I commend it.</p><p>Another point entirely.</p>", MONDAY,
                     member="Baroness Example", member_id=4001, party="Lab", house="Lords",
                     heading="Local Government: Improvement", debate="D-LORDS-1", section="Lords Chamber"),
        contribution("C-COMMONS-1", "<p>Sector support from the LGA has failed <script>alert(1)</script>"
                     "&lt;!channel&gt; my constituents.</p>", MONDAY, member="Jim Example",
                     member_id=4002, party="Con", house="Commons", heading="Council Finances",
                     debate="D-COMMONS-1", section="Westminster Hall"),
        contribution("C-OTHER", "<p>Bus services in Reading are poor.</p>", MONDAY, member="Ann Other",
                     member_id=4003, house="Commons", heading="Buses", debate="D-BUS"),
    ]
    fake.questions.append(question(90001, "To ask the Secretary of State what assessment he has made of the "
                                           "sector support offer to councils.", MONDAY, member_id=172,
                                   due=date(2026, 11, 30)))
    fake.statements.append(statement(501, "<p>An update on sector support for local authorities.</p>", MONDAY))
    fake.members[172] = member_value(172, "Ms Diane Example", "Labour", 1)
    return fake


@pytest.fixture
def parliament_fake():
    with week_of_parliament() as fake:
        yield fake


@pytest.fixture
def parl_herald(make_app, database_url, parliament_fake):
    return make_app(database_url, **parliament_fake.settings).extensions["herald"]
