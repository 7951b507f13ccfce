"""The fifth round of council rules, on headlines written for these tests (none is from a labelled
file): a place as the scene of news with no local-government word, a place beside its metro mayor,
a council by its officers, bodies and services, as the object of a verb, and councils joined at the
head of a headline."""
import pytest

from feeds.councils import council_matcher


@pytest.fixture
def matcher(make_app, sqlite_url):
    with make_app(sqlite_url).extensions["herald"].session() as s:
        yield council_matcher(s)


@pytest.mark.parametrize("headline, codes", [
    # after "in", "at", "near"… in a text with no local-government word: where it happened
    ("Supermarket chain opens distribution centre in Doncaster", []),
    ("Court hears fraud trial at Swansea", []),
    ("Carmaker to build battery plant near Sunderland", []),
    # with a local-government word, or the council's money, the place is the council's
    ("New homes in Doncaster approved", ["DNC"]),
    ("Debt losses at Spelthorne and Runnymede examined", ["SPE", "RUN"]),
    ("Government intervenes in Medway over SEND", ["MDW"]),
    # a place in a metro mayor's region, beside the mayor: the mayor's news
    ("Andy Burnham vows to fix Bolton's bus routes", ["GMCA"]),
    ("Andy Burnham and Bolton Council agree bus depot deal", ["GMCA", "BOL"]),
    ("Tracy Brabin visits Sheffield tram depot", ["WYCA", "SHF"]),
])
def test_scenes_and_mayors_places(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_explain_names_the_scene(matcher):
    [e] = matcher.evidence("Charity opens hospice in Gloucester")
    assert not e.counted and e.why.startswith('where it happened ("in Gloucester")')
    [mayor, place] = matcher.evidence("Richard Parker promises to fix Coventry's bus lanes")
    assert mayor.counted and not place.counted and "region of the mayor named (WMCA)" in place.why
