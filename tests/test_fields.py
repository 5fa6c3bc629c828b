"""The one id, text and date rule every content model shares."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel, ValidationError

from lco_kit.fields import ID_MAX, Datum, Id, Tekst, check_id


class _Deel(BaseModel):
    id: Id
    tekst: Tekst
    datum: Datum


def _refused(**values: object) -> str:
    fields = {"id": "ocmw", "tekst": "Samen rond de tafel.", "datum": "2026-03-15", **values}
    with pytest.raises(ValidationError) as caught:
        _Deel.model_validate(fields)
    return str(caught.value)


@pytest.mark.parametrize("value", ["ocmw", "caw-schuldhulp", "lco-2026-1", "a" * ID_MAX])
def test_an_id_of_lowercase_letters_digits_and_hyphens_is_kept(value: str) -> None:
    """Is a short lowercase id with hyphens kept as it is, up to the longest allowed?"""
    assert check_id(value) == value


@pytest.mark.parametrize("value", ["CAW", "caw schuldhulp", "caw_schuldhulp", "-caw", "caw-", "caw--x", "", "a" * 61])
def test_anything_else_is_refused_with_the_one_dutch_message(value: str) -> None:
    """Is every other id refused with the same Dutch message, naming the id and the longest length?"""
    assert "geen geldige id" in _refused(id=value)
    assert f"hoogstens {ID_MAX} tekens" in _refused(id=value)


@pytest.mark.parametrize("value", ["", "   ", "\n\t"])
def test_a_text_may_not_be_empty_nor_only_spaces(value: str) -> None:
    """Is an empty text, or one of only spaces, refused in Dutch?"""
    assert "mag niet leeg zijn." in _refused(tekst=value)


def test_a_date_is_read_only_as_jjjj_mm_dd() -> None:
    """Is a date read from JJJJ-MM-DD (text or a date) and anything else refused, saying the format?"""
    assert _Deel(id="x", tekst="t", datum="2026-03-15").datum == date(2026, 3, 15)
    assert _Deel(id="x", tekst="t", datum=date(2026, 3, 15)).datum == date(2026, 3, 15)
    assert "JJJJ-MM-DD" in _refused(datum="15/03/2026")
    assert "JJJJ-MM-DD" in _refused(datum=20260315)
    assert "geen bestaande datum" in _refused(datum="2026-02-30")
