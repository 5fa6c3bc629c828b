"""Pydantic field types for the shared code lists and the casus's own identifiers.

A code field accepts a code, a label or a synonym from :mod:`lco_kit.codes` and keeps the
code; anything else is refused with the list's own Dutch message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from lco_kit.codes import UnknownCodeError, lookup

__all__ = ["Aanvrager", "Datum", "Id", "Knelpuntsoort", "Levensdomein", "Sector", "Tekst", "as_code"]

_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_ID_MAX = 40


def as_code(list_name: str) -> Callable[[str], str]:
    """Return a validator that turns a code, label or synonym into the list's code."""

    def convert(value: str) -> str:
        try:
            return lookup(list_name, value).code
        except UnknownCodeError as error:
            raise ValueError(str(error)) from None

    return convert


def _check_id(value: str) -> str:
    if not _ID.match(value) or len(value) > _ID_MAX:
        raise ValueError(
            f"‘{value}’ is geen geldige id: gebruik kleine letters, cijfers en streepjes, "
            f"zonder spaties (bijvoorbeeld ‘ocmw’ of ‘caw-schuldhulp’), hoogstens {_ID_MAX} tekens."
        )
    return value


def _iso_date(value: object) -> object:
    """Accept only a date written as JJJJ-MM-DD (YAML keeps it as text)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"‘{value}’ is geen bestaande datum.") from None
    raise ValueError(f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-03-15), gevonden: ‘{value}’.")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("mag niet leeg zijn.")
    return value


Tekst = Annotated[str, AfterValidator(_not_blank)]
"""Text that may not be empty."""

Id = Annotated[str, AfterValidator(_check_id)]
"""A short name to refer to a provider (``ocmw``, ``caw-schuldhulp``) or a casus."""

Levensdomein = Annotated[str, AfterValidator(as_code("levensdomeinen"))]
Knelpuntsoort = Annotated[str, AfterValidator(as_code("knelpunten"))]
Sector = Annotated[str, AfterValidator(as_code("sectoren"))]
Aanvrager = Annotated[str, AfterValidator(as_code("aanvragers"))]
Datum = Annotated[date, BeforeValidator(_iso_date)]
"""A date written as JJJJ-MM-DD; nothing else is read as a date."""
