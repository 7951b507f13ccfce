"""`/council <name>`: coverage this month, the peer challenge stage, and the programmes in its coverage."""
from bot.plaintext import render_text
from handlers.context import Actor

pytest_plugins = ("tests.programme_fixtures",)  # demo_herald: one shared demo database


def ask(herald, command):
    reply, _ = herald.run_command(command, Actor.cli())
    return reply, render_text(reply)


def test_thurrock_in_one_answer(demo_herald):
    reply, text = ask(demo_herald, "council thurrock council")
    assert reply.title == "Thurrock" and not reply.is_error
    facts = {f.label: f.value for f in reply.sections[0].facts}
    assert facts["Coverage this month"] == "1"
    assert facts["Peer challenge"] == "corporate · report published (1 Nov 2011)"
    assert "Thurrock shares improvement journey after peer challenge  (LGC · 19 Nov · positive)" in text
    assert "• Corporate Peer Challenge  (1 item)" in text


def test_woking_has_no_coverage_this_month_but_its_programmes_show(demo_herald):
    reply, text = ask(demo_herald, "council Woking BC")
    facts = {f.label: f.value for f in reply.sections[0].facts}
    assert facts["Coverage this month"] == "0" and "Corporate Peer Challenge  (1 item)" in text


def test_abolished_unknown_and_empty_names(demo_herald):
    reply, text = ask(demo_herald, "council Poole")
    assert reply.title == "Bournemouth, Christchurch and Poole" and "Borough of Poole was abolished" in text
    reply, text = ask(demo_herald, "council Stoke")
    assert reply.is_error and "Did you mean: Stoke-on-Trent" in text
    reply, text = ask(demo_herald, "council")
    assert reply.is_error and "Which council?" in text and "/council Thurrock" in text
