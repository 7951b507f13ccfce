"""Make feed and user text safe for an Adaptive Card in Teams.

Two contexts exist. `TextRun`s (inside a `RichTextBlock`) are never parsed as markdown, so text
there only loses characters that can spoof or break a line (`plain`). `TextBlock`s and `Fact`s are
parsed as Teams markdown — a small subset that differs from Slack's mrkdwn: `**bold**`, `_italic_`,
`[title](url)`, `- ` / `1. ` lists, nothing else, and no HTML. There `markdown` also escapes every
character that could start markup, with CommonMark backslash escapes. Herald puts feed and user text
in TextRuns wherever it can, because the backslash escapes render inconsistently on some Teams
mobile clients (microsoft/AdaptiveCards#5590); only FactSet values need `markdown`.

Mentions need an `msteams.entities` entry naming the user; Herald never emits one, so `<at>…</at>`
in text pings nobody. As a second guard, `plain` puts an invisible word joiner after the `<` of any
`<at`/`</at` so no client can read a mention tag in Herald's output.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# C0/C1 controls except tab and newline, and the bidi embeddings/overrides/isolates that can reorder
# the rest of a line ("Trojan Source"). Plain RTL/LTR marks (U+200E/U+200F) are legitimate and kept.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
_MENTION_TAG = re.compile(r"<(/?at\b)", re.IGNORECASE)
# Only what can start markup in Teams' subset or CommonMark inline syntax: emphasis, code, links and
# images (`[` suffices: `(` after plain text is harmless), autolinks/HTML (`<`), and entities (`&x;`).
_MARKDOWN_CHARS = re.compile(r"([\\`*_\[\]<>~])|&(?=#?\w+;)")
_BULLET_START = re.compile(r"^(\s*)([-+#>])(\s|$)")
_NUMBER_START = re.compile(r"^(\s*)(\d+)([.)])(\s)")
URL_MAX = 2000


def plain(text: str | None, limit: int | None = None) -> str:
    """Text for a TextRun: controls and bidi overrides removed, cut to `limit` characters."""
    cleaned = _UNSAFE.sub("", text or "").replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _MENTION_TAG.sub("<\u2060\\1", cleaned)  # an invisible word joiner: never a mention tag
    return cut(cleaned, limit) if limit else cleaned


def one_line(text: str | None, limit: int | None = None) -> str:
    """`plain` text with every run of whitespace (newlines included) folded to one space."""
    return plain(" ".join((text or "").split()), limit)


def markdown(text: str | None, limit: int | None = None) -> str:
    """One line of text for a Teams-markdown field (Fact title/value), shown exactly as written."""
    line = one_line(text, limit)
    line = _MARKDOWN_CHARS.sub(lambda m: "\\" + m.group(0), line)
    line = _BULLET_START.sub(r"\1\\\2\3", line)
    return _NUMBER_START.sub(r"\1\2\\\3\4", line)


def cut(text: str, limit: int) -> str:
    """`text` no longer than `limit` characters, ending in "…" when something was cut."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def safe_url(url: str | None) -> str | None:
    """`url` if it is a plain http(s) link a card may open; None for anything else (javascript:…)."""
    if not url or len(url) > URL_MAX or _UNSAFE.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
