"""The Adaptive Card form for logging press activity, and what a submitted form runs."""
from __future__ import annotations

import pytest

from bot.teams import press_form
from handlers.args import parse_args
from handlers.reply import Reply, error_reply
from tests.fakes.http import Answer
from tests.teams2_fixtures import bot_app, bot_framework, bot_framework_server, post_activity  # noqa: F401
from tests.teams_fixtures import card_validator

OPTION_KEYS = frozenset(press_form.OPTION_FIELDS)


class RecordingRunner:
    """Runs Herald's real `run_command`, recording each command line; `answer` stands in for /press."""

    def __init__(self, run, answer: Reply | None = None):
        self.run, self.answer, self.lines = run, answer, []

    def __call__(self, text, actor, channel):
        self.lines.append((text, actor, channel))
        if self.answer is not None and text.startswith("press log"):
            return self.answer, None
        return self.run(text, actor, channel)


@pytest.fixture
def form_bot(bot_app):
    def build(answer: Reply | None = None):
        app = bot_app()
        agent = app.extensions["herald.teams_bot"].agent
        agent.run = RecordingRunner(agent.run, answer)
        return app, agent.run
    return build


def inputs(card: dict) -> dict[str, dict]:
    return {el["id"]: el for el in card["body"] if el["type"].startswith("Input.")}


def posted_card(fake) -> dict:
    [reply] = fake.replies()
    [attachment] = reply.json()["attachments"]
    card = attachment["content"]
    card_validator().validate(card)
    return card


SUBMITTED = {"type": "statement", "title": "Response to Oflog launch", "outlet": "LGC", "date": "",
             "spokesperson": "Cllr Abi Brown", "programme": "", "campaign": "", "link": "", "embargo": ""}


FORM_MESSAGE = "form-card-1"  # the id of the bot's message that holds the form


def submission(fake, answers: dict) -> dict:
    """What Teams posts when Submit is pressed: a message with the inputs as `value`, replying to the form."""
    return fake.activity(text="", value={**answers, "herald_form": "press_log"}, activity_id="form-1",
                         replyToId=FORM_MESSAGE)


@pytest.mark.parametrize("text", ["press form", "press log", "/press   FORM"])
def test_asking_for_the_form_sends_it(form_bot, bot_framework, text):
    app, runner = form_bot()
    assert post_activity(app.test_client(), bot_framework, bot_framework.activity(text)).status_code == 202
    card = posted_card(bot_framework)
    fields = inputs(card)
    assert list(fields) == ["type", "title", "outlet", "date", "spokesperson", "programme", "campaign",
                            "link", "embargo"]
    assert fields["type"]["type"] == "Input.ChoiceSet"
    assert [c["value"] for c in fields["type"]["choices"]][:3] == ["press release", "statement", "response"]
    assert all(fields[name]["type"] == "Input.Text" for name in list(fields)[1:])
    assert fields["title"]["isRequired"] and not fields["outlet"]["isRequired"]
    [submit] = card["actions"]
    assert submit == {"type": "Action.Submit", "title": "Log it", "data": {"herald_form": "press_log"}}
    assert runner.lines == []  # asking for the form runs no command


def test_a_submitted_form_runs_the_equivalent_press_log_line(form_bot, bot_framework):
    app, runner = form_bot()
    assert post_activity(app.test_client(), bot_framework, submission(bot_framework, SUBMITTED)).status_code == 202
    [(line, actor, channel)] = runner.lines
    assert line == 'press log statement "Response to Oflog launch" outlet:LGC spokesperson:"Cllr Abi Brown"'
    assert actor.platform == "teams" and actor.name == "Jo Bloggs" and channel == "19:abc123@thread.tacv2"
    [update] = bot_framework.replies()  # the answer replaces the form, so it cannot be submitted twice
    assert update.method == "PUT" and update.path.endswith(f"/activities/{FORM_MESSAGE}")
    assert posted_card(bot_framework)["version"] == "1.4"


def test_if_the_form_cannot_be_replaced_the_answer_is_posted(form_bot, bot_framework):
    app, _runner = form_bot()
    replace_path = f"/teams/v3/conversations/19:abc123@thread.tacv2;messageid=form-1/activities/{FORM_MESSAGE}"
    bot_framework.server.script(replace_path, Answer(404, {"error": {"code": "NotFound"}}))
    assert post_activity(app.test_client(), bot_framework, submission(bot_framework, SUBMITTED)).status_code == 202
    refused, posted = bot_framework.replies()
    assert refused.method == "PUT" and posted.method == "POST" and posted.path.endswith("/activities/form-1")


def test_an_error_about_one_field_resends_the_form_with_the_error_under_it(form_bot, bot_framework):
    error = error_reply("I couldn't read 'Thursday-ish' as a date.", usage="date:YYYY-MM-DD", field="date")
    app, _runner = form_bot(answer=error)
    answers = {**SUBMITTED, "date": "Thursday-ish"}
    post_activity(app.test_client(), bot_framework, submission(bot_framework, answers))
    assert bot_framework.replies()[0].method == "POST"  # a new card: the submitted one stays as it was
    card = posted_card(bot_framework)
    ids = [el.get("id") for el in card["body"]]
    assert ids[ids.index("date") + 1] == "error_date"
    error_block = card["body"][ids.index("error_date")]
    assert error_block["inlines"][0]["text"] == "I couldn't read 'Thursday-ish' as a date."
    assert error_block["inlines"][0]["color"] == "Attention"
    kept = inputs(card)
    assert kept["date"]["value"] == "Thursday-ish" and kept["title"]["value"] == "Response to Oflog launch"
    assert kept["type"]["value"] == "statement"


def test_an_error_about_no_field_is_shown_above_the_form():
    card = press_form.form_card(SUBMITTED, error=error_reply("The press office log is read-only today."))
    assert card["body"][1]["id"] == "error_form"
    card_validator().validate(card)


ODD_VALUES = [
    {"type": "press release", "title": 'He said "no" – and meant it', "outlet": "The MJ"},
    {"type": "interview", "title": "It's \"fine\" said O'Brien", "link": "https://example.org/a?b=c&d=e"},
    {"type": "statement", "title": "Multi\nline\ttitle", "spokesperson": "Cllr  Abi   Brown", "embargo": "tomorrow 00:01"},
    {"type": "briefing", "title": "outlet:LGC is not an option here", "campaign": "Make it local",
     "programme": "LG Inform", "date": "20 Nov"},
]


@pytest.mark.parametrize("answers", ODD_VALUES)
def test_every_answer_survives_the_one_line_grammar(answers):
    clean = press_form.form_answers(answers)
    args = parse_args(press_form.command_line(clean), OPTION_KEYS)
    assert args.words[:2] == ["press", "log"]
    title = args.words[3].replace("\u201c", '"')
    assert args.words[2] == clean["type"] and title == clean["title"]
    assert args.options == {k: v for k, v in clean.items() if k in OPTION_KEYS and v}


def test_unknown_submitted_keys_are_ignored():
    answers = press_form.form_answers({**SUBMITTED, "notes": "x", "herald_form": "press_log"})
    assert set(answers) == set(press_form.FIELD_NAMES)
