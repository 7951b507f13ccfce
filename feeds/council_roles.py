"""The last looks of the council finder at councils named by their people and bodies rather than their names: a
council's service people after a place refused as a place, a post's holder's origin, a region's or devolution
area's councils, an abolished council's successors, a region listed with a combined authority, a district's county
by its people, a county's service at its districts' towns, a London borough's planning powers beside the Mayor of
London. Each rule is told in its own module
(`feeds.council_people`, `feeds.council_members`, `feeds.council_london_powers`); this one only runs them, after
every other rule (`feeds.council_matcher.CouncilMatcher.evidence`)."""
from __future__ import annotations

from feeds.council_london_powers import boroughs_powers
from feeds.council_members import (county_service_places, devolution_areas, region_with_authority, regions_councils,
                                   successors_named, the_districts_county)
from feeds.council_people import POSTS, recount_teams, posts_origin
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens


def by_roles(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens, members: dict[str, str],
             combined: frozenset[str], county_of: dict[str, str],
             successors: dict[str, frozenset[str]]) -> list[CouncilEvidence]:
    """`out` judged again by the rules the module's docstring lists; most texts pass through untouched."""
    words = tokens.words
    if matches and not all(e.counted for e in out):
        out = recount_teams(out, matches, tokens)
        out = region_with_authority(out, matches, tokens, combined)
    if "from" in words and not POSTS.isdisjoint(words):
        out = posts_origin(out, matches, tokens)
    if matches:
        out = regions_councils(out, matches, tokens, members, combined)
        out = successors_named(out, matches, tokens, successors)
        out = boroughs_powers(out, matches, tokens, members)
        if len(matches) > 1:
            out = county_service_places(out, matches, tokens, county_of)
    out = devolution_areas(out, tokens)
    return the_districts_county(out, tokens, county_of)
