"""The sixteenth round of relevance rules, on headlines written for these tests (none is from a labelled file): a
regional feed keeps a place's council told by its auditors, its staff's four-day week, a pilot kept "after trial" and
its property deals, and drops a council building climbed and a shopping centre's own news."""
import pytest

from models.relevance import judge_relevance, off_topic, speaks_of_a_council
from models.relevance_words import a_pilots_fate


def judged(matcher, headline):
    return judge_relevance("mentions", matcher.find(headline), (), (), speaks_of_a_council(headline),
                           off_topic(headline))


@pytest.mark.parametrize("headline, kept", [
    ("Auditors raise concerns over Thurrock's solar investments", True),  # its external auditor
    ("Spelthorne's £1bn property investments criticised by auditor", True),
    ("Wokingham keeps four-day week after trial", True),  # its staff's working week; a pilot, not a court's trial
    ("Bury man jailed after trial for burglary", False),
    ("Inspector tells Tandridge to find room for 2,000 more homes", True),  # a planning inspector
    ("Second homes in Gwynedd face higher bills", True),  # its council tax premium
    ("Stockport buys shopping centre for £30m", True),  # a place's property deal is its council's
    ("Swindon to sell shopping centre stake", True),
    ("Merry Hill shopping centre in Dudley unveils new food hall", False),  # the centre's own news
    ("Retail chain buys Bolton store", False),
    ("Stuntman fined after scaling Halifax town hall", False),  # a building climbed is a venue
    ("Protester climbs city hall roof in Belfast", False),
])
def test_round_sixteen_kinds(matcher, headline, kept):
    result = judged(matcher, headline)
    assert result.relevant is kept, result.reason


@pytest.mark.parametrize("words, k, pilot", [
    ("council keeps four day week after trial".split(), 6, True),
    ("man jailed after trial".split(), 3, False),
    ("scheme scrapped following trial".split(), 3, True),
])
def test_a_pilots_fate(words, k, pilot):
    assert a_pilots_fate(words, k) is pilot
