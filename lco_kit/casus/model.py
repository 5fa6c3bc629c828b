"""The casus format: an anonymised client situation with the providers around it.

A casus file is YAML, validated by :class:`Casus` (unknown keys refused, every error in
Dutch with its line and field). The format is described for facilitators in
``docs/casus-formaat.md``; field names follow the method's own words.

Rules that span fields are validators here, each with a Dutch sentence:

- without the client's consent there is no LCO: ``toestemming`` must be true, unless the
  casus says explicitly that it is *not* an LCO (``geen_lco`` with the reason). Such a casus
  teaches the indication; :func:`require_lco` refuses it for a role-play, a stappenplan or
  a reflection session;
- ids of providers are unique, and every reference to a provider (``aanvrager``,
  ``niet_delen``, ``opstelling``, ``vorige_lco``) names an existing one;
- the coördinator is neutral: not one of the providers;
- minors are 0–17, and only a child old enough takes part in the meeting itself;
- a confidence (``niet_delen`` with ``van``) was told by a minor of the household; who carries
  an agreement is written one way (``cliënt``, ``coördinator``…), whatever way it was typed;
- life domains, sectors, knelpunten and the aanvrager come from the shared code lists.

The casus owns the models of what a casus file holds, and the stappenplan uses them: one
agreement (:class:`Afspraak`, with its :data:`Status` and the reason), one knelpunt
(:class:`Knelpunt`). At the table an agreement or a knelpunt is filled in bit by bit
(:meth:`Afspraak.concept`, :meth:`Knelpunt.concept`: not checked yet; the stappenplan's rules
say what is missing). :meth:`Casus.who_label` says who someone is as a person reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)

from lco_kit.casus._codes import Aanvrager, Knelpuntsoort, Levensdomein, Sector
from lco_kit.casus.profiles import find_profile
from lco_kit.casus.texts import casus_text
from lco_kit.codes import code_list, lookup_gemeente, normalize
from lco_kit.content import ContentModel, ContentPart
from lco_kit.errors import LcoError
from lco_kit.fields import Datum, Id, Tekst, check_date

__all__ = [
    "ADULT_AGE",
    "MIN_PARTICIPATION_AGE",
    "PRESUMED_CAPABLE_AGE",
    "STATUSSEN",
    "AanvraagInfo",
    "Afspraak",
    "Casus",
    "Client",
    "Coordinator",
    "Gebruik",
    "GeenLco",
    "Hulpverlener",
    "Knelpunt",
    "LevensdomeinScore",
    "Minderjarige",
    "NietDelen",
    "Opstelling",
    "Status",
    "VorigeLco",
    "require_lco",
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
Herkomst = Literal["verzonnen", "gesimuleerd", "geanonimiseerd"]

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


def _neutral(coordinator: Coordinator, providers: tuple[Hulpverlener, ...]) -> None:
    """Refuse a coördinator who is one of the providers (the coördinator is neutral)."""
    for provider in providers:
        same_service = normalize(coordinator.dienst) in {normalize(provider.dienst), normalize(provider.id)}
        same_person = (
            coordinator.naam is not None
            and provider.naam is not None
            and normalize(coordinator.naam) == normalize(provider.naam)
        )
        if same_service or same_person:
            who = coordinator.naam or coordinator.dienst
            raise ValueError(
                f"de coördinator is neutraal en helpt de cliënt niet zelf, maar ‘{who}’ is ook hulpverlener "
                f"‘{provider.id}’. Kies een coördinator buiten de hulpverleners (bijvoorbeeld de "
                "LCO-coördinatie van het OCMW, apart van de sociale dienst)."
            )


class GeenLco(ContentPart):
    """Why this casus is *not* an LCO (the client refuses, consent is not free, …).

    Such a casus is for the lesson on the indication and the role-play's indication moment;
    :func:`require_lco` refuses it for a role-play, a stappenplan or a reflection session.
    """

    reden: Tekst


def _reason_as_mapping(value: object) -> object:
    return {"reden": value} if isinstance(value, str) else value


def _provider_ids(info: ValidationInfo) -> list[str] | None:
    """Return the ids of the providers, when they were valid (else there is nothing to check against)."""
    providers = info.data.get("hulpverleners")
    return None if providers is None else [p.id for p in providers]


def _unknown_provider(ref: str, field: str, ids: list[str]) -> ValueError:
    return ValueError(
        f"‘{field}’ verwijst naar ‘{ref}’, maar er is geen hulpverlener met die id (wel: {', '.join(ids)})."
    )


class Casus(ContentModel):
    """A casus file: one client situation, anonymised, with the providers around it."""

    id: Id
    titel: Tekst
    samenvatting: Tekst
    profiel: str
    herkomst: Herkomst = "verzonnen"
    gemeente: str | None = None
    client: Client
    geen_lco: Annotated[GeenLco | None, BeforeValidator(_reason_as_mapping)] = None
    toestemming: StrictBool
    hulpvraag: Tekst
    wat_goed_gaat: Annotated[TextList, AfterValidator(at_least(1, "iets wat goed gaat"))]
    levensdomeinen: Annotated[tuple[LevensdomeinScore, ...], AfterValidator(at_least(1, "levensdomein"))]
    hulpverleners: Annotated[tuple[Hulpverlener, ...], AfterValidator(at_least(2, "hulpverlener"))]
    aanvrager: AanvraagInfo
    knelpunten: Annotated[tuple[Knelpunt, ...], AfterValidator(at_least(1, "knelpunt"))]
    niet_delen: tuple[NietDelen, ...] = ()
    opstelling: Opstelling | None = None
    vorige_lco: VorigeLco | None = None

    @field_validator("profiel")
    @classmethod
    def _known_profile(cls, value: str) -> str:
        return find_profile(value).code

    @field_validator("toestemming")
    @classmethod
    def _consent(cls, value: bool, info: ValidationInfo) -> bool:
        if not value and info.data.get("geen_lco") is None and "geen_lco" not in _failed(info):
            raise ValueError(
                "zonder toestemming van de cliënt is er geen LCO. Zet ‘toestemming: true’ pas als de cliënt "
                "akkoord gaat met het overleg. Is dit een casus over een situatie waarin géén LCO kan, schrijf dan "
                "ook ‘geen_lco:’ met de reden (bijvoorbeeld ‘geen_lco: Jan weigert een overleg.’)."
            )
        return value

    @field_validator("levensdomeinen")
    @classmethod
    def _domains_once(cls, value: tuple[LevensdomeinScore, ...]) -> tuple[LevensdomeinScore, ...]:
        domains = [d.domein for d in value]
        doubles = sorted({d for d in domains if domains.count(d) > 1})
        if doubles:
            labels = ", ".join(code_list("levensdomeinen").label(d) for d in doubles)
            raise ValueError(f"deze levensdomeinen staan er twee keer in: {labels}. Voeg ze samen.")
        return value

    @field_validator("hulpverleners")
    @classmethod
    def _ids_once(cls, value: tuple[Hulpverlener, ...]) -> tuple[Hulpverlener, ...]:
        ids = [h.id for h in value]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(
                f"deze id’s van hulpverleners komen twee keer voor: {', '.join(doubles)}. Geef elke hulpverlener "
                "een eigen id."
            )
        return value

    @field_validator("aanvrager")
    @classmethod
    def _requester_exists(cls, value: AanvraagInfo, info: ValidationInfo) -> AanvraagInfo:
        ids = _provider_ids(info)
        if value.hulpverlener is None or ids is None:
            return value
        if value.soort == "client":
            raise ValueError("de cliënt vroeg het LCO zelf aan: laat ‘hulpverlener’ bij de aanvrager dan weg.")
        if value.hulpverlener not in ids:
            raise _unknown_provider(value.hulpverlener, "hulpverlener", ids)
        return value

    @field_validator("niet_delen")
    @classmethod
    def _known_by_exists(cls, value: tuple[NietDelen, ...], info: ValidationInfo) -> tuple[NietDelen, ...]:
        client: Client | None = info.data.get("client")
        if client is not None:
            minors = {normalize(m.pseudoniem) for m in client.minderjarigen}
            for item in value:
                if item.van is not None and normalize(item.van) not in minors:
                    names = ", ".join(m.pseudoniem for m in client.minderjarigen) or "geen"
                    raise ValueError(
                        f"‘van: {item.van}’ noemt geen minderjarige van deze casus (wel: {names}). Laat ‘van’ weg "
                        "als de cliënt het zelf niet wil delen."
                    )
        ids = _provider_ids(info)
        if ids is None:
            return value
        for item in value:
            for ref in item.bekend_bij:
                if ref not in ids:
                    raise _unknown_provider(ref, "bekend_bij", ids)
        return value

    @field_validator("opstelling")
    @classmethod
    def _setup_refers(cls, value: Opstelling | None, info: ValidationInfo) -> Opstelling | None:
        providers: tuple[Hulpverlener, ...] | None = info.data.get("hulpverleners")
        if value is None or providers is None:
            return value
        ids = [p.id for p in providers]
        if value.spilfiguur is not None and value.spilfiguur not in ids:
            raise _unknown_provider(value.spilfiguur, "spilfiguur", ids)
        if value.coordinator is not None:
            _neutral(value.coordinator, providers)
        return value

    @field_validator("vorige_lco")
    @classmethod
    def _agreements_refer(cls, value: VorigeLco | None, info: ValidationInfo) -> VorigeLco | None:
        ids = _provider_ids(info)
        if value is None or ids is None:
            return value
        if value.spilfiguur is not None and value.spilfiguur not in ids:
            raise _unknown_provider(value.spilfiguur, "spilfiguur", ids)
        for afspraak in value.afspraken:
            if afspraak.wie not in ids and normalize(afspraak.wie) not in CLIENT_WORDS:
                raise ValueError(
                    f"‘{afspraak.wie}’ (bij ‘wie’) is geen hulpverlener van deze casus. Schrijf de id van een "
                    f"hulpverlener ({', '.join(ids)}), of ‘cliënt’, ‘coördinator’, ‘spilfiguur’, ‘minderjarige’ "
                    "of ‘vertrouwenspersoon’."
                )
        return value

    # ------------------------------------------------------------ reading helpers

    def provider(self, provider_id: str) -> Hulpverlener:
        """Return the provider with this id.

        Raises:
            KeyError: When there is none.
        """
        for provider in self.hulpverleners:
            if provider.id == provider_id:
                return provider
        raise KeyError(provider_id)

    def who_label(self, who: str) -> str:
        """Return who carries an agreement as a person reads it (a provider, the client, …)."""
        for provider in self.hulpverleners:
            if provider.id == who:
                return provider.label
        key = {"client": "wie_client", "coordinator": "wie_coordinator", "spilfiguur": "wie_spilfiguur"}.get(
            normalize(who)
        )
        return casus_text(key) if key else who

    @property
    def is_lco(self) -> bool:
        """Return False for a casus that says it is not an LCO (``geen_lco``)."""
        return self.geen_lco is None

    def niet_delen_van(self, who: str | None) -> list[NietDelen]:
        """Return what one person keeps out of the meeting: the client's (None) or a minor's confidences."""
        wanted = None if who is None else normalize(who)
        return [item for item in self.niet_delen if (None if item.van is None else normalize(item.van)) == wanted]

    @property
    def spilfiguur(self) -> Hulpverlener | None:
        """Return the provider the client chose as spilfiguur, if chosen."""
        if self.opstelling is None or self.opstelling.spilfiguur is None:
            return None
        return self.provider(self.opstelling.spilfiguur)

    @property
    def problem_domains(self) -> list[LevensdomeinScore]:
        """Return the life domains with a score of 3 or lower (help needed or fragile)."""
        return [d for d in self.levensdomeinen if d.score <= 3]  # noqa: PLR2004  (3 = wankel evenwicht)

    def aandachtspunten(self) -> list[str]:
        """Return notes that do not make the casus invalid but a coördinator would raise.

        Returns:
            Dutch sentences; empty when there is nothing to note.
        """
        notes = []
        if len(self.hulpverleners) < 3 and len(self.problem_domains) < 3:  # noqa: PLR2004  (the indication)
            notes.append(
                "Een LCO is vooral zinvol als drie of meer hulpverleners betrokken zijn of als er op drie of meer "
                f"levensdomeinen problemen zijn. Deze casus heeft {len(self.hulpverleners)} hulpverleners en "
                f"{len(self.problem_domains)} levensdomeinen met een score van 3 of lager."
            )
        if self.gemeente is not None:
            match = lookup_gemeente(self.gemeente)
            if match.waarschuwing:
                notes.append(match.waarschuwing)
        spil = self.spilfiguur
        if spil is not None and spil.nabijheid == "op afstand":
            notes.append(
                f"De spilfiguur staat dicht bij de cliënt, maar {spil.naam or spil.id} ({spil.dienst}) ziet de "
                "cliënt eerder op afstand. Kiest de cliënt bewust voor deze persoon?"
            )
        return notes


def _failed(info: ValidationInfo) -> set[str]:
    """Return the fields before this one that failed (pydantic leaves them out of ``info.data``)."""
    return {"geen_lco"} if "geen_lco" not in info.data else set()


Gebruik = Literal["rollenspel", "stappenplan", "reflectie"]
"""What a casus can be used for that needs a real LCO (see :func:`require_lco`)."""

_USES = {
    "rollenspel": "een rollenspel",
    "stappenplan": "een stappenplan",
    "reflectie": "een reflectiesessie",
}


def require_lco(casus: Casus, gebruik: Gebruik) -> None:
    """Refuse a casus that is not an LCO for a role-play, a stappenplan or a reflection session.

    Args:
        casus: The casus.
        gebruik: What it would be used for.

    Raises:
        LcoError: In Dutch, with the casus's own reason, when the casus has ``geen_lco``.

    Examples:
        >>> from lco_kit.casus import simulate_casus
        >>> require_lco(simulate_casus(1), "rollenspel")  # an LCO: nothing happens
    """
    if casus.geen_lco is None:
        return
    raise LcoError(
        f"‘{casus.titel}’ is geen LCO: {casus.geen_lco.reden.rstrip('.')}. Daarom kan deze casus niet dienen voor "
        f"{_USES[gebruik]}. Gebruik hem om te bespreken wanneer een LCO past en wanneer niet, en kies hier een "
        "andere casus."
    )
