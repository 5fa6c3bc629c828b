"""The case owner's own casus on the intervisie page: a short form that becomes the kit's one casus model.

What is typed is privacy-scanned (:func:`lco_kit.intervisie.form_findings`) before anything is
shown; this module only holds the fields and reads them back.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from lco_kit.casus import profiles, scale
from lco_kit.codes import code_list
from lco_kit.intervisie import AGE_BANDS, EigenCasus, intervisie_text
from lco_kit.ui.widgets import button

__all__ = ["EigenCasusFormulier", "field", "text_area", "wide"]

t = intervisie_text


def wide() -> widgets.Layout:
    """Return a new full-width layout (a layout shared by two widgets would hide both at once)."""
    return widgets.Layout(width="100%")


def field(widget: widgets.Widget, css: str) -> widgets.Widget:
    """Return a form field with its label beside it, full width, with its class."""
    widget.style.description_width = "initial"
    widget.layout = widgets.Layout(width="100%")
    widget.add_class(css)
    return widget


def text_area(label: str, css: str, rows: int = 3) -> widgets.Textarea:
    """Return a text area of ``rows`` lines as a form field."""
    area = widgets.Textarea(description=label, rows=rows)
    return field(area, css)


class EigenCasusFormulier(widgets.VBox):
    """The form for the case owner's own casus, with the button that checks it.

    Args:
        on_check: Called when the case owner asks to check the casus.
    """

    def __init__(self, on_check: Callable[[object], None]) -> None:
        domains = code_list("levensdomeinen")
        self.f_title = field(widgets.Text(description=t("veld_titel")), "lco-intervisie-titel")
        self.f_situation = text_area(t("veld_situatie"), "lco-intervisie-situatie", rows=4)
        self.f_age = field(
            widgets.Dropdown(
                description=t("veld_leeftijd"), options=[(t(f"leeftijd_{band}"), band) for band in AGE_BANDS]
            ),
            "lco-intervisie-leeftijd",
        )
        self.f_household = field(widgets.Text(description=t("veld_huishouden")), "lco-intervisie-huishouden")
        self.f_profile = field(
            widgets.Dropdown(description=t("veld_profiel"), options=[(p.label, p.code) for p in profiles()]),
            "lco-intervisie-profiel",
        )
        self.f_domains = field(
            widgets.SelectMultiple(
                description=t("veld_domeinen"), options=[(c.label, c.code) for c in domains.codes], rows=6
            ),
            "lco-intervisie-domeinen",
        )
        self.f_weight = field(
            widgets.Dropdown(
                description=t("veld_zwaarte"), options=[(f"{s.score} — {s.label}", s.score) for s in scale()], value=2
            ),
            "lco-intervisie-zwaarte",
        )
        self.f_services = text_area(t("veld_diensten"), "lco-intervisie-diensten", rows=4)
        self.f_request = text_area(t("veld_hulpvraag"), "lco-intervisie-hulpvraag", rows=2)
        self.f_good = text_area(t("veld_wat_goed_gaat"), "lco-intervisie-goed", rows=2)
        self.f_knelpunt = field(widgets.Text(description=t("veld_knelpunt")), "lco-intervisie-knelpunt")
        self.f_question = text_area(t("veld_leervraag"), "lco-intervisie-leervraag", rows=2)
        self.f_consent = field(
            widgets.Checkbox(description=t("veld_toestemming"), value=True, indent=False), "lco-intervisie-toestemming"
        )
        check = button(t("pagina_nakijken"), "primary", "lco-intervisie-nakijken")
        check.on_click(on_check)
        super().__init__(
            [
                self.f_title,
                self.f_situation,
                self.f_age,
                self.f_household,
                self.f_profile,
                self.f_domains,
                self.f_weight,
                self.f_services,
                self.f_request,
                self.f_good,
                self.f_knelpunt,
                self.f_question,
                self.f_consent,
                check,
            ],
            layout=wide(),
        )

    def value(self) -> EigenCasus:
        """Return what the case owner typed."""
        return EigenCasus(
            titel=self.f_title.value,
            situatie=self.f_situation.value,
            leeftijd=str(self.f_age.value or ""),
            huishouden=self.f_household.value,
            profiel=str(self.f_profile.value or ""),
            domeinen=tuple(self.f_domains.value),
            zwaarte=int(self.f_weight.value),
            diensten=self.f_services.value,
            hulpvraag=self.f_request.value,
            wat_goed_gaat=self.f_good.value,
            knelpunt=self.f_knelpunt.value,
            leervraag=self.f_question.value,
            toestemming=bool(self.f_consent.value),
        )

    def fill(self, form: EigenCasus) -> None:
        """Show a form kept in a draft again."""
        self.f_title.value = form.titel
        self.f_situation.value = form.situatie
        self.f_age.value = form.leeftijd or AGE_BANDS[0]
        self.f_household.value = form.huishouden
        self.f_profile.value = form.profiel or self.f_profile.options[0][1]
        self.f_domains.value = tuple(form.domeinen)
        self.f_weight.value = form.zwaarte
        self.f_services.value = form.diensten
        self.f_request.value = form.hulpvraag
        self.f_good.value = form.wat_goed_gaat
        self.f_knelpunt.value = form.knelpunt
        self.f_question.value = form.leervraag
        self.f_consent.value = form.toestemming
