"""URLs as coverage keys: canonical form, Google Alerts/News unwrapping, the outlet's domain."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from models.text import clean_text

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid", "ito",
    "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ns_mchannel",
    "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "_ga", "_hsenc", "_hsmi", "ref", "ref_src",
    "spm", "cmp", "CMP", "sr_share", "s_cid", "ved", "usg", "ct", "cd",
})
_GOOGLE_HOSTS = re.compile(r"(^|\.)google\.[a-z.]+$")
# Real HTML tags and comments only: "<!channel>" or "<https://x|y>" in a title stay as literal text.
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.S)


def unwrap_google(url: str) -> str:
    """The article URL inside a Google Alerts/News redirect (`google.com/url?…&url=…`), else `url`."""
    if "google." not in url.lower():  # no Google host can be in it: skip parsing (most URLs)
        return url.strip()
    parts = urlsplit(url.strip())
    if _GOOGLE_HOSTS.search(parts.hostname or "") and parts.path in ("/url", "/news/url"):
        params = dict(parse_qsl(parts.query))
        target = params.get("url") or params.get("q")
        if target and target.startswith(("http://", "https://")):
            return unquote(target) if "%3A" in target[:12] else target
    return url.strip()


def canonical_url(url: str) -> str:
    """The key a story's URL is deduplicated by: unwrapped, https/http kept, no `www.`, fragment,
    tracking parameters (utm_*, fbclid…) or trailing slash; host lower-cased, query sorted."""
    parts = urlsplit(unwrap_google(url))
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k not in TRACKING_PARAMS]
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower() or "https", netloc, path, urlencode(sorted(query)), ""))


def domain_of(url: str) -> str:
    """The host an outlet is known by: `lgcplus.com` for https://www.lgcplus.com/x."""
    host = (urlsplit(unwrap_google(url)).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def strip_html(text: str | None) -> str:
    """Plain text from a feed's HTML title or summary: tags removed, entities decoded, spaces
    collapsed, control characters removed (`models.text.clean_text`: a loose feed can carry them)."""
    import html
    if not text:
        return ""
    if "<" not in text and "&" not in text:  # no tag, comment or entity: only the spaces to collapse
        return " ".join(clean_text(text).split())
    return " ".join(clean_text(html.unescape(_TAG.sub(" ", text))).split())
