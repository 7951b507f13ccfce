"""The per-team settings format for TEAMS_OUTGOING_WEBHOOK_SECRET and TEAMS_WORKFLOWS_URL."""
import pytest

from bot.teams.settings import load_teams_settings
from bot.teams.signing import decode_secret
from config import ConfigError, Settings
from tests.teams_fixtures import DOC_SECRET, OTHER_SECRET

FLOW = "https://prod-12.uksouth.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers&sig=S1G"


def load(secret: str = "", urls: str = ""):
    return load_teams_settings(Settings(TEAMS_OUTGOING_WEBHOOK_SECRET=secret, TEAMS_WORKFLOWS_URL=urls))


def test_one_bare_token_serves_calls_without_team():
    teams = load(DOC_SECRET, FLOW)
    assert teams.enabled and teams.keys == {"": decode_secret(DOC_SECRET)} and teams.workflows_urls == {"": FLOW}


def test_named_teams_and_a_default_side_by_side():
    teams = load(f"finance={DOC_SECRET}, Comms={OTHER_SECRET}\n{OTHER_SECRET}",
                 f"finance={FLOW} comms={FLOW.replace('S1G', 'S2G')},{FLOW.replace('S1G', 'S3G')}")
    assert set(teams.keys) == {"finance", "comms", ""}
    assert teams.keys["finance"] == decode_secret(DOC_SECRET)
    assert teams.workflows_urls["comms"].endswith("S2G") and teams.workflows_urls[""].endswith("S3G")


def test_nothing_set_means_teams_is_off():
    assert not load().enabled


@pytest.mark.parametrize("secret, urls, message", [
    ("finance=short", "", "team 'finance' is not valid base64"),
    (f"Fin.ance={DOC_SECRET}", "", "entry 1 must be a team name"),
    (f"a={DOC_SECRET},a={OTHER_SECRET}", "", "'a' is given twice"),
    (DOC_SECRET, "finance=" + FLOW, "'finance' has no matching entry"),
    (DOC_SECRET, "https://contoso.webhook.office.com/webhookb2/x", "connectors are retired"),
    (DOC_SECRET, FLOW.replace("https", "http"), "must use https"),
])
def test_bad_entries_name_the_setting_and_never_the_secret(secret, urls, message):
    with pytest.raises(ConfigError) as raised:
        load(secret, urls)
    text = str(raised.value)
    assert message in text and text.startswith("TEAMS_")
    assert DOC_SECRET not in text and OTHER_SECRET not in text and "S1G" not in text


def test_both_settings_are_redacted_from_logs():
    settings = Settings(TEAMS_OUTGOING_WEBHOOK_SECRET=DOC_SECRET, TEAMS_WORKFLOWS_URL=FLOW)
    assert settings.redacted(f"x {DOC_SECRET} {FLOW}") == "x <TEAMS_OUTGOING_WEBHOOK_SECRET> <TEAMS_WORKFLOWS_URL>"
