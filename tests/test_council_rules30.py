"""Round thirty's council rules, on headlines written for these tests (none is from a labelled file): a city's own
parish council is not the district of the same name; a place's school closures are its council's; care at home after
a place is a council service; auditors of councils alone; a capital or a nation's largest council by description;
Cornwall's headquarters by name. And the traps beside each."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    ("Lichfield City Council raises its precept by 4%", []),
    ("Chichester City Council mayor opens Christmas market", []),
    ("Lichfield District Council approves city centre masterplan", ["LIF"]),
    ("Chichester council and Lichfield City Council sign twinning deal", ["CHI"]),
])
def test_a_citys_own_parish_council_is_not_the_district_of_its_name(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Ceredigion school closures plan paused after protests", ["CGN"]),
    ("Powys school transport changes anger parents", ["POW"]),
    ("Pembrokeshire school wins national music award", []),  # one school, not the council's schools
])
def test_a_places_schools_as_a_system_are_its_councils(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Regulator rates East Lothian care at home service as good", ["ELN"]),
    ("Accounts Commission raises concerns over Moray finances", ["MRY"]),
    ("Local Government Auditor criticises spending at Mid Ulster", ["MUL"]),
])
def test_council_services_and_their_own_auditors(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    ("Council tax in the Welsh capital to rise by 6%", ["CRF"]),
    ("Scotland's largest council approves budget with 300 job cuts", ["GLG"]),
    ("Europe's largest local authority faces fresh equal pay bill", ["BIR"]),
    ("Fans pour into the Welsh capital for the Six Nations", []),  # no council spoken of
])
def test_a_capital_or_largest_council_by_description(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_cornwalls_headquarters_by_name(matcher):
    assert matcher.find("New County Hall staff told of restructure") == ["CON"]
