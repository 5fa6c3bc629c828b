"""The reflection pages' fixed Dutch texts, kept in ``data/reflectie/teksten.yaml``, and how a score reads.

A facilitator may replace the file in their own content folder, like every content file.
"""

from __future__ import annotations

from lco_kit.content import FixedTexts

__all__ = ["TEXTS_FILE", "score_text", "text"]

TEXTS_FILE = "reflectie/teksten.yaml"


text = FixedTexts(TEXTS_FILE)
"""Return a fixed text of the reflection pages, ``{placeholders}`` filled in."""


def score_text(value: float | None, signed: bool = False) -> str:
    """Return a mean or a gap as the pages, the PDF and the exports show it: one decimal, a comma.

    Examples:
        >>> score_text(3.25), score_text(-1.0, signed=True), score_text(None)
        ('3,2', '-1,0', '–')
    """
    if value is None:
        return "–"
    return (f"{value:+.1f}" if signed else f"{value:.1f}").replace(".", ",")
