"""Tone of a headline, positive, neutral or negative: a linear model trained on labelled headlines
(`feeds.tone_model`) weighs the headline's words and letters (and, if it was trained with them, the
verdict of the local-government lexicon and phrase rules of `feeds.tone_domain` layered on VADER's
general-English score, which `/coverage explain` also shows as a second opinion).

Its own module (no database, no models) so the feed parser's child process can score headlines
without loading the rest of Herald.
"""
from __future__ import annotations

import functools
import string
import threading
from dataclasses import dataclass

from feeds.tone_domain import Hit, ToneJudgement, judge
from feeds.tone_model import LinearToneModel, Push

TONE_TEXT_MAX = 1000
TONE_CACHE_SIZE = 4096


class ToneModel:
    """VADER's compound score, computed as `polarity_scores` computes it, with less waste.

    VADER gives a word a valence only if the word (lower-cased, after its own tokenising) is in
    its lexicon; boosters, negations, "but", capitals and punctuation only scale those valences.
    So a text with no lexicon word and no emoji (which VADER would first spell out in words)
    scores exactly 0.0 without running the model: over half of real headlines. Other texts go
    through `_Vader`, which skips the character-by-character emoji pass for ASCII text and the
    per-word calls that can only add 0, and lower-cases the words once instead of four times per
    lexicon word. `tests/test_feeds_ingest_cost.py` checks the scores against VADER's own."""

    def __init__(self):
        self._analyzer = _vader_class()()
        self._lexicon = self._analyzer.lexicon
        self._ascii_has_no_emoji = not any(emoji.isascii() for emoji in self._analyzer.emojis)

    def compound(self, text: str) -> float:
        """VADER's compound score for `text`, in [-1, 1]."""
        if not (self._ascii_has_no_emoji and text.isascii()):
            return self._analyzer.polarity_scores(text)["compound"]
        words = _vader_words(text)
        lowered = [word.lower() for word in words]
        if not any(word in self._lexicon for word in lowered):
            return 0.0
        return self._analyzer.compound_of_words(text.strip(), words, lowered)

    def has_lexicon_word(self, text: str) -> bool:
        """Whether VADER would score any word of `text` (if not, and it is ASCII, its score is 0.0)."""
        return any(word.lower() in self._lexicon for word in _vader_words(text))


def _vader_words(text: str) -> list[str]:
    """VADER's tokens (`SentiText`): split on whitespace, outer punctuation stripped unless that
    leaves two characters or fewer (emoticons)."""
    words = []
    for word in text.split():
        stripped = word.strip(string.punctuation)
        words.append(word if len(stripped) <= 2 else stripped)
    return words


@functools.cache
def _vader_class():
    """`SentimentIntensityAnalyzer` with a faster path for ASCII text (imported on first use)."""
    from vaderSentiment import vaderSentiment as vader

    class _Vader(vader.SentimentIntensityAnalyzer):
        def compound_of_words(self, text: str, words: list[str], lowered: list[str]) -> float:
            """`polarity_scores(text)["compound"]` for ASCII `text` whose tokens are `words`."""
            sentitext = _SentiText(words, vader.allcap_differential(words), lowered)
            sentiments: list[float] = []
            for i, word in enumerate(lowered):
                if word in vader.BOOSTER_DICT or (word == "kind" and i < len(lowered) - 1
                                                  and lowered[i + 1] == "of") or word not in self.lexicon:
                    sentiments.append(0)  # what polarity_scores appends for these
                    continue
                sentiments = self.sentiment_valence(0, sentitext, words[i], i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)["compound"]

        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            lower = getattr(words_and_emoticons, "lowered", None)
            if lower is None:
                return vader.SentimentIntensityAnalyzer._negation_check(valence, words_and_emoticons, start_i, i)
            if start_i == 0:
                if _negated(lower[i - 1]):
                    valence = valence * vader.N_SCALAR
            if start_i == 1:
                if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                    pass
                elif _negated(lower[i - 2]):
                    valence = valence * vader.N_SCALAR
            if start_i == 2:
                if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                        (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                    pass
                elif _negated(lower[i - 3]):
                    valence = valence * vader.N_SCALAR
            return valence

    negations = frozenset(vader.NEGATE)

    def _negated(lower_word: str) -> bool:
        return lower_word in negations or "n't" in lower_word

    return _Vader


class _Words(list):
    """VADER's word list, carrying its lower-cased copy for the negation check."""

    lowered: list[str]


class _SentiText:
    """What `sentiment_valence` reads from VADER's `SentiText`."""

    __slots__ = ("words_and_emoticons", "is_cap_diff")

    def __init__(self, words: list[str], is_cap_diff: bool, lowered: list[str]):
        self.words_and_emoticons = _Words(words)
        self.words_and_emoticons.lowered = lowered
        self.is_cap_diff = is_cap_diff


_MODEL: ToneModel | None = None
_MODEL_LOCK = threading.Lock()
_LINEAR: LinearToneModel | None = None


def tone_model() -> ToneModel:
    """The process's VADER model, loaded on first use (the lexicon takes ~70 ms to read)."""
    global _MODEL
    if _MODEL is None:
        with _MODEL_LOCK:
            if _MODEL is None:
                _MODEL = ToneModel()
    return _MODEL


def linear_model() -> LinearToneModel:
    """The process's trained tone model (`feeds/tone_weights.json`), read on first use."""
    global _LINEAR
    if _LINEAR is None:
        with _MODEL_LOCK:
            if _LINEAR is None:
                _LINEAR = LinearToneModel.load()
    return _LINEAR


@dataclass(frozen=True)
class ToneVerdict:
    """Herald's tone of a headline and why: the trained model's verdict and probabilities, the
    words that pushed it over the runner-up, and the rules' own verdict, score and matched phrases
    (a second opinion shown beside it, and features of the model if it was trained with them)."""

    tone: str
    score: float  # P(positive) - P(negative)
    probabilities: dict[str, float]
    runner_up: str
    pushes: tuple[Push, ...]
    rules: ToneJudgement

    @property
    def vader(self) -> float:
        """VADER's compound score alone."""
        return self.rules.vader

    @property
    def hits(self) -> tuple[Hit, ...]:
        """The rules' matched phrases."""
        return self.rules.hits

    @property
    def rule(self) -> str:
        """What decided, in words."""
        return (f"the trained model: {linear_model().describe()}. The local-government rules over VADER "
                f"alone say {self.rules.tone}")


def tone_of(text: str) -> tuple[str, float]:
    """("positive"|"neutral"|"negative", score in [-1, 1]) for a headline."""
    return _verdict(text[:TONE_TEXT_MAX])


def explain_tone(text: str, top: int = 6) -> ToneVerdict:
    """The tone of a headline with its reasons (what `/coverage explain` shows): the `top` words that
    pushed the verdict, the rules' verdict and matched phrases, the scores."""
    text = text[:TONE_TEXT_MAX]
    rules = _judged(text)
    model = linear_model()
    verdict = model.predict(text, rules if model.needs_rules else None, explain=top)
    return ToneVerdict(verdict.tone, round(verdict.score, 4), verdict.probabilities, verdict.runner_up,
                       verdict.pushes, rules)


def rules_tone(text: str) -> ToneJudgement:
    """The local-government rules' verdict over VADER alone (`feeds.tone_domain.judge`)."""
    return _judged(text[:TONE_TEXT_MAX])


@functools.lru_cache(maxsize=TONE_CACHE_SIZE)
def _verdict(text: str) -> tuple[str, float]:
    """Scored once per distinct text: a syndicated story's headline arrives from many feeds."""
    model = linear_model()
    verdict = model.predict(text, _judged(text) if model.needs_rules else None)
    return verdict.tone, round(verdict.score, 4)


@functools.lru_cache(maxsize=TONE_CACHE_SIZE)
def _judged(text: str) -> ToneJudgement:
    """The rules' judgement, once per distinct text."""
    return judge(text, tone_model().compound(text))
