"""The feed limits are settings: read from the environment once, validated, naming the setting."""
import pytest

from config import ConfigError, Settings
from feeds.limits import FeedLimits


def test_feed_limits_come_from_settings_and_the_environment():
    settings = Settings.load({"HERALD_FEED_DOMAIN_INTERVAL": 0},
                             environ={"HERALD_FEED_MAX_BYTES": "2000000", "HERALD_FEED_READ_TIMEOUT": "2.5"})
    limits = FeedLimits.from_settings(settings)
    assert (limits.HERALD_FEED_MAX_BYTES, limits.HERALD_FEED_READ_TIMEOUT) == (2_000_000, 2.5)
    assert limits.HERALD_FEED_DOMAIN_INTERVAL == 0 and limits.HERALD_FEED_WORKERS == 8
    assert "HERALD_FEED_MAX_BYTES" not in settings.extra


@pytest.mark.parametrize("environ, message", [
    ({"HERALD_FEED_READ_TIMEOUT": "soon"}, "^HERALD_FEED_READ_TIMEOUT: expected a number, got 'soon'"),
    ({"HERALD_FEED_MAX_REDIRECTS": "many"}, "^HERALD_FEED_MAX_REDIRECTS: expected a whole number"),
    ({"HERALD_FEED_WORKERS": "0"}, "^HERALD_FEED_WORKERS: must be a number of at least 1, got 0"),
    ({"HERALD_FEED_PARSE_TIMEOUT": "-1"}, "^HERALD_FEED_PARSE_TIMEOUT: must be a number of at least 0.1"),
])
def test_a_bad_feed_limit_stops_start_up_naming_it(environ, message):
    with pytest.raises(ConfigError, match=message):
        Settings.load(environ=environ)
