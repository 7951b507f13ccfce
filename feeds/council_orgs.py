"""Another organisation's news, told with its name at the head of the text and a
place after it, in a text that says nothing of a council (`feeds.council_kinds.quiet`): "Nissan
confirms Sunderland investment", "Sky opens Leeds hub", "Channel 4 moves to Leeds". The place is
where the organisation acts, not its council. Not when the head is a council's or a mayor's name
("Somerset warns it could go bust"), a person or body that acts on councils (a minister, a court,
a regulator: "Government bails out Surrey"), or an everyday noun a sentence starts with
("Residents sue…", "Parents fear…"), which case cannot tell from a company's name."""
from __future__ import annotations

from feeds.council_context import services_named
from feeds.council_kinds import REGULATORS
from feeds.council_openers import TREND_HEADS
from feeds.council_stance import decision_given
from feeds.council_talk import COUNCIL_TALK, quiet
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import GOVERNMENT_WORDS, OBJECT_VERBS

# Sentence-opening nouns of people, groups and things that are no organisation's own name.
COMMON_HEADS = frozenset({
    "residents", "resident", "parents", "parent", "campaigners", "campaigner", "protesters", "developers", "developer",
    "union", "unions", "families", "family", "tenants", "staff", "workers", "pupils", "children", "people", "women",
    "men", "businesses", "traders", "councillors", "officials", "judge", "judges", "court", "courts", "tribunal",
    "inspectors", "inspector", "report", "review", "study", "survey", "plan", "plans", "bid", "row", "call", "calls",
    "fears", "concern", "new", "more", "why", "how", "what", "who", "when", "where", "the", "a", "an", "this",
    "mps", "mp", "peers", "lords", "commons", "parliament", "police", "firefighters", "nurses", "doctors", "teachers",
    "students", "drivers", "passengers", "commuters", "shoppers", "voters", "charity", "charities", "volunteers",
    "mayor", "mayors", "leader", "leaders", "labour", "tories", "conservatives", "reform", "greens", "lib",
    "homeowners", "landlords", "farmers", "villagers", "locals", "experts", "scientists", "researchers", "data",
    "figures", "audit", "auditors", "ombudsman", "regulator", "watchdog", "commissioner", "commissioners", "ofsted",
    "cqc", "lga", "grants", "funding", "cash", "money", "government", "ministers", "minister", "secretary",
    # adjectives a sentence opens with ("Old baths to be demolished by Cumberland")
    "old", "former", "historic", "derelict", "empty", "disused", "vacant", "listed", "famous",
    # councils' own workers' unions, whose strikes and ballots are at councils
    "unison", "gmb", "unite",
    # the devolved governments, which act on councils
    "stormont", "holyrood", "senedd",
    # Ordinals and quantities a sentence opens with ("Second homes in … face double bills")
    "second", "third", "another", "every", "some", "most", "many"})
# An employer's "job cuts" or "job losses" are its own news, not a council's cuts or losses
# ("Boots confirms job cuts at its Nottingham head office"; the words after "job" are read past).
_JOB_LOSSES = frozenset({"cuts", "losses"})
# Words of government and regulation, whose news about a place is often about its council.
_ACTS_ON_COUNCILS = GOVERNMENT_WORDS | REGULATORS | COMMON_HEADS | TREND_HEADS  # and "Falling rolls force…"


def organisations_news(out: list[CouncilEvidence], matches: list[NameMatch], tokens: Tokens) -> list[CouncilEvidence]:
    """Names counted after another organisation's name at the head of a quiet text, refused as where
    its news happened (`organisation_at_head`)."""
    head = organisation_at_head(tokens, matches)
    if head is None:
        return out
    name, end = head
    return [CouncilEvidence(e.code, e.named, False, f"where {name}'s news happened (its name heads the text), "
                            "with no local-government word")
            if e.counted and match.start >= end and not match.person and decision_given(tokens.words, match) is None
            else e for e, match in zip(out, matches)]  # "Arena wins Salford approval": the council's decision


def organisation_at_head(tokens: Tokens, matches: list[NameMatch]) -> tuple[str, int] | None:
    """(name, end) of an organisation named by the capitalised words that open a sentence-case quiet
    text before a present-tense verb or "to" ("Jaguar Land Rover expands…", "Amazon to create…"),
    when none of those words is a council's name; None otherwise."""
    texts, words = tokens.texts, tokens.words
    if not matches or matches[0].start == 0 or words[0] in _ACTS_ON_COUNCILS or tokens.shouting:
        return None  # most texts: a council's name (or a minister, a court…) opens them
    k = 0
    while k < min(len(texts), 5) and (texts[k][0].isupper() or texts[k][0].isdigit()):
        k += 1
    if k == 1 and texts[0][0].isdigit() and not any(c.isupper() for c in texts[0]):
        return None  # "20mph limits to cover…", "500 homes…": a quantity, no organisation's name
    if k == 0 or k >= len(texts) or k == tokens.label or matches[0].start < k or \
            not GOVERNMENT_WORDS.isdisjoint(words[1:k]):
        return None  # "Welsh Government bails out Powys": a government acts on councils
    name_end = k
    if words[k] == "s" and k + 1 < len(words) and matches[0].start > k + 1:
        k += 1  # "Sainsbury's confirms Bolton store closure": the organisation's own possessive name
    verb = words[k]
    rest = ["" if w in _JOB_LOSSES and j and words[j - 1] == "job" else w for j, w in enumerate(words)]
    if not (verb == "to" or (len(verb) > 3 and verb.endswith("s") and not verb.endswith("ss"))) or \
            verb in OBJECT_VERBS or tokens.title_case or services_named(words) or \
            not quiet(rest if verb in COUNCIL_TALK else rest[:k] + rest[k + 1:]):
        return None  # the organisation's own verb ("unveils", "backs") is no council's word; "losses" is
    return " ".join(texts[:name_end]), k
