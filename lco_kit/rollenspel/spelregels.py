"""The spelregels (rules of play) that lie on the table at every LCO, as data.

Read from ``lco_kit/data/rollenspel/spelregels.yaml`` (a facilitator's own copy wins, like
every content file). The role-play's scenario prints them before the first moment, and the
moment ``spelregels`` asks how the coördinator opens with them.

Examples:
    >>> regels = spelregels()
    >>> regels[0].regel
    'We praten met de cliënt, niet over de cliënt.'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.fields import Tekst

__all__ = ["SPELREGELS_FILE", "Spelregel", "Spelregels", "load_spelregels", "spelregels"]

SPELREGELS_FILE = "rollenspel/spelregels.yaml"


class Spelregel(ContentPart):
    """One rule of play.

    Attributes:
        code: A short name, unique in the file.
        regel: The rule in one short sentence, as it is read aloud.
        uitleg: What it means at the table.
    """

    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    regel: Tekst = Field(max_length=120)
    uitleg: Tekst


class Spelregels(ContentModel):
    """The spelregels file: a title, where the rules come from, and the rules."""

    titel: Tekst
    bron: str = Field(min_length=20)
    regels: tuple[Spelregel, ...] = Field(min_length=3)

    @model_validator(mode="after")
    def _unique(self) -> Spelregels:
        codes = [r.code for r in self.regels]
        doubles = sorted({c for c in codes if codes.count(c) > 1})
        if doubles:
            raise ValueError(f"deze codes komen twee keer voor: {', '.join(doubles)}. Geef elke regel een eigen code.")
        return self


@cache
def _kit_spelregels() -> Spelregels:
    return load_model(Spelregels, content_path("data", SPELREGELS_FILE))


def load_spelregels(source: Path | bytes | None = None, name: str | None = None) -> Spelregels:
    """Return the spelregels: the kit's (or the facilitator's own copy), or another file.

    Raises:
        ContentError: In Dutch, with the line and field of each problem.
    """
    return _kit_spelregels() if source is None else load_model(Spelregels, source, name)


def spelregels() -> tuple[Spelregel, ...]:
    """Return the rules of play, in order."""
    return _kit_spelregels().regels
