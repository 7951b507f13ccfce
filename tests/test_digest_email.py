"""The e-bulletin: the weekly round-up as an HTML e-mail (Outlook-safe) with a plain-text part,
sent over SMTP to a real aiosmtpd server on loopback."""
from __future__ import annotations

import email
import email.policy
import socket
from datetime import datetime, timezone

import pytest
from aiosmtpd.controller import Controller

from bot.email import EmailError, parse_smtp_url
from digests import runner
from tests.digest_fixtures import add_items, runs, subscribe

EMAIL_DOMAINS = ("council.example",)  # HERALD_EMAIL_DOMAINS: where digests may be e-mailed


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # aiosmtpd checks its own port after starting, so it cannot be 0
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_weekly_round_up_arrives_as_outlook_safe_html_with_a_text_part(make_app, database_url, smtp_server, clock):
    inbox, url = smtp_server
    herald = make_app(database_url, SMTP_URL=url, SMTP_FROM="herald@lga.example",
                      HERALD_EMAIL_DOMAINS=EMAIL_DOMAINS).extensions["herald"]
    with herald.session() as session:
        add_items(session, 90, datetime(2026, 11, 16, 6, tzinfo=timezone.utc), hours=150)
    sub = subscribe(herald, platform="email", destination="leader@council.example")
    clock.set(datetime(2026, 11, 23, 8, 0, 20, tzinfo=timezone.utc))
    runner.sweep(herald, "clock:a")

    assert runs(herald, sub)[0].status == "sent"
    (message,) = inbox.messages
    assert inbox.envelopes[0].rcpt_tos == ["leader@council.example"]
    assert message["Subject"] == "Weekly round-up: 16 Nov – 22 Nov 2026"
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Items 90 (+90 on the week before)" in " ".join(plain.split())  # labels are padded to align
    assert "<b>Items:</b> 90 (+90 on the week before)" in html
    assert "(ask Herald: /coverage 16/11/2026 to 22/11/2026)" in html
    assert "30 positive · 30 neutral · 30 negative" in html
    assert 'role="presentation" width="600"' in html and "<style" not in html and "<div" not in html
    assert "Council story" in html and 'href="https://news.example/' in html
    images = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert len(images) == 1 and f'cid:{images[0]["Content-ID"].strip("<>")}' in html


def test_smtp_url_forms_and_errors_that_never_show_the_url():
    assert parse_smtp_url("smtps://user:p%40ss@mail.example").port == 465
    target = parse_smtp_url("smtp+starttls://u:secret@mail.example:2525")
    assert (target.mode, target.port, target.password) == ("starttls", 2525, "secret")
    with pytest.raises(EmailError) as caught:
        parse_smtp_url("http://u:secret@mail.example")
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_unreachable_mail_server_is_a_recorded_failure_without_the_secret(make_app, database_url, clock):
    herald = make_app(database_url, SMTP_URL="smtp://user:hunter22@127.0.0.1:1",
                      HERALD_EMAIL_DOMAINS=EMAIL_DOMAINS).extensions["herald"]
    sub = subscribe(herald, platform="email", destination="leader@council.example")
    clock.set(datetime(2026, 11, 23, 8, 0, 20, tzinfo=timezone.utc))
    runner.sweep(herald, "clock:a")
    run = runs(herald, sub)[0]
    assert run.status == "failed" and run.next_attempt_at is not None
    assert "mail server" in run.last_error and "hunter22" not in run.last_error
