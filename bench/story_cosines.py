"""Each labelled story pair's sentence cosines as read by an encoder tuned without the pair's file.

The shipped sentence encoder was tuned on the labelled pairs (`bench/meaning_tune.py`), so its cosines for those
pairs are surer than for any item it will meet. The story model is fitted on cosines read by encoders that never saw
the pair's file instead (`story_cosines.csv`, written by the tuning), found by the digest of the pair's texts.
Standard library only: the tuning runs outside Herald's environment.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

COSINES_FILE = Path(__file__).resolve().parent / "story_cosines.csv"


@dataclass(frozen=True)
class Cosines:
    """A pair read as sentences: its headlines', whole texts', and better headline-to-other's-text cosine."""

    titles: float
    texts: float
    title_to_text: float


def pair_key(title_a: str, summary_a: str, title_b: str, summary_b: str) -> str:
    """A labelled pair's digest, from its headlines and summaries as the CSV holds them (hashed as headline and
    whole text, headline and ". " and summary, a side)."""
    texts = (title_a, f"{title_a}. {summary_a}", title_b, f"{title_b}. {summary_b}")
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:24]


def cross_fitted_cosines(path: Path = COSINES_FILE) -> dict[str, Cosines]:
    """The cosines `bench/meaning_tune.py` recorded, by pair digest (none when the file is missing)."""
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["key"]: Cosines(float(row["titles"]), float(row["texts"]), float(row["title_to_text"]))
                for row in csv.DictReader(handle)}
