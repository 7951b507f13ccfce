"""Slack text safety: escape user and feed text for mrkdwn, build safe links, cut to Slack's limits.

Slack's mrkdwn treats `&`, `<` and `>` as control characters; escaping exactly those three (and
nothing else) keeps text from pinging (`<!channel>`), mentioning (`<@U…>`), or becoming a link with
a disguised label (`<https://evil|innocent>`), while `&lt;` typed by a person still shows as typed.
Lengths are counted in UTF-16 code units, the strictest way Slack may count, so emoji never push a
block over its limit.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# NUL and other C0 controls (but tab and newline), and the bidi overrides/isolates that can make
# text read backwards ("gnp.exe"); ordinary right-to-left marks stay.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINK_SCHEMES = ("http", "https", "mailto")
URL_MAX = 3000


def clean(text: str | None) -> str:
    """Text with control characters and bidi overrides removed; None becomes ""."""
    if not text:
        return ""
    if text.isascii() and text.isprintable():  # nothing to remove (most text), no regex pass
        return text
    return _UNSAFE_CHARS.sub("", text)


def escape(text: str | None) -> str:
    """Text shown literally in mrkdwn: no mention, no link, `&`, `<`, `>` shown as typed.
    (`&` first, so no entity is escaped twice; whole-string replaces, as every answer escapes
    a few thousand characters.)"""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def units(text: str) -> int:
    """Length as Slack may count it: UTF-16 code units (an emoji can count as two)."""
    return _char_units(text)


def _char_units(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def cut(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` shortened to at most `limit` units, ending in `ellipsis` when it was cut.

    Never cuts inside an escape entity (`&amp;`) or a surrogate pair.
    """
    if units(text) <= limit:
        return text
    room = limit - units(ellipsis)
    out, used = [], 0
    for ch in text:
        size = _char_units(ch)
        if used + size > room:
            break
        out.append(ch)
        used += size
    kept = "".join(out)
    amp = kept.rfind("&")
    if amp >= 0 and ";" not in kept[amp:] and len(kept) - amp <= 5:
        kept = kept[:amp]
    return kept + ellipsis


def escaped_chunks(text: str, limit: int) -> list[str]:
    """Escape `text` and split it into pieces of at most `limit` units, preferring line or word breaks."""
    whole = escape(text)
    if units(whole) <= limit:  # the usual case: one piece, no character-by-character walk
        return [whole] if whole.strip() else [""]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for ch in clean(text):
        escaped = _ESCAPES.get(ch, ch)
        size = _char_units(escaped)
        if used + size > limit:
            head, tail = _break(current)
            pieces.append("".join(head))
            current, used = tail, sum(_char_units(c) for c in tail)
        current.append(escaped)
        used += size
    if current or not pieces:
        pieces.append("".join(current))
    return [piece for piece in pieces if piece.strip()] or [""]


def _break(chars: list[str]) -> tuple[list[str], list[str]]:
    """Split a full chunk at its last newline or space in the final fifth, else where it stands."""
    floor = len(chars) * 4 // 5
    for mark in ("\n", " "):
        for i in range(len(chars) - 1, floor, -1):
            if chars[i] == mark:
                return chars[:i], chars[i + 1:]
    return chars, []


def safe_url(url: str | None) -> str | None:
    """`url` if it is an http(s)/mailto link that cannot break out of `<url|label>`; else None."""
    url = clean(url).strip()
    if not url or len(url) > URL_MAX:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in _LINK_SCHEMES:
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def link(url: str | None, label: str) -> str:
    """A mrkdwn link showing `label`, or just the escaped label when the URL is not safe to link."""
    text = escape(label).replace("|", "\u2758") or "link"
    target = safe_url(url)
    return f"<{target}|{text}>" if target else text


def plain(text: str | None, limit: int, default: str = "Herald") -> str:
    """Text for a `plain_text` object (never parsed for mentions): cleaned, cut, never blank."""
    return cut(" ".join(clean(text).split()) or default, limit)
