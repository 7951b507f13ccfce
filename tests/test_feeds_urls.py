"""Canonical URLs, Google unwrapping and text cleaning: the keys coverage is deduplicated by."""
from datetime import datetime, timedelta, timezone

from feeds.normalize import entry_key, from_entry, sane_time
from feeds.parse import RawEntry
from feeds.urls import canonical_url, domain_of, strip_html, unwrap_google

NOW = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)


def test_canonical_url_drops_tracking_fragment_www_and_trailing_slash():
    assert canonical_url("https://www.LGCplus.com/politics/story/?utm_source=x&b=2&a=1&fbclid=9#top") == \
        "https://lgcplus.com/politics/story?a=1&b=2"
    assert canonical_url("http://themj.co.uk:80/news/") == "http://themj.co.uk/news"


def test_google_alerts_and_news_links_unwrap_to_the_article():
    wrapped = ("https://www.google.com/url?rct=j&sa=t&url=https://www.themj.co.uk/Thurrock-crisis/123%3Futm_medium%3Demail"
               "&ct=ga&cd=CAIyGjk&usg=AOvVaw")
    assert unwrap_google(wrapped).startswith("https://www.themj.co.uk/Thurrock-crisis/123")
    assert canonical_url(wrapped) == canonical_url("https://themj.co.uk/Thurrock-crisis/123")
    assert unwrap_google("https://example.org/url?url=https://x.org") == "https://example.org/url?url=https://x.org"
    assert domain_of(wrapped) == "themj.co.uk"


def test_google_title_markup_is_stripped():
    assert strip_html("<b>Thurrock</b> Council &amp; the <b>peer challenge</b>") == "Thurrock Council & the peer challenge"
    assert strip_html('<p class="x">A<br/>B</p><!-- c -->') == "A B"
    assert strip_html("&lt;!channel&gt; &amp; <https://evil|click>") == "<!channel> & <https://evil|click>"


def test_bogus_missing_and_future_dates_become_first_seen():
    assert sane_time(None, NOW) == NOW
    assert sane_time(datetime(1970, 1, 1, tzinfo=timezone.utc), NOW) == NOW
    assert sane_time(NOW + timedelta(days=30), NOW) == NOW
    past = NOW - timedelta(days=2)
    assert sane_time(past, NOW) == past


def test_entry_keys_prefer_guid_then_link_then_hash_and_fit_the_column():
    assert entry_key("tag:lgc,2026:1", "https://a.org/x", "T") == "tag:lgc,2026:1"
    assert entry_key(None, "https://www.a.org/x?utm_source=rss", "T") == "https://a.org/x"
    assert entry_key(None, None, "T").startswith("sha256:")
    assert len(entry_key("g" * 400, None, "T")) <= 255


def test_entry_without_a_web_link_is_skipped():
    assert from_entry(RawEntry(None, "javascript:alert(1)", "T", "", None, None), NOW) is None
    kept = from_entry(RawEntry("g1", "https://a.org/x", "<i>T</i>", "<p>S</p>", (2026, 11, 22, 8, 0, 0), None), NOW)
    assert (kept.title, kept.summary, kept.published_at.day) == ("T", "S", 22)
