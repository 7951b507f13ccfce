"""Questions in plain English (issue 21): read as the command they mean, named first; asked back when
unsure; a change offered, never run; never a dead end. On the demo data, SQLite and PostgreSQL."""
import pytest

from bench.suites.ask import table_counts
from bot.plaintext import render_text
from bot.slack.blocks import render_blocks
from bot.teams.cards import render_card
from handlers.ask import Understanding, understand
from handlers.context import Actor, Context
from handlers.question import Reading

pytest_plugins = ("tests.programme_fixtures",)  # demo_herald: one shared demo database per backend


def run(herald, text, actor=None):
    reply, _ctx = herald.run_command(text, actor or Actor.cli())
    return reply


@pytest.mark.parametrize("question, command", [
    ("how did Thurrock do in the press last month?", "coverage last month council:Thurrock"),
    ("Any negative coverage of Woking Borough Council in Q1 23/24?", "coverage Q1 2023/24 council:Woking negative"),
    ("what has Local Government Chronicle said about us this month", "coverage this month outlet:LGC"),
    ("what's the status of LG Inform?", "programme LG Inform"),
    ("which peer challenges are due?", "peer-challenge due"),
    ("where is Thurrock with its peer challenge?", "peer-challenge Thurrock"),
    ("tell me about bcp", "council Bournemouth, Christchurch and Poole"),
    ("what press releases did we put out in June 2023?", 'press list june 2023 type:"press release"'),
    ("how is the Be a Councillor campaign going", "campaign Be a Councillor"),
    ("show me this week's round-up", "digest preview weekly"),
    ("which feeds do we poll?", "feeds list"),
    ("/herald what can you do?", "herald help"),
])
def test_a_question_answers_exactly_as_its_command_and_names_it_first(demo_herald, question, command):
    asked, typed = run(demo_herald, question), run(demo_herald, command)
    assert asked.understood == f"/{command}"
    shown = render_text(asked)
    assert shown.startswith(f"/{command}\n")
    assert shown.split("\n", 1)[1] == render_text(typed)


def test_the_command_line_is_shown_muted_first_on_every_platform(demo_herald):
    reply = run(demo_herald, "@Herald how did Thurrock do in the press last month?")
    first = render_blocks(reply)[0]
    assert first["type"] == "context" and "/coverage last month council:Thurrock" in first["elements"][0]["text"]
    card = render_card(reply)
    assert card["body"][0]["inlines"][0]["isSubtle"] is True
    assert card["body"][0]["inlines"][0]["text"] == "/coverage last month council:Thurrock"


def test_ask_on_the_command_line_reads_questions_too(make_app, shared_url, demo_herald):
    app = make_app(shared_url)
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["ask", "how", "is", "LG", "Inform", "doing?"])
    assert result.exit_code == 0 and result.output.startswith("/programme LG Inform\n")
    assert "I don't know the command" not in result.output


@pytest.mark.parametrize("sentence, offered, whole", [
    ("mark LG Inform red", 'programme update "LG Inform" red', False),
    ("please add https://www.themj.co.uk/rss as a feed", "feeds add https://www.themj.co.uk/rss", True),
    ("log a statement to LGC about the Oflog launch", 'press log statement', False),
    ("send the weekly digest now", "digest send weekly", True),
    ("Woking's peer challenge report was published today", 'peer-challenge update Woking "report published"', True),
    ("change item 3 tone to negative", "coverage tone 3 negative", True),
])
def test_a_sentence_that_changes_state_is_offered_to_confirm_never_run(demo_herald, sentence, offered, whole):
    before = table_counts(demo_herald)
    reply = run(demo_herald, sentence, Actor(user_id="U1", platform="slack", is_admin=True))
    assert table_counts(demo_herald) == before
    assert reply.title == "I haven't changed anything yet" and reply.understood is None
    assert f"/{offered}" in render_text(reply)
    assert bool(reply.buttons) == whole
    if whole:
        assert reply.buttons[0].command.startswith(offered)


def test_when_unsure_the_best_readings_come_back_as_buttons_with_usage(demo_herald):
    reply = run(demo_herald, "how's be a councillor going")
    assert reply.title == "Did you mean…" and not reply.is_error
    assert [b.command for b in reply.buttons] == ["campaign Be a Councillor", "programme Be a Councillor"]
    assert any(s.heading == "/campaign usage" for s in reply.sections)
    assert len(render_blocks(reply)[-1]["elements"]) == 2  # each reading a button that runs its command


@pytest.mark.parametrize("text", ["how", "what is the meaning of life", "asdfgh", "frobnicate the widgets"])
def test_no_dead_ends_text_herald_cannot_read_gets_what_it_can_answer(demo_herald, text):
    reply = run(demo_herald, text)
    shown = render_text(reply)
    assert "I don't know the command" not in shown and not reply.title.startswith("Sorry")
    assert "/coverage" in shown and "/programme" in shown and "how did Thurrock do in the press" in shown


def test_a_command_word_followed_by_a_question_is_read_not_text_searched(demo_herald):
    reply = run(demo_herald, "coverage of Croydon Council since 1 June 2023")
    assert reply.understood == "/coverage since 1 june 2023 council:Croydon"
    assert "mentioning" not in render_text(reply)
    assert run(demo_herald, "coverage this week outlet:MJ").understood is None  # commands run as typed
    assert run(demo_herald, "peer challenges per region").understood == "/peer-challenge stats region"


class _Reader:
    """A stand-in for a reader plugged in later (say a model the organisation hosts): fixed readings."""

    def __init__(self, *found: Reading):
        self.found = list(found)

    def read(self, text, ctx):
        return self.found


def test_whatever_a_reader_says_a_change_is_only_offered(demo_herald):
    with demo_herald.session() as session:
        ctx = Context(session=session, actor=Actor.cli(), clock=demo_herald.clock, settings=demo_herald.settings)
        sneaky = _Reader(Reading('programme update "LG Inform" red "x"', 0.99, changes_state=False))
        assert understand("anything", ctx, demo_herald.families, sneaky).kind == "offer"
        unknown = _Reader(Reading("rm -rf /", 0.99))
        assert understand("anything", ctx, demo_herald.families, unknown) == Understanding("unknown")
        close = _Reader(Reading("programme", 0.8), Reading("campaign list", 0.75))
        assert understand("anything", ctx, demo_herald.families, close).kind == "choose"
        session.rollback()
