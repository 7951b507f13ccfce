"""Council names as people type them resolve to one council (mySociety's codes), or to suggestions."""
import csv

import pytest

from models.council import core_name, name_variants, resolve_council
from models.councils_data import DATA_DIR

pytest_plugins = ("tests.programme_fixtures",)  # demo_herald, read_session: one shared demo database

ENGLISH_PRINCIPAL = ("CTY", "NMD", "MD", "LBO", "CC", "UA")


def current_english_councils() -> list[dict]:
    with open(DATA_DIR / "uk_local_authorities_current.csv", newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["nation"] == "England" and r["current-authority"] == "True"
                and r["local-authority-type"] in ENGLISH_PRINCIPAL]


def test_every_current_english_council_resolves_by_official_and_nice_name(read_session):
    councils = current_english_councils()
    assert len(councils) == 317  # the data's README count
    wrong = []
    for row in councils:
        for name in (row["official-name"], row["nice-name"]):
            found = resolve_council(read_session, name)
            if not found.found or found.council.code != row["local-authority-code"] or found.note:
                wrong.append((name, found.council.code if found.council else found.suggestions))
    assert wrong == []


@pytest.mark.parametrize("typed, code", [
    ("Thurrock", "THR"), ("thurrock council", "THR"), ("THURROCK COUNCIL", "THR"), ("Woking BC", "WOI"),
    ("Woking Borough Council", "WOI"), ("Kent CC", "KEN"), ("Leeds CC", "LDS"), ("Wigan MBC", "WGN"),
    ("LB Camden", "CMD"), ("Camden Council", "CMD"), ("RB Greenwich", "GRE"), ("Brighton & Hove", "BNH"),
    ("  st  albans ", "SAL"), ("Adur DC", "ADU"), ("Bradford MDC", "BRD"), ("Oldham MBC", "OLD"),
])
def test_short_forms_and_abbreviations(read_session, typed, code):
    found = resolve_council(read_session, typed)
    assert found.council.code == code and found.note is None


@pytest.mark.parametrize("typed, code", [
    ("Thurok", "THR"), ("Birmingam", "BIR"), ("Manchster", "MAN"), ("Leicstershire", "LEC"),
    ("Glocestershire", "GLS"), ("Tower Hamlet", "TWH"), ("Kensington and Chelsey", "KEC"),
    ("Hammersmith & Fulam", "HMF"), ("Notingham", "NGM"), ("Westminister", "WSM"), ("Ipswitch", "IPS"),
])
def test_misspellings_resolve_to_the_council_meant(read_session, typed, code):
    assert resolve_council(read_session, typed).council.code == code


def test_an_abolished_council_resolves_to_its_successor_with_a_note(read_session):
    found = resolve_council(read_session, "Harrogate Borough Council")
    assert found.council.code == "NYE" and found.abolished.code == "HAG"
    assert found.note == ("Harrogate Borough Council was abolished on 1 April 2023; "
                          "showing its successor, North Yorkshire Council.")


def test_a_chain_of_abolitions_is_followed_to_the_current_council(read_session):
    found = resolve_council(read_session, "Taunton Deane")  # → Somerset West and Taunton (gone 2023) → Somerset
    assert found.council.code == "SMT" and found.abolished.code == "TAU"


def test_an_abolished_council_with_several_successors_asks_which(read_session):
    found = resolve_council(read_session, "Cumbria County Council")
    assert not found.found and found.abolished.code == "CMA"
    assert set(found.suggestions) == {"Cumberland", "Westmorland and Furness"}
    assert "replaced by Cumberland and Westmorland and Furness" in found.note


@pytest.mark.parametrize("typed, code", [("North Yorkshire", "NYE"), ("Somerset", "SMT"), ("Bournemouth", "BPC")])
def test_a_name_shared_by_abolished_and_current_councils_means_the_current_one(read_session, typed, code):
    found = resolve_council(read_session, typed)
    assert found.council.code == code and found.note is None


def test_a_council_beats_a_combined_authority_of_the_same_name(read_session):
    assert resolve_council(read_session, "Newcastle upon Tyne").council.code == "NET"


def test_unknown_names_get_suggestions_or_nothing(read_session):
    kingston = resolve_council(read_session, "Kingston")
    assert not kingston.found
    assert {"Kingston upon Thames", "Kingston upon Hull"} <= set(kingston.suggestions)
    assert "Stoke-on-Trent" in resolve_council(read_session, "Stoke").suggestions
    nothing = resolve_council(read_session, "xyzzy qwv")
    assert not nothing.found and nothing.suggestions == ()
    assert not resolve_council(read_session, "!!!").found


def test_name_variants_spell_out_abbreviations_and_find_the_core():
    assert name_variants("Woking BC") == ["woking bc", "woking borough council", "woking"]
    assert "london borough of camden" in name_variants("LB Camden")
    assert core_name("royal borough of kingston upon thames") == "kingston upon thames"
    assert core_name("council") == "council"
