"""Schema migrations with Alembic: upgrade, and the check that refuses a database that is behind."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
UPGRADE_HINT = "flask --app app db upgrade"


class SchemaBehind(Exception):
    """The database's schema is older (or other) than this code's; the message says how to fix it."""


def alembic_config(engine: Engine) -> Config:
    """An Alembic config bound to `engine` (env.py reuses its connection)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration up to `revision`."""
    command.upgrade(alembic_config(engine), revision)


def upgrade_with_reference_data(engine: Engine) -> int:
    """What `db upgrade` does: apply every migration, then load or refresh the councils.
    Returns the number of councils."""
    from models.councils_data import load_councils
    from models.db import make_session_factory, transaction
    upgrade(engine)
    with transaction(make_session_factory(engine)) as session:
        return load_councils(session)


def head_revisions(engine: Engine) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def ensure_current(engine: Engine) -> None:
    """Raise `SchemaBehind` unless the database is at this code's migration head."""
    current, heads = current_revisions(engine), head_revisions(engine)
    if current != heads:
        have = ", ".join(sorted(current)) or "no schema"
        raise SchemaBehind(
            f"DATABASE_URL: the database schema is not current (it has {have}; this code needs "
            f"{', '.join(sorted(heads))}). Run: {UPGRADE_HINT}")


def check_models_match(engine: Engine) -> None:
    """Raise if the models and the migrations disagree (what `alembic check` does)."""
    command.check(alembic_config(engine))
