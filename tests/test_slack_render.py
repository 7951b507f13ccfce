"""Block Kit rendering: hostile text never pings or links, and no Slack limit is ever exceeded."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.slack.blocks import (HEADER_MAX, MAX_BLOCKS, MESSAGE_TEXT_MAX, SECTION_MAX, fallback_text,
                              render_blocks, render_messages, render_notice, with_share_id,
                              without_share_button)
from bot.slack.forms import FORMS, command_line, field_errors
from bot.slack.mrkdwn import cut, escape, link, units
from handlers.reply import Button, Fact, Item, Reply, Section

HOSTILE = (
    "<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>", "<#C024BE7LR|general>", "<!subteam^S012|admins>",
    "<https://evil.example|innocent>", "<mailto:a@evil.example|HR>", "&lt;!channel&gt;", "&amp;lt;", "a & b < c > d",
    "x" * 10_000, "\u202eexe.gnp", "\u200fשלום RTL mark", "😀" * 3000, "nul\x00byte", "*bold* _it_ ~s~ `code`",
    "@channel @here", "<", ">", "&", "|", "<<>>&&", "\u2066isolate\u2069", "line\nbreaks\r\n" * 400,
)
PING = re.compile(r"<[!@#]")
RAW_AMP = re.compile(r"&(?!amp;|lt;|gt;)")


def _texts(node):
    """Every (kind, text) shown to people in a block tree: kind is "plain_text" or "mrkdwn"."""
    if isinstance(node, dict):
        if node.get("type") in ("plain_text", "mrkdwn") and isinstance(node.get("text"), str):
            yield node["type"], node["text"]
            return
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


def assert_valid_message(blocks: list[dict], fallback: str, allowed_links: set[str] = frozenset()):
    assert 1 <= len(blocks) <= MAX_BLOCKS
    total = 0
    for block in blocks:
        if block["type"] == "header":
            assert 1 <= units(block["text"]["text"]) <= HEADER_MAX and block["text"]["text"].strip()
        if block["type"] == "section":
            assert "text" in block or "fields" in block
            if "text" in block:
                assert 1 <= units(block["text"]["text"]) <= SECTION_MAX
            assert len(block.get("fields", [])) <= 10
            assert all(units(f["text"]) <= 2000 for f in block.get("fields", []))
        if block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
        if block["type"] == "actions":
            assert 1 <= len(block["elements"]) <= 25
            for element in block["elements"]:
                assert units(element["text"]["text"]) <= 75 and len(element.get("value", "")) <= 2000
    for kind, text in [*_texts(blocks), ("mrkdwn", fallback)]:
        total += units(text)
        assert "\x00" not in text and "\u202e" not in text and text.strip()
        if kind == "plain_text":  # never parsed for mentions or links
            continue
        assert not RAW_AMP.search(text), text[:200]
        stripped = text
        for url in allowed_links:
            stripped = stripped.replace(f"<{url}|", "")
        assert not PING.search(stripped), text[:200]
        assert "<http" not in stripped and "<mailto" not in stripped, text[:200]
    assert total <= MESSAGE_TEXT_MAX + 500
    assert not PING.search(fallback) and "<" not in fallback


def _hostile_reply(s: str, url: str | None = None) -> Reply:
    return Reply(title=s, context=(s, s),
                 sections=(Section(heading=s, text=s, facts=tuple(Fact(s, s) for _ in range(12)),
                                   items=tuple(Item(title=s, url=url, meta=(s, s), detail=s, marker="red")
                                               for _ in range(3))),),
                 buttons=(Button(label=s, command=s[:1900] or "help"), Button(label=s, url="javascript:alert(1)")),
                 next_page=f"coverage {s[:100]}")


def test_every_hostile_string_through_every_renderer():
    for s in HOSTILE:
        reply = _hostile_reply(s)
        for message in render_messages(reply, share_id="7"):
            assert_valid_message(message.blocks, message.text)
        assert_valid_message(render_blocks(reply), fallback_text(reply))
        notice = render_notice(s)
        assert_valid_message(notice.blocks, notice.text)


def test_item_links_only_to_its_own_safe_url():
    reply = _hostile_reply("<https://evil.example|innocent>", url="https://example.org/a b|c>d")
    text = str(render_blocks(reply))
    assert "<https://example.org/a%20b%7Cc%3Ed|&lt;https://evil.example" in text
    assert "<javascript" not in text and "javascript:" not in text


def test_escaping_shows_text_as_typed_and_cuts_never_split_an_entity():
    assert escape("<!channel> & &lt;") == "&lt;!channel&gt; &amp; &amp;lt;"
    assert cut(escape("a" * 8 + "&&&&"), 12) in ("aaaaaaaa&amp;…"[:12], "aaaaaaaa…")
    assert cut("😀" * 10, 5) == "😀😀…"
    assert link("javascript:alert(1)", "x") == "x" and link(None, "a|b") == "a\u2758b"


def test_a_long_answer_is_split_into_messages_each_within_limits_with_buttons_last():
    items = tuple(Item(title=f"Story {i} " + "w" * 300, url=f"https://example.org/{i}", meta=("LGC",))
                  for i in range(60))
    reply = Reply(title="Digest", sections=(Section(items=items),), next_page="coverage this week page:2")
    messages = render_messages(reply)
    assert 2 <= len(messages) <= 4
    for message in messages:
        assert_valid_message(message.blocks, message.text, {f"https://example.org/{i}" for i in range(60)})
    assert messages[-1].blocks[-1]["elements"][-1]["value"] == "coverage this week page:2"
    single = render_blocks(reply)
    assert single[-1]["type"] == "actions" and "more not shown" in str(single)


def test_form_values_cannot_break_out_of_their_quotes_and_errors_map_to_fields():
    line = command_line(FORMS["press_log"], {"type": "statement", "title": 'He said "no" \u201cever\u201d',
                                             "outlet": "LGC\nlink:https://x"})
    assert line == 'press log "statement" "He said \'no\' \'ever\'" outlet:"LGC link:https://x"'
    assert field_errors(FORMS["press_log"], "outlet", "Which outlet?") == {"outlet": "Which outlet?"}
    assert field_errors(FORMS["press_log"], "nonsense", "x") is None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=400), st.sampled_from(HOSTILE)), min_size=1, max_size=8),
       st.integers(min_value=0, max_value=40))
def test_any_text_renders_within_limits_without_pings(pieces, n_items):
    s = "".join(pieces)
    items = tuple(Item(title=p, meta=(p,), detail=p) for p in (pieces * (n_items // len(pieces) + 1))[:n_items])
    reply = Reply(title=s, sections=(Section(heading=s, text=s, items=items),), context=tuple(pieces))
    for message in render_messages(reply, share_id="1"):
        assert_valid_message(message.blocks, message.text)


def test_a_private_answer_is_rendered_once_then_split_into_sent_and_kept_copies():
    items = tuple(Item(title=f"Story {n} " + "words " * 100, url=f"https://example.org/{n}") for n in range(40))
    reply = Reply(title="Coverage", sections=(Section(items=items),), next_page="coverage this week page:2")
    rendered = render_messages(reply, share_id="0")
    sent, kept = with_share_id(rendered, "42"), without_share_button(rendered)

    def buttons(messages):
        return [(e["action_id"], e.get("value")) for m in messages for b in m.blocks if b["type"] == "actions"
                for e in b["elements"]]
    assert ("herald_share", "42") in buttons(sent) and ("herald_share", "0") not in buttons(sent)
    assert not any(action == "herald_share" for action, _value in buttons(kept))
    assert any(action == "herald_next" for action, _value in buttons(kept))
    assert [m.text for m in kept] == [m.text for m in sent] and len(sent) == len(rendered) > 1
    assert rendered[-1].blocks[-1]["elements"][-1]["value"] == "0"  # the rendering itself is untouched
