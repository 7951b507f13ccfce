"""Council detection on a labelled set of headlines (ordinary-word names, abolished councils)."""
import csv
from pathlib import Path

import pytest

from feeds.councils import build_matcher, council_matcher

LABELLED = Path(__file__).parent / "data" / "council_headlines.csv"


def _labelled() -> list[tuple[str, set[str]]]:
    with open(LABELLED, newline="", encoding="utf-8") as fh:
        return [(r["headline"], set(filter(None, r["councils"].split(";")))) for r in csv.DictReader(fh)]


def test_precision_and_recall_on_the_labelled_headlines(session):
    rows = _labelled()
    assert len(rows) >= 150
    matcher = build_matcher(session)
    tp = fp = fn = 0
    misses = []
    for headline, wanted in rows:
        got = set(matcher.find(headline))
        tp, fp, fn = tp + len(got & wanted), fp + len(got - wanted), fn + len(wanted - got)
        if got != wanted:
            misses.append(f"{headline!r}: wanted {sorted(wanted)}, got {sorted(got)}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\ncouncil detection on {len(rows)} headlines: precision {precision:.3f}, recall {recall:.3f}")
    print("\n".join(misses))
    assert precision >= 0.95 and recall >= 0.90


@pytest.fixture
def sqlite_session(make_app, sqlite_url):
    """The rules below do not depend on the backend; the labelled-set test runs on both."""
    with make_app(sqlite_url).extensions["herald"].session() as s:
        yield s


def test_ordinary_words_need_context(sqlite_session):
    matcher = council_matcher(sqlite_session)
    assert matcher.find("Reading Borough Council sets budget") == ["RDG"]
    assert matcher.find("Councils reading the signs") == []
    assert matcher.find("Rugby union clubs ask for help") == []
    assert matcher.find("Derby and Derbyshire sign a deal") == ["DER", "DBY"]
    assert matcher.find("Ministers in Westminster") == []


def test_abolished_councils_keep_their_own_code_and_shared_names_mean_the_current_one(sqlite_session):
    matcher = council_matcher(sqlite_session)
    assert matcher.find("Northamptonshire County Council collapse") == ["NTH"]
    assert matcher.find("Somerset Council budget") == ["SMT"]


def test_the_matcher_is_built_once_per_engine(sqlite_session):
    assert council_matcher(sqlite_session) is council_matcher(sqlite_session)
