"""Texts read as whole sentences (models/sentence_meaning.py): the 8-bit all-MiniLM-L6-v2 shipped in data/meaning,
run without the network, reading rewrites as alike, and its place in the story model's evidence and explanations."""
from __future__ import annotations

import hashlib
import re
import socket
from dataclasses import replace

import numpy as np
import pytest

from bench import meaning_export
from models import sentence_meaning
from models.sentence_meaning import MAX_TOKENS, forget_sentences, sentence_budget, sentence_vector, sentences_alike
from models.story_evidence import evidence
from models.story_match import decide, same_story
from models.story_meaning import meaning_between
from models.story_model import FEATURES, story_model, story_model_without_sentences
from tests.story_items import story_item, wrexham_jobs_rewrite


def test_the_encoder_loads_from_the_repository_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the sentence encoder reached for the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    sentence_meaning._encoder.cache_clear()
    forget_sentences()
    found = sentence_vector("Council sets budget")
    assert found is not None and found.shape == (384,) and float(np.linalg.norm(found)) == pytest.approx(1.0, abs=1e-5)


def test_the_shipped_tokenizer_is_the_published_one():
    """The model file is made from the published weights, checked by `bench/meaning_export.py`; the tokenizer
    is copied as it is, so its digest must still be the published one."""
    shipped = hashlib.sha256((sentence_meaning.MODEL_DIR / "tokenizer.json").read_bytes()).hexdigest()
    assert shipped == meaning_export.PUBLISHED_SHA256["tokenizer.json"]


def test_the_shipped_model_is_the_one_its_readme_records():
    """The story model's weights are fitted on this file's cosines: a new file needs a new export note and a refit."""
    readme = (sentence_meaning.MODEL_DIR / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"SHA-256 of the file written:\s*`([0-9a-f]{64})`", readme)
    assert recorded and hashlib.sha256(sentence_meaning.MODEL_FILE.read_bytes()).hexdigest() == recorded.group(1)


def test_a_rewrite_of_one_turn_is_closer_than_the_same_place_s_other_news():
    """Word by word "saved" and "stay open" share nothing; read as sentences they tell one turn."""
    saved = "Campaigners celebrate as Stourbridge's pool is saved"
    assert sentences_alike("Dudley confirms Stourbridge leisure centre will stay open", saved) > \
        sentences_alike("Dudley approves new car park charges in Stourbridge", saved)
    assert sentences_alike("Bin strike called off in Birmingham", "Birmingham refuse workers end walkout") > \
        sentences_alike("Bin strike called off in Birmingham", "Birmingham library reopens after refit") > \
        sentences_alike("Council declares bankruptcy", "Football club wins cup final")


@pytest.mark.parametrize("empty", ["", "   ", "\n\t"])
def test_an_empty_text_is_alike_to_nothing(empty):
    assert sentence_vector(empty) is None
    assert sentences_alike(empty, "Council sets budget") == 0.0


def test_a_text_longer_than_the_model_reads_is_read_up_to_its_limit():
    """A feed's summary can be a whole article; the model reads its first `MAX_TOKENS` tokens and no error."""
    long_text = "Council sets budget. " + "The cabinet met on Tuesday to discuss the plans. " * 200
    assert sentences_alike(long_text, "Council sets budget") > 0.2
    tokenizer, _ = sentence_meaning._encoder()
    assert len(tokenizer.encode(long_text).ids) == MAX_TOKENS


def test_any_unicode_reads_without_error():
    for text in ("Cyngor Sir Ynys Môn", "Comhairle nan Eilean Siar", "£4.5m 📉 cut", "\u202eevil", "\x00\x01"):
        found = sentence_vector(text)
        assert found is None or np.isfinite(found).all()


@pytest.mark.parametrize("wordless", ["🙂", "🚒 🚒", "\u200b\u200b", "\x00\x01"])
def test_a_text_with_no_word_the_model_knows_is_alike_to_nothing(wordless):
    """Only start, end and unknown markers: two such texts would read as one (cosine 1) whatever they show."""
    assert sentence_vector(wordless) is None
    assert sentences_alike(wordless, "🙂") == 0.0


def test_the_encoder_gives_the_tuned_model_s_similarities_on_the_model_card_s_sentences():
    """The published model's card gives 0.666 and 0.105; tuned on the story pairs, the full-width model gives 0.864 and
    0.599 (`bench/meaning_tune.py` prints them; data/meaning/README.md). The 8-bit copy keeps them to within a few
    hundredths; a processor whose 8-bit products saturate, or a wrong export, would not."""
    lovely = "The weather is lovely today."
    assert sentences_alike(lovely, "It's so sunny outside!") == pytest.approx(0.864, abs=0.03)
    assert sentences_alike(lovely, "He drove to the stadium.") == pytest.approx(0.599, abs=0.03)


def test_the_evidence_carries_the_sentences_reading():
    read = evidence(*wrexham_jobs_rewrite()).meaning
    assert 0 < read.sentence_titles < 1 and 0 < read.sentence_texts < 1 and read.sentence_title_to_text > 0
    assert meaning_between("Council sets budget", "", "Council sets budget", "").sentence_titles == pytest.approx(1.0, abs=1e-3)


def test_the_explanation_tells_the_sentences_reading_as_one_piece_of_evidence():
    """The three cosines' weights trade against each other, so `/coverage explain` gives them together, once."""
    a = story_item("Birmingham refuse workers end walkout", "Unite members voted to accept the offer.", 0, ("BIR",))
    b = story_item("Bin strike called off in Birmingham", "Collections return to normal next week.", 3, ("BIR",))
    found = evidence(a, b)
    found = replace(found, meaning=replace(found.meaning, sentence_titles=0.95, sentence_texts=0.1, sentence_title_to_text=0.95))
    labels = [push.label for push in story_model().judge(found, True, explain=len(FEATURES)).pushes]
    told = [label for label in labels if re.fullmatch(r"alike read as sentences \(headlines 95%, whole texts 10%, a "
                                                      r"headline to the other's text 95%\)", label)]
    assert len(told) == 1 and sum("read as sentences" in label for label in labels) == 1


# ----- a batch's time for reading sentences -----------------------------------------------------

def test_past_its_time_a_batch_reads_no_text_it_has_not_read_before():
    forget_sentences()
    read_before = sentences_alike("Council sets budget", "Council agrees budget")
    with sentence_budget(0):
        assert sentences_alike("Council sets budget", "Council agrees budget") == read_before  # read: free
        assert sentences_alike("Council sets budget", "Bin strike called off") is None
    assert sentences_alike("Council sets budget", "Bin strike called off") is not None  # no budget: read


def test_within_its_time_a_batch_reads_as_before():
    forget_sentences()
    with sentence_budget(60):
        assert sentences_alike("Bin strike called off in Birmingham", "Birmingham refuse workers end walkout") > 0.5


def test_a_pair_a_batch_had_no_time_to_read_is_judged_by_the_model_fitted_without_sentences():
    forget_sentences()
    a, b = wrexham_jobs_rewrite()
    with sentence_budget(0):
        unread = same_story(a, b)
        found = evidence(a, b)
    assert not found.meaning.read_as_sentences and found.meaning.sentence_texts == 0.0
    assert found.meaning.texts > 0  # WordLlama's reading is always made
    assert unread.same and "not read as sentences" in unread.reason
    assert unread.score == round(story_model_without_sentences().judge(found, decide(found).same).probability, 3)
    read = same_story(a, b)
    assert read.same and "not read as sentences" not in read.reason
    assert evidence(a, b).meaning.read_as_sentences


def test_the_model_without_sentences_weighs_everything_but_them():
    assert [f.name for f in story_model_without_sentences().features] == \
        [f.name for f in FEATURES if f.group != "sentences"]
    assert any(f.group == "sentences" for f in story_model().features)
    assert not any(f.group == "sentences" for f in story_model_without_sentences().features)
    assert story_model().features == FEATURES

