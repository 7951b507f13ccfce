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


@pytest.mark.parametrize("headline, codes", [
    # a proper name of its own after a place makes a body named after it; parties and plans do not
    ("Sheffield Tigers owner plans new ground", []),
    ("Cardiff Harbour Authority posts profits", []),
    ("HMP Leeds inspection finds drug problem", []),
    ("Leeds Labour group picks new leader", ["LDS"]),
    ("Mole Valley Local Plan adopted", ["MOL"]),
    # a body called a council is not local government
    ("Arts Council funding for Wakefield theatre company", []),
    # a combined authority's region as a place is neither the authority nor its city
    ("Greater Manchester weather warning issued", []),
    ("Greater Manchester mayor backs housing fund", ["GMCA"]),
    ("York and North Yorkshire bus strike", ["YOR", "NYE"]),
    # a metro mayor by name is the authority
    ("Andy Burnham criticises rail firm", ["GMCA"]),
    ("Brabin sets out bus fares cap", ["WYCA"]),
    ("Ward boundaries redrawn in Leeds", ["LDS"]),
    # an ordinary-word name opening local-government news is the council
    ("Bury to cut 120 posts to close budget gap", ["BUR"]),
    ("Bury market wins award", []),
    # a constituency, a firm based in a place, a fixture
    ("MP for Wigan calls for inquiry", []),
    ("Leeds-based firm wins contract", []),
    ("Leeds v Liverpool tickets sold out", []),
    ("Leeds City Council v government in court", ["LDS"]),
])
def test_bodies_named_after_places_regions_mayors_and_ordinary_word_councils(sqlite_session, headline, codes):
    assert council_matcher(sqlite_session).find(headline) == codes
