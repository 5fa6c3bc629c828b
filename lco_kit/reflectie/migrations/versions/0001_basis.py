"""Baseline: the reflection store as it stood at commit b5a8019 (sessions, respondents, answers).

Revision ID: 0001_basis
Revises:
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_basis"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables of the baseline, exactly as ``create_all`` made them then."""
    op.create_table(
        "reflectie_sessies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("geheim_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("titel", sa.String(120), nullable=False),
        sa.Column("casus", sa.String(120), nullable=True),
        sa.Column("instrument_versie", sa.String(80), nullable=False),
        sa.Column("instrument_json", sa.Text, nullable=False),
        sa.Column("min_groep", sa.Integer, nullable=False),
        sa.Column("drempel", sa.Float, nullable=False),
        sa.Column("verborgen", sa.String(60), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime, nullable=False),
        sa.Column("gesloten_op", sa.DateTime, nullable=True),
    )
    op.create_index("ix_reflectie_sessies_casus", "reflectie_sessies", ["casus"])
    op.create_table(
        "reflectie_invullers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("sessie_id", sa.Integer, sa.ForeignKey("reflectie_sessies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sleutel", sa.String(64), nullable=False),
        sa.Column("perspectief", sa.String(20), nullable=False),
        sa.Column("bron", sa.String(10), nullable=False),
        sa.Column("instrument_versie", sa.String(80), nullable=False),
        sa.Column("opmerking", sa.Text, nullable=False),
        sa.Column("begonnen_op", sa.DateTime, nullable=False),
        sa.Column("bijgewerkt_op", sa.DateTime, nullable=False),
        sa.Column("afgerond_op", sa.DateTime, nullable=True),
        sa.UniqueConstraint("sessie_id", "sleutel", name="uq_invuller_sleutel"),
    )
    op.create_index("ix_reflectie_invullers_sessie_id", "reflectie_invullers", ["sessie_id"])
    op.create_table(
        "reflectie_antwoorden",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "invuller_id", sa.Integer, sa.ForeignKey("reflectie_invullers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("item", sa.String(40), nullable=False),
        sa.Column("waarde", sa.Integer, nullable=True),
        sa.Column("instrument_versie", sa.String(80), nullable=False),
        sa.Column("beantwoord_op", sa.DateTime, nullable=False),
        sa.UniqueConstraint("invuller_id", "item", name="uq_antwoord_item"),
    )
    op.create_index("ix_reflectie_antwoorden_invuller_id", "reflectie_antwoorden", ["invuller_id"])


def downgrade() -> None:
    """Remove the baseline's tables (and with them every answer)."""
    op.drop_table("reflectie_antwoorden")
    op.drop_table("reflectie_invullers")
    op.drop_table("reflectie_sessies")
