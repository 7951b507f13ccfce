"""The sixth round of the story rule: an item speaking of its council only by an area's name (a region, a
nickname, a demonym: `data/places/council_areas.csv`), and a county named as the place a unitary is in."""
from models.council_family import area_words, areas_only, named_areas
from models.places import areas_named, place_link
from models.story_evidence import evidence
from models.story_match import decide, same_story
from tests.story_items import story_item


def test_named_areas_are_found_by_their_written_capitals_and_lower_case_compass_words():
    assert areas_named("Black Country council scoops top national award") == {"Black Country"}
    assert areas_named("Families move into new homes in East London") == {"east London"}
    assert areas_named("Council staff in the Borders to work four days a week") == {"the Borders"}
    assert areas_named("Hedges along the borders of the county to be cut") == frozenset()
    assert areas_named("Brummie bin workers vote again") == {"Brummie"}  # not "Brum"


def test_every_area_in_the_table_names_councils_of_the_register():
    from models.places import _areas
    known = _areas()
    assert all(code in known for codes, _kind in named_areas().values() for code in codes)


def test_a_nickname_or_an_area_of_one_council_links_to_that_council_and_says_why():
    assert str(place_link(("MDB",), "Booze ban for Boro town centre")) == "'Boro' is Middlesbrough"
    assert str(place_link(("SCB",), "Council staff in the Borders to work four days a week")) == \
        "'the Borders' is The Scottish Borders"
    assert str(place_link(("WLL",), "Black Country council scoops award")) == "'Black Country' takes in Walsall"
    assert place_link(("MAN",), "Black Country council scoops award") is None


def test_an_area_of_one_council_counts_as_that_council_and_its_name_as_mentioned():
    a = story_item("Birmingham bin workers vote to extend strike into new year", "Unite members at Birmingham City "
                   "Council backed further all-out action in the dispute.", 0, ("BIR",))
    b = story_item("Unite: Brum refuse walkout will run past Christmas", "The union said its members had voted to carry "
                   "on, leaving residents facing more missed collections.", 4)
    found = evidence(a, b)
    assert found.place == "'Brum' is Birmingham"
    assert found.names_apart is None  # "Birmingham" is what "Brum" names
    assert "'Brum' is Birmingham" in same_story(a, b).reason


def test_an_area_of_several_councils_is_no_evidence_of_one_council_only_of_its_name_mentioned():
    a = story_item("Westmorland and Furness to sell two care homes", "Westmorland and Furness Council will transfer "
                   "the homes to an independent operator.", 0, ("WAF",))
    b = story_item("Residents face move as Cumbrian care homes shut", "Families have been told the council-run homes "
                   "will close within a year.")
    found = evidence(a, b)
    assert found.place is None and found.names_apart is None and not found.same_council
    assert "Cumbria" not in same_story(a, b).reason


def test_a_ceremonial_county_is_an_area_word_of_the_unitaries_in_it():
    assert "essex" in area_words(("THR",)) and "kent" in area_words(("MDW",))
    assert "essex" not in area_words(("KEN",))


def test_a_county_council_the_item_calls_a_unitary_and_never_a_county_is_only_where_the_council_is():
    assert areas_only(("ESS",), "Essex council regains control of planning. Ministers agreed the unitary had "
                                "made enough progress.") == {"ESS"}
    assert areas_only(("ESS",), "Essex County Council cuts bus routes. The county says the borough's routes stay.") \
        == frozenset()
    assert areas_only(("ESS",), "Essex council cuts bus routes") == frozenset()
    a = story_item("Thurrock commissioners hand back planning powers", "Commissioners at Thurrock Council have returned "
                   "control of planning to councillors.", 0, ("THR",))
    b = story_item("Essex council regains control of planning", "Ministers agreed the unitary had made enough progress.",
                   10, ("ESS",))
    assert evidence(a, b).veto is None
    c = story_item("Essex County Council regains control of planning", "", 10, ("ESS",))
    assert evidence(a, c).veto == "about different councils"


def test_more_of_the_sectors_words_for_its_events():
    from models.story_events import events
    assert events("ending a week of walkouts by refuse crews") == {"strike ends"}
    assert events("Carmarthenshire Council systems down after cyber incident") == {"data breach"}
    assert events("Council hit by 'criminal' IT attack") == {"data breach"}
    assert events("The Care Quality Commission's assessment found the council helped people") == {"inspection"}
    assert events("Torry homes to be flattened") == {"demolition"}
    assert events("Ealing buys hotel to cut B&B costs") == {"purchase"}
    assert events("Council snaps up vacant shops in Wellington") == {"purchase"}


def test_a_purchase_told_two_ways_is_one_event_of_the_council():
    a = story_item("Council to spend £3.5m on hotel for homeless families", "Ealing Council will buy a former hotel in "
                   "Southall as temporary accommodation.", 0, ("EAL",))
    b = story_item("Ealing buys hotel to cut B&B costs", "The west London borough says owning the building will save "
                   "money on nightly-paid accommodation.", 30, ("EAL",))
    found = evidence(a, b)
    assert found.event == "purchase"
    assert "the same event (purchase)" in same_story(a, b).reason


def test_evidence_only_kinds_join_when_shared_and_never_part_two_headlines():
    from models.story_events import different_events, events
    assert events("Norfolk to be split into two unitary councils") == {"reorganisation"}
    assert events("Secretary of state calls in Cambridge lab plan") == {"call in"}
    assert events("Lincoln's Central Market back in public hands") == {"insourcing"}
    # "To buy" and "back in public hands" are one purchase told two ways, not two events.
    assert not different_events(events("City of Lincoln Council to buy Central Market"),
                                events("Lincoln's Central Market back in public hands"))
    assert different_events(events("Medway Council leader resigns"), events("Medway names new leader"))


def test_a_reorganisation_reported_by_both_items_is_one_event_of_the_council():
    a = story_item("Minister backs county's bid in reorganisation row", "Norfolk County Council's proposal was chosen "
                   "over a rival submission by district councils.", 0, ("NFK",))
    b = story_item("Norfolk to be split into two unitary councils", "The government has chosen an east-west model for "
                   "Norfolk, overruling the districts' preferred plan.", 4, ("NFK",))
    assert evidence(a, b).event == "reorganisation"
    assert same_story(a, b).same


def test_a_councils_own_name_the_finder_left_is_the_councils_place_unless_a_club_or_a_constituency():
    assert str(place_link(("CAB",), "Minister to rule on Cambridge science building")) == \
        "'Cambridge' is Cambridge"
    assert place_link(("SND",), "Sunderland AFC sale completed") is None
    assert place_link(("BUR",), "MP for Bury North resigns party whip. The MP for Bury North has resigned.") is None


def test_a_place_named_without_its_council_beside_the_council_is_one_place():
    a = story_item("Minister to rule on Cambridge science building", "The call-in follows objections from Historic England.")
    b = story_item("Secretary of state calls in Cambridge lab plan", "The housing secretary will decide the life sciences "
                   "scheme approved by Cambridge City Council.", 9, ("CAB",))
    found = evidence(a, b)
    assert found.place == "'Cambridge' is Cambridge" and found.event == "call in"
    assert same_story(a, b).same


def test_a_councils_own_name_that_is_no_town_links_but_a_counties_bare_name_is_its_area():
    assert str(place_link(("SAW",), "Sandwell children's trust fails inspection")) == \
        "'Sandwell' is Sandwell"
    essex = place_link(("ESS",), "Pupils at five Essex primaries will be taught in temporary classrooms")
    assert essex is not None and not essex.sure  # the county's area: its councils mentioned, none of them sure
    assert place_link(("KHL",), "A city of culture bid") is None  # "city of" is no name


def test_a_town_council_is_another_body_not_the_principal_council_of_the_towns_area():
    assert place_link(("SHR",), "Quarry park handed to town council. Shrewsbury Town Council will run it.") is None
    assert not story_item("Quarry park handed to town council", "Shrewsbury Town Council will run the park.") \
        .speaks_of_a_council
    a = story_item("Shropshire Council to close Shrewsbury park toilets", "The unitary says the closures will save "
                   "£100,000.", 0, ("SHR",))
    b = story_item("Quarry park handed to town council", "Shrewsbury Town Council will run the park from April.", 28)
    found = evidence(a, b)
    assert found.place is None and not found.council_unnamed and not same_story(a, b).same


def test_a_section_114_warned_of_is_not_the_notice_issued():
    from models.story_events import different_events, events
    assert events("Southampton warns it may issue section 114 notice") == {"s114 warning"}
    assert events("Medway issues section 114 warning") == {"s114 warning"}
    assert events("Southampton issues section 114 notice") == {"s114"}
    assert different_events(events("Southampton warns it may issue section 114 notice"),
                            events("Southampton issues section 114 notice"))
    # A warning of a notice is the same crisis as a request for a bailout or a budget gap.
    assert not different_events(events("Council could go bust"), events("Council seeks exceptional financial support"))


def test_an_area_opening_a_headline_is_a_name_it_gives():
    from models.story_names import names
    assert "cumbrian" in names("Cumbrian councils sign devolution agreement")
    assert "councillors" not in names("Councillors sign devolution agreement")


def test_two_items_about_one_national_body_are_at_one_door_like_one_council():
    from models.story_bodies import sector_bodies
    assert sector_bodies("oflog publishes first annual report") == {"Oflog"}
    assert sector_bodies("the local government association warns") == {"the LGA"}
    assert sector_bodies("council pension funds pool assets") == frozenset()
    a = story_item("Oflog publishes first annual report", "The Office for Local Government has set out what it has "
                   "learned about council performance in its first annual report.")
    b = story_item("Performance watchdog's first year: councils' data 'patchy'", "Oflog says weak data makes it hard "
                   "to compare councils and calls for better reporting.", 6)
    found = evidence(a, b)
    assert found.place == "both about Oflog"
    match = same_story(a, b)
    assert match.same and "both about Oflog" in match.reason


def test_a_scheme_said_to_end_is_a_scheme_scrapped_but_never_parts_two_headlines():
    from models.story_events import as_evidence, different_events, events
    assert events("Bristol's clean air zone to end in 2027") == {"scheme ends"}
    assert as_evidence(events("Bristol's clean air zone to end in 2027")) == {"scrapping"}
    assert events("Strike to end on Friday") == {"strike ends"}
    assert not different_events(events("SEND deficits: statutory override to end in 2026"),
                                events("Councils warned of SEND deficit cliff edge"))
    a = story_item("Bristol's clean air zone to end in 2027", "Bristol City Council says nitrogen dioxide levels are now "
                   "within legal limits.", 0, ("BST",))
    b = story_item("Charging zone to be scrapped as city's air improves", "Drivers of older vehicles in Bristol will no "
                   "longer pay the daily charge.", 20)
    # the event is one (no veto), and the word rule joins them; the model weighs that with the rest
    assert evidence(a, b).event == "scrapping" and evidence(a, b).veto is None and decide(evidence(a, b)).same


def test_a_ceremonial_county_no_council_is_named_after_counts_its_councils_as_mentioned():
    link = place_link(("RDG",), "Planners in Berkshire have agreed a temporary car park for the festival")
    assert link is not None and not link.sure and "reading" in link.words
