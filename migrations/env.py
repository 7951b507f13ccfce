"""Alembic environment: runs against the engine Herald hands it, comparing with Herald's models."""
from alembic import context
import sqlalchemy as sa

import models
from models.db import UTCDateTime

config = context.config
target_metadata = models.Base.metadata


def render_item(type_, obj, autogen_context):
    """Write Herald's UTC timestamp type as a plain timezone-aware DateTime in migrations."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def compare_type(context_, inspected_column, metadata_column, inspected_type, metadata_type):
    if isinstance(metadata_type, UTCDateTime):
        return not isinstance(inspected_type, sa.DateTime)
    return None


# Full-text search objects the models cannot describe (models/lines_search.py): SQLite's FTS5 table
# with its shadow tables, and PostgreSQL's generated tsvector column and its GIN index.
NOT_IN_MODELS = ("lines_fts", "ix_lines_search", "search_vector")


def include_object(obj, name, type_, reflected, compare_to):
    """Leave the full-text search objects out of the models-versus-database comparison."""
    return not (reflected and name and name.startswith(NOT_IN_MODELS))


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_item=render_item,
            compare_type=compare_type, include_object=include_object,
            render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
