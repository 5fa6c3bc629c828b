"""Connecting to the reflection database, and what it says in Dutch when it cannot.

- One store for the command line and every Voilà kernel: ``lco_kit.config.database_url()``
  (SQLite in the per-user data folder, or ``LCO_KIT_DB``). SQLite runs in WAL mode with a
  busy timeout, and every write takes the write lock at its start (``BEGIN IMMEDIATE``), so
  dozens of kernels can save answers at the same moment without "database is locked".
- Opening brings the database to the newest schema (the migrations); an address that is
  wrong, a server that is down or a database that stays busy becomes one Dutch sentence, the
  technical message goes to the kit's log.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, CursorResult, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from lco_kit import config
from lco_kit.errors import LcoError

__all__ = ["Databank", "engine_for", "new_id", "shown_database_url", "storable", "utc_now"]

_BUSY_TIMEOUT_S = 30
_RETRIES = 5
_LOG = logging.getLogger("lco_kit.reflectie")

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: str, what: str) -> str:
    """Return the text if both SQLite and PostgreSQL can keep it; else say in Dutch where it goes wrong.

    A NUL character (PostgreSQL refuses it) or half of an emoji's pair of codes (a lone
    surrogate, which no database can keep) comes from a damaged file or a pasted text; the
    person can remove it, so the text is refused rather than changed behind their back.
    """
    found = _UNSTORABLE.search(value)
    if found is None:
        return value
    kind = "een leeg teken (NUL)" if found.group() == "\x00" else "een half teken (bv. van een emoji)"
    raise LcoError(
        f"De {what} bevat op plaats {found.start() + 1} {kind} dat niet bewaard kan worden. "
        "Haal het weg (of typ de tekst opnieuw) en probeer het nog eens."
    )


def new_id(result: CursorResult[Any]) -> int:
    """Return the id the database gave the row just inserted."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every insert here has an autoincrement id
        raise LcoError("De databank gaf geen nummer terug. Probeer het opnieuw.")
    return int(key[0])


def utc_now() -> datetime:
    """Return the present moment in UTC, as the store keeps moments (without a time zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def shown_database_url(url: str) -> str:
    """Return a database address without its password (for messages and the log)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def engine_for(url: str) -> Engine:
    """Return the one engine of this address in the process (made on first use)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _make_engine(url)
            _ENGINES[url] = engine
        return engine


def _make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LcoError(
            f"‘{url}’ is geen geldig adres voor een databank. "
            "Gebruik bijvoorbeeld sqlite:///pad/naar/bestand.sqlite3 of postgresql+psycopg://gebruiker@server/databank."
        ) from None
    try:
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
                config.check_sqlite_location(Path(parsed.database))
            engine = create_engine(parsed, connect_args={"timeout": _BUSY_TIMEOUT_S, "check_same_thread": False})
            _configure_sqlite(engine)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError, ArgumentError) as error:
        raise LcoError(f"De databank ‘{shown_database_url(url)}’ kan niet gebruikt worden: {error}.") from None
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling starts transactions lazily; the kit begins
        # them itself (below), so that a write takes the lock at once instead of failing
        # half-way when another kernel wrote in between.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("lco_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Databank:
    """The connection to the reflection database: reading, writing, the schema, and the Dutch messages.

    Attributes:
        url: The SQLAlchemy URL.
        engine: The engine (one per URL in a process).
    """

    url: str
    engine: Engine

    @property
    def shown_url(self) -> str:
        """Return the database address without its password."""
        return shown_database_url(self.url)

    def _unreachable(self, error: Exception) -> LcoError:
        detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else ""
        _LOG.warning("Databank %s niet bereikbaar: %s", self.shown_url, detail)
        return LcoError(
            f"De databank ‘{self.shown_url}’ kan niet geopend worden. Kijk na of de databankserver draait "
            "en of het adres klopt; de technische melding staat in het logbestand van de kit."
        )

    def _ensure_schema(self) -> None:
        """Bring the database to the newest schema (Alembic migrations, see ``lco_kit.reflectie.migrations``)."""
        from lco_kit.reflectie import migrations  # noqa: PLC0415

        for attempt in range(_RETRIES):
            try:
                if migrations.is_at_head(self.engine):
                    return
                with self._write() as conn:
                    migrations.upgrade_to_head(conn)
                return
            except migrations.SchemaMismatchError as error:
                raise LcoError(str(error)) from None
            except (SQLAlchemyError, LcoError) as error:
                # Two kernels may migrate at the same moment; the loser retries and finds it done.
                if attempt == _RETRIES - 1:
                    raise (error if isinstance(error, LcoError) else self._unreachable(error)) from None
                time.sleep(0.2 * (attempt + 1))

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """Yield a connection in a write transaction (SQLite waits up to 30 s for the lock)."""
        try:
            with self.engine.connect() as raw:
                conn = raw.execution_options(lco_write=True)
                with conn.begin():
                    yield conn
        except OperationalError as error:
            raise self._busy_or_unreachable(error) from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except OperationalError as error:
            raise self._busy_or_unreachable(error) from None

    def _busy_or_unreachable(self, error: OperationalError) -> LcoError:
        if "locked" in str(error).lower():
            return LcoError("De databank is even bezet door veel tegelijk. Probeer het over een paar seconden opnieuw.")
        return self._unreachable(error)
