"""The casus profiles: which situations a casus can represent, and what belongs to each.

Read from ``lco_kit/data/casus/profielen.yaml``. A casus names its ``profiel``; the
simulator uses a profile to choose life domains, services and knelpunten that belong
together.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field, model_validator

from lco_kit.casus._codes import Code, Knelpuntsoort, Levensdomein
from lco_kit.codes import normalize
from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.fields import Tekst

__all__ = ["Profile", "ProfileFile", "find_profile", "profiles"]

Range = tuple[int, int]


def _ordered(value: Range, what: str) -> None:
    if value[0] > value[1]:
        raise ValueError(f"{what}: de eerste waarde moet de kleinste zijn, gevonden {list(value)}.")


class MinorsRule(ContentPart):
    """How many minors a household of this profile has, and how old they are.

    Attributes:
        aantal: Fewest and most minors.
        leeftijden: Age range of the minors.
        oudste: Age range of the oldest minor, when the profile needs one old enough to take part.
    """

    aantal: Range = (0, 0)
    leeftijden: Range = (0, 17)
    oudste: Range | None = None

    @model_validator(mode="after")
    def _ranges(self) -> MinorsRule:
        _ordered(self.aantal, "aantal")
        _ordered(self.leeftijden, "leeftijden")
        if self.leeftijden[1] > 17 or self.leeftijden[0] < 0:  # noqa: PLR2004  (a minor is 0–17)
            raise ValueError("een minderjarige is 0 tot 17 jaar.")
        if self.oudste is not None:
            _ordered(self.oudste, "oudste")
        return self


class DomainsRule(ContentPart):
    """The life domains of a profile, each with the score range the simulator draws from."""

    kern: dict[Levensdomein, Range] = Field(min_length=1)
    mogelijk: dict[Levensdomein, Range] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ranges(self) -> DomainsRule:
        for code, (low, high) in {**self.kern, **self.mogelijk}.items():
            if not 1 <= low <= high <= 5:  # noqa: PLR2004  (the kit's 1–5 scale)
                raise ValueError(f"{code}: een score ligt tussen 1 en 5, van klein naar groot.")
        return self


class ServicesRule(ContentPart):
    """The services (ids in the simulator's catalogue) that belong to a profile."""

    kern: tuple[Code, ...] = Field(min_length=1)
    mogelijk: tuple[Code, ...] = ()


class KnelpuntTemplate(ContentPart):
    """A knelpunt that fits the profile."""

    categorie: Knelpuntsoort
    omschrijving: Tekst


class Profile(ContentPart):
    """One situation a casus can represent.

    Text fields are templates for the simulator; see ``docs/casus-formaat.md`` for the
    placeholders (``{naam}``, ``{zij}``, ``{kind}``, …).
    """

    code: Code
    label: Tekst
    omschrijving: Tekst
    client_leeftijd: Range
    thuistalen: tuple[Tekst, ...] = ()
    minderjarigen: MinorsRule = MinorsRule()
    levensdomeinen: DomainsRule
    diensten: ServicesRule
    knelpunten: tuple[KnelpuntTemplate, ...] = Field(min_length=1)
    titels: tuple[Tekst, ...] = Field(min_length=1)
    samenvattingen: tuple[Tekst, ...] = Field(min_length=1)
    huishoudens: tuple[Tekst, ...] = ()
    huishoudens_met_kinderen: tuple[Tekst, ...] = ()
    hulpvragen: tuple[Tekst, ...] = Field(min_length=1)
    wat_goed_gaat: tuple[Tekst, ...] = Field(min_length=2)
    niet_delen: tuple[Tekst, ...] = ()

    @model_validator(mode="after")
    def _households(self) -> Profile:
        if self.may_have_minors and not self.huishoudens_met_kinderen:
            raise ValueError(
                f"{self.code}: dit profiel kan minderjarigen hebben, maar ‘huishoudens_met_kinderen’ is leeg."
            )
        if not self.has_minors and not self.huishoudens:
            raise ValueError(f"{self.code}: dit profiel kan zonder minderjarigen, maar ‘huishoudens’ is leeg.")
        return self

    @property
    def has_minors(self) -> bool:
        """Return True when every household of this profile has minors."""
        return self.minderjarigen.aantal[0] > 0

    @property
    def may_have_minors(self) -> bool:
        """Return True when a household of this profile can have minors."""
        return self.minderjarigen.aantal[1] > 0

    def domain_codes(self) -> list[str]:
        """Return the codes of every life domain that belongs to the profile."""
        return [*self.levensdomeinen.kern, *self.levensdomeinen.mogelijk]

    def service_ids(self) -> list[str]:
        """Return the ids of every service that belongs to the profile."""
        return [*self.diensten.kern, *self.diensten.mogelijk]


class ProfileFile(ContentModel):
    """The profiles file."""

    bron: str = Field(min_length=20)
    profielen: tuple[Profile, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> ProfileFile:
        codes = [p.code for p in self.profielen]
        doubles = sorted({c for c in codes if codes.count(c) > 1})
        if doubles:
            raise ValueError(f"deze profielen staan er twee keer in: {', '.join(doubles)}.")
        return self


@cache
def profiles() -> tuple[Profile, ...]:
    """Return every profile, in the order of the data file."""
    return load_model(ProfileFile, content_path("data", "casus/profielen.yaml")).profielen


def find_profile(value: str) -> Profile:
    """Return the profile a code or label stands for.

    Raises:
        ValueError: With a Dutch sentence listing the profiles, when none matches.
    """
    wanted = normalize(value)
    for profile in profiles():
        if wanted in {normalize(profile.code), normalize(profile.label)}:
            return profile
    labels = ", ".join(f"{p.code} ({p.label})" for p in profiles())
    raise ValueError(f"‘{value}’ is geen profiel dat de kit kent. Mogelijk: {labels}.")
