"""What the reflection store gives back: a session, a traject, a session just opened, a respondent.

Every session keeps a copy of the instrument it was opened with, and every answer the
instrument's version (:attr:`Instrument.kenmerk`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from lco_kit.reflectie.instrument import PERSPECTIVES, Instrument

__all__ = ["NewSession", "RespondentRecord", "Sessie", "Traject", "session_from_row"]


@functools.lru_cache(maxsize=32)
def _instrument_from_json(text: str) -> Instrument:
    """Return a session's instrument, read once per version and then shared (the model is frozen).

    Every answer is checked against its session's instrument, and reading the instrument takes
    far longer than saving the answer.
    """
    return Instrument.from_json(text)


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


def session_from_row(row: Any) -> Sessie:
    """Return a session from its row in ``reflectie_sessies``."""
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
