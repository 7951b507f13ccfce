"""Teams outgoing-webhook HMAC: sign and verify over the raw request body, in constant time.

Teams signs each POST with `Authorization: HMAC <base64(HMAC-SHA256(key, body))>`, where `key` is
the base64-decoded security token shown once when the webhook is created. The body must be hashed
exactly as received: re-serialised JSON (even one added space) gives a different MAC.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

SCHEME = "HMAC "


def decode_secret(secret_b64: str) -> bytes:
    """The HMAC key from a base64 security token; `ValueError` if it is not valid base64."""
    try:
        key = base64.b64decode(secret_b64.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not valid base64") from None
    if len(key) < 16:
        raise ValueError("too short to be a Teams security token")
    return key


def sign(key: bytes, raw_body: bytes) -> str:
    """The `Authorization` header value Teams sends for `raw_body`."""
    mac = hmac.new(key, raw_body, hashlib.sha256).digest()
    return SCHEME + base64.b64encode(mac).decode("ascii")


def verify(key: bytes, raw_body: bytes, authorization: str | None) -> bool:
    """True when `authorization` is the HMAC of exactly these bytes under `key` (constant time)."""
    expected = sign(key, raw_body).encode("ascii")
    given = (authorization or "").strip().encode("utf-8", "replace")
    return hmac.compare_digest(expected, given)
