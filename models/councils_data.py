"""Load mySociety's UK local authority data (shipped in `data/councils/`) into the database.

Contains data from mySociety's UK local authority names and codes
(https://mysociety.github.io/uk_local_authority_names_and_codes/), CC BY 4.0.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from models.council import Council, CouncilName

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "councils"


def normalize_name(text: str) -> str:
    """A council name reduced for lookup: lower case, no accents or punctuation, '&' as 'and'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@functools.lru_cache(maxsize=1)
def register_rows() -> tuple[dict[str, str], ...]:
    """mySociety's register of councils as shipped, one row per council, read once a process (the judgements'
    tables are built from it; treat the rows as read-only)."""
    return tuple(_council_rows(DATA_DIR))


def _council_rows(data_dir: Path) -> list[dict]:
    with open(data_dir / "uk_local_authorities_current.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_councils(session: Session, data_dir: Path = DATA_DIR) -> int:
    """Insert or refresh every council and its names; a no-op when already loaded. Returns the count."""
    rows = _council_rows(data_dir)
    if session.scalar(select(func.count()).select_from(Council)) == len(rows):
        return len(rows)
    session.execute(delete(CouncilName))
    session.execute(delete(Council).where(Council.code.notin_([r["local-authority-code"] for r in rows])))
    existing = set(session.scalars(select(Council.code)))
    for r in rows:
        values = dict(
            code=r["local-authority-code"], official_name=r["official-name"], nice_name=r["nice-name"],
            gss_code=r["gss-code"] or None, nation=r["nation"], region=r["region"],
            type_code=r["local-authority-type"], type_name=r["local-authority-type-name"],
            county_code=r["county-la"] or None, combined_authority_code=r["combined-authority"] or None,
            powers=r["powers"] or None, current=r["current-authority"] == "True",
            start_date=_date(r["start-date"]), end_date=_date(r["end-date"]),
            replaced_by=r["replaced-by"] or None,
            population=int(float(r["pop-2020"])) if r["pop-2020"] else None)
        if values["code"] in existing:
            session.merge(Council(**values))
        else:
            session.add(Council(**values))
    session.flush()
    session.execute(insert(CouncilName), _name_rows(rows, data_dir))
    session.flush()
    return len(rows)


def _name_rows(rows: list[dict], data_dir: Path) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []

    def add(name: str, code: str) -> None:
        key = (normalize_name(name), code)
        if key[0] and key not in seen:
            seen.add(key)
            out.append({"name": name, "normalized": key[0], "council_code": code})

    for r in rows:
        code = r["local-authority-code"]
        add(r["official-name"], code)
        add(r["nice-name"], code)
        for alt in r["alt-names"].split(","):
            add(alt.strip(), code)
    with open(data_dir / "lookup_name_to_registry.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            add(r["la-name"], r["local-authority-code"])
    return out
