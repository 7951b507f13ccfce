"""Adaptive Cards from the neutral `Reply`: golden JSON, the 1.4 schema, size limits, hostile text."""
from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import given, settings, strategies as st

from bot.slack.blocks import render_blocks
from bot.teams.cards import MAX_CARD_BYTES, compact_json, envelope, render_card, render_cards
from bot.teams.text import markdown
from handlers.reply import Attachment, Button, Chart, Fact, Item, Reply, Section
from tests.teams_fixtures import DATA, HOSTILE, card_validator, coverage_week_reply, hostile_reply, walk

UPDATE = os.environ.get("HERALD_UPDATE_GOLDEN") == "1"
MARKDOWN_FIELDS = ("title", "value")  # Fact fields are the only Teams-markdown text Herald emits


def golden(name: str, card: dict) -> None:
    path = DATA / f"golden_{name}.json"
    text = json.dumps(card, ensure_ascii=False, indent=2) + "\n"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path.name} is missing; create it with HERALD_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} changed; review and regenerate"


PROGRAMMES = Reply(
    title="Programme status: RAG",
    sections=(Section(heading="Improvement programmes", items=(
        Item("LG Inform", marker="amber", meta=("Prototype Plus under procurement", "rated 3 Nov 2026")),
        Item("Knowledge Hub", marker="green", meta=("rated 12 Oct 2026",)),
        Item("Leadership Academy", marker="red", detail="Stale: last rated 180+ days ago"),
        Item("Peer challenge offer", marker="not_rated"))),),
    context=("RAG: red, amber, green; history with /programme history <name>.",),
    buttons=(Button("Update a rating", command="/programme update \"LG Inform\" amber \"reason\""),),
)


@pytest.mark.parametrize("name, reply", [("coverage_week", coverage_week_reply()), ("programmes", PROGRAMMES),
                                         ("error", Reply(title="Sorry, I couldn't do that", is_error=True,
                                                         sections=(Section(text="No period 'blursday'.\nTry: this week"),)))])
def test_cards_match_their_golden_json_and_the_schema(name, reply):
    card = render_card(reply)
    card_validator().validate(card)
    golden(name, card)


def test_the_coverage_card_shows_markers_facts_links_and_what_to_type():
    card = render_card(coverage_week_reply())
    assert card["version"] == "1.4" and card["msteams"] == {"width": "Full"}
    [facts] = [n for n in walk(card) if n.get("type") == "FactSet"]
    assert {"title": "Items", "value": "14"} in facts["facts"]
    runs = [n for n in walk(card) if n.get("type") == "TextRun"]
    assert any(r["text"].startswith("🙂 Positive") and r["color"] == "Good" for r in runs)
    assert any(r["text"].startswith("🙁 Negative") and r["color"] == "Attention" for r in runs)
    linked = [r for r in runs if "selectAction" in r]
    assert [r["selectAction"]["url"] for r in linked] == ["https://www.lgcplus.com/story/1", "https://www.themj.co.uk/2"]
    assert any(r["text"] == "coverage this week page:2" and r["fontType"] == "Monospace" for r in runs)
    assert any(r["text"] == "coverage this week export" for r in runs)     # a command button becomes a hint
    assert card["actions"] == [{"type": "Action.OpenUrl", "title": "Open coverage log",
                                "url": "https://intranet.example.gov.uk/coverage"}]


def test_one_reply_renders_for_slack_and_teams():
    reply = coverage_week_reply()
    blocks, card = render_blocks(reply), render_card(reply)
    slack_text, teams_text = json.dumps(blocks, ensure_ascii=False), json.dumps(card, ensure_ascii=False)
    for story in ("LGA launches 'light touch' sector regulation blueprint", "Councils facing fresh data burden",
                  "https://www.lgcplus.com/story/1"):
        assert story in slack_text and story in teams_text
    assert "*Items*" in slack_text                      # Slack mrkdwn bold…
    assert "**" not in teams_text                       # …is not how Teams is told to bold
    card_validator().validate(card)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_makes_no_mention_link_or_broken_card_in_teams(text):
    cards = render_cards(hostile_reply(text))
    for card in cards:
        card_validator().validate(card)
        raw = compact_json(envelope(card))
        assert len(raw) <= MAX_CARD_BYTES
        json.loads(raw)
        assert b"\x00" not in raw and "\u202e" not in raw.decode()
        nodes = list(walk(card))
        assert not any(n.get("type") in ("Action.Submit", "Action.Execute", "mention") for n in nodes)
        assert "entities" not in json.dumps(card.get("msteams", {}))
        for node in nodes:
            for key, value in node.items():
                if isinstance(value, str) and key in ("text", "title", "value"):
                    assert "<at" not in value.lower() and "</at" not in value.lower()
            if node.get("type") == "Action.OpenUrl":
                assert node["url"].startswith("https://")
        for fact in (n for n in nodes if "title" in n and "value" in n and "type" not in n):
            for key in MARKDOWN_FIELDS:
                assert "](" not in fact[key].replace("\\](", "") and "**" not in fact[key].replace("\\*", "")


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_makes_no_mention_link_or_broken_blocks_in_slack(text):
    blocks = render_blocks(hostile_reply(text))
    raw = json.dumps(blocks, ensure_ascii=False)
    json.loads(raw)
    assert len(blocks) <= 50 and "\x00" not in raw
    for node in walk(blocks):
        if node.get("type") == "mrkdwn":
            assert "<!" not in node["text"] and "<@" not in node["text"]
            assert "<https://evil" not in node["text"] and "<javascript" not in node["text"]
            assert len(node["text"]) <= 3000


def test_a_long_reply_splits_into_ordered_cards_within_26kb():
    items = tuple(Item(f"Item {n} " + "ü" * 900, url=f"https://example.org/{n}", meta=("MJ",), detail="d" * 900)
                  for n in range(1, 121))
    facts = tuple(Fact(f"Council {n}", "Report published " * 20) for n in range(1, 80))
    cards = render_cards(Reply(title="Daily coverage", sections=(Section(facts=facts, items=items),),
                               buttons=(Button("Open", url="https://example.org"),)))
    assert len(cards) > 3
    for index, card in enumerate(cards, start=1):
        assert len(compact_json(envelope(card))) <= MAX_CARD_BYTES
        card_validator().validate(card)
        assert f"(part {index} of {len(cards)})" in json.dumps(card, ensure_ascii=False)
    assert "actions" in cards[-1] and all("actions" not in c for c in cards[:-1])
    text = "".join(json.dumps(c, ensure_ascii=False) for c in cards)
    positions = [text.index(f"Item {n} ") for n in range(1, 121)]
    assert positions == sorted(positions)
    assert sum(len(f["facts"]) for c in cards for f in walk(c) if f.get("type") == "FactSet") == 79


def test_a_single_card_answer_is_cut_with_a_note_when_too_long():
    items = tuple(Item("x" * 250, detail="y" * 1000) for _ in range(200))
    card = render_card(Reply(title="Everything", sections=(Section(items=items),)))
    assert len(compact_json(envelope(card))) <= MAX_CARD_BYTES
    assert "Cut short" in json.dumps(card) and "part 1 of" not in json.dumps(card)
    card_validator().validate(card)


def test_charts_and_files_become_words_and_unsafe_links_are_dropped():
    reply = Reply(title="Board update", chart=Chart("Coverage by month", b"\x89PNG", "Rising from 10 to 42"),
                  attachments=(Attachment("board.docx", b"x" * 4096, "application/octet-stream"),),
                  sections=(Section(items=(Item("Click", url="javascript:alert(1)"), Item("Data", url="data:text/html,x"))),),
                  buttons=(Button("Bad", url="file:///etc/passwd"),))
    card = render_card(reply)
    text = json.dumps(card, ensure_ascii=False)
    assert "Rising from 10 to 42" in text and "board.docx (4 KB)" in text
    assert "javascript:" not in text.replace('"Click"', "") and "selectAction" not in text and "actions" not in card
    card_validator().validate(card)


@pytest.mark.parametrize("raw, shown", [
    ("[x](https://evil)", r"\[x\](https://evil)"),
    ("LGC (5) & MJ!", "LGC (5) & MJ!"),
    ("&lt;b&gt; &#60;", r"\&lt;b\&gt; \&#60;"),
    ("# not a heading", r"\# not a heading"),
    ("**9**", r"\*\*9\*\*"),
    ("- item", r"\- item"),
    ("1. first", r"1\. first"),
    ("a_b_c", r"a\_b\_c"),
    ("<at>Jo</at> & co", "\\<\u2060at\\>Jo\\<\u2060/at\\> & co"),
    ("line\nbreak", "line break"),
])
def test_teams_markdown_escaping(raw, shown):
    assert markdown(raw) == shown


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400) | st.sampled_from(HOSTILE)


@settings(max_examples=40, deadline=None)
@given(title=TEXT, body=TEXT, label=TEXT, value=TEXT, count=st.integers(0, 25))
def test_any_text_gives_cards_that_parse_fit_and_carry_no_mention_or_markup(title, body, label, value, count):
    reply = Reply(title=title, sections=(Section(heading=body, text=body, facts=(Fact(label, value),) * 3,
                                                 items=(Item(body, url="https://ok.example", meta=(label,)),) * count),),
                  context=(value,), next_page=label)
    for card in render_cards(reply):
        raw = compact_json(envelope(card))
        assert len(raw) <= MAX_CARD_BYTES and json.loads(raw)["attachments"][0]["content"] == card
        for node in walk(card):
            for key in ("text", "title", "value"):
                if isinstance(node.get(key), str):
                    assert "<at" not in node[key].lower() and "\x00" not in node[key]
            if "value" in node and "type" not in node:           # a Fact: Teams markdown
                unescaped = re.sub(r"\\.", "", node["value"])
                assert not re.search(r"[*_\[\]<>`~]", unescaped)
