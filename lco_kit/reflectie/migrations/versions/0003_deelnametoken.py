"""A join token per session (only its hash), for the public participant service on a shared server.

Revision ID: 0003_deelnametoken
Revises: 0002_trajecten_eigenaar
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_deelnametoken"
down_revision = "0002_trajecten_eigenaar"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the join token's hash (empty for older sessions: they get one when their QR code is shown)."""
    op.add_column("reflectie_sessies", sa.Column("deelname_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    """Remove the join token's hash."""
    with op.batch_alter_table("reflectie_sessies") as batch:
        batch.drop_column("deelname_hash")
