"""The hand-written place tables name only councils the register knows, so a typo in a code cannot
silently link a town or an area to no council (or to the wrong one)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from models.councils_data import DATA_DIR

PLACES = Path(__file__).resolve().parent.parent / "data" / "places"


def _register_codes() -> set[str]:
    with open(DATA_DIR / "uk_local_authorities_current.csv", newline="", encoding="utf-8") as fh:
        return {row["local-authority-code"] for row in csv.DictReader(fh)}


@pytest.mark.parametrize("table, column", [("council_towns.csv", "council"), ("council_areas.csv", "councils")])
def test_every_council_code_in_a_place_table_is_in_the_register(table: str, column: str) -> None:
    codes = _register_codes()
    with open(PLACES / table, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    unknown = [(row, code) for row in rows for code in row[column].split(";") if code not in codes]
    assert rows and not unknown
