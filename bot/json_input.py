"""JSON from outside (webhook bodies, Teams activities), parsed the one way every endpoint uses.

A body nested deeper than any real request (`[` × 10,000 would exhaust Python's stack), a number
of thousands of digits and bytes that are not UTF-8 JSON are refused with a reason; every string in the result, keys included, is
cleaned by `models.text.clean_text`, so no endpoint stores a NUL or a control character.
"""
from __future__ import annotations

import json
from typing import Any

from models.text import clean_text

MAX_DEPTH = 32  # webhook bodies nest 3 deep, Teams activities about 6


class BadJson(ValueError):
    """The body cannot be read as JSON; the message says why, for a 400."""


def parse_json(raw: bytes) -> Any:
    """The JSON value of `raw`, strings cleaned; `BadJson` if it is not JSON or nests too deeply."""
    try:
        value = json.loads(raw.decode("utf-8-sig"))  # UTF-8 only (RFC 8259; bytes would let UTF-16 in)
    except RecursionError:
        raise BadJson(f"Body nests deeper than {MAX_DEPTH} levels.") from None
    except UnicodeDecodeError:
        raise BadJson("Body is not UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise BadJson(f"Body is not valid JSON ({exc.msg} at character {exc.pos}).") from None
    except ValueError:  # an integer of more than 4,300 digits: Python refuses to convert it
        raise BadJson("Body holds a number too long to read.") from None
    return _cleaned(value, 1)


def _cleaned(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if not isinstance(value, (list, dict)):
        return value
    if depth > MAX_DEPTH:
        raise BadJson(f"Body nests deeper than {MAX_DEPTH} levels.")
    if isinstance(value, list):
        return [_cleaned(v, depth + 1) for v in value]
    return {clean_text(k): _cleaned(v, depth + 1) for k, v in value.items()}
