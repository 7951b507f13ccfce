"""Parsing bytes in the worker process: bozo feeds, entity bombs, and the deadline."""
import pytest

from feeds.normalize import entry_title
from feeds.parse import ParseError, ParserProcess, parse_bytes
from feeds.tone import tone_of
from tests.coverage_fixtures import Entry, rss

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10}">'.encode()
                             for i in range(1, 10))
                  + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
                    b'<link>https://bomb.example/1</link></item></channel></rss>')


def test_bozo_feed_with_entries_is_kept_and_says_why():
    body = rss([Entry("Caf\u00e9", "https://a.org/1")]).replace("Caf\u00e9".encode(), b"Caf\xe9")
    parsed = parse_bytes(body, "application/rss+xml; charset=utf-8")
    assert len(parsed.entries) == 1 and parsed.bozo_reason


def test_bozo_feed_without_entries_fails():
    with pytest.raises(ParseError, match="not valid RSS"):
        parse_bytes(b"<html><body>Not a feed</body></html>", "text/html")


def test_entity_bombs_and_external_entities_are_refused_before_parsing():
    for level in (3, 5, 9):
        with pytest.raises(ParseError, match="entity bomb"):
            parse_bytes(BILLION_LAUGHS.replace(b"&lol9;", b"&lol%d;" % level), "application/xml")
    xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b'<rss version="2.0"><channel><item><title>&xxe;</title><link>https://x.org/1</link></item></channel></rss>')
    with pytest.raises(ParseError, match="entity bomb"):
        parse_bytes(xxe, "application/xml")


def test_plain_declared_entities_that_real_feeds_use_still_parse():
    body = rss([Entry("Budget&#160;news", "https://a.org/1")]).replace(
        b"<rss", b'<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss', 1)
    assert [e.link for e in parse_bytes(body, "application/rss+xml").entries] == ["https://a.org/1"]


def test_a_parse_over_the_deadline_kills_the_worker_and_the_next_parse_works():
    worker = ParserProcess(memory_mb=512)
    big = rss([Entry(f"Story {i}", f"https://a.org/{i}") for i in range(20000)])
    try:
        with pytest.raises(ParseError, match="longer than"):
            worker.parse(big, "application/rss+xml", None, timeout=0.05)
        small = worker.parse(rss([Entry("Fine", "https://a.org/x")]), "application/rss+xml", None, timeout=30)
        assert [e.title for e in small.entries] == ["Fine"]
    finally:
        worker.stop()


def test_the_worker_scores_each_headline_as_herald_would_while_the_parent_works():
    worker = ParserProcess(memory_mb=512)
    headlines = ["Council <b>praised</b> for excellent care", "Council criticised over failing services",
                 "Cabinet meets on Tuesday"]
    try:
        parsed = worker.parse(rss([Entry(h, f"https://a.org/{n}") for n, h in enumerate(headlines)]),
                              "application/rss+xml", None, timeout=30)
        tones = worker.tones_of(parsed, timeout=30)
        titles = [entry_title(e) for e in parsed.entries]
        assert tones == {title: tone_of(title) for title in titles}
        assert [tones[t][0] for t in titles] == ["positive", "negative", "neutral"]
        assert worker.tones_of(parsed, timeout=30) == {}  # read once
    finally:
        worker.stop()


def test_a_parse_whose_tones_were_never_read_leaves_the_next_parse_in_step():
    worker = ParserProcess(memory_mb=512)
    try:
        first = worker.parse(rss([Entry("Council praised", "https://a.org/1")]), "application/rss+xml", None, 30)
        second = worker.parse(rss([Entry("Council criticised", "https://a.org/2")]), "application/rss+xml", None, 30)
        assert [e.title for e in second.entries] == ["Council criticised"]
        assert worker.tones_of(first, timeout=30) == {}  # a later parse came first: the caller scores
        assert set(worker.tones_of(second, timeout=30)) == {"Council criticised"}
    finally:
        worker.stop()


def test_a_classifier_uses_tones_scored_elsewhere_and_scores_the_rest_itself(session):
    from feeds.classify import Classifier
    asked = []

    def scored():
        asked.append(1)
        return {"Council praised": ("negative", -0.5)}  # deliberately not VADER's answer: proof it was used

    classifier = Classifier(session, scored=scored)
    assert classifier.classify("Council praised", "").tone == "negative"
    assert classifier.classify("Council criticised over failings", "").tone == tone_of(
        "Council criticised over failings")[0]
    assert asked == [1]  # fetched once, at the first headline


def test_the_tag_matcher_is_kept_until_a_programme_or_campaign_phrase_changes(session):
    from datetime import datetime, timezone

    from feeds.classify import build_tag_matcher
    from models.programme import Programme
    programme = Programme(name="Digital Pathfinders", aliases=[], keywords=["cyber resilience"],
                          created_at=datetime(2026, 11, 2, tzinfo=timezone.utc))
    session.add(programme)
    session.flush()
    first = build_tag_matcher(session)
    assert build_tag_matcher(session) is first  # nothing changed: not decoded and tokenised again
    assert [t.tag for t in first.find("Council boosts cyber resilience")] == ["Digital Pathfinders"]
    assert first.find("Phishing drills for council staff") == ()
    programme.keywords = ["cyber resilience", "phishing drills"]
    session.flush()
    second = build_tag_matcher(session)
    assert second is not first
    assert [t.tag for t in second.find("Phishing drills for council staff")] == ["Digital Pathfinders"]
    programme.name = "Cyber Pathfinders"
    session.flush()
    assert [t.tag for t in build_tag_matcher(session).find("cyber resilience")] == ["Cyber Pathfinders"]
