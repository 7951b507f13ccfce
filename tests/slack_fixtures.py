"""Slack test fixtures (a pytest plugin: `pytest_plugins = ("tests.slack_fixtures",)`).

`slack_api` is a loopback fake of Slack's Web API; `make_slack(url, **settings)` builds a Herald app
configured for Slack against it; `slack` is one on SQLite.
"""
from __future__ import annotations

import pytest

from tests.fakes.slack_api import FakeSlackAPI
from tests.slack_helpers import SIGNING_SECRET, SlackHarness


@pytest.fixture(scope="session")
def _shared_slack_api():
    with FakeSlackAPI() as api:
        yield api


@pytest.fixture
def slack_api(_shared_slack_api):
    """The loopback fake of Slack's Web API, with no calls recorded yet."""
    _shared_slack_api.reset()
    yield _shared_slack_api


@pytest.fixture
def make_slack(make_app, slack_api, clock):
    """`make_slack(url, **settings)`: a Herald app speaking to the fake Slack; its worker stopped after."""
    built: list[SlackHarness] = []

    def factory(url: str, **overrides) -> SlackHarness:
        settings = {"SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": "xoxb-test",
                    "SLACK_API_URL": slack_api.api_url, **overrides}
        harness = SlackHarness(make_app(url, **settings), slack_api, int(clock.now().timestamp()))
        built.append(harness)
        return harness

    yield factory
    for harness in built:
        harness.runtime.worker.stop()


@pytest.fixture
def slack(make_slack, sqlite_url) -> SlackHarness:
    return make_slack(sqlite_url)
