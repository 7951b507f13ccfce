"""A council's own people and teams named by their roles, without the council's name.

Local papers name a council by the people who act for it as often as by its name: "claims cabinet member for
children", "education chiefs launch consultation", "county planners refuse…", "BCP seafront rangers hand out
warnings". Such a role is no one's but a council's, so a text that names one speaks of a council as surely as "…
approved by council" does (`feeds.council_none.the_council_acts`, which reads `people_named`): the one place it names
is the council's. A service's people straight after a place's name ("<place> seafront rangers", "<place>'s
highways team") are its council's even where the text has no other local-government word, and so are a party that
runs it ("Reform-led Kent"), its civic head after its possessive ("Glasgow's Lord Provost") and a service of its
under a name of its own ("East Riding's 'Home First' reablement service"): a name refused as a place, an ordinary
word or a body is the council after all (`recount_teams`). A few services are known by names of their own alone
(`SERVICE_NAMES`: "Cityclean"). A place after "<post> from", beside another council, is where the post's new holder
comes from (`posts_origin`).

Each role is a council's service or body before a word for its people: "education chiefs", "highways team",
"planning officers", "bin crews". Neither alone is enough ("health chiefs" may be the NHS's, "Rangers" a club,
"team" a side), and a service's word must be lower case (a capitalised one is a body's own name), but for the
text's first word.
"""
from __future__ import annotations

from feeds.council_civic import COMMITTEES, civic_head
from feeds.council_context import service_after
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import PARTY_WORDS

# Council services known by a name of their own, no other body's or place's: the name is the council's, as a
# council's own company's is (`feeds.council_companies`). Read by the matcher as names (`feeds.councils`).
SERVICE_NAMES = (
    ("cityclean", "BNH"),  # Brighton & Hove City Council's refuse, recycling and street cleaning service
    ("streetpride", "ROT"),  # Rotherham Council's highways, streets and grounds service
    ("recycle for greater manchester", "GMCA"),  # the combined authority's household waste and recycling service
)
# Roles only a council's members hold, read anywhere in a text ("…, claims cabinet member for children").
MEMBER_ROLES = frozenset({("cabinet", "member"), ("cabinet", "members"), ("portfolio", "holder"),
                          ("portfolio", "holders"), ("cabinet", "lead"), ("executive", "member"),
                          ("executive", "members")})
# A council's services and bodies, one or two words, as they stand before its people ("highways team").
SERVICES = frozenset(tuple(s.split()) for s in (
    "highways", "highway", "planning", "education", "licensing", "waste", "recycling", "bin", "bins", "refuse",
    "parking", "seafront", "beach", "beaches", "park", "parks", "countryside", "cabinet", "civic", "libraries",
    "library", "streetscene", "cleansing", "gritting", "dog", "litter", "enforcement", "environmental health",
    "trading standards", "social services", "children s services", "adult social care", "school transport",
    "council tax", "building control", "pest control", "street cleaning", "town hall", "county hall", "city hall",
    "civic centre"))
# The people (or team) of a service, after it.
PEOPLE = frozenset({"chiefs", "chief", "bosses", "boss", "team", "teams", "officers", "officer", "officials", "staff",
                    "workers", "crews", "crew", "rangers", "wardens", "planners", "supremo", "managers", "collectors",
                    "director", "directors"})
# A council's crews by one word of their own ("Gritters out across Lincolnshire overnight").
CREWS = frozenset({"gritters", "binmen"})
# A council named by its kind of area in lower case before its people ("county planners", "city leaders").
AREA_KINDS = frozenset({"city", "county", "borough", "district"})
AREA_PEOPLE = frozenset({"planners", "leaders", "chiefs", "bosses", "officials", "officers", "cabinet"})
_LONGEST = max(len(s) for s in SERVICES)
_COMMITTEE_FIRST = frozenset(c[0] for c in COMMITTEES)


def service_people(words: list[str], texts: list[str], k: int) -> int:
    """The length of "<service> <people>" starting at word `k` (the service's words in lower case, but for the
    text's first word), or 0."""
    for n in range(_LONGEST, 0, -1):
        if tuple(words[k:k + n]) in SERVICES and words[k + n:k + n + 1] and words[k + n] in PEOPLE and \
                all(t.islower() or t == "s" or j == 0 for j, t in enumerate(texts[k:k + n], start=k)):
            return n + 1
    return 0


def people_named(tokens: Tokens) -> str | None:
    """The words naming a council's people by their role (`MEMBER_ROLES`, a council's committee as
    `feeds.council_civic.COMMITTEES` lists them, "<service> <people>", `CREWS`, "county planners"), or None."""
    words, texts = tokens.words, tokens.texts
    for k, word in enumerate(words):
        if tuple(words[k:k + 2]) in MEMBER_ROLES:
            return " ".join(texts[k:k + 2])
        if word in _COMMITTEE_FIRST and (n := next((len(c) for c in COMMITTEES if tuple(words[k:k + len(c)]) == c),
                                                   0)):
            return " ".join(texts[k:k + n])  # "Licensing committee revokes…": a council's committee
        if word in AREA_KINDS and texts[k].islower() and words[k + 1:k + 2] and words[k + 1] in AREA_PEOPLE:
            return " ".join(texts[k:k + 2])
        if (n := service_people(words, texts, k)) and not tokens.shouting:
            return " ".join(texts[k:k + n])
        if word in CREWS:
            return texts[k]
    return None


def team_after(tokens: Tokens, end: int) -> str | None:
    """The council's service people straight after a name ending at `end`, its possessive aside ("BCP seafront
    rangers", "Cornwall's beach wardens"), or None."""
    k = end + 1 if tokens.words[end:end + 1] == ["s"] else end
    n = service_people(tokens.words, tokens.texts, k) if not tokens.shouting else 0
    return " ".join(tokens.texts[k:k + n]) if n else None


def named_service(tokens: Tokens, end: int) -> str | None:
    """A council's service under a name of its own after a place's possessive ending at `end` ("East Riding's
    'Home First' reablement service"): at most three capitalised words, then a council's service (one word of it
    only before "service", "team" or "scheme"); the service's words, or None."""
    words, texts = tokens.words, tokens.texts
    if words[end:end + 1] != ["s"] or tokens.shouting:
        return None
    k = end + 1
    while k < len(words) and k <= end + 3 and texts[k][:1].isupper():
        k += 1
    service = service_after(words, k) if k > end + 1 else None
    if service is None or (len(service) == 1 and words[k + 1:k + 2] not in (["service"], ["team"], ["scheme"])):
        return None
    return " ".join(service)


def party_run(words: list[str], start: int) -> str | None:
    """The party that runs the council named at `start`, written before it ("Reform-led Kent", "Labour-controlled
    Reading"), or None: a party runs a council, never a town or a county's land."""
    if start < 2 or words[start - 1] not in _RUN:
        return None
    party = words[start - 2] if words[start - 2] in PARTY_WORDS else None
    if party is None and start >= 3 and words[start - 2] in ("dem", "dems") and words[start - 3] == "lib":
        party = "lib dem"
    return f"{party}-{words[start - 1]}" if party else None


_RUN = frozenset({"run", "led", "controlled"})


def recount_teams(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with a name refused as a place or an ordinary word counted where its council's service people follow
    it ("BCP seafront rangers hand out warnings over barbecues", "Wigan refuse collectors to strike") or a party runs
    it ("Reform-led Kent orders audit"), or where it is the one place named and the text names its council's
    people ("Gritters out across Lincolnshire overnight"; not in a crime, sport, weather or incident story); and a
    name refused as a body or attraction where its possessive's civic head ("Glasgow's Lord Provost") or named
    service ("East Riding's 'Home First' reablement service") follows; unchanged otherwise. `out` holds one
    judgement per name of `matches`, then any others."""
    judged = list(out)
    alone = not any(e.counted for e in out) and len({e.code for e in out}) == 1
    for n, (e, match) in enumerate(zip(out, matches)):
        if e.counted or match.region or e.named != " ".join(tokens.texts[match.start:match.start + match.length]):
            continue
        end = match.start + match.length
        place = "local-government word" in e.why or e.why == _ORDINARY
        body = "body" in e.why or "attraction" in e.why
        why = None
        if place and (team := team_after(tokens, end)) is not None:
            why = f'its council\'s own people follow ("{team}")'
        elif alone and "local-government word" in e.why and "story" not in e.why and \
                (people := people_named(tokens)) is not None:
            why = f'the one place named, and its council\'s people are ("{people}")'  # "Gritters out across …"
        elif place and (party := party_run(tokens.words, match.start)) is not None:
            why = f'a party runs it ("{party}"): its council'
        elif body and tokens.words[end:end + 1] == ["s"] and civic_head(tokens.words, end + 1):
            why = "its council's civic head follows its possessive"
        elif body and (service := named_service(tokens, end)) is not None:
            why = f'its council\'s service, under a name of its own ("{service}")'
        if why is not None:
            judged[n] = CouncilEvidence(e.code, e.named, True, why)
    return judged


_ORDINARY = "an ordinary word without council context"


# A post's holder, before "from" and the place they come from ("names new chief executive from Surrey").
POSTS = frozenset({"executive", "director", "leader", "boss", "officer", "manager", "head", "chief", "appointee",
                   "recruit", "secretary"})


def posts_origin(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens) -> list[CouncilEvidence]:
    """`out` with a place refused where it follows "<post> from" after another council counted ("Hart District
    Council names new chief executive from Surrey"): where the post's new holder comes from, not a council in the
    news; unchanged otherwise."""
    words = tokens.words
    judged = list(out)
    for n, (e, match) in enumerate(zip(out, matches)):
        i = match.start
        if e.counted and i >= 2 and words[i - 1] == "from" and words[i - 2] in POSTS and \
                any(f.counted and f.code != e.code for f in judged[:n]):
            judged[n] = CouncilEvidence(e.code, e.named, False, f'where a post\'s holder comes from ("{words[i - 2]} '
                                        f'from {e.named}"), not a council in the news')
    return judged
