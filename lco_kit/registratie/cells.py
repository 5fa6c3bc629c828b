"""The rules for one cell: small functions from the text of a cell to a :class:`Cell`.

The rules live here once. The import applies them to every distinct value of a column
(:mod:`~lco_kit.registratie.validation`), :func:`~lco_kit.registratie.rows.check_row` to one
row given as a dict; both give the same Dutch reasons.

Examples:
    >>> parse_datum("31/02/2014").reason
    'deze datum bestaat niet: februari 2014 heeft 28 dagen.'
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from stdnum.be import nn as national_number

from lco_kit.codes import UnknownCodeError, code_list, lookup, lookup_gemeente, normalize
from lco_kit.dutch import MONTHS
from lco_kit.registratie._data import format_file
from lco_kit.registratie._format import show

__all__ = [
    "LCO_ID_MAX",
    "Cell",
    "cell_parsers",
    "cell_text",
    "parse_aantal",
    "parse_aanvrager",
    "parse_datum",
    "parse_gemeente",
    "parse_ja_nee",
    "parse_knelpunten",
    "parse_lco_id",
    "parse_levensdomeinen",
    "parse_opmerking",
    "parse_soort",
]

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 in the 1900 date system (after its 1900 leap bug)
LCO_ID_MAX = 60
"""The longest LCO number (``lco_id``) the registration takes, in characters."""


@dataclass(frozen=True)
class Cell:
    """What one cell holds after checking.

    Attributes:
        value: The parsed value (a date, a bool, an int, a code, a tuple of codes, text), or
            None when the cell is empty or invalid.
        reason: Why the cell is invalid, in Dutch; None when it is fine.
        warning: A note for the user that does not make the row invalid.
        shown: What to show as the value in a report (None: the value as written).
    """

    value: object = None
    reason: str | None = None
    warning: str | None = None
    shown: str | None = None


def cell_text(value: object) -> str:  # noqa: PLR0911  (one return per kind of cell reads best)
    """Return any cell value as the text the rules read.

    Spreadsheet cells come as numbers, dates and booleans; a row given as a dict may hold
    lists. They all become the text a person would have typed.

    Examples:
        >>> cell_text(dt.date(2014, 3, 5)), cell_text(3.0), cell_text(True), cell_text(["a", "b"])
        ('05/03/2014', '3', 'ja', 'a|b')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, list | tuple | set | frozenset):
        return format_file().lijstteken.join(cell_text(v) for v in value)
    return str(value)


# ------------------------------------------------------------------ one cell

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_SERIAL = re.compile(r"^(\d{4,6})(?:[.,]\d+)?$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_datum(text: str, today: dt.date | None = None) -> Cell:  # noqa: PLR0911  (one return per rule)
    """Read the date of an LCO: dd/mm/jjjj, jjjj-mm-dd, or an Excel date number.

    Args:
        text: The cell's text.
        today: The last date accepted (default: today).
    """
    raw = text.strip()
    if not raw:
        return Cell(reason="de cel is leeg; de datum van het overleg is verplicht.")
    today = today or dt.date.today()
    earliest = format_file().vroegste_jaar
    serial = _SERIAL.match(raw)
    if serial:
        number = int(serial.group(1))
        first, last = _excel_serial(dt.date(earliest, 1, 1)), _excel_serial(today)
        if first <= number <= last:
            day = _EXCEL_EPOCH + dt.timedelta(days=number)
            return _in_range(
                day,
                today,
                warning=f"datum als Excel-datumgetal {raw} gelezen als {day:%d/%m/%Y}",
            )
        return Cell(reason="dit is een getal, geen datum. Schrijf de datum als dd/mm/jjjj (bijvoorbeeld 14/03/2016).")
    match = _DMY.match(raw)
    if match:
        day_s, month_s, year_s = match.groups()
        if len(year_s) == 2:  # noqa: PLR2004  (a two-digit year)
            return Cell(reason="schrijf het jaar met vier cijfers (bijvoorbeeld 14/03/2016).")
        return _build_date(int(year_s), int(month_s), int(day_s), today, day_first=True)
    match = _YMD.match(raw)
    if match:
        year_s, month_s, day_s = match.groups()
        return _build_date(int(year_s), int(month_s), int(day_s), today, day_first=False)
    return Cell(reason="dit is geen datum. Schrijf de datum als dd/mm/jjjj, bijvoorbeeld 14/03/2016.")


def _excel_serial(day: dt.date) -> int:
    return (day - _EXCEL_EPOCH).days


def _build_date(year: int, month: int, day: int, today: dt.date, *, day_first: bool) -> Cell:
    if not 1 <= month <= 12:  # noqa: PLR2004
        hint = " Schrijf de datum als dag/maand/jaar." if day_first and 1 <= day <= 12 else ""  # noqa: PLR2004
        return Cell(reason=f"maand {month} bestaat niet.{hint}")
    days_in_month = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31  # noqa: PLR2004
    if not 1 <= day <= days_in_month:
        return Cell(reason=f"deze datum bestaat niet: {MONTHS[month - 1]} {year} heeft {days_in_month} dagen.")
    return _in_range(dt.date(year, month, day), today)


def _in_range(day: dt.date, today: dt.date, warning: str | None = None) -> Cell:
    earliest = format_file().vroegste_jaar
    if day.year < earliest:
        return Cell(reason=f"deze datum ligt vóór {earliest}; kijk het jaar na.")
    if day > today:
        return Cell(reason="deze datum ligt in de toekomst; een LCO wordt geregistreerd nadat het plaatsvond.")
    return Cell(value=day, warning=warning)


def parse_gemeente(text: str) -> Cell:
    """Read a municipality: a known name is written as the kit writes it; an unknown one is kept, with a warning."""
    raw = text.strip()
    if not raw:
        return Cell(reason="de cel is leeg; de gemeente is verplicht.")
    match = lookup_gemeente(raw)
    if match.bekend:
        return Cell(value=match.naam)
    return Cell(value=raw, warning=match.waarschuwing)


@cache
def _spellings() -> tuple[dict[str, bool], dict[str, str]]:
    spec = format_file()
    yes_no = {normalize(v): True for v in spec.ja} | {normalize(v): False for v in spec.nee}
    kinds = {normalize(v): "eerste" for v in spec.soort.eerste} | {normalize(v): "opvolg" for v in spec.soort.opvolg}
    return yes_no, kinds


def _suggest(raw: str, options: Sequence[str]) -> str:
    guess = difflib.get_close_matches(raw.casefold(), list(options), n=1, cutoff=0.6)
    return f" Bedoel je ‘{guess[0]}’?" if guess else ""


def _one_of_two(text: str, spellings: int, first: str, second: str) -> Cell:
    """Read a cell that holds one of two words, in any of the spellings the format allows."""
    raw = text.strip()
    if not raw:
        return Cell(reason=f"de cel is leeg; vul ‘{first}’ of ‘{second}’ in.")
    found = _spellings()[spellings].get(normalize(raw))
    if found is None:
        return Cell(reason=f"verwacht ‘{first}’ of ‘{second}’.{_suggest(raw, [first, second])}")
    return Cell(value=found)


def parse_ja_nee(text: str) -> Cell:
    """Read a yes/no cell (``ja``/``nee``; also j/n, waar/onwaar, 1/0)."""
    return _one_of_two(text, 0, "ja", "nee")


def parse_soort(text: str) -> Cell:
    """Read the kind of LCO: ``eerste`` or ``opvolg``."""
    return _one_of_two(text, 1, "eerste", "opvolg")


def parse_aanvrager(text: str) -> Cell:
    """Read who asked for the LCO: a code or label of the list ``aanvragers``."""
    raw = text.strip()
    if not raw:
        return Cell(reason="de cel is leeg; vul in wie het LCO aanvroeg.")
    code = _code("aanvragers", raw)
    return Cell(value=code) if code is not None else Cell(reason=_unknown_code("aanvragers", raw))


def parse_aantal(text: str) -> Cell:  # noqa: PLR0911  (one return per rule)
    """Read the number of participants: a whole number of at least 1 (``3,0`` is 3)."""
    raw = text.strip()
    if not raw:
        return Cell(reason="de cel is leeg; vul het aantal deelnemers in (de cliënt meegeteld).")
    if not _NUMBER.match(raw):
        return Cell(reason="dit is geen getal; vul het aantal deelnemers in als geheel getal, bijvoorbeeld 6.")
    try:
        number = Decimal(raw.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern above only lets numbers through
        return Cell(reason="dit is geen getal.")
    if number < 0:
        return Cell(reason="een aantal deelnemers kan niet negatief zijn.")
    if number != number.to_integral_value():
        return Cell(reason="het aantal deelnemers moet een geheel getal zijn (geen kommagetal).")
    whole = int(number)
    if whole < 1:
        return Cell(reason="er is minstens 1 deelnemer (de cliënt of een hulpverlener).")
    maximum = format_file().max_deelnemers
    if whole > maximum:
        return Cell(reason=f"meer dan {maximum} deelnemers lijkt een tikfout; kijk het aantal na.")
    return Cell(value=whole)


def _parse_codes(list_name: str, text: str, *, at_least_one: bool) -> Cell:
    separator = format_file().lijstteken
    parts = [p.strip() for p in text.split(separator)]
    parts = [p for p in parts if p]
    if not parts:
        if at_least_one:
            return Cell(
                reason=f"de cel is leeg; noem minstens één levensdomein (meerdere gescheiden door {separator})."
            )
        return Cell(value=())
    codes: list[str] = []
    for part in parts:
        code = _code(list_name, part)
        if code is None:
            return Cell(reason=_wrong_separator(list_name, part) or _unknown_code(list_name, part))
        if code not in codes:
            codes.append(code)
    return Cell(value=tuple(codes))


def _wrong_separator(list_name: str, part: str) -> str | None:
    for wrong in (",", ";", "/", "+"):
        pieces = [p.strip() for p in part.split(wrong) if p.strip()]
        if len(pieces) > 1 and all(_known(list_name, p) for p in pieces):
            return f"scheid meerdere waarden met {format_file().lijstteken}, niet met ‘{wrong}’."
    return None


def _known(list_name: str, value: str) -> bool:
    return _code(list_name, value) is not None


@cache
def _code(list_name: str, value: str) -> str | None:
    """Return the code a value stands for in a shared list, or None (remembered: files repeat values)."""
    try:
        return lookup(list_name, value).code
    except UnknownCodeError:
        return None


def parse_levensdomeinen(text: str) -> Cell:
    """Read one or more life domains, separated by ``|`` (codes or labels)."""
    return _parse_codes("levensdomeinen", text, at_least_one=True)


def parse_knelpunten(text: str) -> Cell:
    """Read zero or more knelpunt categories, separated by ``|`` (codes or labels)."""
    return _parse_codes("knelpunten", text, at_least_one=False)


def parse_lco_id(text: str) -> Cell:
    """Read the LCO's own number: optional, short, and never a person's national number."""
    raw = text.strip()
    if not raw:
        return Cell(value=None)
    digits = re.sub(r"[\s./-]", "", raw)
    if len(digits) == 11 and digits.isdigit() and national_number.is_valid(digits):  # noqa: PLR2004
        return Cell(
            reason="dit lijkt een rijksregisternummer. Gebruik een eigen nummer voor het overleg, "
            "nooit een persoonsnummer.",
            shown="(verborgen: lijkt een rijksregisternummer)",
        )
    if len(raw) > LCO_ID_MAX:
        return Cell(reason=f"een lco_id is hoogstens {LCO_ID_MAX} tekens lang.")
    return Cell(value=raw)


def parse_opmerking(text: str) -> Cell:
    """Read the free-text remark (any text; never shown on a chart)."""
    raw = text.strip()
    return Cell(value=raw or None)


def cell_parsers(today: dt.date | None = None) -> dict[str, Callable[[str], Cell]]:
    """Return the rule for each column, the date rule fixed to ``today``."""
    day = today or dt.date.today()
    return {
        "datum": lambda text: parse_datum(text, day),
        "gemeente": parse_gemeente,
        "soort": parse_soort,
        "aanvrager": parse_aanvrager,
        "client_aanwezig": parse_ja_nee,
        "minderjarige_betrokken": parse_ja_nee,
        "aantal_deelnemers": parse_aantal,
        "levensdomeinen": parse_levensdomeinen,
        "knelpunten": parse_knelpunten,
        "lco_id": parse_lco_id,
        "opmerking": parse_opmerking,
    }


_WHAT = {"aanvragers": "aanvrager", "levensdomeinen": "levensdomein", "knelpunten": "soort knelpunt"}


def _unknown_code(list_name: str, value: str) -> str:
    labels = code_list(list_name).labels
    by_folded = {label.casefold(): label for label in labels}
    guess = difflib.get_close_matches(value.casefold(), list(by_folded), n=1)
    hint = f" Bedoel je ‘{by_folded[guess[0]]}’?" if guess else ""
    return f"‘{show(value)}’ is geen {_WHAT[list_name]} uit de lijst van de kit.{hint} Kies uit: {', '.join(labels)}."
