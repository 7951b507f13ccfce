"""Alert rules: added from chat, matched without regexes, delivered once to Slack (loopback fake)."""
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from bot.slack.coverage_alerts import SlackNotifier
from feeds.ingest import claim_alerts, classify_and_store
from feeds.alerts import deliver_pending
from feeds.normalize import from_fields
from handlers.context import Actor
from models.alerts import AlertRule, rule_matches, AlertCandidate
from tests.coverage_fixtures import reply_text, run
from tests.fakes.slack_api import FakeSlackAPI

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def _item(session, url, title, tone=None):
    return classify_and_store(session, [from_fields(url, title, "", NOW - timedelta(hours=1), NOW)],
                              source="webhook", now=NOW, tone=tone).created


def test_rules_are_added_listed_removed_per_channel(herald):
    added = run(herald, 'coverage alert add negative council:Thurrock include:"section 114, commissioners" exclude:sport')
    assert added.title == "Alert rule 1 added"
    listing = reply_text(run(herald, "coverage alert list"))
    assert "negative only" in listing and "section 114, commissioners" in listing and "Thurrock" in listing
    assert run(herald, "coverage alert list", channel="COTHER").title == "No alert rules here"
    assert run(herald, "coverage alert add").is_error
    assert run(herald, "coverage alert add tier:tabloid").is_error
    teams = herald.run_command("coverage alert add negative", Actor(user_id="T1", platform="teams"), channel="19:x")[0]
    assert teams.is_error and "Slack" in reply_text(teams)
    assert run(herald, "coverage alert remove 1").title == "Alert rule 1 removed"
    assert run(herald, "coverage alert remove 1").is_error


def test_terms_are_words_not_patterns():
    rule = AlertRule(negative_only=False, include_terms="peer challenge\nc++ (.*)", exclude_terms="rugby",
                     council_code=None, tier=None)
    def match(text):
        return rule_matches(rule, AlertCandidate(1, text, "neutral", (), None))
    assert match("Council welcomes Peer-Challenge team")
    assert not match("Peer challenges and rugby")
    assert not match("Anything at all")
    assert match("we wrote c++ (.*) literally")


def test_matching_items_post_once_to_slack_with_previews_off_and_text_escaped(herald):
    run(herald, "coverage alert add negative", channel="CNEG")
    with FakeSlackAPI() as slack:
        notifier = SlackNotifier.from_settings(
            replace(herald.settings, SLACK_API_URL=slack.api_url, SLACK_BOT_TOKEN="xoxb-test"))
        with herald.session() as s:
            bad = _item(s, "https://a.org/1", "<!channel> Thurrock disaster & <https://evil|click>", tone="negative")
            _item(s, "https://a.org/2", "Lovely news", tone="positive")
            claimed = claim_alerts(s, bad + [bad[0]], NOW)
            assert claimed == [(1, bad[0])]
            assert claim_alerts(s, bad, NOW) == []
        with herald.session() as s:
            assert deliver_pending(s, notifier, NOW, herald.settings.tz) == 1
        with herald.session() as s:
            assert deliver_pending(s, notifier, NOW, herald.settings.tz) == 0
        calls = slack.calls("chat.postMessage")
    assert len(calls) == 1 and calls[0]["channel"] == "CNEG"
    assert calls[0]["unfurl_links"] in (False, "false", "0", 0)
    blocks = str(calls[0]["blocks"])
    assert "<!channel>" not in blocks and "&lt;!channel&gt;" in blocks and "<https://evil|click>" not in blocks
