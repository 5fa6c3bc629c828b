"""Building a scenario: a casus played through the five phases as moments with choices.

:func:`build_scenario` fills the moments (:mod:`lco_kit.rollenspel.moments`) in with a casus
(names, services, knelpunten) and keeps only the moments that fit it (a moment about a minor
only when a minor takes part); :meth:`ScenarioMoment.beoordeel` gives the feedback on one
choice. Everything is plain data in and out: no widgets.

Examples:
    >>> from lco_kit.casus import simulate_casus
    >>> scenario = build_scenario(simulate_casus(3))
    >>> scenario.momenten[0].fase
    'aanvraag'
    >>> first = scenario.momenten[0]
    >>> right = next(i for i, o in enumerate(first.opties) if o.juist)
    >>> first.beoordeel(right).juist
    True
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lco_kit.casus import Casus
from lco_kit.codes import code_list
from lco_kit.errors import LcoError
from lco_kit.rollenspel.facts import CasusFeiten, casus_facts, dutch_list
from lco_kit.rollenspel.moments import Moment, Voorwaarde, load_momenten
from lco_kit.rollenspel.roles import FASEN, ROLLEN, Fase, RolCode, rol
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = [
    "Scenario",
    "ScenarioMoment",
    "ScenarioOptie",
    "Terugkoppeling",
    "build_scenario",
    "casus_conditions",
    "moment_applies",
    "moment_values",
]


# ------------------------------------------------------------------ filling in


def casus_conditions(facts: CasusFeiten) -> set[Voorwaarde]:
    """Return the conditions a casus meets."""
    casus = facts.casus
    met: set[Voorwaarde] = {"indicatie" if facts.indicatie else "geen_indicatie"}
    if facts.minderjarigen:
        met.add("minderjarige_aan_tafel")
    elif facts.minderjarigen_thuis:
        met.add("minderjarige_thuis")
    if casus.niet_delen:
        met.add("niet_delen")
    met.add("vorige_lco" if casus.vorige_lco is not None else "eerste_lco")
    met.add("aanvrager_client" if facts.aanvrager_is_client else "aanvrager_hulpverlener")
    if casus.client.vertrouwenspersoon:
        met.add("vertrouwenspersoon")
    if casus.client.tolk_nodig:
        met.add("tolk_nodig")
    met.add("spilfiguur_gekozen" if facts.spilfiguur is not None else "geen_spilfiguur")
    return met


def moment_applies(moment: Moment, facts: CasusFeiten) -> bool:
    """Return True when every condition of the moment holds for the casus."""
    return set(moment.als) <= casus_conditions(facts)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def moment_values(facts: CasusFeiten) -> dict[str, str]:
    """Return the value of every word between braces, for this casus."""
    casus = facts.casus
    minors = facts.minderjarigen or facts.minderjarigen_thuis
    lowest = min(casus.levensdomeinen, key=lambda d: d.score)
    domains = code_list("levensdomeinen")
    knelpunt = casus.knelpunten[0]
    pivot = facts.spilfiguur or facts.dichtbij
    return {
        "client": facts.client,
        "gemeente": casus.gemeente or rollenspel_text("gemeente_onbekend"),
        "coordinator": facts.coordinator,
        "spilfiguur": facts.label(pivot),
        "dichtbij": facts.label(facts.dichtbij),
        "aanvrager": facts.aanvrager_label,
        "hulpverlener": facts.label(facts.andere),
        "voorgestelde_coordinator": facts.label(facts.voorgestelde_coordinator),
        "minderjarige": minors[0].pseudoniem if minors else rollenspel_text("minderjarige_onbekend"),
        "minderjarige_leeftijd": str(minors[0].leeftijd) if minors else "?",
        "vertrouwenspersoon": casus.client.vertrouwenspersoon
        or rollenspel_text("vertrouwenspersoon_onbekend", client=facts.client),
        "knelpunt": _sentence(knelpunt.omschrijving),
        "knelpunt_soort": code_list("knelpunten").label(knelpunt.categorie).lower(),
        "pijnpunt": rollenspel_text("pijnpunt", domein=domains.label(lowest.domein).lower()),
        "domeinen": dutch_list([d.lower() for d in facts.probleemdomeinen]) or rollenspel_text("geen_probleemdomeinen"),
        "diensten": dutch_list([p.dienst for p in casus.hulpverleners]),
        "aantal_hulpverleners": str(len(casus.hulpverleners)),
        "aantal_domeinen": str(len(facts.probleemdomeinen)),
        "aantal_afspraken": str(len(casus.vorige_lco.afspraken) if casus.vorige_lco else 0),
        "hulpvraag": casus.hulpvraag,
        "sterkte": casus.wat_goed_gaat[0],
    }


def _fill(template: str, values: Mapping[str, str]) -> str:
    return " ".join(template.format_map(values).split())


# ------------------------------------------------------------------ playing


@dataclass(frozen=True)
class ScenarioOptie:
    """An option as the trainee sees it, filled in with the casus."""

    tekst: str
    wie: RolCode | None
    juist: bool
    uitleg: str

    @property
    def wie_naam(self) -> str | None:
        """Return the name of the role that acts, or None."""
        return rol(self.wie).naam if self.wie else None


@dataclass(frozen=True)
class Terugkoppeling:
    """The feedback on one choice.

    Attributes:
        moment_id: The moment.
        rol: The role the moment counts for.
        keuze: The index of the chosen option (in the order shown).
        juist: True when the choice is what the method asks.
        gekozen: The chosen option, with its reason.
        juiste: The options the method asks (they include the chosen one when it is right).
        overige: Every other option, each with its own reason.
    """

    moment_id: str
    rol: RolCode
    keuze: int
    juist: bool
    gekozen: ScenarioOptie
    juiste: tuple[ScenarioOptie, ...]
    overige: tuple[ScenarioOptie, ...]


@dataclass(frozen=True)
class ScenarioMoment:
    """A moment filled in with the casus, its options in the order they are shown."""

    id: str
    fase: Fase
    rol: RolCode
    titel: str
    situatie: str
    vraag: str
    opties: tuple[ScenarioOptie, ...]

    def beoordeel(self, keuze: int) -> Terugkoppeling:
        """Return the feedback on choosing option ``keuze`` (0-based, in the order shown).

        Raises:
            LcoError: When there is no such option.
        """
        if not 0 <= keuze < len(self.opties):
            raise LcoError(rollenspel_text("keuze_bestaat_niet", nummer=keuze + 1, aantal=len(self.opties)))
        chosen = self.opties[keuze]
        return Terugkoppeling(
            moment_id=self.id,
            rol=self.rol,
            keuze=keuze,
            juist=chosen.juist,
            gekozen=chosen,
            juiste=tuple(o for o in self.opties if o.juist),
            overige=tuple(o for i, o in enumerate(self.opties) if i != keuze),
        )


@dataclass(frozen=True)
class Scenario:
    """A casus played as moments, in the order of the five phases."""

    casus_id: str
    casus_titel: str
    momenten: tuple[ScenarioMoment, ...]

    def moment(self, moment_id: str) -> ScenarioMoment:
        """Return a moment by its id.

        Raises:
            KeyError: When the scenario has no such moment.
        """
        for found in self.momenten:
            if found.id == moment_id:
                return found
        raise KeyError(moment_id)

    @property
    def rollen(self) -> tuple[RolCode, ...]:
        """Return the roles the moments count for, in the kit's order."""
        present = {m.rol for m in self.momenten}
        return tuple(r for r in ROLLEN if r in present)


def build_scenario(
    casus: Casus,
    momenten: Sequence[Moment] | None = None,
    *,
    spilfiguur: str | None = None,
    rng: random.Random | None = None,
) -> Scenario:
    """Return the scenario of a casus: the moments that fit it, filled in, phase by phase.

    Args:
        casus: Any valid casus.
        momenten: The moments to choose from (default: every moments file that can be read).
        spilfiguur: A provider id chosen as spilfiguur in the setup (default: the casus's).
        rng: Shuffles the options of each moment; None keeps them in the file's order.

    Raises:
        LcoError: When no moment fits the casus.
    """
    pool = list(momenten) if momenten is not None else load_momenten().momenten
    facts = casus_facts(casus, spilfiguur)
    values = moment_values(facts)
    chosen = [m for m in pool if moment_applies(m, facts)]
    chosen.sort(key=lambda m: FASEN.index(m.fase))  # stable: the file's order within a phase
    played = []
    for moment in chosen:
        options = [
            ScenarioOptie(_fill(o.tekst, values), o.wie, o.juist, _fill(o.uitleg, values)) for o in moment.opties
        ]
        if rng is not None:
            rng.shuffle(options)
        played.append(
            ScenarioMoment(
                id=moment.id,
                fase=moment.fase,
                rol=moment.rol,
                titel=_fill(moment.titel, values),
                situatie=_fill(moment.situatie, values),
                vraag=_fill(moment.vraag, values),
                opties=tuple(options),
            )
        )
    if not played:
        raise LcoError(rollenspel_text("geen_momenten", titel=casus.titel))
    return Scenario(casus.id, casus.titel, tuple(played))
