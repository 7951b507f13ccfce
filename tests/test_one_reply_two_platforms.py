"""The real `/coverage this week` answer renders for Slack and Teams from one Reply (issue 9's bar),
including a hostile headline arriving through the coverage webhook's ingest path."""
import json
from datetime import timedelta

import pytest

from bot.slack.blocks import render_messages
from bot.teams.cards import render_cards
from feeds.ingest import classify_and_store
from feeds.normalize import from_fields
from handlers.context import Actor
from models.demo import load_demo
from tests.teams_fixtures import card_validator

HOSTILE = "<!channel> Thurrock <@U123> & <https://evil.example|click> \u202e\U0001F600 <at>Herald</at>"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_coverage_this_week_renders_for_slack_and_teams_without_mentions(herald, clock):
    with herald.session() as s:
        load_demo(s, clock.now(), herald.settings.tz)
        when = clock.now() - timedelta(hours=1)
        classify_and_store(s, [from_fields("https://www.lgcplus.com/hostile", HOSTILE, HOSTILE, when, when)],
                           source="webhook", now=clock.now())
    reply, _ = herald.run_command("coverage this week", Actor.cli())
    assert not reply.is_error and reply.title.startswith("Coverage this week: 3 items")

    messages = render_messages(reply)
    slack = json.dumps([m.blocks for m in messages], ensure_ascii=False)
    assert all(len(m.blocks) <= 50 for m in messages)
    assert "LGA launches" in slack and "Thurrock" in slack
    for ping in ("<!channel>", "<@U123>", "<https://evil.example|"):
        assert ping not in slack
    assert "&lt;!channel&gt;" in slack

    cards = render_cards(reply)
    validator = card_validator()
    for card in cards:
        validator.validate(card)
        assert card["version"] == "1.4" and len(json.dumps(card).encode()) <= 26 * 1024
    teams = json.dumps(cards, ensure_ascii=False)
    assert "LGA launches" in teams and "Thurrock" in teams
    assert all("entities" not in card.get("msteams", {}) for card in cards)  # a Teams mention needs one
    assert "](https://evil.example" not in teams
