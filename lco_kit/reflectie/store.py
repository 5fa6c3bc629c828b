"""Where reflection sessions and their answers are kept: SQLite by default, any SQLAlchemy URL on request.

- One store for the command line and every Voilà kernel: ``lco_kit.config.database_url()``
  (SQLite in the per-user data folder, or ``LCO_KIT_DB``). SQLite runs in WAL mode with a
  busy timeout, and every write takes the write lock at its start (``BEGIN IMMEDIATE``), so
  dozens of kernels can save answers at the same moment without "database is locked".
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

The store is built in three floors, one concept each: :class:`~lco_kit.reflectie.database.Databank`
(connecting, the schema, the Dutch messages of the database), :class:`~lco_kit.reflectie.sessions.Sessions`
(opening, keys, trajects, closing) and :class:`ReflectieStore` here (answers in, results out).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from lco_kit import config
from lco_kit.errors import LcoError
from lco_kit.reflectie.codes import CODE_LENGTH, new_respondent_key, normalise_code, shown_code, valid_respondent_key
from lco_kit.reflectie.database import engine_for, storable, utc_now
from lco_kit.reflectie.instrument import PERSPECTIVES, perspective_code
from lco_kit.reflectie.owners import Owner, current_owner
from lco_kit.reflectie.records import RespondentRecord, Sessie, session_from_row
from lco_kit.reflectie.scoring import SCALE_MAX, SCALE_MIN, check_answer
from lco_kit.reflectie.sessions import Sessions
from lco_kit.reflectie.tables import answers_table, respondents_table, sessions_table

__all__ = ["MAX_REMARK_LENGTH", "ReflectieStore"]

MAX_REMARK_LENGTH = 2000


def _perspective(value: str) -> str:
    try:
        return perspective_code(value)
    except ValueError:
        raise LcoError(f"Het perspectief ‘{value}’ bestaat niet; kies client, deelnemer of coordinator.") from None


class ReflectieStore(Sessions):
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
        self.engine = engine_for(self.url)
        self._ensure_schema()

    # ------------------------------------------------------------------ answers

    def _open_session(self, conn: Connection, code: str) -> Sessie:
        row = conn.execute(select(sessions_table).where(sessions_table.c.code == normalise_code(code))).first()
        if row is None:
            raise LcoError(
                f"Er is geen sessie met de code ‘{shown_code(code)}’. Kijk de code na: ze heeft {CODE_LENGTH} tekens."
            )
        session = session_from_row(row)
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
        now = utc_now()
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
                f"Bij de vraag ‘{item_id}’ moet de score een geheel getal van {SCALE_MIN} tot {SCALE_MAX} zijn, "
                f"of null voor ‘weet ik niet’; gevonden: {shown}."
            ) from None
        if score is None and not part.weet_ik_niet:
            raise LcoError(f"Bij de vraag ‘{item_id}’ is ‘weet ik niet’ niet toegestaan voor {part.label}.")
        return score

    def _save(self, conn: Connection, respondent_id: int, item_id: str, score: int | None, version: str) -> None:
        now = utc_now()
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
        remark = storable(text.strip(), "opmerking")
        if len(remark) > MAX_REMARK_LENGTH:
            raise LcoError(f"De opmerking is te lang ({len(remark)} tekens; hoogstens {MAX_REMARK_LENGTH}).")
        with self._write() as conn:
            session = self._open_session(conn, code)
            respondent_id, _ = self._respondent(conn, session, key, _perspective(perspective))
            conn.execute(
                update(respondents_table)
                .where(respondents_table.c.id == respondent_id)
                .values(opmerking=remark, bijgewerkt_op=utc_now())
            )

    def finish(self, code: str, key: str, perspective: str) -> None:
        """Mark a respondent as done ("verzenden"); pressing it again changes nothing."""
        self._check_key(key)
        with self._write() as conn:
            session = self._open_session(conn, code)
            respondent_id, _ = self._respondent(conn, session, key, _perspective(perspective))
            now = utc_now()
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
            storable(remark, "opmerking")
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
            now = utc_now()
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
