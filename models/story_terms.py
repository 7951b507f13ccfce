"""The general words two items share or not, as the story model's word terms (issue 19).

The rule's evidence counts how much two items share; it cannot say which words matter. A headline's
"inquiry", "called off" or "second" that the other item never mentions marks a follow-up; "strike" or
"budget" in both headlines says more than "council" in both texts. Each pair's terms are these words, named by
where they stand:

- `both:<word>`: in both items (title or summary);
- `headlines:<word>`: in both headlines;
- `one headline:<word>`: in one headline and nowhere in the other item.

`bench.story_fit` learns a weight for each term seen in enough labelled pairs (`models/story_weights.json`'s
`terms`); `models.story_model` adds the weights of a pair's terms to its judgement. Councils' names, other
proper names and figures are left out: what a word says about two items being one event must not be which
council or sum the labelled pairs happened to name.
"""
from __future__ import annotations

from models.story_mentions import council_name_concepts
from models.story_text import StoryText
from models.story_words import is_figure

BOTH, HEADLINES, ONE_HEADLINE = "both", "headlines", "one headline"
_TOLD = {BOTH: "in both", HEADLINES: "in both headlines", ONE_HEADLINE: "in one headline only"}


def pair_terms(a: StoryText, b: StoryText) -> frozenset[str]:
    """The word terms of the pair `a`, `b` (see the module)."""
    named = council_name_concepts(tuple(sorted({*a.councils, *b.councils}))) | a.proper | b.proper

    def general(words: frozenset[str]) -> frozenset[str]:
        return frozenset(w for w in words if w not in named and not is_figure(w))

    title_a, title_b, text_a, text_b = (general(a.title_concepts), general(b.title_concepts), general(a.concepts),
                                        general(b.concepts))
    return frozenset({f"{BOTH}:{w}" for w in text_a & text_b} | {f"{HEADLINES}:{w}" for w in title_a & title_b} |
                     {f"{ONE_HEADLINE}:{w}" for w in (title_a - text_b) | (title_b - text_a)})


def describe_term(term: str) -> str:
    """A term as `/coverage explain` tells it: `"inqui" in one headline only`."""
    where, word = term.split(":", 1)
    return f'"{word}" {_TOLD[where]}'
