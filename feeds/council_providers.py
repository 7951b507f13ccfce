"""Bodies of a kind named by their kind alone, that run a place's schools and homes in the council's stead.

"Academy trust to close Bolton primary", "Housing association fined over damp flats on Woking estate": an academy
trust runs its schools and a housing association its homes, not the council, so the place named in their news,
with no local-government word, is where it happened (`feeds.council_bodies.news_of_another_body`), as in a named
housing association's ("Clarion to build 400 homes in Merton"). A council named, or a word only local government
uses, keeps the place's council.
"""
from __future__ import annotations

PROVIDERS = tuple(tuple(name.split()) for name in (
    "academy trust", "academy trusts", "multi academy trust", "multi academy trusts", "academies trust",
    "housing association", "housing associations", "housing trust", "social landlord", "diocese", "diocesan"))
