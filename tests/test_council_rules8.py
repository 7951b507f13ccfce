"""The eighth round of council rules, on headlines written for these tests (none is from a labelled
file): a combined authority named by its region as the one acting or by its own matters; an
organisation's own verb at the head of its news; a council's service as local-government news; a
strict name among councils; the explanations behind each."""
import pytest

from feeds.councils import council_matcher


@pytest.fixture
def matcher(make_app, sqlite_url):
    with make_app(sqlite_url).extensions["herald"].session() as s:
        yield council_matcher(s)


@pytest.mark.parametrize("headline, codes", [
    # a combined authority's region opening the text, acting: the authority
    ("West Midlands to take trams into public ownership", ["WMCA"]),
    ("Greater Manchester approves new spatial strategy", ["GMCA"]),
    ("Liverpool City Region to cap bus fares at £2", ["LCR"]),
    # the authority's own matters after its region's name
    ("West Yorkshire mass transit plans delayed again", ["WYCA"]),
    ("Greater Manchester's transport strategy criticised by councillors", ["GMCA"]),
    ("Sheffield and Rotherham back South Yorkshire transport plan", ["SHF", "ROT", "SCR"]),
    # what happens to a region, or its crime, sport or weather, is the place's
    ("West Midlands to see heavy snow overnight", []),
    ("Greater Manchester to brace for rail strikes", []),
    ("West Yorkshire to get more rain after floods", []),
    ("Greater Manchester beat Lancashire in county final", []),
    # devolution is its councils' business before it is an authority's
    ("Lincolnshire County Council backs Greater Lincolnshire devolution", ["LIN"]),
])
def test_a_region_named_as_its_combined_authority(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # an organisation heading a text with its own verb, even a council verb ("unveils", "backs")
    ("Arriva unveils electric buses for Sunderland", []),
    ("Translink unveils new trains for Belfast", []),
    ("Acme Energy unveils Plymouth battery plant", []),
    # unless the text speaks of a council's money or business
    ("Investment losses at Thurrock and Woking explained", ["THR", "WOI"]),
    ("Kier Group wins Kent highways deal", ["KEN"]),
])
def test_an_organisations_own_verb(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a service only a council runs makes a text local-government news for an ordinary-word name
    ("Reading to start garden waste collections in spring", ["RDG"]),
    ("Bath to extend parking charges to Sundays", ["BAS"]),
    ("Reading to sign new striker", []),
    # a strict name listed among two or more councils is the council; beside one, Parliament
    ("Camden, Islington and Westminster to share parking contract", ["CMD", "ISL", "WSM"]),
    ("Kent and Westminster clash over asylum funding", ["KEN"]),
])
def test_ordinary_word_names_in_local_government_news(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_explanations_name_the_rule(matcher):
    by_code = {e.code: e for e in matcher.evidence("West Yorkshire to franchise buses from 2030")}
    assert by_code["WYCA"].counted and "acting" in by_code["WYCA"].why and '"to franchise"' in by_code["WYCA"].why
    by_code = {e.code: e for e in matcher.evidence("West Midlands to see heavy snow overnight")}
    assert not by_code["WMCA"].counted and "place" in by_code["WMCA"].why
    by_code = {e.code: e for e in matcher.evidence("Hackney, Camden and Westminster to pool temporary housing")}
    assert by_code["WSM"].counted and "two or more council names" in by_code["WSM"].why
