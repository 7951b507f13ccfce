"""A linear tone model over a headline's words, scored in pure Python from committed weights.

Features (`vector`): TF-IDF of the word 1–2-grams and of the character 2–5-grams of each word
(padded with a space either side, as scikit-learn's `char_wb`), each block L2-normalised, plus —
for the hybrid model — the local-government rules' score and VADER's compound score as two more
features. A multinomial logistic regression weighs them (`feeds/tone_train.py` fits it with
scikit-learn on the labelled headlines in `tests/data/tone/`, deterministically, and writes
`feeds/tone_weights.json`). Scoring a headline is a few hundred dictionary look-ups: no numpy, no
scikit-learn at run time, so the feed parser's child (512 MB address-space limit) and every web
worker score headlines without loading a 130 MB library for 3 s.

The character n-grams are what lets the model generalise past the phrasings it was trained on:
"overspends", "overspending" and "overspend" share most of their n-grams; so do "inadequate" and
"inadequacy".
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from feeds.tone_direction import direction_features
from feeds.tone_domain import NEGATIVE, POSITIVE, ToneJudgement, domain_hits, normalise

WEIGHTS_FILE = Path(__file__).resolve().parent / "tone_weights.json"
CLASSES = ("positive", "neutral", "negative")
CHAR_SIZES = (2, 3, 4, 5)
WORD_CACHE_SIZE = 20_000  # words remembered (about 5 MB); when full it starts again, costing only speed
_TOKEN = re.compile(r"[a-z0-9£%]+(?:'[a-z]+)?|&")


def tokens(text: str) -> list[str]:
    """The headline's words, lower-cased, as the rules see them (`normalise`), possessives kept."""
    return _TOKEN.findall(normalise(text))


def word_terms(words: list[str]) -> Counter:
    """Word unigrams and bigrams, counted."""
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return counts


def char_terms(word: str) -> list[str]:
    """A word's character 2–5-grams, the word padded with a space either side (`char_wb`)."""
    padded = f" {word} "
    return [padded[i:i + n] for n in CHAR_SIZES for i in range(len(padded) - n + 1)]


def _tf(n: int, sublinear: bool) -> float:
    return float(n) if not sublinear or n == 1 else 1.0 + math.log(n)


def _tfidf(counts: Counter, idf: dict[str, float], prefix: str, sublinear: bool) -> dict[str, float]:
    """TF-IDF of the counted terms in the vocabulary, L2-normalised, keyed `prefix` + term."""
    weighted = {term: _tf(n, sublinear) * idf[prefix + term] for term, n in counts.items() if prefix + term in idf}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return {prefix + term: v / norm for term, v in weighted.items()}


def _char_tfidf(words: list[str], idf: dict[str, float], sublinear: bool) -> dict[str, float]:
    """TF-IDF of each word's character n-grams (term frequency within the word), summed over the
    words and divided by the root of the sum of each word's squared norm. Word by word, so the
    fast path (`LinearToneModel.scores`) can remember each word's part: it is exact."""
    total: dict[str, float] = {}
    squares = 0.0
    for word in words:
        for gram, n in Counter(char_terms(word)).items():
            name = "c " + gram
            if name in idf:
                value = _tf(n, sublinear) * idf[name]
                squares += value * value
                total[name] = total.get(name, 0.0) + value
    norm = math.sqrt(squares) or 1.0
    return {name: value / norm for name, value in total.items()}


EXTRA_KINDS = ("scores", "rule parts", "direction", "clash")
EXTRA_NAMES = {"x rules": "(the rules' score)", "x vader": "(VADER's score)",
               "x rules negative": "(the rules' negative phrases)", "x rules positive": "(the rules' positive phrases)",
               "x rules reversal": "(the rules' reversals)", "x rules procedural": "(procedural wording)",
               "x lower-is-better up": "(a better-lower measure rising)",
               "x lower-is-better down": "(a better-lower measure falling)",
               "x higher-is-better up": "(a better-higher measure rising)",
               "x higher-is-better down": "(a better-higher measure falling)",
               "x praise beside bad news": "(praise beside bad news)", "x setback": "(a plan or promise undone)",
               "x against the council": "(a ruling or payout against the council)"}


def extras(words: list[str], rules: ToneJudgement | None, scale: float,
           kinds: tuple[str, ...] = EXTRA_KINDS) -> dict[str, float]:
    """The hybrid model's extra features, each times `scale`: "scores", the rules' score and VADER's;
    "rule parts", the sums of the rules' negative, positive and reversal weights and whether a
    procedural phrase matched; "direction", which way a measure moved (`feeds.tone_direction`);
    "clash", praise beside bad news in one headline and a plan or promise undone (no VADER needed)."""
    if not scale:
        return {}
    found: dict[str, float] = {}
    if rules is not None and "scores" in kinds:
        found.update({"x rules": rules.score, "x vader": rules.vader})
    if rules is not None and "rule parts" in kinds:
        for hit in rules.hits:
            name = f"x rules {hit.kind}"
            found[name] = found.get(name, 0.0) + (1.0 if hit.kind == "procedural" else hit.weight)
    clean = " ".join(words)
    if "direction" in kinds or "clash" in kinds:
        found.update(direction_features(clean, "direction" in kinds, "clash" in kinds))
    if "clash" in kinds and _praise_beside_bad_news(clean):
        found["x praise beside bad news"] = 1.0
    return {name: value * scale for name, value in found.items()}


def _any_of(rules: tuple[tuple[str, float], ...]) -> re.Pattern:
    """Whether any of the rules' phrases occurs at a word start, as `domain_hits` would try it."""
    return re.compile(r"(?<![a-z0-9£'])(?:" + "|".join(pattern for pattern, _ in rules) + r")(?![a-z0-9])")


_ANY_PRAISE, _ANY_BAD_NEWS = _any_of(POSITIVE), _any_of(NEGATIVE)


def _praise_beside_bad_news(clean: str) -> bool:
    """Whether the rules' phrases (matched without VADER) put praise beside bad news in one headline
    ("award-winning council issues s114 notice", "council celebrates new HQ as services are cut"):
    in news the good word is then the foil for the bad, so the words' sum over-reads it as good.
    Negated and reversed phrases count as the rules count them ("no fault" is not bad news); the
    two quick searches first spare most headlines the full scan (`domain_hits` matches a subset)."""
    if not (_ANY_PRAISE.search(clean) and _ANY_BAD_NEWS.search(clean)):
        return False
    hits = domain_hits(clean)
    return any(hit.kind == "negative" and hit.weight < 0 for hit in hits) and any(
        hit.kind == "positive" and hit.weight > 0 for hit in hits)


def vector(words: list[str], idf: dict[str, float], rules: ToneJudgement | None = None, scale: float = 0.0,
           sublinear: bool = True, kinds: tuple[str, ...] = EXTRA_KINDS) -> dict[str, float]:
    """The feature vector of a headline's `tokens`: feature name → value ("w " words, "c " characters,
    "x " extras)."""
    return {**_tfidf(word_terms(words), idf, "w ", sublinear), **_char_tfidf(words, idf, sublinear),
            **extras(words, rules, scale, kinds)}


@dataclass(frozen=True)
class Push:
    """A word (or two-word phrase, or an extra feature) and how far it pushed the verdict over the
    runner-up class: its share of the margin."""

    words: str
    weight: float


@dataclass(frozen=True)
class ModelVerdict:
    """The model's tone, its probabilities, the runner-up and the features that decided between them."""

    tone: str
    probabilities: dict[str, float]
    runner_up: str
    pushes: tuple[Push, ...]

    @property
    def score(self) -> float:
        """P(positive) − P(negative), in [-1, 1]: the stored score."""
        return self.probabilities["positive"] - self.probabilities["negative"]


class LinearToneModel:
    """A trained linear model: vocabulary with IDF, per-class weights and intercepts."""

    def __init__(self, spec: dict):
        self.classes: tuple[str, ...] = tuple(spec["classes"])
        if len(self.classes) != 3:
            raise ValueError(f"a tone model has three classes, not {self.classes}")
        self.idf: dict[str, float] = spec["idf"]
        self.weights: dict[str, list[float]] = spec["weights"]
        self.intercept: list[float] = spec["intercept"]
        self.scale: float = spec.get("extras_scale", 0.0)
        self.sublinear: bool = spec.get("sublinear", True)
        self.kinds: tuple[str, ...] = tuple(spec.get("extras", ("scores",)))
        self.about: dict = spec.get("about", {})
        # Each term's IDF and its IDF times each class's weight: the fast path's one look-up.
        self._terms: dict[str, tuple[float, ...]] = {
            term: (idf, *(idf * w for w in self.weights.get(term, (0.0,) * len(self.classes))))
            for term, idf in self.idf.items()}
        self._word_chars: dict[str, tuple[float, float, float, float]] = {}

    @property
    def needs_rules(self) -> bool:
        """Whether the model weighs the rules' verdict (then each headline is judged by them first)."""
        return bool(self.scale) and bool({"scores", "rule parts"} & set(self.kinds))

    def describe(self) -> str:
        """What the model is and weighs, in words (for `/coverage explain`)."""
        given = {"scores": "the local-government rules' and VADER's scores",
                 "rule parts": "the rules' matched phrases", "direction": "which way a measure moved"}
        extra = [given[kind] for kind in self.kinds if kind in given] if self.scale else []
        examples = self.about.get("examples")
        trained = f"logistic regression trained on {examples} labelled headlines" if examples else "logistic regression"
        return f"{trained}, over the words and their letters" + (f", with {', '.join(extra)}" if extra else "")

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> "LinearToneModel":
        """The model in a weights file (`feeds/tone_train.py` writes it)."""
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def predict(self, text: str, rules: ToneJudgement | None = None, explain: int = 0) -> ModelVerdict:
        """The tone of a headline; with `explain`, the top that many words that pushed it."""
        words = tokens(text)
        scores = self.scores(words, rules)
        k = len(scores)
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        probabilities = {self.classes[c]: exp[c] / total for c in range(k)}
        order = sorted(range(k), key=lambda c: -scores[c])
        best, second = order[0], order[1]
        pushes = ()
        if explain:
            x = vector(words, self.idf, rules, self.scale, self.sublinear, self.kinds)
            pushes = self._pushes(x, set(words), best, second, explain)
        return ModelVerdict(self.classes[best], probabilities, self.classes[second], pushes)

    def scores(self, words: list[str], rules: ToneJudgement | None = None) -> list[float]:
        """Each class's score for a headline's `tokens`: the intercept plus the weighted features.
        The same sum as over `vector`'s features, faster: a word's known character n-grams are
        remembered, and IDF is folded into the weights."""
        scores = list(self.intercept)
        terms = self._terms
        s0 = s1 = s2 = squares = 0.0
        for name, n in Counter([f"w {word}" for word in words]
                               + [f"w {a} {b}" for a, b in zip(words, words[1:])]).items():
            term = terms.get(name)
            if term is not None:
                tf = _tf(n, self.sublinear)
                s0, s1, s2 = s0 + tf * term[1], s1 + tf * term[2], s2 + tf * term[3]
                squares += (tf * term[0]) ** 2
        if squares:
            norm = math.sqrt(squares)
            scores = [scores[0] + s0 / norm, scores[1] + s1 / norm, scores[2] + s2 / norm]
        s0 = s1 = s2 = squares = 0.0
        for word in words:
            part = self._word_chars.get(word)
            if part is None:
                part = self._chars_of(word)
            s0, s1, s2, squares = s0 + part[0], s1 + part[1], s2 + part[2], squares + part[3]
        if squares:
            norm = math.sqrt(squares)
            scores = [scores[0] + s0 / norm, scores[1] + s1 / norm, scores[2] + s2 / norm]
        for name, value in extras(words, rules, self.scale, self.kinds).items():
            for c, w in enumerate(self.weights.get(name, ())):
                scores[c] += value * w
        return scores

    def _chars_of(self, word: str) -> tuple[float, float, float, float]:
        """A word's part of the character block before normalising: each class's weighted sum and
        the squared norm (remembered, up to `WORD_CACHE_SIZE` words)."""
        s0 = s1 = s2 = squares = 0.0
        for gram, n in Counter(char_terms(word)).items():
            term = self._terms.get("c " + gram)
            if term is not None:
                tf = _tf(n, self.sublinear)
                s0, s1, s2 = s0 + tf * term[1], s1 + tf * term[2], s2 + tf * term[3]
                squares += (tf * term[0]) ** 2
        if len(self._word_chars) >= WORD_CACHE_SIZE:
            self._word_chars.clear()
        self._word_chars[word] = part = (s0, s1, s2, squares)
        return part

    def _pushes(self, x: dict[str, float], words: set[str], best: int, second: int,
                top: int) -> tuple[Push, ...]:
        """Each feature's part of the margin between the verdict and the runner-up, gathered by
        word: a word's own weight and its character n-grams', a phrase's, each extra's."""
        by_word: Counter = Counter()
        for name, value in x.items():
            w = self.weights.get(name)
            if w is None:
                continue
            part = value * (w[best] - w[second])
            kind, term = name[:1], name[2:]
            if kind == "c":
                # Credit a character n-gram to every word of the headline that contains it, shared.
                owners = [word for word in words if term in f" {word} "]
                for word in owners:
                    by_word[word] += part / len(owners)
            elif kind == "x":
                by_word[EXTRA_NAMES.get(name, f"({term})")] += part
            else:
                by_word[term] += part
        ranked = sorted(by_word.items(), key=lambda kv: -kv[1])[:top]
        return tuple(Push(label, round(weight, 3)) for label, weight in ranked if weight > 0)
