"""The story model's word terms (issue 19): which general words two items share or not, and how the model weighs
and explains them. A headline's word the other item never mentions ("inquiry", "final") is what marks a follow-up
or a second matter of one council; a council's name or a sum must never be such a word."""
from __future__ import annotations

import json

from models.story_evidence import evidence

from models.story_match import judge
from models.story_model import WEIGHTS_FILE, story_model
from models.story_terms import describe_term, pair_terms
from tests.story_items import story_item, wrexham_jobs_rewrite


def test_terms_name_words_in_both_in_both_headlines_and_in_one_headline_only():
    a = story_item("Bin strike called off in Wrexham", "Unite members accepted the council's offer.", 0, ("WRX",))
    b = story_item("Wrexham bin strike inquiry opens", "An inquiry into the strike will report in the spring.", 30,
                   ("WRX",))
    terms = pair_terms(a, b)
    assert {"both:strike", "headlines:strike", "headlines:bins"} <= terms
    # "called off" in one headline and nowhere in the other item; an inquiry (one concept with "probe") in the other
    assert {"one headline:call", "one headline:off", "one headline:probe"} <= terms
    assert not {t for t in terms if t.endswith(":wrexh") or t.endswith(":unite")}


def test_councils_names_proper_names_and_figures_are_never_terms():
    a = story_item("Woking seeks £1.2bn bailout", "Woking Borough Council asked ministers for support.", 0, ("WOI",))
    b = story_item("Woking bailout request goes to ministers", "Sir Michael Gove will decide.", 5, ("WOI",))
    words = {t.split(":", 1)[1] for t in pair_terms(a, b)}
    assert "woke" not in words and "woking" not in words
    assert not any(ch.isdigit() for w in words for ch in w)
    assert "michael" not in words and "gove" not in words


def test_a_term_is_told_as_a_reader_would_read_it():
    assert describe_term("one headline:probe") == '"probe" in one headline only'
    assert describe_term("headlines:strike") == '"strike" in both headlines'
    assert describe_term("both:budget") == '"budget" in both'


def test_the_shipped_model_weighs_terms_and_says_which_moved_it():
    spec = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert len(spec["terms"]) >= 500 and all(":" in t for t in spec["terms"])
    assert spec["about"]["terms_min_pairs"] >= 3
    a, b = wrexham_jobs_rewrite()
    found = evidence(a, b)
    assert found.veto is None and found.terms
    verdict = story_model().judge(found, rule_same=True, explain=30)
    told = [p.label for p in verdict.pushes if p.label.startswith("telling words (")]
    assert len(told) == 1 and '" in ' in told[0]
    assert judge(found).reason  # the whole judgement still explains itself
