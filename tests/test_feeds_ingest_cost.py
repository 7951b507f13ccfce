"""The cheaper ingestion path gives exactly what the plain one gave: feedparser's URLs with the
memoised base resolution, VADER's scores with the tone shortcut, and each stored row its own id."""
import csv
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import feedparser.mixin
import feedparser.urls
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from feeds.tone import ToneModel, tone_of
from feeds.ingest import claim_alerts, classify_and_store
from feeds.normalize import from_fields
from feeds.parse import parse_bytes
from models.alerts import AlertRule
from models.coverage import CoverageCouncil, CoverageItem, Story
from models.outlet import Outlet

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
HEADLINES = Path(__file__).parent / "data" / "council_headlines.csv"
BASE = "https://news.example.org/feeds/main.xml"
RELATIVE_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Relative</title><link>/</link>
<item><title>Permalink guid, relative link</title><link>/news/1</link><guid>/news/1</guid></item>
<item><title>Opaque guid</title><link>news/2?x=1</link><guid isPermaLink="false">item-2</guid></item>
<item><title>Absolute</title><link>https://other.example.com/3</link><guid>12345</guid></item>
</channel></rss>"""
ATOM_WITH_BASE = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.net/blog/">
<title>Atom</title><link href="/"/>
<entry xml:base="posts/"><title>Nested base</title><link href="one.html"/><id>tag:atom,2026:1</id></entry>
<entry><title>Outer base</title><link href="../two.html"/><id>two</id></entry>
</feed>"""


def _plain_feedparser(body: bytes, monkeypatch) -> list[tuple]:
    with monkeypatch.context() as patched:
        patched.setattr(feedparser.mixin, "make_safe_absolute_uri", feedparser.urls.make_safe_absolute_uri)
        result = feedparser.parse(io.BytesIO(body), response_headers={"content-location": BASE,
                                  "content-type": "application/xml"}, sanitize_html=False,
                                  resolve_relative_uris=False)
    return [(e.get("id") or None, e.get("link") or None) for e in result.entries]


@pytest.mark.parametrize("body", [RELATIVE_FEED, ATOM_WITH_BASE], ids=["rss", "atom-xml-base"])
def test_memoised_base_resolution_gives_feedparsers_own_urls(body, monkeypatch):
    parsed = parse_bytes(body, "application/xml", BASE)
    assert [(e.guid, e.link) for e in parsed.entries] == _plain_feedparser(body, monkeypatch)
    assert all(e.link.startswith("https://") for e in parsed.entries)


def test_relative_links_still_resolve_against_the_feeds_url():
    links = [e.link for e in parse_bytes(RELATIVE_FEED, "application/rss+xml", BASE).entries]
    assert links == ["https://news.example.org/news/1", "https://news.example.org/feeds/news/2?x=1",
                     "https://other.example.com/3"]
    atom = [e.link for e in parse_bytes(ATOM_WITH_BASE, "application/atom+xml", BASE).entries]
    assert atom == ["https://atom.example.net/blog/posts/one.html", "https://atom.example.net/two.html"]


VADER = SentimentIntensityAnalyzer()
TRICKY = [
    "", "   ", "Council", "Council budget report", "Council is not good", "Council is kind of good",
    "Thurrock is very bad but the future is bright", "NO funding for GOOD schools", "no good at all",
    "Never so happy with the council!!!", "Is this fair???", "Woking :) council", "Leader :-( resigns",
    "Council 😀 budget", "Café culture council", "at least the council tried", "least good council ever",
    "without doubt the best", "the shit council", "a bus stop plan", "cut the mustard", "Council: GOOD?!",
    "isn't it lovely", "Council can't cope", "sort of fine", "Reading council",
]


def _headlines() -> list[str]:
    with HEADLINES.open(encoding="utf-8") as fh:
        return [row["headline"] for row in csv.DictReader(fh)]


def test_tone_shortcut_scores_exactly_as_vader_on_headlines_and_edge_cases():
    model = ToneModel()
    texts = _headlines() + TRICKY
    assert [model.compound(t) for t in texts] == [VADER.polarity_scores(t)["compound"] for t in texts]
    skipped = [t for t in _headlines() if not model.has_lexicon_word(t)]
    assert len(skipped) > len(_headlines()) // 3  # the shortcut is worth having on real headlines
    assert tone_of("Council praised for excellent care") == tone_of("Council praised for excellent care")


WORDS = sorted(BOOSTER_DICT)[:20] + NEGATE[:15] + [
    "council", "budget", "good", "bad", "great", "crisis", "no", "not", "but", "kind", "of", "least", "at",
    "very", "never", "so", "this", "without", "doubt", "the", "shit", "bomb", "GOOD", "BAD", "Council", ":)",
    ":(", "fails", "praised", "!", "?", "cuts", "welcome", "love", "hate", "n't", "isn't", "Thurrock"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(["", ".", "!", "?!", "!!!", "??"]))
def test_tone_shortcut_matches_vader_on_generated_text(words, end):
    text = " ".join(words) + end
    assert ToneModel().compound(text) == VADER.polarity_scores(text)["compound"]


def _candidates(count: int):
    titles = ["Thurrock Council faces commissioners", "Woking budget crisis deepens", "Bath plans new homes"]
    return [from_fields(f"https://www.example.org/story/{n}?utm_source=x",
                        titles[n % 3] if n % 5 else f"Unique story {n} about Reading Borough Council",
                        "Summary", NOW - timedelta(hours=1, minutes=n), NOW) for n in range(count)]


def test_a_big_batch_stores_each_row_under_its_own_id_story_and_councils(herald):
    candidates = _candidates(300)
    with herald.session() as s:
        result = classify_and_store(s, candidates + candidates[:10], source="webhook", now=NOW)
        assert len(result.created) == 300 and len(set(result.created)) == 300
    with herald.session() as s:
        rows = {url: (item_id, title, story_id) for item_id, url, title, story_id in s.execute(
            select(CoverageItem.id, CoverageItem.canonical_url, CoverageItem.title, CoverageItem.story_id))}
        published = dict(s.execute(select(CoverageItem.canonical_url, CoverageItem.published_at)).all())
        council_times = {row[0]: row[1] for row in s.execute(
            select(CoverageCouncil.coverage_id, CoverageCouncil.published_at, CoverageCouncil.tone))}
        stories = dict(s.execute(select(Story.id, Story.title)).all())
        councils = {(cid, code) for cid, code in s.execute(select(CoverageCouncil.coverage_id,
                                                                  CoverageCouncil.council_code))}
        by_id = {s_.item_id: s_.canonical_url for s_ in result.stored}
    for candidate in candidates:
        item_id, title, story_id = rows[candidate.canonical_url]
        assert by_id[item_id] == candidate.canonical_url and title == candidate.title
        assert stories[story_id] == candidate.title
        assert published[candidate.canonical_url] == candidate.published_at  # UTC-aware, to the second
        assert council_times.get(item_id, candidate.published_at) == candidate.published_at
    assert len(stories) == 3 + 60  # three shared stories, sixty unique ones
    thurrock = rows[candidates[3].canonical_url][0]
    assert (thurrock, "THR") in councils and (rows[candidates[2].canonical_url][0], "THR") not in councils
    with herald.session() as s:
        again = classify_and_store(s, candidates[:5], source="webhook", now=NOW)
        assert again.created == [] and sorted(again.known) == sorted(rows[c.canonical_url][0] for c in candidates[:5])


def test_alert_rules_see_each_items_council_tone_and_tier_in_one_pass(herald):
    candidates = _candidates(12)
    with herald.session() as s:
        national = Outlet(name="The National", tier="national")
        s.add_all([national, AlertRule(platform="slack", destination="CTHR", council_code="THR", created_at=NOW),
                   AlertRule(platform="slack", destination="CNEG", negative_only=True, created_at=NOW),
                   AlertRule(platform="slack", destination="CNAT", tier="national", created_at=NOW)])
        s.flush()
        ids = classify_and_store(s, candidates, source="webhook", now=NOW).created
        negative = classify_and_store(s, [from_fields("https://b.org/x", "Thurrock news", "", NOW, NOW)],
                                      source="webhook", now=NOW, tone="negative", outlet_id=national.id).created
        claimed = claim_alerts(s, ids + negative, NOW)
    thurrock = {ids[n] for n, c in enumerate(candidates) if c.title.startswith("Thurrock")}
    gloomy = {ids[n] for n, c in enumerate(candidates) if tone_of(c.title)[0] == "negative"}
    assert thurrock and gloomy
    assert {i for rule, i in claimed if rule == 1} == thurrock | set(negative)
    assert {i for rule, i in claimed if rule == 2} == gloomy | set(negative)
    assert {i for rule, i in claimed if rule == 3} == set(negative)
