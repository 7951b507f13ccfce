"""Round twenty-one of the story evidence (issue 19, recall on train19's odd rows): a national sum beside one named
council's share of it, whatever else the headlines count, is one matter's two figures; a think-tank, a select
committee or the employers' side named by one item and described by the other is one body told two ways; a council's
"most senior officer" is its chief executive."""
from __future__ import annotations

import pytest

from models.story_bodies import body_told_two_ways
from models.story_evidence import evidence
from models.story_figures import national_total_beside_share
from models.story_words import concepts
from tests.story_items import story_item


@pytest.mark.parametrize("national, local, agrees", [
    (("£900m to build special school places", "Councils share high-needs capital for new places."),
     ("Westvale to create 300 places with £30m", "Westvale's high-needs capital will build new special places."), True),
    (("£2bn more for pothole repairs", "Highways maintenance money for every council."),
     ("Eastmoor gets £40m for roads", "The highways maintenance allocation fixes potholes."), True),
    (("£900m to build special school places", "Councils share high-needs capital for new places."),
     ("Westvale to spend £300m on new schools", "Westvale's high-needs capital will build new special places."),
     False),  # a third of the total is no share of it
    (("£900m to build special school places", "Councils share high-needs capital for new places."),
     ("Westvale to sell £30m offices", "The civic centre goes on the market."), False),  # no words of the matter
])
def test_a_national_total_beside_a_councils_share(national, local, agrees):
    (title_a, summary_a), (title_b, summary_b) = national, local
    assert national_total_beside_share(title_a, f"{title_a}\n{summary_a}", False, title_b, f"{title_b}\n{summary_b}",
                                       True) is agrees


def test_both_naming_councils_is_no_national_total():
    assert not national_total_beside_share("£900m for Eastmoor schools", "Eastmoor's high-needs places", True,
                                           "Westvale gets £30m", "Westvale's high-needs places", True)


def test_a_national_total_lifts_the_figures_veto():
    total = story_item("Councils share £740m for special school places",
                       "The education department allocated high-needs capital to every council.", 0)
    share = story_item("Westvale to create 400 specialist places with £26m grant",
                       "Westvale's high-needs capital allocation will fund resource bases.", 20, ("WES",))
    assert evidence(total, share).veto is None


@pytest.mark.parametrize("named, described, body", [
    ("IFS: council mergers no guarantee of savings", "Savings overstated, a leading economics think-tank says",
     "the IFS"),
    ("MPs on the Housing, Communities and Local Government Committee say audit is broken",
     "A cross-party committee report urges ministers to act", "the HCLG committee"),
    ("The National Employers offer a 3.2% rise", "Unions reject council employers' offer", "the National Employers"),
    ("Centre for Cities calls for tax devolution", "The urban policy think tank says mayors need powers",
     "Centre for Cities"),
])
def test_a_commentator_told_two_ways(named, described, body):
    assert body_told_two_ways(named.lower(), described.lower()) == body


def test_a_commentator_named_by_both_is_a_shared_word_already():
    assert body_told_two_ways("ifs warns on savings", "the ifs says mergers fail") is None


def test_the_most_senior_officer_is_the_chief_executive():
    assert "chiefexec" in concepts("The council's most senior officer will leave next year")
