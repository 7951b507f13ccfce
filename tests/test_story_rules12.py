"""Round twelve of the story evidence (issue 19): one event told in other words is not vetoed as two (a section 114
avoided, a warning of one, a firm gone bust, a strike off, a seat won, one contest told from both sides, a bailout
asked for); a decision called in or left to ministers is the proposal's stage, not the decision's; a town that is
another council's name is a neighbour, not a town of the council."""
from __future__ import annotations

from models.places import PlaceLink
from models.story_events import different_events, headline_events
from models.story_evidence import evidence
from models.story_outcomes import outcomes_apart
from models.story_places import another_councils_town
from models.story_stages import stage
from tests.story_items import story_item


def test_a_section_114_avoided_or_warned_of_is_told_in_other_words_too():
    assert headline_events("Redcar confirms no s114 this year") == headline_events("Redcar avoids bankruptcy") \
        == {"s114 ends"}
    assert headline_events("Island council 'days from bankruptcy'") == {"s114 warning"}
    assert headline_events("Council issues section 114 notice") == {"s114"}  # the notice itself


def test_a_firm_gone_bust_is_its_collapse_not_a_councils_section_114():
    assert headline_events("Care secured after firm goes bust") == {"firm collapse"}
    assert headline_events("Home care provider collapses, council steps in") == {"firm collapse"}
    assert headline_events("Town hall roof collapses") == {"incident"}
    assert headline_events("Council goes bust") == {"s114"}


def test_a_strike_off_ends_it_and_a_seat_won_is_an_election():
    assert headline_events("Sheffield bin strikes off") == {"strike ends"}
    assert not different_events(headline_events("Bin workers vote to accept deal"),
                                headline_events("Sheffield bin strikes off"))
    assert headline_events("Reform wins Barnsley seat") == headline_events("Barnsley by-election: Reform takes seat")
    assert headline_events("Barnsley wins award for parks") == {"award"}


def test_an_appeal_over_a_refusal_is_the_appeal_not_a_ruling():
    assert headline_events("Appeal launched over rejected Battersea skyscraper") == {"court"}
    assert headline_events("Developer wins appeal over refused homes") == {"court ruling"}


def test_one_contest_told_from_both_sides_is_not_two_outcomes():
    assert outcomes_apart("Hackney by-election won by Greens", "Labour loses Hackney Downs seat to Green Party") is None
    assert outcomes_apart("Solihull wins planning appeal", "Solihull loses planning appeal") == "won / lost"


def test_a_bailout_asked_for_in_other_words_shares_more_than_the_council():
    seek = story_item("East Sussex: 'we have no choice' but to seek bailout", "The leader says it will apply for "
                      "exceptional financial support.", councils=("ESX",))
    ask = story_item("County asks government for £50m help", "East Sussex County Council has a £50m gap.", 15,
                     councils=("ESX",))
    assert evidence(seek, ask).veto is None
    bins = story_item("Three-weekly bins for East Sussex", "", 5, councils=("ESX",))
    assert evidence(seek, bins).veto == "nothing in common but the council's name"


def test_a_decision_called_in_or_left_to_ministers_is_not_yet_decided():
    assert stage("Minister calls in Medway's 1,000-home scheme") == "proposed"
    assert stage("Parking charge rise faces scrutiny call-in") == "proposed"
    assert stage("Hoo homes plan to be decided by government") == "proposed"
    assert stage("Medway councillors approve Hoo Peninsula homes") == "decided"
    assert stage("Bin strike called in Sheffield over pay grading") is None  # a strike called, not a call-in
    assert stage("Army planners called in to help clear bin backlog") is None
    called = story_item("Minister calls in Medway's 1,000-home scheme", "", councils=("MDW",))
    approved = story_item("Medway councillors approve Hoo Peninsula homes", "", 30, councils=("MDW",))
    assert evidence(called, approved).stages == "proposed / decided"


def test_a_town_that_is_another_councils_name_is_a_neighbour():
    assert another_councils_town(PlaceLink("hackney", "ISL"))
    assert not another_councils_town(PlaceLink("norwich", "NFK"))  # a district in its county's area
    assert not another_councils_town(PlaceLink("sandbach", "CHE"))  # a town, no council's name
    islington = story_item("Greens gain Islington seat from Labour", "A by-election in Highbury ward.",
                           councils=("ISL",))
    hackney = story_item("Hackney Downs by-election: Greens take seat from Labour", "The Green won by 312 votes.", 1)
    assert evidence(islington, hackney).place is None


def test_a_strike_called_off_or_ended_is_the_disputes_end_not_a_turn():
    from models.story_turns import turn, turns_apart
    assert turn("Bin strike in Sheffield called off after pay deal") is None
    assert turn("GMB calls off Birmingham bin strike after pay offer") is None
    assert turn("East Riding bin lorries back on the road") is None
    assert turn("Kirklees pauses Dewsbury sports centre closure") == "halted"  # a scheme's turn still counts
    off = story_item("Bin strike in Sheffield called off after pay deal", "Unite members accepted a revised offer.")
    deal = story_item("Sheffield refuse workers accept offer, ending dispute", "Collections will return to normal.", 6)
    assert turns_apart(off, deal) is None


def test_each_headline_naming_its_own_tier_is_two_tiers_news():
    from models.story_names import tiers_apart
    districts = "Lincoln and districts back two-unitary plan"
    county = "Lincolnshire County Council backs single unitary"
    assert tiers_apart(districts, f"{districts} District councils have submitted their own proposal.", county,
                       f"{county} The county council's proposal would abolish all seven districts.")
    both = "Suffolk County Council: 'Devolution means abolishing districts'"
    assert not tiers_apart(both, both, "Suffolk leader backs single unitary", "Suffolk leader backs single unitary")


def test_a_combined_authoritys_lead_beside_a_city_councils_headline_is_another_tier():
    from models.story_names import tiers_apart
    region = "Greater Manchester plans its own housing company"
    city = "Manchester City Council's housing company completes first homes"
    assert tiers_apart(region, f"{region} The combined authority wants to build 10,000 homes.", city,
                       f"{city} The council's company has handed over its first flats.", True)
    assert not tiers_apart(region, f"{region} The combined authority wants to build 10,000 homes.", city,
                           f"{city} The council's company has handed over its first flats.", False)


def test_neighbours_each_named_by_its_headline_are_two_councils_news():
    lambeth = story_item("Lambeth sets target of 1,000 new council homes", "The London borough's programme is funded "
                         "by the GLA and borrowing.", councils=("LBH", "GLA"))
    southwark = story_item("Southwark pledges 1,000 more council homes by 2030", "The neighbouring borough has set "
                           "its own target.", 28, councils=("SWK",))
    assert evidence(lambeth, southwark).veto == "the headlines name neighbouring councils (LBH / SWK)"
    county = story_item("Norfolk roadworks to start in May", "Norwich's ring road will be resurfaced.",
                        councils=("NFK", "NOW"))
    city = story_item("Norwich ring road works confirmed", "The county council will resurface the road.", 3,
                      councils=("NOW", "NFK"))
    assert evidence(county, city).veto is None  # a place and its county: one story at two scales
    quoted = story_item("Leader: 'We will not be the next Thurrock'", "Somerset Council's leader spoke.", 2,
                        councils=("THR", "SMT"))
    somerset = story_item("Somerset sets out route away from bankruptcy", "Cuts of £40m.", councils=("SMT",))
    assert evidence(somerset, quoted).veto is None or "neighbouring" not in evidence(somerset, quoted).veto


def test_a_vote_faced_and_its_result_are_two_events():
    from models.story_outcomes import vote_faced_and_result
    assert vote_faced_and_result("Tower Hamlets mayor faces no confidence vote",
                                 "Tower Hamlets mayor survives no confidence vote") == "faced / result"
    assert vote_faced_and_result("Oldham leader survives no-confidence vote", "Shah clings on as Oldham motion fails") \
        is None  # one result told from both sides
    assert vote_faced_and_result("Medway leader faces no-confidence motion",
                                 "Medway opposition targets leader over finances") is None


def test_one_council_doing_one_thing_to_two_objects_in_one_frame_is_two_matters():
    caz = story_item("Bath council approves clean air zone changes", "Some vans will be exempt from charges.",
                     councils=("BAS",))
    parking = story_item("Bath council approves residents' parking zone expansion", "Permits will be needed in three "
                         "new areas.", 26, councils=("BAS",))
    assert evidence(caz, parking).veto == "one council's two matters (air chang clean / expan parking resid)"
    rewrite = story_item("Bath clean air zone: council agrees changes", "Vans exempt from charges.", 4,
                         councils=("BAS",))
    assert evidence(caz, rewrite).veto is None  # the object told again
    loose = story_item("Vans exempt from Bath charges", "The council approved changes to the zone.", 4,
                       councils=("BAS",))
    assert evidence(caz, loose).veto is None  # written in another frame: the rule says nothing


def test_a_matter_halted_beside_a_step_taking_it_forward_is_a_step_and_its_reversal():
    from models.story_turns import halt_against_step
    paused = story_item("Kirklees pauses Dewsbury sports centre closure after campaign", "", councils=("KIR",))
    confirmed = story_item("Kirklees Council confirms Dewsbury sports centre closure", "", 36, councils=("KIR",))
    assert halt_against_step(paused, confirmed) == "halted / decided"
    assert evidence(paused, confirmed).veto == "opposite turns of a matter (halted / decided)"
    consults = story_item("East Sussex County Council consults on library closures", "", councils=("ESX",))
    safe = story_item("Libraries safe in East Sussex", "", 34, councils=("ESX",))
    assert halt_against_step(consults, safe) == "halted / proposed"
    rejected = story_item("Councillors reject school closure", "", councils=("DGY",))
    saved = story_item("Rural primary saved after vote", "", 4, councils=("DGY",))
    assert halt_against_step(rejected, saved) is None  # a refusal is itself the halt
    pushed = story_item("Net zero target pushed back by Surrey County Council", "", councils=("SRY",))
    dropped = story_item("Surrey abandons 2030 net zero pledge", "", 4, councils=("SRY",))
    assert halt_against_step(pushed, dropped) is None  # "pushed back" is no backing


def test_a_headline_naming_another_councils_place_the_finder_left_unread_is_a_neighbours_news():
    from models.story_places import another_councils_headline
    wokingham = story_item("Wokingham bins: weekly food collections begin", "Wokingham Borough Council has launched "
                           "food waste collections.", councils=("WOK",))
    reading = story_item("Reading moves to three-weekly collections", "The borough council agreed the change.", 5)
    assert evidence(wokingham, reading).veto == "one headline names another council's place (Reading)"
    assert another_councils_headline(story_item("Visitors to Scottish capital face 5% charge"), ("GLG",)) == \
        "scottish capital"
    assert another_councils_headline(story_item("Three Fife pools to close"), ("FIF",)) is None  # its own
    assert another_councils_headline(story_item("North Lincs ends PFI contract early"), ("NLN",)) is None
    assert another_councils_headline(story_item("Barnet cleared in Brent Cross dispute"), ("BNE",)) is None
    assert another_councils_headline(story_item("Rugby club gets long-term home"), ("BAS",)) is None


def test_a_service_taken_back_is_insourcing_and_mk_is_milton_keynes():
    from models.places import areas_named
    assert headline_events("Sunderland takes back housing repairs") == \
        headline_events("'Better value' promise as repairs brought in-house") == {"insourcing"}
    assert areas_named("MK youth workers honoured") == {"MK"}
