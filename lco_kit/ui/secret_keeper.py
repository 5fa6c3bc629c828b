"""Keeping the facilitator's secret in the browser tab, never in the page's address.

The reflection's facilitator page uses it: a reload reopens the session without asking for
the secret again, while neither the page's address (which ``/voila/query`` and the projector
show) nor its widgets keep it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from lco_kit.ui.widgets import escape

__all__ = ["SecretKeeper"]


class SecretKeeper(widgets.VBox):
    """Keeps the facilitator's secret in the browser tab, never in the page's address (class ``lco-geheim-bewaarder``).

    Two invisible parts talk with the template's script (``lco-geheim.html.j2``): a mark
    ``data-lco-geheim-bewaar`` asks the browser to keep a secret in ``sessionStorage`` (and
    ``data-lco-geheim-vergeet`` to forget it); a hidden text field receives the kept secret
    when the page opens again, and the echo when the browser has kept one. The kernel clears
    both at once, so the secret stays in neither the page nor the widgets.

    Args:
        on_secret: Called with a secret the browser hands over.
    """

    def __init__(self, on_secret: Callable[[str], None]) -> None:
        self.field = widgets.Text(value="")
        self.field.add_class("lco-geheim-bewaard")
        self.field.layout.display = "none"
        self.mark = widgets.HTML("")
        self.mark.add_class("lco-geheim-opslag")
        self.mark.layout.display = "none"
        super().__init__([self.field, self.mark])
        self.add_class("lco-geheim-bewaarder")
        self.layout.display = "none"
        self._on_secret = on_secret
        self.field.observe(self._arrived, names="value")

    def keep(self, secret: str) -> None:
        """Ask the browser to keep this secret for the tab."""
        self.mark.value = f'<span data-lco-geheim-bewaar="{escape(secret)}"></span>'

    def forget(self) -> None:
        """Ask the browser to forget the secret."""
        self.mark.value = '<span data-lco-geheim-vergeet="ja"></span>'

    def _arrived(self, change: dict[str, Any]) -> None:
        secret = str(change["new"]).strip()
        if not secret:
            return
        self.field.value = ""
        if "data-lco-geheim-bewaar" in self.mark.value:
            self.mark.value = ""
        self._on_secret(secret)
