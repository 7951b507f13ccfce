"""enquiries: media enquiries (issue 20), the councils they concern, and their notes

- `enquiries`: topic, journalist, outlet, owner, deadline (UTC), status (open, answered, declined,
  referred, statement), closed_at, the `/press` activity that answered it, an embargo as `/press` has.
- `enquiry_councils`: the councils (mySociety codes) an enquiry concerns.
- `enquiry_notes`: notes added as it is handled.

Revision ID: enquiries
Revises: notices
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'enquiries'
down_revision: Union[str, Sequence[str], None] = "notices"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('enquiries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('journalist', sa.String(length=200), nullable=True),
    sa.Column('outlet_name', sa.String(length=200), nullable=True),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('owner_id', sa.String(length=100), nullable=False),
    sa.Column('owner_name', sa.String(length=200), nullable=True),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('press_id', sa.Integer(), nullable=True),
    sa.Column('embargo_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('logged_by', sa.String(length=100), nullable=False),
    sa.Column('logged_by_name', sa.String(length=200), nullable=True),
    sa.Column('platform', sa.String(length=10), nullable=False),
    sa.Column('workspace', sa.String(length=40), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_enquiries_outlet_id_outlets'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['press_id'], ['press_activities.id'], name=op.f('fk_enquiries_press_id_press_activities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enquiries'))
    )
    with op.batch_alter_table('enquiries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enquiries_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiries_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiries_status'), ['status'], unique=False)

    op.create_table('enquiry_councils',
    sa.Column('enquiry_id', sa.Integer(), nullable=False),
    sa.Column('council_code', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['council_code'], ['councils.code'], name=op.f('fk_enquiry_councils_council_code_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiries.id'], name=op.f('fk_enquiry_councils_enquiry_id_enquiries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('enquiry_id', 'council_code', name=op.f('pk_enquiry_councils'))
    )
    with op.batch_alter_table('enquiry_councils', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enquiry_councils_council_code'), ['council_code'], unique=False)

    op.create_table('enquiry_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enquiry_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.String(length=100), nullable=False),
    sa.Column('author_name', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiries.id'], name=op.f('fk_enquiry_notes_enquiry_id_enquiries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enquiry_notes'))
    )
    with op.batch_alter_table('enquiry_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enquiry_notes_enquiry_id'), ['enquiry_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('enquiry_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enquiry_notes_enquiry_id'))

    op.drop_table('enquiry_notes')
    with op.batch_alter_table('enquiry_councils', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enquiry_councils_council_code'))

    op.drop_table('enquiry_councils')
    with op.batch_alter_table('enquiries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enquiries_status'))
        batch_op.drop_index(batch_op.f('ix_enquiries_deadline'))
        batch_op.drop_index(batch_op.f('ix_enquiries_created_at'))

    op.drop_table('enquiries')
