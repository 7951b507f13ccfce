"""The whole router over arbitrary text: every input gets a Reply that every renderer can draw.

Texts are aimed at each family (its name or an alias, then anything), so every handler built into
this build — coverage, programme, peer challenge… once merged — is fed hostile input too.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.plaintext import render_text
from bot.slack.blocks import MAX_BLOCKS, render_blocks
from bot.teams.cards import render_card
from handlers.context import Actor
from handlers.reply import Reply
from handlers.router import FAMILIES

COMMAND_WORDS = sorted({word for fam in FAMILIES for word in (fam.name, *fam.aliases)} | {"herald", "help"})
FRAGMENTS = st.sampled_from([
    "this week", "last month", "help", "log", "tone", "update", "stats", "export", "council:", "outlet:",
    'tag:"', "\u201cLG Inform\u201d", "negative", "Q5", "2023/24", "since tomorrow", "<!channel>",
    "https://127.0.0.1/x", "' OR 1=1 --", "\x00", "9" * 30, "🦆", "red", "amber", "Thurrock", "-h",
])
HOSTILE_TEXT = st.one_of(
    st.text(max_size=120),
    st.tuples(st.sampled_from(COMMAND_WORDS), st.lists(st.one_of(FRAGMENTS, st.text(max_size=15)), max_size=6))
    .map(lambda parts: " ".join([parts[0], *parts[1]])),
    st.tuples(st.sampled_from(["/", "@Herald ", "herald "]), st.sampled_from(COMMAND_WORDS), st.text(max_size=40))
    .map("".join),
)
PLATFORM_ACTORS = st.sampled_from([
    Actor.cli(),
    Actor(user_id="U0NOBODY", name="Staff member", platform="slack", workspace="T0BENCH"),
    Actor(user_id="29:teams", name="Teams user", platform="teams"),
])


@pytest.fixture
def herald_on_sqlite(make_app, sqlite_url):
    return make_app(sqlite_url).extensions["herald"]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_TEXT, actor=PLATFORM_ACTORS)
def test_any_command_text_gets_a_reply_every_renderer_can_draw(herald_on_sqlite, text, actor):
    reply, ctx = herald_on_sqlite.run_command(text, actor)
    assert isinstance(reply, Reply) and reply.title
    assert "Traceback" not in render_text(reply)
    assert not reply.title.startswith("Sorry, something went wrong"), f"{text!r} hit an unexpected error"
    blocks = render_blocks(reply)
    assert 1 <= len(blocks) <= MAX_BLOCKS
    json.dumps(render_card(reply))
    assert all(n.text for n in ctx.notices)


def test_the_database_is_usable_after_hostile_input(herald_on_sqlite):
    for text in ("coverage \x00", "programme update \"", "peer-challenge '; DROP TABLE councils; --"):
        reply, _ = herald_on_sqlite.run_command(text, Actor.cli())
        assert isinstance(reply, Reply)
    reply, _ = herald_on_sqlite.run_command("herald help", Actor.cli())
    assert not reply.is_error
    with herald_on_sqlite.session() as session:
        from sqlalchemy import func, select

        from models.council import Council
        assert session.scalar(select(func.count()).select_from(Council)) > 300
