"""Where a digest may be delivered, checked when someone subscribes and again at send time.

Teams Workflows URLs go through the shared SSRF guard (`models.netguard.check_workflows_url`);
e-mail goes only to the domains in HERALD_EMAIL_DOMAINS (a domain or any of its subdomains). Slack
channels and Teams conversations where Herald's bot is installed are places Herald already posts to.
"""
from __future__ import annotations

from models.netguard import UnsafeURL, check_workflows_url


def destination_refusal(platform: str, address: str, secret_url: str | None, *, email_domains: tuple[str, ...],
                        allow_private: bool) -> str | None:
    """Why Herald may not deliver to this destination, in words for the asker or the admins; None if it may."""
    if platform == "teams" and secret_url:
        try:
            check_workflows_url(secret_url, allow_private)
        except UnsafeURL as exc:
            return f"Teams Workflows URL refused: {exc}"
    if platform == "email":
        return email_refusal(address, email_domains)
    return None


def email_refusal(address: str, email_domains: tuple[str, ...]) -> str | None:
    """Why Herald may not e-mail `address` (its domain is not in HERALD_EMAIL_DOMAINS), or None."""
    domain = address.rsplit("@", 1)[-1].strip().lower().rstrip(".")
    allowed = tuple(d.strip().lower().lstrip("@.") for d in email_domains if d.strip())
    if not allowed:
        return "E-mail digests are off: HERALD_EMAIL_DOMAINS lists no domains Herald may e-mail"
    if any(domain == d or domain.endswith("." + d) for d in allowed):
        return None
    return f"Herald may only e-mail addresses at {', '.join(allowed)} (HERALD_EMAIL_DOMAINS), not {domain}"
