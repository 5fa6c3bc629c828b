"""The fixed Dutch texts of the exercises and the lesson, read from ``data/oefeningen_teksten.yaml``."""

from __future__ import annotations

from lco_kit.content import FixedTexts

__all__ = ["oefen_tekst"]

oefen_tekst = FixedTexts("oefeningen_teksten.yaml")
"""Return a fixed text of the exercises, ``{placeholders}`` filled in."""
