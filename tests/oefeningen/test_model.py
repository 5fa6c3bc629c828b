"""The exercise models: each kind has its own model, and refuses what does not teach (no reason, no right answer)."""

from __future__ import annotations

from typing import Any

import pytest

from lco_kit.oefeningen.model import KeuzeUitEen, Koppelen, MeerdereKeuzes, OpenVraag, Volgorde
from tests.oefeningen._builders import bank_bytes, matching, multiple, one, open_question, order, problems, single, why


def test_kinds_are_the_models_the_engine_checks() -> None:
    """Does every kind of exercise validate into its own model?"""
    built = [one(single()), one(multiple()), one(order()), one(matching()), one(open_question())]
    assert [type(o) for o in built] == [KeuzeUitEen, MeerdereKeuzes, Volgorde, Koppelen, OpenVraag]


# ------------------------------------------------------------------ every option, step and moment its own reason


def test_identical_explanation_on_every_option_is_refused() -> None:
    """Is a bank where every option says the same thing refused?"""
    exercise = single()
    for optie in exercise["opties"]:
        optie["uitleg"] = why("Lees de tekst nog eens")
    [(_, field, message)] = problems(bank_bytes(exercise))
    assert field == "oefening een-keuze → opties"
    assert "alle opties hebben dezelfde uitleg" in message


def test_two_options_sharing_an_explanation_are_named() -> None:
    """Are two options with the same explanation named by their numbers?"""
    exercise = single()
    exercise["opties"][2]["uitleg"] = exercise["opties"][1]["uitleg"]
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert "optie nr. 2 en nr. 3 hebben dezelfde uitleg" in message


def test_bare_fout_is_not_an_explanation() -> None:
    """Is ‘Fout.’ as an explanation refused as too short?"""
    exercise = multiple()
    exercise["opties"][1]["uitleg"] = "Fout."
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert "(‘Fout.’) is te kort" in message


def test_same_explanation_on_every_moment_speaks_of_momenten() -> None:
    """Is a matching exercise with one explanation for every moment refused in proper Dutch (‘alle momenten’)?"""
    exercise = matching()
    for paar in exercise["paren"]:
        paar["uitleg"] = why("Dit principe staat op het spel")
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert message.startswith("alle momenten hebben dezelfde uitleg. Geef elk moment een eigen uitleg")


# ------------------------------------------------------------------ a right answer, a known topic, a fair match


@pytest.mark.parametrize("builder", [single, multiple])
def test_choice_without_a_right_option_is_refused(builder: Any) -> None:
    """Is a choice exercise in which no option is right refused?"""
    exercise = builder()
    for optie in exercise["opties"]:
        optie.pop("juist", None)
    [(_, field, message)] = problems(bank_bytes(exercise))
    assert field.endswith("→ opties")
    assert "geen enkele optie is juist" in message


def test_single_choice_with_two_right_options_suggests_meervoudig() -> None:
    """Is a single choice with two right options refused, suggesting ‘soort: meervoudig’?"""
    exercise = single()
    exercise["opties"][1]["juist"] = True
    [(_, _, message)] = problems(bank_bytes(exercise))
    assert "soort: meervoudig" in message


def test_unknown_topic_is_refused() -> None:
    """Is an ‘onderwerp’ that is no principle or theme refused, listing what exists?"""
    [(_, field, message)] = problems(bank_bytes(single(onderwerp="geduld")))
    assert field == "oefening een-keuze → onderwerp"
    assert "positief" in message and "beroepsgeheim" in message


def test_matching_answer_outside_its_choices_is_refused() -> None:
    """Is a matching exercise whose right principle is missing from ‘keuzes’ refused?"""
    [(_, _, message)] = problems(bank_bytes(matching(keuzes=["participatie", "gestructureerd"])))
    assert "gecoordineerd" in message and "keuzes" in message


def test_matching_with_as_many_moments_as_principles_is_refused() -> None:
    """Is a matching exercise whose last pair would follow by itself (moments = principles) refused?"""
    exercise = matching(keuzes=["participatie", "gestructureerd", "gecoordineerd", "positief"])
    [(_, field, message)] = problems(bank_bytes(exercise))
    assert field == "oefening herkennen"
    assert "4 momenten en 4 principes" in message and "meer momenten dan principes" in message
