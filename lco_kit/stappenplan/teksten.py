"""The stappenplan's fixed Dutch texts, read from ``lco_kit/data/stappenplan/teksten.yaml``."""

from __future__ import annotations

from lco_kit.casus import Status
from lco_kit.content import FixedTexts

__all__ = ["stappenplan_text", "status_text"]

stappenplan_text = FixedTexts("stappenplan/teksten.yaml")
"""Return a fixed text of the stappenplan, ``{placeholders}`` filled in."""


def status_text(status: Status) -> str:
    """Return how an agreement stands, in words (``niet gelukt``, ``nog open``…)."""
    return stappenplan_text(f"status_{status.replace(' ', '_')}")
