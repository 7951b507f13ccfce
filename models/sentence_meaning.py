"""Texts read as whole sentences: how alike two items are when each word is read beside the others.

`models.story_meaning` averages each word's own vector, so "Council leisure centre saved" and "Campaigners
celebrate as town's pool is saved" are alike only as far as their words are. A sentence encoder reads the words
together: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), a six-layer transformer trained on a billion pairs
of sentences of one meaning, run by onnxruntime from the 8-bit copy in `data/meaning/` that
`bench/meaning_export.py` makes from the published weights (checked by their SHA-256). A text's vector is the
average of its token vectors, as the model was trained; two texts are as alike as their vectors' cosine.

About 8 ms a text on one core (a title, or a title with its summary), once a process: vectors are kept for the
last few days' items. One thread a process, so gunicorn's workers and the test workers do not fight over cores.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "meaning"
MODEL_FILE = MODEL_DIR / "minilm-l6-v2-int8.onnx"
MAX_TOKENS = 256  # what the model was trained on; a longer text is read up to here


@functools.cache
def _encoder():
    """The tokenizer and the ONNX session, loaded once a process (about 25 MB)."""
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


@functools.lru_cache(maxsize=8192)  # a few days of items' titles and texts; each vector 1.5 KB
def sentence_vector(text: str) -> np.ndarray | None:
    """The unit vector of a text read as a sentence, or None for a text with nothing in it."""
    if not text.strip():
        return None
    tokenizer, session = _encoder()
    tokens = tokenizer.encode(text)
    ids = np.array([tokens.ids], dtype=np.int64)
    mask = np.array([tokens.attention_mask], dtype=np.int64)
    (vectors,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})
    mean = vectors[0].mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if np.isfinite(norm) and norm > 0 else None


def sentences_alike(a: str, b: str) -> float:
    """How alike two texts are read as sentences: their vectors' cosine, 0 when either is empty."""
    va, vb = sentence_vector(a), sentence_vector(b)
    return float(va @ vb) if va is not None and vb is not None else 0.0
