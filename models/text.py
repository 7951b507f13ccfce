"""Text as Herald stores it, the same on SQLite and PostgreSQL.

PostgreSQL refuses NUL in text (SQLite would keep it), neither driver can encode a lone UTF-16
surrogate (JSON's `"\\ud800"`), and other control characters only garble titles and cards. So text
from outside (webhook bodies, Teams activities, chat commands) is cleaned once, where it enters.
"""
from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` without control characters (tabs and line breaks kept) and with any lone surrogate
    replaced by U+FFFD, so it can be stored and shown on every backend and platform."""
    if text.isprintable():  # the usual case: nothing to remove (tabs and newlines are not printable)
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
