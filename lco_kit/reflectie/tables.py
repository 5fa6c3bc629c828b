"""The reflection store's tables, as the code reads and writes them.

The migrations (:mod:`lco_kit.reflectie.migrations`) build these tables in a database;
``tests/reflectie/test_migrations.py`` checks that what they build is what is named here.
Trajects live in their own tables (``reflectie_trajecten`` and the link
``reflectie_traject_sessies``), so a store made before them keeps working unchanged.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, ForeignKey, Integer, MetaData, String, Table, Text, UniqueConstraint

__all__ = [
    "MAX_TITLE_LENGTH",
    "answers_table",
    "metadata",
    "respondents_table",
    "sessions_table",
    "traject_sessions_table",
    "trajects_table",
]

MAX_TITLE_LENGTH = 120

metadata = MetaData()

sessions_table = Table(
    "reflectie_sessies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(12), nullable=False, unique=True),
    Column("geheim_hash", String(64), nullable=False, unique=True),
    Column("soort", String(20), nullable=False),
    Column("titel", String(MAX_TITLE_LENGTH), nullable=False),
    Column("casus", String(MAX_TITLE_LENGTH), nullable=True, index=True),
    Column("instrument_versie", String(80), nullable=False),
    Column("instrument_json", Text, nullable=False),
    Column("min_groep", Integer, nullable=False),
    Column("drempel", Float, nullable=False),
    Column("verborgen", String(60), nullable=False),
    Column("aangemaakt_op", DateTime, nullable=False),
    Column("gesloten_op", DateTime, nullable=True),
    # Who opened it (a hub user, or the computer's user); None for sessions from before owners.
    Column("eigenaar", String(MAX_TITLE_LENGTH), nullable=True, index=True),
    # The hash of the join token the public participant service asks for (see join_token).
    Column("deelname_hash", String(64), nullable=True),
)

respondents_table = Table(
    "reflectie_invullers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sessie_id", Integer, ForeignKey("reflectie_sessies.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sleutel", String(64), nullable=False),
    Column("perspectief", String(20), nullable=False),
    Column("bron", String(10), nullable=False),
    Column("instrument_versie", String(80), nullable=False),
    Column("opmerking", Text, nullable=False),
    Column("begonnen_op", DateTime, nullable=False),
    Column("bijgewerkt_op", DateTime, nullable=False),
    Column("afgerond_op", DateTime, nullable=True),
    UniqueConstraint("sessie_id", "sleutel", name="uq_invuller_sleutel"),
)

answers_table = Table(
    "reflectie_antwoorden",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "invuller_id", Integer, ForeignKey("reflectie_invullers.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("item", String(40), nullable=False),
    Column("waarde", Integer, nullable=True),
    Column("instrument_versie", String(80), nullable=False),
    Column("beantwoord_op", DateTime, nullable=False),
    UniqueConstraint("invuller_id", "item", name="uq_antwoord_item"),
)


trajects_table = Table(
    "reflectie_trajecten",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sleutel_hash", String(64), nullable=False, unique=True),
    # Opaque: another part of the kit (a casus traject) may note its own id here; never shown.
    Column("traject_id", String(MAX_TITLE_LENGTH), nullable=True, index=True),
    Column("aangemaakt_op", DateTime, nullable=False),
    Column("eigenaar", String(MAX_TITLE_LENGTH), nullable=True, index=True),
)

traject_sessions_table = Table(
    "reflectie_traject_sessies",
    metadata,
    Column("sessie_id", Integer, ForeignKey("reflectie_sessies.id", ondelete="CASCADE"), primary_key=True),
    Column("traject", Integer, ForeignKey("reflectie_trajecten.id", ondelete="CASCADE"), nullable=False, index=True),
)
