"""Pydantic's errors in Dutch: the message, the line and the field, whatever model asked."""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from lco_kit.errors import ContentError
from lco_kit.validation import translate_validation_error


class _Rol(BaseModel):
    model_config = ConfigDict(extra="forbid")
    naam: str
    soort: Literal["ocmw", "caw", "cgg"]


class _Bestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int
    rollen: list[_Rol]


def _translated(data: object, lines: dict[tuple[str | int, ...], int]) -> ContentError:
    with pytest.raises(ValidationError) as caught:
        _Bestand.model_validate(data)
    return translate_validation_error(caught.value, lines, "rollen.yaml", _Bestand)


def test_each_problem_names_its_field_and_line_in_dutch() -> None:
    """Does a wrong choice two levels deep come back with its line, its field and a Dutch 'of'?"""
    error = _translated(
        {"schema_version": 1, "rollen": [{"naam": "Sofie", "soort": "mutualiteit"}]},
        {("rollen",): 2, ("rollen", 0): 3, ("rollen", 0, "soort"): 4},
    )
    [problem] = error.problems
    assert problem.line == 4
    assert problem.field == "rollen → nr. 1 → soort"
    assert "‘mutualiteit’ is hier niet mogelijk" in problem.message
    assert "'caw' of 'cgg'" in problem.message
    assert " or " not in problem.message


def test_an_unknown_field_gets_a_suggestion_but_never_schema_version() -> None:
    """Is a misspelt field answered with the closest real field, and is schema_version never offered?"""
    error = _translated(
        {"schema_version": 1, "rollen": [{"naam": "Sofie", "sort": "caw"}], "schema_versio": 2},
        {("rollen", 0, "sort"): 5, ("schema_versio",): 9},
    )
    messages = {problem.line: problem.message for problem in error.problems}
    assert "Bedoel je ‘soort’?" in messages[5]
    assert "Bedoel je" not in messages[9]


def test_problems_are_sorted_by_line_and_a_missing_field_points_at_its_parent() -> None:
    """Does a missing field point at the line of the group it is missing from, in reading order?"""
    error = _translated(
        {"schema_version": "een", "rollen": [{"soort": "caw"}]},
        {("schema_version",): 1, ("rollen",): 2, ("rollen", 0): 3},
    )
    assert [problem.line for problem in error.problems] == [1, 3]
    assert "verwacht een geheel getal, gevonden: ‘een’" in error.problems[0].message
    assert error.problems[1].message == "dit veld ontbreekt; het is verplicht."


def test_a_refused_pasted_page_does_not_come_back_whole() -> None:
    """Is a validator's Dutch message that quotes a huge value shortened (a pasted page stays out)?"""

    class _Kort(BaseModel):
        tekst: str

        @field_validator("tekst")
        @classmethod
        def _kort(cls, value: str) -> str:
            raise ValueError(f"‘{value}’ is te lang voor een naam.")

    with pytest.raises(ValidationError) as caught:
        _Kort.model_validate({"tekst": "x" * 5000})
    [problem] = translate_validation_error(caught.value, {}, "kort.yaml", _Kort).problems
    assert problem.message.startswith("‘xxx")
    assert len(problem.message) <= 400
