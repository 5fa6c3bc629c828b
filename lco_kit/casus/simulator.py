"""The casus simulator: a made-up but coherent casus from a seed.

Every random choice goes through one ``random.Random(seed)`` and one Faker (``nl_BE``)
seeded with the same seed, both made per call: the same seed and options give the same
casus, byte for byte in YAML. Life domains, services and knelpunten come from the
profile (``lco_kit/data/casus/profielen.yaml``); the texts from
``lco_kit/data/casus/simulator.yaml``. Names are first names only; the simulator writes no
identifiers (were one ever needed, :func:`lco_kit.casus.privacy.fake_identifier` builds
it to fail its checksum).

Examples:
    >>> casus = simulate_casus(7)
    >>> casus == simulate_casus(7)
    True
    >>> len(simulate_casus(7, hulpverleners=4).hulpverleners)
    4
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from faker import Faker
from pydantic import Field, StrictBool, ValidationError, model_validator

from lco_kit.casus._codes import Aanvrager, Code, Levensdomein, Sector
from lco_kit.casus.model import Casus
from lco_kit.casus.parts import PRESUMED_CAPABLE_AGE, STATUSSEN
from lco_kit.casus.profielen import Profile, find_profile, profiles
from lco_kit.codes import UnknownCodeError, code_list, gemeenten_in, lookup
from lco_kit.content import ContentModel, ContentPart, content_path, load_model
from lco_kit.errors import LcoError
from lco_kit.fields import Tekst

__all__ = ["MAX_PROVIDERS", "MIN_PROVIDERS", "SimulatorData", "simulate_casus", "simulator_data"]

MIN_PROVIDERS = 2
MAX_PROVIDERS = 8
_NEARNESS = ("dichtbij", "regelmatig", "op afstand")
_NEARNESS_WEIGHTS = (3, 4, 2)
_STATUS_WEIGHTS = (2, 3, 4, 1)


class ServiceTemplate(ContentPart):
    """A service in the simulator's catalogue, with what it may think and worry about."""

    id: Code
    dienst: Tekst
    sector: Sector
    aanvrager: Aanvrager
    rollen: tuple[Tekst, ...] = Field(min_length=1)
    visies: tuple[Tekst, ...] = Field(min_length=1)
    zorgen: tuple[Tekst, ...] = Field(min_length=1)
    afspraken: tuple[Tekst, ...] = Field(min_length=1)
    alleen_met_kinderen: StrictBool = False


class DomainTexts(ContentPart):
    """Situations of one life domain per band of the scale, and its strengths."""

    laag: tuple[Tekst, ...] = Field(min_length=1)
    midden: tuple[Tekst, ...] = Field(min_length=1)
    hoog: tuple[Tekst, ...] = Field(min_length=1)
    sterktes: tuple[Tekst, ...] = Field(min_length=1)

    def situations(self, score: int) -> tuple[str, ...]:
        """Return the situations that fit a score (1–2 laag, 3 midden, 4–5 hoog)."""
        if score <= 2:  # noqa: PLR2004  (the bands of the kit's scale)
            return self.laag
        return self.midden if score == 3 else self.hoog  # noqa: PLR2004


class SimulatorData(ContentModel):
    """The simulator's data file."""

    bron: str = Field(min_length=20)
    referentiejaar: int = Field(ge=2020, le=2100)
    coordinatie: Tekst
    telwoorden: tuple[str, ...] = Field(min_length=6)
    algemene_diensten: tuple[Code, ...] = Field(min_length=1)
    vertrouwenspersonen: tuple[Tekst, ...] = Field(min_length=1)
    aanvraagredenen: tuple[Tekst, ...] = Field(min_length=1)
    client_afspraken: tuple[Tekst, ...] = Field(min_length=1)
    diensten: tuple[ServiceTemplate, ...] = Field(min_length=1)
    levensdomeinen: dict[Levensdomein, DomainTexts]

    @model_validator(mode="after")
    def _complete(self) -> SimulatorData:
        ids = [s.id for s in self.diensten]
        if len(set(ids)) != len(ids):
            raise ValueError("elke dienst in de catalogus heeft een eigen id.")
        missing = [s for s in self.algemene_diensten if s not in ids]
        if missing:
            raise ValueError(f"algemene_diensten noemt diensten die niet in de catalogus staan: {', '.join(missing)}.")
        return self

    def service(self, service_id: str) -> ServiceTemplate:
        """Return a service of the catalogue by id."""
        for service in self.diensten:
            if service.id == service_id:
                return service
        raise KeyError(service_id)


@cache
def simulator_data() -> SimulatorData:
    """Return the simulator's data (read once)."""
    return load_model(SimulatorData, content_path("data", "casus/simulator.yaml"))


@cache
def _faker() -> Faker:
    return Faker("nl_BE")


class _Names:
    """First names from Faker, never the same one twice in one casus."""

    def __init__(self, fake: Faker) -> None:
        self._fake = fake
        self._used: set[str] = set()

    def take(self, female: bool) -> str:
        for _ in range(50):
            name = str(self._fake.first_name_female() if female else self._fake.first_name_male())
            if name not in self._used:
                self._used.add(name)
                return name
        raise RuntimeError("no unused first name found")  # 500 names per gender: cannot happen in practice


def _fill(template: str, values: dict[str, str]) -> str:
    """Fill ``{placeholders}``; a missing one is a defect in the data file (the tests fill them all)."""
    return template.format_map(values)


def simulate_casus(
    seed: int,
    *,
    profiel: str | None = None,
    hulpverleners: int | None = None,
    minderjarigen: bool | None = None,
    levensdomeinen: Sequence[str] | None = None,
) -> Casus:
    """Return a made-up casus; the same seed and options always give the same casus.

    Args:
        seed: Any whole number.
        profiel: A profile code or label (default: one drawn from the seed).
        hulpverleners: Number of providers, 2 to 8 (default: 3 to 5, drawn).
        minderjarigen: True for a household with minors, False without (default: as the
            profile has it).
        levensdomeinen: The life domains to include, as codes or labels (default: the
            profile's core domains and a few of its possible ones).

    Raises:
        LcoError: In Dutch, when an option is unknown or does not fit the profile.
    """
    rng = random.Random(seed)  # noqa: S311  (reproducible made-up content, not security)
    fake = _faker()
    fake.seed_instance(seed)
    data = simulator_data()
    if levensdomeinen is not None and _wants_upbringing(levensdomeinen):
        if minderjarigen is False:
            raise LcoError("Het levensdomein Opvoeding gaat over kinderen: kies dan ‘met minderjarigen’.")
        minderjarigen = True  # opvoeding is about children: the household has them
    profile = _choose_profile(rng, profiel, minderjarigen)
    domains = _domain_codes(rng, profile, levensdomeinen)
    count = _provider_count(rng, hulpverleners)
    names = _Names(fake)

    female = rng.random() < 0.6  # noqa: PLR2004  (more women than men ask for help, as in the field)
    client_name = names.take(female)
    age = rng.randint(*profile.client_leeftijd)
    gemeente = rng.choice(
        [name for name, province in gemeenten_in(data.referentiejaar).items() if province == "Limburg"]
    )
    minors = _minors(rng, names, profile, minderjarigen)
    partner = names.take(not female)
    values = {
        "naam": client_name,
        "leeftijd": str(age),
        "gemeente": gemeente,
        "zij": "zij" if female else "hij",
        "Zij": "Zij" if female else "Hij",
        "haar": "haar" if female else "zijn",
        "Haar": "Haar" if female else "Zijn",
        "partner": partner,
        "kind": minors[0]["pseudoniem"] if minors else "",
        "kinderen": _children_phrase(data, len(minors)),
    }
    households = profile.huishoudens_met_kinderen if minors else profile.huishoudens
    values["huishouden"] = _fill(rng.choice(households), values)

    providers, services = _providers(rng, names, profile, count, values, with_children=bool(minors))
    words = data.telwoorden
    values["aantal_diensten"] = words[len(providers)] if len(providers) < len(words) else str(len(providers))
    client: dict[str, Any] = {
        "pseudoniem": client_name,
        "leeftijd": age,
        "huishouden": values["huishouden"],
        "minderjarigen": minors,
    }
    if profile.thuistalen:
        client["thuistaal"] = rng.choice(profile.thuistalen)
        client["tolk_nodig"] = rng.random() < 0.6  # noqa: PLR2004
    if rng.random() < 0.3:  # noqa: PLR2004
        client["vertrouwenspersoon"] = rng.choice(data.vertrouwenspersonen)

    raw: dict[str, Any] = {
        "schema_version": 1,
        "id": f"sim-{seed}-{profile.code}".replace("_", "-"),
        "titel": _fill(rng.choice(profile.titels), values),
        "samenvatting": _fill(rng.choice(profile.samenvattingen), values),
        "profiel": profile.code,
        "herkomst": "gesimuleerd",
        "gemeente": gemeente,
        "client": client,
        "toestemming": True,
        "hulpvraag": _fill(rng.choice(profile.hulpvragen), values),
        "wat_goed_gaat": [_fill(t, values) for t in rng.sample(profile.wat_goed_gaat, rng.randint(2, 3))],
        "levensdomeinen": _domains(rng, profile, domains, values),
        "hulpverleners": providers,
        "aanvrager": _requester(rng, providers, services, values),
        "knelpunten": [
            {"categorie": k.categorie, "omschrijving": _fill(k.omschrijving, values)}
            for k in rng.sample(profile.knelpunten, rng.randint(1, min(2, len(profile.knelpunten))))
        ],
    }
    if profile.niet_delen and rng.random() < 0.5:  # noqa: PLR2004
        raw["niet_delen"] = [
            {"onderwerp": _fill(rng.choice(profile.niet_delen), values), "bekend_bij": [rng.choice(providers)["id"]]}
        ]
    raw["opstelling"] = _setup(rng, names, providers, values)
    if rng.random() < 0.3:  # noqa: PLR2004
        raw["vorige_lco"] = _earlier_lco(rng, providers, services, values)
    # The table chooses the spilfiguur: only a follow-up starts with the one chosen at the earlier LCO.
    chosen = raw["opstelling"].pop("spilfiguur", None)
    if chosen is not None and "vorige_lco" in raw:
        raw["opstelling"]["spilfiguur"] = chosen
        raw["vorige_lco"]["spilfiguur"] = chosen
    try:
        return Casus.model_validate(raw)
    except ValidationError as error:  # a defect in the simulator or its data, not in the user's options
        raise RuntimeError(f"simulated casus is not valid: {error}") from error


# ------------------------------------------------------------------ choices


def _choose_profile(rng: random.Random, wanted: str | None, minors: bool | None) -> Profile:
    if wanted is not None:
        try:
            profile = find_profile(wanted)
        except ValueError as error:
            raise LcoError(str(error).capitalize()) from None
        if minors is True and not profile.may_have_minors:
            raise LcoError(
                f"Het profiel ‘{profile.label}’ heeft geen minderjarigen in het gezin. Kies een ander profiel."
            )
        if minors is False and profile.has_minors:
            raise LcoError(f"Het profiel ‘{profile.label}’ heeft altijd minderjarigen. Kies een ander profiel.")
        return profile
    fitting = [
        p for p in profiles() if minors is None or (minors and p.may_have_minors) or (not minors and not p.has_minors)
    ]
    return rng.choice(fitting)


def _wants_upbringing(wanted: Sequence[str]) -> bool:
    for value in wanted:
        try:
            if lookup("levensdomeinen", value).code == "opvoeding":
                return True
        except UnknownCodeError:
            continue  # reported with the other options in _domain_codes
    return False


def _domain_codes(rng: random.Random, profile: Profile, wanted: Sequence[str] | None) -> list[str]:
    order = [c.code for c in code_list("levensdomeinen").codes]
    if wanted is not None:
        codes = []
        for value in wanted:
            try:
                codes.append(lookup("levensdomeinen", value).code)
            except UnknownCodeError as error:
                raise LcoError(str(error)) from None
        if not codes:
            raise LcoError("Kies minstens één levensdomein.")
        return sorted(set(codes), key=order.index)
    possible = list(profile.levensdomeinen.mogelijk)
    chosen = [*profile.levensdomeinen.kern, *rng.sample(possible, rng.randint(1, min(3, len(possible))))]
    return sorted(chosen, key=order.index)


def _provider_count(rng: random.Random, wanted: int | None) -> int:
    if wanted is None:
        return rng.randint(3, 5)
    if not MIN_PROVIDERS <= wanted <= MAX_PROVIDERS:
        raise LcoError(
            f"Kies tussen {MIN_PROVIDERS} en {MAX_PROVIDERS} hulpverleners; gevraagd: {wanted}. "
            "Een LCO is vooral zinvol vanaf drie."
        )
    return wanted


def _children_phrase(data: SimulatorData, count: int) -> str:
    if count == 0:
        return ""
    if count == 1:
        return "één kind"
    return f"{data.telwoorden[count]} kinderen"


def _minors(rng: random.Random, names: _Names, profile: Profile, wanted: bool | None) -> list[dict[str, Any]]:
    low, high = profile.minderjarigen.aantal
    if wanted is True:
        low = max(1, low)
    count = 0 if wanted is False else rng.randint(low, high)
    ages: list[int] = []
    if count and profile.minderjarigen.oudste is not None:
        ages.append(rng.randint(*profile.minderjarigen.oudste))
    while len(ages) < count:
        ages.append(rng.randint(*profile.minderjarigen.leeftijden))
    ages.sort(reverse=True)
    minors = []
    for index, age in enumerate(ages):
        girl = rng.random() < 0.5  # noqa: PLR2004
        takes_part = age >= PRESUMED_CAPABLE_AGE and (
            (index == 0 and profile.minderjarigen.oudste is not None) or rng.random() < 0.5  # noqa: PLR2004
        )
        minors.append(
            {
                "pseudoniem": names.take(girl),
                "leeftijd": age,
                "relatie": "dochter" if girl else "zoon",
                "neemt_deel": takes_part,
            }
        )
    return minors


def _domains(rng: random.Random, profile: Profile, codes: list[str], values: dict[str, str]) -> list[dict[str, Any]]:
    data = simulator_data()
    ranges = {**profile.levensdomeinen.mogelijk, **profile.levensdomeinen.kern}
    domains: list[dict[str, Any]] = []
    for code in codes:
        texts = data.levensdomeinen[code]
        score = rng.randint(*ranges.get(code, (2, 4)))
        strengths = []
        if score >= 4 or (score == 3 and rng.random() < 0.5):  # noqa: PLR2004
            strengths.append(_fill(rng.choice(texts.sterktes), values))
        domains.append(
            {
                "domein": code,
                "score": score,
                "situatie": _fill(rng.choice(texts.situations(score)), values),
                "sterktes": strengths,
            }
        )
    if not any(d["sterktes"] for d in domains):
        strongest = max(domains, key=lambda d: d["score"])
        strongest["sterktes"] = [_fill(rng.choice(data.levensdomeinen[strongest["domein"]].sterktes), values)]
    return domains


def _providers(
    rng: random.Random,
    names: _Names,
    profile: Profile,
    count: int,
    values: dict[str, str],
    *,
    with_children: bool,
) -> tuple[list[dict[str, Any]], dict[str, ServiceTemplate]]:
    data = simulator_data()

    def fits(service_id: str) -> bool:
        return with_children or not data.service(service_id).alleen_met_kinderen

    pool = [s for s in profile.diensten.kern if fits(s)][:count]
    extra = [s for s in profile.diensten.mogelijk if fits(s)]
    rng.shuffle(extra)
    general = [s for s in data.algemene_diensten if s not in profile.service_ids() and fits(s)]
    rng.shuffle(general)
    pool += [s for s in [*extra, *general] if s not in pool][: count - len(pool)]
    providers = []
    services = {}
    for service_id in pool:
        service = data.service(service_id)
        services[service.id.replace("_", "-")] = service
        year = data.referentiejaar - rng.randint(1, 7)
        since = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(year)  # noqa: PLR2004
        providers.append(
            {
                "id": service.id.replace("_", "-"),
                "naam": names.take(rng.random() < 0.7),  # noqa: PLR2004  (most social workers are women)
                "dienst": _fill(service.dienst, values),
                "sector": service.sector,
                "rol": rng.choice(service.rollen),
                "sinds": since,
                "nabijheid": rng.choices(_NEARNESS, weights=_NEARNESS_WEIGHTS)[0],
                "visie": _fill(rng.choice(service.visies), values),
                "zorg": _fill(rng.choice(service.zorgen), values),
            }
        )
    return providers, services


def _requester(
    rng: random.Random, providers: list[dict[str, Any]], services: dict[str, ServiceTemplate], values: dict[str, str]
) -> dict[str, Any]:
    data = simulator_data()
    reason = _fill(rng.choice(data.aanvraagredenen), values)
    if rng.random() < 0.15:  # noqa: PLR2004
        return {"soort": "client", "reden": reason}
    chosen = rng.choice(providers)
    return {"soort": services[chosen["id"]].aanvrager, "hulpverlener": chosen["id"], "reden": reason}


def _setup(
    rng: random.Random, names: _Names, providers: list[dict[str, Any]], values: dict[str, str]
) -> dict[str, Any]:
    coordinator = {"dienst": _fill(simulator_data().coordinatie, values), "naam": names.take(rng.random() < 0.7)}  # noqa: PLR2004
    setup: dict[str, Any] = {"coordinator": coordinator}
    if rng.random() < 0.5:  # noqa: PLR2004
        close = [p for p in providers if p["nabijheid"] == "dichtbij"] or providers
        setup["spilfiguur"] = rng.choice(close)["id"]
    return setup


def _earlier_lco(
    rng: random.Random, providers: list[dict[str, Any]], services: dict[str, ServiceTemplate], values: dict[str, str]
) -> dict[str, Any]:
    data = simulator_data()
    held = date(data.referentiejaar - 1, rng.randint(1, 12), rng.randint(1, 28))
    agreements = []
    for provider in rng.sample(providers, min(2, len(providers))):
        agreements.append((rng.choice(services[provider["id"]].afspraken), provider["id"]))
    agreements.append((rng.choice(data.client_afspraken), "client"))
    return {
        "datum": held.isoformat(),
        "afspraken": [
            {
                "wat": _fill(what, values),
                "wie": who,
                "tegen_wanneer": (held + timedelta(days=rng.randint(14, 90))).isoformat(),
                "status": rng.choices(STATUSSEN, weights=_STATUS_WEIGHTS)[0],
            }
            for what, who in agreements
        ],
    }
