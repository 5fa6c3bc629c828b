"""The start page's print panel: choose a programme, get its draaiboek and print pack as downloads."""

from __future__ import annotations

import ipywidgets as widgets

from lco_kit.drukwerk import PROGRAMMAS, drukwerk_text, programme_documents
from lco_kit.ui.widgets import DownloadLink, MessageArea, button, button_row, guarded, section

__all__ = ["AfdrukPaneel", "print_panel"]


class AfdrukPaneel(widgets.VBox):
    """Choose a programme; its PDFs are made on demand and offered one link each."""

    def __init__(self) -> None:
        t = drukwerk_text
        self.messages = MessageArea()
        self.choice = widgets.Dropdown(
            description=t("paneel_kies"),
            options=[(t(f"paneel_programma_{code}"), code) for code in PROGRAMMAS],
            value=PROGRAMMAS[0],
        )
        self.choice.style.description_width = "initial"
        self.choice.layout.width = "34em"
        self.choice.add_class("lco-afdrukken-keuze")
        self.make_button = button(t("paneel_maak"), "primary", "lco-afdrukken-maak")
        self.links = widgets.VBox()
        self.links.add_class("lco-afdrukken-lijst")
        self.make_button.on_click(guarded(self.messages, "het maken van de PDF's")(self._make))
        self.choice.observe(lambda _change: self._clear(), names="value")
        body = section(
            t("paneel_titel"),
            t("paneel_uitleg"),
            [button_row(self.choice, self.make_button), self.messages, self.links],
            "lco-afdrukken",
        )
        super().__init__([body])

    def _clear(self) -> None:
        self.links.children = ()
        self.messages.clear()

    def _make(self, _button: object = None) -> None:
        self._clear()
        self.messages.show(drukwerk_text("paneel_bezig"))
        self.make_button.disabled = True
        try:
            links = []
            for item in programme_documents(str(self.choice.value)):
                link = DownloadLink(item.label, item.filename, "application/pdf", item.make())
                links.append(link)
                self.links.children = tuple(links)
            self.messages.show(drukwerk_text("paneel_klaar", aantal=len(links)))
        finally:
            self.make_button.disabled = False


def print_panel() -> AfdrukPaneel:
    """Return the print panel for the start page."""
    return AfdrukPaneel()
