"""The once-per-event alert for a mention of the organisation or one of its programmes in
Parliament: scheduled when a poll first stores the mention (its key names the mention and the
channel, so however many polls, terms or processes find it, it posts once), composed at send time."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from handlers.reply import Item, Reply, Section
from models.notices import Notice
from models.parliament import MENTION_NOTICE, ParliamentMention

KIND = MENTION_NOTICE  # scheduled by `feeds.parliament.store.announce_mention`


def compose_mention(session: Session, notice: Notice, now: datetime, settings) -> Reply | None:
    """The alert: who said it, where, the passage and the link; None if the mention is gone."""
    mention = session.get(ParliamentMention, notice.subject_id) if notice.subject_id else None
    if mention is None:
        return None
    tz = settings.tz
    who = (mention.member_name or "A member") + (f" ({mention.party})" if mention.party else "")
    meta = [who, mention.house, mention.kind, f"{mention.occurred_at.astimezone(tz):%-d %b %Y}", mention.shown_tone]
    if mention.kind == "written question" and not mention.answered_at and mention.expected_answer_on:
        meta.append(f"answer expected {mention.expected_answer_on:%-d %b %Y}")
    terms = ", ".join(mention.terms or [])
    return Reply(title="Mentioned in Parliament", visibility="channel",
                 sections=(Section(items=(Item(title=mention.heading, url=mention.url, meta=tuple(meta),
                                               detail=f"“{mention.passage}”", marker=mention.shown_tone),)),),
                 context=(f"Matched: {terms}. See /parliament this week; set the tone with "
                          f"/parliament tone {mention.id} positive|neutral|negative.",))
