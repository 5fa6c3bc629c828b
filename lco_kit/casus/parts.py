"""The parts of a casus file: the client, the life domains, the providers, the knelpunten, the earlier LCO.

Each part checks its own fields (:mod:`lco_kit.casus.model` checks the rules that span
parts). The casus owns the models of what a casus file holds, and the stappenplan uses
them: one agreement (:class:`Afspraak`, with its :data:`Status` and the reason), one
knelpunt (:class:`Knelpunt`). At the table an agreement or a knelpunt is filled in bit by
bit (:meth:`Afspraak.concept`, :meth:`Knelpunt.concept`: not checked yet; the stappenplan's
rules say what is missing). A provider and the coördinator read as a person reads them
(:attr:`Hulpverlener.label`, :attr:`Coordinator.label`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, model_validator

from lco_kit.casus._codes import Aanvrager, Knelpuntsoort, Levensdomein, Sector
from lco_kit.casus.texts import casus_text
from lco_kit.codes import normalize
from lco_kit.content import ContentPart
from lco_kit.fields import Datum, Id, Tekst, check_date

__all__ = [
    "ADULT_AGE",
    "CLIENT_WORDS",
    "MIN_PARTICIPATION_AGE",
    "PRESUMED_CAPABLE_AGE",
    "STATUSSEN",
    "AanvraagInfo",
    "Afspraak",
    "Client",
    "Coordinator",
    "GeenLco",
    "Hulpverlener",
    "Knelpunt",
    "LevensdomeinScore",
    "Minderjarige",
    "NietDelen",
    "Opstelling",
    "Status",
    "TextList",
    "VorigeLco",
    "at_least",
]

ADULT_AGE = 18
PRESUMED_CAPABLE_AGE = 12
"""From this age the decree on minors' legal position in youth care presumes a minor capable."""
MIN_PARTICIPATION_AGE = 10
"""The kit's lower limit for a child taking part in the meeting itself (younger children's
views come in through a parent or the spilfiguur). Below :data:`PRESUMED_CAPABLE_AGE` it
depends on maturity; the kit does not let a younger child sit at the table in a casus."""

T = TypeVar("T")
Nabijheid = Literal["dichtbij", "regelmatig", "op afstand"]
Status = Literal["open", "bezig", "gedaan", "niet gelukt"]
"""How an agreement stands: still open, busy, done, or did not work out."""
STATUSSEN: tuple[Status, ...] = get_args(Status)
"""Every :data:`Status`, in the order a person chooses from."""

CLIENT_WORDS = frozenset({"client", "coordinator", "spilfiguur", "minderjarige", "vertrouwenspersoon"})
"""Who else can carry an agreement besides a provider (compared without accents or capitals):
the client, the coördinator, the spilfiguur, a minor who takes part, the client's person of trust."""
_WHO_SPELLING = {
    "client": "cliënt",
    "coordinator": "coördinator",
    "spilfiguur": "spilfiguur",
    "minderjarige": "minderjarige",
    "vertrouwenspersoon": "vertrouwenspersoon",
}
"""The one spelling a casus holds for each of :data:`CLIENT_WORDS` (``client`` is read as ``cliënt``)."""


def at_least(count: int, what: str) -> Callable[[tuple[T, ...]], tuple[T, ...]]:
    """Return a validator that asks for at least ``count`` items, in Dutch.

    Used instead of ``Field(min_length=…)``, which also complains about the length when
    only an item is wrong.
    """

    def check(value: tuple[T, ...]) -> tuple[T, ...]:
        if len(value) < count:
            raise ValueError(f"verwacht minstens {count} × {what}; gevonden: {len(value)}.")
        return value

    return check


def _year_as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _text_as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


TextList = Annotated[tuple[Tekst, ...], BeforeValidator(_text_as_list)]
"""A list of texts; a single text is read as a list of one."""
IdList = Annotated[tuple[Id, ...], BeforeValidator(_text_as_list)]


def _check_since(value: str) -> str:
    if not re.fullmatch(r"(19|20)\d{2}(-(0[1-9]|1[0-2]))?", value):
        raise ValueError(f"verwacht een jaar (2021) of een jaar en maand (2021-09), gevonden: ‘{value}’.")
    return value


Sinds = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(_check_since)]


class Minderjarige(ContentPart):
    """A minor in the client's household.

    Attributes:
        pseudoniem: A made-up first name.
        leeftijd: Age in years (0–17).
        relatie: How the minor is related to the client (``dochter``, ``broer``…).
        neemt_deel: Whether the minor takes part in the meeting itself.
    """

    pseudoniem: Tekst
    leeftijd: int = Field(ge=0, le=ADULT_AGE - 1)
    relatie: str | None = None
    neemt_deel: StrictBool = False

    @property
    def beschrijving(self) -> str:
        """Return the minor as the handout and the casus page describe them (``Noor, 14 jaar (dochter)…``)."""
        return casus_text(
            "handout_minderjarige",
            naam=self.pseudoniem,
            leeftijd=self.leeftijd,
            relatie=f" ({self.relatie})" if self.relatie else "",
            deelname=casus_text("handout_neemt_deel") if self.neemt_deel else "",
        )

    @property
    def oud_genoeg(self) -> bool:
        """Return True when the minor is presumed capable of taking part (12 or older)."""
        return self.leeftijd >= PRESUMED_CAPABLE_AGE

    @model_validator(mode="after")
    def _old_enough_to_take_part(self) -> Minderjarige:
        if self.neemt_deel and self.leeftijd < MIN_PARTICIPATION_AGE:
            raise ValueError(
                f"{self.pseudoniem} is {self.leeftijd} jaar. In een casus van de kit neemt een kind pas vanaf "
                f"{MIN_PARTICIPATION_AGE} jaar zelf deel aan het overleg (afhankelijk van leeftijd en maturiteit; "
                f"vanaf {PRESUMED_CAPABLE_AGE} jaar wordt het bekwaam geacht). Zet ‘neemt_deel: false’ en breng "
                "het perspectief van het kind in via de ouder of de spilfiguur."
            )
        return self


class Client(ContentPart):
    """The person (or family) the LCO is about, under a pseudonym.

    Give ``leeftijd`` or ``leeftijdsgroep`` (``40-49``, ``80+``), not both.
    """

    pseudoniem: Tekst
    leeftijd: int | None = Field(default=None, ge=ADULT_AGE, le=110)
    leeftijdsgroep: str | None = Field(default=None, pattern=r"^(1[89]|[2-9]\d)(-[2-9]\d|\+)$")
    huishouden: Tekst
    minderjarigen: tuple[Minderjarige, ...] = ()
    thuistaal: str | None = None
    tolk_nodig: StrictBool = False
    vertrouwenspersoon: str | None = None

    @model_validator(mode="after")
    def _one_age(self) -> Client:
        if self.leeftijd is None and self.leeftijdsgroep is None:
            raise ValueError("geef de leeftijd van de cliënt (‘leeftijd: 34’) of een leeftijdsgroep (‘40-49’).")
        if self.leeftijd is not None and self.leeftijdsgroep is not None:
            raise ValueError("geef ‘leeftijd’ of ‘leeftijdsgroep’, niet allebei.")
        names = [normalize(m.pseudoniem) for m in self.minderjarigen]
        if len(set(names)) != len(names):
            raise ValueError("twee minderjarigen hebben hetzelfde pseudoniem; geef elk een eigen naam.")
        return self

    @property
    def leeftijd_tekst(self) -> str:
        """Return the age as a person reads it (``34 jaar`` or ``80+``)."""
        return f"{self.leeftijd} jaar" if self.leeftijd is not None else f"{self.leeftijdsgroep} jaar"


class LevensdomeinScore(ContentPart):
    """One life domain: its score on the kit's 1–5 scale, the situation, the strengths."""

    domein: Levensdomein
    score: int = Field(ge=1, le=5)
    situatie: Tekst
    sterktes: TextList = ()


class Hulpverlener(ContentPart):
    """A provider already involved with the client.

    Attributes:
        id: A short name other fields use to refer to this provider.
        naam: A made-up first name of the worker (optional).
        dienst: The service (``CAW Limburg, schuldhulp``).
        sector: The sector, from the code list.
        rol: The worker's role (``maatschappelijk werker``).
        sinds: Since when (``2021`` or ``2021-09``).
        nabijheid: How close to the client: dichtbij, regelmatig or op afstand.
        visie: How this service sees the situation.
        zorg: What this service worries about.
    """

    id: Id
    naam: str | None = None
    dienst: Tekst
    sector: Sector
    rol: Tekst
    sinds: Sinds
    nabijheid: Nabijheid
    visie: Tekst
    zorg: Tekst

    @property
    def label(self) -> str:
        """Return the provider as a person reads it: ``Els (OCMW Genk)``, or the service alone."""
        return f"{self.naam} ({self.dienst})" if self.naam else self.dienst


class AanvraagInfo(ContentPart):
    """Who asked for the LCO, and why."""

    soort: Aanvrager
    hulpverlener: Id | None = None
    reden: str | None = None


class Knelpunt(ContentPart):
    """A structural bottleneck: a wall that does not move however hard the client tries.

    A casus names its knelpunten; a stappenplan notes those found at the meeting, for the
    verslag and the registration.
    """

    categorie: Knelpuntsoort
    omschrijving: Tekst

    @classmethod
    def concept(cls, categorie: str = "", omschrijving: str = "") -> Knelpunt:
        """Return a knelpunt as far as it was filled in at the table, not checked yet."""
        return cls.model_construct(categorie=categorie, omschrijving=omschrijving)


class NietDelen(ContentPart):
    """Something not to be discussed in the meeting: the client's wish, or a minor's confidence.

    Attributes:
        onderwerp: What it is about.
        reden: Why it stays out of the meeting.
        bekend_bij: Ids of the providers who know it (it was told to them).
        van: Who told it, when not the client: the pseudonym of a minor in the household
            (a confidence, e.g. told to the CLB). Only that minor's card, the cards of the
            providers in ``bekend_bij`` and the facilitator's copy show it.
    """

    onderwerp: Tekst
    reden: str | None = None
    bekend_bij: IdList = ()
    van: str | None = None


class Coordinator(ContentPart):
    """The neutral coördinator: not involved as a provider for this client."""

    dienst: Tekst
    naam: str | None = None

    @property
    def label(self) -> str:
        """Return the coördinator as a person reads it: ``Anja (OCMW Pelt)``, or the service alone."""
        return f"{self.naam} ({self.dienst})" if self.naam else self.dienst


def _coordinator_as_mapping(value: object) -> object:
    return {"dienst": value} if isinstance(value, str) else value


class Opstelling(ContentPart):
    """Who coordinates, and whom the client chose as spilfiguur (a provider id)."""

    coordinator: Annotated[Coordinator | None, BeforeValidator(_coordinator_as_mapping)] = None
    spilfiguur: Id | None = None


def _one_spelling(value: object) -> object:
    if isinstance(value, str):
        return _WHO_SPELLING.get(normalize(value), value.strip())
    return value


class Afspraak(ContentPart):
    """An agreement of an LCO: what, who, by when, and how it went (its status and why).

    Read from a file (the earlier LCO of a casus), ``wie`` is a provider's id or one of the
    method's roles, always kept in one spelling (``client`` and ``Cliënt`` are read as
    ``cliënt``), and every field is checked. An agreement made at the table is a
    :meth:`concept` until the stappenplan's rules pass.
    """

    wat: Tekst
    wie: Annotated[Tekst, BeforeValidator(_one_spelling)]
    tegen_wanneer: Annotated[date | None, BeforeValidator(check_date)]
    """By when; read from a file it is always a date (None only in a :meth:`concept`)."""
    status: Status = "open"
    toelichting: Tekst | None = None
    """Why it went as it went (e.g. why a step did not work out), said at the follow-up."""

    @classmethod
    def concept(cls, wat: str = "", wie: str = "", tegen_wanneer: date | None = None) -> Afspraak:
        """Return an agreement as far as it was made at the table, not checked yet (status ``open``)."""
        return cls.model_construct(wat=wat, wie=wie, tegen_wanneer=tegen_wanneer)

    @property
    def eigen_stap(self) -> bool:
        """Return True when the client takes this step themself."""
        return normalize(self.wie) == "client"


class VorigeLco(ContentPart):
    """The earlier LCO this casus follows up (and the spilfiguur the client chose then, if any)."""

    datum: Datum | None = None
    spilfiguur: Id | None = None
    afspraken: Annotated[tuple[Afspraak, ...], AfterValidator(at_least(1, "afspraak"))]


class GeenLco(ContentPart):
    """Why this casus is *not* an LCO (the client refuses, consent is not free, …).

    Such a casus is for the lesson on the indication and the role-play's indication moment;
    :func:`require_lco` refuses it for a role-play, a stappenplan or a reflection session.
    """

    reden: Tekst
