"""The facilitator's side of the reflection store: opening sessions, their keys and trajects, closing them.

- A session has a short join code and a separate facilitator secret (see
  :mod:`lco_kit.reflectie.codes`); only a hash of the secret is kept.
- The sessions of one casus (the first LCO and its follow-ups) form a **traject** that shares
  one facilitator key: the secret of the first session opens every later one, so the trend
  needs one secret. An older session without a traject is opened by its own secret alone.
  A typed casus label opens nothing: results are only ever found through a key.
- Every session and traject notes its owner; only the owner's own are opened.
"""

from __future__ import annotations

import hmac
from typing import Any

from sqlalchemy import delete, false, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from lco_kit.errors import LcoError
from lco_kit.reflectie.codes import (
    CODE_LENGTH,
    JOIN_TOKEN_LENGTH,
    SECRET_LENGTH,
    join_token_for,
    normalise_code,
    random_code,
    secret_hash,
    shown_code,
    shown_secret,
)
from lco_kit.reflectie.database import Databank, new_id, storable, utc_now
from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument, load_instrument
from lco_kit.reflectie.owners import Owner
from lco_kit.reflectie.privacy import DEFAULT_MIN_GROUP
from lco_kit.reflectie.records import NewSession, Sessie, Traject, session_from_row
from lco_kit.reflectie.scoring import DEFAULT_ALERT_THRESHOLD, MAX_GAP
from lco_kit.reflectie.tables import (
    MAX_TITLE_LENGTH,
    answers_table,
    respondents_table,
    sessions_table,
    traject_sessions_table,
    trajects_table,
)

__all__ = ["KINDS", "Sessions"]

KINDS = ("lco", "reflectiedag")


def check_threshold(threshold: object) -> None:
    """Refuse an alert threshold that is not above 0 and at most the largest gap the scale allows."""
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 < threshold <= MAX_GAP:
        raise LcoError(
            f"De drempel voor een signaal moet groter dan 0 en hoogstens {MAX_GAP} zijn, niet {threshold!r}."
        )


class Sessions(Databank):
    """The sessions and trajects of the reflection store (the answers are in :class:`ReflectieStore`).

    Attributes:
        owner: Whom this kit works for.
    """

    owner: Owner

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
        check_threshold(threshold)
        title = title.strip()
        casus = casus.strip() if casus else None
        for what, value in (("titel", title), ("casus", casus or "")):
            if len(value) > MAX_TITLE_LENGTH:
                raise LcoError(f"De {what} is te lang (hoogstens {MAX_TITLE_LENGTH} tekens).")
            storable(value, what)
        used = instrument or load_instrument()
        traject: int | None = None
        if key is not None:
            traject = self._traject_id_for(key)
            secret = shown_secret(normalise_code(key))
            # The key is the traject's; this session's own column only needs a value nobody knows.
            own_hash = secret_hash(random_code(SECRET_LENGTH))
        else:
            secret = shown_secret(random_code(SECRET_LENGTH))
            own_hash = secret_hash(secret)
        if traject_id is not None:
            traject_id = storable(traject_id.strip(), "traject")[:MAX_TITLE_LENGTH] or None
        for _attempt in range(20):
            code = random_code(CODE_LENGTH)
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
                        "aangemaakt_op": utc_now(),
                        "gesloten_op": None,
                        "eigenaar": self.owner.name,
                        "deelname_hash": secret_hash(join_token_for(secret, code)),
                    }
                    session_id = new_id(conn.execute(insert(sessions_table).values(**row)))
                    if traject is None:
                        traject = new_id(
                            conn.execute(
                                insert(trajects_table).values(
                                    sleutel_hash=secret_hash(secret),
                                    traject_id=traject_id,
                                    aangemaakt_op=utc_now(),
                                    eigenaar=self.owner.name,
                                )
                            )
                        )
                    conn.execute(insert(traject_sessions_table).values(sessie_id=session_id, traject=traject))
                return NewSession(self.session(code), secret)
            except IntegrityError:
                continue  # the code was taken; draw another
        raise LcoError("Er kon geen nieuwe sessiecode gemaakt worden. Probeer het opnieuw.")

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
                f"Er is geen sessie met de code ‘{shown_code(code)}’. Kijk de code na: ze heeft {CODE_LENGTH} tekens."
            )
        return session_from_row(row)

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
        wanted = secret_hash(secret)
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
                    return Traject(int(found.id), found.traject_id, tuple(session_from_row(r) for r in rows))
            row = conn.execute(
                select(sessions_table).where(
                    sessions_table.c.geheim_hash == wanted, self._mine(sessions_table.c.eigenaar)
                )
            ).first()
        if row is None:
            raise LcoError(
                f"Met dit geheim kan geen sessie geopend worden. Kijk het na (het heeft {SECRET_LENGTH} tekens)."
            )
        return Traject(None, None, (session_from_row(row),))

    def _traject_id_for(self, key: str) -> int:
        """Return the traject a key opens, making one for an older session that had none."""
        traject = self.traject_for_secret(key)
        if traject.id is not None:
            return traject.id
        only = traject.sessions[0]
        with self._write() as conn:
            only_owner = conn.execute(select(sessions_table.c.eigenaar).where(sessions_table.c.id == only.id)).scalar()
            made = new_id(
                conn.execute(
                    insert(trajects_table).values(
                        sleutel_hash=secret_hash(key), traject_id=None, aangemaakt_op=utc_now(), eigenaar=only_owner
                    )
                )
            )
            conn.execute(insert(traject_sessions_table).values(sessie_id=only.id, traject=made))
        return int(made)

    def set_traject_id(self, secret: str, traject_id: str | None) -> None:
        """Note an opaque id (e.g. of a casus traject elsewhere in the kit) on the traject a key opens.

        Raises:
            LcoError: When the key opens nothing.
        """
        traject = self._traject_id_for(secret)
        value = storable(traject_id.strip(), "traject")[:MAX_TITLE_LENGTH] if traject_id else None
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
        return [session_from_row(r) for r in rows]

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
        token = join_token_for(secret, session.code)
        with self._write() as conn:
            conn.execute(
                update(sessions_table)
                .where(sessions_table.c.id == session.id, sessions_table.c.deelname_hash.is_(None))
                .values(deelname_hash=secret_hash(token))
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
        return stored is not None and hmac.compare_digest(str(stored), secret_hash(token))

    def close_session(self, session_id: int) -> None:
        """Close a session: its results stay, no new answers come in."""
        with self._write() as conn:
            conn.execute(
                update(sessions_table)
                .where(sessions_table.c.id == session_id, sessions_table.c.gesloten_op.is_(None))
                .values(gesloten_op=utc_now())
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
        check_threshold(threshold)
        with self._write() as conn:
            conn.execute(
                update(sessions_table).where(sessions_table.c.id == session_id).values(drempel=float(threshold))
            )
