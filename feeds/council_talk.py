"""Whether a text speaks of a council at all: its local-government words, the council named or its people, its money
troubles, and its officers' and duties' phrases. A text that does not ("quiet") names places only as where its news
happened."""
from __future__ import annotations

from models.relevance import LOCAL_GOVERNMENT_WORDS

# Words that make a text a council's news though no local-government word is in it: the council
# named, its people, and its money troubles ("Investment losses at Thurrock and Woking explained").
COUNCIL_TALK = frozenset({
    "council", "councils", "councillor", "councillors", "cllr", "cllrs", "mayor", "leader", "leaders",
    "cabinet", "authority", "borough", "debt", "debts", "borrowing", "losses", "finances", "bailout", "reserves",
    "capitalisation", "insolvency", "114", "ofsted", "inspectors", "send", "sen", "ehcp", "ehcps", "intervenes",
    "oflog"})  # the Office for Local Government watches councils alone

# Words local-government news shares with everyday news that say nothing of a council's business
# on their own ("Primary school head in Wolverhampton suspended"), unlike "homes", "approves", "plan"
# or what a council looks after ("trees", "roads", "parks": "felling of trees in Plymouth").
EVERYDAY = frozenset({"school", "schools", "children", "care", "staff", "jobs", "services", "tenants"})


def quiet(words: list[str]) -> bool:
    """The text has no local-government word (but everyday ones, `EVERYDAY`) and says nothing of a
    council, its money or its officers (`COUNCIL_TALK_PHRASES`: "best value", "monitoring officer"):
    a place named in it is where the news happened (unless the text names a council's building and no
    other council, `scenes`)."""
    if not COUNCIL_TALK.isdisjoint(words) or not all(w in EVERYDAY or (w == "tax" and _national_tax(words))
                                                     for w in LOCAL_GOVERNMENT_WORDS.intersection(words)):
        return False
    return _TALK_FIRST.isdisjoint(words) or not any(
        words[k:k + len(p)] == list(p) for k, w in enumerate(words) for p in _TALK_BY_FIRST.get(w, ()))


def _national_tax(words: list[str]) -> bool:
    """Every "tax" in the text is the nation's, by the word before it ("inheritance tax", "family farm tax"): no
    council's business ("Farmers protest in Devon over inheritance tax")."""
    return all(k and words[k - 1] in NATIONAL_TAXES for k, w in enumerate(words) if w == "tax")


# Words before "tax" that make it the nation's, not a council's.
NATIONAL_TAXES = frozenset({"inheritance", "income", "farm", "farms", "farmers", "corporation", "fuel", "gains",
                            "wealth", "windfall", "sugar", "vat", "death", "pension", "pensions", "tractor"})


# Phrases of a council's officers and duties, each word of which other news uses too.
COUNCIL_TALK_PHRASES = (("monitoring", "officer"), ("section", "151"), ("s151", "officer"), ("best", "value"),
                        ("finance", "director"), ("director", "of", "finance"), ("head", "of", "paid", "service"),
                        ("council", "tax"), ("local", "plan"), ("green", "belt"), ("section", "114"),
                        # auditors of councils alone: Northern Ireland's and Scotland's
                        ("local", "government", "auditor"), ("accounts", "commission"))
_TALK_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _talk in COUNCIL_TALK_PHRASES:
    _TALK_BY_FIRST.setdefault(_talk[0], []).append(_talk)
_TALK_FIRST = frozenset(_TALK_BY_FIRST)
