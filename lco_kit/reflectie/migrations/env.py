"""Alembic environment: runs on the connection the store hands over.

A developer's ``alembic revision --autogenerate`` (with ``alembic.ini`` beside this file) has
no connection from the kit and opens the ini file's address instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlalchemy.engine import Connection

from lco_kit.reflectie.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


handed_over = context.config.attributes.get("connection")
if handed_over is not None:
    _run(handed_over)
else:  # pragma: no cover - only for a developer's alembic command line
    engine = engine_from_config(
        context.config.get_section(context.config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as own:
        _run(own)
