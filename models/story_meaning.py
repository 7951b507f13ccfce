"""How alike two items are in meaning, not only in their words: "LGA launches 'light touch' sector
regulation blueprint" and "LG Group unveils plans for self regulation" share one word, but launches and
unveils, blueprint and plans, mean much the same.

Each text becomes the average of its words' vectors from WordLlama's bundled static embeddings (the
`wordllama` package: weights shipped in its PyPI wheel, no network, a tenth of a millisecond a text), and
two texts are as alike as the cosine of their vectors. The story model (`models.story_model`) weighs four
such cosines beside the rule's evidence: the headlines, the headline with summary, the one's headline
against the other's whole text, and the summaries. Measured left out by file in `bench.story_fit`
(`bench/results/stories-meaning.md`).

Three more cosines read the same texts with their names and figures taken out (`plain`): one council's two matters
are alike in meaning mostly by the council's name, and a rewrite naming the town where the other names the council is
unlike by it; what is left says what happened (`bench/results/stories-terms16.md`).

Three more read the headlines and whole texts as sentences, each word beside the others (`models.sentence_meaning`):
"pool is saved" and "centre will stay open" are alike there, not word by word (`bench/results/stories-sentences19.md`).
"""
from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from models.sentence_meaning import sentences_alike

_EMBEDDINGS = "l2_supercat"  # WordLlama's default: 256 dimensions, its tokenizer and weights in the wheel


@functools.cache
def _model():
    """WordLlama's bundled model, loaded once a process (about 16 MB). Its files are looked up in the
    package itself, so it never reaches for the network."""
    # One text at a time needs no threads, and a process that forks later (the feed parser's child) must not
    # inherit a busy tokenizer pool.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import wordllama
    from wordllama import WordLlama

    logging.getLogger("wordllama").setLevel(logging.WARNING)
    return WordLlama.load(_EMBEDDINGS, cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@functools.lru_cache(maxsize=8192)  # a few days of items' titles, texts and summaries; each vector 1 KB
def vector(text: str) -> np.ndarray | None:
    """The unit vector of a text's meaning, or None for a text with nothing in it."""
    if not text.strip():
        return None
    found = _model().embed([text], norm=True)[0]
    return found if np.isfinite(found).all() and found.any() else None


def alike(a: str, b: str) -> float:
    """How alike two texts are in meaning: the cosine of their vectors, 0 when either is empty."""
    va, vb = vector(a), vector(b)
    return float(va @ vb) if va is not None and vb is not None else 0.0


@dataclass(frozen=True)
class Meaning:
    """How alike two items are in meaning, ten ways (cosines, 0 when a side has no text)."""

    titles: float = 0.0
    texts: float = 0.0  # headline and summary together
    title_to_text: float = 0.0  # the better of one's headline against the other's headline and summary
    summaries: float = 0.0
    plain_titles: float = 0.0  # the headlines without their names and figures (`plain`)
    plain_texts: float = 0.0
    plain_title_to_text: float = 0.0
    sentence_titles: float = 0.0  # the headlines read as sentences (`models.sentence_meaning`)
    sentence_texts: float = 0.0
    sentence_title_to_text: float = 0.0
    read_as_sentences: bool = True  # False: a batch's time for reading was spent, the three above are 0 and unread


def plain(text: str) -> str:
    """A text without its names and figures: every capitalised word but the first, and every word with a digit."""
    words = text.split()
    return " ".join(w for n, w in enumerate(words) if not (n and w[:1].isupper()) and not any(c.isdigit() for c in w))


def sentence_texts(title: str, summary: str) -> tuple[str, str]:
    """The two texts of an item read as sentences: its headline, and its headline with its summary."""
    return title, f"{title}. {summary}"


def meaning_between(title_a: str, summary_a: str, title_b: str, summary_b: str) -> Meaning:
    """How alike in meaning two items are, read from their headlines and summaries."""
    (_, text_a), (_, text_b) = sentence_texts(title_a, summary_a), sentence_texts(title_b, summary_b)
    plain_ta, plain_tb, plain_a, plain_b = plain(title_a), plain(title_b), plain(text_a), plain(text_b)
    words = Meaning(titles=round(alike(title_a, title_b), 4), texts=round(alike(text_a, text_b), 4),
                    title_to_text=round(max(alike(title_a, text_b), alike(title_b, text_a)), 4),
                    summaries=round(alike(summary_a, summary_b), 4),
                    plain_titles=round(alike(plain_ta, plain_tb), 4), plain_texts=round(alike(plain_a, plain_b), 4),
                    plain_title_to_text=round(max(alike(plain_ta, plain_b), alike(plain_tb, plain_a)), 4))
    sentences = [sentences_alike(x, y) for x, y in ((title_a, title_b), (text_a, text_b), (title_a, text_b),
                                                     (title_b, text_a))]
    if any(cosine is None for cosine in sentences):
        return replace(words, read_as_sentences=False)
    titles, texts, a_to_b, b_to_a = sentences
    return replace(words, sentence_titles=round(titles, 4), sentence_texts=round(texts, 4),
                   sentence_title_to_text=round(max(a_to_b, b_to_a), 4))
