"""The role-play's fixed Dutch texts, read from ``lco_kit/data/rollenspel/teksten.yaml``.

Card headings, the fallbacks used when a casus lacks something, the messages of the checks,
the texts of the practice and facilitator pages and of the command line: one file, so that
a facilitator can read and adapt them.
"""

from __future__ import annotations

from lco_kit.content import FixedTexts

__all__ = ["rollenspel_text"]


rollenspel_text = FixedTexts("rollenspel/teksten.yaml")
"""Return a fixed text of the role-play, ``{placeholders}`` filled in."""
