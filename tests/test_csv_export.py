"""Every export is a CSV a spreadsheet opens safely: a cell that would run as a formula is made inert,
whoever wrote it (a feed, a journalist, a line to take), and accents survive Excel."""
from __future__ import annotations

import csv
import io

import pytest

from handlers.context import Actor
from handlers.csv_export import csv_attachment, file_name


def _rows(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode())  # Excel reads UTF-8 only with its byte-order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_formula_cells_are_inert_and_the_rest_is_kept():
    attachment = csv_attachment(file_name("lines", "This quarter"), ("id", "text", "who"),
                                [[1, "=HYPERLINK(\"http://x\")", "Ynys Môn"], [2, "@channel hello", None],
                                 [3, "-2 councils", "+44 20 7664 3000"], [4, "plain", "\tTab"]])
    assert attachment.filename == "lines-this-quarter.csv" and attachment.mimetype == "text/csv"
    assert _rows(attachment.content) == [
        ["id", "text", "who"], ["1", "'=HYPERLINK(\"http://x\")", "Ynys Môn"], ["2", "'@channel hello", ""],
        ["3", "'-2 councils", "'+44 20 7664 3000"], ["4", "plain", "'\tTab"]]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_line_to_take_that_starts_like_a_formula_exports_inert(herald):
    admin = Actor.cli()
    drafted, _ = herald.run_command('lines draft "=1+2 topic" text:"@here we welcome it"', admin)
    assert not drafted.is_error, drafted
    exported, _ = herald.run_command("lines export", admin)
    (attachment,) = exported.attachments
    header, row = _rows(attachment.content)
    assert row[header.index("topic")] == "'=1+2 topic" and row[header.index("text")] == "'@here we welcome it"
