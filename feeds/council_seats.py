"""Councils' headquarters known by proper names of their own, which the press uses for the council as it uses
"County Hall" ("Lys Kernow to cut 150 posts", "Sessions House to cut 200 posts"): the people who work there
are the council's, and what is decided there the council decides. Only names that are no other body's building
and no place's are listed (not "Shire Hall", "Civic Centre" or "Guildhall", which many councils share and which
`feeds.council_buildings` reads beside a place's name). The matcher reads them as multi-word names, which count on
their own words, as a council's own company's name does (`feeds.council_companies`)."""
from __future__ import annotations

from feeds.council_landmarks import COUNCIL_LANDMARKS
from feeds.council_offices import COUNCIL_OFFICES
from feeds.council_venues import COUNCIL_VENUES

COUNCIL_SEATS = (
    ("lys kernow", "CON"),  # Cornwall Council's New County Hall, Truro, by its Cornish name
    ("konsel kernow", "CON"),  # Cornwall Council, by its Cornish name
    ("sessions house", "KEN"),  # Kent County Council's Maidstone headquarters
    ("woodhatch place", "SRY"),  # Surrey County Council's Reigate headquarters
    ("penallta house", "CAY"),  # Caerphilly County Borough Council's Ystrad Mynach headquarters
    ("ty penallta", "CAY"),  # the same, by its Welsh name
    ("bodlondeb", "CWY"),  # Conwy County Borough Council's Conwy offices
    ("eii court", "HAM"),  # Hampshire County Council's Winchester headquarters
    ("east pallant house", "CHI"),  # Chichester District Council's offices
    ("loxley house", "NGM"),  # Nottingham City Council's headquarters
    ("merrion house", "LDS"),  # Leeds City Council's offices
    ("perceval house", "EAL"),  # Ealing Council's offices
    ("west suffolk house", "WSK"),  # West Suffolk Council's Bury St Edmunds offices
    ("mossley mill", "ANN"),  # Antrim and Newtownabbey Borough Council's headquarters
    ("lagan valley island", "LBC"),  # Lisburn and Castlereagh City Council's headquarters
    ("shirehall", "SHR"),  # Shropshire Council's Shrewsbury headquarters, so written as one word (other shires' are
    # "Shire Hall", two words, which `feeds.council_buildings` reads beside a place's name)
)

_SEATS = tuple(tuple(name.split()) for name, _code in (*COUNCIL_SEATS, *COUNCIL_LANDMARKS, *COUNCIL_OFFICES,
                                                          *COUNCIL_VENUES))


def seat_at(words: list[str], k: int) -> bool:
    """A council's headquarters or one of its landmarks (`feeds.council_landmarks`) is named from `k`: after a
    place's possessive ("Leeds's Merrion House to shed 100 posts", "Torbay's Oldway Mansion") the council's own
    building, not a body or attraction of the place (`feeds.council_institutions`)."""
    return any(tuple(words[k:k + len(seat)]) == seat for seat in _SEATS)
