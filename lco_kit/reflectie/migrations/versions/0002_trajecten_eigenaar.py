"""Trajects (one facilitator key for the sessions of one casus) and an owner per session and traject.

The traject tables were first made by ``create_all`` in stores opened between the baseline
and this revision; such a store already has them, so they are made only where missing. The
owner (``eigenaar``) is empty for older rows: those belong to whoever runs the kit alone.

Revision ID: 0002_trajecten_eigenaar
Revises: 0001_basis
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_trajecten_eigenaar"
down_revision = "0001_basis"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the traject tables where missing, then the owner columns and their indexes."""
    tables = set(sa.inspect(op.get_bind()).get_table_names())
    if "reflectie_trajecten" not in tables:
        op.create_table(
            "reflectie_trajecten",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("sleutel_hash", sa.String(64), nullable=False, unique=True),
            sa.Column("traject_id", sa.String(120), nullable=True),
            sa.Column("aangemaakt_op", sa.DateTime, nullable=False),
        )
        op.create_index("ix_reflectie_trajecten_traject_id", "reflectie_trajecten", ["traject_id"])
    if "reflectie_traject_sessies" not in tables:
        op.create_table(
            "reflectie_traject_sessies",
            sa.Column(
                "sessie_id",
                sa.Integer,
                sa.ForeignKey("reflectie_sessies.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column(
                "traject", sa.Integer, sa.ForeignKey("reflectie_trajecten.id", ondelete="CASCADE"), nullable=False
            ),
        )
        op.create_index("ix_reflectie_traject_sessies_traject", "reflectie_traject_sessies", ["traject"])
    for table in ("reflectie_sessies", "reflectie_trajecten"):
        op.add_column(table, sa.Column("eigenaar", sa.String(120), nullable=True))
        op.create_index(f"ix_{table}_eigenaar", table, ["eigenaar"])


def downgrade() -> None:
    """Remove the owner columns (the traject tables stay: older kits made them too)."""
    for table in ("reflectie_trajecten", "reflectie_sessies"):
        op.drop_index(f"ix_{table}_eigenaar", table_name=table)
        op.drop_column(table, "eigenaar")
