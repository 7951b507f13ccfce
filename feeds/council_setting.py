"""What kind of news a text is, as the council finder needs to know it: a police force's, club's or institution's
news, another body's, a crime or sport story. A place named in such news is where it happened, not its council."""
from __future__ import annotations

from feeds.council_bodies import news_of_another_body
from feeds.council_stories import other_news
from feeds.council_tokens import Tokens
from feeds.council_words import EMERGENCY_WORDS
from models.relevance import LOCAL_GOVERNMENT_WORDS, speaks_of_a_council


def news_of_an_institution(words: list[str], institutions: dict[int, str]) -> str | None:
    """"police force or fire service" or "club or institution" when the text names one and has no
    council or local-government word: "Merseyside Police appeal after Liverpool city centre assault"
    happened in Liverpool, and is not the council's news. None otherwise."""
    if not LOCAL_GOVERNMENT_WORDS.isdisjoint(words) or speaks_of_a_council(" ".join(words)):
        return None
    if not EMERGENCY_WORDS.isdisjoint(words):
        return "police force or fire service"
    return "club or institution" if institutions else None


class Setting:
    """What kind of news a text is, worked out only when a name found in it needs to know: an
    institution's or another body's news (`elsewhere`), a crime or sport story (`story`)."""

    _UNSET = object()

    def __init__(self, tokens: Tokens, institutions: dict[int, str]):
        self._tokens = tokens
        self._institutions = institutions
        self._elsewhere: object = self._UNSET
        self._story: object = self._UNSET

    @property
    def elsewhere(self) -> str | None:
        """The police force's, club's, institution's or national body's news the text is, or None."""
        if self._elsewhere is self._UNSET:
            self._elsewhere = news_of_an_institution(self._tokens.words, self._institutions) or \
                news_of_another_body(self._tokens)
        return self._elsewhere  # type: ignore[return-value]

    @property
    def story(self) -> str | None:
        """"crime or court story" or "sport story", or None (`feeds.council_stories.other_news`)."""
        if self._story is self._UNSET:
            self._story = other_news(self._tokens)
        return self._story  # type: ignore[return-value]
