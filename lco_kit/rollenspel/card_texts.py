"""The fixed content of the role cards, as data (``lco_kit/data/rollenspel/kaarten.yaml``).

The spelregels on the coördinator's card, what each role wants, a tip per role, the minors'
cards per age band, and the lines about what someone told in confidence. A facilitator's
own copy wins, like every content file; words between braces are checked when it is read.

Examples:
    >>> card_contents().band(12).van <= 12
    True
"""

from __future__ import annotations

import string
from collections.abc import Callable
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.fields import Tekst
from lco_kit.rollenspel.roles import RolCode

__all__ = ["ConfidenceTexts", "KaartInhoud", "MinorTexts", "card_contents"]


def _only_words(words: frozenset[str]) -> Callable[[str], str]:
    """Return a check that a text uses no word between braces but these (a lone brace is refused too)."""

    def check(text: str) -> str:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError:
            raise ValueError("een accolade { of } staat hier alleen.") from None
        unknown = names - words
        if unknown:
            raise ValueError(
                f"{{{sorted(unknown)[0]}}} kent de kit hier niet. "
                f"Mogelijk: {', '.join(f'{{{w}}}' for w in sorted(words))}."
            )
        return text

    return check


CardText = Annotated[Tekst, AfterValidator(_only_words(frozenset({"client", "naam", "leeftijd"})))]


class MinorTexts(ContentPart):
    """The minor's card for one age band: why there is a meeting, what they may do, what they could say."""

    van: int = Field(ge=0, le=17)
    tot: int = Field(ge=0, le=17)
    waarom: tuple[CardText, ...] = Field(min_length=1)
    mag: tuple[CardText, ...] = Field(min_length=1)
    zeggen: tuple[CardText, ...] = Field(min_length=1)


ConfidenceText = Annotated[Tekst, AfterValidator(_only_words(frozenset({"wie", "onderwerp", "reden"})))]


class ConfidenceTexts(ContentPart):
    """The lines of a card about something told in confidence: by this person, or to this provider."""

    kop_verteld: ConfidenceText
    kop_gehoord: ConfidenceText
    verteld: ConfidenceText
    verteld_reden: ConfidenceText
    gehoord: ConfidenceText
    gehoord_reden: ConfidenceText
    tip_verteld: ConfidenceText
    tip_gehoord: ConfidenceText


class KaartInhoud(ContentModel):
    """The fixed content of the cards (``lco_kit/data/rollenspel/kaarten.yaml``)."""

    bron: str = Field(min_length=20)
    spelregels: tuple[CardText, ...] = Field(min_length=1)
    wil: dict[RolCode, tuple[CardText, ...]]
    speltips: dict[str, CardText]
    minderjarige: tuple[MinorTexts, ...] = Field(min_length=1)
    vertrouwelijk: ConfidenceTexts

    @model_validator(mode="after")
    def _bands(self) -> KaartInhoud:
        bands = sorted(self.minderjarige, key=lambda b: b.van)
        expected = 10
        for band in bands:
            if band.van != expected or band.tot < band.van:
                raise ValueError(
                    "de leeftijdsgroepen van de minderjarigen sluiten op elkaar aan, van 10 tot 17 jaar, "
                    f"zonder gaten of overlap (verwacht een groep vanaf {expected} jaar)."
                )
            expected = band.tot + 1
        if expected != 18:  # noqa: PLR2004  (up to 17 inclusive)
            raise ValueError("de leeftijdsgroepen van de minderjarigen lopen tot en met 17 jaar.")
        return self

    def band(self, age: int) -> MinorTexts:
        """Return the texts for a minor's age (a child under ten gets the youngest band's)."""
        for band in self.minderjarige:
            if band.van <= age <= band.tot:
                return band
        return min(self.minderjarige, key=lambda b: b.van)


@cache
def card_contents() -> KaartInhoud:
    """Return the fixed content of the cards."""
    return load_model(KaartInhoud, content_path("data", "rollenspel/kaarten.yaml"))
