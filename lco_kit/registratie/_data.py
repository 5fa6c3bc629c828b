"""The registration's data files: format, published totals, simulator calibration, texts.

Every file lives in ``lco_kit/data/registratie/`` (a facilitator's own folder can replace
one), is YAML with ``schema_version`` and is validated here, so a typo in a data file is a
Dutch message naming the file and line, never a crash halfway a page.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, StrictBool, field_validator, model_validator

from lco_kit.codes import normalize
from lco_kit.content import ContentModel, ContentPart, content_path, load_model

__all__ = [
    "Calibration",
    "ColumnSpec",
    "FormatFile",
    "PublishedTotals",
    "Texts",
    "calibration",
    "format_file",
    "published_totals",
    "texts",
]

COLUMN_NAMES = (
    "datum",
    "gemeente",
    "soort",
    "aanvrager",
    "client_aanwezig",
    "minderjarige_betrokken",
    "aantal_deelnemers",
    "levensdomeinen",
    "knelpunten",
    "lco_id",
    "opmerking",
)


class ColumnSpec(ContentPart):
    """One column of the registration format, as documented for users."""

    naam: str
    verplicht: StrictBool
    uitleg: str = Field(min_length=10)
    voorbeeld: str
    andere_koppen: tuple[str, ...] = ()


class _Soorten(ContentPart):
    eerste: tuple[str, ...] = Field(min_length=1)
    opvolg: tuple[str, ...] = Field(min_length=1)


class FormatFile(ContentModel):
    """``formaat.yaml``: the columns, accepted spellings, limits and the suppression threshold."""

    titel: str
    bron: str = Field(min_length=20)
    ja: tuple[str, ...] = Field(min_length=1)
    nee: tuple[str, ...] = Field(min_length=1)
    soort: _Soorten
    lijstteken: str = Field(min_length=1, max_length=1)
    vroegste_jaar: int = Field(ge=1990, le=2100)
    max_deelnemers: int = Field(ge=2)
    drempel: int = Field(ge=1, le=100)
    kolommen: tuple[ColumnSpec, ...]

    @model_validator(mode="after")
    def _same_columns_as_the_code(self) -> FormatFile:
        names = tuple(c.naam for c in self.kolommen)
        if names != COLUMN_NAMES:
            raise ValueError(
                f"de kolommen moeten precies deze zijn, in deze volgorde: {', '.join(COLUMN_NAMES)} "
                f"(gevonden: {', '.join(names)})."
            )
        yes = {normalize(v) for v in self.ja}
        no = {normalize(v) for v in self.nee}
        if yes & no:
            raise ValueError(f"deze waarden staan zowel bij ja als bij nee: {', '.join(sorted(yes & no))}.")
        return self


class _Share(ContentPart):
    jaar: int
    client_aanwezig: float = Field(ge=0, le=1)
    eerste: float = Field(ge=0, le=1)


class PublishedTotals(ContentModel):
    """``gepubliceerde_totalen.yaml``: the yearly totals the province published, with their source."""

    titel: str
    bron: str = Field(min_length=20)
    gebied: str
    aantallen: dict[int, int]
    aandelen: tuple[_Share, ...] = ()


class _CalibratedShare(_Share):
    herkomst: Literal["gepubliceerd", "verzonnen"]


class _Invented(ContentPart):
    gemiddelde: float = Field(gt=0)
    spreiding: float = Field(ge=0)


class _Knelpunt(ContentPart):
    code: str
    gewicht: float = Field(gt=0)
    trend: float = Field(ge=-0.5, le=0.5)
    kleine_gemeenten: float = Field(default=1.0, gt=0)


class _Providers(ContentPart):
    minimum: int = Field(ge=1)
    gemiddelde_extra: float = Field(ge=0)
    maximum: int = Field(ge=2)


class Calibration(ContentModel):
    """``simulator.yaml``: what the simulator draws from, calibrated and invented alike."""

    titel: str
    bron: str = Field(min_length=20)
    provincie: str
    verzonnen_totaal: _Invented
    aandelen: tuple[_CalibratedShare, ...] = Field(min_length=1)
    minderjarige_betrokken: float = Field(ge=0, le=1)
    deelnemende_gemeenten: dict[int, int]
    gemeenten: dict[str, float]
    aanvragers: dict[str, float]
    levensdomeinen: dict[str, float]
    aantal_levensdomeinen: tuple[float, ...] = Field(min_length=1)
    aantal_knelpunten: tuple[float, ...] = Field(min_length=1)
    knelpunten: tuple[_Knelpunt, ...] = Field(min_length=1)
    hulpverleners: _Providers
    vertrouwenspersoon: float = Field(ge=0, le=1)
    maanden: tuple[float, ...] = Field(min_length=12, max_length=12)
    aandeel_met_opmerking: float = Field(ge=0, le=1)
    opmerkingen: tuple[str, ...] = Field(min_length=1)

    @field_validator("gemeenten", "aanvragers", "levensdomeinen")
    @classmethod
    def _positive(cls, weights: dict[str, float]) -> dict[str, float]:
        if not weights or any(w <= 0 for w in weights.values()):
            raise ValueError("elk gewicht moet groter dan 0 zijn, en de lijst mag niet leeg zijn.")
        return weights


class Texts(ContentModel):
    """``teksten.yaml``: every fixed Dutch text of the registration's pages, reports and commands."""

    bron: str
    teksten: dict[str, str] = Field(min_length=1)
    beleidsvragen: dict[str, str] = Field(min_length=1)


@cache
def format_file() -> FormatFile:
    """Return the registration format (``formaat.yaml``)."""
    return load_model(FormatFile, content_path("data", "registratie/formaat.yaml"))


@cache
def published_totals() -> PublishedTotals:
    """Return the published Limburg totals (``gepubliceerde_totalen.yaml``)."""
    return load_model(PublishedTotals, content_path("data", "registratie/gepubliceerde_totalen.yaml"))


@cache
def calibration() -> Calibration:
    """Return the simulator's calibration (``simulator.yaml``)."""
    return load_model(Calibration, content_path("data", "registratie/simulator.yaml"))


@cache
def texts() -> Texts:
    """Return the registration's Dutch texts (``teksten.yaml``)."""
    return load_model(Texts, content_path("data", "registratie/teksten.yaml"))


def text(key: str, **values: object) -> str:
    """Return one fixed text, with ``{placeholders}`` filled in.

    Raises:
        KeyError: When the key is not in the texts file (a defect, caught by the tests).
    """
    template = texts().teksten[key]
    return template.format(**values) if values else template
