"""The "draft a line to take" form for the Teams bot (a `CardForm`, bot/teams/card_forms.py).

A submitted form becomes `lines draft "<topic>" text:"…" spokesperson:"…" review:"…" tags:… use:…` and
runs through the same router; the text keeps its paragraphs, and a review date in the past or in words
Herald cannot read is asked about on its field, never guessed.
"""
from __future__ import annotations

from bot.teams.card_forms import CardForm, FormField

FORM = CardForm(
    form_id="lines_draft", title="Draft a line to take", command="lines draft", submit="Save the draft",
    positional=1, choices=("use", ("on-request", "volunteer")),
    fields=(
        FormField("topic", "Topic", "Oflog launch", required=True),
        FormField("text", "Text", "The words, as they may be quoted", required=True, multiline=True),
        FormField("spokesperson", "Spokesperson", "Cllr Abi Brown"),
        FormField("review", "Review by", "31 March 2027"),
        FormField("tags", "Tags", "Oflog, assurance, Thurrock"),
        FormField("use", "Use", ""),
    ))
