"""E-mail delivery: a `Reply` as an HTML e-mail readable in Outlook, with a plain-text part.

Outlook's Word engine ignores most CSS, so the HTML is a single-column table layout with inline
styles only; the chart travels as an inline image (cid:) so no remote content is needed.
`SMTP_URL` is `smtp://[user:pass@]host[:port]`, `smtp+starttls://…` or `smtps://…` (a secret).
"""
from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from html import escape
from urllib.parse import unquote, urlsplit

from bot.plaintext import MARKERS, render_text
from config import Settings
from handlers.reply import Reply, Section

FONT = "font-family:Arial,Helvetica,sans-serif;color:#1f1f1f;"
TONE_COLOURS = {"positive": "#2e7d32", "negative": "#c62828", "red": "#c62828", "amber": "#ef6c00",
                "green": "#2e7d32"}


class EmailError(Exception):
    """The message could not be handed to the SMTP server (the text never includes SMTP_URL)."""


@dataclass(frozen=True)
class SmtpTarget:
    """SMTP_URL read into its parts."""

    host: str
    port: int
    mode: str  # plain | starttls | ssl
    username: str | None
    password: str | None


def parse_smtp_url(url: str) -> SmtpTarget:
    """Read SMTP_URL; raise EmailError naming the setting (not its value) if it is unusable."""
    parts = urlsplit(url)
    modes = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("ssl", 465)}
    if parts.scheme not in modes or not parts.hostname:
        raise EmailError("SMTP_URL must look like smtp://host:port, smtp+starttls://… or smtps://…")
    mode, default_port = modes[parts.scheme]
    return SmtpTarget(parts.hostname, parts.port or default_port, mode,
                      unquote(parts.username) if parts.username else None,
                      unquote(parts.password) if parts.password else None)


def _section_html(section: Section) -> str:
    rows = []
    if section.heading:
        rows.append(f'<tr><td style="{FONT}font-size:17px;font-weight:bold;padding:18px 0 6px 0;'
                    f'border-bottom:1px solid #dddddd;">{escape(section.heading)}</td></tr>')
    if section.text:
        text = escape(section.text).replace("\n", "<br>")
        rows.append(f'<tr><td style="{FONT}font-size:14px;padding:6px 0;">{text}</td></tr>')
    for fact in section.facts:
        ask = f' <span style="color:#616161;font-size:12px;">(ask Herald: {escape(fact.command)})</span>' \
            if fact.command else ""
        rows.append(f'<tr><td style="{FONT}font-size:14px;padding:3px 0;"><b>{escape(fact.label)}:</b> '
                    f'{escape(fact.value)}{ask}</td></tr>')
    for item in section.items:
        title = escape(item.title)
        if item.url:
            title = f'<a href="{escape(item.url, quote=True)}" style="color:#0b57d0;">{title}</a>'
        marker = ""
        if item.marker:
            colour = TONE_COLOURS.get(item.marker, "#616161")
            marker = f'<span style="color:{colour};font-weight:bold;">{escape(MARKERS.get(item.marker, ""))}</span> '
        meta = f'<br><span style="color:#616161;font-size:12px;">{escape(" · ".join(item.meta))}</span>' \
            if item.meta else ""
        detail = f'<br><span style="font-size:13px;">{escape(item.detail)}</span>' if item.detail else ""
        rows.append(f'<tr><td style="{FONT}font-size:14px;padding:5px 0;">{marker}{title}{meta}{detail}</td></tr>')
    return "".join(rows)


def render_html(reply: Reply, chart_cid: str | None = None) -> str:
    """The reply as an e-mail body: a 600px centred table, inline styles, escaped text."""
    body = [f'<tr><td style="{FONT}font-size:22px;font-weight:bold;padding:0 0 8px 0;">{escape(reply.title)}</td></tr>']
    for line in reply.context[:1]:
        body.append(f'<tr><td style="{FONT}font-size:13px;color:#616161;">{escape(line)}</td></tr>')
    if reply.chart and chart_cid:
        body.append(f'<tr><td style="padding:12px 0;"><img src="cid:{chart_cid}" width="600" '
                    f'alt="{escape(reply.chart.alt_text, quote=True)}" style="display:block;border:0;"></td></tr>')
    body.extend(_section_html(section) for section in reply.sections)
    for line in reply.context[1:]:
        body.append(f'<tr><td style="{FONT}font-size:12px;color:#616161;padding-top:12px;">{escape(line)}</td></tr>')
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + escape(reply.title) + '</title></head>'
            '<body style="margin:0;padding:0;background:#f4f4f4;">'
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
            'style="background:#f4f4f4;"><tr><td align="center" style="padding:16px;">'
            '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" '
            'style="background:#ffffff;padding:20px;">' + "".join(body) +
            '</table></td></tr></table></body></html>')


def build_message(reply: Reply, sender: str, recipient: str) -> EmailMessage:
    """A multipart/alternative message: plain text first, then HTML (with the chart inline)."""
    message = EmailMessage()
    message["Subject"] = reply.title
    message["From"] = sender
    message["To"] = recipient
    message.set_content(render_text(reply))
    cid = make_msgid(domain="herald.local") if reply.chart else None
    message.add_alternative(render_html(reply, cid[1:-1] if cid else None), subtype="html")
    if reply.chart and cid:
        html_part = message.get_payload()[1]
        html_part.add_related(reply.chart.png, maintype="image", subtype="png", cid=cid,
                              filename="chart.png")
    return message


def send_email(settings: Settings, recipient: str, reply: Reply, timeout: float = 15) -> None:
    """Send `reply` to `recipient` through SMTP_URL; raise EmailError on any failure."""
    if not settings.SMTP_URL:
        raise EmailError("SMTP_URL is not set, so Herald cannot send e-mail")
    target = parse_smtp_url(settings.SMTP_URL)
    message = build_message(reply, settings.SMTP_FROM, recipient)
    smtp_class = smtplib.SMTP_SSL if target.mode == "ssl" else smtplib.SMTP
    try:
        with smtp_class(target.host, target.port, timeout=timeout) as smtp:
            if target.mode == "starttls":
                smtp.starttls()
            if target.username:
                smtp.login(target.username, target.password or "")
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise EmailError(f"the mail server refused or could not be reached ({type(exc).__name__})") from None
