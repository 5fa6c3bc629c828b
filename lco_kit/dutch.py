"""How the kit writes dates in Dutch: one list of month names for every page, PDF and message.

Kept apart from the PDF writer so that pages and checks can use it without loading fpdf.
"""

from __future__ import annotations

from datetime import date

__all__ = ["MONTHS", "dutch_date"]

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
