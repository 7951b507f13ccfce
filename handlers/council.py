"""`/council`: one answer per council: its coverage this month, its peer challenge, the programmes in its news."""
from __future__ import annotations

from handlers import parliament
from handlers.context import Context
from handlers.council_names import council_from
from handlers.errors import UsageError
from handlers.family import Family
from handlers.reply import Button, Fact, Item, Reply, Section
from handlers.support_views import support_sections
from models.mentions import council_coverage, programmes_mentioning
from models.peer_challenge import challenges_of
from models.periods import parse_period


def handle(text: str, ctx: Context) -> Reply:
    """`/council <name>`: coverage this month, peer challenge stage, and programmes its coverage mentions."""
    if not text.strip():
        raise UsageError("Which council?", example="/council Thurrock")
    resolution = council_from(ctx, text)
    council = resolution.council
    month = parse_period("this month", ctx.now(), ctx.tz)
    total, latest = council_coverage(ctx.session, council.code, month.start, month.end)
    challenges = challenges_of(ctx.session, council.code)
    challenge = challenges[0] if challenges else None
    stage = "none on record"
    if challenge:
        when = f" ({challenge.stage_on:%-d %b %Y})" if challenge.stage_on else ""
        stage = f"{challenge.kind} · {challenge.stage}{when}"
    facts = (Fact("Coverage this month", str(total)),
             Fact("Peer challenge", stage, command=f"/peer-challenge {council.nice_name}"),
             Fact("Type", f"{council.type_name}, {council.region}"))
    sections = [Section(facts=facts)]
    if latest:
        sections.append(Section(heading=f"Coverage this month ({month.local_start:%B %Y})", items=tuple(
            Item(title=c.title, url=c.url, marker=c.tone,
                 meta=tuple(m for m in (c.outlet, f"{c.published_at.astimezone(ctx.tz):%-d %b}", c.tone) if m))
            for c in latest)))
    programmes = programmes_mentioning(ctx.session, council.code)
    if programmes:
        sections.append(Section(heading="Programmes in its coverage", items=tuple(
            Item(title=p.name, meta=(f"{p.items} item{'s' if p.items != 1 else ''}",)) for p in programmes)))
    sections += support_sections(ctx, council.code, council.nice_name)
    sections += parliament.council_sections(ctx, council.code)
    context = ((resolution.note,) if resolution.note else ()) + (council.official_name,)
    return Reply(title=council.nice_name, sections=tuple(sections), context=context,
                 buttons=(Button("Peer challenge", command=f"/peer-challenge {council.nice_name}"),))


FAMILY = Family(
    name="council",
    summary="One answer per council: coverage this month, peer challenge stage, programmes",
    usage="/council <name>",
    examples=("/council Thurrock", "/council Woking BC",),
    handle=handle,
    reads=lambda rest: True,
)
