"""The scenario engine: a casus played through the five phases as moments with choices.

A *moment* is data (``lco_kit/data/rollenspel/momenten/*.yaml``, and a facilitator's own
files or uploads): a situation in one phase, a question, and two to five options — who
acts, and how. Each option says whether it is what the method asks, and *why*, in its own
words. Which role the moment is about (``rol``) decides where it counts in the score.

:func:`build_scenario` fills the moments in with a casus (names, services, knelpunten) and
keeps only the moments that fit it (a moment about a minor only when a minor takes part);
:meth:`ScenarioMoment.beoordeel` gives the feedback on one choice; :func:`score_scenario`
gives, per role, the share of moments where the trainee chose what the method asks.
Everything is plain data in and out: no widgets.

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
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, field_validator, model_validator

from lco_kit.casus import Casus
from lco_kit.charts import Chart, bar_chart
from lco_kit.codes import code_list
from lco_kit.content import ContentModel, ContentPart, content_files, load_model
from lco_kit.errors import ContentError, LcoError, Problem
from lco_kit.itemregels import KeuzeVraag
from lco_kit.rollenspel.facts import CasusFeiten, casus_facts, dutch_list
from lco_kit.rollenspel.roles import FASEN, ROLLEN, Fase, FaseVeld, RolCode, RolVeld, one_of, rol
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = [
    "MIN_UITLEG_WOORDEN",
    "PLACEHOLDERS",
    "VOORWAARDEN",
    "GeladenMomenten",
    "Moment",
    "MomentenBank",
    "Optie",
    "RolScore",
    "Scenario",
    "ScenarioMoment",
    "ScenarioOptie",
    "ScenarioScore",
    "Terugkoppeling",
    "Voorwaarde",
    "build_scenario",
    "choice_questions",
    "load_moment_file",
    "load_momenten",
    "moment_applies",
    "moment_values",
    "score_chart",
    "score_scenario",
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
    if not text.strip():
        raise ValueError("mag niet leeg zijn.")
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


Sjabloon = Annotated[str, AfterValidator(_check_template)]
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

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)
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

    titel: str = Field(min_length=1)
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


# ------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class RolScore:
    """How often the trainee chose what the method asks of one role.

    Attributes:
        rol: The role's code.
        naam: The role's name.
        juist: Moments of this role answered as the method asks.
        momenten: Moments of this role in the scenario (unanswered ones included).
    """

    rol: RolCode
    naam: str
    juist: int
    momenten: int

    @property
    def aandeel(self) -> float:
        """Return the share of this role's moments answered as the method asks (0 to 1)."""
        return self.juist / self.momenten if self.momenten else 0.0

    @property
    def procent(self) -> int:
        """Return the share as a whole percentage."""
        return round(100 * self.aandeel)


@dataclass(frozen=True)
class ScenarioScore:
    """The score of a played scenario, per role and in total."""

    per_rol: tuple[RolScore, ...]
    juist: int
    momenten: int
    beantwoord: int

    @property
    def overgeslagen(self) -> int:
        """Return the number of moments without an answer."""
        return self.momenten - self.beantwoord


def score_scenario(scenario: Scenario, keuzes: Mapping[str, int]) -> ScenarioScore:
    """Return, per role, the share of moments where the trainee chose what the method asks.

    A moment without a choice counts as played but not right.

    Args:
        scenario: The scenario played.
        keuzes: Moment id → the index of the option chosen (in the order shown).

    Raises:
        LcoError: For a choice about a moment that is not in the scenario, or an option that
            does not exist.
    """
    right: dict[str, bool] = {}
    for moment_id, keuze in keuzes.items():
        try:
            moment = scenario.moment(moment_id)
        except KeyError:
            raise LcoError(rollenspel_text("moment_bestaat_niet", id=moment_id)) from None
        right[moment_id] = moment.beoordeel(keuze).juist
    per_rol = []
    for code in scenario.rollen:
        of_role = [m for m in scenario.momenten if m.rol == code]
        per_rol.append(RolScore(code, rol(code).naam, sum(right.get(m.id, False) for m in of_role), len(of_role)))
    return ScenarioScore(
        per_rol=tuple(per_rol),
        juist=sum(right.values()),
        momenten=len(scenario.momenten),
        beantwoord=len(right),
    )


def score_chart(score: ScenarioScore) -> Chart:
    """Return the score per role as a bar chart (percentages), with alt text."""
    labels = [s.naam for s in score.per_rol]
    values = [float(s.procent) for s in score.per_rol]
    details = "; ".join(
        rollenspel_text("score_alt_rol", rol=s.naam, juist=s.juist, momenten=s.momenten, procent=s.procent)
        for s in score.per_rol
    )
    return bar_chart(
        labels,
        values,
        rollenspel_text("score_grafiek_titel"),
        value_label=rollenspel_text("score_grafiek_as"),
        highlight=[s.aandeel < 0.5 for s in score.per_rol],  # noqa: PLR2004  (less than half: worth another look)
        limits=(0, 100),
        alt=rollenspel_text("score_alt", details=details),
    )
