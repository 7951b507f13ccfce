"""Other bodies' news: a national body's, a utility's, a bus operator's, a charity's or a company's
("Sport England awards £2m to Wigan community clubs", "Teenage Cancer Trust opens Southampton
unit"). A place named in it, with no local-government word, is where the news happened, not the
council (`feeds.council_institutions.Setting`)."""
from __future__ import annotations

from feeds.council_context import LOCAL_GOVERNMENT_ONLY, services_named
from feeds.council_kinds import ATTRACTIONS, BODY_SUFFIXES, NOT_A_COMPANY, SOMEONE_FROM
from feeds.council_providers import PROVIDERS
from feeds.council_tokens import Tokens
from feeds.council_words import (AUTHORITY_WORDS, COUNCIL_WORDS, DECIDED, INSTITUTION_AFTER, NAMED_PLACE_AFTER,
                                 OTHER_BODIES, PARTY_WORDS)
from models.relevance import OTHER_COUNCILS, speaks_of_a_council


def news_of_another_body(tokens: Tokens) -> str | None:
    """"national body or company (…)" when the text names one (`OTHER_BODIES`, or a "<Name> Water"
    company) and has no council or local-government word: "Sport England awards £2m to Wigan
    community clubs" happened in Wigan, and is not the council's news. None otherwise."""
    words = tokens.words
    named = not _BODY_WORDS.isdisjoint(words)
    if not named and (BODY_SUFFIXES.isdisjoint(words) or tokens.shouting):
        return None  # most texts: no body of either kind
    body = _other_body(tokens, named)
    if body is None or services_named(words) or (not _COMPANY.isdisjoint(words) and _an_owned_company(tokens)):
        return None  # "Kier Group wins Kent highways deal": a council's service is the council's business
    speaks = speaks_of_a_council(" ".join(words))
    if speaks and not (speaks.endswith("(planning decisions)") and _builder_applies(words)):
        return None
    plain = OTHER_COUNCILS.sub(" ", " ".join(words)).split()
    return None if not LOCAL_GOVERNMENT_ONLY.isdisjoint(plain) else f"national body or company ({body})"


def owned_company(tokens: Tokens, k: int) -> bool:
    """From `k`, straight after a place's possessive, the place's own company: its proper name (or a figure) and
    the kind of company, then a lower-case "company" ("Barking and Dagenham's Be First company", "Mid Devon's 3
    Rivers Developments company", "Newham's housing company"): the council's company, so the council's news.
    Not in a shouted text, where case says nothing."""
    if tokens.shouting:
        return False
    words, texts = tokens.words, tokens.texts
    for n in range(k, min(k + 5, len(words))):
        if words[n] in _COMPANY:
            return n > k and texts[n][0].islower()
        if words[n] in _NOT_OWNED:
            return False  # "Leeds's Kirkstall Brewery company", "Cornwall's Eden Project company": a business's
        if not (texts[n][0].isupper() or texts[n][0].isdigit() or words[n] in _COMPANY_KINDS or
                (n > k and words[n] in _NAME_JOINS)):  # "Croydon's Brick by Brick company"
            return False
    return False


def _an_owned_company(tokens: Tokens) -> bool:
    """A place's own company is named after its possessive (`owned_company`)."""
    return any(word == "s" and owned_company(tokens, k + 1) for k, word in enumerate(tokens.words))


_COMPANY = frozenset({"company", "companies"})
# A business's, institution's or attraction's word in the name: not a company a council owns.
_NOT_OWNED = SOMEONE_FROM | INSTITUTION_AFTER | NAMED_PLACE_AFTER | ATTRACTIONS | {"project", "projects"}
_NAME_JOINS = frozenset({"by", "and", "of", "the", "for", "on"})
# The kinds of company councils own, named between the possessive and "company".
_COMPANY_KINDS = frozenset({"housing", "regeneration", "development", "developments", "energy", "property",
                            "trading", "investment", "commercial", "services", "homes", "airport", "waste"})


def _builder_applies(words: list[str]) -> bool:
    """A housebuilder or housing association heads the text with its own plans, not yet decided ("Persimmon submits
    plans for 650 homes in Tewkesbury"): the developer's news, though a council will decide them."""
    return any(tuple(words[:len(b)]) == b for b in _BUILDERS_BY_FIRST.get(words[0], ())) and DECIDED.isdisjoint(words)


def _other_body(tokens: Tokens, named: bool) -> str | None:
    """The national body, utility, bus operator or attraction the text names (when `named`: it has
    one of their words), else the charity or company, as written, or None."""
    words = tokens.words
    for k, word in enumerate(words) if named else ():
        for phrase in _BODIES_BY_FIRST.get(word, ()):
            if tuple(words[k:k + len(phrase)]) == phrase:
                end = k + len(phrase)
                end += end < len(words) and words[end] in BODY_SUFFIXES and tokens.texts[end][0].isupper()
                return " ".join(tokens.texts[k:end])  # "Barratt Homes", as the company writes its name
        if word == "water" and k and not tokens.shouting and tokens.texts[k][0].isupper() and \
                tokens.texts[k - 1][0].isupper() and words[k - 1] not in COUNCIL_WORDS:
            return " ".join(tokens.texts[k - 1:k + 1])  # "Scottish Water", "Northern Ireland Water"
    for k, word in enumerate(words):
        if word in BODY_SUFFIXES and _company(tokens, k):
            return " ".join(tokens.texts[max(0, k - 2):k + 1])  # "Teenage Cancer Trust", "Barratt Homes"
    return None


def _company(tokens: Tokens, k: int) -> bool:
    """The capitalised word at `k` ("Trust", "Homes", "Ltd") ends a charity's or company's own name:
    a capitalised word before it that is no council, party or local-government word, in a text
    whose case marks proper names (not shouted, not Title Case)."""
    if not k or tokens.shouting or not tokens.texts[k][0].isupper() or not tokens.texts[k - 1][0].isupper():
        return False
    before = tokens.words[k - 1]
    return before not in COUNCIL_WORDS and before not in PARTY_WORDS and before not in NOT_A_COMPANY and \
        before not in AUTHORITY_WORDS and not tokens.title_case


# Train and bus operators, whose cuts, strikes and cancellations name the places they serve
# ("Northern Rail strike hits Leeds commuters", "Avanti West Coast cancels Manchester to London trains").
OPERATORS = tuple(tuple(name.split()) for name in (
    "avanti", "avanti west coast", "lner", "gwr", "great western railway", "northern rail", "northern trains",
    "transpennine", "transpennine express", "crosscountry", "cross country trains", "southeastern", "southern rail",
    "thameslink", "govia", "c2c", "chiltern railways", "east midlands railway", "west midlands railway",
    "west midlands trains", "london northwestern", "scotrail", "transport for wales", "merseyrail", "greater anglia",
    "south western railway", "hull trains", "grand central", "lumo", "eurostar", "caledonian sleeper",
    "elizabeth line", "first west yorkshire", "first south yorkshire", "first glasgow", "first bristol",
    "first manchester", "first essex", "first kernow", "first cymru", "first eastern counties", "first midlands",
    "first hampshire", "megabus", "go south coast", "brighton and hove buses", "lothian buses",
    # Northern Ireland's and Scotland's public transport companies
    "translink", "ulsterbus", "metro belfast", "scottish citylink", "mcgill s"))
# Housebuilders, whose plans for homes name the place they would build in ("Persimmon plans 650 homes in
# Tewkesbury"): the developer's news, not the council's, unless the council is named or decides
# "developer" and "housebuilder" alone, too, at the head of the text.
HOUSEBUILDERS = tuple(tuple(name.split()) for name in (
    "persimmon", "barratt", "barratt redrow", "barratt developments", "david wilson homes", "taylor wimpey", "bellway",
    "berkeley group", "berkeley homes", "redrow", "vistry", "countryside partnerships", "crest nicholson",
    "bloor homes",
    "miller homes", "avant homes", "keepmoat", "mccarthy stone", "cala homes", "story homes", "linden homes",
    "charles church", "lovell homes", "bovis homes", "st modwen", "hill group", "gleeson homes", "mj gleeson",
    "stonebond", "strata homes", "harron homes", "jones homes", "anwyl homes", "seddon homes",
    "springfield properties"))
# Housing associations build homes in a place as housebuilders do ("Clarion to build 400 homes in
# Merton"), and the navy's ships call at a port ("HMS Prince of Wales returns to Portsmouth").
HOUSING_ASSOCIATIONS = tuple(tuple(name.split()) for name in (
    "clarion", "peabody", "l and q", "notting hill genesis", "places for people", "guinness partnership",
    "sovereign network", "home group", "riverside group", "hyde housing", "platform housing", "onward homes",
    "accent housing", "jrht", "bromford", "flagship group", "orbit group", "stonewater", "sanctuary housing"))
NAVY = (("hms",), ("royal", "navy"))
_BODIES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _body in OTHER_BODIES + OPERATORS + HOUSEBUILDERS + HOUSING_ASSOCIATIONS + NAVY + PROVIDERS:
    _BODIES_BY_FIRST.setdefault(_body[0], []).append(_body)
_BODY_WORDS = frozenset(_BODIES_BY_FIRST) | {"water"}
_BUILDERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _body in HOUSEBUILDERS + HOUSING_ASSOCIATIONS:
    _BUILDERS_BY_FIRST.setdefault(_body[0], []).append(_body)


def without_bodies(words: list[str]) -> list[str]:
    """`words` without the national bodies' and operators' names in them, whose words may be a
    council service's ("National Highways closes M6 near Lancaster" names no highways service)."""
    if _BODY_WORDS.isdisjoint(words):
        return words
    kept, k = [], 0
    while k < len(words):
        body = next((b for b in _BODIES_BY_FIRST.get(words[k], ()) if tuple(words[k:k + len(b)]) == b), None)
        if body is None:
            kept.append(words[k])
        k += len(body) if body else 1
    return kept
