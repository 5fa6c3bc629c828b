"""The registration's columns, and which header of a file stands for which column.

One row per LCO; the columns and the other names a header may have are in the format file
(``data/registratie/formaat.yaml``). Only this package knows them.

Examples:
    >>> match_headers(["Datum", "Cliënt aanwezig", "Extra"]).columns
    {'datum': 0, 'client_aanwezig': 1}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from lco_kit.codes import normalize
from lco_kit.errors import LcoError
from lco_kit.registratie._data import COLUMN_NAMES, format_file
from lco_kit.registratie._format import show

__all__ = [
    "LIST_COLUMNS",
    "REGISTRATION_COLUMNS",
    "REQUIRED_COLUMNS",
    "HeaderMatch",
    "column_for_header",
    "column_letter",
    "header_score",
    "match_headers",
]

REGISTRATION_COLUMNS: tuple[str, ...] = COLUMN_NAMES
"""Every column of the format, in the order of the template."""
REQUIRED_COLUMNS: tuple[str, ...] = REGISTRATION_COLUMNS[:9]
"""The columns every file must have (``knelpunten`` must exist but a cell may be empty)."""
LIST_COLUMNS: dict[str, str] = {"levensdomeinen": "levensdomeinen", "knelpunten": "knelpunten"}
"""Columns that hold several codes separated by ``|``, with the code list each uses."""


def column_letter(index: int) -> str:
    """Return a 0-based column index as a spreadsheet letter (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@cache
def _header_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for spec in format_file().kolommen:
        index[normalize(spec.naam)] = (spec.naam, 0)
    for spec in format_file().kolommen:
        for other in spec.andere_koppen:
            index.setdefault(normalize(other), (spec.naam, 1))
    return index


def column_for_header(header: str) -> str | None:
    """Return the registration column a header stands for, or None.

    Case, accents, spaces and underscores do not count: ``Cliënt aanwezig`` is ``client_aanwezig``.
    """
    found = _header_index().get(normalize(header))
    return found[0] if found else None


@dataclass(frozen=True)
class HeaderMatch:
    """Which column of a file holds which registration column.

    Attributes:
        columns: Registration column → 0-based position in the file.
        headers: Every header of the file, as written.
        ignored: Headers with a name that the kit does not use.
        missing: Required registration columns that no header stands for.
    """

    columns: dict[str, int]
    headers: tuple[str, ...]
    ignored: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def match_headers(headers: Sequence[str], mapping: Mapping[str, str] | None = None) -> HeaderMatch:
    """Tie a file's headers to the registration columns.

    A header is matched by its name (case, accents, spaces and underscores ignored), then by
    the other names the format lists; a mapping chosen by the user wins over both.

    Args:
        headers: The header cells, in file order.
        mapping: Header as written in the file → registration column (``""`` to leave it out).

    Returns:
        The match; required columns that are missing are listed, not raised.

    Raises:
        LcoError: When two headers stand for the same column (say which, with their letters),
            or when the mapping names a header or column that does not exist.
    """
    headers = tuple(str(h).strip() for h in headers)
    chosen: dict[str, tuple[int, int]] = {}  # column → (position, level)
    taken_by_mapping: set[int] = set()
    for header, column in (mapping or {}).items():
        positions = [i for i, h in enumerate(headers) if h == header.strip()]
        if not positions:
            raise LcoError(f"De kolom ‘{show(header)}’ staat niet in dit bestand; kies een kolom die er wel in staat.")
        if column and column not in REGISTRATION_COLUMNS:
            raise LcoError(
                f"‘{show(column)}’ is geen kolom van de registratie. Kies uit: {', '.join(REGISTRATION_COLUMNS)}."
            )
        taken_by_mapping.update(positions)
        if column:
            if column in chosen:
                other = headers[chosen[column][0]]
                raise LcoError(f"Je koppelde zowel ‘{show(other)}’ als ‘{show(header)}’ aan ‘{column}’. Kies er één.")
            chosen[column] = (positions[0], -1)
    collisions: list[str] = []
    for position, header in enumerate(headers):
        if position in taken_by_mapping or not header:
            continue
        found = _header_index().get(normalize(header))
        if found is None:
            continue
        column, level = found
        if column in chosen:
            previous, previous_level = chosen[column]
            if previous_level == level:
                collisions.append(
                    f"‘{show(headers[previous])}’ (kolom {column_letter(previous)}) en ‘{show(header)}’ "
                    f"(kolom {column_letter(position)}) betekenen allebei ‘{column}’"
                )
            elif level < previous_level:
                chosen[column] = (position, level)
            continue
        chosen[column] = (position, level)
    if collisions:
        raise LcoError(
            "Twee kolomkoppen betekenen hetzelfde: "
            + "; ".join(collisions)
            + ". Verwijder of hernoem er één, zodat elke kolom maar één keer voorkomt."
        )
    used = {position for position, _ in chosen.values()}
    ignored = tuple(h for i, h in enumerate(headers) if h and i not in used)
    missing = tuple(c for c in REQUIRED_COLUMNS if c not in chosen)
    return HeaderMatch(
        columns={c: chosen[c][0] for c in REGISTRATION_COLUMNS if c in chosen},
        headers=headers,
        ignored=ignored,
        missing=missing,
    )


def header_score(cells: Sequence[str]) -> int:
    """Return how many cells of a row are headers of the format (to find the header row)."""
    return len({column_for_header(str(c)) for c in cells if str(c).strip()} - {None})
