"""Speech and answer text as Parliament sends it (HTML) made plain, and the passage around a term.

HTML is parsed with the standard library's parser, never rendered: tags are dropped, entities
decoded, scripts and styles skipped, whitespace collapsed. The result is plain text that `bot/`
escapes per platform like any other text (so `<!channel>` or `@here` in a speech never pings).
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

BLOCKS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"})
SKIPPED = frozenset({"script", "style"})
PASSAGE_MAX = 400
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\u201c])")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: ANN001 - HTMLParser's signature
        if tag in SKIPPED:
            self._skip += 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag in SKIPPED and self._skip:
            self._skip -= 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):  # noqa: ANN001
        if not self._skip:
            self.parts.append(data)


def plain_text(html: str | None) -> str:
    """The words of an HTML fragment, on one line."""
    if not html:
        return ""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(unescape("".join(parser.parts)).split())


def term_pattern(term: str) -> re.Pattern:
    """A term as whole words, any case, any spacing."""
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<![A-Za-z0-9])" + r"\s+".join(words) + r"(?![A-Za-z0-9])", re.IGNORECASE)


def mentions_term(text: str, term: str) -> bool:
    return bool(term.strip()) and term_pattern(term).search(text) is not None


def passage(text: str, term: str | None) -> str:
    """The sentence that holds `term` and the one after it (or before it, if it is the last), at
    most PASSAGE_MAX characters; the opening of the text when the term is not in it."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    if not sentences:
        return ""
    index = 0
    if term:
        pattern = term_pattern(term)
        index = next((i for i, s in enumerate(sentences) if pattern.search(s)), 0)
    chosen = sentences[index:index + 2] if index + 1 < len(sentences) else sentences[max(0, index - 1):index + 1]
    out = " ".join(chosen)
    if len(out) <= PASSAGE_MAX:
        return out
    if term and (m := term_pattern(term).search(out)):
        start = max(0, m.start() - PASSAGE_MAX // 3)
        cut = out[start:start + PASSAGE_MAX]
        return ("…" if start else "") + cut.rsplit(" ", 1)[0] + "…"
    return out[:PASSAGE_MAX].rsplit(" ", 1)[0] + "…"
