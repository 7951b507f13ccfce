"""Finding the councils a headline mentions, precisely, including names that are ordinary words.

Names come from the `council_names` table (mySociety's names and lookup), reduced with
`normalize_name`, and are matched as whole token runs, longest first (`feeds.council_matcher`; this
module builds the matcher from the tables, once per engine). Decisions, measured on the
labelled headlines in `tests/data/council_headlines.csv`:

- A match must start with a capital letter (or the text is all capitals): "councils reading the
  signs" mentions no council.
- Names that are also ordinary words or other famous things (Reading, Bath, Rugby, Eden, Derby,
  Bury, Hart, Westminster, York…) count only with context: a council word after them ("Reading
  Borough Council", "Rugby council", "Eden District"), a possessive ("Reading's"), or a place
  preposition before them ("homes in Reading"), and never inside a known phrase ("rugby union",
  "New York", "the Derby").
- "Derby" and "Derbyshire" are different tokens, so each finds its own council.
- A name shared by a current and an abolished council means the current one; a name only an
  abolished council had (Northamptonshire, Kettering, Eden) keeps the abolished council's code:
  the story was about that council, which still exists as a row with its successors named.
- An institution named after a place is not the council: a name followed by a club, police, fire,
  airport, university, hospital, station or cathedral word ("Manchester United", "Leeds Bradford
  Airport", "Devon and Cornwall Police", "Derby County") is dropped, with the names joined to it.
  ("Coventry City's stadium" too, unless a council word follows the possessive.)
- A combined authority's region ("Greater Manchester", or any authority's official name without its
  authority words: "Greater Lincolnshire") counts only as the authority: a mayor or authority word
  after it, "mayor of" before it, acting at the head of the text, or one of its own matters after it
  (`feeds.council_regions`); as a place ("Greater Manchester weather warning") it is neither the
  authority nor its city. A metro mayor named ("Andy Burnham") is the authority; "Mayor of London"
  and "London's budget" the GLA.
- A place in a police force's, fire service's, club's or institution's news with no council or
  local-government word is where it happened, not the council ("Merseyside Police appeal after
  Liverpool city centre assault"), unless the council is named ("Liverpool City Council", "Liverpool
  mayor"). An institution's home council (the first place of a joined name: Doncaster for
  "Doncaster Sheffield Airport") counts when the text speaks of a council and names no other.
- A place followed by a proper name of its own is a body named after it ("Belfast Harbour",
  "Leicester Mercury", "Manchester Storm"; not a party, "Leeds Labour", nor a plan); a prison,
  school or bus company before it ("HMP Liverpool") likewise. A body called a council ("Arts Council",
  "Sentencing Council", a student council) is not local government.
- An ordinary-word name opening a headline with a council verb and a local-government word counts
  ("Reading to cut 90 posts to close £12m budget gap").
- A compass word before a county's name that is no council's name with it is a part of the county
  ("South and East Lincolnshire", "East Kent"), not its council.
- A county or city name that is not an ordinary word counts without "Council" when a council
  verb or service follows it ("Kent to cut 300 jobs", "Surrey approves budget", "Kent children's
  services"); any name at the head of a decision only a council makes ("Brent approves…", "Wealden
  sets out…"; not a sport's name, "Rugby approves…"), or named as the one that decided ("backed by
  Merton"), is the council.
- A joined council's first town ("Brighton", "Stockton", "Richmond", "East Riding"; `feeds.council_names`)
  and a combined authority's acronym ("WMCA") are names too; the town needs council context.
- A place in a national body's, utility's or bus operator's news ("Sport England", "Arriva", "<Name>
  Water"), or in a crime or sport story, with no local-government word, is where it happened.
- "Old", "Little", "Upper"… before a name make another place ("Old Trafford"); an abolished council's
  name beside its successor's is the place ("North Yorkshire Council… Harrogate…"); a place before MP
  or constituency is a parliamentary seat ("Cardiff North MP").
- When no name counted: a text that speaks of a council is about the one place it names ("…funded by
  borough council"), and local-government news naming only a combined authority's region is the
  authority's ("West Yorkshire mass transit route consultation opens").
- Later rounds: scenes, a mayor's places, abolished councils' places (`feeds.council_where`); towns
  (`feeds.council_towns`); services, officers, buildings, lists (`feeds.council_context`); places ranked,
  measured or in the NHS's news (`feeds.council_places`); a company's site (`feeds.council_sites`); an
  organisation's news (`feeds.council_orgs`, `feeds.council_bodies`); when no name counted (`feeds.council_none`);
  orders, licences and officers only a council has (`feeds.council_powers`); who controls a council, a ward's
  by-election, bywords and a council's own companies (`feeds.council_votes`, `feeds.council_companies`); a metro
  mayor beside a member council (`feeds.council_metro`), a name joined to a partner it acts with
  (`feeds.council_partners`); a place by its nickname in a council's news (`feeds.council_nicknames`); a council's
  leader named alone, and "Khan" alone for the Mayor of London (`feeds.council_leaders`); compass words joined
  before a name (`feeds.council_compass`); a name opening the clause after a label's colon (`feeds.council_clauses`);
  a county beside its own cricket ground (`feeds.council_cricket`).
"""

import threading
import weakref

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from feeds.council_authorities import AUTHORITY_ACRONYMS, AUTHORITY_SUFFIX, COMBINED_TYPES, MAYOR_SURNAMES, MAYORS
from feeds.council_companies import COUNCIL_COMPANIES
from feeds.council_kinds import SHORT_FORMS
from feeds.council_landmarks import COUNCIL_LANDMARKS
from feeds.council_leaders import LEADERS, LONE_SURNAMES
from feeds.council_matcher import CouncilMatcher
from feeds.council_names import FORMER_NI_DISTRICTS, Areas, short_names
from feeds.council_offices import COUNCIL_OFFICES
from feeds.council_people import SERVICE_NAMES
from feeds.council_powers import PRESS_NAMES
from feeds.council_seats import COUNCIL_SEATS
from feeds.council_tokens import CouncilEvidence, Tokens, tokenize
from feeds.council_venues import COUNCIL_VENUES
from feeds.council_words import HEADLINE_NAMES
from models.council import EVERYDAY_NAMES, Council, CouncilName
from models.councils_data import normalize_name

__all__ = ["CouncilEvidence", "CouncilMatcher", "Tokens", "build_matcher", "council_matcher", "tokenize"]


_CACHE: "weakref.WeakKeyDictionary[Engine, CouncilMatcher]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def build_matcher(session: Session) -> CouncilMatcher:
    """A matcher from the council tables as they are now."""
    names = [(n, c) for n, c in session.execute(select(CouncilName.normalized, CouncilName.council_code))]
    names += [(normalize_name(n), c) for n, c in (*EVERYDAY_NAMES, *HEADLINE_NAMES, *MAYORS, *AUTHORITY_ACRONYMS,
                                                  *SHORT_FORMS, *PRESS_NAMES, *COUNCIL_COMPANIES, *COUNCIL_SEATS,
                                                  *COUNCIL_LANDMARKS, *SERVICE_NAMES, *COUNCIL_OFFICES, *COUNCIL_VENUES,
                                                  *LEADERS, *LONE_SURNAMES)]
    names += [(name.split()[-1], c) for name, c in MAYORS if name.split()[-1] in MAYOR_SURNAMES]  # "Burnham says…"
    names += compass_short_forms(names)
    names += compass_initials(names)
    councils = session.execute(select(Council.code, Council.nice_name, Council.current, Council.type_code)).all()
    current = {code for code, _nice, is_current, _type in councils if is_current}
    nice = {code: normalize_name(nice_name) for code, nice_name, _current, _type in councils}
    combined = frozenset(code for code, _nice, _current, type_code in councils if type_code in COMBINED_TYPES)
    names += [(region, code) for code, official in session.execute(
        select(Council.code, Council.official_name).where(Council.code.in_(combined)))
        if (region := _region_name(official))]
    counties = frozenset(code for code, nice_name, _current, type_code in councils
                         if type_code == "CTY" or normalize_name(nice_name).endswith("shire"))
    known = set(nice)
    short = short_names([(code, nice_name) for code, nice_name, is_current, _type in councils
                         if is_current and code not in combined], {n for n, _c in names})
    names += short
    loose = frozenset(name for name, _code in short if " " not in name)
    replaced = {code: frozenset(c.strip() for c in by.split(",") if c.strip()) for code, by in
                session.execute(select(Council.code, Council.replaced_by).where(Council.replaced_by.is_not(None)))}
    ni = {code: frozenset({successor}) for code, successor in FORMER_NI_DISTRICTS.items() if code in known}
    areas = Areas({code: by for code, by in replaced.items() if by} | ni)
    members = {code: authority for code, authority in session.execute(
        select(Council.code, Council.combined_authority_code).where(Council.combined_authority_code.is_not(None)))}
    county_of = {code: county for code, county in session.execute(
        select(Council.code, Council.county_code).where(Council.county_code.is_not(None))) if county}
    return CouncilMatcher([(n, c) for n, c in names if c in known], current, nice, combined, counties, loose, areas,
                          members, county_of)


def compass_short_forms(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A compass word before a county's short form, for each council named by that word before the county's full
    name ("East Herts" → East Hertfordshire, "South Glos" → South Gloucestershire, "North Lincs" → North
    Lincolnshire; twelfth round): headlines shorten the district as they shorten its county."""
    by_name = dict(names)
    full = {code: name for name, code in names if name.endswith("shire") and " " not in name}
    found = []
    for short, code in SHORT_FORMS:
        if " " in short or code not in full:
            continue
        for compass in ("north", "south", "east", "west", "mid", "ne", "nw", "se", "sw", "north east", "north west",
                        "south east", "south west"):
            whole = {"ne": "north east", "nw": "north west", "se": "south east", "sw": "south west"}.get(compass, compass)
            district = by_name.get(f"{whole} {full[code]}")
            if district is not None and f"{compass} {short}" not in by_name:
                found.append((f"{compass} {short}", district))
    return found


def compass_initials(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A compass word's initial before the rest of a council's name ("N Lanarkshire", "E Sussex", "W Berkshire";
    thirteenth round): headlines shorten the compass word as they shorten a county. Like every name, it counts
    only capitalised, so a possessive's "s" is never South."""
    by_name = dict(names)
    found = []
    for name, code in names:
        compass, _, rest = name.partition(" ")
        if compass in _INITIALS and len(rest) > 3 and f"{_INITIALS[compass]} {rest}" not in by_name:
            found.append((f"{_INITIALS[compass]} {rest}", code))
    return found


_INITIALS = {"north": "n", "south": "s", "east": "e", "west": "w"}


def _region_name(official_name: str) -> str:
    """A combined authority's region, its official name without the authority words ("Greater
    Lincolnshire Combined County Authority" → "greater lincolnshire")."""
    words = normalize_name(official_name).split()
    while words and words[-1] in AUTHORITY_SUFFIX:
        words.pop()
    return " ".join(words)


def council_matcher(session: Session) -> CouncilMatcher:
    """The matcher for this session's database, built once per process per engine."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    with _LOCK:
        matcher = _CACHE.get(engine)
        if matcher is None:
            matcher = _CACHE[engine] = build_matcher(session)
    return matcher
