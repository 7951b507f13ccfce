"""Same-event evidence for the story rule: event kinds and their ends, figures told two ways, names."""
from datetime import timedelta

from models.story_events import different_events, events
from models.story_figures import figures, figures_agree
from models.story_evidence import evidence
from models.story_match import same_story
from models.story_names import names
from models.story_text import StoryText
from tests.story_items import T, story_item


def test_an_event_and_its_end_are_two_events_and_two_ways_of_ending_one_are_one():
    assert events("Bin workers strike over pay") == {"strike"}
    assert events("Bin strike called off after pay deal") == {"strike ends", "settlement"}
    assert different_events(events("Bin workers strike over pay"), events("Bin strike called off after pay deal"))
    assert not different_events(events("Sandwell exits intervention"), events("Government ends Sandwell intervention"))


def test_steps_of_one_crisis_are_not_different_events():
    assert not different_events(events("Havering warns of bankruptcy"), events("Havering seeks exceptional support"))
    assert different_events(events("Woking issues section 114 notice"), events("Commissioners appointed at Woking"))


def test_figures_are_amounts_not_years_or_names_and_rounding_makes_one_figure():
    assert figures("Spending review 2025: councils get 2.6% rise") == {(2.6, 0.1)}
    assert figures("HS2 and Room151 on section 114") == frozenset()
    assert figures_agree(figures("Bradford gets 10% council tax rise"), figures("Council tax to rise 9.99%"))
    assert not figures_agree(figures("95 jobs to go"), figures("100 jobs to go"))


def test_names_are_capitalised_words_but_not_in_title_case_headlines():
    assert names("Solihull signs HS2 interchange deal") == {"solihull", "hs2"}
    assert names("Council Leader Resigns After Budget Row") == frozenset()


def test_the_same_council_and_the_same_event_make_one_story_with_few_words_shared():
    a = story_item("Rotherham exits oversight after ten years", "Rotherham Council has been released from government "
                   "oversight.", 0, ("ROT",))
    b = story_item("Government hands Rotherham back full powers", "Commissioners have left Rotherham after a decade of "
                   "intervention.", 4, ("ROT",))
    match = same_story(a, b)
    assert match.same and "the same event (intervention ends)" in match.reason


def test_a_council_s_next_event_is_another_story_whatever_the_words_shared():
    a = story_item("Tower Hamlets exits government oversight", "Ministers ended the intervention at Tower Hamlets.", 0,
                   ("TWH",))
    b = story_item("Tower Hamlets given best value notice", "The government issued Tower Hamlets with a notice.", 30,
                   ("TWH",))
    match = same_story(a, b)
    assert not match.same and match.reason.startswith("different events")


def test_tone_plays_no_part():
    a = StoryText("Audit backlog: government sets backstop date", "Councils must sign off accounts by a backstop.",
                  T, (), "negative")
    b = StoryText("Backstop set to clear local audit backlog", "Ministers will legislate for a backstop.",
                  T + timedelta(hours=8), (), "positive")
    assert same_story(a, b).same


def test_commissioners_departing_is_the_intervention_ending():
    assert events("Commissioners depart Liverpool after four years") == {"intervention ends"}
    assert not different_events(events("Liverpool intervention formally ends"),
                                events("Commissioners depart Liverpool after four years"))
    assert different_events(events("Commissioners sent into Liverpool"), events("Commissioners depart Liverpool"))


def test_a_decision_beside_a_court_s_words_is_the_court_s_ruling():
    assert events("Judge rejects challenge to east Oxford traffic filters") == {"court ruling"}
    assert events("Court backs Gwynedd on 150% surcharge") == {"court ruling"}
    assert events("Burnham dismisses deputy mayor") == {"resignation"}
    assert "resignation" not in events("Judicial review of Wiltshire's river scheme dismissed")
    assert events("Oxford rejects traffic filter plan") == {"refusal"}


def test_money_won_is_funding_and_an_approximate_figure_is_still_a_figure():
    assert events("Stoke wins £30m for Spode Works") == {"funding"}
    assert not different_events(events("Stoke wins £30m for Spode Works"), events("Green light for Spode Works"))
    assert events("Merton wins LGC award") == {"award"}
    assert figures_agree(figures("Halton approved for near-10% tax rise"), figures("Halton lifts council tax by 9.99%"))


def test_a_council_s_children_s_trust_is_the_council_s_service_not_another_organisation():
    from models.story_names import organisations
    assert organisations("Sandwell children's trust fails inspection") == frozenset()
    assert organisations("Hospital trust declares critical incident") == {"hospital", "trust"}


def test_an_abolished_council_the_register_names_no_successor_for_is_family_of_those_created_when_it_ended():
    from models.council_family import one_family
    assert one_family(("MUL",), ("NIR-I",))  # Cookstown became part of Mid Ulster in 2015
    assert not one_family(("MUL",), ("BIR",))


def test_a_suspension_a_departure_and_a_confidence_vote_are_events_of_their_own():
    assert events("Cheshire East chief executive suspended") == {"suspension"}
    assert different_events(events("Cheshire East chief executive suspended"),
                            events("Cheshire East names new chief executive"))
    assert different_events(events("Cheshire East chief executive suspended"),
                            events("Cheshire East chief executive leaves with £250,000 payoff"))
    assert different_events(events("Vote fails to remove Isle of Wight leader"),
                            events("Isle of Wight Council leader quits"))
    assert not different_events(events("Oldham council leader clings on after bitter meeting"),
                                events("Oldham leader survives no-confidence motion"))


def test_a_headline_s_opening_word_is_a_name_only_when_it_is_one():
    assert names("Councillors sign off last phase of castle project") == frozenset()
    assert names("Croydon issues section 114 notice") == {"croydon"}
    assert "wales" in names("Land deal criticised in Wales", "The Auditor General for Wales said…")
    assert names("Wales criticised over land deal", "Audit Wales said…") == {"wales"}


def test_a_challenge_brought_and_the_ruling_on_it_are_two_events():
    assert events("Residents launch legal challenge to Salisbury flood scheme") == {"court"}
    assert events("Wiltshire wins court case over river scheme") == {"court ruling"}
    assert events("Mid Ulster council fined over recycling centre injury") == {"court ruling"}
    assert different_events(events("Residents launch legal challenge to Salisbury flood scheme"),
                            events("Judicial review of Salisbury flood scheme dismissed"))
    assert events("Council loses £2m on investments") == frozenset()  # "loses" is a ruling only beside a court


def test_a_settlement_an_opening_a_demolition_and_a_plan_dropped_are_events():
    assert different_events(events("Deal reached on Glasgow equal pay"), events("Glasgow strike over equal pay"))
    assert not different_events(events("Birmingham bin workers accept deal, ending strike"),
                                events("Bin strike called off"))
    assert different_events(events("Stockton riverside park opens"),
                            events("Shopping centre to be bulldozed for riverside park"))
    assert different_events(events("Oxford City Council approves Botley Road flats"),
                            events("Oxford Botley Road camera plan dropped"))
    assert events("Arsenal museum plan wins Islington's approval") == {"approval"}


def test_an_item_speaking_of_the_council_unnamed_beside_one_naming_it_counts_as_the_same_council():
    a = story_item("Surrey submits two-unitary reorganisation proposal", "Surrey County Council has submitted its proposal "
                   "for two new unitary councils to replace the county and 11 districts.", 0, ("SRY",))
    b = story_item("Surrey wants to become East and West Surrey", "The county has proposed a split into two unitary "
                   "authorities.", 3)
    match = same_story(a, b)
    assert match.same and "a council one names and the other speaks of unnamed" in match.reason
    c = story_item("Surrey wants to become East and West Surrey", "It has proposed a split into two unitaries.", 3)
    assert evidence(a, c).score == evidence(a, b).score and not evidence(a, c).council_unnamed  # nothing says c is a council's news


def test_a_label_before_a_colon_names_where_an_item_is_filed_not_what_it_is_about():
    assert names("Public Finance: Spring Statement gives councils no new money") == {"statement"}
    assert "caerphilly" in names("Wales: Caerphilly land deal criticised", "")


def test_a_proper_name_shared_weighs_twice_a_word_but_a_council_s_place_does_not():
    from models.story_words import proper_stems as _proper_stems
    assert _proper_stems("Spode Works to be revitalised", "Stoke-on-Trent City Council has secured £30m for Spode "
                         "Works.") >= {"spode", "work"}
    assert "croyd" not in _proper_stems("Croydon sells Fairfield Halls", "The council will sell Fairfield Halls.")


def test_a_council_s_nation_region_or_county_is_mentioned_by_an_item_naming_the_council():
    a = story_item("Watchdog rebukes east London borough for cyber lapses", "The regulator said the council's systems "
                   "were out of date.", 0)
    b = story_item("Hackney fined by ICO over ransomware attack", "Hackney Council has been fined.", 30, ("HCK",))
    assert "london" not in same_story(a, b).reason


def test_a_county_named_as_the_area_another_council_is_in_is_not_its_council():
    from models.council_family import areas_only
    assert areas_only(("ESS",), "Essex unitary raises tax 10% as it leans on ministers' bailout") == {"ESS"}
    assert areas_only(("ESS",), "Essex to cut 300 jobs") == frozenset()
    a = story_item("Essex unitary's solar bets leave it broke", "An Essex authority has effectively declared bankruptcy.",
                   0, ("ESS",))
    b = story_item("Thurrock issues section 114 notice", "Thurrock Council has issued a section 114 notice.", 6, ("THR",))
    assert "different councils" not in same_story(a, b).reason


def test_an_organisation_is_mentioned_by_any_word_of_its_kind_and_a_headline_with_a_council_is_the_council_s_news():
    fire = story_item("Fire stations saved as mayor scraps cuts review", "The mayor said no station would close.", 0)
    rescue = story_item("Mayor ends 'fire and rescue' review", "The review of the fire and rescue service is over.", 8)
    assert "another organisation" not in same_story(fire, rescue).reason
    club = story_item("Club and council sign stadium agreement", "The deal secures the ground's future.", 0)
    council = story_item("Wrexham Council agrees Racecourse stand deal", "The council will lease the land.", 16, ("WRX",))
    assert "another organisation" not in same_story(club, council).reason
    service = story_item("Essex County Fire and Rescue to cut 250 jobs", "The service must save £10m.", 0)
    county = story_item("Essex County Council to cut 250 jobs", "The county must save £10m.", 4, ("ESS",))
    assert same_story(service, county).reason == "one is about another organisation (fire, rescue)"


def test_a_strike_halted_or_suspended_is_the_strike_paused_and_cash_won_is_funding():
    assert events("Birmingham bin strike suspended as Unite puts new offer to members") == {"strike ends"}
    assert events("Bin workers halt walkout for ballot") == {"strike ends"}
    assert events("City wins government cash for new children's homes") == {"funding"}


def test_the_sector_s_everyday_synonyms_and_forms_of_a_word_are_one_concept():
    from models.story_words import concepts
    assert concepts("County's HQ goes on market") & concepts("County Hall will be sold") >= {"hq", "sell"}
    assert concepts("Tips to shut") & concepts("Household waste sites to close") >= {"tips", "close"}
    assert concepts("Council votes to sell beach huts") & concepts("Beach hut sale agreed") >= {"hut", "sell"}
    assert "bus" in concepts("Bus news") and "bu" not in concepts("Bus news")
    assert concepts("East Sussex warns of risk") & concepts("county warned ministers") == {"warn"}
    assert concepts("Sector regulation blueprint") & concepts("how councils regulate") == {"regul"}
    assert concepts("Council asks for help") & concepts("Council asked for help") == {"ask", "help"}


def test_a_figure_told_two_ways_counts_as_a_shared_word():
    a = story_item("Residents' bills rise by nearly 7.5%", "Ministers let the county go above the cap.", 0, ("SMT",))
    b = story_item("Somerset approves 7.49% council tax rise", "The government gave permission.", 4, ("SMT",))
    match = same_story(a, b)
    assert "a figure told two ways" in match.shared and match.same


def test_a_place_s_elected_mayor_is_a_person_and_a_leader_removed_resigns():
    assert events("Mansfield's elected mayor cleared by standards panel") == frozenset()
    assert events("Hampshire and Isle of Wight to get elected mayor") == {"devolution deal"}
    assert events("Councillors remove leader after budget row") >= {"resignation"}


def test_an_organisation_s_headline_found_to_be_the_same_council_s_news_is_not_vetoed():
    a = story_item("Seaside town gets £40m for new university campus", "Blackpool Council secured the money.", 0, ("BPL",))
    b = story_item("Blackpool Council wins Levelling Up cash for Multiversity", "The £40m will build a campus.", 20,
                   ("BPL",))
    assert "another organisation" not in same_story(a, b).reason


def test_an_inspection_s_verdict_is_an_event():
    assert events("Nottingham children's services rated inadequate by Ofsted") == {"inspection"}
    assert "inspection" in events("Lewisham 'requires improvement' for adult social care, CQC finds")


def test_an_election_won_is_an_election_not_an_award_and_lifting_or_calling_off_ends_a_phased_event():
    assert events("Mayor wins second term in Eastborough") == events("Eastborough mayor re-elected") == {"appointment"}
    assert events("Reform wins by-election in Westshire") == {"appointment"}
    assert events("Council wins national award") == {"award"}
    assert events("Ministers lift Eastborough oversight") == events("Eastborough intervention ends")
    assert events("Refuse workers call off walkout") == {"strike ends"}


def test_compass_words_and_sector_nouns_name_nothing_unless_part_of_a_regions_name():
    assert names("West London borough readies legal fight") == {"london"}
    assert names("East Midlands devolution deal signed") == {"east", "midlands"}
    assert names("Council of the Year: Combined Authority wins") <= {"wins"}


def test_a_headline_naming_a_council_of_the_other_items_family_names_nothing_the_other_never_mentions():
    from models.council_family import family_words
    assert {"leeds", "bradford"} <= family_words(("WYCA",))
    assert "bournemouth" in family_words(("BPC",))
    assert "scarborough" not in family_words(("NYE",))  # abolished: a town of North Yorkshire now


def test_the_sectors_other_words_for_one_thing_are_one_concept():
    from models.story_words import concepts
    assert "suspend" in concepts("Chief executive placed on leave") & concepts("Council suspends chief executive")
    assert "s114" in concepts("Non-essential expenditure halted") & concepts("Section 114 notice issued")
    assert "bailout" in concepts("Financial lifeline for county") & concepts("County to use capital receipts")
    assert "homecare" in concepts("Care at home returns in-house") & concepts("Council takes back home care")
    assert "scrap" in concepts("Library closure reversed") & concepts("Council scraps library closure")
    assert {"self", "regul"} <= concepts("Councils to regulate themselves") & concepts("LGA self-regulation plan")


def test_an_inspection_told_as_good_news_and_one_told_as_bad_are_two_verdicts():
    good = StoryText("Eastborough children's services improving, Ofsted says", "A monitoring visit found progress.", T,
                     ("EAS",), "positive")
    bad = StoryText("Ofsted: Eastborough failing vulnerable children", "Inspectors found serious weaknesses.",
                    T + timedelta(hours=30), ("EAS",), "negative")
    match = same_story(good, bad)
    assert not match.same and "opposite verdicts" in match.reason
    kinder = StoryText(bad.title, bad.summary, bad.published_at, ("EAS",), "neutral")
    assert "opposite" not in same_story(good, kinder).reason
