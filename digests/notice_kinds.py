"""What each kind of notice says when it falls due: one composer per kind.

A composer runs on a reading snapshot at send time, so a reminder says what is true then (the
enquiry's current owner and deadline, the line's current text). It returns None when the notice is
no longer warranted (the enquiry was closed, the line withdrawn): the notice is then cancelled, not
sent.
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from sqlalchemy.orm import Session

from digests import enquiry_notices, spotlight_alerts
from digests.line_notices import compose_line_review
from digests import parliament_notices
from handlers.reply import Reply
from models.notices import Notice

Composer = Callable[[Session, Notice, datetime, object], Reply | None]  # (session, notice, now, settings)

COMPOSERS: dict[str, Composer] = {
    **enquiry_notices.COMPOSERS,
    "spotlight": spotlight_alerts.compose_spotlight, "support_followup": spotlight_alerts.compose_followup,
    "line_review": compose_line_review,
    parliament_notices.KIND: parliament_notices.compose_mention,
}
