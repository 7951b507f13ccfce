"""A text as the council matcher reads it: its word tokens in original and lower case (`tokenize`), a council name
found among them (`NameMatch`) and the judgement on it (`CouncilEvidence`). The words it reads are
`feeds.council_words`'."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

_TOKEN = re.compile(r"[A-Za-z0-9]+")
# A proper name's possessive written with a bare apostrophe: "St Helens' budget", told as "'s".
_BARE_POSSESSIVE = re.compile(r"(?<![A-Za-z'\u2018])([A-Z][a-z]*s)['\u2019](?= [a-z])")
_SLASH = re.compile(r"(?<=[a-z])/(?=[A-Z])")  # "Barnet/Enfield joint contract": two names joined


@dataclass(frozen=True)
class Tokens:
    """Word tokens as `normalize_name` sees them: original case and lower case, side by side."""

    texts: list[str]
    words: list[str]
    shouting: bool  # the text is all capitals, so case says nothing
    label: int = 0  # words before a colon that opens the text ("Sutton: incinerator…"), at most three
    clause: int = 0  # the first word after a colon in the text's first 40 characters (a longer label's too), or 0

    @functools.cached_property
    def title_case(self) -> bool:
        """Every longer word capitalised (one aside): a Title Case Headline, where case does not mark
        proper names. Worked out once per text."""
        longer = [t for t in self.texts if len(t) > 3]
        return len(longer) >= 3 and sum(not t[0].isupper() for t in longer) <= (1 if len(longer) >= 6 else 0)


def tokenize(text: str) -> Tokens:
    """Split text once; the council and tag matchers share the result."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    if "/" in text:
        text = _SLASH.sub(" and ", text)
    if "s' " in text or "s\u2019 " in text:
        text = _BARE_POSSESSIVE.sub(r"\1's", text)  # "Tunbridge Wells' theatre" as "Tunbridge Wells's theatre"
    texts = _TOKEN.findall(text.replace("&", " and "))
    colon = text.find(":", 0, 40)
    label = len(_TOKEN.findall(text[:colon].replace("&", " and "))) if colon > 0 else 0
    return Tokens(texts, [t.lower() for t in texts], text.upper() == text, label if label <= 3 else 0,
                  label if label < len(texts) else 0)


class NameMatch(NamedTuple):
    """A council name found at `start`, `length` words long (a named tuple: the matcher makes one
    for every name it finds, so it is cheap to build)."""

    start: int
    length: int
    code: str
    confident: bool  # False: an ordinary-word name with no context of its own
    why: str = "a council name in context"  # what made it confident (for `/coverage explain`)
    region: bool = False  # a combined authority's region named as a place, not as the authority
    person: bool = False  # a metro mayor's name ("Andy Burnham"), never a body named after a place


@dataclass(frozen=True)
class CouncilEvidence:
    """A council name found in a text: the code, the words, whether it counted, and why."""

    code: str
    named: str
    counted: bool
    why: str
