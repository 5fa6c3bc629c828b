"""The exercise models: a bank (:class:`Oefenreeks`) and the five kinds of exercise in it.

An exercise bank is a YAML file in ``exercises/`` (see ``docs/oefeningen.md``)::

    schema_version: 1
    titel: Participatie
    beschrijving: Oefeningen over de cliënt als volwaardige partner.
    oefeningen:
      - id: schulden-voor-ze-er-is
        soort: enkelvoudig
        onderwerp: participatie
        vraag: …
        opties:
          - tekst: …
            juist: true
            uitleg: … waarom dit klopt …
          - tekst: …
            uitleg: … waarom dit niet klopt …

Kinds (``soort``): ``enkelvoudig`` (one right option), ``meervoudig`` (one or more right
options), ``volgorde`` (put steps in order), ``koppelen`` (match moments to principles) and
``open`` (a reflection question, never scored). Every option, step and pair carries its own
``uitleg``, distinct from the others and long enough to say *why*. Ids and texts follow the
kit's one rule (:mod:`lco_kit.fields`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, Field, StrictBool, field_validator, model_validator

from lco_kit.content import ContentModel, ContentPart
from lco_kit.fields import Id, Tekst
from lco_kit.principes import PRINCIPE_CODES, Fase, PrincipeCode, load_principes

__all__ = [
    "GETELDE_SOORTEN",
    "KIND_MODELS",
    "MIN_UITLEG_WOORDEN",
    "SOORTEN",
    "AnyOefening",
    "KeuzeUitEen",
    "Koppelen",
    "MeerdereKeuzes",
    "Oefening",
    "Oefenreeks",
    "OpenVraag",
    "Optie",
    "Paar",
    "Soort",
    "Volgorde",
    "VolgordeStap",
]

Soort = Literal["enkelvoudig", "meervoudig", "volgorde", "koppelen", "open"]
SOORTEN: tuple[str, ...] = get_args(Soort)
GETELDE_SOORTEN: tuple[str, ...] = ("enkelvoudig", "meervoudig", "volgorde", "koppelen")
"""The kinds that are scored; an open reflection question never is."""

MIN_UITLEG_WOORDEN = 6
"""An explanation needs at least this many words: enough to say why, never a bare ‘fout’."""


def _normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip(" .!?;:,")


_WORDS = {"optie": ("opties", "elke optie"), "stap": ("stappen", "elke stap"), "moment": ("momenten", "elk moment")}


def _check_explanations(items: Sequence[Any], what: str, text_field: str) -> None:
    """Refuse explanations that are too short, or shared by two items, and items that repeat."""
    for number, item in enumerate(items, start=1):
        if len(item.uitleg.split()) < MIN_UITLEG_WOORDEN:
            raise ValueError(
                f"de uitleg bij {what} nr. {number} (‘{item.uitleg}’) is te kort. Zeg in een volle zin "
                f"(minstens {MIN_UITLEG_WOORDEN} woorden) waarom dit juist of niet juist is."
            )
    for attribute, label in ((text_field, "dezelfde tekst"), ("uitleg", "dezelfde uitleg")):
        seen: dict[str, int] = {}
        for number, item in enumerate(items, start=1):
            key = _normalized(getattr(item, attribute))
            if key in seen:
                plural, each = _WORDS[what]
                advice = (
                    f"Geef {each} een eigen uitleg die zegt waarom juist die keuze klopt of niet klopt."
                    if attribute == "uitleg"
                    else "Schrap er één of maak ze verschillend."
                )
                if attribute == "uitleg" and len({_normalized(i.uitleg) for i in items}) == 1:
                    raise ValueError(f"alle {plural} hebben dezelfde uitleg. {advice}")
                raise ValueError(f"{what} nr. {seen[key]} en nr. {number} hebben {label}. {advice}")
            seen[key] = number


class Optie(ContentPart):
    """One option of a choice exercise.

    Attributes:
        tekst: What the learner reads and can choose.
        juist: Whether choosing it is right.
        uitleg: Why it is right or not: shown after the learner answers.
    """

    tekst: Tekst
    juist: StrictBool = False
    uitleg: Tekst


class VolgordeStap(ContentPart):
    """One step of an ordering exercise; the file lists the steps in the right order.

    Attributes:
        tekst: The step as the learner sees it.
        uitleg: Why this step comes at this place.
    """

    tekst: Tekst
    uitleg: Tekst


class Paar(ContentPart):
    """One moment of a matching exercise with the principle most at stake in it.

    Attributes:
        moment: A concrete moment of an LCO.
        principe: The principle most at stake.
        uitleg: Why that principle, and not another.
    """

    moment: Tekst
    principe: PrincipeCode
    uitleg: Tekst

    @property
    def tekst(self) -> str:
        """Return the moment (the text the learner matches)."""
        return self.moment


class _Basis(ContentPart):
    """What every exercise has: an id, a topic, a question; optionally a hint, a casus and a phase."""

    id: Id
    soort: str
    onderwerp: Tekst
    vraag: Tekst
    hint: str | None = None
    casus: Id | None = None
    fase: Fase | None = None

    @field_validator("onderwerp")
    @classmethod
    def _known_topic(cls, value: str) -> str:
        codes = load_principes().onderwerp_codes()
        if value not in codes:
            raise ValueError(f"‘{value}’ is geen onderwerp; kies uit: {', '.join(codes)}.")
        return value

    @property
    def geteld(self) -> bool:
        """Return whether this exercise is scored (every kind but ``open``)."""
        return self.soort in GETELDE_SOORTEN


class KeuzeUitEen(_Basis):
    """Single choice: exactly one option is right."""

    soort: Literal["enkelvoudig"]
    opties: tuple[Optie, ...] = Field(min_length=2)

    @field_validator("opties")
    @classmethod
    def _one_right(cls, opties: tuple[Optie, ...]) -> tuple[Optie, ...]:
        right = [number for number, optie in enumerate(opties, start=1) if optie.juist]
        if not right:
            raise ValueError(
                "geen enkele optie is juist. Zet bij precies één optie ‘juist: true’; de andere zijn dan niet juist."
            )
        if len(right) > 1:
            shown = ", ".join(f"nr. {n}" for n in right)
            raise ValueError(
                f"de opties {shown} zijn allemaal juist, maar bij ‘enkelvoudig’ is er precies één juist antwoord. "
                "Laat er één over, of kies ‘soort: meervoudig’."
            )
        _check_explanations(opties, "optie", "tekst")
        return opties


class MeerdereKeuzes(_Basis):
    """Multiple choice: one or more options are right; the learner marks every right one."""

    soort: Literal["meervoudig"]
    opties: tuple[Optie, ...] = Field(min_length=3)

    @field_validator("opties")
    @classmethod
    def _some_right(cls, opties: tuple[Optie, ...]) -> tuple[Optie, ...]:
        if not any(optie.juist for optie in opties):
            raise ValueError("geen enkele optie is juist. Zet ‘juist: true’ bij elke optie die klopt.")
        _check_explanations(opties, "optie", "tekst")
        return opties


class Volgorde(_Basis):
    """Ordering: the file lists the steps in the right order; the learner sees them shuffled."""

    soort: Literal["volgorde"]
    stappen: tuple[VolgordeStap, ...] = Field(min_length=3)

    @field_validator("stappen")
    @classmethod
    def _distinct_steps(cls, stappen: tuple[VolgordeStap, ...]) -> tuple[VolgordeStap, ...]:
        _check_explanations(stappen, "stap", "tekst")
        return stappen


class Koppelen(_Basis):
    """Matching: for each moment, the learner chooses the principle most at stake."""

    soort: Literal["koppelen"]
    paren: tuple[Paar, ...] = Field(min_length=3)
    keuzes: tuple[PrincipeCode, ...] = PRINCIPE_CODES

    @field_validator("paren")
    @classmethod
    def _distinct_pairs(cls, paren: tuple[Paar, ...]) -> tuple[Paar, ...]:
        _check_explanations(paren, "moment", "moment")
        return paren

    @model_validator(mode="after")
    def _answers_among_choices(self) -> Koppelen:
        if len(set(self.keuzes)) != len(self.keuzes) or len(self.keuzes) < 2:  # noqa: PLR2004
            raise ValueError("‘keuzes’ noemt minstens twee verschillende principes, elk één keer.")
        if len(self.paren) <= len(self.keuzes):
            raise ValueError(
                f"deze oefening heeft {len(self.paren)} momenten en {len(self.keuzes)} principes om uit te kiezen. "
                "Geef meer momenten dan principes (of beperk ‘keuzes’), anders volgt het laatste paar vanzelf."
            )
        missing = sorted({p.principe for p in self.paren} - set(self.keuzes))
        if missing:
            raise ValueError(
                f"het juiste principe van een moment ({', '.join(missing)}) staat niet bij ‘keuzes’. Voeg het toe."
            )
        return self


class OpenVraag(_Basis):
    """An open reflection question: never scored; what the learner writes stays with the learner.

    Attributes:
        denkpistes: Thoughts shown after the learner has written (what one could consider).
    """

    soort: Literal["open"]
    denkpistes: tuple[Tekst, ...] = Field(min_length=1)


Oefening = Annotated[KeuzeUitEen | MeerdereKeuzes | Volgorde | Koppelen | OpenVraag, Field(discriminator="soort")]
"""Any exercise, told apart by its ``soort`` (for pydantic fields)."""
AnyOefening = KeuzeUitEen | MeerdereKeuzes | Volgorde | Koppelen | OpenVraag
"""Any exercise (for type hints)."""

KIND_MODELS: dict[str, type[BaseModel]] = {
    "enkelvoudig": KeuzeUitEen,
    "meervoudig": MeerdereKeuzes,
    "volgorde": Volgorde,
    "koppelen": Koppelen,
    "open": OpenVraag,
}
"""The model of each kind, to check one exercise on its own (with its id in every message)."""


class Oefenreeks(ContentModel):
    """An exercise bank: a title, a description for the facilitator, and the exercises."""

    titel: Tekst
    beschrijving: Tekst
    oefeningen: tuple[Oefening, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Oefenreeks:
        ids = [o.id for o in self.oefeningen]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"deze id’s komen twee keer voor: {', '.join(doubles)}. Elke oefening heeft een eigen id.")
        return self
