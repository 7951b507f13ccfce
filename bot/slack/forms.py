"""Modal forms for commands with many fields: `/press log`, `/enquiry log`, `/campaign activity add` and
`/lines draft`.

A form is only another way to type the command: on submission its values become the same command
line, which runs through the one router. A usage error naming a field (`UsageError(field=…)`) is
shown inline on that field's block; each block's id is the field name the handlers use.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from bot.slack.mrkdwn import clean, plain
from models.campaign import ACTIVITY_STATES
from models.press import PRESS_TYPES

CALLBACK_PREFIX = "herald_form_"
ERROR_MAX = 150


@dataclass(frozen=True)
class FormField:
    """One input: its block id (the handler's field name), label, kind and how it joins the command."""

    name: str
    label: str
    kind: str = "text"  # text, select, date, user
    optional: bool = True
    options: tuple[str, ...] = ()
    positional: bool = False  # written as a bare (quoted) word, in order, rather than `name:value`
    hint: str | None = None
    multiline: bool = False  # several paragraphs (a line to take's text), kept as typed


@dataclass(frozen=True)
class Form:
    """A modal that builds one command line."""

    key: str
    title: str
    command: str  # the words before the fields, e.g. "press log"
    fields: tuple[FormField, ...]

    @property
    def callback_id(self) -> str:
        return CALLBACK_PREFIX + self.key


FORMS = {
    "press_log": Form("press_log", "Log press activity", "press log", (
        FormField("type", "Type", "select", optional=False, options=PRESS_TYPES, positional=True),
        FormField("title", "Title", optional=False, positional=True),
        FormField("outlet", "Outlet", hint="e.g. LGC, The MJ, BBC Radio 4"),
        FormField("date", "Date", "date"),
        FormField("spokesperson", "Spokesperson", hint="e.g. Cllr Abi Brown"),
        FormField("programme", "Programme"),
        FormField("campaign", "Campaign"),
        FormField("link", "Link"),
        FormField("embargo", "Embargo until", hint="e.g. 2026-11-25 00:01"),
    )),
    "enquiry_log": Form("enquiry_log", "Log a media enquiry", "enquiry log", (
        FormField("topic", "Topic", optional=False, positional=True, hint="e.g. Funding gap at Thurrock"),
        FormField("deadline", "Deadline", optional=False, hint="e.g. 4pm, tomorrow 10:00, Friday, end of day"),
        FormField("outlet", "Outlet", hint="e.g. LGC, The MJ, BBC Radio 4"),
        FormField("journalist", "Journalist", hint="e.g. Jane Smith"),
        FormField("council", "Council(s)", hint="e.g. Thurrock, or Thurrock, Essex"),
        FormField("owner", "Owner (you, if left empty)", "user"),
        FormField("embargo", "Embargo until", hint="e.g. Tue 00:01"),
        FormField("notes", "Notes"),
    )),
    "campaign_activity": Form("campaign_activity", "Add campaign activity", "campaign activity add", (
        FormField("campaign", "Campaign", optional=False, positional=True),
        FormField("activity", "Activity", optional=False, positional=True),
        FormField("date", "Date", "date", optional=False),
        FormField("status", "Status", "select", options=ACTIVITY_STATES),
    )),
    "lines_draft": Form("lines_draft", "Draft a line to take", "lines draft", (
        FormField("topic", "Topic", optional=False, positional=True, hint="e.g. Oflog launch"),
        FormField("text", "Text", optional=False, multiline=True, hint="The words, as they may be quoted"),
        FormField("spokesperson", "Spokesperson", hint="e.g. Cllr Abi Brown"),
        FormField("review", "Review by", "date"),
        FormField("tags", "Tags", hint="councils, programmes, campaigns, words: Oflog, assurance, Thurrock"),
        FormField("use", "Use", "select", options=("on-request", "volunteer"), positional=True),
    )),
}
_OPENERS = {"press log": "press_log", "campaign activity add": "campaign_activity", "enquiry log": "enquiry_log",
            "lines draft": "lines_draft"}


def form_for_command(text: str) -> Form | None:
    """The form a bare command opens ("/press log" with nothing after it), or None."""
    words = " ".join(text.lower().lstrip("/").split())
    if words.startswith("herald "):
        words = words[len("herald "):]
    key = _OPENERS.get(words)
    return FORMS[key] if key else None


def form_by_callback(callback_id: str) -> Form | None:
    return FORMS.get(callback_id.removeprefix(CALLBACK_PREFIX))


def modal_view(form: Form, channel: str | None) -> dict:
    """The views.open payload for `form`; the channel rides along to answer in after submission."""
    return {"type": "modal", "callback_id": form.callback_id, "title": {"type": "plain_text", "text": form.title},
            "submit": {"type": "plain_text", "text": "Save"}, "close": {"type": "plain_text", "text": "Cancel"},
            "private_metadata": json.dumps({"channel": channel}),
            "blocks": [_input_block(f) for f in form.fields]}


def _input_block(field: FormField) -> dict:
    if field.kind == "select":
        element = {"type": "static_select", "action_id": "value",
                   "options": [{"text": {"type": "plain_text", "text": o}, "value": o} for o in field.options]}
    elif field.kind == "date":
        element = {"type": "datepicker", "action_id": "value"}
    elif field.kind == "user":
        element = {"type": "users_select", "action_id": "value"}
    else:
        element = {"type": "plain_text_input", "action_id": "value", "max_length": 3000 if field.multiline else 500,
                   **({"multiline": True} if field.multiline else {})}
        if field.hint:
            element["placeholder"] = {"type": "plain_text", "text": field.hint}
    return {"type": "input", "block_id": field.name, "optional": field.optional,
            "label": {"type": "plain_text", "text": field.label}, "element": element}


def submitted_values(view: dict) -> dict[str, str]:
    """Each field's submitted value (text, selected option or date), blank ones left out."""
    values: dict[str, str] = {}
    for block_id, actions in (view.get("state") or {}).get("values", {}).items():
        state = (actions or {}).get("value") or {}
        value = (state.get("value") or (state.get("selected_option") or {}).get("value")
                 or state.get("selected_date") or state.get("selected_user"))
        if value and str(value).strip():
            values[block_id] = str(value).strip()
    return values


def command_line(form: Form, values: dict[str, str]) -> str:
    """The command a person would have typed for these form values."""
    parts = [form.command]
    for field in form.fields:
        value = values.get(field.name)
        if not value:
            continue
        quoted = _quoted(value, keep_lines=field.multiline)
        parts.append(quoted if field.positional else f"{field.name}:{quoted}")
    return " ".join(parts)


def _quoted(value: str, keep_lines: bool = False) -> str:
    """A value as one quoted token; its own double quotes become apostrophes so it cannot end early.
    `keep_lines` keeps its paragraphs (the grammar reads a quoted token up to its closing quote)."""
    lines = [" ".join(line.split()) for line in clean(value).splitlines()] if keep_lines else [clean(value)]
    flat = "\n".join(lines).strip() if keep_lines else " ".join(lines[0].split())
    return '"' + flat.replace('"', "'").replace("\u201c", "'").replace("\u201d", "'") + '"'


def field_errors(form: Form, error_field: str | None, message: str) -> dict[str, str] | None:
    """`response_action: errors` for an error about one of the form's fields; None if it names none."""
    names = {f.name for f in form.fields}
    if error_field not in names:
        return None
    return {error_field: plain(message, ERROR_MAX)}


def channel_of(view: dict) -> str | None:
    """The channel the form was opened from (kept in private_metadata)."""
    try:
        return json.loads(view.get("private_metadata") or "{}").get("channel")
    except (ValueError, AttributeError):
        return None
