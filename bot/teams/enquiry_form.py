"""The "log a media enquiry" form for the Teams bot (a `CardForm`, bot/teams/card_forms.py).

A submitted form becomes `enquiry log "<topic>" deadline:"…" outlet:… …` and runs through the same
router, so a vague or past deadline is asked about on the deadline field, never guessed.
"""
from __future__ import annotations

from bot.teams.card_forms import CardForm, FormField

FORM = CardForm(
    form_id="enquiry_log", title="Log a media enquiry", command="enquiry log", submit="Log it", positional=1,
    fields=(
        FormField("topic", "Topic", "Funding gap at Thurrock", required=True),
        FormField("deadline", "Deadline", "4pm, tomorrow 10:00, Friday, end of day", required=True),
        FormField("outlet", "Outlet", "LGC"),
        FormField("journalist", "Journalist", "Jane Smith"),
        FormField("council", "Council(s)", "Thurrock"),
        FormField("embargo", "Embargo until", "Tue 00:01"),
        FormField("notes", "Notes", ""),
    ))
