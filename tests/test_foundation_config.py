"""Bad configuration stops start-up with one clear line naming the setting."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from config import ConfigError, Settings

ROOT = Path(__file__).resolve().parent.parent


def test_unknown_timezone_names_the_setting():
    with pytest.raises(ConfigError, match="^HERALD_TIMEZONE: unknown timezone 'Mars/Olympus'"):
        Settings.load(environ={"HERALD_TIMEZONE": "Mars/Olympus"})


def test_unsupported_database_names_the_setting():
    with pytest.raises(ConfigError, match="^DATABASE_URL"):
        Settings.load(environ={"DATABASE_URL": "mysql://x@y/z"})


def test_non_numeric_interval_names_the_setting():
    with pytest.raises(ConfigError, match="^HERALD_FEED_POLL_MINUTES"):
        Settings.load(environ={"HERALD_FEED_POLL_MINUTES": "often"})


def test_secrets_are_redacted():
    settings = Settings.load(environ={"SLACK_BOT_TOKEN": "xoxb-secret-token"})
    assert "xoxb-secret-token" not in settings.redacted("sent with xoxb-secret-token")


def _flask(args, env_extra, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "HERALD_", "DATABASE_URL"))}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "flask", "--app", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("env_extra, setting", [
    ({"HERALD_TIMEZONE": "Europe/Londres"}, "HERALD_TIMEZONE"),
    ({"DATABASE_URL": "postgresql://herald:s3cret@127.0.0.1:1/herald"}, "DATABASE_URL"),
])
def test_cli_start_up_fails_in_one_line(env_extra, setting, tmp_path):
    result = _flask(["ask", "herald help"], env_extra, tmp_path)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Herald cannot start: {setting}")
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr


def test_cli_db_upgrade_then_ask_on_a_fresh_database(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    behind = _flask(["ask", "herald help"], env, tmp_path)
    assert behind.returncode != 0 and "flask --app app db upgrade" in behind.stderr
    upgraded = _flask(["db", "upgrade"], env, tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "470 councils loaded" in upgraded.stdout
    helped = _flask(["ask", "herald help"], env, tmp_path)
    assert helped.returncode == 0, helped.stderr
    assert "/coverage" in helped.stdout and "/peer-challenge" in helped.stdout
