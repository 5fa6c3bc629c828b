"""Where reflection sessions and their answers are kept: SQLite by default, any SQLAlchemy URL on request.

- One store for the command line and every Voilà kernel: ``lco_kit.config.database_url()``
  (SQLite in the per-user data folder, or ``LCO_KIT_DB``). SQLite runs in WAL mode with a
  busy timeout, and every write takes the write lock at its start (``BEGIN IMMEDIATE``), so
  dozens of kernels can save answers at the same moment without "database is locked".
- A session has a short **join code** (easy to type: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B) and a
  separate **facilitator secret**; only a hash of the secret is kept.
- Every session keeps a copy of the instrument it was opened with, and every answer the
  instrument's version (:attr:`Instrument.kenmerk`).
- Answers are saved one by one, keyed by a **respondent key** the browser keeps; saving the
  same answer again replaces it, so a respondent counts once however often they press send.
  No names are stored.
- The sessions of one casus (the first LCO and its follow-ups) form a **traject** that shares
  one facilitator key: the secret of the first session opens every later one, so the trend
  needs one secret. Trajects live in their own tables (``reflectie_trajecten`` and the link
  ``reflectie_traject_sessies``), so a store made before them keeps working unchanged; an
  older session without a traject is opened by its own secret alone. A typed casus label
  opens nothing: results are only ever found through a key.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, CursorResult, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError, SQLAlchemyError

from lco_kit import config
from lco_kit.errors import LcoError
from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument, load_instrument, perspective_code
from lco_kit.reflectie.owners import Owner, current_owner
from lco_kit.reflectie.privacy import DEFAULT_MIN_GROUP
from lco_kit.reflectie.scoring import DEFAULT_ALERT_THRESHOLD, check_answer

__all__ = [
    "CODE_ALPHABET",
    "KINDS",
    "MAX_REMARK_LENGTH",
    "NewSession",
    "ReflectieStore",
    "RespondentRecord",
    "Sessie",
    "Traject",
    "new_respondent_key",
    "normalise_code",
    "valid_respondent_key",
]

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 6
SECRET_LENGTH = 16
JOIN_TOKEN_LENGTH = 12
KINDS = ("lco", "reflectiedag")
MAX_REMARK_LENGTH = 2000
MAX_TITLE_LENGTH = 120
_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{12,64}$")
_BUSY_TIMEOUT_S = 30
_RETRIES = 5
_LOG = logging.getLogger("lco_kit.reflectie")

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


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: str, what: str) -> str:
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


def _new_id(result: CursorResult[Any]) -> int:
    """Return the id the database gave the row just inserted."""
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every insert here has an autoincrement id
        raise LcoError("De databank gaf geen nummer terug. Probeer het opnieuw.")
    return int(key[0])


@functools.lru_cache(maxsize=32)
def _instrument_from_json(text: str) -> Instrument:
    """Return a session's instrument, read once per version and then shared (the model is frozen).

    Every answer is checked against its session's instrument, and reading the instrument takes
    far longer than saving the answer.
    """
    return Instrument.from_json(text)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _hash(secret: str) -> str:
    return hashlib.sha256(normalise_code(secret).encode("utf-8")).hexdigest()


def _join_token(key: str, code: str) -> str:
    """Return a session's join token: derived from the facilitator key, so the key's holder can show it again."""
    digest = hmac.new(normalise_code(key).encode("utf-8"), f"deelname:{code}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:JOIN_TOKEN_LENGTH]


def normalise_code(text: str) -> str:
    """Return a join code or secret as stored: capitals, without spaces, dashes or dots.

    Examples:
        >>> normalise_code(" k7p-2qx ")
        'K7P2QX'
    """
    return re.sub(r"[\s.\-_]", "", text).upper()


def _shown_code(code: str) -> str:
    """Return a typed code as it may be echoed back: at most a few characters more than a real one."""
    shown = code.strip()
    return shown if len(shown) <= CODE_LENGTH + 6 else shown[: CODE_LENGTH + 6] + "…"


def _shown_secret(normalised: str) -> str:
    """Return a secret in groups of four, as the key card prints it."""
    return "-".join(normalised[i : i + 4] for i in range(0, len(normalised), 4))


def _random_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def _perspective(value: str) -> str:
    try:
        return perspective_code(value)
    except ValueError:
        raise LcoError(f"Het perspectief ‘{value}’ bestaat niet; kies client, deelnemer of coordinator.") from None


def valid_respondent_key(key: str) -> bool:
    """Return whether a respondent key has the shape the kit gives out (letters, digits, - and _)."""
    return bool(_KEY_PATTERN.match(key))


def new_respondent_key() -> str:
    """Return a new random respondent key (what a browser keeps to go on where it was)."""
    return secrets.token_urlsafe(12)


@dataclass(frozen=True)
class Sessie:
    """One reflection session as stored.

    Attributes:
        id: The database id.
        code: The join code participants type.
        soort: ``lco`` (one meeting) or ``reflectiedag``.
        titel: What the facilitator called it.
        casus: A casus label (no name) that links follow-up LCOs, or None.
        instrument_versie: The instrument's version (name and fingerprint).
        instrument_json: The instrument the session was opened with.
        min_groep: The smallest group shown (reflectiedag).
        drempel: The alert threshold.
        verborgen: Perspectives the facilitator hid (lco sessions).
        aangemaakt_op: When it was opened (UTC).
        gesloten_op: When it was closed (UTC), or None while open.
    """

    id: int
    code: str
    soort: str
    titel: str
    casus: str | None
    instrument_versie: str
    instrument_json: str = field(repr=False)
    min_groep: int
    drempel: float
    verborgen: frozenset[str]
    aangemaakt_op: datetime
    gesloten_op: datetime | None

    @property
    def is_open(self) -> bool:
        """Return whether answers can still be added."""
        return self.gesloten_op is None

    @cached_property
    def instrument(self) -> Instrument:
        """Return the instrument this session was opened with (read once per process, then shared)."""
        return _instrument_from_json(self.instrument_json)

    def shown(self) -> dict[str, bool]:
        """Return, per perspective, whether the facilitator shows it (lco sessions)."""
        return {p: p not in self.verborgen for p in PERSPECTIVES}


@dataclass(frozen=True)
class Traject:
    """The sessions one facilitator key opens, oldest first (one session for an older store's session).

    Attributes:
        id: The traject's database id, or None for an older session that has no traject.
        traject_id: The opaque id another part of the kit noted, or None.
        sessions: The sessions, oldest first.
    """

    id: int | None
    traject_id: str | None
    sessions: tuple[Sessie, ...]

    @property
    def latest(self) -> Sessie:
        """Return the newest session (the one a reopened page shows)."""
        return self.sessions[-1]


@dataclass(frozen=True)
class NewSession:
    """A session just opened, with its facilitator secret (shown once, never stored in clear)."""

    session: Sessie
    secret: str


@dataclass(frozen=True)
class RespondentRecord:
    """One respondent's answers as stored (no name: only a random key).

    Attributes:
        key: The random respondent key.
        perspective: ``client``, ``deelnemer`` or ``coordinator``.
        source: ``web`` or ``papier``.
        answers: Item id → score, None for "weet ik niet"; items not answered are absent.
        remark: The free-text remark ("" when none).
        instrument_versie: The instrument version the answers were given with.
        started: When the first answer came in (UTC).
        finished: When they pressed send (UTC), or None.
    """

    key: str
    perspective: str
    source: str
    answers: dict[str, int | None]
    remark: str
    instrument_versie: str
    started: datetime
    finished: datetime | None


_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _shown_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _engine(url: str) -> Engine:
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
        raise LcoError(f"De databank ‘{_shown_url(url)}’ kan niet gebruikt worden: {error}.") from None
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


class ReflectieStore:
    """The reflection store: sessions, respondents and their answers.

    Every session and traject notes its owner; results (answers, trajects, a casus's
    sessions, retention) are only ever read from the owner's own sessions. Answering by
    code works for every session: participants have no owner.

    Args:
        url: An SQLAlchemy URL; by default :func:`lco_kit.config.database_url`.
        owner: Whom this kit works for; by default from the environment
            (:func:`lco_kit.reflectie.owners.current_owner`).

    Raises:
        LcoError: When the database cannot be reached or prepared, in Dutch.
    """

    def __init__(self, url: str | None = None, *, owner: Owner | None = None) -> None:
        self.url = url or config.database_url()
        self.owner = owner if owner is not None else current_owner()
        self.engine = _engine(self.url)
        self._ensure_schema()

    # ------------------------------------------------------------------ plumbing

    @property
    def shown_url(self) -> str:
        """Return the database address without its password."""
        return _shown_url(self.url)

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

    def _mine(self, column: Any) -> Any:
        """Return the condition that an owner column is this kit's owner's (the province owns none)."""
        if self.owner.is_province:
            return false()
        own = column == self.owner.name if self.owner.name is not None else false()
        return or_(own, column.is_(None)) if self.owner.sees_ownerless else own

    def _check_own(self, conn: Connection, session_id: int) -> None:
        """Refuse a session that exists but is someone else's (a deleted one simply has no answers)."""
        found = conn.execute(
            select(sessions_table.c.id, self._mine(sessions_table.c.eigenaar).label("mine")).where(
                sessions_table.c.id == session_id
            )
        ).first()
        if found is not None and not found.mine:
            raise LcoError(
                "Deze sessie is niet van jou: je kunt alleen de resultaten van je eigen sessies openen of uitvoeren."
            )

    # ------------------------------------------------------------------ sessions

    def create_session(
        self,
        kind: str = "lco",
        *,
        title: str = "",
        casus: str | None = None,
        min_group: int = DEFAULT_MIN_GROUP,
        threshold: float = DEFAULT_ALERT_THRESHOLD,
        instrument: Instrument | None = None,
        key: str | None = None,
        traject_id: str | None = None,
    ) -> NewSession:
        """Open a new session with a fresh join code and facilitator secret.

        Without ``key`` the session starts a new traject, and its fresh secret is the key of
        that traject. With the key of an earlier session the new session is a follow-up in
        the same traject: the same key opens it, and the trend runs over the whole traject.

        Args:
            kind: ``lco`` (one meeting) or ``reflectiedag``.
            title: A short title for the facilitator (no names).
            casus: A label that links follow-up LCOs of one casus (no names).
            min_group: The smallest group shown in a reflectiedag session.
            threshold: The alert threshold (points).
            instrument: The instrument to use (default: the current instrument file).
            key: The facilitator key of an existing traject (a follow-up session), or None.
            traject_id: An opaque id to note on a new traject (never shown), or None.

        Raises:
            LcoError: For a wrong kind, group size, threshold or title, or a key that opens nothing.
        """
        if kind not in KINDS:
            raise LcoError(f"‘{kind}’ is geen soort sessie; kies lco of reflectiedag.")
        if self.owner.is_province:
            raise LcoError("Met de rol provincie open je geen sessies; je ziet alleen de cijfers over alle sessies.")
        if isinstance(min_group, bool) or not isinstance(min_group, int) or not 1 <= min_group <= 100:  # noqa: PLR2004
            raise LcoError(f"De kleinste groep moet een geheel getal van 1 tot 100 zijn, niet {min_group!r}.")
        if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 < threshold <= 4:  # noqa: PLR2004
            raise LcoError(f"De drempel voor een signaal moet groter dan 0 en hoogstens 4 zijn, niet {threshold!r}.")
        title = title.strip()
        casus = casus.strip() if casus else None
        for what, value in (("titel", title), ("casus", casus or "")):
            if len(value) > MAX_TITLE_LENGTH:
                raise LcoError(f"De {what} is te lang (hoogstens {MAX_TITLE_LENGTH} tekens).")
            _storable(value, what)
        used = instrument or load_instrument()
        traject: int | None = None
        if key is not None:
            traject = self._traject_id_for(key)
            secret = _shown_secret(normalise_code(key))
            # The key is the traject's; this session's own column only needs a value nobody knows.
            own_hash = _hash(_random_code(SECRET_LENGTH))
        else:
            secret = _shown_secret(_random_code(SECRET_LENGTH))
            own_hash = _hash(secret)
        if traject_id is not None:
            traject_id = _storable(traject_id.strip(), "traject")[:MAX_TITLE_LENGTH] or None
        for _attempt in range(20):
            code = _random_code(CODE_LENGTH)
            try:
                with self._write() as conn:
                    row = {
                        "code": code,
                        "geheim_hash": own_hash,
                        "soort": kind,
                        "titel": title,
                        "casus": casus,
                        "instrument_versie": used.kenmerk,
                        "instrument_json": used.to_json(),
                        "min_groep": min_group,
                        "drempel": float(threshold),
                        "verborgen": "",
                        "aangemaakt_op": _now(),
                        "gesloten_op": None,
                        "eigenaar": self.owner.name,
                        "deelname_hash": _hash(_join_token(secret, code)),
                    }
                    session_id = _new_id(conn.execute(insert(sessions_table).values(**row)))
                    if traject is None:
                        traject = _new_id(
                            conn.execute(
                                insert(trajects_table).values(
                                    sleutel_hash=_hash(secret),
                                    traject_id=traject_id,
                                    aangemaakt_op=_now(),
                                    eigenaar=self.owner.name,
                                )
                            )
                        )
                    conn.execute(insert(traject_sessions_table).values(sessie_id=session_id, traject=traject))
                return NewSession(self.session(code), secret)
            except IntegrityError:
                continue  # the code was taken; draw another
        raise LcoError("Er kon geen nieuwe sessiecode gemaakt worden. Probeer het opnieuw.")

    @staticmethod
    def _to_session(row: Any) -> Sessie:
        return Sessie(
            id=row.id,
            code=row.code,
            soort=row.soort,
            titel=row.titel,
            casus=row.casus,
            instrument_versie=row.instrument_versie,
            instrument_json=row.instrument_json,
            min_groep=row.min_groep,
            drempel=row.drempel,
            verborgen=frozenset(p for p in row.verborgen.split(",") if p),
            aangemaakt_op=row.aangemaakt_op,
            gesloten_op=row.gesloten_op,
        )

    def session(self, code: str) -> Sessie:
        """Return the session with this join code.

        Raises:
            LcoError: When there is no such session.
        """
        wanted = normalise_code(code)
        with self._read() as conn:
            row = conn.execute(select(sessions_table).where(sessions_table.c.code == wanted)).first()
        if row is None:
            raise LcoError(
                f"Er is geen sessie met de code ‘{_shown_code(code)}’. Kijk de code na: ze heeft {CODE_LENGTH} tekens."
            )
        return self._to_session(row)

    def session_for_secret(self, secret: str) -> Sessie:
        """Return the session this facilitator secret opens (the newest of its traject).

        Raises:
            LcoError: When no session has this secret.
        """
        return self.traject_for_secret(secret).latest

    def traject_for_secret(self, secret: str) -> Traject:
        """Return every session this facilitator key opens, oldest first.

        A key opens the sessions of its traject; an older session without a traject is
        opened by its own secret alone. Nothing else (no casus label, no code) opens results.

        Raises:
            LcoError: When the key opens nothing.
        """
        wanted = _hash(secret)
        with self._read() as conn:
            found = conn.execute(
                select(trajects_table.c.id, trajects_table.c.traject_id).where(
                    trajects_table.c.sleutel_hash == wanted, self._mine(trajects_table.c.eigenaar)
                )
            ).first()
            if found is not None:
                rows = conn.execute(
                    select(sessions_table)
                    .join(traject_sessions_table, traject_sessions_table.c.sessie_id == sessions_table.c.id)
                    .where(traject_sessions_table.c.traject == found.id, self._mine(sessions_table.c.eigenaar))
                    .order_by(sessions_table.c.aangemaakt_op, sessions_table.c.id)
                ).all()
                if rows:
                    return Traject(int(found.id), found.traject_id, tuple(self._to_session(r) for r in rows))
            row = conn.execute(
                select(sessions_table).where(
                    sessions_table.c.geheim_hash == wanted, self._mine(sessions_table.c.eigenaar)
                )
            ).first()
        if row is None:
            raise LcoError(
                f"Met dit geheim kan geen sessie geopend worden. Kijk het na (het heeft {SECRET_LENGTH} tekens)."
            )
        return Traject(None, None, (self._to_session(row),))

    def _traject_id_for(self, key: str) -> int:
        """Return the traject a key opens, making one for an older session that had none."""
        traject = self.traject_for_secret(key)
        if traject.id is not None:
            return traject.id
        only = traject.sessions[0]
        with self._write() as conn:
            only_owner = conn.execute(select(sessions_table.c.eigenaar).where(sessions_table.c.id == only.id)).scalar()
            new_id = _new_id(
                conn.execute(
                    insert(trajects_table).values(
                        sleutel_hash=_hash(key), traject_id=None, aangemaakt_op=_now(), eigenaar=only_owner
                    )
                )
            )
            conn.execute(insert(traject_sessions_table).values(sessie_id=only.id, traject=new_id))
        return int(new_id)

    def set_traject_id(self, secret: str, traject_id: str | None) -> None:
        """Note an opaque id (e.g. of a casus traject elsewhere in the kit) on the traject a key opens.

        Raises:
            LcoError: When the key opens nothing.
        """
        traject = self._traject_id_for(secret)
        value = _storable(traject_id.strip(), "traject")[:MAX_TITLE_LENGTH] if traject_id else None
        with self._write() as conn:
            conn.execute(update(trajects_table).where(trajects_table.c.id == traject).values(traject_id=value or None))

    def sessions_for_casus(self, casus: str) -> list[Sessie]:
        """Return the sessions of one casus label, oldest first.

        Only for keeping data (retention): a label is typed by anyone, so it never opens
        results; trends and reports go through :meth:`traject_for_secret`.
        """
        with self._read() as conn:
            rows = conn.execute(
                select(sessions_table)
                .where(sessions_table.c.casus == casus.strip(), self._mine(sessions_table.c.eigenaar))
                .order_by(sessions_table.c.aangemaakt_op, sessions_table.c.id)
            ).all()
        return [self._to_session(r) for r in rows]

    def join_token(self, secret: str, code: str) -> str:
        """Return the join token of one session of the traject this key opens (for its QR code).

        The token is derived from the key, so it can be shown again whenever the key is typed;
        only its hash is stored. An older session gets its hash now.

        Raises:
            LcoError: When the key does not open this session.
        """
        wanted = normalise_code(code)
        session = next((s for s in self.traject_for_secret(secret).sessions if s.code == wanted), None)
        if session is None:
            raise LcoError("Met dit geheim kan deze sessie niet geopend worden.")
        token = _join_token(secret, session.code)
        with self._write() as conn:
            conn.execute(
                update(sessions_table)
                .where(sessions_table.c.id == session.id, sessions_table.c.deelname_hash.is_(None))
                .values(deelname_hash=_hash(token))
            )
        return token

    def join_token_fits(self, code: str, token: str) -> bool:
        """Return whether a join token is the one of the session with this code (no token: never)."""
        if not token or len(token) > 4 * JOIN_TOKEN_LENGTH:
            return False
        with self._read() as conn:
            stored = conn.execute(
                select(sessions_table.c.deelname_hash).where(sessions_table.c.code == normalise_code(code))
            ).scalar()
        return stored is not None and hmac.compare_digest(str(stored), _hash(token))

    def close_session(self, session_id: int) -> None:
        """Close a session: its results stay, no new answers come in."""
        with self._write() as conn:
            conn.execute(
                update(sessions_table)
                .where(sessions_table.c.id == session_id, sessions_table.c.gesloten_op.is_(None))
                .values(gesloten_op=_now())
            )

    def delete_session(self, session_id: int) -> int:
        """Delete a session with all its respondents and answers; return how many respondents went."""
        with self._write() as conn:
            respondent_ids = select(respondents_table.c.id).where(respondents_table.c.sessie_id == session_id)
            conn.execute(delete(answers_table).where(answers_table.c.invuller_id.in_(respondent_ids)))
            gone = conn.execute(delete(respondents_table).where(respondents_table.c.sessie_id == session_id)).rowcount
            traject = conn.execute(
                select(traject_sessions_table.c.traject).where(traject_sessions_table.c.sessie_id == session_id)
            ).scalar()
            conn.execute(delete(traject_sessions_table).where(traject_sessions_table.c.sessie_id == session_id))
            conn.execute(delete(sessions_table).where(sessions_table.c.id == session_id))
            if traject is not None:
                left = conn.execute(
                    select(func.count()).where(traject_sessions_table.c.traject == traject)
                ).scalar_one()
                if not left:  # the key opens nothing any more: forget it
                    conn.execute(delete(trajects_table).where(trajects_table.c.id == traject))
        return int(gone or 0)

    def set_hidden(self, session_id: int, hidden: set[str] | frozenset[str]) -> None:
        """Store which perspectives the facilitator hides (lco sessions)."""
        unknown = set(hidden) - set(PERSPECTIVES)
        if unknown:
            raise LcoError(f"Onbekend perspectief: {', '.join(sorted(unknown))}.")
        value = ",".join(p for p in PERSPECTIVES if p in hidden)
        with self._write() as conn:
            conn.execute(update(sessions_table).where(sessions_table.c.id == session_id).values(verborgen=value))

    def set_threshold(self, session_id: int, threshold: float) -> None:
        """Store the alert threshold the facilitator chose (points, above 0 and at most 4)."""
        if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 < threshold <= 4:  # noqa: PLR2004
            raise LcoError(f"De drempel voor een signaal moet groter dan 0 en hoogstens 4 zijn, niet {threshold!r}.")
        with self._write() as conn:
            conn.execute(
                update(sessions_table).where(sessions_table.c.id == session_id).values(drempel=float(threshold))
            )

    # ------------------------------------------------------------------ answers

    def _open_session(self, conn: Connection, code: str) -> Sessie:
        row = conn.execute(select(sessions_table).where(sessions_table.c.code == normalise_code(code))).first()
        if row is None:
            raise LcoError(
                f"Er is geen sessie met de code ‘{_shown_code(code)}’. Kijk de code na: ze heeft {CODE_LENGTH} tekens."
            )
        session = self._to_session(row)
        if not session.is_open:
            raise LcoError(f"De sessie {session.code} is gesloten: er kunnen geen antwoorden meer bij.")
        return session

    @staticmethod
    def _check_key(key: str) -> None:
        if not valid_respondent_key(key):
            raise LcoError("Deze link is niet (meer) geldig. Open de pagina opnieuw met de code van de sessie.")

    def _respondent(
        self, conn: Connection, session: Sessie, key: str, perspective: str, source: str = "web"
    ) -> tuple[int, str]:
        """Return (id, perspective) of a respondent, creating it on its first answer."""
        existing = self._existing(conn, session, key)
        if existing is not None:
            return existing
        now = _now()
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(respondents_table).values(
                        sessie_id=session.id,
                        sleutel=key,
                        perspectief=perspective,
                        bron=source,
                        instrument_versie=session.instrument_versie,
                        opmerking="",
                        begonnen_op=now,
                        bijgewerkt_op=now,
                        afgerond_op=None,
                    )
                )
        except IntegrityError:
            pass  # the same browser sent twice at once: the other request created it
        created = self._existing(conn, session, key)
        if created is None:  # pragma: no cover - the insert or the other request made it
            raise LcoError("Het antwoord kon niet bewaard worden. Probeer het opnieuw.")
        return created

    @staticmethod
    def _existing(conn: Connection, session: Sessie, key: str) -> tuple[int, str] | None:
        row = conn.execute(
            select(respondents_table.c.id, respondents_table.c.perspectief).where(
                respondents_table.c.sessie_id == session.id, respondents_table.c.sleutel == key
            )
        ).first()
        return None if row is None else (int(row.id), str(row.perspectief))

    @staticmethod
    def _validated(session: Sessie, perspective: str, item_id: str, value: object) -> int | None:
        instrument = session.instrument
        part = instrument.perspective(perspective)
        item = part.item(item_id)
        if item is None:
            owner = next((p for p, i in instrument.all_items() if i.id == item_id), None)
            if owner is not None:
                raise LcoError(
                    f"De vraag ‘{item_id}’ hoort bij het perspectief {instrument.perspective(owner).label}, "
                    f"niet bij {part.label}."
                )
            raise LcoError(f"De vraag ‘{item_id}’ bestaat niet in de vragenlijst van deze sessie.")
        try:
            score = check_answer(value)
        except ValueError:
            shown = "true" if value is True else "false" if value is False else repr(value).replace("'", '"')
            raise LcoError(
                f"Bij de vraag ‘{item_id}’ moet de score een geheel getal van 1 tot 5 zijn, "
                f"of null voor ‘weet ik niet’; gevonden: {shown}."
            ) from None
        if score is None and not part.weet_ik_niet:
            raise LcoError(f"Bij de vraag ‘{item_id}’ is ‘weet ik niet’ niet toegestaan voor {part.label}.")
        return score

    def _save(self, conn: Connection, respondent_id: int, item_id: str, score: int | None, version: str) -> None:
        now = _now()
        changed = conn.execute(
            update(answers_table)
            .where(answers_table.c.invuller_id == respondent_id, answers_table.c.item == item_id)
            .values(waarde=score, instrument_versie=version, beantwoord_op=now)
        ).rowcount
        if not changed:
            try:
                with conn.begin_nested():
                    conn.execute(
                        insert(answers_table).values(
                            invuller_id=respondent_id,
                            item=item_id,
                            waarde=score,
                            instrument_versie=version,
                            beantwoord_op=now,
                        )
                    )
            except IntegrityError:
                conn.execute(
                    update(answers_table)
                    .where(answers_table.c.invuller_id == respondent_id, answers_table.c.item == item_id)
                    .values(waarde=score, instrument_versie=version, beantwoord_op=now)
                )
        conn.execute(update(respondents_table).where(respondents_table.c.id == respondent_id).values(bijgewerkt_op=now))

    def record_answer(self, code: str, key: str, perspective: str, item_id: str, value: object) -> None:
        """Save one answer as it is given (replacing an earlier answer to the same item).

        Args:
            code: The session's join code.
            key: The respondent key the browser keeps.
            perspective: The perspective the respondent chose (used on their first answer).
            item_id: The item.
            value: A score 1–5, or None for "weet ik niet".

        Raises:
            LcoError: Unknown or closed session, unknown item, an item of another
                perspective, or a score that is not 1–5 / None.
        """
        self._check_key(key)
        with self._write() as conn:
            session = self._open_session(conn, code)
            existing = self._existing(conn, session, key)
            chosen = existing[1] if existing else _perspective(perspective)
            score = self._validated(session, chosen, item_id, value)
            respondent_id = existing[0] if existing else self._respondent(conn, session, key, chosen)[0]
            self._save(conn, respondent_id, item_id, score, session.instrument_versie)

    def record_remark(self, code: str, key: str, perspective: str, text: str) -> None:
        """Save (or replace) a respondent's free-text remark.

        Raises:
            LcoError: For a closed session or a remark that is too long.
        """
        self._check_key(key)
        remark = _storable(text.strip(), "opmerking")
        if len(remark) > MAX_REMARK_LENGTH:
            raise LcoError(f"De opmerking is te lang ({len(remark)} tekens; hoogstens {MAX_REMARK_LENGTH}).")
        with self._write() as conn:
            session = self._open_session(conn, code)
            respondent_id, _ = self._respondent(conn, session, key, _perspective(perspective))
            conn.execute(
                update(respondents_table)
                .where(respondents_table.c.id == respondent_id)
                .values(opmerking=remark, bijgewerkt_op=_now())
            )

    def finish(self, code: str, key: str, perspective: str) -> None:
        """Mark a respondent as done ("verzenden"); pressing it again changes nothing."""
        self._check_key(key)
        with self._write() as conn:
            session = self._open_session(conn, code)
            respondent_id, _ = self._respondent(conn, session, key, _perspective(perspective))
            now = _now()
            conn.execute(
                update(respondents_table)
                .where(respondents_table.c.id == respondent_id, respondents_table.c.afgerond_op.is_(None))
                .values(afgerond_op=now, bijgewerkt_op=now)
            )

    def submit(
        self,
        code: str,
        perspective: str,
        answers: Mapping[str, object],
        remark: str | None = None,
        *,
        key: str | None = None,
        source: str = "papier",
    ) -> str:
        """Store one respondent's answers at once (e.g. from paper); all or nothing.

        Every answer is checked before anything is written; any problem stores nothing.

        Returns:
            The new respondent's key.

        Raises:
            LcoError: Listing every problem found, in Dutch.
        """
        wanted = _perspective(perspective)
        if not isinstance(answers, Mapping) or not answers:
            raise LcoError("Er staan geen antwoorden in: ‘antwoorden’ moet minstens één vraag met een score bevatten.")
        if remark is not None and len(remark.strip()) > MAX_REMARK_LENGTH:
            raise LcoError(f"De opmerking is te lang ({len(remark.strip())} tekens; hoogstens {MAX_REMARK_LENGTH}).")
        if remark is not None:
            _storable(remark, "opmerking")
        new_key = key or new_respondent_key()
        self._check_key(new_key)
        with self._write() as conn:
            session = self._open_session(conn, code)
            problems, scores = [], {}
            for item_id, value in answers.items():
                try:
                    scores[str(item_id)] = self._validated(session, wanted, str(item_id), value)
                except LcoError as error:
                    problems.append(str(error))
            if problems:
                raise LcoError("Er is niets opgeslagen:\n  - " + "\n  - ".join(problems))
            respondent_id, _ = self._respondent(conn, session, new_key, wanted, source)
            for item_id, score in scores.items():
                self._save(conn, respondent_id, item_id, score, session.instrument_versie)
            now = _now()
            conn.execute(
                update(respondents_table)
                .where(respondents_table.c.id == respondent_id)
                .values(opmerking=(remark or "").strip(), afgerond_op=now, bijgewerkt_op=now)
            )
        return new_key

    # ------------------------------------------------------------------ reading

    def respondents(self, session_id: int) -> list[RespondentRecord]:
        """Return every respondent of a session with their answers, in the order they started.

        Raises:
            LcoError: When the session is someone else's (or the kit has the province role).
        """
        with self._read() as conn:
            self._check_own(conn, session_id)
            people = conn.execute(
                select(respondents_table)
                .where(respondents_table.c.sessie_id == session_id)
                .order_by(respondents_table.c.begonnen_op, respondents_table.c.id)
            ).all()
            given = conn.execute(
                select(answers_table.c.invuller_id, answers_table.c.item, answers_table.c.waarde)
                .join(respondents_table, respondents_table.c.id == answers_table.c.invuller_id)
                .where(respondents_table.c.sessie_id == session_id)
                .order_by(answers_table.c.id)
            ).all()
        by_person: dict[int, dict[str, int | None]] = {}
        for row in given:
            by_person.setdefault(row.invuller_id, {})[row.item] = row.waarde
        return [
            RespondentRecord(
                key=p.sleutel,
                perspective=p.perspectief,
                source=p.bron,
                answers=by_person.get(p.id, {}),
                remark=p.opmerking,
                instrument_versie=p.instrument_versie,
                started=p.begonnen_op,
                finished=p.afgerond_op,
            )
            for p in people
        ]

    def respondent(self, code: str, key: str) -> RespondentRecord | None:
        """Return one respondent of a session by key, or None when it has not answered yet."""
        session = self.session(code)
        with self._read() as conn:
            person = conn.execute(
                select(respondents_table).where(
                    respondents_table.c.sessie_id == session.id, respondents_table.c.sleutel == key
                )
            ).first()
            if person is None:
                return None
            given = conn.execute(
                select(answers_table.c.item, answers_table.c.waarde)
                .where(answers_table.c.invuller_id == person.id)
                .order_by(answers_table.c.id)
            ).all()
        return RespondentRecord(
            key=person.sleutel,
            perspective=person.perspectief,
            source=person.bron,
            answers={row.item: row.waarde for row in given},
            remark=person.opmerking,
            instrument_versie=person.instrument_versie,
            started=person.begonnen_op,
            finished=person.afgerond_op,
        )

    def counts(self, session_id: int) -> dict[str, int]:
        """Return the number of respondents per perspective (cheap enough to poll)."""
        with self._read() as conn:
            rows = conn.execute(
                select(respondents_table.c.perspectief, func.count())
                .where(respondents_table.c.sessie_id == session_id)
                .group_by(respondents_table.c.perspectief)
            ).all()
        found = {str(row[0]): int(row[1]) for row in rows}
        return {p: found.get(p, 0) for p in PERSPECTIVES}

    def fingerprint(self, session_id: int) -> tuple[object, ...]:
        """Return something that changes whenever the session's answers, remarks or state change."""
        with self._read() as conn:
            people = conn.execute(
                select(func.count(), func.max(respondents_table.c.bijgewerkt_op)).where(
                    respondents_table.c.sessie_id == session_id
                )
            ).one()
            state = conn.execute(
                select(sessions_table.c.gesloten_op, sessions_table.c.verborgen, sessions_table.c.drempel).where(
                    sessions_table.c.id == session_id
                )
            ).first()
        return (int(people[0]), people[1], None if state is None else tuple(state))

    def exists(self, session_id: int) -> bool:
        """Return whether a session still exists (it may have been deleted elsewhere)."""
        with self._read() as conn:
            return (
                conn.execute(select(sessions_table.c.id).where(sessions_table.c.id == session_id)).first() is not None
            )

    def reload(self, session: Sessie) -> Sessie:
        """Return the session as it is stored now (closed, hidden perspectives …)."""
        return self.session(session.code)


def purge_sessions_older_than(store: ReflectieStore, days: int, now: datetime | None = None) -> list[Sessie]:
    """Delete the sessions whose traject has been quiet for longer than ``days`` days; return them.

    A session's last activity is its newest moment: opened, closed, or an answer or remark
    saved. Sessions that share a key (one traject) or a casus label (follow-up LCOs) stay
    together as long as any of them was active within the period, and go together after.

    Args:
        store: The reflection store.
        days: The retention period in days; 0 or less deletes nothing.
        now: The present moment in UTC (tests pass one; default: now).

    Returns:
        The sessions that were deleted, oldest first.
    """
    if days <= 0:
        return []
    cutoff = (now or _now()) - timedelta(days=days)
    with store._read() as conn:
        sessions = [
            store._to_session(row)
            for row in conn.execute(select(sessions_table).where(store._mine(sessions_table.c.eigenaar))).all()
        ]
        answered = dict(
            conn.execute(
                select(respondents_table.c.sessie_id, func.max(respondents_table.c.bijgewerkt_op)).group_by(
                    respondents_table.c.sessie_id
                )
            ).all()
        )
        linked = dict(conn.execute(select(traject_sessions_table.c.sessie_id, traject_sessions_table.c.traject)).all())
    last: dict[int, datetime] = {}
    for session in sessions:
        moments = [session.aangemaakt_op, session.gesloten_op, answered.get(session.id)]
        last[session.id] = max(m for m in moments if m is not None)
    # Sessions joined by a traject or a casus label form one group (a small union–find).
    parent: dict[object, object] = {}

    def root(node: object) -> object:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for session in sessions:
        for other in (("traject", linked.get(session.id)), ("casus", session.casus)):
            if other[1]:
                parent[root(("sessie", session.id))] = root(other)
    group_last: dict[object, datetime] = {}
    for session in sessions:
        group = root(("sessie", session.id))
        group_last[group] = max(group_last.get(group, last[session.id]), last[session.id])
    quiet = [s for s in sessions if group_last[root(("sessie", s.id))] < cutoff]
    quiet.sort(key=lambda s: (s.aangemaakt_op, s.id))
    for session in quiet:
        store.delete_session(session.id)
    return quiet
