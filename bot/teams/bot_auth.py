"""Who may call `POST /api/messages`: the Bot Framework JWT checks, done with PyJWT and Herald's clock.

The rules (reference/teams.md §2, Microsoft's "Authentication with the Bot Connector API"):
`Authorization: Bearer <JWT>`, signed RS256 by a key from the Bot Framework OpenID metadata (keys
cached for 5 days, refetched at most every 5 minutes for an unknown key id), the key endorsing the
activity's channel, `iss` exactly `https://api.botframework.com` (the allow-list is always on),
`aud` the bot's app id, `exp`/`nbf` within 5 minutes of skew, and the `serviceurl` claim equal to
the activity's `serviceUrl`. The Agents SDK leaves the issuer check and the service-URL check off by
default and takes no injectable key URL, so Herald checks here and hands the SDK verified claims.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import jwt
import requests

from models.clock import Clock

log = logging.getLogger("herald.teams.bot")
BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
ALLOWED_ISSUERS = (BOT_FRAMEWORK_ISSUER,)
SKEW = timedelta(minutes=5)
KEYS_LIFETIME = timedelta(days=5)
REFETCH_GAP = timedelta(minutes=5)
FETCH_TIMEOUT_SECONDS = 5.0


class Unauthorized(Exception):
    """The caller is not the Bot Connector for this bot; the message says which check failed."""


class KeysUnavailable(Exception):
    """The signing keys could not be fetched, so no token can be checked just now."""


@dataclass(frozen=True)
class SigningKey:
    """One public key from the JWKS and the channels (e.g. "msteams") it is endorsed for."""

    key: jwt.PyJWK
    endorsements: tuple[str, ...]


@dataclass
class SigningKeys:
    """The Bot Framework signing keys, found through the OpenID metadata URL and cached."""

    openid_url: str
    clock: Clock
    http: requests.Session = field(default_factory=requests.Session)
    _keys: dict[str, SigningKey] = field(default_factory=dict)
    _fetched_at: datetime | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, kid: str) -> SigningKey:
        """The key with this id, refreshing the cache when stale or when the id is new."""
        with self._lock:
            now = self.clock.now()
            stale = self._fetched_at is None or now - self._fetched_at > KEYS_LIFETIME
            unknown_may_refetch = kid not in self._keys and (
                self._fetched_at is None or now - self._fetched_at > REFETCH_GAP)
            if stale or unknown_may_refetch:
                try:
                    self._keys, self._fetched_at = self._fetch(), now
                except KeysUnavailable:
                    if kid not in self._keys:
                        raise
                    log.warning("Bot Framework signing keys not refreshed; using the cached ones")
            if kid not in self._keys:
                raise Unauthorized("the token is signed with a key the Bot Framework does not publish")
            return self._keys[kid]

    def _fetch(self) -> dict[str, SigningKey]:
        try:
            metadata = self._get_json(self.openid_url)
            jwks = self._get_json(str(metadata["jwks_uri"]))
            entries = jwks["keys"]
        except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
            raise KeysUnavailable(f"cannot fetch the Bot Framework signing keys ({type(exc).__name__})") from None
        keys: dict[str, SigningKey] = {}
        for entry in entries if isinstance(entries, list) else []:
            try:
                key = jwt.PyJWK(entry)
            except (jwt.PyJWKError, jwt.InvalidKeyError, KeyError, TypeError, AttributeError):
                continue  # a key type PyJWT cannot use cannot have signed an RS256 token
            if key.key_id:
                keys[key.key_id] = SigningKey(key, tuple(str(e) for e in entry.get("endorsements") or ()))
        return keys

    def _get_json(self, url: str) -> Any:
        response = self.http.get(url, timeout=FETCH_TIMEOUT_SECONDS)
        response.raise_for_status()
        return response.json()


@dataclass
class BotTokenValidator:
    """Checks the bearer token on each activity Teams posts to the bot."""

    app_id: str
    keys: SigningKeys
    clock: Clock

    def verify(self, authorization: str | None) -> VerifiedToken:
        """The token's claims if it is a valid Bot Connector token for this bot; else `Unauthorized`."""
        token = _bearer(authorization)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthorized("the bearer token is not a JWT") from None
        if header.get("alg") != "RS256" or not header.get("kid"):
            raise Unauthorized("the token must be RS256-signed and name its key (kid)")
        signing = self.keys.get(str(header["kid"]))
        claims = self._decode(token, signing.key)
        self._check_lifetime(claims)
        return VerifiedToken(claims=claims, endorsements=signing.endorsements)

    def _decode(self, token: str, key: jwt.PyJWK) -> dict[str, Any]:
        try:
            return jwt.decode(token, key.key, algorithms=["RS256"], audience=self.app_id,
                              issuer=ALLOWED_ISSUERS,
                              options={"require": ["iss", "aud", "exp"], "verify_exp": False,
                                       "verify_nbf": False, "verify_iat": False})
        except jwt.InvalidAudienceError:
            raise Unauthorized("the token was issued for another bot (aud)") from None
        except jwt.InvalidIssuerError:
            raise Unauthorized("the token was not issued by the Bot Framework (iss)") from None
        except jwt.MissingRequiredClaimError as exc:
            raise Unauthorized(f"the token has no {exc.claim!r} claim") from None
        except jwt.PyJWTError:
            raise Unauthorized("the token signature does not verify") from None

    def _check_lifetime(self, claims: dict[str, Any]) -> None:
        now = self.clock.now()
        try:
            expires = datetime.fromtimestamp(float(claims["exp"]), timezone.utc)
            not_before = datetime.fromtimestamp(float(claims["nbf"]), timezone.utc) if "nbf" in claims else None
        except (TypeError, ValueError, OverflowError, OSError):
            raise Unauthorized("the token's exp or nbf is not a timestamp") from None
        if now > expires + SKEW:
            raise Unauthorized("the token has expired")
        if not_before is not None and now < not_before - SKEW:
            raise Unauthorized("the token is not valid yet")


@dataclass(frozen=True)
class VerifiedToken:
    """A token that passed the checks, and the channels its signing key is endorsed for."""

    claims: dict[str, Any]
    endorsements: tuple[str, ...]

    def check_activity(self, channel_id: str | None, service_url: str | None) -> None:
        """`Unauthorized` unless the activity came by a channel the key endorses and the claimed serviceUrl."""
        if self.endorsements and (channel_id or "") not in self.endorsements:
            raise Unauthorized(f"the signing key is not endorsed for channel {str(channel_id)[:40]!r}")
        _check_service_url(self.claims, service_url)


def _check_service_url(claims: dict[str, Any], service_url: str | None) -> None:
    claimed = claims.get("serviceurl")
    if not isinstance(claimed, str) or not claimed:
        raise Unauthorized("the token has no 'serviceurl' claim")
    if _normal_url(claimed) != _normal_url(service_url or ""):
        raise Unauthorized("the activity's serviceUrl is not the one the token was issued for")


def _normal_url(url: str) -> str:
    return url.strip().rstrip("/").casefold()


def _bearer(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("missing 'Authorization: Bearer …' header")
    return token.strip()
