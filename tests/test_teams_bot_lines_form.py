"""The Teams bot's "draft a line to take" card: sent on request, run as `/lines draft …` when submitted
(its paragraphs kept), and sent back with the question under the review date when that has passed."""
from __future__ import annotations

import json

from sqlalchemy import select

from bot.teams import lines_form
from handlers.args import parse_args
from handlers.lines_grammar import DRAFT_OPTIONS
from models.lines import Line
from tests.teams2_fixtures import bot_app, bot_framework, bot_framework_server, post_activity  # noqa: F401
from tests.teams_fixtures import card_validator

TEXT = "We welcome the launch of Oflog.\n\nCouncils want to show residents how they are doing."


def submission(fake, answers: dict, n: int = 1) -> dict:
    return fake.activity(text="", value={**answers, "herald_form": "lines_draft"}, activity_id=f"lines-form-{n}",
                         replyToId="form-card-1")


def last_card(fake) -> dict:
    card = fake.replies()[-1].json()["attachments"][0]["content"]
    card_validator().validate(card)
    return card


def test_asking_for_the_form_sends_it_and_a_past_review_date_is_asked_on_its_field(bot_app, bot_framework):
    app = bot_app()
    client = app.test_client()
    assert post_activity(client, bot_framework, bot_framework.activity("lines draft")).status_code == 202
    card = last_card(bot_framework)
    inputs = {el["id"]: el for el in card["body"] if el["type"].startswith("Input.")}
    assert list(inputs) == ["topic", "text", "spokesperson", "review", "tags", "use"]
    assert inputs["text"]["isMultiline"] is True and inputs["use"]["type"] == "Input.ChoiceSet"
    past = {"topic": "Oflog launch", "text": TEXT, "spokesperson": "Cllr Abi Brown", "review": "1 January 2020",
            "tags": "Oflog, assurance", "use": "volunteer"}
    assert post_activity(client, bot_framework, submission(bot_framework, past)).status_code == 202
    ids = [el.get("id") for el in last_card(bot_framework)["body"]]
    assert ids[ids.index("review") + 1] == "error_review"
    good = {**past, "review": "31 March 2027"}
    assert post_activity(client, bot_framework, submission(bot_framework, good, 2)).status_code == 202
    answer = json.dumps(last_card(bot_framework))
    assert "Oflog launch" in answer and "DRAFT" in answer.upper()
    shown, _ = app.extensions["herald"].run_command("lines history Oflog launch", _admin())
    words = json.dumps([s.text for s in shown.sections] + [i.detail for s in shown.sections for i in s.items])
    assert "Oflog.\\n\\nCouncils" in words  # the paragraphs survived the one-line grammar
    with app.extensions["herald"].reading() as session:
        assert session.scalars(select(Line.use)).all() == ["volunteer"]


def test_every_answer_survives_the_one_line_grammar():
    answers = lines_form.FORM.answers({"topic": 'Oflog "launch"', "text": 'First "said".\n\n  Second   para.',
                                       "review": "31 March 2027", "use": "on-request"})
    args = parse_args(lines_form.FORM.command_line(answers), DRAFT_OPTIONS)
    assert args.words[:2] == ["lines", "draft"] and args.words[2].replace("\u201c", '"') == 'Oflog "launch"'
    assert args.options["text"].replace("\u201c", '"') == 'First "said".\n\nSecond para.'
    assert args.options["review"] == "31 March 2027" and args.options["use"] == "on-request"


def _admin():
    from handlers.context import Actor
    return Actor.cli()
