"""Tests of lco_kit.stappenplan.plan: a new plan starts from the casus."""

from __future__ import annotations

import pytest

from lco_kit.casus import Casus
from lco_kit.errors import LcoError
from lco_kit.stappenplan import (
    new_stappenplan,
)
from tests.rollenspel.conftest import casus_data, make_casus
from tests.stappenplan.conftest import DAY, rules


def test_new_stappenplan_starts_from_the_casus() -> None:
    """Does a new plan take the providers, the minors who take part, the problem domains and the spilfiguur?"""
    plan = new_stappenplan(make_casus(), DAY)
    assert plan.hulpverleners == ("ocmw", "caw", "clb")
    assert plan.minderjarigen == 1
    assert plan.levensdomeinen == ("financien", "werk")
    assert plan.spilfiguur == "caw"
    assert plan.soort == "eerste"
    assert plan.aantal_deelnemers == 1 + 1 + 3 + 1
    assert rules(plan) == ["afspraken", "knelpunten"]


def test_casus_data_helper_stays_valid() -> None:
    """Is the test casus itself valid (so every failing example above fails for its own reason)?"""
    assert Casus.model_validate(casus_data()).id == "test-rollenspel"


def test_a_casus_that_is_no_lco_gets_no_stappenplan() -> None:
    """Is a stappenplan for a ‘geen_lco’ casus refused with the casus's reason, in Dutch?"""
    casus = make_casus(toestemming=False, geen_lco="Mira weigert het overleg.")
    with pytest.raises(LcoError, match=r"is geen LCO: Mira weigert het overleg\. .*een stappenplan"):
        new_stappenplan(casus)
