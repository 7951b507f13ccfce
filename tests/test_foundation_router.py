"""The command router and the shared one-line grammar."""
import pytest

from bot.plaintext import render_text
from handlers.args import parse_args
from handlers.context import Actor
from handlers.errors import UsageError
from handlers.router import FAMILIES, help_reply, split_command

DESIGN_FAMILIES = {"coverage", "press", "campaign", "programme", "peer-challenge", "digest", "feeds"}


def test_help_lists_every_family_in_the_design_marking_coming_ones():
    text = render_text(help_reply())
    for name in DESIGN_FAMILIES:
        assert f"/{name}" in text
    for family in FAMILIES:
        line = next(line for line in text.splitlines() if line.startswith(f"/{family.name} ")
                    or line.startswith(f"/{family.name}  "))
        assert ("(coming)" in line) == (not family.ready)


@pytest.mark.parametrize("text, expected", [
    ("/coverage this week", ("coverage", "this week")),
    ("@Herald coverage   last week", ("coverage", "last week")),
    ("herald help", ("help", "")),
    ("Coverage", ("coverage", "")),
    ("", ("", "")),
])
def test_split_command(text, expected):
    assert split_command(text) == expected


def test_help_and_unknown_commands(herald):
    reply, _ = herald.run_command("herald help", Actor.cli())
    assert reply.title.startswith("Herald") and not reply.is_error
    reply, _ = herald.run_command("coverag this week", Actor.cli())  # a misspelt command word is read
    assert not reply.is_error and render_text(reply).startswith("/coverage this week\n")
    reply, _ = herald.run_command("frobnicate the widgets", Actor.cli())  # no dead end: what Herald can answer
    assert not reply.is_error and "I don't know the command" not in render_text(reply)
    assert "/coverage" in render_text(reply) and reply.understood is None
    reply, _ = herald.run_command("coverage help", Actor.cli())
    assert "Usage" in render_text(reply) and "/coverage this week" in render_text(reply)


def test_grammar_quotes_options_and_apostrophes():
    args = parse_args('statement "Response to Oflog launch" outlet:LGC spokesperson:"Cllr Abi Brown" '
                      "Woking's", {"outlet", "spokesperson"})
    assert args.words == ["statement", "Response to Oflog launch", "Woking's"]
    assert args.options == {"outlet": "LGC", "spokesperson": "Cllr Abi Brown"}
    smart = parse_args("\u201cBe a Councillor\u201d date:\u201cTue 00:01\u201d", {"date"})
    assert smart.words == ["Be a Councillor"] and smart.options == {"date": "Tue 00:01"}
    assert parse_args('"outlet:LGC" x', {"outlet"}).words == ["outlet:LGC", "x"]


def test_unclosed_quote_is_a_usage_error():
    with pytest.raises(UsageError, match="unclosed quote"):
        parse_args('log statement "Response to Oflog')
