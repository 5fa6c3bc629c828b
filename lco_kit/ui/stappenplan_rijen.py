"""The stappenplan page's rows: one agreement (wat, wie, tegen wanneer), one knelpunt, and the list of problems.

Each row reads back what it says as the casus's own model, a concept not checked yet
(:meth:`~lco_kit.casus.Afspraak.concept`, :meth:`~lco_kit.casus.Knelpunt.concept`); the
stappenplan's rules say what is missing.
"""

from __future__ import annotations

import ipywidgets as widgets

from lco_kit.casus import Afspraak, Knelpunt
from lco_kit.codes import code_list
from lco_kit.stappenplan import StappenplanProbleem, stappenplan_text
from lco_kit.ui.widgets import button, button_row, escape

__all__ = ["KIES", "AfspraakRij", "KnelpuntRij", "labelled", "problems_html"]

t = stappenplan_text

KIES = ""
"""The value of ‘nothing chosen yet’ in a list."""


def labelled(widget: widgets.Widget, css: str) -> widgets.Widget:
    """Return the widget with its class, its description as wide as it needs."""
    widget.add_class(css)
    widget.style.description_width = "initial"
    return widget


def problems_html(problems: list[StappenplanProbleem]) -> str:
    """Return the rules a stappenplan does not meet, as a list (all text escaped)."""
    items = "".join(f'<li class="lco-sp-regel-{escape(p.regel)}">{escape(p.boodschap)}</li>' for p in problems)
    head = escape(t("niet_compleet", aantal=len(problems)))
    return f'<div class="lco-melding lco-melding-fout" role="alert"><strong>{head}</strong><ul>{items}</ul></div>'


class AfspraakRij(widgets.VBox):
    """One agreement's inputs: what, who, by when, and a button to remove it."""

    def __init__(self, number: int, owners: list[tuple[str, str]], agreement: Afspraak) -> None:
        self.wat = labelled(
            widgets.Text(
                value=agreement.wat,
                description=t("pagina_afspraak_wat", nr=number),
                placeholder=t("pagina_afspraak_wat_voorbeeld"),
                layout=widgets.Layout(width="100%"),
            ),
            "lco-sp-wat",
        )
        options = [(t("pagina_kies_wie"), KIES), *owners]
        self.wie = labelled(
            widgets.Dropdown(
                options=options,
                value=agreement.wie if agreement.wie in {v for _, v in owners} else KIES,
                description=t("pagina_afspraak_wie", nr=number),
            ),
            "lco-sp-wie",
        )
        self.datum = labelled(
            widgets.DatePicker(value=agreement.tegen_wanneer, description=t("pagina_afspraak_datum", nr=number)),
            "lco-sp-datum",
        )
        self.verwijder = button(t("pagina_verwijder_afspraak", nr=number), "", "lco-sp-verwijder")
        super().__init__(
            [self.wat, self.wie, button_row(self.datum, self.verwijder)], layout=widgets.Layout(width="100%")
        )
        self.add_class("lco-sp-rij")
        self.add_class("lco-sp-afspraak")

    def agreement(self) -> Afspraak:
        """Return what the row says."""
        return Afspraak.concept(self.wat.value.strip(), str(self.wie.value), self.datum.value)


class KnelpuntRij(widgets.VBox):
    """One knelpunt's inputs: its category and what happens."""

    def __init__(self, number: int, knelpunt: Knelpunt) -> None:
        codes = code_list("knelpunten")
        self.soort = labelled(
            widgets.Dropdown(
                options=[(t("pagina_kies_soort"), KIES)] + [(c.label, c.code) for c in codes.codes],
                value=knelpunt.categorie if knelpunt.categorie in {c.code for c in codes.codes} else KIES,
                description=t("pagina_knelpunt_soort", nr=number),
            ),
            "lco-sp-knelpunt-soort",
        )
        self.tekst = labelled(
            widgets.Text(
                value=knelpunt.omschrijving,
                description=t("pagina_knelpunt_tekst", nr=number),
                placeholder=t("pagina_knelpunt_voorbeeld"),
                layout=widgets.Layout(width="100%"),
            ),
            "lco-sp-knelpunt-tekst",
        )
        self.verwijder = button(t("pagina_verwijder_knelpunt", nr=number), "", "lco-sp-verwijder-knelpunt")
        super().__init__([self.soort, self.tekst, self.verwijder], layout=widgets.Layout(width="100%"))
        self.add_class("lco-sp-rij")
        self.add_class("lco-sp-knelpunt")

    def knelpunt(self) -> Knelpunt:
        """Return what the row says."""
        return Knelpunt.concept(str(self.soort.value), self.tekst.value.strip())
