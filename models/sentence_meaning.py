"""Texts read as whole sentences: how alike two items are when each word is read beside the others.

`models.story_meaning` averages each word's own vector, so "Council leisure centre saved" and "Campaigners
celebrate as town's pool is saved" are alike only as far as their words are. A sentence encoder reads the words
together: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), a six-layer transformer trained on a billion pairs
of sentences of one meaning, then tuned on Herald's labelled story pairs so that a rewrite of one council's news is
near and the council's other news, or the same news next door, is not (`bench/meaning_tune.py`). It runs on
onnxruntime from the 8-bit copy in `data/meaning/` (its README says how it was made and checked). A text's vector is
the average of its token vectors, as the model was trained; two texts are as alike as their vectors' cosine.

About 2–8 ms a text on one core (a title, or a title with its summary; the more under load), once a process:
vectors are kept for the last few days' items. Each reading runs on one thread, so gunicorn's workers and the test
workers do not fight over cores; only a batch's reading ahead uses two at once (about 1.4 times as fast). The encoder
is loaded once a process, whichever thread asks first (about 0.5 s and 80 MB; a gunicorn worker does it before its
first request, `feeds.warmup`).

A batch of new items can be given a time to spend reading texts it has not read before (`sentence_budget`): past it,
`sentences_alike` answers None for a pair with an unread text, and the story model judges that pair without this
reading (`models.story_model.story_model_without_sentences`). So a 500-item webhook whose items all resemble each
other cannot spend seconds here; texts already read cost nothing and are always used. The webhook and the feed poll
read their batch first, before its write transaction, on two threads (`read_sentences`); their allowance encloses
the transaction's, so one deadline bounds both.
"""
from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

import numpy as np

from models.allowance import Allowance, allowance

if TYPE_CHECKING:
    from onnxruntime import InferenceSession
    from tokenizers import Tokenizer

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "meaning"
MODEL_FILE = MODEL_DIR / "minilm-l6-v2-int8.onnx"
# The length sentence-transformers reads this model at (it was trained on 128); a longer text is read up to here.
MAX_TOKENS = 256
VECTORS_KEPT = 8192  # a few days of items' titles and texts; each vector 1.5 KB
# A batch's texts are read ahead on two threads (onnxruntime runs them at once): a 500-item webhook keeps its 2 s.
READ_AHEAD_THREADS = 2
_loading = threading.Lock()
_allowance: ContextVar[Allowance | None] = ContextVar("sentence_allowance", default=None)


@functools.cache
def _encoder() -> tuple["Tokenizer", "InferenceSession"]:
    """The tokenizer and the ONNX session, loaded once a process (through `_loaded`)."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # see models.story_meaning._model
    import onnxruntime
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only: its warnings are about graph shapes, not Herald's data
    return tokenizer, onnxruntime.InferenceSession(str(MODEL_FILE), options, providers=["CPUExecutionProvider"])


def _loaded() -> tuple["Tokenizer", "InferenceSession"]:
    with _loading:  # the jobs thread and a request thread must not each build a session
        return _encoder()


@functools.cache
def _wordless_ids() -> frozenset[int]:
    """The tokens that stand for no word: the start, end and unknown markers."""
    tokenizer, _ = _loaded()
    return frozenset(tokenizer.token_to_id(token) for token in ("[CLS]", "[SEP]", "[UNK]", "[PAD]"))


class _Vectors:
    """The vectors of the texts this process has read, the least recently used forgotten first (thread-safe)."""

    def __init__(self, kept: int) -> None:
        self._kept = kept
        self._found: OrderedDict[str, np.ndarray | None] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> tuple[bool, np.ndarray | None]:
        """(whether `text` has been read, its vector)."""
        with self._lock:
            if text not in self._found:
                return False, None
            self._found.move_to_end(text)
            return True, self._found[text]

    def put(self, text: str, vector: np.ndarray | None) -> None:
        with self._lock:
            self._found[text] = vector
            self._found.move_to_end(text)
            while len(self._found) > self._kept:
                self._found.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._found.clear()


_VECTORS = _Vectors(VECTORS_KEPT)


def sentence_vector(text: str) -> np.ndarray | None:
    """The unit vector of a text read as a sentence, or None for a text with no word the model knows (empty, or
    only emoji or control characters: two such texts would otherwise read as one)."""
    known, found = _VECTORS.get(text)
    if not known:
        found = _read(text)
        _VECTORS.put(text, found)
    return found


def _read(text: str) -> np.ndarray | None:
    if not text.strip():
        return None
    tokenizer, session = _loaded()
    tokens = tokenizer.encode(text)
    if set(tokens.ids) <= _wordless_ids():
        return None
    ids = np.array([tokens.ids], dtype=np.int64)
    mask = np.array([tokens.attention_mask], dtype=np.int64)
    (vectors,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
    mean = vectors[0].mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if np.isfinite(norm) and norm > 0 else None


@contextmanager
def sentence_budget(seconds: float) -> Iterator[Allowance]:
    """Within the block (in this thread), texts not read before are read only until `seconds` have passed, or
    until an enclosing block's time is spent if that comes first. The allowance yielded says whether a text was left
    unread (`ran_short`)."""
    with allowance(_allowance, seconds) as given:
        yield given


def _may_read(text: str) -> bool:
    given = _allowance.get()
    if given is None or given.left() or _VECTORS.get(text)[0]:
        return True
    given.fell_short()
    return False


def read_sentences(texts: Iterable[str], threads: int = READ_AHEAD_THREADS) -> int:
    """Read the texts not read before, on up to `threads` threads, until the time `sentence_budget` gives is spent;
    how many were read. A batch is read here before its write transaction begins (`models.stories.read_story_texts`),
    so that no writer waits on the reading and its allowance reads more of a big batch."""
    given = _allowance.get()
    unread = [text for text in texts if not _VECTORS.get(text)[0]]

    def read_share(share: list[str]) -> int:
        read = 0
        for text in share:
            if given is not None and not given.left():
                break
            _VECTORS.put(text, _read(text))
            read += 1
        return read

    shares = [unread[n::threads] for n in range(min(threads, len(unread)))]
    if len(shares) <= 1:
        read = sum(map(read_share, shares))
    else:
        with ThreadPoolExecutor(len(shares), thread_name_prefix="read-sentences") as pool:
            read = sum(pool.map(read_share, shares))
    if read < len(unread) and given is not None:
        given.fell_short()
    return read


def sentences_alike(a: str, b: str) -> float | None:
    """How alike two texts are read as sentences: their vectors' cosine, 0 when either has no words. None when a
    text is unread and the time given by `sentence_budget` is spent."""
    if not (_may_read(a) and _may_read(b)):
        return None
    va, vb = sentence_vector(a), sentence_vector(b)
    return float(va @ vb) if va is not None and vb is not None else 0.0


def forget_sentences() -> None:
    """Forget every text read (tests: to read one again as a fresh process would)."""
    _VECTORS.clear()
