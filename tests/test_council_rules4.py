"""The fourth round of council rules, on headlines written for these tests (none is from a labelled
file): short names of joined councils, authorities by acronym, a place alone as the subject of a
council decision, other bodies' news, crime and sport stories, places that are other places."""
import pytest

from feeds.council_names import short_names


@pytest.mark.parametrize("headline, codes", [
    # a joined council's first town, with council context; alone it is the town
    ("Brighton council raises parking charges", ["BNH"]),
    ("Telford to sell shopping centre stake", ["TFW"]),
    ("Brighton beach huts sell for record price", []),
    ("Kingston council leader resigns", ["KTT"]),
    ("East Riding approves coastal erosion fund", ["ERY"]),
    ("Richmond and Hounslow councils merge legal teams", ["RIC", "HNS"]),
    # combined authorities and the GLA by acronym or transport body
    ("GMCA approves £50m housing fund", ["GMCA"]),
    ("Transport for West Midlands names new director", ["WMCA"]),
    ("London Assembly questions Met Police chief", ["GLA"]),
    ("Greater London house prices rise again", []),
    # a place alone at the head of a council decision, or named as the one deciding
    ("Harrow approves new leisure centre", ["HRW"]),
    ("Boston sets out plan to revive market place", ["BOT"]),
    ("Stadium extension given the go-ahead by Brent", ["BEN"]),
    ("Bolton rated good for children's services", ["BOL"]),
    ("Rugby approves new tackle height law", []),
    # children's services are the council's; a children's hospital and a health board are not
    ("Kent children's services improve to good", ["KEN"]),
    ("Sheffield Children's Hospital opens new ward", []),
    ("Swansea health board declares critical incident", []),
    ("Cardiff and Vale University Health Board cuts beds", []),
    # other bodies' news, crime and sport stories: the place is where it happened
    ("Historic England lists Sheffield cooling towers", []),
    ("Stagecoach axes evening buses across Cumbria", []),
    ("Yorkshire Water fined over Leeds sewage spill", []),
    ("Homes England and Leeds City Council sign housing deal", ["LDS"]),
    ("Dudley signs Network Rail station deal", ["DUD"]),
    ("Woman jailed for Swindon shop robbery", []),
    ("Southampton sack manager after eight defeats", []),
    ("Derby and Derbyshire sign devolution deal", ["DER", "DBY"]),
    ("Snow and ice warning for Norfolk and Suffolk", []),
    ("Calderdale storm repairs bill tops £5m", ["CLD"]),
    # another place named after the council's, and an abolished council's place beside its successor
    ("Plans for new bridge at Old Trafford", []),
    ("Cumberland Council agrees future of Copeland offices", ["CBD"]),
    ("Somerset Council and Mendip hand over records", ["SMT", "MEN"]),
    # parliamentary seats, universities and stations named with a place
    ("Wigan MP calls for rail review", []),
    ("Bolton's MP quits party", []),
    ("Leeds North West constituency to be redrawn", []),
    ("Sheffield Central MP backs campaign", []),
    ("Hull Labour MP resigns whip", []),
    ("Leeds railway station roof to be replaced", []),
    # a town or parish council named after a district's town is not the district council
    ("Maldon Town Council objects to new homes", []),
    ("Sevenoaks Town Council and Sevenoaks District Council share offices", ["SEV"]),
    ("Queen's University Belfast cuts courses", []),
    ("Glasgow Central station roof repaired", []),
    ("Queen Elizabeth Hospital Birmingham opens new wing", []),
    ("Bolton fans stage protest over ticket prices", []),
    ("Surrey lobbies ministers over SEND funding", ["SRY"]),
    # local-government news naming only a region, or a place and a council by its tier
    ("South Yorkshire bus franchising consultation launched", ["SCR"]),
    ("South Yorkshire weather warning issued", []),
    ("Swale leisure centre funded by borough council", ["SWL"]),
    ("Brent to sell 200 homes to housing association", ["BEN"]),
    ("RBKC leader apologises to residents", ["KEC"]),
])
def test_fourth_round_rules(matcher, headline, codes):
    assert matcher.find(headline) == codes


def test_explain_names_the_context_and_the_rule(matcher):
    why = {e.named: (e.counted, e.why) for e in matcher.evidence("Harrow approves new footbridge")}
    assert why["Harrow"] == (True, 'the subject of a council decision ("approves")')
    why = {e.named: (e.counted, e.why) for e in matcher.evidence("Kent children's services improve to good")}
    assert why["Kent"] == (True, "a council service follows")
    why = {e.named: (e.counted, e.why) for e in matcher.evidence("Stagecoach axes evening buses across Cumbria")}
    assert why["Cumbria"][0] is False and "Stagecoach" in why["Cumbria"][1]
    why = {e.named: (e.counted, e.why)
           for e in matcher.evidence("Cumberland Council agrees future of Copeland offices")}
    assert why["Copeland"] == (False, "a place in the area of Cumberland Council, the council named")
    why = {e.named: (e.counted, e.why) for e in matcher.evidence("Southampton sack manager after eight defeats")}
    assert why["Southampton"] == (False, "where the sport story happened, with no local-government word")


def test_short_names_skip_ordinary_words_and_names_two_councils_share():
    councils = [("AAA", "Kingston upon Hull"), ("BBB", "Kingston upon Thames"), ("CCC", "Isle of Wight"),
                ("DDD", "Brighton and Hove"), ("EEE", "Blackburn with Darwen"), ("FFF", "Armagh City, Banbridge")]
    assert short_names(councils, taken={"blackburn"}) == [("armagh", "FFF"), ("brighton", "DDD")]
