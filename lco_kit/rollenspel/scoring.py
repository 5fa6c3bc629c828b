"""Scoring a played scenario: per role, the share of moments answered as the method asks.

Examples:
    >>> from lco_kit.casus import simulate_casus
    >>> from lco_kit.rollenspel.scenario import build_scenario
    >>> scenario = build_scenario(simulate_casus(3))
    >>> score = score_scenario(scenario, {})
    >>> (score.juist, score.overgeslagen == len(scenario.momenten))
    (0, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lco_kit.charts import Chart, bar_chart
from lco_kit.errors import LcoError
from lco_kit.rollenspel.roles import RolCode, rol
from lco_kit.rollenspel.scenario import Scenario
from lco_kit.rollenspel.texts import rollenspel_text

__all__ = ["RolScore", "ScenarioScore", "score_chart", "score_scenario"]


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
