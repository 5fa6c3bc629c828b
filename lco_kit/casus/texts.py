"""The casus capability's fixed Dutch texts and its life-domain scale, read from data files.

``lco_kit/data/casus/teksten.yaml`` holds the texts of the charts, the handout, the command
line and the casus page; ``lco_kit/data/casus/schaal.yaml`` the kit's 1–5 scale.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field, model_validator

from lco_kit.content import ContentModel, ContentPart, FixedTexts, content_path, load_model
from lco_kit.fields import Tekst

__all__ = ["ScaleLevel", "casus_text", "scale", "scale_level"]


class ScaleLevel(ContentPart):
    """One level of the kit's life-domain scale."""

    score: int = Field(ge=1, le=5)
    label: Tekst
    omschrijving: Tekst


class _Scale(ContentModel):
    bron: str = Field(min_length=20)
    niveaus: tuple[ScaleLevel, ...]

    @model_validator(mode="after")
    def _one_to_five(self) -> _Scale:
        if [level.score for level in self.niveaus] != [1, 2, 3, 4, 5]:
            raise ValueError("de schaal heeft precies de niveaus 1, 2, 3, 4 en 5, in die volgorde.")
        return self


casus_text = FixedTexts("casus/teksten.yaml")
"""Return a fixed text of the casussen, ``{placeholders}`` filled in."""


@cache
def scale() -> tuple[ScaleLevel, ...]:
    """Return the five levels of the kit's life-domain scale, 1 first."""
    return load_model(_Scale, content_path("data", "casus/schaal.yaml")).niveaus


def scale_level(score: int) -> ScaleLevel:
    """Return the level of a score (1–5)."""
    return scale()[score - 1]
