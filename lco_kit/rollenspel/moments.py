"""The moments of a role-play, as data: the bank a scenario is built from.

A *moment* is data (``lco_kit/data/rollenspel/momenten/*.yaml``, and a facilitator's own
files or uploads): a situation in one phase, a question, and two to five options — who
acts, and how. Each option says whether it is what the method asks, and *why*, in its own
words. Which role the moment is about (``rol``) decides where it counts in the score; its
conditions (``als``) decide for which casus it is played.

:func:`load_momenten` reads every moments file (and uploads), reporting each bad file in
Dutch and never dropping one silently; :func:`load_moment_file` checks one file.

Examples:
    >>> loaded = load_momenten()
    >>> loaded.fouten
    []
    >>> loaded.momenten[0].fase
    'aanvraag'
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, field_validator, model_validator

from lco_kit.content import ContentModel, ContentPart, content_files, load_model
from lco_kit.errors import ContentError, Problem
from lco_kit.fields import Id, Tekst
from lco_kit.itemregels import KeuzeVraag
from lco_kit.rollenspel.roles import FaseVeld, RolVeld, one_of

__all__ = [
    "MIN_UITLEG_WOORDEN",
    "PLACEHOLDERS",
    "VOORWAARDEN",
    "GeladenMomenten",
    "Moment",
    "MomentenBank",
    "Optie",
    "Voorwaarde",
    "choice_questions",
    "load_moment_file",
    "load_momenten",
    "moment_files",
]

MIN_UITLEG_WOORDEN = 10
"""Feedback says *why*: an explanation shorter than this is refused."""
MIN_OPTIES = 2
MAX_OPTIES = 5

Voorwaarde = Literal[
    "indicatie",
    "geen_indicatie",
    "minderjarige_aan_tafel",
    "minderjarige_thuis",
    "niet_delen",
    "vorige_lco",
    "eerste_lco",
    "aanvrager_hulpverlener",
    "aanvrager_client",
    "vertrouwenspersoon",
    "tolk_nodig",
    "spilfiguur_gekozen",
    "geen_spilfiguur",
]
VOORWAARDEN: tuple[Voorwaarde, ...] = get_args(Voorwaarde)
"""When a moment is played: every condition in its ``als`` must hold for the casus."""
VoorwaardeVeld = Annotated[Voorwaarde, BeforeValidator(one_of(VOORWAARDEN, "voorwaarde"))]
_OPPOSITES = (
    ("indicatie", "geen_indicatie"),
    ("minderjarige_aan_tafel", "minderjarige_thuis"),
    ("vorige_lco", "eerste_lco"),
    ("aanvrager_hulpverlener", "aanvrager_client"),
    ("spilfiguur_gekozen", "geen_spilfiguur"),
)

PLACEHOLDERS = frozenset(
    {
        "client",
        "gemeente",
        "coordinator",
        "spilfiguur",
        "dichtbij",
        "aanvrager",
        "hulpverlener",
        "voorgestelde_coordinator",
        "minderjarige",
        "minderjarige_leeftijd",
        "vertrouwenspersoon",
        "knelpunt",
        "knelpunt_soort",
        "pijnpunt",
        "domeinen",
        "diensten",
        "aantal_hulpverleners",
        "aantal_domeinen",
        "aantal_afspraken",
        "hulpvraag",
        "sterkte",
    }
)
"""The words between braces that a moment may use; each is filled in from the casus."""


def _check_template(text: str) -> str:
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError(
            "een accolade { of } staat hier alleen. Schrijf een in te vullen woord als {client}, "
            "of laat de accolades weg."
        ) from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            known = ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS))
            raise ValueError(f"{{{name}}} kent de kit niet als in te vullen woord. Mogelijk: {known}.")
    return text


Sjabloon = Annotated[Tekst, AfterValidator(_check_template)]
"""A text with words between braces that are filled in from the casus."""


class Optie(ContentPart):
    """One option of a moment: who acts and how, whether the method asks it, and why.

    Attributes:
        tekst: What happens in this option.
        wie: The role that acts in this option (shown with the option).
        juist: True when this is what the method asks.
        uitleg: Why, with the reason from the method (at least ten words).
    """

    tekst: Sjabloon
    wie: RolVeld | None = None
    juist: StrictBool = False
    uitleg: Sjabloon

    @field_validator("uitleg")
    @classmethod
    def _says_why(cls, value: str) -> str:
        if len(value.split()) < MIN_UITLEG_WOORDEN:
            raise ValueError(
                f"de uitleg zegt waarom, met de reden uit de methode: schrijf minstens {MIN_UITLEG_WOORDEN} woorden."
            )
        return value


class Moment(ContentPart):
    """One moment of a scenario: a situation in one phase, a question, and the options.

    Attributes:
        id: A short name, unique over every moments file.
        fase: The phase in which the moment happens.
        rol: The role whose task is at stake; the moment counts for this role in the score.
        als: Conditions the casus must meet for the moment to be played (all of them).
        titel: A short title.
        situatie: What happens (words between braces are filled in from the casus).
        vraag: The question to the trainee.
        opties: Two to five options, at least one of them what the method asks.
    """

    id: Id
    fase: FaseVeld
    rol: RolVeld
    als: tuple[VoorwaardeVeld, ...] = ()
    titel: Sjabloon
    situatie: Sjabloon
    vraag: Sjabloon
    opties: tuple[Optie, ...]

    @field_validator("als")
    @classmethod
    def _consistent(cls, value: tuple[Voorwaarde, ...]) -> tuple[Voorwaarde, ...]:
        for one, other in _OPPOSITES:
            if one in value and other in value:
                raise ValueError(f"‘{one}’ en ‘{other}’ sluiten elkaar uit; dit moment zou nooit gespeeld worden.")
        return value

    @field_validator("opties")
    @classmethod
    def _options(cls, value: tuple[Optie, ...]) -> tuple[Optie, ...]:
        if not MIN_OPTIES <= len(value) <= MAX_OPTIES:
            raise ValueError(f"een moment heeft {MIN_OPTIES} tot {MAX_OPTIES} opties; gevonden: {len(value)}.")
        if not any(o.juist for o in value):
            raise ValueError("geen enkele optie is ‘juist: true’: zeg welke keuze de methode vraagt.")
        if all(o.juist for o in value):
            raise ValueError("alle opties zijn juist: geef minstens één andere, geloofwaardige keuze met haar uitleg.")
        for what, texts in (("tekst", [o.tekst for o in value]), ("uitleg", [o.uitleg for o in value])):
            folded = [t.casefold() for t in texts]
            if len(set(folded)) != len(folded):
                raise ValueError(f"twee opties hebben dezelfde {what}: elke optie heeft een eigen {what}.")
        return value


class MomentenBank(ContentModel):
    """A moments file: its title, its source, and its moments."""

    titel: Tekst
    bron: str = Field(min_length=20)
    momenten: tuple[Moment, ...]

    @model_validator(mode="after")
    def _unique(self) -> MomentenBank:
        if not self.momenten:
            raise ValueError("een momentenbestand heeft minstens één moment.")
        ids = [m.id for m in self.momenten]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"deze id’s komen twee keer voor: {', '.join(doubles)}. Geef elk moment een eigen id.")
        return self


def choice_questions(momenten: Sequence[Moment]) -> list[KeuzeVraag]:
    """Return the moments as choice questions for the length rules (as written, braces unfilled)."""
    return [
        KeuzeVraag(m.id, tuple((o.tekst, o.juist) for o in m.opties), sum(o.juist for o in m.opties) == 1)
        for m in momenten
    ]


# ------------------------------------------------------------------ loading


def load_moment_file(source: Path | bytes, name: str | None = None) -> MomentenBank:
    """Read and check one moments file.

    Raises:
        ContentError: In Dutch, naming the file, the line and the field of each problem.
    """
    return load_model(MomentenBank, source, name)


@dataclass
class GeladenMomenten:
    """The moments that could be read, and the files that could not.

    Attributes:
        momenten: Every valid moment, kit files first, in file order.
        bestanden: Moment id → the file it came from.
        fouten: One error per file (or upload) that could not be used; nothing is dropped silently.
    """

    momenten: list[Moment] = field(default_factory=list)
    bestanden: dict[str, str] = field(default_factory=dict)
    fouten: list[ContentError] = field(default_factory=list)

    def add(self, bank: MomentenBank, name: str) -> None:
        """Add a file's moments; a moment whose id is already taken is reported, not added."""
        doubles = [m.id for m in bank.momenten if m.id in self.bestanden]
        if doubles:
            self.fouten.append(
                ContentError(
                    name,
                    [
                        Problem(f"de id ‘{i}’ wordt ook gebruikt in {self.bestanden[i]}. Geef dit moment een eigen id.")
                        for i in doubles
                    ],
                )
            )
            return
        for moment in bank.momenten:
            self.momenten.append(moment)
            self.bestanden[moment.id] = name


def moment_files() -> list[Path]:
    """Return the moments files: the kit's and the facilitator's own (``data/rollenspel/momenten/``)."""
    return [p for p in content_files("data") if p.parent.name == "momenten" and p.parent.parent.name == "rollenspel"]


@cache
def _read(path: Path, stamp: float) -> MomentenBank:  # noqa: ARG001  (the stamp renews the cache when the file changes)
    return load_moment_file(path)


def load_momenten(uploads: Sequence[tuple[str, bytes]] = ()) -> GeladenMomenten:
    """Read every moments file, and a facilitator's uploaded ones, reporting bad files.

    Args:
        uploads: (name, bytes) of moments files uploaded on a page.
    """
    loaded = GeladenMomenten()
    for path in moment_files():
        try:
            loaded.add(_read(path, path.stat().st_mtime), path.name)
        except ContentError as error:
            loaded.fouten.append(error)
    for name, data in uploads:
        try:
            loaded.add(load_moment_file(data, name), name)
        except ContentError as error:
            loaded.fouten.append(error)
    return loaded
