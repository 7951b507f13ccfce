"""Turn a council name typed in chat into a council, or into a helpful "did you mean"."""
from __future__ import annotations

from handlers.context import Context
from handlers.errors import NotFound, UsageError
from models.council import CouncilResolution, resolve_council


def council_from(ctx: Context, text: str) -> CouncilResolution:
    """The council `text` names (with any abolished-council note); NotFound with suggestions otherwise."""
    name = text.strip()
    if not name:
        raise UsageError("Which council?", example="/peer-challenge Thurrock")
    if len(name) > 120:
        raise UsageError("That council name is too long.", example="/peer-challenge Woking BC")
    resolution = resolve_council(ctx.session, name)
    if resolution.council is not None:
        return resolution
    if resolution.abolished is not None:
        raise NotFound(resolution.note or f"{resolution.abolished.official_name} was abolished.",
                       suggestions=resolution.suggestions)
    raise NotFound(f"I don't know a council called {name[:60]!r}.", suggestions=resolution.suggestions)
