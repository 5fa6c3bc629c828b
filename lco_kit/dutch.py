"""How the kit writes dates and numbers in Dutch: one list of month names, one way to round.

Kept apart from the PDF writer so that pages and checks can use it without loading fpdf.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["MONTHS", "dutch_date", "number"]

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
"""The Dutch month names, January first."""


def dutch_date(day: date) -> str:
    """Return a date as Dutch words.

    Examples:
        >>> dutch_date(date(2026, 11, 22))
        '22 november 2026'
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def number(value: float, decimals: int = 0) -> str:
    """Return a number the Flemish way: a point between thousands, a decimal comma, halves rounded up.

    Halves go away from zero, as people round on paper (``6,25`` → ``6,3``), not to the
    nearest even digit as Python's ``round`` and ``format`` do with binary floats.

    Args:
        value: The number.
        decimals: How many digits after the comma.

    Examples:
        >>> number(1091), number(6.25, 1), number(0.125, 2), number(2.5)
        ('1.091', '6,3', '0,13', '3')
        >>> number(-6.25, 1), number(1234567.891, 2)
        ('-6,3', '1.234.567,89')
    """
    exact = Decimal(str(value))
    if exact.is_finite():
        exact = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = f"{exact:,.{decimals}f}"
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
