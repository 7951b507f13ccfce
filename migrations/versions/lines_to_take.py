"""lines to take: lines, their versions, tags and uses, and their full-text index

- `lines`, `line_versions`, `line_tags`, `line_uses` (models/lines.py).
- SQLite: the FTS5 table `lines_fts` (external content on `lines`, porter tokenizer) and three
  triggers that keep it in step with `lines` on insert, update and delete. A later migration that
  rebuilds `lines` in batch mode drops these triggers and must create them again (`_sqlite_fts`).
- PostgreSQL: the stored generated column `lines.search_vector` (to_tsvector('english', …) of topic,
  tags and text, weighted A, B, C) and its GIN index `ix_lines_search`; the models do not name it.

Revision ID: lines_to_take
Revises: support_spotlight
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "lines_to_take"
down_revision: Union[str, Sequence[str], None] = "support_spotlight"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

FTS_COLUMNS = "topic, tags, search_body"


def upgrade() -> None:
    op.create_table(
        "lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("search_body", sa.Text(), nullable=False),
        sa.Column("use", sa.String(length=12), nullable=False),
        sa.Column("press_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.String(length=100), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=True),
        sa.Column("platform", sa.String(length=10), nullable=False),
        sa.Column("workspace", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["press_id"], ["press_activities.id"], name=op.f("fk_lines_press_id_press_activities"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lines")),
    )
    op.create_index(op.f("ix_lines_topic"), "lines", ["topic"], unique=False)
    op.create_table(
        "line_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("spokesperson", sa.String(length=200), nullable=True),
        sa.Column("review_by", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("author_id", sa.String(length=100), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_by_name", sa.String(length=200), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=100), nullable=True),
        sa.Column("withdraw_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["line_id"], ["lines.id"], name=op.f("fk_line_versions_line_id_lines"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_versions")),
    )
    op.create_index("ix_line_versions_line_status", "line_versions", ["line_id", "status"], unique=False)
    op.create_index(op.f("ix_line_versions_review_by"), "line_versions", ["review_by"], unique=False)
    op.create_index(op.f("ix_line_versions_approved_at"), "line_versions", ["approved_at"], unique=False)
    op.create_table(
        "line_tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["line_id"], ["lines.id"], name=op.f("fk_line_tags_line_id_lines"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_tags")),
    )
    op.create_index(op.f("ix_line_tags_line_id"), "line_tags", ["line_id"], unique=False)
    op.create_index("ix_line_tags_kind_ref", "line_tags", ["kind", "ref"], unique=False)
    op.create_table(
        "line_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("enquiry_id", sa.Integer(), nullable=True),
        sa.Column("press_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=100), nullable=True),
        sa.Column("thread_ts", sa.String(length=40), nullable=True),
        sa.Column("used_by", sa.String(length=100), nullable=False),
        sa.Column("used_by_name", sa.String(length=200), nullable=True),
        sa.Column("platform", sa.String(length=10), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["line_id"], ["lines.id"], name=op.f("fk_line_uses_line_id_lines"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["line_versions.id"],
                                name=op.f("fk_line_uses_version_id_line_versions"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["press_id"], ["press_activities.id"],
                                name=op.f("fk_line_uses_press_id_press_activities"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_uses")),
    )
    op.create_index(op.f("ix_line_uses_line_id"), "line_uses", ["line_id"], unique=False)
    op.create_index(op.f("ix_line_uses_used_at"), "line_uses", ["used_at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE lines ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
                   "setweight(to_tsvector('english', topic), 'A') || setweight(to_tsvector('english', tags), 'B') || "
                   "setweight(to_tsvector('english', search_body), 'C')) STORED")
        op.execute("CREATE INDEX ix_lines_search ON lines USING gin (search_vector)")
    else:
        _sqlite_fts()


def _sqlite_fts() -> None:
    """The FTS5 index on `lines` and the triggers that keep it in step (external content)."""
    op.execute(f"CREATE VIRTUAL TABLE lines_fts USING fts5({FTS_COLUMNS}, content='lines', content_rowid='id', "
               "tokenize='porter unicode61')")
    op.execute(f"CREATE TRIGGER lines_fts_insert AFTER INSERT ON lines BEGIN "
               f"INSERT INTO lines_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, new.topic, new.tags, new.search_body); END")
    op.execute(f"CREATE TRIGGER lines_fts_delete AFTER DELETE ON lines BEGIN "
               f"INSERT INTO lines_fts(lines_fts, rowid, {FTS_COLUMNS}) "
               f"VALUES ('delete', old.id, old.topic, old.tags, old.search_body); END")
    op.execute(f"CREATE TRIGGER lines_fts_update AFTER UPDATE ON lines BEGIN "
               f"INSERT INTO lines_fts(lines_fts, rowid, {FTS_COLUMNS}) "
               f"VALUES ('delete', old.id, old.topic, old.tags, old.search_body); "
               f"INSERT INTO lines_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, new.topic, new.tags, new.search_body); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        for trigger in ("lines_fts_insert", "lines_fts_delete", "lines_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS lines_fts")
    op.drop_table("line_uses")
    op.drop_table("line_tags")
    op.drop_table("line_versions")
    op.drop_table("lines")
