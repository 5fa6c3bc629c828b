"""The fixed Dutch texts of the kit's widgets, kept in one data file (``data/ui_teksten.yaml``)."""

from __future__ import annotations

from lco_kit.content import FixedTexts

__all__ = ["text"]


text = FixedTexts("ui_teksten.yaml")
"""Return a fixed text of the widgets, ``{placeholders}`` filled in."""
