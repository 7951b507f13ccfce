"""The "log press activity" form for the Teams bot (a `CardForm`, bot/teams/card_forms.py).

A submitted form becomes the one line a press officer could type (`press log statement "Response to
Oflog launch" outlet:LGC …`) and runs through the same router as that line.
"""
from __future__ import annotations

from bot.teams.card_forms import CardForm, FormField
from models.press import PRESS_TYPES

FORM_ID = "press_log"

FORM = CardForm(
    form_id=FORM_ID, title="Log press activity", command="press log", submit="Log it", positional=2,
    choices=("type", PRESS_TYPES),
    fields=(
        FormField("type", "Type", required=True),
        FormField("title", "Title", "Response to Oflog launch", required=True),
        FormField("outlet", "Outlet", "LGC"),
        FormField("date", "Date", "today, yesterday, 20 Nov or 2026-11-20"),
        FormField("spokesperson", "Spokesperson", "Cllr Abi Brown"),
        FormField("programme", "Programme", "LG Inform"),
        FormField("campaign", "Campaign", "Make it local"),
        FormField("link", "Link", "https://…"),
        FormField("embargo", "Embargo until", "tomorrow 00:01"),
    ))
FIELDS = FORM.fields
FIELD_NAMES = FORM.field_names
OPTION_FIELDS = FORM.option_fields  # everything after the type and the title is a `key:value` option
is_form_request = FORM.is_request
is_form_submission = FORM.is_submission
form_answers = FORM.answers
command_line = FORM.command_line
form_card = FORM.card
