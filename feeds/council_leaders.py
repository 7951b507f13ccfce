"""Council leaders and elected mayors named alone, and surnames that name a mayor only when alone.

Twenty-third round. A council's leader (or its directly elected mayor) named in a headline without the council is
about the council, as a metro mayor named is about the combined authority ("Susan Aitken defends low emission zone",
"Tim Oliver: reorganisation will save millions"). Only full names count, and only of leaders well known in
December 2026 or just before (update after local elections): a surname alone is too often someone else's.

One surname does name its mayor alone in headlines, but is a common name too: "Khan" for the Mayor of London
("Khan's congestion charge rise", "Khan and Brabin demand bus powers"). It counts only as a name on its own: no
capitalised forename or title before it ("Imran Khan", "Councillor Khan", "Neghat Khan") and no capitalised word
after it that is not a name the matcher knows ("Khan Younis", "Khan Academy"). A leaf module (it imports nothing of
Herald).
"""
from __future__ import annotations

# Leaders and directly elected mayors of councils by full name → the council's register code.
LEADERS = (
    ("bev craig", "MAN"), ("tom hunt", "SHF"), ("carl les", "NYE"), ("kevin bentley", "ESS"), ("john cotton", "BIR"),
    ("liam robinson", "LIV"), ("karen kilgour", "NET"), ("nick kemp", "NET"), ("susan hinchcliffe", "BRD"),
    ("neghat khan", "NGM"), ("david mellen", "NGM"), ("peter soulsby", "LCE"), ("lutfur rahman", "TWH"),
    ("paul dennett", "SLF"), ("ros jones", "DNC"), ("tim oliver", "SRY"), ("linden kemkaran", "KEN"),
    ("roger gough", "KEN"), ("kay mason billig", "NFK"), ("matthew hicks", "SFK"), ("liz leffman", "OXF"),
    ("bill revans", "SMT"), ("keith glazier", "ESX"), ("glen sanderson", "NBL"), ("susan aitken", "GLG"),
    ("tony dyer", "BST"), ("marvin rees", "BST"), ("arooj shah", "OLD"), ("neil emmott", "RCH"),
    ("george duggins", "COV"), ("stephen simkins", "WLV"), ("jane ashworth", "STE"), ("tudor evans", "PLY"),
    ("lorna fielker", "STH"), ("peter marland", "MIK"), ("bella sankey", "BNH"), ("cammy day", "EDH"),
    ("denise jeffery", "WKF"), ("carole pattison", "KIR"), ("jane scullion", "CLD"), ("martin gannon", "GAT"),
    ("adam hug", "WSM"), ("simon hogg", "WND"), ("kieron williams", "SWK"), ("claire holland", "LBH"),
    ("barry rawlings", "BNE"), ("jason perry", "CRY"), ("rokhsana fiaz", "NWM"), ("brenda dacres", "LEW"),
    ("caroline woodley", "HCK"), ("elizabeth campbell", "KEC"), ("amanda hopgood", "DUR"),
    ("phillippa williamson", "LAN"), ("lezley picton", "SHR"), ("izzi seccombe", "WAR"), ("david molyneux", "WGN"),
    ("dimitri batrouni", "NWP"), ("lucy nethsingha", "CAM"), ("mark hawthorne", "GLS"), ("martin tett", "BUC"),
    ("richard clewer", "WIL"),
)
# Mayors' surnames that name them alone only when standing alone (see the module's docstring) → authority code.
LONE_SURNAMES = (("khan", "GLA"),)
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
