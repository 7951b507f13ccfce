"""Every `export` as one kind of file: a CSV a spreadsheet opens safely.

UTF-8 with a byte-order mark (so Excel reads "Ynys Môn" right), and every text cell made inert: a cell
starting with =, +, -, @, a tab or a carriage return would run as a formula in a spreadsheet (CSV
injection), so it gets a leading apostrophe. Feed titles, journalists' names and lines' text all pass
through here, whoever wrote them.
"""
from __future__ import annotations

import csv
import io
import re
from typing import Iterable, Sequence

from handlers.reply import Attachment

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run as a formula; numbers and empty cells as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value
    return value


def file_name(stem: str, label: str | None = None) -> str:
    """`coverage-last-month.csv` from ("coverage", "Last month")."""
    slug = re.sub(r"[^a-z0-9]+", "-", (label or "").lower()).strip("-")
    return f"{stem}-{slug}.csv" if slug else f"{stem}.csv"


def csv_attachment(name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Attachment:
    """The rows under `header` as a CSV attachment called `name`, every cell made inert."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return Attachment(name, out.getvalue().encode("utf-8-sig"), "text/csv")
