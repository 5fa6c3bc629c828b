"""One intervisie as it runs: the casus, the roles, the round, its clock, the notes and learning points.

Plain data and a clock the caller can replace, so every rule runs in plain pytest. A
:class:`DraftStore` keeps a running intervisie across a reload or a dropped connection
(a file per intervisie in the kit's data folder, under a random key); closing the intervisie
deletes it, and drafts nobody came back to are removed after a day.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lco_kit.casus import Casus, PrivacyFinding, scan_privacy
from lco_kit.intervisie.method import Methode, intervisie_text, load_method
from lco_kit.intervisie.own_casus import EigenCasus, build_casus

__all__ = [
    "DRAFT_MAX_AGE_SECONDS",
    "DraftStore",
    "Intervisie",
    "Leerpunt",
    "RoundTimer",
    "harvest_findings",
    "seconds_per_minute",
]

DRAFT_MAX_AGE_SECONDS = 24 * 3600
_KEY = re.compile(r"^[0-9a-f]{16}$")
SPEED_VARIABLE = "LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT"


def seconds_per_minute() -> float:
    """Return how many seconds a minute of a round lasts: 60, or ``$LCO_KIT_INTERVISIE_SECONDEN_PER_MINUUT``.

    A test (or a demonstration) shortens the rounds with that variable; a value that is not
    a positive number is ignored.
    """
    try:
        value = float(os.environ.get(SPEED_VARIABLE, "60"))
    except ValueError:
        return 60.0
    return value if 0 < value <= 600 else 60.0  # noqa: PLR2004


class RoundTimer:
    """The clock of one round: it runs, pauses, is extended, and says how much time is left.

    Args:
        seconds: The round's length.
        clock: Where the time comes from (``time.monotonic``; a test passes its own).
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.length = float(seconds)
        self._clock = clock
        self._used = 0.0
        self._since: float | None = None

    @property
    def running(self) -> bool:
        """Return whether the clock runs."""
        return self._since is not None

    def used(self) -> float:
        """Return the seconds used so far."""
        extra = self._clock() - self._since if self._since is not None else 0.0
        return self._used + extra

    def remaining(self) -> float:
        """Return the seconds left (negative when the round runs over)."""
        return self.length - self.used()

    def start(self) -> None:
        """Start (or resume) the clock."""
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        """Pause the clock, keeping the time used."""
        if self._since is not None:
            self._used += self._clock() - self._since
            self._since = None

    def extend(self, seconds: float) -> None:
        """Give the round more time."""
        self.length += seconds

    def restore(self, length: float, used: float) -> None:
        """Set the length and the time used (after a reload), paused."""
        self.length = float(length)
        self._used = float(used)
        self._since = None

    def display(self) -> str:
        """Return the time left as ``mm:ss`` (``-01:05`` when the round runs over)."""
        left = self.remaining()
        sign = "-" if left < 0 else ""
        whole = int(abs(left) + (0 if left < 0 else 0.999))
        return f"{sign}{whole // 60:02d}:{whole % 60:02d}"


@dataclass
class Leerpunt:
    """A learning point, tied to a maatzorgprincipe (its code) when the group chose one."""

    tekst: str
    principe: str | None = None


@dataclass
class Intervisie:
    """A running intervisie."""

    method: Methode = field(default_factory=load_method)
    casus: Casus | None = None
    form: EigenCasus | None = None
    leervraag: str = ""
    roles: dict[str, str] = field(default_factory=dict)
    round: int = 0
    notes: dict[str, str] = field(default_factory=dict)
    points: list[Leerpunt] = field(default_factory=list)
    clock: Callable[[], float] = time.monotonic
    timer: RoundTimer = field(init=False)

    def __post_init__(self) -> None:
        self.timer = RoundTimer(self.round_seconds(self.round), self.clock)

    def round_seconds(self, index: int) -> float:
        """Return a round's planned length in seconds."""
        return self.method.rondes[index].minuten * seconds_per_minute()

    @property
    def current(self) -> int:
        """Return the index of the current round."""
        return self.round

    def go_to(self, index: int) -> None:
        """Go to a round (its clock starts paused, at its planned length)."""
        self.round = max(0, min(index, len(self.method.rondes) - 1))
        self.timer = RoundTimer(self.round_seconds(self.round), self.clock)

    @property
    def last_round(self) -> bool:
        """Return whether this is the last round."""
        return self.round == len(self.method.rondes) - 1

    def set_note(self, round_code: str, text: str) -> None:
        """Keep the chair's notes of a round."""
        self.notes[round_code] = text

    def add_point(self, text: str, principe: str | None = None) -> None:
        """Add a learning point (empty text is ignored)."""
        if text.strip():
            self.points.append(Leerpunt(text.strip(), principe or None))

    def use_own_casus(self, form: EigenCasus) -> Casus:
        """Build and use the case owner's own casus (see :func:`build_casus`); its learning question too."""
        casus = build_casus(form)
        self.casus = casus
        self.form = form
        self.leervraag = form.leervraag.strip()
        return casus

    def to_dict(self) -> dict[str, object]:
        """Return the intervisie as plain data for a draft (the clock paused where it is)."""
        return {
            "versie": 1,
            "casus": self.casus.id if self.casus and self.form is None else None,
            "formulier": self.form.as_dict() if self.form else None,
            "leervraag": self.leervraag,
            "rollen": self.roles,
            "ronde": self.round,
            "klok": {"lengte": self.timer.length, "gebruikt": self.timer.used()},
            "notities": self.notes,
            "leerpunten": [{"tekst": p.tekst, "principe": p.principe} for p in self.points],
        }

    @classmethod
    def from_dict(cls, data: dict[str, object], clock: Callable[[], float] = time.monotonic) -> Intervisie:
        """Return an intervisie from a draft (an own casus is built, and so checked, again)."""
        from lco_kit.casus import load_casus  # noqa: PLC0415

        session = cls(clock=clock)
        form = data.get("formulier")
        if isinstance(form, dict):
            session.use_own_casus(EigenCasus.from_dict(form))
        elif isinstance(data.get("casus"), str):
            session.casus = load_casus(str(data["casus"]))
        session.leervraag = str(data.get("leervraag") or "")
        session.roles = {str(k): str(v) for k, v in dict(data.get("rollen") or {}).items()}  # type: ignore[call-overload]
        session.go_to(int(data.get("ronde") or 0))  # type: ignore[call-overload]
        klok = data.get("klok")
        if isinstance(klok, dict):
            session.timer.restore(float(klok.get("lengte", session.timer.length)), float(klok.get("gebruikt", 0)))
        session.notes = {str(k): str(v) for k, v in dict(data.get("notities") or {}).items()}  # type: ignore[call-overload]
        points = data.get("leerpunten")
        if isinstance(points, list):
            session.points = [
                Leerpunt(str(p.get("tekst", "")), p.get("principe")) for p in points if isinstance(p, dict)
            ]
        return session


def harvest_findings(session: Intervisie) -> list[tuple[str, PrivacyFinding]]:
    """Return the personal data in the notes, the learning question and the learning points, with where it is."""
    t = intervisie_text
    found = [(t("veld_leervraag"), f) for f in scan_privacy(session.leervraag)]
    for number, ronde in enumerate(session.method.rondes, start=1):
        found += [(t("veld_notities", nummer=number), f) for f in scan_privacy(session.notes.get(ronde.code, ""))]
    for point in session.points:
        found += [(t("veld_leerpunt"), f) for f in scan_privacy(point.tekst)]
    return found


class DraftStore:
    """Drafts of running intervisies, one JSON file per random key, in a folder of the kit's data.

    Args:
        folder: Where the drafts go (default: ``intervisie/`` in the kit's data folder).
    """

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            from lco_kit.config import data_dir  # noqa: PLC0415

            folder = data_dir() / "intervisie"
        self.folder = folder

    @staticmethod
    def new_key() -> str:
        """Return a new random key (16 hexadecimal characters)."""
        return secrets.token_hex(8)

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if _KEY.fullmatch(key) else None

    def save(self, key: str, session: Intervisie) -> None:
        """Keep the intervisie under its key (written whole, then moved in place)."""
        path = self._path(key)
        if path is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(session.to_dict(), ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)

    def load(self, key: str) -> dict[str, object] | None:
        """Return a kept intervisie's data, or None when there is none under this key."""
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def delete(self, key: str) -> None:
        """Forget an intervisie (the chair closed it)."""
        path = self._path(key)
        if path is not None:
            path.unlink(missing_ok=True)

    def prune(self, max_age: float = DRAFT_MAX_AGE_SECONDS, now: float | None = None) -> int:
        """Remove drafts nobody touched for ``max_age`` seconds; return how many."""
        if not self.folder.is_dir():
            return 0
        moment = time.time() if now is None else now
        removed = 0
        for path in self.folder.glob("*.json"):
            if moment - path.stat().st_mtime > max_age:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
