"""The casus page: choose or make a casus, see it as a person would, take it along, check your own.

Everything that comes from a casus file (the kit's, a facilitator's or an upload) is escaped
before it is shown: a casus text is never HTML. Charts are images with alt text; the
handout and the casus file are offered as downloads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import ipywidgets as widgets

from lco_kit.casus import (
    MAX_CASUS_BYTES,
    MAX_PROVIDERS,
    MIN_PROVIDERS,
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
from lco_kit.dutch import dutch_date
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


def _heading(key: str, level: int = 2) -> str:
    return f"<h{level}>{escape(casus_text(key))}</h{level}>"


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


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
            _heading("pagina_kop_profiel", 3) + f"<p>{escape(casus_text('pagina_profiel_uitleg'))}</p>",
            f"{prefix}-profiel-uitleg",
        )
        self.profile = image(b"", "", f"{prefix}-profiel")
        self.profile.add_class("lco-grafiek")
        self.network_intro = html_block(
            _heading("pagina_kop_netwerk", 3) + f"<p>{escape(casus_text('pagina_spilfiguur_uitleg'))}</p>",
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
                    _heading("pagina_kop_download", 3) + f"<p>{escape(casus_text('pagina_download_uitleg'))}</p>",
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


# -------------------------------------------------------------------- HTML parts (every value escaped)


Bron = Literal["bibliotheek", "simulatie", "upload"]
"""Where a casus on the page came from: its label says so, never a field inside the file."""


def card_html(casus: Casus, bron: Bron = "bibliotheek") -> str:
    """Return the summary card of a casus as HTML (every text from the casus escaped)."""
    client = casus.client
    facts = [
        (casus_text("handout_profiel"), find_profile(casus.profiel).label),
        (casus_text("handout_pseudoniem"), client.pseudoniem),
        (casus_text("handout_leeftijd"), client.leeftijd_tekst),
        (casus_text("handout_huishouden"), client.huishouden),
    ]
    if casus.gemeente:
        facts.append((casus_text("handout_gemeente"), casus.gemeente))
    if client.minderjarigen:
        minors = "; ".join(m.beschrijving for m in client.minderjarigen)
        facts.append((casus_text("handout_minderjarigen"), minors))
    if client.thuistaal:
        language = client.thuistaal
        if client.tolk_nodig:
            language += f" — {casus_text('handout_tolk').lower()}"
        facts.append((casus_text("handout_thuistaal"), language))
    if client.vertrouwenspersoon:
        facts.append((casus_text("handout_vertrouwenspersoon"), client.vertrouwenspersoon))
    requester = code_list("aanvragers").label(casus.aanvrager.soort)
    if casus.aanvrager.hulpverlener:
        requester += f" — {casus.who_label(casus.aanvrager.hulpverlener)}"
    facts.append((casus_text("pagina_aanvrager"), requester))
    rows = "".join(
        f'<tr><th scope="row" class="lco-casus-feit">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in facts
    )
    origin = escape(casus_text(f"pagina_herkomst_{bron}"))
    no_lco = ""
    if casus.geen_lco is not None:
        no_lco = (
            f'<div class="lco-casus-geen-lco"><p><strong>'
            f"{escape(casus_text('pagina_geen_lco', reden=casus.geen_lco.reden))}</strong></p>"
            f"<p>{escape(casus_text('pagina_geen_lco_uitleg'))}</p></div>"
        )
    return (
        f'<div class="lco-kaart"><p class="lco-casus-herkomst">{origin}</p>'
        f"<h3>{escape(casus.titel)}</h3><p>{escape(casus.samenvatting)}</p>{no_lco}"
        f'<table class="lco-casus-feiten">{rows}</table></div>'
    )


def wishes_html(casus: Casus) -> str:
    """Return what the client asks and what goes well.

    What is not shared at the table is never on this page (it is shown to a group): only a
    note that it exists, on the role cards and the facilitator's copy of the handout.
    """
    not_shared = (
        f"<p>{escape(casus_text('pagina_niet_delen_verborgen'))}</p>"
        if casus.niet_delen
        else f"<p>{escape(casus_text('pagina_niets_niet_delen'))}</p>"
    )
    return (
        _heading("pagina_kop_vraag", 3)
        + f'<blockquote class="lco-casus-hulpvraag">“{escape(casus.hulpvraag)}”</blockquote>'
        + _heading("pagina_kop_goed", 3)
        + _list(casus.wat_goed_gaat)
        + _heading("pagina_kop_niet_delen", 3)
        + f'<div class="lco-casus-niet-delen">{not_shared}</div>'
    )


def providers_html(casus: Casus) -> str:
    """Return each provider with their own view and worry."""
    sectors = code_list("sectoren")
    cards = []
    for provider in casus.hulpverleners:
        name = f"{provider.naam}, " if provider.naam else ""
        meta = " · ".join(
            [
                sectors.label(provider.sector),
                casus_text("pagina_sinds", sinds=provider.sinds),
                casus_text(f"nabijheid_{provider.nabijheid}"),
            ]
        )
        cards.append(
            f'<div class="lco-kaart"><h4>{escape(name + provider.rol)} — {escape(provider.dienst)}</h4>'
            f"<p>{escape(meta)}</p>"
            f"<p><strong>{escape(casus_text('handout_visie'))}:</strong> {escape(provider.visie)}</p>"
            f"<p><strong>{escape(casus_text('handout_zorg'))}:</strong> {escape(provider.zorg)}</p></div>"
        )
    return _heading("pagina_kop_hulpverleners", 3) + "".join(cards)


def knelpunten_html(casus: Casus) -> str:
    """Return the knelpunten, and the agreements of an earlier LCO when there was one."""
    kinds = code_list("knelpunten")
    items = "".join(
        f"<li><strong>{escape(kinds.label(k.categorie))}:</strong> {escape(k.omschrijving)}</li>"
        for k in casus.knelpunten
    )
    html = _heading("pagina_kop_knelpunten", 3) + f"<ul>{items}</ul>"
    if casus.vorige_lco is not None:
        headers = casus_text("handout_afspraak_kolommen").split("|")
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape(cell)}</td>"
                for cell in (
                    a.wat,
                    casus.who_label(a.wie),
                    dutch_date(a.tegen_wanneer) if a.tegen_wanneer else "",
                    casus_text(f"status_{a.status}"),
                )
            )
            + "</tr>"
            for a in casus.vorige_lco.afspraken
        )
        caption = casus_text("pagina_kop_vorige")
        if casus.vorige_lco.datum:
            caption += f" ({dutch_date(casus.vorige_lco.datum)})"
        html += (
            f'<table class="lco-tabel lco-casus-vorige"><caption>{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
    return html


# -------------------------------------------------------------------- the page


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
            problems = f"<p>{escape(casus_text('pagina_bibliotheek_fout'))}</p>" + _list(
                [str(error) for error in library.fouten]
            )
        if not library.casussen:
            problems = f"<p>{escape(casus_text('pagina_geen_casussen'))}</p>" + problems
        choose = widgets.VBox(
            [
                html_block(_heading("pagina_kop_kiezen"), "lco-casus-kop"),
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
                    _heading("pagina_kop_maken") + f"<p>{escape(casus_text('pagina_maken_uitleg'))}</p>",
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
                    _heading("pagina_kop_upload")
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
