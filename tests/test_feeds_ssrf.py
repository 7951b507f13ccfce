"""The SSRF guard: only public http(s) on standard ports, checked after DNS and on every hop."""
import pytest

from feeds.fetch import FetchError, UnsafeURL, check_url, fetch_feed
from models import netguard
from feeds.limits import FeedLimits
from tests.coverage_fixtures import feed_answer, rss, Entry
from tests.fakes.http import Answer, FakeServer

LIMITS = FeedLimits(HERALD_FEED_TOTAL_TIMEOUT=3, HERALD_FEED_READ_TIMEOUT=2)


@pytest.mark.parametrize("url", ["/etc/passwd", "file:///etc/passwd", "ftp://example.org/feed",
                                 "gopher://example.org/", "javascript:alert(1)", "http://user:pw@example.org/"])
def test_non_web_urls_are_refused_before_any_io(url):
    with pytest.raises(UnsafeURL):
        check_url(url, allow_private=False)


@pytest.mark.parametrize("url", ["http://127.0.0.1/feed", "http://[::1]/feed", "http://169.254.169.254/latest",
                                 "http://10.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
                                 "http://0.0.0.0/", "http://224.0.0.1/", "http://100.64.0.1/", "http://localhost/",
                                 "http://[fe80::1]/", "http://[fc00::1]/", "http://127.0.0.1:5432/"])
def test_private_loopback_link_local_and_reserved_addresses_are_refused(url):
    with pytest.raises(UnsafeURL):
        check_url(url, allow_private=False)


def test_allow_private_feeds_lifts_the_guard_for_local_feeds():
    assert check_url("http://127.0.0.1:8080/feed", allow_private=True).address == "127.0.0.1"


def test_a_redirect_to_a_private_address_is_blocked_at_that_hop(monkeypatch):
    """Loopback plays 'the public internet' here (the guard's predicate and port rule are widened
    for 127.0.0.1 only), so the first hop connects and the second, to the metadata address, must not."""
    real = netguard.forbidden
    monkeypatch.setattr(netguard, "forbidden", lambda a: a != "127.0.0.1" and real(a))
    with FakeServer() as server:
        monkeypatch.setattr(netguard, "STANDARD_PORTS", frozenset({server.port}))
        server.script("/feed", Answer(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"}))
        with pytest.raises(UnsafeURL):
            fetch_feed(f"{server.url}/feed", LIMITS, allow_private=False)
        assert len(server.received("/feed")) == 1


def test_redirects_are_followed_up_to_the_limit_then_refused():
    with FakeServer() as server:
        server.script("/a", Answer(301, b"", {"Location": "/b"}))
        server.script("/b", feed_answer(rss([Entry("T", "https://a.org/1")])))
        assert fetch_feed(f"{server.url}/a", LIMITS, allow_private=True).body.startswith(b"<?xml")
        server.script("/loop", Answer(302, b"", {"Location": "/loop"}))
        with pytest.raises(FetchError, match="redirected more than 5"):
            fetch_feed(f"{server.url}/loop", LIMITS, allow_private=True)
        assert len(server.received("/loop")) == 6


def test_gzip_bomb_and_oversized_bodies_stop_at_the_cap():
    import gzip
    bomb = gzip.compress(b"<" * 20_000_000)
    small = FeedLimits(HERALD_FEED_MAX_BYTES=1_000_000, HERALD_FEED_TOTAL_TIMEOUT=3)
    with FakeServer() as server:
        server.script("/bomb", Answer(200, bomb, {"Content-Encoding": "gzip", "Content-Type": "application/xml"}))
        with pytest.raises(FetchError, match="larger than"):
            fetch_feed(f"{server.url}/bomb", small, allow_private=True)


def test_a_slow_drip_is_cut_at_the_total_deadline():
    quick = FeedLimits(HERALD_FEED_TOTAL_TIMEOUT=0.5, HERALD_FEED_READ_TIMEOUT=0.3)
    with FakeServer() as server:
        server.script("/slow", Answer(200, b"<rss/>", delay=2))
        with pytest.raises(FetchError, match="in time|too long"):
            fetch_feed(f"{server.url}/slow", quick, allow_private=True)


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """Resolution happens once per hop; Herald connects to that address and names the host in
    `Host`, so a resolver that changes its answer afterwards (DNS rebinding) is not consulted."""
    import socket
    real = socket.getaddrinfo
    answers = []

    def resolver(host, port, *args, **kwargs):
        if host == "feeds.test":
            answers.append(host)
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with FakeServer() as server:
        server.script("/rss", feed_answer(rss([Entry("T", "https://a.org/1")])))
        fetch_feed(f"http://feeds.test:{server.port}/rss", LIMITS, allow_private=True)
        assert server.received("/rss")[0].headers["host"] == f"feeds.test:{server.port}"
    assert answers == ["feeds.test"]
