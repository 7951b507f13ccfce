"""Which councils are one family for the story rule: a district and its county, a council and the
combined authority it belongs to, an abolished council and its successors. Two items naming councils
of one family may report one event ("Oxfordshire scraps traffic filter" and "Traffic filter U-turn in
Oxford"; "West Yorkshire mayor confirms bus franchising" and "Buses back under public control in
Leeds and Bradford"), which items about unrelated councils never do.

Read once from mySociety's register (`data/councils/`), no database: the story rule is pure.
"""
from __future__ import annotations

import csv
import functools

from models.councils_data import DATA_DIR


@functools.lru_cache(maxsize=1)
def _parents() -> dict[str, frozenset[str]]:
    """Each council's county, combined authority and successors (codes)."""
    with open(DATA_DIR / "uk_local_authorities_current.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {row["local-authority-code"]: frozenset(
        code.strip() for field in ("county-la", "combined-authority", "replaced-by")
        for code in (row.get(field) or "").split(",") if code.strip()) for row in rows}


def one_family(a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str]) -> bool:
    """Some council of `a` is, or is the county, combined authority or successor of, or has as
    such, some council of `b`."""
    parents = _parents()
    if set(a) & set(b):
        return True
    return any(y in parents.get(x, ()) or x in parents.get(y, ()) for x in a for y in b)
