"""The sector's national bodies and public auditors, by name and by the words a writer uses instead: the story rule's
(`models.story_match`) evidence that two items speak of one body even when one says "CCN" and the other "the network
representing England's counties".

A trade-press item names a body ("Solace", "Oflog", "the Accounts Commission"); a regional or national daily
rewriting it often describes the body instead ("the chief executives' professional body", "the performance
watchdog", "Scotland's local authority spending watchdog"). Both speak of one body, but share no word for it.

- `SECTOR_BODIES` (the LGA, the networks, Oflog …): two items both about one of them are at one door, as two items
  about one council are (`sector_bodies`); each about a different one are two bodies' news (`bodies_apart`).
- `AUDITORS` (Audit Wales, the Accounts Commission, Ofsted, the CQC): they report on every council, so two items
  speaking of one are not at one door by that alone; but one named and the other described is one word told two
  ways (`body_told_two_ways`), as a town and its council are.
- `COMMENTATORS` (the IFS, the HCLG committee, the National Employers): as the auditors, one word told two ways.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# What a writer calls a body it does not name: "the body representing England's counties", "councils' umbrella body".
_SPEAKS_FOR = r"(?:body|organisation|group|association|network|voice|lobby group) (?:that )?(?:represents|representing|for|of)"
_ENGLAND = r"(?:england's |english |the |all )?"


@dataclass(frozen=True)
class Body:
    """A body's names and initials (`named`), and the descriptions a writer gives instead (`described`)."""

    named: re.Pattern[str]
    described: re.Pattern[str]


def _body(named: str, described: str) -> Body:
    return Body(re.compile(named), re.compile(described))


# The sector's national bodies. Not here: bodies whose news is everyone's topic (pension pools, the PWLB's lending).
SECTOR_BODIES: dict[str, Body] = {
    "the LGA": _body(r"\blga\b|local government association|\blg group\b",
                     rf"\b{_SPEAKS_FOR} {_ENGLAND}(?:councils|local authorities|local government)\b(?! in (?:scotland|wales))"
                     r"|councils'? (?:umbrella|representative|national) body|umbrella body for (?:english )?councils"),
    "Cosla": _body(r"\bcosla\b|convention of scottish local authorities",
                   rf"\b{_SPEAKS_FOR} (?:scotland's|scottish) (?:councils|local authorities|local government)\b"
                   r"|scottish councils'? (?:umbrella|representative) body|umbrella body for scottish councils"),
    "the WLGA": _body(r"\bwlga\b|welsh local government association",
                      rf"\b{_SPEAKS_FOR} (?:wales's|wales'|welsh) (?:councils|local authorities|local government)\b"
                      r"|welsh councils'? (?:umbrella|representative) body|umbrella body for welsh councils"),
    "Oflog": _body(r"\boflog\b|office for local government",
                   r"\b(?:local government |council |councils' )?performance watchdog|watchdog (?:for|of) council"
                   r" performance"),
    "CIPFA": _body(r"\bcipfa\b|chartered institute of public finance",
                   r"\b(?:public finance )?accountancy body|\bpublic finance (?:accountants'? )?(?:body|institute)"),
    "the NAO": _body(r"\bnao\b|national audit office",
                     r"\bwhitehall(?:'s)? (?:spending |public spending |audit )?watchdog|(?<!welsh )(?<!wales )(?<!wales's )"
                     r"(?<!scotland's )(?<!scottish )\b(?:parliament's|government's|national|public|uk) spending watchdog"),
    "the CCN": _body(r"\bccn\b|county councils network",
                     rf"\b{_SPEAKS_FOR} {_ENGLAND}(?:shire )?count(?:y|ies)(?: councils| authorities)?\b"
                     r"|\bcount(?:y|ies)'? (?:councils'? )?(?:network|lobby group|umbrella body)"),
    "the ombudsman": _body(r"ombudsman|\blgsco\b", r"\bcomplaints watchdog"),
    "Solace": _body(r"\bsolace\b|society of local authority chief executives",
                    r"\bchief executives'? (?:professional )?(?:body|society|network|association|organisation)\b"
                    r"|\b(?:professional )?(?:body|society|network|association|organisation) (?:for|of|representing) "
                    r"(?:council |local authority |local government )?chief executives\b"),
    "London Councils": _body(r"london councils",
                             rf"\b{_SPEAKS_FOR} (?:the capital's|london's) (?:32 |33 )?(?:boroughs|councils)\b"),
    "the DCN": _body(r"district councils.? network|\bdcn\b",
                     rf"\b{_SPEAKS_FOR} {_ENGLAND}(?:district councils|districts)\b"
                     r"|\bdistricts'? (?:network|lobby group|umbrella body)"),
}
_WATCHDOG = r"(?:local government |local authority |council |councils' |public )?(?:spending |finance |audit )?watchdog"
# Auditors and inspectors of every council: two of their reports on two councils are two events.
AUDITORS: dict[str, Body] = {
    "the Accounts Commission": _body(r"accounts commission|audit scotland|controller of audit",
                                     rf"\b(?:scotland's|scottish) {_WATCHDOG}\b"),
    "Audit Wales": _body(r"audit wales|auditor general for wales|wales audit office",
                         rf"\b(?:wales's|wales'|welsh) {_WATCHDOG}\b"),
    "Ofsted": _body(r"\bofsted\b", r"\b(?:schools|education|children's services) (?:watchdog|inspectorate)\b"),
    "the CQC": _body(r"\bcqc\b|care quality commission",
                     r"\b(?:care|health and care|social care) (?:watchdog|regulator|inspectorate)\b"),
}

# Bodies that comment on the sector's news rather than make it (think-tanks, a select committee, the employers' side
# of pay talks): two items speaking of one, one by name and the other by a description, tell one word two ways
# ("IFS: mergers no guarantee of savings" / "savings overstated, economics think-tank says"); never a door or a veto.
COMMENTATORS: dict[str, Body] = {
    "the IFS": _body(r"\bifs\b|institute for fiscal studies",
                     r"\b(?:economics|economic|fiscal|tax|public spending) think[- ]?tank\b"),
    "the HCLG committee": _body(r"\bhclg (?:select )?committee\b|housing,? communities and local government "
                                r"(?:select )?committee",
                                r"\bcross-party (?:committee|group of mps)\b|\bcommons (?:select )?committee\b"),
    "the National Employers": _body(r"\bnational employers\b|\bnjc\b|national joint council",
                                    r"\b(?:council|local government) employers\b|\bemployers' side\b"),
    "Centre for Cities": _body(r"centre for cities", r"\b(?:urban|cities) (?:policy )?think[- ]?tank\b"),
}


def _plain(lowered: str) -> str:
    return lowered.replace("\u2019", "'")


@functools.lru_cache(maxsize=8192)
def sector_bodies(lowered: str) -> frozenset[str]:
    """The sector's national bodies a lower-case text speaks of (`SECTOR_BODIES`), by name or description."""
    text = _plain(lowered)
    return frozenset(name for name, body in SECTOR_BODIES.items()
                     if body.named.search(text) or body.described.search(text))


def bodies_apart(lowered_a: str, lowered_b: str) -> str | None:
    """The national bodies two items are each about, when both speak of one and none of the same ("LGA warns of
    £8bn gap" / "CCN: counties' SEND costs soar"): two bodies' analyses, calls or elections are two events, as two
    councils' are."""
    one, other = sector_bodies(lowered_a), sector_bodies(lowered_b)
    if one and other and not one & other:
        return f"{', '.join(sorted(one))} / {', '.join(sorted(other))}"
    return None


def body_told_two_ways(lowered_a: str, lowered_b: str) -> str | None:
    """A body (national or auditor) both items speak of, one only by a description ("Solace" / "the chief
    executives' professional body"; "Audit Wales" / "the Welsh public spending watchdog"), else None: the name
    both give, in words the word share cannot see."""
    a, b = _plain(lowered_a), _plain(lowered_b)
    for name, body in (*SECTOR_BODIES.items(), *AUDITORS.items(), *COMMENTATORS.items()):
        named_a, named_b = bool(body.named.search(a)), bool(body.named.search(b))
        if named_a == named_b:
            continue  # both name it (a word shared), or neither does
        if (named_a or body.described.search(a)) and (named_b or body.described.search(b)):
            return name
    return None
