"""The reflection pages' fixed texts as widgets: one line of text, and the facilitator page's own texts."""

from __future__ import annotations

import ipywidgets as widgets

from lco_kit.content import FixedTexts
from lco_kit.reflectie import text
from lco_kit.ui.widgets import escape, html_block

__all__ = ["btext", "text_block"]

btext = FixedTexts("reflectie/begeleider_teksten.yaml")
"""Return a fixed text of the facilitator page's key, traject, trend and paper parts."""


def text_block(key: str, css: str = "lco-reflectie-tekst", tag: str = "p", **values: object) -> widgets.HTML:
    """Return one fixed text of the reflection pages as a block (``<p>`` unless ``tag`` says otherwise)."""
    return html_block(f"<{tag}>{escape(text(key, **values))}</{tag}>", css)
