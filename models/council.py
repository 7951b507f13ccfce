"""Councils (mySociety's UK local authorities, keyed by `local-authority-code`) and their names."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.db import Base


class Council(Base):
    """One local authority, past or current; abolished ones name their successors."""

    __tablename__ = "councils"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    official_name: Mapped[str] = mapped_column(String(200))
    nice_name: Mapped[str] = mapped_column(String(200), index=True)
    gss_code: Mapped[str | None] = mapped_column(String(12))
    nation: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(60), index=True)
    type_code: Mapped[str] = mapped_column(String(8))
    type_name: Mapped[str] = mapped_column(String(80))
    county_code: Mapped[str | None] = mapped_column(String(8))
    combined_authority_code: Mapped[str | None] = mapped_column(String(8))
    powers: Mapped[str | None] = mapped_column(String(20))
    current: Mapped[bool] = mapped_column(Boolean, index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    replaced_by: Mapped[str | None] = mapped_column(String(100))
    population: Mapped[int | None] = mapped_column(Integer)

    names: Mapped[list["CouncilName"]] = relationship(back_populates="council")

    @property
    def successor_codes(self) -> list[str]:
        return [c.strip() for c in (self.replaced_by or "").split(",") if c.strip()]


class CouncilName(Base):
    """A name by which a council is known (official, short, alternative or a common misspelling)."""

    __tablename__ = "council_names"
    __table_args__ = (UniqueConstraint("normalized", "council_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    normalized: Mapped[str] = mapped_column(String(200), index=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code", ondelete="CASCADE"))

    council: Mapped[Council] = relationship(back_populates="names")


# --- Name resolution -------------------------------------------------------------------------------
# People write council names loosely: "Thurrock", "thurrock council", "Woking BC", "LB Camden". A name
# is tried as typed, with its abbreviations spelled out, and reduced to its core ("Woking"); only when
# none of those is a known name does fuzzy matching run over every name.

PRINCIPAL_TYPES = ("CTY", "NMD", "MD", "LBO", "CC", "UA", "WPA", "SCO", "NID")
ENGLISH_PRINCIPAL_TYPES = ("CTY", "NMD", "MD", "LBO", "CC", "UA")
ABBREVIATIONS = {  # a trailing or leading word → what it stands for (several readings allowed)
    "mbc": ("metropolitan borough council",), "mdc": ("metropolitan district council",),
    "bc": ("borough council",), "dc": ("district council",), "cc": ("county council", "city council"),
    "cbc": ("county borough council",), "ua": ("council",), "lb": ("london borough of",),
    "lbo": ("london borough of",), "rb": ("royal borough of",), "rbc": ("royal borough council",),
}
PREFIXES = ("london borough of", "royal borough of", "city and county of", "city of", "borough of",
            "county of", "council of the", "the")
SUFFIXES = ("metropolitan borough council", "metropolitan district council", "county borough council",
            "borough council", "district council", "county council", "city council", "council",
            "london borough", "london boro", "district", "corporation", "mbc", "bc", "dc", "cc", "ua")
# Everyday names for a council that mySociety's table does not carry (the headline classifier and the
# names people type both use them): "BCP" is Bournemouth, Christchurch and Poole.
EVERYDAY_NAMES = (("bath", "BAS"), ("newcastle", "NET"), ("hull", "KHL"), ("bcp", "BPC"), ("banes", "BAS"),
                  ("south yorkshire", "SCR"), ("east midlands", "EMCA"), ("north east mayor", "NECA"),
                  ("ynys mon", "AGY"))  # the register's spelling of Ynys Môn lost its accent badly
AUTO_ACCEPT_SCORE = 85  # a fuzzy match this good, and clearly better than the next council, is taken
CLEAR_LEAD = 6
SUGGEST_SCORE = 70


@dataclass(frozen=True)
class CouncilResolution:
    """What a free-text council name resolved to.

    `council` is the council meant (a current one wherever possible). `abolished` is set when the
    name was an abolished council, with `note` saying which successor was used; when it had several
    successors, `council` is None and `suggestions` names them. `suggestions` also carries the
    nearest names when nothing matched well enough.
    """

    query: str
    council: Council | None = None
    abolished: Council | None = None
    note: str | None = None
    suggestions: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.council is not None


def core_name(normalized: str) -> str:
    """A normalized name without its "London Borough of" / "Borough Council" designators."""
    text = normalized
    changed = True
    while changed:
        changed = False
        for prefix in PREFIXES:
            if text.startswith(prefix + " "):
                text, changed = text[len(prefix) + 1:], True
        for suffix in SUFFIXES:
            if text.endswith(" " + suffix):
                text, changed = text[:-len(suffix) - 1], True
    return text or normalized


def name_variants(text: str) -> list[str]:
    """The normalized ways to read `text`: as typed, abbreviations spelled out, and its core."""
    from models.councils_data import normalize_name  # councils_data imports this module

    normalized = normalize_name(text)
    words = normalized.split()
    variants = [normalized]
    if words and words[-1] in ABBREVIATIONS:
        variants += [" ".join(words[:-1] + [full]) for full in ABBREVIATIONS[words[-1]]]
    if words and words[0] in ABBREVIATIONS:
        variants += [" ".join([full] + words[1:]) for full in ABBREVIATIONS[words[0]]]
    variants += [core_name(v) for v in list(variants)]
    return list(dict.fromkeys(v for v in variants if v))


def resolve_council(session: Session, text: str) -> CouncilResolution:
    """Resolve a council name as people type it; see `CouncilResolution` for the outcomes."""
    variants = name_variants(text)
    if not variants:
        return CouncilResolution(query=text)
    candidates = _exact_candidates(session, variants)
    everyday = dict(EVERYDAY_NAMES)
    if not candidates and (code := next((everyday[v] for v in variants if v in everyday), None)):
        candidates = [c for c in (session.get(Council, code),) if c is not None]
    if not candidates:
        candidates, suggestions = _fuzzy(session, variants)
        if not candidates:
            return CouncilResolution(query=text, suggestions=suggestions)
    best = _prefer(candidates)
    if best is None:
        return CouncilResolution(query=text, suggestions=tuple(c.nice_name for c in candidates[:5]))
    return _follow_successors(session, text, best)


def _exact_candidates(session: Session, variants: list[str]) -> list[Council]:
    """The councils known by the earliest reading of the name that is a known name (one query)."""
    hits = session.execute(
        select(CouncilName.normalized, Council).join(Council, CouncilName.council_code == Council.code)
        .where(CouncilName.normalized.in_(variants))).all()
    if not hits:
        return []
    first = min(variants.index(normalized) for normalized, _ in hits)
    councils: dict[str, Council] = {}
    for normalized, council in hits:
        if variants.index(normalized) == first:
            councils.setdefault(council.code, council)
    return list(councils.values())


def _prefer(candidates: list[Council]) -> Council | None:
    """The one council a shared name means: current over abolished, councils over combined authorities."""
    def rank(council: Council) -> tuple[int, int]:
        return (0 if council.current else 1, 0 if council.type_code in PRINCIPAL_TYPES else 1)
    ordered = sorted(candidates, key=rank)
    if len(ordered) > 1 and rank(ordered[0]) == rank(ordered[1]):
        return None
    return ordered[0]


def _follow_successors(session: Session, text: str, council: Council) -> CouncilResolution:
    """An abolished council stands for its successor (following chains); several successors → ask."""
    if council.current or not council.successor_codes:
        return CouncilResolution(query=text, council=council)
    abolished, seen = council, {council.code}
    while not council.current and len(council.successor_codes) == 1 and council.successor_codes[0] not in seen:
        successor = session.get(Council, council.successor_codes[0])
        if successor is None:
            break
        seen.add(successor.code)
        council = successor
    ended = f" on {abolished.end_date:%-d %B %Y}" if abolished.end_date else ""
    if council is not abolished and council.current:
        note = f"{abolished.official_name} was abolished{ended}; showing its successor, {council.official_name}."
        return CouncilResolution(query=text, council=council, abolished=abolished, note=note)
    successors = [session.get(Council, code) for code in council.successor_codes]
    names = tuple(s.nice_name for s in successors if s is not None)
    note = f"{abolished.official_name} was abolished{ended} and replaced by {' and '.join(names)}."
    return CouncilResolution(query=text, abolished=abolished, note=note, suggestions=names)


def english_groups(session: Session) -> tuple[list[str], list[str]]:
    """The regions and council types of current English principal councils, for grouping numbers."""
    rows = session.execute(select(Council.region, Council.type_name).where(
        Council.nation == "England", Council.current.is_(True),
        Council.type_code.in_(ENGLISH_PRINCIPAL_TYPES)).distinct()).all()
    return sorted({region for region, _ in rows if region}), sorted({type_name for _, type_name in rows})


def _fuzzy(session: Session, variants: list[str]) -> tuple[list[Council], tuple[str, ...]]:
    """Fuzzy-match over every known name: ([the council], ()) when confident, else ([], suggestions)."""
    rows = session.execute(select(CouncilName.normalized, Council)
                           .join(Council, CouncilName.council_code == Council.code)).all()
    by_core: dict[str, list[Council]] = {}
    for normalized, council in rows:
        by_core.setdefault(core_name(normalized), []).append(council)
    query = core_name(variants[0])
    close: dict[str, tuple[float, float, Council]] = {}  # code → (ratio, wratio, council)
    for name, wratio, _ in process.extract(query, list(by_core), scorer=fuzz.WRatio, limit=25):
        ratio = fuzz.ratio(query, name)
        for council in by_core[name]:
            if (ratio, wratio) > close.get(council.code, (-1.0, -1.0, council))[:2]:
                close[council.code] = (ratio, wratio, council)
    by_ratio = sorted(close.values(), key=lambda t: (-t[0], not t[2].current))
    if not by_ratio:
        return [], ()
    top_ratio, _, top = by_ratio[0]
    runner_up = max((r for r, _, c in by_ratio[1:] if c.code not in top.successor_codes), default=0.0)
    if top_ratio >= AUTO_ACCEPT_SCORE and top_ratio - runner_up >= CLEAR_LEAD:
        return [top], ()
    by_wratio = sorted(close.values(), key=lambda t: (-t[1], -t[0], not t[2].current))
    names = [c.nice_name + ("" if c.current else " (abolished)") for _, w, c in by_wratio if w >= SUGGEST_SCORE]
    return [], tuple(dict.fromkeys(names))[:5]
