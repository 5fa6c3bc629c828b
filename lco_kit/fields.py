"""Field types every content model shares: one id rule, one text rule, one date rule.

A casus, an exercise bank and the principles all name things with ids and hold texts a
facilitator writes; they follow the same rules here, so a message about an id reads the
same wherever the id stands.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

__all__ = ["ID_MAX", "Datum", "Id", "Tekst", "check_date", "check_id"]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 60
"""The longest id, in characters."""


def check_id(value: str) -> str:
    """Return ``value`` when it is a valid id; raise a Dutch ``ValueError`` otherwise.

    Examples:
        >>> check_id("caw-schuldhulp")
        'caw-schuldhulp'
        >>> check_id("CAW schuldhulp")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: ‘CAW schuldhulp’ is geen geldige id: gebruik kleine letters, cijfers en streepjes, ...
    """
    if not _ID.match(value) or len(value) > ID_MAX:
        raise ValueError(
            f"‘{value}’ is geen geldige id: gebruik kleine letters, cijfers en streepjes, "
            f"zonder spaties (bijvoorbeeld ‘ocmw’ of ‘caw-schuldhulp’), hoogstens {ID_MAX} tekens."
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("mag niet leeg zijn.")
    return value


def check_date(value: object) -> object:
    """Return a date written as JJJJ-MM-DD (YAML keeps it as text); raise a Dutch ``ValueError`` for anything else."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"‘{value}’ is geen bestaande datum.") from None
    raise ValueError(f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-03-15), gevonden: ‘{value}’.")


Tekst = Annotated[str, AfterValidator(_not_blank)]
"""Text that may not be empty (nor only spaces)."""

Id = Annotated[str, AfterValidator(check_id)]
"""A short name for a provider (``ocmw``, ``caw-schuldhulp``), a casus, an exercise or a principle."""

Datum = Annotated[date, BeforeValidator(check_date)]
"""A date written as JJJJ-MM-DD; nothing else is read as a date."""
