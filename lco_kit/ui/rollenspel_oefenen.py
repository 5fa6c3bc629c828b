"""Page 30: solo practice of the role-play.

:func:`oefen_rollenspel` → :class:`OefenRollenspel`: choose a casus, play it through the
five phases moment by moment with feedback, and see the score per role at the end. All
logic lives in :mod:`lco_kit.rollenspel`.

CSS classes for tests: ``lco-rollenspel-oefenen`` (the main widget); the chooser's
``lco-casus-kiezer``; ``lco-rs-start``, ``lco-rs-rollen-knop``, ``lco-rs-speelveld``; the
player's ``lco-rs-speler``, ``lco-rs-fasen``, ``lco-rs-voortgang``, ``lco-rs-moment`` (its
content marked ``lco-rs-moment-id-<id>``), ``lco-rs-opties``, ``lco-rs-kies``,
``lco-rs-uitleg``, ``lco-rs-volgende``, ``lco-rs-score``, ``lco-rs-score-rol-<rol>``,
``lco-rs-opnieuw``.
"""

from __future__ import annotations

import random

import ipywidgets as widgets

from lco_kit.casus import Casus, require_lco
from lco_kit.errors import LcoError
from lco_kit.rollenspel import build_scenario, rollenspel_text
from lco_kit.traject import Traject, new_traject
from lco_kit.ui.casus_kiezer import CasusKiezer
from lco_kit.ui.page_address import when_requested
from lco_kit.ui.rollenspel_html import roles_overview_html
from lco_kit.ui.rollenspel_speler import MomentSpeler
from lco_kit.ui.traject import TrajectBalk
from lco_kit.ui.widgets import MessageArea, button, button_row, guarded, html_block, section

__all__ = ["OefenRollenspel", "oefen_rollenspel"]

t = rollenspel_text


def oefen_rollenspel(seed: int | None = None, query: str | None = None) -> OefenRollenspel:
    """Return the solo practice page's main widget.

    The page opens the traject named in its address (``?traject=…``) once a person opens it,
    without holding its cell in a kept kernel (see :func:`~lco_kit.ui.page_address.when_requested`).

    Args:
        seed: Makes the order of the options repeatable (tests); None differs each visit.
        query: The address's query (tests); None: read it when a person opens the page.
    """
    page = OefenRollenspel(seed=seed)
    if query is not None:
        page.open_address(query)
    else:
        when_requested(page.open_address, page)
    return page


class OefenRollenspel(widgets.VBox):
    """Solo practice: choose a casus, play it through the five phases, see the score per role."""

    def __init__(self, *, seed: int | None = None) -> None:
        self._rng = random.Random(seed)  # noqa: S311  (the order of the options, not security)
        self.messages = MessageArea()
        self.kiezer = CasusKiezer(self._casus_changed, self.messages)
        self.start = button(t("knop_start"), "primary", "lco-rs-start")
        self.start.on_click(lambda _: guarded(self.messages, t("wat_start"))(self.begin)())
        self.rollen_knop = button(t("knop_rollen"), "", "lco-rs-rollen-knop")
        self.rollen = html_block(roles_overview_html(), "lco-rs-rollen-vak")
        self.rollen.layout.display = "none"
        self.rollen_knop.on_click(lambda _: self._toggle(self.rollen))
        self.speelveld = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.speelveld.add_class("lco-rs-speelveld")
        self.speler: MomentSpeler | None = None
        self._address_read = False
        self._opening = False
        self.traject = TrajectBalk(self.messages, self._open_traject, ["stappenplan"])
        super().__init__(
            [
                section(t("oefen_kies_titel"), t("oefen_kies_uitleg"), [self.kiezer], "lco-rs-sectie-casus"),
                button_row(self.start, self.rollen_knop),
                self.rollen,
                self.speelveld,
                self.traject,
                self.messages,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.add_class("lco-rollenspel")
        self.add_class("lco-rollenspel-oefenen")

    @staticmethod
    def _toggle(widget: widgets.Widget) -> None:
        widget.layout.display = "none" if widget.layout.display != "none" else ""

    def _casus_changed(self, casus: Casus) -> None:
        self.speelveld.children = ()
        self.speler = None
        if self._address_read and not self._opening and casus.is_lco:
            self.traject.keep(new_traject(casus, self.kiezer.bron))

    def open_address(self, query: str) -> None:
        """Open the traject in the page's address, or start one on the casus shown."""
        self._address_read = True
        self.traject.open_or_start(query, self.kiezer.casus, self.kiezer.bron)

    def _open_traject(self, traject: Traject) -> None:
        self._opening = True
        try:
            self.kiezer.show_traject(traject.casus, traject.bron)
        finally:
            self._opening = False

    def begin(self) -> None:
        """Build the scenario of the chosen casus and show its first moment."""
        casus = self.kiezer.casus
        if casus is None:
            raise LcoError(t("eerst_casus"))
        require_lco(casus, "rollenspel")
        scenario = build_scenario(casus, rng=random.Random(self._rng.getrandbits(32)))  # noqa: S311
        self.speler = MomentSpeler(scenario, self.messages, on_restart=self.begin)
        self.speelveld.children = (self.speler,)
        self.messages.clear()
