"""Numbers and lists written the Flemish way (``1.091``, ``28,0 %``), and values shortened for display."""

from __future__ import annotations

from collections.abc import Sequence

from lco_kit.dutch import number

__all__ = ["count_text", "number", "percent", "row_list", "show", "year_span"]

_SHOWN = 60


def percent(share: float | None, decimals: int = 0) -> str:
    """Return a share (0–1) as a Dutch percentage (``85 %``); None as a dash."""
    if share is None:
        return "–"
    return f"{number(share * 100, decimals)} %"


def count_text(count: int, one: str, many: str) -> str:
    """Return ``1 rij`` / ``12 rijen`` with the number written the Flemish way."""
    return f"{number(count)} {one if count == 1 else many}"


def row_list(rows: Sequence[int], limit: int = 5) -> str:
    """Return row numbers as a short list (``5, 9, 12 en nog 3``)."""
    shown = ", ".join(str(r) for r in rows[:limit])
    rest = len(rows) - limit
    return f"{shown} en nog {number(rest)}" if rest > 0 else shown


def year_span(years: Sequence[int]) -> str:
    """Return years as a span (``2009–2016``) or a single year."""
    if not years:
        return "geen jaren"
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def show(text: str) -> str:
    """Return a value shortened for display in a list of problems."""
    text = text.strip()
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
