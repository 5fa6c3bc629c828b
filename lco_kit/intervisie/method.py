"""The intervisie method: its roles and rounds, from ``lco_kit/data/intervisie/methode.yaml``."""

from __future__ import annotations

import functools
from typing import Annotated

from pydantic import Field, model_validator

from lco_kit.content import ContentModel, ContentPart, FixedTexts, content_path, load_model

__all__ = ["Methode", "Rol", "Ronde", "intervisie_text", "load_method"]

intervisie_text = FixedTexts("intervisie/teksten.yaml")
"""The fixed texts of the intervisie page, its harvest and its worksheet."""

Tekst = Annotated[str, Field(min_length=1)]


class Rol(ContentPart):
    """A role in the intervisie (inbrenger, voorzitter, tijdsbewaker, deelnemers)."""

    code: Annotated[str, Field(pattern=r"^[a-z]+$")]
    naam: Tekst
    taak: Tekst


class Ronde(ContentPart):
    """One round: its title, how long, who speaks, what happens, questions that help."""

    code: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    titel: Tekst
    minuten: int = Field(ge=1, le=90)
    wie: Tekst
    uitleg: Tekst
    hulpvragen: tuple[Tekst, ...] = ()


class Methode(ContentModel):
    """An intervisie method: an introduction, the roles and the rounds in order."""

    naam: Tekst
    bron: str = Field(min_length=20)
    inleiding: Tekst
    rollen: tuple[Rol, ...] = Field(min_length=2)
    rondes: tuple[Ronde, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _codes_once(self) -> Methode:
        for kind, codes in (("rol", [r.code for r in self.rollen]), ("ronde", [r.code for r in self.rondes])):
            doubles = sorted({c for c in codes if codes.count(c) > 1})
            if doubles:
                raise ValueError(f"deze {kind}codes staan er twee keer in: {', '.join(doubles)}.")
        needed = {"inbrenger", "voorzitter", "tijdsbewaker"} - {r.code for r in self.rollen}
        if needed:
            raise ValueError(f"de methode mist deze rollen: {', '.join(sorted(needed))}.")
        return self

    @property
    def minuten(self) -> int:
        """Return the rounds' length together, in minutes."""
        return sum(r.minuten for r in self.rondes)


@functools.cache
def _kit_method() -> Methode:
    return load_model(Methode, content_path("data", "intervisie/methode.yaml"))


def load_method() -> Methode:
    """Return the kit's intervisie method (or the facilitator's own copy of the file)."""
    return _kit_method()
