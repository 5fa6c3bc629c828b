"""Scoring a played scenario: per role, and in the chart's alt text."""

from __future__ import annotations

import pytest

from lco_kit.casus import Casus
from lco_kit.errors import LcoError
from lco_kit.rollenspel.scenario import build_scenario
from lco_kit.rollenspel.scoring import score_chart, score_scenario
from tests.rollenspel.conftest import make_casus, two_providers


def right_choices(casus: Casus) -> dict[str, int]:
    """Return, for every moment of the casus's scenario, the index of a right option."""
    scenario = build_scenario(casus)
    return {m.id: next(i for i, o in enumerate(m.opties) if o.juist) for m in scenario.momenten}


def test_all_right_scores_every_role_full() -> None:
    """Is a scenario answered right everywhere scored 100 % for every role?"""
    casus = make_casus()
    scenario = build_scenario(casus)
    score = score_scenario(scenario, right_choices(casus))
    assert score.juist == score.momenten == len(scenario.momenten)
    assert {s.rol: s.procent for s in score.per_rol} == dict.fromkeys(scenario.rollen, 100)


def test_score_per_role_counts_each_roles_moments() -> None:
    """With one coördinator moment wrong and one spilfiguur moment unanswered, are the shares per role right?"""
    casus = make_casus()
    scenario = build_scenario(casus)
    choices = right_choices(casus)
    wrong = next(i for i, o in enumerate(scenario.moment("neutraliteit").opties) if not o.juist)
    choices["neutraliteit"] = wrong
    del choices["stilte"]
    score = score_scenario(scenario, choices)
    per_role = {s.rol: s for s in score.per_rol}
    coordinator_moments = sum(m.rol == "coordinator" for m in scenario.momenten)
    assert per_role["coordinator"].momenten == coordinator_moments
    assert per_role["coordinator"].juist == coordinator_moments - 1
    assert per_role["spilfiguur"].juist == per_role["spilfiguur"].momenten - 1
    assert per_role["client"].procent == 100
    assert score.overgeslagen == 1
    assert score.juist == len(scenario.momenten) - 2


def test_the_score_names_only_the_roles_that_were_played() -> None:
    """Without a minor or a vertrouwenspersoon, are those roles left out of the score?"""
    scenario = build_scenario(two_providers(client={"pseudoniem": "Mira", "leeftijd": 34, "huishouden": "alleen"}))
    assert "minderjarige" not in scenario.rollen and "vertrouwenspersoon" not in scenario.rollen
    assert "minderjarige" in build_scenario(make_casus()).rollen


def test_wrong_choices_are_refused_in_dutch() -> None:
    """Is a choice for a moment that is not played, or an option that does not exist, a Dutch error?"""
    scenario = build_scenario(make_casus())
    with pytest.raises(LcoError, match="Het moment ‘koffiepauze’ hoort niet bij dit scenario"):
        score_scenario(scenario, {"koffiepauze": 0})
    with pytest.raises(LcoError, match="Optie 9 bestaat niet"):
        scenario.momenten[0].beoordeel(8)


def test_score_chart_says_every_role_in_its_alt_text() -> None:
    """Does the chart's alt text give every role's count and percentage?"""
    casus = make_casus()
    score = score_scenario(build_scenario(casus), right_choices(casus))
    alt = score_chart(score).alt
    for role in score.per_rol:
        assert f"{role.naam}: {role.juist} van {role.momenten} ({role.procent}%)" in alt
