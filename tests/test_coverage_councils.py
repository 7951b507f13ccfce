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


@pytest.mark.parametrize("headline, codes", [
    # a place in a police force's or fire service's news is where it happened, unless the council is named
    ("Northumbria Police investigate Sunderland shooting", []),
    ("Fire crews tackle blaze in Swindon", []),
    ("Sunderland council leader condemns shooting", ["SND"]),
    ("Swindon Borough Council fire safety warning", ["SWD"]),
    # an institution's home council counts when the text speaks of a council and names no other
    ("Bristol Airport expansion backed by council", ["BST"]),
    ("Bristol Airport expansion wins appeal", []),
    ("Leeds Bradford Airport expansion approved by council", ["LDS"]),
    # "City's": the club's unless a council word follows
    ("Norwich City's new manager named", []),
    ("Norwich City's budget gap grows", ["NOW"]),
    # a combined authority by its region and mayor; the Mayor of London is the GLA
    ("Greater Lincolnshire mayor sets out budget", ["GLCA"]),
    ("Hull and East Yorkshire mayor sets out priorities", ["HYCA"]),
    ("Mayor of London freezes fares", ["GLA"]),
    # a compass word before a county that is not a council's name: part of the county
    ("East Kent housing partnership launched", []),
    ("Kent County Council and East Sussex share services", ["KEN", "ESX"]),
])
def test_places_that_are_not_the_council_and_authorities_by_their_region(sqlite_session, headline, codes):
    assert council_matcher(sqlite_session).find(headline) == codes


def test_the_evidence_says_why_a_place_did_not_count(sqlite_session):
    evidence = council_matcher(sqlite_session).evidence("Northumbria Police investigate Sunderland shooting")
    assert [(e.code, e.counted) for e in evidence] == [("SND", False)]
    assert "police force" in evidence[0].why
