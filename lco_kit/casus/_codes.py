"""Pydantic field types for the shared code lists and the keys of the casus's own data files.

A code field accepts a code, a label or a synonym from :mod:`lco_kit.codes` and keeps the
code; anything else is refused with the list's own Dutch message. Ids, texts and dates
follow the kit's one rule in :mod:`lco_kit.fields`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator

from lco_kit.codes import UnknownCodeError, lookup

__all__ = ["Aanvrager", "Code", "Knelpuntsoort", "Levensdomein", "Sector", "as_code"]

_CODE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_CODE_MAX = 40


def as_code(list_name: str) -> Callable[[str], str]:
    """Return a validator that turns a code, label or synonym into the list's code."""

    def convert(value: str) -> str:
        try:
            return lookup(list_name, value).code
        except UnknownCodeError as error:
            raise ValueError(str(error)) from None

    return convert


def _check_code(value: str) -> str:
    if not _CODE.match(value) or len(value) > _CODE_MAX:
        raise ValueError(
            f"‘{value}’ is geen geldige id: gebruik kleine letters, cijfers en streepjes, "
            f"zonder spaties (bijvoorbeeld ‘ocmw’ of ‘caw-schuldhulp’), hoogstens {_CODE_MAX} tekens."
        )
    return value


Code = Annotated[str, AfterValidator(_check_code)]
"""A key in the casus's own data files: a profile (``gezin_jonge_kinderen``, as a casus's
``profiel`` names it) or a service of the simulator (``caw_woonbegeleiding``). Like the code
lists' codes these may hold ``_``; the simulator writes a service into a casus with ``-``
(an :data:`lco_kit.fields.Id`)."""

Levensdomein = Annotated[str, AfterValidator(as_code("levensdomeinen"))]
Knelpuntsoort = Annotated[str, AfterValidator(as_code("knelpunten"))]
Sector = Annotated[str, AfterValidator(as_code("sectoren"))]
Aanvrager = Annotated[str, AfterValidator(as_code("aanvragers"))]
