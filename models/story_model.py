"""The story model: how sure Herald is that two items report one event, learnt from labelled pairs.

The story rule (`models.story_match`) gathers the evidence: vetoes, the share of telling words in common,
the same council, the same event, names one item gives that the other never mentions, hours apart, and its
own verdict by hand-set thresholds. Two rewrites of one press release often share few words but much
else (the same council, the same event, early in the window), and the thresholds weigh those by steps;
a logistic regression over the same evidence weighs them together. Beside that evidence it weighs the pair's
general words (`models.story_terms`: a word in both headlines, a word in one headline the other item never
mentions), each by a weight learnt from the labelled pairs, so "final" beside "interim" or "inquiry" beside
"strike" can count against one story where the rule's shares cannot tell. It is fitted by `bench.story_fit` on
every labelled pair in `tests/data/stories/` (scikit-learn, a development dependency) and shipped as
`models/story_weights.json` (and, fitted without the sentence encoder's cosines,
`story_weights_without_sentences.json`, for pairs a batch had no time to read as sentences): Herald only reads the
weights. A judgement is a few dozen multiplications once the pair's texts are read: the costly part is the evidence's
meaning (`models.story_meaning`, `models.sentence_meaning`: about 2–8 ms a text the first time a process meets it).

Vetoes stay vetoes (another council, another event, other figures, more than 72 h apart): the model
judges only what the rule lets through. Its threshold is chosen by `bench.story_fit` for pair precision
on files it was not fitted on.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from models.story_terms import describe_term

if TYPE_CHECKING:
    from models.story_evidence import Evidence

WEIGHTS_FILE = Path(__file__).resolve().parent / "story_weights.json"
# The same model fitted without the sentence encoder's three cosines: for pairs a batch had no time to read as
# sentences (`models.sentence_meaning.sentence_budget`).
WEIGHTS_FILE_WITHOUT_SENTENCES = Path(__file__).resolve().parent / "story_weights_without_sentences.json"


@dataclass(frozen=True)
class Feature:
    """One piece of evidence as a number, and how `/coverage explain` tells its value. Features of one
    `group` measure much the same thing (their weights trade against each other), so they are told together."""

    name: str
    value: Callable[["Evidence", bool], float]
    describe: Callable[[float], str]
    group: str | None = None


# How `/coverage explain` names each group of features it tells together.
GROUPS = {"words": "words in common", "meaning": "alike in meaning", "councils": "councils named",
          "plain": "alike without names and figures", "sentences": "alike read as sentences"}


def _either(present: str, absent: str) -> Callable[[float], str]:
    return lambda x: present if x else absent


# The order is the weights file's; `bench.story_fit` fits on exactly these.
FEATURES: tuple[Feature, ...] = (
    Feature("share", lambda e, rule: e.score, lambda x: f"{x:.0%} of the words shared", "words"),
    Feature("same_council", lambda e, rule: float(e.same_council),
            _either("both name the council", "not both naming a council"), "councils"),
    Feature("place", lambda e, rule: float(bool(e.place)),
            _either("a town or area of the council, or one national body", "no town, area or national body in common")),
    Feature("council_unnamed", lambda e, rule: float(e.council_unnamed),
            _either("a council named by one, unnamed by the other", "no council left unnamed")),
    Feature("council_family", lambda e, rule: float(e.council_family),
            _either("councils of one family, not one council", "no family of councils")),
    Feature("same_event", lambda e, rule: float(e.event is not None), _either("the same event", "no event in common")),
    Feature("names_apart", lambda e, rule: float(e.names_apart is not None),
            _either("names each gives that the other never mentions", "no names apart")),
    Feature("words_shared", lambda e, rule: float(len(e.shared)), lambda x: f"{x:.0f} word{'' if x == 1 else 's'}",
            "words"),
    Feature("text_alike", lambda e, rule: e.text_alike, lambda x: f"texts {x:.0%} alike", "words"),
    Feature("councils_named", lambda e, rule: float(e.councils_named),
            lambda x: f"{x:.0f} of the two naming a council", "councils"),
    Feature("one_event_named", lambda e, rule: float(e.events_named == 1),
            _either("one headline naming an event, the other none", "both or neither headline naming an event")),
    Feature("stages_apart", lambda e, rule: float(e.stages is not None),
            _either("two stages of one matter (a proposal, its decision)", "no stages apart")),
    Feature("turns_apart", lambda e, rule: float(e.turns is not None and e.same_council),
            _either("two turns of one council's matter (backed, then paused)",
                    "no turn of one council's matter apart")),
    Feature("hours_apart", lambda e, rule: e.hours / 72, lambda x: f"published {x * 72:.0f} h apart"),
    Feature("titles_meaning", lambda e, rule: e.meaning.titles, lambda x: f"headlines {x:.0%}", "meaning"),
    Feature("texts_meaning", lambda e, rule: e.meaning.texts, lambda x: f"whole texts {x:.0%}", "meaning"),
    Feature("title_text_meaning", lambda e, rule: e.meaning.title_to_text,
            lambda x: f"a headline to the other's text {x:.0%}", "meaning"),
    Feature("summaries_meaning", lambda e, rule: e.meaning.summaries, lambda x: f"summaries {x:.0%}", "meaning"),
    Feature("plain_titles_meaning", lambda e, rule: e.meaning.plain_titles, lambda x: f"headlines {x:.0%}", "plain"),
    Feature("plain_texts_meaning", lambda e, rule: e.meaning.plain_texts, lambda x: f"whole texts {x:.0%}", "plain"),
    Feature("plain_title_text_meaning", lambda e, rule: e.meaning.plain_title_to_text,
            lambda x: f"a headline to the other's text {x:.0%}", "plain"),
    Feature("sentence_titles_meaning", lambda e, rule: e.meaning.sentence_titles, lambda x: f"headlines {x:.0%}",
            "sentences"),
    Feature("sentence_texts_meaning", lambda e, rule: e.meaning.sentence_texts, lambda x: f"whole texts {x:.0%}",
            "sentences"),
    Feature("sentence_title_text_meaning", lambda e, rule: e.meaning.sentence_title_to_text,
            lambda x: f"a headline to the other's text {x:.0%}", "sentences"),
    Feature("rule", lambda e, rule: float(rule), _either("the word rule's yes", "the word rule's no")),
)


@dataclass(frozen=True)
class Push:
    """How far one piece of evidence (told with its value) moved the judgement, against an average labelled pair."""

    label: str
    by: float


@dataclass(frozen=True)
class ModelVerdict:
    """The model's judgement of a pair: how sure, against what threshold, and what moved it most."""

    same: bool
    probability: float
    threshold: float
    pushes: tuple[Push, ...]


@dataclass(frozen=True)
class StoryModel:
    """A logistic regression over `FEATURES` and the pair's word terms (`models.story_terms`): `coefficients`
    per unit of each feature, `means` the average labelled pair's values (for saying what pushed a judgement),
    `terms` each word term's weight and `terms_mean` the average labelled pair's sum of them, `threshold` on the
    probability."""

    coefficients: tuple[float, ...]
    intercept: float
    means: tuple[float, ...]
    threshold: float
    terms: dict[str, float] = field(default_factory=dict)
    terms_mean: float = 0.0
    features: tuple[Feature, ...] = FEATURES  # what the coefficients weigh: `FEATURES`, or some of them in order

    @classmethod
    def from_json(cls, spec: dict) -> "StoryModel":
        """The model from its weights file's contents; features unknown or named in another order are an error."""
        names = tuple(spec["features"])
        known = tuple(f for f in FEATURES if f.name in names)
        if names != tuple(f.name for f in known):
            raise ValueError(f"story weights are for features {names}, not some of {tuple(f.name for f in FEATURES)}")
        return cls(tuple(spec["coefficients"]), spec["intercept"], tuple(spec["means"]), spec["threshold"],
                   dict(spec["terms"]), spec["terms_mean"], known)

    def judge(self, found: "Evidence", rule_same: bool, explain: int = 3) -> ModelVerdict:
        """Whether the pair whose evidence is `found` (with the rule's own verdict) is one story, how sure,
        and the `explain` pieces of evidence that moved it most."""
        values = [f.value(found, rule_same) for f in self.features]
        weighed = sorted(((self.terms[t], t) for t in found.terms if t in self.terms), key=lambda wt: -abs(wt[0]))
        z = self.intercept + sum(w * x for w, x in zip(self.coefficients, values)) + sum(w for w, _ in weighed)
        probability = 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))  # no overflow, whatever the text
        pushes = sorted(_told_together([(f, f.describe(x), w * (x - m)) for f, w, x, m in
                                        zip(self.features, self.coefficients, values, self.means)]) +
                        _telling_words(weighed, self.terms_mean), key=lambda p: -abs(p.by))
        return ModelVerdict(probability >= self.threshold, probability, self.threshold,
                            tuple(p for p in pushes[:explain] if abs(p.by) >= 0.05))


def _telling_words(weighed: list[tuple[float, str]], mean: float) -> list[Push]:
    """The word terms' push as one piece of evidence, naming the three that weigh most."""
    if not weighed:
        return []
    named = ", ".join(f"{describe_term(t)} {w:+.1f}" for w, t in weighed[:3])
    return [Push(f"telling words ({named})", sum(w for w, _ in weighed) - mean)]


def _told_together(pushes: list[tuple[Feature, str, float]]) -> list[Push]:
    """Each feature's push, the features of one group summed into one ("alike in meaning (headlines 80%, ...)")."""
    told: list[Push] = []
    groups: dict[str, list[tuple[str, float]]] = {}
    for feature, label, by in pushes:
        if feature.group:
            groups.setdefault(feature.group, []).append((label, by))
        else:
            told.append(Push(label, by))
    told += [Push(f"{GROUPS[group]} ({', '.join(label for label, _ in parts)})", sum(by for _, by in parts))
             for group, parts in groups.items()]
    return told


@functools.lru_cache(maxsize=2)
def story_model(path: Path = WEIGHTS_FILE) -> StoryModel:
    """The shipped story model (read once)."""
    return StoryModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def story_model_without_sentences() -> StoryModel:
    """The shipped story model fitted without the sentence encoder's cosines (read once)."""
    return story_model(WEIGHTS_FILE_WITHOUT_SENTENCES)
