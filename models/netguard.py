"""The one guard on every URL Herald's server connects to on someone's say-so: feeds and Teams
Workflows destinations alike (server-side request forgery).

A URL must be http(s) (Workflows: https only, on Microsoft's documented hosts, port 443), carry no
user name or password, and its host must resolve only to public addresses: private, loopback,
link-local, CGNAT, multicast, reserved and unspecified addresses are refused, IPv4-mapped IPv6
unwrapped. The caller connects to the checked address (`Target.address`) or checks again at each hop
and at send time. `allow_private` (HERALD_ALLOW_PRIVATE_FEEDS, for tests and local feeds) lifts the
address, port and host rules, never the scheme or credential rules.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

STANDARD_PORTS = frozenset({80, 443})
# Where Teams Workflows ("When a Teams webhook request is received") and Logic Apps HTTP triggers live:
# Power Automate's `…environment.api.powerplatform.com` URLs, and Logic Apps' `prod-NN.<region>.logic.azure.com`.
WORKFLOWS_HOST_SUFFIXES = (".api.powerplatform.com", ".logic.azure.com")


class UnsafeURL(ValueError):
    """Herald may not connect to this URL; the message says why (never the address it resolved to)."""


@dataclass(frozen=True)
class Target:
    """A URL checked for connecting: where to connect, and what to call the host."""

    scheme: str
    host: str
    port: int
    path: str
    address: str


def forbidden(address: str) -> bool:
    """Whether an IP address is off limits (not on the public internet)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


def check_url(url: str, allow_private: bool, noun: str = "feed") -> Target:
    """Resolve and vet `url` before any I/O to it; raise `UnsafeURL` saying why not.

    `noun` names what the URL is for in the messages ("feed", "Workflows URL").
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise UnsafeURL("That is not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeURL(f"Only http:// and https:// {noun}s can be added")
    if not parts.hostname or parts.username or parts.password:
        raise UnsafeURL(f"A {noun} URL needs a host name and no user name or password")
    port = port or (443 if scheme == "https" else 80)
    if not allow_private and port not in STANDARD_PORTS:
        raise UnsafeURL(f"A {noun} must be on the standard web ports (80 or 443)")
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise UnsafeURL(f"The host {parts.hostname!r} cannot be found") from None
    addresses = [info[4][0] for info in infos]
    if not addresses or (not allow_private and any(forbidden(a) for a in addresses)):
        raise UnsafeURL(f"That address is not allowed: a {noun} must be on the public internet")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(scheme, parts.hostname, port, path, addresses[0])


def check_workflows_url(url: str, allow_private: bool) -> Target:
    """A Teams Workflows URL Herald may post to: https, port 443, a Power Platform or Logic Apps host,
    public addresses only (`allow_private` lifts all but the scheme rule, for loopback fakes)."""
    try:
        parts = urlsplit(url.strip())
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        raise UnsafeURL("That is not a valid URL") from None
    if not allow_private:
        if parts.scheme.lower() != "https":
            raise UnsafeURL("A Workflows URL must start with https://")
        if not host.endswith(WORKFLOWS_HOST_SUFFIXES):
            raise UnsafeURL("A Workflows URL must be on Microsoft's Power Platform or Logic Apps hosts "
                            f"(…{' or …'.join(WORKFLOWS_HOST_SUFFIXES)})")
        if port not in (None, 443):
            raise UnsafeURL("A Workflows URL must use the standard https port (443)")
    return check_url(url, allow_private, noun="Workflows URL")
