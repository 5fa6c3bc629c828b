"""Schema migrations of the reflection store (Alembic), run by the store itself at start.

No ``alembic.ini`` is needed: :func:`lco_kit.reflectie.store.ReflectieStore` builds the
configuration in code and runs ``upgrade head`` on its own connection. A developer adds a
revision with::

    .venv/bin/alembic -c lco_kit/reflectie/migrations/alembic.ini revision -m "wat er verandert"

The baseline (``0001``) is the schema as it stood at commit b5a8019, the last one made with
``create_all`` only; ``tests/data/reflectie/baseline-b5a8019.sqlite`` is a store made then.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

__all__ = ["BASELINE", "HEAD", "SCRIPT_LOCATION", "SchemaMismatchError", "is_at_head", "upgrade_to_head"]

SCRIPT_LOCATION = Path(__file__).resolve().parent
BASELINE = "0001_basis"

HEAD = "0003_deelnametoken"
"""The newest revision (a test checks it is the scripts' head), read without loading Alembic's scripts."""

_PG_LOCK = 7_120_181
"""The advisory lock that lets one kernel at a time migrate a PostgreSQL database."""

_BASELINE_COLUMNS = {
    "reflectie_sessies": {
        "id", "code", "geheim_hash", "soort", "titel", "casus", "instrument_versie", "instrument_json",
        "min_groep", "drempel", "verborgen", "aangemaakt_op", "gesloten_op",
    },
    "reflectie_invullers": {
        "id", "sessie_id", "sleutel", "perspectief", "bron", "instrument_versie", "opmerking",
        "begonnen_op", "bijgewerkt_op", "afgerond_op",
    },
    "reflectie_antwoorden": {"id", "invuller_id", "item", "waarde", "instrument_versie", "beantwoord_op"},
}  # fmt: skip


class SchemaMismatchError(Exception):
    """The database holds reflection tables the kit does not recognise (the message is Dutch)."""


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["connection"] = connection
    return config


def is_at_head(engine: Engine) -> bool:
    """Return whether the database already has the newest schema (one small query)."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return False
    return found == [HEAD]


def _check_baseline(connection: Connection, tables: set[str]) -> None:
    inspector = inspect(connection)
    for table, wanted in _BASELINE_COLUMNS.items():
        if table not in tables:
            raise SchemaMismatchError(
                f"De databank heeft wel reflectietabellen maar niet de tabel ‘{table}’. "
                "Ze is niet door de kit gemaakt of is beschadigd; gebruik een andere databank of vraag hulp aan IT."
            )
        missing = wanted - {c["name"] for c in inspector.get_columns(table)}
        if missing:
            raise SchemaMismatchError(
                f"In de databank mist de tabel ‘{table}’ de kolom(men) {', '.join(sorted(missing))}. "
                "Ze is niet door de kit gemaakt of is beschadigd; gebruik een andere databank of vraag hulp aan IT."
            )


def upgrade_to_head(connection: Connection) -> None:
    """Bring the database on this connection (inside its write transaction) to the newest schema.

    An empty database is made from the baseline up; a store from before migrations (no
    ``alembic_version``, but the baseline's tables) is first marked as the baseline, then
    upgraded, so every answer stays.

    Raises:
        SchemaMismatchError: When reflection tables exist that do not match the baseline.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    tables = set(inspect(connection).get_table_names())
    config = _config(connection)
    if "alembic_version" not in tables and tables & set(_BASELINE_COLUMNS):
        _check_baseline(connection, tables)
        command.stamp(config, BASELINE)
    command.upgrade(config, "head")
