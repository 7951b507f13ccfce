"""Combined authorities as headlines name them: their acronyms, their mayors (by name, and by the
surnames that alone name them), the register's type codes for them and the words that end their
official names. A leaf module (it imports nothing of Herald), read through `feeds.council_words`;
split from it."""

# The acronyms by which combined authorities are known in headlines ("WMCA board signs off…"); each
# counts as the authority itself, never as a region named as a place.
AUTHORITY_ACRONYMS = (("gmca", "GMCA"), ("wmca", "WMCA"), ("wyca", "WYCA"), ("lcrca", "LCR"), ("lcr", "LCR"),
                      ("symca", "SCR"), ("syca", "SCR"), ("neca", "NECA"), ("ntca", "NTCA"), ("tvca", "TVCA"),
                      ("weca", "WECA"), ("cpca", "CPCA"), ("emcca", "EMCA"), ("glcca", "GLCA"), ("ynyca", "YNYC"),
                      ("heyca", "HYCA"), ("gla", "GLA"))
COMBINED_TYPES = frozenset({"COMB", "CA", "CCA", "SRA"})  # mySociety's type codes for combined authorities
# The mayors of combined authorities and London, in office in December 2026 (update after mayoral
# elections): a headline naming one ("Burnham demands powers over rail") is about the authority.
MAYORS = (("andy burnham", "GMCA"), ("tracy brabin", "WYCA"), ("ben houchen", "TVCA"), ("steve rotheram", "LCR"),
          ("richard parker", "WMCA"), ("oliver coppard", "SCR"), ("kim mcguinness", "NECA"), ("sadiq khan", "GLA"),
          ("claire ward", "EMCA"), ("helen godwin", "WECA"), ("paul bristow", "CPCA"), ("david skaith", "YNYC"),
          ("andrea jenkyns", "GLCA"), ("luke campbell", "HYCA"),
          # their predecessors, named in the news of their terms ("Dan Norris: West of England to…")
          ("dan norris", "WECA"), ("tim bowles", "WECA"), ("andy street", "WMCA"), ("dan jarvis", "SCR"),
          ("jamie driscoll", "NTCA"), ("nik johnson", "CPCA"), ("james palmer", "CPCA"))
# Those whose surname alone names them in headlines (others' surnames are common names or words).
MAYOR_SURNAMES = frozenset({"burnham", "brabin", "houchen", "rotheram", "coppard", "mcguinness", "skaith", "jenkyns"})
# The words that end a combined authority's official name; what is left is its region ("Greater Lincolnshire").
AUTHORITY_SUFFIX = frozenset({"combined", "county", "authority", "mayoral", "ca", "cca", "mca"})
