"""A combined authority's region named as the authority without an authority word.

A region's bare name ("West Yorkshire", "Greater Manchester") is a place unless its authority is
named (`feeds.council_context.names_authority`). Two more ways a headline names the authority by its
region alone:

- the region heads the text as the one acting, as a council's bare name does ("West Yorkshire to
  franchise buses from 2027", "Greater Manchester approves spatial plan"): a region as a place does
  not decide, franchise or spend; what merely happens to a place ("to see snow", "to be hit by
  strikes") is not acting, nor is any crime, sport or weather story;
- the region's name is followed by one of the authority's own matters ("South Yorkshire transport
  plan", "Greater Manchester's mass transit"): the powers and money that only its combined authority
  holds (not devolution, which its councils negotiate before there is an authority: "Lincolnshire
  County Council backs Greater Lincolnshire devolution"); the more particular of those matters
  anywhere in a text that names the region and no council ("Bus franchising in West Yorkshire
  approved", `feeds.council_none`).

London has no region's name of this kind; "London's" budget, precept or mayor is the Greater London
Authority's (`londons_government`).
"""
from __future__ import annotations

from feeds.council_context import decides
from feeds.council_kinds import ANSWERING_VERBS, ORGANISATION_VERBS
from feeds.council_tokens import CouncilEvidence, NameMatch, Tokens
from feeds.council_words import COUNCIL_VERBS

# Verbs after "<region> to" of what happens to a place, not of a body acting.
HAPPENS_TO = frozenset({"see", "be", "feel", "face", "experience", "suffer", "bask", "swelter", "shiver", "brace",
                        "expect", "miss", "escape", "avoid", "host", "welcome", "lose"})
# Council verbs that are said of a place as much as of its body ("West Midlands faces…", "… rated").
_NOT_ACTING = frozenset({"faces", "rated", "judged", "send", "to"})
# A combined authority's own matters, straight after its region's name (its possessive aside).
AUTHORITY_MATTERS = tuple(tuple(phrase.split()) for phrase in (
    "transport plan", "transport strategy", "local transport plan", "transport body", "bus franchising",
    "franchising", "franchised buses", "mass transit", "trailblazer deal",
    "integrated settlement", "investment zone", "investment fund", "spatial plan", "spatial strategy",
    "precept", "budget", "growth plan", "local growth plan", "skills fund", "adult skills", "adult education budget",
    "bus network", "bus service improvement plan", "strategic plan", "housing fund", "brownfield fund"))
_MATTERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _matter in AUTHORITY_MATTERS:
    _MATTERS_BY_FIRST.setdefault(_matter[0], []).append(_matter)


def matters_named(words: list[str]) -> str | None:
    """The combined authority's own matter the text names anywhere ("Bus franchising in West Yorkshire
    approved"), as written, or None."""
    for k, word in enumerate(words):
        for matter in _MATTERS_BY_FIRST.get(word, ()):
            if tuple(words[k:k + len(matter)]) == matter and matter not in _EVERYDAY_MATTERS:
                return " ".join(matter)
    return None


# Matters that name the authority only straight after its region ("West Yorkshire budget"), not anywhere.
_EVERYDAY_MATTERS = frozenset({("budget",), ("bus", "network"), ("housing", "fund"), ("investment", "fund"),
                               ("strategic", "plan"), ("growth", "plan"), ("transport", "body")})


def region_acts(words: list[str], match: NameMatch, story: str | None) -> str | None:
    """Why a combined authority's region (named without an authority word) is the authority, or None:
    it opens the text acting, or one of the authority's own matters follows it. `story`: the text's
    crime, sport or weather kind (`feeds.council_stories.other_news`), in which it is never acting."""
    end = match.start + match.length
    if words[end:end + 1] == ["s"]:
        end += 1  # "Greater Manchester's mass transit"
    after = words[end] if end < len(words) else ""
    for matter in _MATTERS_BY_FIRST.get(after, ()):
        if tuple(words[end:end + len(matter)]) == matter:
            return f'the combined authority\'s own matter follows ("{" ".join(matter)}")'
    if match.start and words[match.start - 1] in _CLAUSE_OPENERS and story is None and \
            end < len(words) and (after in _CLAUSE_VERBS or after in ORGANISATION_VERBS) and \
            (matter := matters_named(words)) is not None:
        # "…as Greater Manchester marks a year of franchised buses": the region, heading a clause, acting
        # on the authority's own particular matter
        return f'the combined authority acting ("{after}") on its own matter ("{matter}")'
    if match.start != 0 or story is not None or end != match.start + match.length:
        return None
    if after == "to" and end + 1 < len(words) and words[end + 1] not in HAPPENS_TO:
        return f'the combined authority acting ("to {words[end + 1]}")'  # "West Yorkshire to franchise buses"
    if (after in COUNCIL_VERBS and after not in _NOT_ACTING) or after in ORGANISATION_VERBS or \
            after in ANSWERING_VERBS or decides(words, end):
        return f'the combined authority acting ("{after}")'  # "Greater Manchester approves spatial plan"
    return None


# Words that open a clause whose subject a region may be ("…as Greater Manchester marks…").
_CLAUSE_OPENERS = frozenset({"as", "while", "after", "and", "but", "when", "since"})
# Present-tense verbs of a body marking, starting or ending its own scheme.
_CLAUSE_VERBS = COUNCIL_VERBS - _NOT_ACTING | frozenset({"marks", "celebrates", "begins", "starts", "completes",
                                                         "takes", "brings", "rolls", "hails", "unveils"})


# What only London's own government has, a word or two after "London's" ("London's 2027 budget").
LONDON_GOVERNMENT = frozenset({"budget", "budgets", "precept", "mayor", "mayoral", "assembly", "deputy"})


def londons_government(out: list[CouncilEvidence], tokens: Tokens) -> list[CouncilEvidence]:
    """"London's" before its mayor, assembly, budget or precept names the Greater London Authority
    ("City Hall signs off London's 2027 budget"); London alone is no council's name (its boroughs
    and the City are). Added to `out` unless the authority is already there."""
    words = tokens.words
    for k, text in enumerate(tokens.texts):
        if text != "London" or words[k + 1:k + 2] != ["s"] or words[max(0, k - 2):k] == ["city", "of"]:
            continue
        after = [w for w in words[k + 2:k + 5] if not w.isdigit()][:1]
        if after and after[0] in LONDON_GOVERNMENT and all(e.code != GREATER_LONDON for e in out):
            return out + [CouncilEvidence(GREATER_LONDON, "London", True, f'"London\'s {after[0]}": the Greater '
                                          "London Authority's")]
    return out


GREATER_LONDON = "GLA"
