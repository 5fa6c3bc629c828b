"""The registration row of one LCO: what a stappenplan knows, as a row of the registration format.

A stappenplan fills in :class:`LcoGegevens` (a small typed record: the day, the
municipality, who was there, the life domains and knelpunten as codes); only this package
knows the registration's columns. :func:`registratie_rij` turns the record into the row,
checked with the format's own single-row rules (:func:`~lco_kit.registratie.check_row`, the
same rules as the yearly import), so the LCO's knelpunten reach the registration charts;
:func:`registratie_csv` writes rows as CSV for Belgian Excel.

No pandas here: a stappenplan makes its row without loading the registration's analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lco_kit.codes import code_list
from lco_kit.content import FixedTexts
from lco_kit.errors import LcoError
from lco_kit.registratie.cells import LCO_ID_MAX, cell_text
from lco_kit.registratie.columns import REGISTRATION_COLUMNS
from lco_kit.registratie.rows import check_row

__all__ = ["LCO_ID_MAX", "LcoGegevens", "lco_id", "registratie_csv", "registratie_rij"]

_text = FixedTexts("registratie/lco_rij.yaml")


@dataclass(frozen=True)
class LcoGegevens:
    """What the registration records of one LCO, as a stappenplan knows it.

    Attributes:
        datum: The day of the meeting.
        gemeente: The municipality.
        soort: ``eerste`` or ``opvolg``.
        aanvrager: Who asked for the LCO: a code of the ``aanvragers`` list.
        client_aanwezig: Whether the client sat at the table.
        minderjarige_betrokken: Whether the household has minors.
        aantal_deelnemers: How many people took part.
        levensdomeinen: Codes of the life domains discussed.
        knelpunten: Codes of the knelpunten noted (the same one may come twice).
        casus_id: The casus the LCO was about (the start of the LCO's own number).
        traject_id: The casus traject, if any (the end of the LCO's own number).
    """

    datum: date
    gemeente: str
    soort: Literal["eerste", "opvolg"]
    aanvrager: str
    client_aanwezig: bool
    minderjarige_betrokken: bool
    aantal_deelnemers: int
    levensdomeinen: tuple[str, ...]
    knelpunten: tuple[str, ...]
    casus_id: str
    traject_id: str | None = None


def lco_id(casus_id: str, datum: date, traject_id: str | None = None) -> str:
    """Return the LCO's own number in the registration: the casus, the day and, when there is one, the traject.

    At most :data:`LCO_ID_MAX` characters: a long casus id is shortened, the date and the
    traject's id are kept whole, so the row leads back to its traject.

    Examples:
        >>> lco_id("gezin-lotte-genk", date(2026, 3, 2), "k7m2p9q4rt")
        'gezin-lotte-genk-20260302-k7m2p9q4rt'
    """
    tail = f"-{datum:%Y%m%d}" + (f"-{traject_id}" if traject_id else "")
    return casus_id[: LCO_ID_MAX - len(tail)].rstrip("-") + tail


def registratie_rij(gegevens: LcoGegevens, *, today: date | None = None) -> dict[str, str]:
    """Return the registration row of one LCO, checked with the registration's own rules.

    Args:
        gegevens: What the registration records of the LCO.
        today: The last date the registration accepts (default: today).

    Returns:
        Column → text, in the order of :data:`~lco_kit.registratie.REGISTRATION_COLUMNS`.

    Raises:
        LcoError: When the row breaks a rule of the registration format (its own Dutch
            message, with the column).
    """
    knelpunten = code_list("knelpunten")
    seen: list[str] = []
    for code in gegevens.knelpunten:
        label = knelpunten.label(code)
        if label not in seen:
            seen.append(label)
    domains = code_list("levensdomeinen")
    values: dict[str, object] = {
        "datum": gegevens.datum,
        "gemeente": gegevens.gemeente,
        "soort": gegevens.soort,
        "aanvrager": code_list("aanvragers").label(gegevens.aanvrager),
        "client_aanwezig": gegevens.client_aanwezig,
        "minderjarige_betrokken": gegevens.minderjarige_betrokken,
        "aantal_deelnemers": gegevens.aantal_deelnemers,
        "levensdomeinen": [domains.label(code) for code in gegevens.levensdomeinen],
        "knelpunten": seen,
        "lco_id": lco_id(gegevens.casus_id, gegevens.datum, gegevens.traject_id),
        "opmerking": "",
    }
    row = {column: cell_text(values[column]) for column in REGISTRATION_COLUMNS}
    check = check_row(row, today=today)
    if check.problems:
        lines = [_text("registratie_fout")] + [f"- {p.describe()}" for p in check.problems]
        raise LcoError("\n".join(lines))
    return row


def registratie_csv(gegevens: LcoGegevens | Sequence[LcoGegevens], *, today: date | None = None) -> bytes:
    """Return the registration rows of one or more LCOs as CSV for Belgian Excel.

    The file has the registration format's columns, so it can be added to a year's export
    or read on the registration page, where its knelpunten join the charts.
    """
    from lco_kit.export import to_belgian_csv  # noqa: PLC0415  (pandas only when a file is made)

    chosen = [gegevens] if isinstance(gegevens, LcoGegevens) else list(gegevens)
    return to_belgian_csv([registratie_rij(one, today=today) for one in chosen])
