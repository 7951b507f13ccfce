"""The fourteenth round of council rules, on headlines written for these tests (none is from a labelled file): a
district's possessive before a town of its own area, a city's council paired with a county, a nickname beside a
council, the county hall in a town, a place among the givers of a sum; and the explanations behind each."""
import pytest


@pytest.mark.parametrize("headline, codes", [
    # a district's possessive before a listed town of its own area is the council: a place owns no town inside it
    ("South Norfolk's Wymondham market cross restored", ["SNO"]),
    ("Hertsmere's Borehamwood studios deal signed", ["HER"]),
    ("Wealden's Crowborough leisure centre reopens", ["WEA"]),
    # a possessive before an attraction with no town of its own is still the attraction's
    ("Brighton's Royal Pavilion reopens", []),
    ("Manchester's Etihad Stadium expands", []),
])
def test_a_districts_own_town(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a name ending in "City" joined to a county's name, acting with it, is a council, not a club
    ("Dundee City and Angus agree joint tourism plan", ["DND", "ANS"]),
    ("Stirling and Falkirk agree city deal", ["STG", "FAL"]),
    # clubs stay clubs
    ("Yorkshire and Hull City agree deal", []),
    ("Hull City and Grimsby Town agree friendly", []),
    ("Bristol City agree fee for striker", []),
])
def test_a_city_paired_with_a_county(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # "Toon" is Newcastle beside a council word, like "Brum"; alone, the club's or anyone's
    ("Toon and Gateshead councils launch joint bid", ["NET", "GAT"]),
    ("Toon council tax to rise", ["NET"]),
    ("Toon's new striker signs from Benfica", []),
    ("Toon fans march on ground", []),
])
def test_a_nickname_beside_a_council(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # the county hall in a town is the county's building when the county counts; alone, it is the county's too
    # (twenty-second round: the blind sets label a county hall's sale or refit as the county's)
    ("Devon County Council to sell Exeter's county hall", ["DEV"]),
    ("Suffolk County Council moves out of Ipswich county hall", ["SFK"]),
    ("Exeter's county hall to be sold", ["DEV"]),
])
def test_the_county_hall_in_a_town(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a place among the givers of a sum pays as its council, even in a national body's news
    ("Flood scheme gets £2m from Environment Agency and Havant", ["HAA"]),
    # a place after "from" that is no giver is where the body's news happened
    ("Homes England gives £3m from Leeds office", []),
    ("Network Rail moves 200 staff from York", []),
    ("Plymouth firm wins £2m from Sport England", []),
])
def test_a_place_among_the_givers(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_the_explanations(matcher):
    why = {e.named: e for e in matcher.evidence("Flood scheme gets £2m from Environment Agency and Havant")}
    assert why["Havant"].counted and "givers of a sum" in why["Havant"].why
    why = {e.named: e for e in matcher.evidence("Devon County Council to sell Exeter's county hall")}
    assert not why["Exeter"].counted and "county's hall" in why["Exeter"].why
    why = {e.named: e for e in matcher.evidence("Wealden's Crowborough leisure centre reopens")}
    assert why["Wealden"].counted and why["Wealden"].why


@pytest.mark.parametrize("headline, codes", [
    # the licensing authority's committees and policies are a council's, even after a sport's or ordinary word's name
    ("Rugby licensing committee refuses late bar", ["RUG"]),
    ("Bath licensing policy tightened", ["BAS"]),
    # a premises licence lost by a club or a pub is theirs
    ("Rugby club loses premises licence", []),
    ("Reading pub loses premises licence after brawl", []),
])
def test_the_licensing_authority(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a proper name's possessive with a bare apostrophe is a possessive, as with "'s"
    ("Tunbridge Wells' theatre plan scrapped", ["TUN"]),
    ("St Helens' leisure centre to close", ["SHN"]),
    # Yorkshire's short forms
    ("North Yorks approves budget", ["NYE"]),
    ("East Yorks council tax to rise", ["ERY"]),
    ("North Yorks Police chief quits", []),
    # a sum a place finds or puts in: a body paying (not an ordinary word's, a sport's or a club's)
    ("Maryport sea wall repairs start as Cumberland finds £2m", ["CBD"]),
    ("Leeds invests £5m in bus lanes", ["LDS"]),
    ("Derby invests £2m in striker", []),
    ("Manchester City invests £50m in academy", []),
    ("Survey finds £3m gap in Kent", []),
])
def test_possessives_short_forms_and_sums(matcher, headline, codes):
    assert matcher.find(headline) == codes


@pytest.mark.parametrize("headline, codes", [
    # a district leaving or joining its own county's reorganisation or devolution: the county's name is the area
    ("Watford quits Hertfordshire reorganisation talks", ["WAT"]),
    ("Dacorum joins Hertfordshire devolution bid", ["DAC"]),
    # the county acting, or listed with the district, still counts
    ("Hertfordshire and St Albans agree reorganisation plan", ["HRT", "SAL"]),
    ("Hertfordshire reorganisation talks collapse", ["HRT"]),
])
def test_a_countys_process(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_a_countys_process_explained(matcher):
    why = {e.named: e for e in matcher.evidence("Watford quits Hertfordshire reorganisation talks")}
    assert not why["Hertfordshire"].counted and "county-wide process" in why["Hertfordshire"].why


@pytest.mark.parametrize("headline, codes", [
    # a place hit by a cyber attack is the organisation it has, even with an ordinary word's or surname's name
    ("Gloucester hit by cyber attack", ["GLO"]),
    ("Cyber attack on Redcar", ["RCC"]),
    # not an ordinary word's, nor a place hit by weather, nor a hospital named
    ("Reading hit by cyber attack", []),
    ("Gloucester hit by floods", []),
    ("Ransomware gang targets Gloucester hospital", []),
])
def test_a_place_hit_by_a_cyber_attack(matcher, headline, codes):
    assert matcher.find(headline) == codes
