"""The profiles data file: what each situation holds, and finding a profile by code or label."""

from __future__ import annotations

import pytest

from lco_kit.casus import find_profile, profiles


def test_profiles_cover_the_situations_the_issue_names() -> None:
    """Are the situations the issue names there: families, debts with psychological problems, older person, …?"""
    codes = {p.code for p in profiles()}
    assert {
        "gezin_jonge_kinderen",
        "gezin_met_tiener",
        "schulden_psychisch",
        "oudere_thuis",
        "nieuwkomer",
        "jongvolwassene_18",
        "dreigende_uithuiszetting",
    } <= codes


def test_teenager_profile_has_a_minor_old_enough() -> None:
    """Does the teenager profile's oldest minor reach the age at which a minor is presumed capable?"""
    rule = find_profile("gezin_met_tiener").minderjarigen
    assert rule.oudste is not None and rule.oudste[0] >= 12 and rule.aantal[0] >= 1


@pytest.mark.parametrize("value", ["oudere_thuis", "Oudere die thuis woont", "OUDERE DIE THUIS WOONT"])
def test_find_by_code_or_label(value: str) -> None:
    """Is a profile found by its code or its label, whatever the case?"""
    assert find_profile(value).code == "oudere_thuis"


def test_unknown_profile_is_a_dutch_error() -> None:
    """Does an unknown profile give a Dutch sentence with the profiles that exist?"""
    with pytest.raises(ValueError, match=r"‘rijk’ is geen profiel dat de kit kent\. Mogelijk: gezin_jonge_kinderen"):
        find_profile("rijk")
