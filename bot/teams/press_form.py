"""The "log press activity" form for the Teams bot: an Adaptive Card, and its answers as a command line.

The form only collects what `/press log` already accepts, so a submitted form becomes the same one
line a press officer could type (`press log statement "Response to Oflog launch" outlet:LGC …`) and
runs through the same router: one grammar, one set of checks. When the command answers with an error
about one field (`Reply.error_field`), the form is sent again with every answer kept and the error
shown under that field.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from bot.teams.cards import CARD_VERSION, SCHEMA_URL
from bot.teams.text import cut, one_line, plain
from handlers.args import QUOTES
from handlers.reply import Reply
from models.press import PRESS_TYPES

FORM_ID = "press_log"
FORM_KEY = "herald_form"
TRIGGERS = frozenset({"press form", "press log"})
VALUE_MAX = 500


@dataclass(frozen=True)
class FormField:
    """One input on the form; `name` is both the input id and the `/press log` option key."""

    name: str
    label: str
    placeholder: str = ""
    required: bool = False


FIELDS = (
    FormField("type", "Type", required=True),
    FormField("title", "Title", "Response to Oflog launch", required=True),
    FormField("outlet", "Outlet", "LGC"),
    FormField("date", "Date", "today, yesterday, 20 Nov or 2026-11-20"),
    FormField("spokesperson", "Spokesperson", "Cllr Abi Brown"),
    FormField("programme", "Programme", "LG Inform"),
    FormField("campaign", "Campaign", "Make it local"),
    FormField("link", "Link", "https://…"),
    FormField("embargo", "Embargo until", "tomorrow 00:01"),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)
OPTION_FIELDS = FIELD_NAMES[2:]  # everything after the type and the title is a `key:value` option


def is_form_request(text: str) -> bool:
    """True when a message asks for the form ("press form", or "press log" with nothing after it)."""
    return " ".join(text.lower().lstrip("/").split()) in TRIGGERS


def is_form_submission(value: Any) -> bool:
    """True when an activity's `value` came from this form's Submit button."""
    return isinstance(value, Mapping) and value.get(FORM_KEY) == FORM_ID


def form_answers(value: Mapping[str, Any]) -> dict[str, str]:
    """The submitted answers, one clean line each, only for the form's own fields."""
    return {name: one_line(str(value.get(name) or ""), VALUE_MAX) for name in FIELD_NAMES}


def command_line(answers: Mapping[str, str]) -> str:
    """The `/press log` command the answers stand for, each value quoted so spaces survive."""
    parts = ["press", "log", _token(answers.get("type", "")), _token(answers.get("title", ""), always=True)]
    parts += [f"{name}:{_token(answers[name])}" for name in OPTION_FIELDS if answers.get(name)]
    return " ".join(part for part in parts if part)


def _token(value: str, always: bool = False) -> str:
    """`value` as one token of the shared grammar (handlers/args.py), quoted when it has to be."""
    value = " ".join(value.split())
    if not value:
        return ""
    if not always and " " not in value and not any(ch in QUOTES for ch in value):
        return value
    if '"' not in value and "\u201d" not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    # Both quote kinds inside: a left curly quote never closes a token, so it stands in for ".
    return '"' + value.replace('"', "\u201c").replace("\u201d", "\u201c") + '"'


def form_card(answers: Mapping[str, str] | None = None, error: Reply | None = None) -> dict:
    """The form as an Adaptive Card, pre-filled with `answers`; `error` is shown by its field."""
    answers = answers or {}
    field_in_error = error.error_field if error and error.error_field in FIELD_NAMES else None
    body: list[dict] = [{"type": "TextBlock", "text": "Log press activity", "size": "Large",
                         "weight": "Bolder", "wrap": True}]
    if error is not None and field_in_error is None:
        body.append(_error_block(error, "form"))
    for form_field in FIELDS:
        body.append(_input(form_field, answers.get(form_field.name, "")))
        if form_field.name == field_in_error:
            body.append(_error_block(error, form_field.name))
    return {"type": "AdaptiveCard", "$schema": SCHEMA_URL, "version": CARD_VERSION,
            "msteams": {"width": "Full"}, "body": body,
            "actions": [{"type": "Action.Submit", "title": "Log it", "data": {FORM_KEY: FORM_ID}}]}


def _input(form_field: FormField, value: str) -> dict:
    common = {"id": form_field.name, "label": form_field.label, "isRequired": form_field.required}
    if form_field.required:
        common["errorMessage"] = f"{form_field.label} is needed"
    if form_field.name == "type":
        choices = [{"title": kind.capitalize(), "value": kind} for kind in PRESS_TYPES]
        chosen = value if value in PRESS_TYPES else PRESS_TYPES[0]
        return {"type": "Input.ChoiceSet", **common, "style": "compact", "choices": choices, "value": chosen}
    element = {"type": "Input.Text", **common, "placeholder": form_field.placeholder}
    if value:
        element["value"] = value
    return element


def _error_block(error: Reply, where: str) -> dict:
    """The error's words (its first section's text, else its title), in red, under the field."""
    message = next((s.text for s in error.sections if s.text), None) or error.title
    return {"type": "RichTextBlock", "id": f"error_{where}",
            "inlines": [{"type": "TextRun", "text": cut(plain(message), 500), "color": "Attention"}]}
