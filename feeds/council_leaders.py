"""Council leaders and elected mayors named alone, and surnames that name a mayor only when alone.

A council's leader (or its directly elected mayor) named in a headline without the council is
about the council, as a metro mayor named is about the combined authority ("Susan Aitken defends low emission zone",
"Tim Oliver: reorganisation will save millions"). Only full names count, and only of leaders well known in
December 2026 or just before (update after local elections): a surname alone is too often someone else's.

One surname does name its mayor alone in headlines, but is a common name too: "Khan" for the Mayor of London
("Khan's congestion charge rise", "Khan and Brabin demand bus powers"). It counts only as a name on its own: no
capitalised forename or title before it ("Imran Khan", "Councillor Khan", "Neghat Khan") and no capitalised word
after it that is not a name the matcher knows ("Khan Younis", "Khan Academy"). Leaders' surnames that are no English
word and no common surname ("Kemkaran", "Soulsby") name them alone under the same guards. A leaf module (it imports
nothing of Herald).
"""
from __future__ import annotations

import csv
from pathlib import Path

# Leaders and directly elected mayors of councils by full name → the council's register code, kept by hand in
# `data/places/council_leaders.csv` (an admin updates it after each May's elections).
LEADERS_CSV = Path(__file__).resolve().parent.parent / "data" / "places" / "council_leaders.csv"


def _leaders() -> tuple[tuple[str, str], ...]:
    with LEADERS_CSV.open(newline="", encoding="utf-8") as fh:
        return tuple((row["leader"].strip().lower(), row["council"].strip()) for row in csv.DictReader(fh))


LEADERS = _leaders()
# Mayors' surnames that name them alone only when standing alone (see the module's docstring) → authority code.
LONE_SURNAMES = (("khan", "GLA"),)
# Leaders' surnames that are no English word and no common surname ("Kemkaran defends…", "Soulsby says…"): named
# alone, under the same guards as "Khan", they are the leader's council. Taken from the leaders' table, so each
# follows its leader out of office.
_DISTINCT = frozenset({"kemkaran", "hinchcliffe", "soulsby", "dennett", "leffman", "nethsingha", "batrouni", "seccombe",
                       "sankey", "fiaz", "dacres", "clewer", "kilgour", "duggins", "simkins", "fielker", "hopgood",
                       "revans", "emmott", "tett", "mellen"})
LONE_SURNAMES += tuple((name.split()[-1], code) for name, code in LEADERS if name.split()[-1] in _DISTINCT)
_LONE = frozenset(name for name, _code in LONE_SURNAMES)
_TITLES = frozenset({"mayor", "sadiq"})  # "Mayor Khan", "Sadiq Khan" (the full name matches first anyway)


def not_alone(texts: list[str], words: list[str], i: int, known: frozenset[str], title_case: bool) -> bool:
    """The lone surname at word `i` is someone else's: a capitalised word before it that is no title of the mayor's,
    or (unless the text is in Title Case) a capitalised word after it that starts no name in `known`."""
    if words[i] not in _LONE:
        return False
    if i and texts[i - 1][0].isupper() and words[i - 1] not in _TITLES:
        return True  # "Imran Khan", "Councillor Khan"
    after = texts[i + 1] if i + 1 < len(texts) else ""
    return bool(after) and after[0].isupper() and not title_case and words[i + 1] not in known  # "Khan Younis"
