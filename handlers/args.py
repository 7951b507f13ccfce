"""The one-line grammar shared by every command: words, "quoted phrases" and key:value options."""
from __future__ import annotations

from dataclasses import dataclass, field

from handlers.errors import UsageError

QUOTES = {'"': '"', "\u201c": "\u201d", "\u201d": "\u201d", "'": "'", "\u2018": "\u2019"}


@dataclass
class Args:
    """A command line split into positional words and `key:value` options (keys lower-case)."""

    words: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    quoted: set[int] = field(default_factory=set)  # indexes of words that were quoted

    def take(self, key: str) -> str | None:
        """Remove and return an option, so leftovers can be reported as unknown."""
        return self.options.pop(key, None)


def tokenize(text: str) -> list[tuple[str, bool]]:
    """Split `text` into (token, starts_quoted); "smart quotes" as Slack and Word type them count.

    A quote opens only at the start of a token or straight after `key:`, so apostrophes inside
    words ("Woking's") are left alone.
    """
    tokens: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        buf: list[str] = []
        starts_quoted = text[i] in QUOTES
        while i < n and not text[i].isspace():
            ch = text[i]
            if ch in QUOTES and (not buf or buf[-1] == ":"):
                end = _closing_quote(text, i + 1, ch)
                if end < 0:
                    fragment = text[i:i + 40] + ("…" if n - i > 40 else "")
                    raise UsageError(f"There is an unclosed quote: {fragment}")
                buf.append(text[i + 1:end])
                i = end + 1
            else:
                buf.append(ch)
                i += 1
        tokens.append(("".join(buf), starts_quoted))
    return tokens


def _closing_quote(text: str, start: int, opener: str) -> int:
    """Where the quote opened by `opener` closes: its pair, or any double quote; -1 if never."""
    closers = {QUOTES[opener], opener} | ({'"', "\u201d"} if opener != "'" else set())
    found = [pos for pos in (text.find(c, start) for c in closers) if pos >= 0]
    return min(found) if found else -1


def parse_args(text: str, option_keys: frozenset[str] | set[str] = frozenset()) -> Args:
    """Split a command line; `key:value` becomes an option only when `key` is one of `option_keys`."""
    args = Args()
    for token, quoted in tokenize(text):
        key, sep, value = token.partition(":")
        if sep and not quoted and key.lower() in option_keys:
            args.options[key.lower()] = value.strip()
            continue
        if quoted:
            args.quoted.add(len(args.words))
        args.words.append(token)
    return args
