"""How alike two items are in meaning (models/story_meaning.py): WordLlama's bundled embeddings, loaded
without the network, and their place in the story model's evidence and explanations."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
import requests

from models import story_meaning
from models.story_evidence import evidence
from models.story_meaning import plain, Meaning, alike, meaning_between, vector
from models.story_model import FEATURES, story_model
from tests.story_items import story_item, wrexham_jobs_rewrite


def test_the_model_loads_from_the_installed_package_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("story meaning reached for the network")

    monkeypatch.setattr(requests, "get", no_network)
    monkeypatch.setattr(requests.Session, "request", no_network)
    story_meaning._model.cache_clear()
    vector.cache_clear()
    assert vector("Council sets budget") is not None


def test_a_rewrite_in_other_words_is_closer_in_meaning_than_the_same_place_s_other_news():
    rewrite = alike("Bin strike called off in Birmingham", "Birmingham refuse workers end walkout")
    other_news = alike("Bin strike called off in Birmingham", "Birmingham library reopens after refit")
    unrelated = alike("Council declares bankruptcy", "Football club wins cup final")
    assert rewrite > other_news > unrelated
    assert alike("LGA launches light touch sector regulation blueprint",
                 "LG Group unveils plans for self regulation") > \
        alike("LGA launches light touch sector regulation blueprint", "Council tax to rise by 4.99% in Kent")


@pytest.mark.parametrize("empty", ["", "   ", "\n"])
def test_an_empty_text_is_alike_to_nothing(empty):
    assert vector(empty) is None
    assert alike(empty, "Council sets budget") == 0.0
    assert meaning_between("Council sets budget", empty, "Budget agreed", "").summaries == 0.0


def test_the_evidence_carries_the_meaning_and_a_veto_leaves_it_unread():
    a, b = wrexham_jobs_rewrite()
    found = evidence(a, b)
    assert found.meaning.titles > 0.3 and 0 < found.meaning.summaries < found.meaning.texts
    elsewhere = story_item("Conwy council cuts 200 jobs", "Conwy County Borough Council will shed posts.", 5, ("CWY",))
    assert evidence(a, elsewhere).veto and evidence(a, elsewhere).meaning == Meaning()


def test_the_explanation_tells_the_meaning_as_one_piece_of_evidence():
    """The four cosines' weights trade against each other, so `/coverage explain` gives their sum once."""
    a = story_item("Birmingham refuse workers end walkout", "Unite members voted to accept the offer after eleven "
                   "months.", 0, ("BIR",))
    b = story_item("Bin strike called off in Birmingham", "The city council said collections would return to normal "
                   "next week.", 3, ("BIR",))
    found = replace(evidence(a, b), meaning=Meaning(titles=0.9, texts=0.2, title_to_text=0.9, summaries=0.9))
    labels = [push.label for push in story_model().judge(found, True, explain=len(FEATURES)).pushes]
    told = [label for label in labels if re.fullmatch(r"alike in meaning \(headlines 90%, whole texts 20%, a headline "
                                                      r"to the other's text 90%, summaries 90%\)", label)]
    assert len(told) == 1 and sum("alike in meaning" in label for label in labels) == 1


def test_the_plain_meaning_reads_what_happened_without_names_and_figures():
    """One council's two matters are alike by the council's name; a rewrite naming the town where the other names the
    council is unlike by it. Read without names and figures, the texts say what happened."""
    assert plain("Wrexham council cuts 200 jobs. Wrexham County Borough Council will shed £20m") == \
        "Wrexham council cuts jobs. will shed"
    named_apart = meaning_between("Jobs go at Wrexham council", "Wrexham will shed 200 posts.",
                                  "Jobs go at Conwy council", "Conwy will shed 300 posts.")
    assert named_apart.plain_titles == pytest.approx(1.0, abs=1e-3) and named_apart.titles < 0.99
    assert named_apart.plain_texts == pytest.approx(1.0, abs=1e-3) and named_apart.texts < 0.99
