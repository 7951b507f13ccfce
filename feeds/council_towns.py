"""Towns that are not councils' names, and the council whose area holds each: "Cleethorpes beach
huts sold off by council" is North East Lincolnshire Council's, "Blyth town centre square reopens
after county council revamp" Northumberland's. mySociety's register names councils, not towns.

A town names its council only when the text speaks of a council (`feeds.council_institutions.
the_council_acts`: "by council", "county council"; not a town or parish council) and no council name
counted: then the one town named is where that council is. In a two-tier area "county council"
means the county ("Clacton seafront works by county council" is Essex's). A town followed by an
institution word ("Grimsby Town", "Scunthorpe General Hospital") is the institution, as for any name.

Left out: towns whose names are ordinary words or other places first (Sale, Deal, Ware, March,
Hyde, Leigh, Washington, Bangor, Burton, St Ives, Gillingham, Stratford, Chelsea, Wimbledon), and
towns whose name is already a council's.
"""
from __future__ import annotations

from typing import NamedTuple

from feeds.council_institutions import the_council_acts
from feeds.council_words import CLUB_AFTER, CLUB_SUFFIX, INSTITUTION_AFTER, CouncilEvidence, Tokens

_LISTED = """
Grimsby NEL, Cleethorpes NEL, Immingham NEL, Scunthorpe NLN, Brigg NLN, Blyth NBL, Cramlington NBL, Hexham NBL,
Morpeth NBL, Ashington NBL, Berwick NBL, Alnwick NBL, Clacton TEN, Harwich TEN, Frinton TEN, Walton-on-the-Naze TEN,
Bognor Regis ARU, Littlehampton ARU, Weston-super-Mare NSM, Clevedon NSM, Portishead NSM, Yeovil SMT, Taunton SMT,
Bridgwater SMT, Frome SMT, Minehead SMT, Glastonbury SMT, Salisbury WIL, Chippenham WIL, Trowbridge WIL, Devizes
WIL, Truro CON, Falmouth CON, Penzance CON, Newquay CON, Bodmin CON, Redruth CON, Camborne CON, St Austell CON,
Launceston CON, Whitby NYE, Ripon NYE, Northallerton NYE, Skipton NYE, Thirsk NYE, Malton NYE, Skegness ELI, Louth
ELI, Mablethorpe ELI, Grantham SKE, Stamford SKE, Spalding SHO, Sleaford NKE, Gainsborough WLI, Lowestoft ESK,
Felixstowe ESK, Southwold ESK, Bury St Edmunds WSK, Newmarket WSK, Haverhill WSK, Thetford BRE, Dereham BRE, Cromer
NNO, Sheringham NNO, Wymondham SNO, Diss SNO, Margate THA, Ramsgate THA, Broadstairs THA, Hythe SHE, Whitstable CAT,
Herne Bay CAT, Sittingbourne SWL, Faversham SWL, Sheerness SWL, Leamington WAW, Leamington Spa WAW, Kenilworth WAW,
Bedworth NUN, Evesham WYC, Droitwich WYC, Pershore WYC, Kidderminster WYE, Banbury CHR, Bicester CHR, Abingdon VAL,
Wantage VAL, Didcot SOX, Henley SOX, Thame SOX, Witney WOX, Aylesbury BUC, High Wycombe BUC, Amersham BUC, Chesham
BUC, Beaconsfield BUC, Marlow BUC, Maidenhead WNM, Bracknell BRC, Hove BNH, Newhaven LEE, Seaford LEE, Bexhill ROH,
Andover TES, Romsey TES, Aldershot RUH, Farnborough RUH, Camberley SUR, Redhill REI, Dorking MOL, Leatherhead MOL,
Weybridge ELM, Staines SPE, Egham RUN, Chertsey RUN, Hemel Hempstead DAC, Berkhamsted DAC, Hitchin NHE, Letchworth
NHE, Royston NHE, Hertford EHE, Bishop's Stortford EHE, Harpenden SAL, Borehamwood HER, Welwyn Garden City WEW,
Hatfield WEW, Billericay BAI, Wickford BAI, Witham BRA, Saffron Walden UTT, Rayleigh ROC, Canvey Island CAS,
Benfleet CAS, Grays THR, Tilbury THR, Dunstable CBF, Leighton Buzzard CBF, Biggleswade CBF, Bletchley MIK,
Huntingdon HUN, St Neots HUN, Ely ECA, Wisbech FEN, Goole ERY, Beverley ERY, Bridlington ERY, Pontefract WKF,
Castleford WKF, Dewsbury KIR, Huddersfield KIR, Batley KIR, Halifax CLD, Keighley BRD, Ilkley BRD, Guisborough RCC,
Billingham STT, Thornaby STT, Consett DUR, Chester-le-Street DUR, Bishop Auckland DUR, Seaham DUR, Peterlee DUR,
Newton Aycliffe DUR, South Shields STY, Jarrow STY, North Shields NTY, Whitley Bay NTY, Tynemouth NTY, Wallsend NTY,
Workington CBD, Whitehaven CBD, Maryport CBD, Penrith WAF, Kendal WAF, Windermere WAF, Ulverston WAF, Morecambe LAC,
Fleetwood WYR, Leyland SRI, Ormskirk WLA, Skelmersdale WLA, Southport SFT, Bootle SFT, Birkenhead WRL, Wallasey WRL,
Widnes HAL, Runcorn HAL, Altrincham TRF, Stretford TRF, Eccles SLF, Ashton-under-Lyne TAM, Stalybridge TAM,
Macclesfield CHE, Crewe CHE, Nantwich CHE, Congleton CHE, Wilmslow CHE, Ellesmere Port CHW, Northwich CHW, Winsford
CHW, Buxton HIG, Glossop HIG, Matlock DEB, Ilkeston ERE, Long Eaton ERE, Belper AMB, Worksop BAE, Retford BAE,
Hucknall ASH, Sutton-in-Ashfield ASH, Kirkby-in-Ashfield ASH, Beeston BRT, West Bridgford RUS, Loughborough CHA,
Market Harborough HAO, Melton Mowbray MEL, Coalville NWL, Oakham RUT, Uttoxeter EST, Cannock CAN, Leek STF, Hanley
STE, Shrewsbury SHR, Oswestry SHR, Ludlow SHR, Bridgnorth SHR, Hereford HEF, Leominster HEF, Malvern MAV,
Cirencester COT, Cinderford FOE, Lydney FOE, Yate SGC, Thornbury SGC, Exmouth EDE, Sidmouth EDE, Honiton EDE,
Barnstaple NDE, Ilfracombe NDE, Bideford TOR, Tiverton MDE, Newton Abbot TEI, Dawlish TEI, Teignmouth TEI, Torquay
TOB, Paignton TOB, Brixham TOB, Totnes SHA, Tavistock WDE, Okehampton WDE, Weymouth DST, Dorchester DST, Bridport
DST, Swanage DST, Waterlooville HAA, Petersfield EHA, Lymington NEW, Ringwood NEW, Ryde IOW, Cowes IOW, Haywards
Heath MSS, Burgess Hill MSS, East Grinstead MSS, Uckfield WEA, Crowborough WEA, Hailsham WEA, Gravesend GRA, Chatham
MDW, Rochester MDW, Strood MDW, Llandudno CWY, Colwyn Bay CWY, Rhyl DEN, Prestatyn DEN, Mold FLN, Caernarfon GWN,
Holyhead AGY, Aberystwyth CGN, Carmarthen CMN, Llanelli CMN, Haverfordwest PEM, Tenby PEM, Neath NTL, Port Talbot
NTL, Barry VGL, Penarth VGL, Pontypridd RCT, Ebbw Vale BGW, Pontypool TOF, Cwmbran TOF, Abergavenny MON, Chepstow
MON, Brecon POW, Welshpool POW, Llandrindod Wells POW, Paisley RFW, Kilmarnock EAY, Ayr SAY, Irvine NAY, East
Kilbride SLK, Motherwell NLK, Airdrie NLK, Cumbernauld NLK, Livingston WLN, Dunfermline FIF, Kirkcaldy FIF, St
Andrews FIF, Glenrothes FIF, Inverness HLD, Fort William HLD, Elgin MRY, Stranraer DGY, Greenock IVC, Dumbarton WDU,
Clydebank WDU, Alloa CLK, Oban AGB, Dunoon AGB, Arbroath ANS, Montrose ANS, Forfar ANS, Peterhead ABD, Fraserburgh
ABD, Kirkwall ORK, Lerwick ZET, Stornoway ELS, Galashiels SCB, Hawick SCB, Musselburgh ELN, Dalkeith MLN,
Kirkintilloch EDU, Grangemouth FAL, Portrush CCG, Dungannon MUL, Enniskillen FMO, Portadown ABC, Lurgan ABC,
Downpatrick NMD, Newtownards AND, Holywood AND, Brixton LBH, Streatham LBH, Peckham SWK, Bermondsey SWK, Tottenham
HRY, Wood Green HRY, Wembley BEN, Willesden BEN, Walthamstow WFT, Leyton WFT, Woolwich GRE, Eltham GRE, Romford HAV,
Hornchurch HAV, Ilford RDB, Uxbridge HIL, Shoreditch HCK, Dalston HCK, Whitechapel TWH, Poplar TWH, Bethnal Green
TWH, Acton EAL, Southall EAL, Fulham HMF, Battersea WND, Putney WND, Tooting WND, Deptford LEW, Catford LEW,
Orpington BRY, Beckenham BRY, Purley CRY, Edmonton ENF, Finchley BNE, Hendon BNE, Feltham HNS, Chiswick HNS,
Dagenham BDG, Bexleyheath BEX, Erith BEX, Sidcup BEX, Mitcham MRT, Morden MRT, Smethwick SAW, West Bromwich SAW,
Oldbury SAW, Tipton SAW, Wednesbury SAW, Halesowen DUD, Stourbridge DUD, Brierley Hill DUD, Bilston WLV, Sutton
Coldfield BIR
"""


class Town(NamedTuple):
    """A town found in a text: its words as written, its council's code, where it starts."""

    named: str
    code: str
    start: int


def _parse(listed: str) -> dict[tuple[str, ...], str]:
    towns = {}
    for entry in listed.replace("\n", " ").split(","):
        *name, code = entry.split()
        key = tuple(name_word.lower() for name_word in " ".join(name).replace("-", " ").replace("'", " ").split())
        towns[key] = code
    return towns


TOWNS = _parse(_LISTED)
_LONGEST = max(len(key) for key in TOWNS)
_FIRST_WORDS = frozenset(key[0] for key in TOWNS)
_NOT_THE_COUNCIL_AFTER = INSTITUTION_AFTER | CLUB_AFTER | CLUB_SUFFIX | {"parish", "community"}
_TOWN_PLACES = frozenset({"centre", "center", "centres", "hall", "square"})  # "Blyth town centre": not a club


def towns_named(tokens: Tokens) -> list[Town]:
    """The listed towns a text names, capitalised (or in an all-capitals text), each not followed by
    an institution, club or local council word ("Grimsby Town", "Ilkley Town Council")."""
    words, found, i = tokens.words, [], 0
    while i < len(words):
        if words[i] not in _FIRST_WORDS or not (tokens.shouting or tokens.texts[i][0].isupper()):
            i += 1
            continue
        for length in range(min(_LONGEST, len(words) - i), 0, -1):
            code = TOWNS.get(tuple(words[i:i + length]))
            if code is not None:
                after = words[i + length] if i + length < len(words) else ""
                beyond = words[i + length + 1] if i + length + 1 < len(words) else ""
                if after not in _NOT_THE_COUNCIL_AFTER or (after == "town" and beyond in _TOWN_PLACES):
                    found.append(Town(" ".join(tokens.texts[i:i + length]), code, i))
                i += length
                break
        else:
            i += 1
    return found


def town_councils(tokens: Tokens, county_of: dict[str, str]) -> list[CouncilEvidence]:
    """The council of the one listed town a text names, when the text speaks of a council and no
    council name counted ("Cleethorpes beach huts sold off by council"); the county's in a two-tier
    area when the text says "county council". Empty otherwise."""
    if _FIRST_WORDS.isdisjoint(tokens.words) or not the_council_acts(tokens):
        return []
    towns = towns_named(tokens)
    if len({town.code for town in towns}) != 1:
        return []
    town = towns[0]
    code, why = town.code, f"a town in the area of {town.code}, and the text speaks of a council"
    words = tokens.words
    if town.code in county_of and any(words[k:k + 2] == ["county", "council"] for k in range(len(words) - 1)):
        code, why = county_of[town.code], f"a town in {county_of[town.code]}, and the text speaks of the county council"
    return [CouncilEvidence(code, town.named, True, why)]

