"""Council words in a sense that is not the council's news, for the `mentions` relevance rule
(`models.relevance`): a council's building as the venue of other news ("Wedding fair at Rochdale Town
Hall"), another body's authority ("Civil Aviation Authority"), and what makes a council home the council's
news as landlord ("Council flat tenants say damp ignored") rather than an address ("Council estate stabbing").
"""
from __future__ import annotations

import re

# A council's building as the venue of other news ("Wedding fair at Rochdale Town Hall", "Christmas market returns
# to City Hall grounds"): a preposition of place before it (with "the" or its place's name), or its grounds after it;
# not "to", "from", "in" or "on" ("answers from town hall", "jobs in county hall", "spending on town hall revamp");
# a building climbed is a venue too ("Climber fined after scaling Rochdale town hall").
_HALL = r"(?i:(?:town|city|county) hall|civic centre)"
_VENUE = re.compile(rf"(?i:\b(?:at|outside|inside|near|opposite|beside|scaling|scaled|scales|climbing|climbed|climbs)"
                    rf"\s+(?:the\s+)?)"
                    rf"(?:[A-Z][\w'-]*\s+){{0,3}}{_HALL}\b|{_HALL}\s+(?i:grounds|steps|square|gardens|lawn|ballroom|"
                    rf"balcony|clock|roof)\b|(?i:\b(?:steps|grounds|gardens|roof|doors|balcony) of (?:the )?){_HALL}")
_VENUE_KINDS = frozenset({"people and events", "arts and culture", "crime or court", "sport", "business"})
# …unless people gather there to be heard by the council ("Protest outside county hall over bus cuts").
_HEARD = frozenset({"protest", "protests", "protesters", "protestors", "demonstration", "demonstrators", "rally",
                    "petition", "lobby", "picket"})
# "The authority" (or "Authority to axe 300 posts") is a local paper's name for its council, unless another body's
# word names it ("Civil Aviation Authority", "port authority") or it is a person's ("in a position of authority").
_AUTHORITY_OF_ANOTHER = frozenset("""police fire health nhs port harbour aviation conduct financial water standards
competition gambling broadcasting energy food medicines nuclear pensions regulation regulatory""".split())
# What a council home's tenants and its landlord speak of: beside "council house" or "council estate" they make
# it the council's news as landlord ("Council flat tenants say damp ignored"), not an address.
LANDLORD_WORDS = frozenset("""tenants tenant rent rents damp mould mouldy repairs repair waiting build built building
shortage demolition demolish demolished regeneration refurbishment cladding allocations""".split())


def the_authority(words: list[str]) -> bool:
    """"Authority" is said of the council: no other body's word names it, and it is no person's ("position of
    authority")."""
    return "authority" in words and _AUTHORITY_OF_ANOTHER.isdisjoint(words) and \
        all(words[k - 1] not in ("of", "in") for k, w in enumerate(words) if w == "authority" and k)


def a_venue(text: str, words: list[str], kinds: list[str], before: str) -> bool:
    """A council's building is only the venue of the news: a place's preposition before it ("Wedding fair at
    Rochdale Town Hall"), or an event, a crime, a firm or a match beside it when the building is not what the
    headline is about ("Wedding fair returns to town hall", not "Town hall wedding fees to double"). `before`:
    the text before the building."""
    if not _HEARD.isdisjoint(words):
        return False
    subject = re.findall(r"[a-z0-9&]+", before.lower()) in ([], ["the"])
    return bool(_VENUE.search(text)) or not subject and not _VENUE_KINDS.isdisjoint(kinds)
