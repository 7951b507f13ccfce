"""Which councils a person means by a name ("Thurrock", "Woking BC"), with the abolished councils they
replaced, and every council's everyday name for suggestions."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy import bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from models.db import column_rows


@functools.lru_cache(maxsize=1)
def _council_statement():
    """The council-resolution statement, built once: every filtered /coverage runs it."""
    from models.council import Council, CouncilName
    named = (select(CouncilName.council_code.label("code")).distinct()
             .where(CouncilName.normalized.in_(bindparam("variants", expanding=True))).cte("named"))
    columns = (Council.code, Council.nice_name, Council.current, Council.replaced_by)
    # replaced_by is a comma-separated list of codes: LIKE narrows, the split (in Python) decides exactly.
    replaced = (select(*columns, literal(False).label("named"))
                .join(named, Council.replaced_by.contains(named.c.code)).where(Council.replaced_by.is_not(None)))
    return union_all(select(*columns, literal(True).label("named")).join(named, Council.code == named.c.code),
                     replaced)


@dataclass(frozen=True)
class CouncilMatch:
    """The councils a name means, (code, nice name) current first, and the abolished councils they
    replaced (Kettering for North Northamptonshire), whose stories count as theirs."""

    named: list[tuple[str, str]]
    replaced: list[tuple[str, str]]


_COUNCIL_SUFFIXES = (" council", " borough council", " district council", " city council", " county council",
                     " bc", " dc", " cc", " mbc")


def council_match(session: Session, name: str) -> CouncilMatch:
    """The councils called `name` ("Thurrock", "Woking BC") and those they replaced, in one query."""
    from models.councils_data import normalize_name
    wanted = normalize_name(name)
    variants = {wanted} | {wanted[: -len(suffix)] for suffix in _COUNCIL_SUFFIXES if wanted.endswith(suffix)}
    rows = column_rows(session, _council_statement(), {"variants": sorted(variants)})
    councils = {code: (nice, current, replaced_by) for code, nice, current, replaced_by, _named in rows}
    codes = {code for code, _nice, _current, _replaced_by, is_named in rows if is_named}
    named = sorted(codes, key=lambda code: (not councils[code][1], councils[code][0]))
    replaced = sorted((code for code, (_nice, _current, replaced_by) in councils.items()
                       if code not in codes and codes & {c.strip() for c in (replaced_by or "").split(",")}),
                      key=lambda code: councils[code][0])
    return CouncilMatch(named=[(code, councils[code][0]) for code in named],
                        replaced=[(code, councils[code][0]) for code in replaced])


def councils_named(session: Session, name: str) -> list[tuple[str, str]]:
    """(code, nice name) of the councils called `name` ("Thurrock", "Woking BC"), current first."""
    return council_match(session, name).named


def council_nice_names(session: Session) -> list[str]:
    """Every council's everyday name, for suggestions."""
    from models.council import Council
    return list(session.scalars(select(Council.nice_name).order_by(Council.nice_name)))
