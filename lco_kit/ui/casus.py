"""The casus page: choose or make a casus, see it as a person would, take it along, check your own.

Everything that comes from a casus file (the kit's, a facilitator's or an upload) is escaped
before it is shown: a casus text is never HTML. Charts are images with alt text; the
handout and the casus file are offered as downloads.
"""

from __future__ import annotations

import ipywidgets as widgets

from lco_kit.casus import (
    MAX_CASUS_BYTES,
    MAX_PROVIDERS,
    MIN_PROVIDERS,
    Bron,
    Casus,
    casus_handout,
    casus_text,
    casus_to_yaml,
    check_casus,
    domain_profile_chart,
    facilitator_filename,
    find_profile,
    handout_filename,
    network_map,
    profiles,
    read_library,
    simulate_casus,
)
from lco_kit.codes import code_list
from lco_kit.ui.casus_html import card_html, heading, html_list, knelpunten_html, providers_html, wishes_html
from lco_kit.ui.widgets import (
    DownloadLink,
    FileInput,
    MessageArea,
    UploadedFile,
    button,
    escape,
    guarded,
    html_block,
    human_size,
    image,
)

__all__ = ["CasusPagina", "CasusWeergave", "casus_pagina"]

_PDF = "application/pdf"
_YAML = "application/x-yaml"
_WIDE = widgets.Layout(width="100%", max_width="36rem")
_ANY = ""
"""The value of ‘Willekeurig’ and ‘Zoals de situatie het meebrengt’ in the lists (a Dropdown shows None as empty)."""


def _labelled(widget: widgets.Widget) -> widgets.Widget:
    widget.style.description_width = "initial"
    widget.layout = _WIDE
    return widget


class CasusWeergave(widgets.VBox):
    """One casus as a person sees it: card, wishes, charts, providers, knelpunten, downloads.

    Args:
        messages: Where callbacks report problems.
        prefix: A CSS class prefix, so that two views on one page can be told apart.
    """

    def __init__(self, messages: MessageArea, prefix: str = "lco-casus") -> None:
        self.messages = messages
        self.casus: Casus | None = None
        self._updating = False
        self.card = html_block("", f"{prefix}-kaart")
        self.wishes = html_block("", f"{prefix}-wensen")
        self.profile_intro = html_block(
            heading("pagina_kop_profiel", 3) + f"<p>{escape(casus_text('pagina_profiel_uitleg'))}</p>",
            f"{prefix}-profiel-uitleg",
        )
        self.profile = image(b"", "", f"{prefix}-profiel")
        self.profile.add_class("lco-grafiek")
        self.network_intro = html_block(
            heading("pagina_kop_netwerk", 3) + f"<p>{escape(casus_text('pagina_spilfiguur_uitleg'))}</p>",
            f"{prefix}-netwerk-uitleg",
        )
        self.spilfiguur = _labelled(widgets.Dropdown(description=casus_text("pagina_spilfiguur"), options=[]))
        self.spilfiguur.add_class(f"{prefix}-spilfiguur")
        self.network = image(b"", "", f"{prefix}-netwerk")
        self.network.add_class("lco-grafiek")
        self.providers = html_block("", f"{prefix}-hulpverleners")
        self.knelpunten = html_block("", f"{prefix}-knelpunten")
        self.make_handout = button(casus_text("pagina_maak_handout"), "", f"{prefix}-maak-handout")
        self.make_handout.on_click(guarded(messages, "het maken van de hand-out")(self._make_handout))
        self.handout = DownloadLink(casus_text("pagina_download_handout"), "casus.pdf", _PDF)
        self.handout.add_class(f"{prefix}-handout")
        self.facilitator_copy = DownloadLink(casus_text("pagina_download_begeleider"), "casus-begeleider.pdf", _PDF)
        self.facilitator_copy.add_class(f"{prefix}-handout-begeleider")
        self.yaml = DownloadLink(casus_text("pagina_download_yaml"), "casus.yaml", _YAML)
        self.yaml.add_class(f"{prefix}-yaml")
        downloads = widgets.VBox(
            [
                html_block(
                    heading("pagina_kop_download", 3) + f"<p>{escape(casus_text('pagina_download_uitleg'))}</p>",
                    "lco-casus-kop",
                ),
                self.make_handout,
                self.handout,
                self.facilitator_copy,
                self.yaml,
            ],
        )
        super().__init__(
            [
                self.card,
                self.wishes,
                self.profile_intro,
                self.profile,
                self.network_intro,
                self.spilfiguur,
                self.network,
                self.providers,
                self.knelpunten,
                downloads,
            ]
        )
        self.add_class(f"{prefix}-weergave")
        self.layout.display = "none"
        self.spilfiguur.observe(guarded(messages, "het kiezen van de spilfiguur")(self._spil_changed), names="value")

    # ---------------------------------------------------------------- showing

    def show(self, casus: Casus, bron: Bron) -> None:
        """Show a casus (replacing what was shown), labelled by where it came from."""
        self.casus = casus
        self.card.value = card_html(casus, bron)
        self.wishes.value = wishes_html(casus)
        chart = domain_profile_chart(casus)
        self.profile.show(chart.png(), chart.alt)
        options: list[tuple[str, str | None]] = [(casus_text("pagina_spilfiguur_geen"), None)]
        options += [(casus.who_label(p.id), p.id) for p in casus.hulpverleners]
        chosen = casus.opstelling.spilfiguur if casus.opstelling else None
        self._updating = True
        try:
            self.spilfiguur.options = options
            self.spilfiguur.value = chosen
        finally:
            self._updating = False
        self.providers.value = providers_html(casus)
        self.knelpunten.value = knelpunten_html(casus)
        self.yaml.set_data(casus_to_yaml(casus).encode("utf-8"), f"{casus.id}.yaml")
        self._draw_network()
        self.layout.display = ""

    def _spil_changed(self, change: dict[str, object]) -> None:
        del change
        if self.casus is not None and not self._updating:
            self._draw_network()

    def _draw_network(self) -> None:
        assert self.casus is not None
        chart = network_map(self.casus, self.spilfiguur.value or None)
        self.network.show(chart.png(), chart.alt)
        self.handout.set_data(None)  # a handout made before no longer matches what is shown
        self.facilitator_copy.set_data(None)

    def _make_handout(self, _button: widgets.Button | None = None) -> None:
        if self.casus is None:
            return
        chosen = self.spilfiguur.value or None
        self.handout.set_data(casus_handout(self.casus, chosen), handout_filename(self.casus))
        self.facilitator_copy.set_data(
            casus_handout(self.casus, chosen, begeleider=True), facilitator_filename(self.casus)
        )


class CasusPagina(widgets.VBox):
    """The whole casus page as one widget (class ``lco-casus-pagina``)."""

    def __init__(self) -> None:
        self.messages = MessageArea()
        self.messages.add_class("lco-casus-meldingen")
        library = read_library()
        self.library = {casus.id: casus for casus in library.casussen}
        self.view = CasusWeergave(self.messages)

        self.choice = _labelled(
            widgets.Dropdown(
                description=casus_text("pagina_casus_keuze"),
                options=[(f"{c.titel} ({find_profile(c.profiel).label})", c.id) for c in library.casussen],
                value=None,
            )
        )
        self.choice.add_class("lco-casus-keuze")
        self.choice.observe(guarded(self.messages, "het tonen van de casus")(self._chosen), names="value")
        problems = ""
        if library.fouten:
            problems = f"<p>{escape(casus_text('pagina_bibliotheek_fout'))}</p>" + html_list(
                [str(error) for error in library.fouten]
            )
        if not library.casussen:
            problems = f"<p>{escape(casus_text('pagina_geen_casussen'))}</p>" + problems
        choose = widgets.VBox(
            [
                html_block(heading("pagina_kop_kiezen"), "lco-casus-kop"),
                self.choice,
                html_block(problems, "lco-casus-bibliotheek"),
            ]
        )
        choose.add_class("lco-casus-kiezen")

        self.seed = _labelled(widgets.BoundedIntText(description=casus_text("pagina_seed"), value=1, min=0, max=10**9))
        self.seed.add_class("lco-casus-seed")
        self.profile = _labelled(
            widgets.Dropdown(
                description=casus_text("pagina_profiel"),
                options=[(casus_text("pagina_willekeurig"), _ANY)] + [(p.label, p.code) for p in profiles()],
                value=_ANY,
            )
        )
        self.profile.add_class("lco-casus-profielkeuze")
        self.providers = _labelled(
            widgets.Dropdown(
                description=casus_text("pagina_hulpverleners"),
                options=[(casus_text("pagina_hulpverleners_willekeurig"), 0)]
                + [(str(n), n) for n in range(MIN_PROVIDERS, MAX_PROVIDERS + 1)],
                value=0,
            )
        )
        self.providers.add_class("lco-casus-aantal")
        self.minors = _labelled(
            widgets.Dropdown(
                description=casus_text("pagina_minderjarigen"),
                options=[
                    (casus_text("pagina_minderjarigen_profiel"), _ANY),
                    (casus_text("pagina_minderjarigen_met"), "met"),
                    (casus_text("pagina_minderjarigen_zonder"), "zonder"),
                ],
                value=_ANY,
            )
        )
        self.minors.add_class("lco-casus-minderjarigen")
        self.domains = _labelled(
            widgets.SelectMultiple(
                description=casus_text("pagina_levensdomeinen"),
                options=[(c.label, c.code) for c in code_list("levensdomeinen").codes],
                rows=6,
            )
        )
        self.domains.add_class("lco-casus-domeinen")
        self.make = button(casus_text("pagina_maak"), "primary", "lco-casus-maak")
        self.make.on_click(guarded(self.messages, "het maken van de casus")(self._make))
        make = widgets.VBox(
            [
                html_block(
                    heading("pagina_kop_maken") + f"<p>{escape(casus_text('pagina_maken_uitleg'))}</p>",
                    "lco-casus-kop",
                ),
                self.seed,
                self.profile,
                self.providers,
                self.minors,
                self.domains,
                html_block(f"<p>{escape(casus_text('pagina_levensdomeinen_uitleg'))}</p>", "lco-casus-domeinen-uitleg"),
                self.make,
            ]
        )
        make.add_class("lco-casus-maken")

        self.upload_result = MessageArea()
        self.upload_result.add_class("lco-casus-resultaat")
        self.own_view = CasusWeergave(self.upload_result, prefix="lco-eigen-casus")
        self.upload = FileInput(
            self._received,
            accept=(".yaml", ".yml"),
            max_bytes=MAX_CASUS_BYTES,
            label=casus_text("pagina_upload_knop"),
            what=casus_text("pagina_upload_wat"),
        )
        self.upload.add_class("lco-casus-upload")
        self.upload.upload.layout.width = "auto"  # the whole label, not "Kies een c…"
        own = widgets.VBox(
            [
                html_block(
                    heading("pagina_kop_upload")
                    + f"<p>{escape(casus_text('pagina_upload_uitleg', maximum=human_size(MAX_CASUS_BYTES)))}</p>",
                    "lco-casus-kop",
                ),
                self.upload,
                self.upload_result,
                self.own_view,
            ]
        )
        own.add_class("lco-casus-eigen")

        super().__init__([choose, make, self.messages, self.view, own])
        self.add_class("lco-casus-pagina")
        if library.casussen:
            self.choice.value = library.casussen[0].id

    # ---------------------------------------------------------------- callbacks

    def _chosen(self, change: dict[str, object]) -> None:
        casus_id = change["new"]
        if not isinstance(casus_id, str):
            return
        casus = self.library[casus_id]
        self.view.show(casus, "bibliotheek")
        self.messages.show(casus_text("pagina_getoond", titel=casus.titel), "info")

    def _make(self, _button: widgets.Button | None = None) -> None:
        domains = list(self.domains.value) or None
        casus = simulate_casus(
            int(self.seed.value),
            profiel=self.profile.value or None,
            hulpverleners=self.providers.value or None,
            minderjarigen={"met": True, "zonder": False}.get(self.minors.value),
            levensdomeinen=domains,
        )
        with self.choice.hold_trait_notifications():
            self.choice.value = None
        self.view.show(casus, "simulatie")
        self.messages.show(casus_text("pagina_gemaakt", seed=self.seed.value, titel=casus.titel), "ok")

    def _received(self, uploaded: UploadedFile) -> None:
        result = check_casus(uploaded.data, uploaded.name)
        # A casus with personal data in it is not shown, on a screen that may be projected: only
        # the findings (masked, with their lines) until the file is clean.
        if result.casus is not None and not result.privacy:
            self.upload_result.show(result.report(), "ok" if result.ok else "fout")
            self.own_view.show(result.casus, "upload")
            return
        self.own_view.layout.display = "none"
        report = result.report()
        if result.privacy:
            report += "\n\n" + casus_text("pagina_upload_niet_getoond")
        self.upload_result.show(report, "fout")


def casus_pagina() -> CasusPagina:
    """Return the casus page's widget."""
    return CasusPagina()
