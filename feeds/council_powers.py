"""More of what only a council does, has or employs, told without the word "council" after
its name (`feeds.council_context` reads them with its services): the school estate it keeps, the orders,
licences and premiums only it makes ("Reading to introduce public spaces protection order", "Bury compulsory
purchase order confirmed"), the benefits it administers, and its members' and officers' titles ("Derby cabinet
member sacked", "Surrey chief exec to retire", "Essex portfolio holder for SEND steps down")."""
from __future__ import annotations

import re

POWERS = tuple(tuple(phrase.split()) for phrase in (
    "school estate", "school place", "public spaces protection order", "public spaces protection orders", "pspo",
    "pspos", "selective licensing", "additional licensing", "article 4 direction", "tree preservation order",
    "traffic regulation order", "controlled parking", "school streets", "empty homes premium", "second homes premium",
    "taxi licensing", "household support fund", "compulsory purchase order", "compulsory purchase orders", "cpo",
    "housing benefit", "discretionary housing payments", "parking fines", "parking tickets", "penalty charge notices",
    "bus lane fines", "bus lane cameras",
    # The licensing authority's committees, policies and schemes (Licensing Act 2003)
    "licensing committee", "licensing sub committee", "licensing panel", "licensing policy", "licensing crackdown",
    "licensing scheme", "licensing fees", "licensing regime", "late night levy", "cumulative impact",
    "premises licence", "premises licences",
    # The high-needs money only an education authority holds and the deals the DfE strikes with
    # it, and more of what only a council administers (adult care's payments, housing's lists, travel concessions)
    "safety valve", "high needs deficit", "high needs block", "high needs funding", "dedicated schools grant",
    "dsg deficit", "send deficit", "send overspend", "statutory override", "disabled facilities grant",
    "disabled facilities grants", "blue badge", "blue badges", "concessionary fares", "council tax support",
    "council tax reduction", "housing register", "housing waiting list", "direct payments", "pavement licences",
    "hmo licensing", "public health grant", "grounds maintenance", "library service", "libraries service",
    "zero emission zone", "workplace parking levy", "heat network", "district heating",
    # Adult care without "social", second homes' council tax ("Second homes in … face double
    # bills"; rough sleeping was tried and dropped: it cost headlines never read)
    "adult care", "second homes",
    # The weights-and-measures authority's service, by its own name ("Kent trading standards
    # seize unsafe toys"; capitalised it is no body named after the place, `feeds.council_institutions`)
    "trading standards",
    # a relief road, the highway authority's own scheme named after the town it relieves ("Shrewsbury North West
    # Relief Road"); trunk roads' bypasses are National Highways' and are called bypasses
    "relief road",
    # the drivers only a council licenses, the care workers it commissions ("Bradford taxi drivers to face new
    # English language test", "Rhondda Cynon Taf care workers get real living wage")
    "taxi drivers", "care workers"))

MORE_OFFICERS = tuple(tuple(title.split()) for title in (
    "cabinet member", "cabinet members", "portfolio holder", "chief exec", "executive member", "section 151",
    "s151", "chief finance officer", "head of paid service", "director of public health", "director of adult",
    "director of adults", "deputy leader", "opposition leader", "strategic director", "civic chiefs", "civic leaders"))

# The services a county council runs in a two-tier area (the rest of a council's services are its districts'):
# "Lowestoft street lighting switched off" is Suffolk's, "Lowestoft bin collections" East Suffolk's.
COUNTY_SERVICES = frozenset(tuple(phrase.split()) for phrase in (
    "children s services", "childrens services", "children s social", "adult social care", "adult services",
    "libraries", "library", "send", "school transport", "social workers", "social care", "household waste", "tip",
    "tips", "care homes", "highways", "street lighting", "gritting", "care leavers", "youth services", "potholes",
    "pothole", "fostering", "reablement", "school meals", "school places", "school place", "school admissions",
    "school estate", "school streets", "traffic regulation order", "park and ride", "relief road"))

# Councils by the names the press gives them: the City of London's ("City Corporation approves tower") and
# councils' own acronyms ("LBBD", "CW&C"); the Western Isles' council by the first word of its Gaelic name ("the
# Comhairle"), which its islands' papers use alone, as no other council is so called in English.
PRESS_NAMES = (("corporation of london", "LND"), ("city corporation", "LND"), ("lbbd", "BDG"), ("cw and c", "CHW"),
               ("comhairle", "ELS"))

_AFTER_GIVERS = frozenset({"for", "to", "towards", "as", "after", "and", "council", "councils"})
_SUM = re.compile(r"\d+(?:m|bn|k)?$")


def funds(words: list[str], texts: list[str], start: int, length: int) -> bool:
    """Whether the name at `start` is among the givers of a sum ("scheme gets £5m from Environment Agency and
    Havant"): only proper names and "and" between the sum's "from" and the name, and the name
    ends the list (not "from Leeds office"). A place paying is its council, even in a national body's news."""
    if start + length < len(words) and words[start + length] not in _AFTER_GIVERS:
        return False
    for k in range(start - 1, max(-1, start - 6), -1):
        if words[k] == "from":
            return k >= 1 and bool(_SUM.match(words[k - 1])) and any(ch.isdigit() for ch in words[k - 1])
        if words[k] not in ("and", "&") and not texts[k][:1].isupper():
            return False
    return False
