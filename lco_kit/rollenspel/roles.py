"""The roles and phases of an LCO, as data: who does what in each phase.

Read from ``lco_kit/data/rollenspel/rollen.yaml``: the five phases in their order and the
seven roles (coördinator, spilfiguur, cliënt, minderjarige, aanvrager, hulpverlener,
vertrouwenspersoon), each with its tasks per phase.

Examples:
    >>> rol("spilfiguur").naam
    'Spilfiguur'
    >>> [f.code for f in fasen()]
    ['aanvraag', 'voorbereiding', 'overleg', 'verslag', 'opvolging']
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, model_validator

from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.fields import Tekst
from lco_kit.principes import FASEN, Fase

__all__ = [
    "FASEN",
    "ROLLEN",
    "Fase",
    "FaseInfo",
    "FaseVeld",
    "Rol",
    "RolCode",
    "RolVeld",
    "RollenBestand",
    "Taken",
    "fase",
    "fasen",
    "load_rollen",
    "one_of",
    "rol",
    "rollen",
]

RolCode = Literal[
    "coordinator", "spilfiguur", "client", "minderjarige", "aanvrager", "hulpverlener", "vertrouwenspersoon"
]
ROLLEN: tuple[RolCode, ...] = get_args(RolCode)
"""The seven roles, in the order the kit shows them."""

Line = str


def one_of(values: tuple[str, ...], what: str) -> Callable[[object], object]:
    """Return a validator that accepts only these values, refusing others with a Dutch list."""

    def check(value: object) -> object:
        if value not in values:
            raise ValueError(f"‘{value}’ is geen {what} die de kit kent. Kies uit: {', '.join(values)}.")
        return value

    return check


FaseVeld = Annotated[Fase, BeforeValidator(one_of(FASEN, "fase"))]
"""A phase in a content file, refused in Dutch when unknown."""
RolVeld = Annotated[RolCode, BeforeValidator(one_of(ROLLEN, "rol"))]
"""A role in a content file, refused in Dutch when unknown."""


class FaseInfo(ContentPart):
    """One phase of an LCO: its code, its name and what happens in it."""

    code: FaseVeld
    naam: Tekst
    uitleg: Tekst


class Taken(ContentPart):
    """A role's tasks in each phase (an empty list: nothing for this role in that phase)."""

    aanvraag: tuple[Line, ...]
    voorbereiding: tuple[Line, ...]
    overleg: tuple[Line, ...]
    verslag: tuple[Line, ...]
    opvolging: tuple[Line, ...]

    def in_fase(self, code: Fase) -> tuple[str, ...]:
        """Return the tasks of one phase."""
        tasks: tuple[str, ...] = getattr(self, code)
        return tasks

    @model_validator(mode="after")
    def _some_task(self) -> Taken:
        if not any(self.in_fase(code) for code in FASEN):
            raise ValueError("een rol heeft in minstens één fase een taak.")
        for code in FASEN:
            if any(not task.strip() for task in self.in_fase(code)):
                raise ValueError(f"een taak in de fase ‘{code}’ is leeg.")
        return self


class Rol(ContentPart):
    """One role: its name, who takes it, its core in one sentence, and its tasks per phase."""

    code: RolVeld
    naam: Tekst
    wie: Tekst
    kern: Tekst
    taken: Taken


class RollenBestand(ContentModel):
    """The roles file: its source, the five phases and the seven roles."""

    bron: str = Field(min_length=20)
    fasen: tuple[FaseInfo, ...]
    rollen: tuple[Rol, ...]

    @model_validator(mode="after")
    def _complete(self) -> RollenBestand:
        if tuple(f.code for f in self.fasen) != FASEN:
            raise ValueError(f"de fasen staan er precies één keer in, in deze volgorde: {', '.join(FASEN)}.")
        codes = [r.code for r in self.rollen]
        missing = [c for c in ROLLEN if c not in codes]
        doubles = sorted({c for c in codes if codes.count(c) > 1})
        if missing:
            raise ValueError(f"deze rollen ontbreken: {', '.join(missing)}.")
        if doubles:
            raise ValueError(f"deze rollen staan er twee keer in: {', '.join(doubles)}.")
        return self


@cache
def _kit_rollen() -> RollenBestand:
    return load_model(RollenBestand, content_path("data", "rollenspel/rollen.yaml"))


def load_rollen(source: Path | bytes | None = None, name: str | None = None) -> RollenBestand:
    """Return the roles file: the kit's (or the facilitator's own copy), or another one.

    Args:
        source: A path or the bytes of a roles file; None for the kit's.
        name: The file's name in messages.

    Raises:
        ContentError: In Dutch, with the line and field of each problem.
    """
    if source is None:
        return _kit_rollen()
    return load_model(RollenBestand, source, name)


def rollen() -> tuple[Rol, ...]:
    """Return the seven roles, in the kit's order."""
    by_code = {r.code: r for r in _kit_rollen().rollen}
    return tuple(by_code[code] for code in ROLLEN)


def rol(code: str) -> Rol:
    """Return one role by its code.

    Raises:
        KeyError: When there is no such role.
    """
    for found in _kit_rollen().rollen:
        if found.code == code:
            return found
    raise KeyError(code)


def fasen() -> tuple[FaseInfo, ...]:
    """Return the five phases, in their order."""
    return _kit_rollen().fasen


def fase(code: str) -> FaseInfo:
    """Return one phase by its code.

    Raises:
        KeyError: When there is no such phase.
    """
    for found in _kit_rollen().fasen:
        if found.code == code:
            return found
    raise KeyError(code)
