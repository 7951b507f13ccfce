"""Places and services a council owns and runs, known by names of their own: the press writes of them as of the
council's own business ("Madeira Terrace restoration stalls", "Oldway Mansion back on the market", "Cowes floating bridge
out of action"), and the labelled sets read their news as the owning council's, as they read news of a
council's headquarters by its name (`feeds.council_seats`). Only names no other body's landmark shares, and whose
owner is one council, are listed: not a pier, even a council's, whose news as an attraction is often its own (the
labelled sets read "Southend Pier" alone so), not a name two towns give different places ("Castlegate", Stockton's
centre and a Sheffield quarter). The matcher reads them as multi-word names, which count on their own words; after
their owner's possessive ("Torbay's Oldway Mansion") the owner is the council, not a place with an attraction
(`feeds.council_seats.seat_at`)."""
from __future__ import annotations

COUNCIL_LANDMARKS = (
    ("madeira terrace", "BNH"),  # Brighton and Hove City Council's seafront arches
    ("oldway mansion", "TOB"),  # Torbay Council's mansion in Paignton
    ("produce hall", "SKP"),  # Stockport Council's market hall
    ("cowes floating bridge", "IOW"),  # the Isle of Wight Council's chain ferry across the Medina
)
