"""The casus format: an anonymised client situation with the providers around it.

A casus file is YAML, validated by :class:`Casus` (unknown keys refused, every error in
Dutch with its line and field). The format is described for facilitators in
``docs/casus-formaat.md``; field names follow the method's own words. Its parts (the
client, the providers, an agreement, a knelpunt…) are in :mod:`lco_kit.casus.parts`.

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

:meth:`Casus.who_label` says who someone is as a person reads it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, StrictBool, ValidationInfo, field_validator

from lco_kit.casus.parts import (
    CLIENT_WORDS,
    AanvraagInfo,
    Client,
    Coordinator,
    GeenLco,
    Hulpverlener,
    Knelpunt,
    LevensdomeinScore,
    NietDelen,
    Opstelling,
    TextList,
    VorigeLco,
    at_least,
)
from lco_kit.casus.profielen import find_profile
from lco_kit.casus.texts import casus_text
from lco_kit.codes import code_list, lookup_gemeente, normalize
from lco_kit.content import ContentModel
from lco_kit.errors import LcoError
from lco_kit.fields import Id, Tekst

__all__ = ["Casus", "Gebruik", "require_lco"]

Herkomst = Literal["verzonnen", "gesimuleerd", "geanonimiseerd"]


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
