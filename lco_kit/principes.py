"""The five maatzorgprincipes and the short texts around them, read from ``data/principes.yaml``.

The five principles (positieve, integrale, participatie, gestructureerde en gecoördineerde
hulpverlening) are one whole, and positieve hulpverlening comes first on purpose; the file
keeps them in that order and the model refuses any other. Around them stand short texts
(*thema's*): the principles as one whole, the LCO's working principles, the choice for
care-content over a system fix, empowerment, the phases of an LCO and professional secrecy.
The phases' codes (:data:`FASEN`) are the one list every part of the kit names a phase with.

A principle and a theme are both an *onderwerp*: something a lesson lets a person read, and
something an exercise is about. :meth:`PrincipesInhoud.onderwerp_codes` gives them in the
order a lesson follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar, get_args

from pydantic import Field, model_validator

from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.errors import LcoError
from lco_kit.fields import Id, Tekst

__all__ = [
    "FASEN",
    "PRINCIPE_CODES",
    "Fase",
    "Principe",
    "PrincipeCode",
    "PrincipesInhoud",
    "Thema",
    "load_principes",
]

PrincipeCode = Literal["positief", "integraal", "participatie", "gestructureerd", "gecoordineerd"]
PRINCIPE_CODES: tuple[PrincipeCode, ...] = get_args(PrincipeCode)
"""The five principles' codes, in the method's own order (positieve hulpverlening first)."""

Fase = Literal["aanvraag", "voorbereiding", "overleg", "verslag", "opvolging"]
FASEN: tuple[Fase, ...] = get_args(Fase)
"""The five phases of an LCO, in their order (the theme ``fasen`` tells them); exercises and
the role-play moments name their phase with these codes."""


class Principe(ContentPart):
    """One maatzorgprincipe, as a new coördinator reads it.

    Attributes:
        code: The principle's short code (``participatie``).
        naam: Its name (``Participatie``).
        kern: What it comes down to, in one sentence.
        betekenis: What it means, in a short paragraph.
        in_een_lco: What it looks like in an LCO, as a few concrete points.
        valkuil: A typical pitfall.
        reflectievraag: A question to reflect on one's own practice.
    """

    code: PrincipeCode
    naam: Tekst
    kern: Tekst
    betekenis: Tekst
    in_een_lco: tuple[Tekst, ...] = Field(min_length=1)
    valkuil: Tekst
    reflectievraag: Tekst


class Thema(ContentPart):
    """A short text around the principles (empowerment, beroepsgeheim, the phases …).

    Attributes:
        code: A short code exercises use to say what they are about (``beroepsgeheim``).
        titel: The title a lesson shows.
        tekst: The text, one paragraph.
        punten: Points to remember, shown as a list (optional).
    """

    code: Id
    titel: Tekst
    tekst: Tekst
    punten: tuple[Tekst, ...] = ()


class PrincipesInhoud(ContentModel):
    """The content file with the five principles and the themes around them."""

    bron: Tekst
    principes: tuple[Principe, ...]
    themas: tuple[Thema, ...] = ()

    @model_validator(mode="after")
    def _five_in_order(self) -> PrincipesInhoud:
        codes = tuple(p.code for p in self.principes)
        if codes != PRINCIPE_CODES:
            raise ValueError(
                "de vijf maatzorgprincipes moeten er elk één keer in staan, in deze volgorde: "
                f"{', '.join(PRINCIPE_CODES)} (gevonden: {', '.join(codes) or 'geen'})."
            )
        themes = [t.code for t in self.themas]
        doubles = sorted({c for c in themes if themes.count(c) > 1 or c in PRINCIPE_CODES})
        if doubles:
            raise ValueError(
                "deze codes van thema’s komen twee keer voor of zijn al de code van een principe: "
                f"{', '.join(doubles)}."
            )
        return self

    def onderwerp_codes(self) -> tuple[str, ...]:
        """Return every onderwerp's code in lesson order: the five principles, then the themes."""
        return (*PRINCIPE_CODES, *(t.code for t in self.themas))

    def principe(self, code: str) -> Principe:
        """Return one principle by its code.

        Raises:
            LcoError: When no principle has this code.
        """
        return _by_code(self.principes, code, "maatzorgprincipe")

    def thema(self, code: str) -> Thema:
        """Return one theme by its code.

        Raises:
            LcoError: When no theme has this code.
        """
        return _by_code(self.themas, code, "thema")

    def onderwerp(self, code: str) -> Principe | Thema:
        """Return the principle or theme with this code.

        Raises:
            LcoError: When neither has this code.
        """
        if code in PRINCIPE_CODES:
            return self.principe(code)
        if code in {t.code for t in self.themas}:
            return self.thema(code)
        raise LcoError(f"‘{code}’ is geen onderwerp; kies uit: {', '.join(self.onderwerp_codes())}.")

    def titel(self, code: str) -> str:
        """Return the title of a principle or theme (``Participatie``, ``Beroepsgeheim in een LCO``)."""
        found = self.onderwerp(code)
        return found.naam if isinstance(found, Principe) else found.titel


_Onderwerp = TypeVar("_Onderwerp", Principe, Thema)


def _by_code(items: Sequence[_Onderwerp], code: str, what: str) -> _Onderwerp:
    """Return the principle or theme with this code; name the codes there are when none has it."""
    for item in items:
        if item.code == code:
            return item
    raise LcoError(f"‘{code}’ is geen {what} (wel: {', '.join(item.code for item in items)}).")


@cache
def _kit_principes() -> PrincipesInhoud:
    return load_model(PrincipesInhoud, content_path("data", "principes.yaml"))


def load_principes(source: Path | bytes | None = None) -> PrincipesInhoud:
    """Return the principles and themes, from the kit (default) or from another file.

    Args:
        source: A path or the bytes of a file in the same format; ``None`` reads the kit's
            own ``principes.yaml`` (or the facilitator's copy, see :mod:`lco_kit.content`),
            once per process.

    Raises:
        ContentError: When the file does not follow the format, in Dutch with line and field.

    Examples:
        >>> inhoud = load_principes()
        >>> inhoud.principes[0].naam
        'Positieve hulpverlening'
    """
    if source is None:
        return _kit_principes()
    return load_model(PrincipesInhoud, source)
