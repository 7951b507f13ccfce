"""The Teams bot's "log a media enquiry" card: sent on request, run as `/enquiry log …` when
submitted, and sent back with the question under the deadline when the deadline is vague."""
from __future__ import annotations

import json

from bot.teams import enquiry_form
from handlers.args import parse_args
from tests.teams2_fixtures import bot_app, bot_framework, bot_framework_server, post_activity  # noqa: F401
from tests.teams_fixtures import card_validator

FORM_MESSAGE = "form-card-1"


def submission(fake, answers: dict, n: int = 1) -> dict:
    return fake.activity(text="", value={**answers, "herald_form": "enquiry_log"}, activity_id=f"form-{n}",
                         replyToId=FORM_MESSAGE)


def last_card(fake) -> dict:
    card = fake.replies()[-1].json()["attachments"][0]["content"]
    card_validator().validate(card)
    return card


def test_asking_for_the_form_sends_it_and_a_vague_deadline_is_asked_on_its_field(bot_app, bot_framework):
    app = bot_app()
    client = app.test_client()
    assert post_activity(client, bot_framework, bot_framework.activity("enquiry log")).status_code == 202
    card = last_card(bot_framework)
    assert [el["id"] for el in card["body"] if el["type"].startswith("Input.")] == [
        "topic", "deadline", "outlet", "journalist", "council", "embargo", "notes"]
    assert card["actions"][0]["data"] == {"herald_form": "enquiry_log"}
    vague = {"topic": "Libraries closing", "deadline": "next week", "outlet": "LGC"}
    assert post_activity(client, bot_framework, submission(bot_framework, vague)).status_code == 202
    ids = [el.get("id") for el in last_card(bot_framework)["body"]]
    assert ids[ids.index("deadline") + 1] == "error_deadline"
    good = {**vague, "deadline": "in 2 hours", "council": "Thurrock"}
    assert post_activity(client, bot_framework, submission(bot_framework, good, 2)).status_code == 202
    answer = json.dumps(last_card(bot_framework))
    assert "Logged enquiry #1" in answer and "Thurrock" in answer


def test_every_answer_survives_the_one_line_grammar():
    answers = enquiry_form.FORM.answers({"topic": 'He said "no" – and meant it', "deadline": "Fri 2pm",
                                         "journalist": "Jane  O'Brien", "council": "Thurrock, Woking"})
    args = parse_args(enquiry_form.FORM.command_line(answers), frozenset(enquiry_form.FORM.option_fields))
    assert args.words[:2] == ["enquiry", "log"] and args.words[2].replace("\u201c", '"') == answers["topic"]
    assert args.options == {"deadline": "Fri 2pm", "journalist": "Jane O'Brien", "council": "Thurrock, Woking"}
