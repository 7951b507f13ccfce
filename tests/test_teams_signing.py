"""Known-answer tests for the Teams outgoing-webhook HMAC (vectors from reference/teams.md §3)."""
import pytest

from bot.teams.signing import decode_secret, sign, verify
from tests.teams_fixtures import DOC_SECRET, OTHER_SECRET

GOOD_BODY = b'{"type":"message","text":"<at>CommsBot</at> coverage this week"}'
GOOD_AUTH = "HMAC MVCDGDj2zyWwwPhhHaQjXi7xgToabuPM98ONx7HQQyE="
EN_DASH_BODY = '{"type":"message","text":"<at>CommsBot</at> peer challenge Thurrock – status"}'.encode()
EN_DASH_AUTH = "HMAC cKOmPWC5LG3JZma1P4wPYmeUDFeCDaTL8a/wMeRi5sY="
RESERIALISED_BODY = b'{"type": "message", "text": "<at>CommsBot</at> coverage this week"}'
RESERIALISED_AUTH = "HMAC RwIlStOmhTe+cUJxrMNo5MZ5/+KNvTVB5CxqPIFHEP0="
KEY = decode_secret(DOC_SECRET)


def test_the_documented_vectors_sign_as_published():
    assert len(GOOD_BODY) == 64 and len(EN_DASH_BODY) == 80
    assert sign(KEY, GOOD_BODY) == GOOD_AUTH
    assert sign(KEY, EN_DASH_BODY) == EN_DASH_AUTH
    assert sign(KEY, RESERIALISED_BODY) == RESERIALISED_AUTH


@pytest.mark.parametrize("body, header, ok", [
    (GOOD_BODY, GOOD_AUTH, True),
    (EN_DASH_BODY, EN_DASH_AUTH, True),
    (RESERIALISED_BODY, GOOD_AUTH, False),          # same JSON, different bytes
    (GOOD_BODY[:-1], GOOD_AUTH, False),             # truncated body
    (GOOD_BODY, None, False),                       # missing header
    (GOOD_BODY, "", False),
    (GOOD_BODY, GOOD_AUTH.replace("HMAC ", "Bearer "), False),
    (GOOD_BODY, "HMAC ü" + GOOD_AUTH[6:], False),   # non-ASCII header never raises
])
def test_verify_accepts_only_the_exact_bytes(body, header, ok):
    assert verify(KEY, body, header) is ok


def test_a_wrong_key_fails():
    assert not verify(decode_secret(OTHER_SECRET), GOOD_BODY, GOOD_AUTH)


@pytest.mark.parametrize("token", ["not base64!", "c2hvcnQ=", ""])
def test_a_token_that_is_not_a_teams_secret_is_refused(token):
    with pytest.raises(ValueError):
        decode_secret(token)
