"""Councils' own companies, named in the press by their names alone ("Brick by Brick homes sold to
housing association", "Robin Hood Energy collapse report published"). Each is wholly owned by one council, which
answers for it, so its name is that council's, as a council's acronym is (`feeds.council_powers.PRESS_NAMES`).
Only names that are no other body's or place's are listed: a council's arm's-length housing body named "<place>
Homes" is not, since housing associations are named so too; a company a council shares with others (Norse) is not
one council's. The matcher reads them as multi-word names, which count on their own words."""
from __future__ import annotations

COUNCIL_COMPANIES = (
    ("brick by brick", "CRY"),  # Croydon's housebuilder (2014-2023)
    ("robin hood energy", "NGM"),  # Nottingham's energy supplier (2015-2020)
    ("bristol energy", "BST"),  # Bristol's energy supplier (2015-2021)
    ("homes for lambeth", "LBH"),  # Lambeth's housing company
    ("thameswey", "WOI"),  # Woking's energy and housing group
    ("knowle green estates", "SPE"),  # Spelthorne's property company
    ("james elliman homes", "SLG"),  # Slough's housing company
    ("corserv", "CON"),  # Cornwall's services group
    ("red door ventures", "NWM"),  # Newham's housing company
    ("siglion", "SND"),  # Sunderland's development company
    ("fortior homes", "STE"),  # Stoke-on-Trent's housing company
    ("acivico", "BIR"),  # Birmingham's building services company
    ("bcp futureplaces", "BPC"),  # Bournemouth, Christchurch and Poole's regeneration company
    ("nottingham city homes", "NGM"),  # Nottingham's housing management company
    # More wholly owned companies, named by their full names (an arm's-length housing body's
    # "<place> Homes" only where no housing association shares it)
    ("gateshead energy company", "GAT"),  # Gateshead's heat network company
    ("wolverhampton homes", "WLV"),  # Wolverhampton's housing management company
    ("denbighshire leisure", "DEN"),  # Denbighshire's leisure company
    ("norwich regeneration company", "NOW"),  # Norwich's housing company
    ("seahorse homes", "TWH"),  # Tower Hamlets' housing company
    ("herts living", "HRT"),  # Hertfordshire's property company
    ("lewisham homes", "LEW"),  # Lewisham's housing management company (brought in-house in 2023)
    ("barnet homes", "BNE"),  # Barnet's housing management company
    ("stockport homes", "SKP"),  # Stockport's housing management company
)
