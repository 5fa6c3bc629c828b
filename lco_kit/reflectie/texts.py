"""The reflection pages' fixed Dutch texts, kept in ``data/reflectie/teksten.yaml``.

A facilitator may replace the file in their own content folder, like every content file.
"""

from __future__ import annotations

from lco_kit.content import FixedTexts

__all__ = ["TEXTS_FILE", "text"]

TEXTS_FILE = "reflectie/teksten.yaml"


text = FixedTexts(TEXTS_FILE)
"""Return a fixed text of the reflection pages, ``{placeholders}`` filled in."""
