"""Forms for the Teams bot as Adaptive Cards, and their answers as the command line they stand for.

A form only collects what its command already accepts, so a submitted form becomes the same one
line a person could type (`press log statement "Response to Oflog launch" outlet:LGC …`) and runs
through the same router: one grammar, one set of checks. When the command answers with an error
about one field (`Reply.error_field`), the form is sent again with every answer kept and the error
shown under that field. `/press log` (bot/teams/press_form.py), `/enquiry log`
(bot/teams/enquiry_form.py) and `/lines draft` (bot/teams/lines_form.py) are the forms.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from bot.teams.cards import CARD_VERSION, SCHEMA_URL
from bot.teams.text import cut, one_line, plain
from handlers.args import QUOTES
from handlers.reply import Reply

FORM_KEY = "herald_form"
VALUE_MAX = 500
MULTILINE_MAX = 3000  # a line to take's several paragraphs, as Slack's form allows


@dataclass(frozen=True)
class FormField:
    """One input on a form; `name` is both the input id and the command's option key."""

    name: str
    label: str
    placeholder: str = ""
    required: bool = False
    multiline: bool = False  # several paragraphs, kept as typed (a line to take's text)


@dataclass(frozen=True)
class CardForm:
    """A form: its id, title, the command words it completes, its fields (the first `positional` are
    written as bare quoted words, the rest as `key:value`), and any field chosen from a list."""

    form_id: str
    title: str
    command: str
    fields: tuple[FormField, ...]
    positional: int
    submit: str
    choices: tuple[str, tuple[str, ...]] | None = None  # (field name, the values it may take)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def option_fields(self) -> tuple[str, ...]:
        return self.field_names[self.positional:]

    def is_request(self, text: str) -> bool:
        """True when a message asks for this form ("press form", or "press log" with nothing after it)."""
        words = " ".join(text.lower().lstrip("/").split())
        return words in (self.command, self.command.split()[0] + " form")

    def is_submission(self, value: Any) -> bool:
        """True when an activity's `value` came from this form's Submit button."""
        return isinstance(value, Mapping) and value.get(FORM_KEY) == self.form_id

    def answers(self, value: Mapping[str, Any]) -> dict[str, str]:
        """The submitted answers, only for the form's own fields: one clean line each, or clean
        paragraphs for a multi-line field."""
        return {f.name: _paragraphs(str(value.get(f.name) or "")) if f.multiline
                else one_line(str(value.get(f.name) or ""), VALUE_MAX) for f in self.fields}

    def command_line(self, answers: Mapping[str, str]) -> str:
        """The command the answers stand for, each value quoted so spaces (and paragraphs) survive."""
        parts = self.command.split()
        for i, name in enumerate(self.field_names[:self.positional]):
            parts.append(_token(answers.get(name, ""), always=i == self.positional - 1))
        parts += [f"{f.name}:{_token(answers[f.name], always=f.multiline, keep_lines=f.multiline)}"
                  for f in self.fields[self.positional:] if answers.get(f.name)]
        return " ".join(part for part in parts if part)

    def card(self, answers: Mapping[str, str] | None = None, error: Reply | None = None) -> dict:
        """The form as an Adaptive Card, pre-filled with `answers`; `error` is shown by its field."""
        answers = answers or {}
        field_in_error = error.error_field if error and error.error_field in self.field_names else None
        body: list[dict] = [{"type": "TextBlock", "text": self.title, "size": "Large", "weight": "Bolder",
                             "wrap": True}]
        if error is not None and field_in_error is None:
            body.append(_error_block(error, "form"))
        for form_field in self.fields:
            body.append(self._input(form_field, answers.get(form_field.name, "")))
            if form_field.name == field_in_error:
                body.append(_error_block(error, form_field.name))
        return {"type": "AdaptiveCard", "$schema": SCHEMA_URL, "version": CARD_VERSION,
                "msteams": {"width": "Full"}, "body": body,
                "actions": [{"type": "Action.Submit", "title": self.submit, "data": {FORM_KEY: self.form_id}}]}

    def _input(self, form_field: FormField, value: str) -> dict:
        common = {"id": form_field.name, "label": form_field.label, "isRequired": form_field.required}
        if form_field.required:
            common["errorMessage"] = f"{form_field.label} is needed"
        if self.choices and form_field.name == self.choices[0]:
            options = self.choices[1]
            choices = [{"title": option.capitalize(), "value": option} for option in options]
            chosen = value if value in options else options[0]
            return {"type": "Input.ChoiceSet", **common, "style": "compact", "choices": choices, "value": chosen}
        element = {"type": "Input.Text", **common, "placeholder": form_field.placeholder,
                   **({"isMultiline": True, "maxLength": MULTILINE_MAX} if form_field.multiline else {})}
        if value:
            element["value"] = value
        return element


def _paragraphs(value: str) -> str:
    """A multi-line answer: each line's spaces folded, blank runs kept as paragraph breaks, plain text."""
    lines = [" ".join(line.split()) for line in plain(value, MULTILINE_MAX).splitlines()]
    return "\n".join(lines).strip()


def _token(value: str, always: bool = False, keep_lines: bool = False) -> str:
    """`value` as one token of the shared grammar (handlers/args.py), quoted when it has to be; with
    `keep_lines` its line breaks stay inside the quotes (the grammar reads up to the closing quote)."""
    value = _paragraphs(value) if keep_lines else " ".join(value.split())
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


def _error_block(error: Reply, where: str) -> dict:
    """The error's words (its first section's text, else its title), in red, under the field."""
    message = next((s.text for s in error.sections if s.text), None) or error.title
    return {"type": "RichTextBlock", "id": f"error_{where}",
            "inlines": [{"type": "TextRun", "text": cut(plain(message), 500), "color": "Attention"}]}
